# convdims real-world corpus: a shim written for the corpus, not torchvision code.
# torchvision/_internally_replaced_utils.py finds torch's hub folder and the compiled
# extension; models/_api.py imports only load_state_dict_from_url from it, which
# WeightsEnum.get_state_dict calls to download pretrained weights. The corpus builds every
# model with weights=None, so it never downloads; calling it says so.


def load_state_dict_from_url(url, *args, **kwargs):
    raise RuntimeError(
        f"the convdims corpus builds models with weights=None and downloads nothing ({url})"
    )

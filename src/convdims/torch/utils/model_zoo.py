"""``torch.utils.model_zoo``: PyTorch's old name of ``torch.hub``'s weight loader,
refused as there.

>>> try:
...     load_url("https://example.org/weights.pth")
... except RuntimeError as error:
...     print(error.name)
torch.hub.load_state_dict_from_url
"""

from convdims.torch.hub import load_state_dict_from_url

load_url = load_state_dict_from_url

__all__ = ["load_url"]

# convdims real-world corpus: a shim written for the corpus, not torchvision code.
# torchvision/extension.py loads torchvision's compiled operators (nms, roi_align...), which
# are not installed here; as torchvision does when loading fails, _has_ops() is False and
# _assert_has_ops() raises torchvision's error. The corpus never calls those operators.


def _has_ops():
    return False


def _assert_has_ops():
    if not _has_ops():
        raise RuntimeError(
            "Couldn't load custom C++ ops. This can happen if your PyTorch and "
            "torchvision versions are incompatible, or if you had errors while compiling "
            "torchvision from source. For further information on the compatible versions, check "
            "https://github.com/pytorch/vision#installation for the compatibility matrix. "
            "Please check your PyTorch version with torch.__version__ and your torchvision "
            "version with torchvision.__version__ and verify if they are compatible, and if not "
            "please reinstall torchvision so that it matches your PyTorch install. "
            "Set TORCHVISION_WARN_WHEN_EXTENSION_LOADING_FAILS=1 and retry to get more details."
        )

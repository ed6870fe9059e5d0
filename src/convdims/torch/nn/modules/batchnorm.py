"""``torch.nn.modules.batchnorm``: PyTorch's file of these layers; the classes are
convdims.torch.nn's."""

from convdims.torch.nn.normalization import (  # noqa: F401 - re-exported
    BatchNorm1d,
    BatchNorm2d,
    BatchNorm3d,
    _BatchNorm,
)

__all__ = ["_BatchNorm", "BatchNorm1d", "BatchNorm2d", "BatchNorm3d"]

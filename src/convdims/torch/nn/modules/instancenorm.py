"""``torch.nn.modules.instancenorm``: PyTorch's file of the instance norms; the classes
are convdims.torch.nn's."""

from convdims.torch.nn.normalization import (  # noqa: F401 - re-exported
    InstanceNorm1d,
    InstanceNorm2d,
    InstanceNorm3d,
    _InstanceNorm,
)

__all__ = ["InstanceNorm1d", "InstanceNorm2d", "InstanceNorm3d", "_InstanceNorm"]

"""``torch.nn.modules.padding``: PyTorch's file of these layers; the classes are
convdims.torch.nn's."""

from convdims.torch.nn.padding import (  # noqa: F401 - re-exported
    ConstantPad1d,
    ConstantPad2d,
    ConstantPad3d,
    ReflectionPad1d,
    ReflectionPad2d,
    ReplicationPad1d,
    ReplicationPad2d,
    ZeroPad1d,
    ZeroPad2d,
    ZeroPad3d,
    _ConstantPadNd,
    _PadNd,
)

__all__ = [
    "ConstantPad1d",
    "ConstantPad2d",
    "ConstantPad3d",
    "ReflectionPad1d",
    "ReflectionPad2d",
    "ReplicationPad1d",
    "ReplicationPad2d",
    "ZeroPad1d",
    "ZeroPad2d",
    "ZeroPad3d",
    "_ConstantPadNd",
    "_PadNd",
]

"""``torch.nn.modules.conv``: PyTorch's file of these layers; the classes are
convdims.torch.nn's."""

from convdims.torch.nn.conv import (  # noqa: F401 - re-exported
    Conv1d,
    Conv2d,
    Conv3d,
    ConvTranspose1d,
    ConvTranspose2d,
    ConvTranspose3d,
    _ConvNd,
)

__all__ = [
    "_ConvNd",
    "Conv1d",
    "Conv2d",
    "Conv3d",
    "ConvTranspose1d",
    "ConvTranspose2d",
    "ConvTranspose3d",
]

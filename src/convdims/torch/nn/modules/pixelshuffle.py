"""``torch.nn.modules.pixelshuffle``: PyTorch's file of these layers; the classes are
convdims.torch.nn's."""

from convdims.torch.nn.upsampling import (  # noqa: F401 - re-exported
    PixelShuffle,
    PixelUnshuffle,
)

__all__ = ["PixelShuffle", "PixelUnshuffle"]

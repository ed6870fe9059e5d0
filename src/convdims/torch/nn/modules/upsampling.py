"""``torch.nn.modules.upsampling``: PyTorch's file of these layers; the classes are
convdims.torch.nn's."""

from convdims.torch.nn.upsampling import (  # noqa: F401 - re-exported
    Upsample,
    UpsamplingBilinear2d,
    UpsamplingNearest2d,
)

__all__ = ["Upsample", "UpsamplingBilinear2d", "UpsamplingNearest2d"]

"""``torch.nn.modules.normalization``: PyTorch's file of these layers; the classes are
convdims.torch.nn's."""

from convdims.torch.nn.normalization import (  # noqa: F401 - re-exported
    GroupNorm,
    LayerNorm,
)

__all__ = ["GroupNorm", "LayerNorm"]

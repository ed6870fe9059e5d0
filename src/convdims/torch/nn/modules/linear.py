"""``torch.nn.modules.linear``: PyTorch's file of these layers; the classes are
convdims.torch.nn's."""

from convdims.torch.nn.linear import (  # noqa: F401 - re-exported
    Identity,
    Linear,
)

__all__ = ["Identity", "Linear"]

"""``torch.nn.modules.module``: PyTorch's file of these layers; the classes are
convdims.torch.nn's."""

from convdims.torch.nn.module import (  # noqa: F401 - re-exported
    Module,
)

__all__ = ["Module"]

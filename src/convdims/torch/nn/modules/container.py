"""``torch.nn.modules.container``: PyTorch's file of these layers; the classes are
convdims.torch.nn's."""

from convdims.torch.nn.container import (  # noqa: F401 - re-exported
    ModuleDict,
    ModuleList,
    Sequential,
)

__all__ = ["ModuleDict", "ModuleList", "Sequential"]

"""``torch.nn.utils.weight_norm`` (PyTorch's older form, deprecated in favour of
``torch.nn.utils.parametrizations.weight_norm``): the layer's ``weight`` parameter
becomes two, ``weight_g`` (its norm over every axis but ``dim``) and ``weight_v`` (its
direction, the weight's shape), and ``weight`` is recomputed from them before each call.

>>> import warnings
>>> from convdims.torch import nn
>>> with warnings.catch_warnings():
...     warnings.simplefilter("ignore")
...     layer = weight_norm(nn.Conv1d(4, 8, 3))
>>> [(name, tuple(p.shape)) for name, p in layer.named_parameters()]
[('bias', (8,)), ('weight_g', (8, 1, 1)), ('weight_v', (8, 4, 3))]
"""

from __future__ import annotations

import warnings

from convdims.torch.errors import ShapeError
from convdims.torch.nn.module import Module, Parameter
from convdims.torch.nn.utils._shapes import norm_except_dim_shape

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

__all__ = ["WeightNorm", "remove_weight_norm", "weight_norm"]


class WeightNorm:
    """The forward pre-hook that recomputes ``name`` from ``name_g`` and ``name_v``."""

    name: str
    dim: int

    def __init__(self, name: str, dim: int) -> None:
        if dim is None:
            dim = -1
        self.name = name
        self.dim = dim

    def compute_weight(self, module: Module) -> Any:
        direction = getattr(module, self.name + "_v")
        return direction._like(direction.shape)

    @staticmethod
    def apply(module: Module, name: str, dim: int) -> WeightNorm:
        for hook in module._forward_pre_hooks.values():
            if isinstance(hook, WeightNorm) and hook.name == name:
                raise ShapeError(
                    f"Cannot register two weight_norm hooks on the same parameter {name}",
                    argument="name",
                    value=name,
                    valid="a parameter without a weight_norm yet",
                )
        if dim is None:
            dim = -1
        fn = WeightNorm(name, dim)
        weight = getattr(module, name)
        del module._parameters[name]
        module.register_parameter(
            name + "_g", Parameter._new(norm_except_dim_shape(weight, dim), weight.dtype)
        )
        module.register_parameter(name + "_v", Parameter._new(weight.shape, weight.dtype))
        setattr(module, name, fn.compute_weight(module))
        module.register_forward_pre_hook(fn)
        return fn

    def remove(self, module: Module) -> None:
        weight = self.compute_weight(module)
        delattr(module, self.name)
        del module._parameters[self.name + "_g"]
        del module._parameters[self.name + "_v"]
        setattr(module, self.name, Parameter._new(weight.shape, weight.dtype))

    def __call__(self, module: Module, inputs: Any) -> None:
        setattr(module, self.name, self.compute_weight(module))


def weight_norm(module: Module, name: str = "weight", dim: int = 0) -> Module:
    """``torch.nn.utils.weight_norm``: ``name`` split into ``name_g`` and ``name_v``
    (``dim=None``: ``name_g`` is one number, the norm of the whole weight). Warns, as
    PyTorch 2.13 does, that the parametrizations form replaces it."""
    warnings.warn(
        "`torch.nn.utils.weight_norm` is deprecated in favor of "
        "`torch.nn.utils.parametrizations.weight_norm`.",
        FutureWarning,
        stacklevel=1,  # PyTorch's warning points into its own file: shown once a run
    )
    WeightNorm.apply(module, name, dim)
    return module


def remove_weight_norm(module: Module, name: str = "weight") -> Module:
    """``torch.nn.utils.remove_weight_norm``: ``name`` is one parameter again."""
    for key, hook in list(module._forward_pre_hooks.items()):
        if isinstance(hook, WeightNorm) and hook.name == name:
            hook.remove(module)
            del module._forward_pre_hooks[key]
            return module
    raise ValueError(f"weight_norm of '{name}' not found in {module}")

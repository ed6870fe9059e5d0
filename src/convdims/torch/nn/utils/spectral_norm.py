"""``torch.nn.utils.spectral_norm`` (PyTorch's older form): the layer's ``weight``
parameter becomes ``weight_orig``, with two buffers for the power iteration,
``weight_u`` (the weight's size along ``dim``) and ``weight_v`` (the product of the
other sizes); ``weight`` is recomputed before each call.

>>> from convdims.torch import nn
>>> layer = spectral_norm(nn.Linear(8, 6))
>>> [(name, tuple(p.shape)) for name, p in layer.named_parameters()]
[('bias', (6,)), ('weight_orig', (6, 8))]
>>> [(name, tuple(b.shape)) for name, b in layer.named_buffers()]
[('weight_u', (6,)), ('weight_v', (8,))]
"""

from __future__ import annotations

from convdims.torch.errors import ShapeError
from convdims.torch.nn.conv import ConvTranspose1d, ConvTranspose2d, ConvTranspose3d
from convdims.torch.nn.module import Module, Parameter
from convdims.torch.nn.utils._shapes import check_iterations, matrix_shape

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

__all__ = ["SpectralNorm", "remove_spectral_norm", "spectral_norm"]

_TRANSPOSED = (ConvTranspose1d, ConvTranspose2d, ConvTranspose3d)


class SpectralNorm:
    """The forward pre-hook that recomputes ``name`` from ``name_orig``."""

    def __init__(
        self,
        name: str = "weight",
        n_power_iterations: int = 1,
        dim: int = 0,
        eps: float = 1e-12,
    ) -> None:
        self.name = name
        self.dim = dim
        check_iterations(n_power_iterations)
        self.n_power_iterations = n_power_iterations
        self.eps = eps

    def compute_weight(self, module: Module) -> Any:
        original = getattr(module, self.name + "_orig")
        return original._like(original.shape)

    @staticmethod
    def apply(
        module: Module, name: str, n_power_iterations: int, dim: int, eps: float
    ) -> SpectralNorm:
        for hook in module._forward_pre_hooks.values():
            if isinstance(hook, SpectralNorm) and hook.name == name:
                raise ShapeError(
                    f"Cannot register two spectral_norm hooks on the same parameter {name}",
                    argument="name",
                    value=name,
                    valid="a parameter without a spectral_norm yet",
                )
        fn = SpectralNorm(name, n_power_iterations, dim, eps)
        weight = module._parameters[name]
        rows, columns = matrix_shape(weight, dim)
        delattr(module, fn.name)
        module.register_parameter(fn.name + "_orig", weight)
        setattr(module, fn.name, weight._like(weight.shape))
        module.register_buffer(fn.name + "_u", weight._like((rows,)))
        module.register_buffer(fn.name + "_v", weight._like((columns,)))
        module.register_forward_pre_hook(fn)
        return fn

    def remove(self, module: Module) -> None:
        weight = self.compute_weight(module)
        delattr(module, self.name)
        delattr(module, self.name + "_u")
        delattr(module, self.name + "_v")
        delattr(module, self.name + "_orig")
        module.register_parameter(self.name, Parameter._new(weight.shape, weight.dtype))

    def __call__(self, module: Module, inputs: Any) -> None:
        setattr(module, self.name, self.compute_weight(module))


def spectral_norm(
    module: Module,
    name: str = "weight",
    n_power_iterations: int = 1,
    eps: float = 1e-12,
    dim: int | None = None,
) -> Module:
    """``torch.nn.utils.spectral_norm`` (``dim`` defaults to 1 for a transposed
    convolution, whose weight is ``(in, out, *kernel)``, and to 0 otherwise)."""
    if dim is None:
        dim = 1 if isinstance(module, _TRANSPOSED) else 0
    SpectralNorm.apply(module, name, n_power_iterations, dim, eps)
    return module


def remove_spectral_norm(module: Module, name: str = "weight") -> Module:
    """``torch.nn.utils.remove_spectral_norm``: ``name`` is one parameter again."""
    for key, hook in list(module._forward_pre_hooks.items()):
        if isinstance(hook, SpectralNorm) and hook.name == name:
            hook.remove(module)
            del module._forward_pre_hooks[key]
            return module
    raise ValueError(f"spectral_norm of '{name}' not found in {module}")

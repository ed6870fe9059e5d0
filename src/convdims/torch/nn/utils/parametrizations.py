"""``torch.nn.utils.parametrizations``: ``weight_norm`` and ``spectral_norm`` as
parametrizations (``orthogonal`` is refused: its matrix exponential has no shape-only
meaning worth faking).

``weight_norm`` stores ``original0`` (the norm over every axis but ``dim``, size 1
elsewhere; ``dim=None`` gives one number) and ``original1`` (the weight's shape);
``spectral_norm`` keeps the weight as ``original`` and adds the buffers ``_u`` and
``_v`` of its power iteration.

>>> from convdims.torch import nn
>>> conv = weight_norm(nn.Conv1d(768, 768, 128, padding=64, groups=16), dim=2)
>>> [(n, tuple(p.shape)) for n, p in conv.named_parameters()]
[('bias', (768,)), ('parametrizations.weight.original0', (1, 1, 128)), \
('parametrizations.weight.original1', (768, 48, 128))]
"""

from __future__ import annotations

from convdims.standin import Unsupported
from convdims.torch.nn.conv import ConvTranspose1d, ConvTranspose2d, ConvTranspose3d
from convdims.torch.nn.module import Module
from convdims.torch.nn.utils import parametrize
from convdims.torch.nn.utils._shapes import (
    check_dim,
    check_iterations,
    matrix_shape,
    norm_except_dim_shape,
)
from convdims.torch.tensor import Tensor

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

__all__ = ["orthogonal", "spectral_norm", "weight_norm"]


class _WeightNorm(Module):
    def __init__(self, dim: int | None = 0) -> None:
        super().__init__()
        if dim is None:
            dim = -1
        self.dim = dim

    def forward(self, weight_g: Tensor, weight_v: Tensor) -> Tensor:
        return weight_v._like(weight_v.shape)

    def right_inverse(self, weight: Tensor) -> tuple[Tensor, Tensor]:
        return weight._like(norm_except_dim_shape(weight, self.dim)), weight._like(
            weight.shape
        )


class _SpectralNorm(Module):
    def __init__(
        self,
        weight: Tensor,
        n_power_iterations: int = 1,
        dim: int = 0,
        eps: float = 1e-12,
    ) -> None:
        super().__init__()
        dim = check_dim(weight, dim)
        check_iterations(n_power_iterations)
        self.dim = dim
        self.eps = eps
        if weight.ndim > 1:
            self.n_power_iterations = n_power_iterations
            rows, columns = matrix_shape(weight, dim)
            self.register_buffer("_u", weight._like((rows,)))
            self.register_buffer("_v", weight._like((columns,)))

    def forward(self, weight: Tensor) -> Tensor:
        return weight._like(weight.shape)

    def right_inverse(self, value: Tensor) -> Tensor:
        return value


def weight_norm(module: Module, name: str = "weight", dim: int = 0) -> Module:
    """``parametrizations.weight_norm``: ``name`` computed from a magnitude
    (``original0``) and a direction (``original1``)."""
    parametrize.register_parametrization(module, name, _WeightNorm(dim), unsafe=True)
    return module


def spectral_norm(
    module: Module,
    name: str = "weight",
    n_power_iterations: int = 1,
    eps: float = 1e-12,
    dim: int | None = None,
) -> Module:
    """``parametrizations.spectral_norm`` (``dim`` defaults to 1 for a transposed
    convolution and to 0 otherwise)."""
    weight = getattr(module, name, None)
    if not isinstance(weight, Tensor):
        raise ValueError(f"Module '{module}' has no parameter or buffer with name '{name}'")
    if dim is None:
        transposed = (ConvTranspose1d, ConvTranspose2d, ConvTranspose3d)
        dim = 1 if isinstance(module, transposed) else 0
    parametrize.register_parametrization(
        module, name, _SpectralNorm(weight, n_power_iterations, dim, eps)
    )
    return module


def orthogonal(
    module: Module,
    name: str = "weight",
    orthogonal_map: str | None = None,
    *,
    use_trivialization: bool = True,
) -> Any:
    """``parametrizations.orthogonal``: refused (see the module's docstring)."""
    raise Unsupported("torch.nn.utils.parametrizations.orthogonal")

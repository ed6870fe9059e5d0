"""The shapes the weight reparametrizations store (shared by both APIs)."""

from __future__ import annotations

from convdims.torch.errors import DimensionError
from convdims.torch.tensor import Tensor


def norm_except_dim_shape(weight: Tensor, dim: int) -> tuple[int, ...]:
    """``torch.norm_except_dim(weight, 2, dim)``'s shape: the norm over every axis but
    ``dim``, kept as size-1 axes; ``dim=-1`` (what ``dim=None`` becomes) is the norm of
    the whole tensor, a 0-d value."""
    if dim == -1:
        return ()
    ndim = weight.ndim
    if not -ndim <= dim < ndim:
        raise DimensionError(
            f"Dimension out of range (expected to be in range of [{-ndim}, {ndim - 1}], "
            f"but got {dim})",
            argument="dim",
            value=dim,
            valid=f"an axis of the {ndim}-D weight, or None for the whole weight",
        )
    dim %= ndim
    return tuple(size if axis == dim else 1 for axis, size in enumerate(weight.shape))


def matrix_shape(weight: Tensor, dim: int) -> tuple[int, int]:
    """Spectral norm's view of a weight as a matrix: ``dim`` first, the rest flattened."""
    rows = weight.shape[dim]
    return rows, (weight.numel() // rows if rows else 0)


def check_dim(weight: Tensor, dim: int) -> int:
    """``dim`` as an axis of ``weight`` (PyTorch's IndexError when it is none)."""
    ndim = weight.ndim
    if dim >= ndim or dim < -ndim:
        raise DimensionError(
            f"Dimension out of range (expected to be in range of [-{ndim}, {ndim - 1}] "
            f"but got {dim})",
            argument="dim",
            value=dim,
            valid=f"an axis of the {ndim}-D weight",
        )
    return dim if dim >= 0 else dim + ndim


def check_iterations(n_power_iterations: int) -> None:
    if n_power_iterations <= 0:
        raise ValueError(
            "Expected n_power_iterations to be positive, but got "
            f"n_power_iterations={n_power_iterations}"
        )

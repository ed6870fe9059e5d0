"""``torch`` functions that take several tensors and have no method form: stacking
(``hstack``, ``vstack``, ``dstack``, ``column_stack``, ``atleast_2d``...), broadcasting
(``broadcast_tensors``), block matrices and products (``block_diag``,
``cartesian_prod``, ``kron``, ``tensordot``, ``cdist``, ``chain_matmul``).

>>> from convdims import torch
>>> torch.hstack([torch.empty(2, 3), torch.empty(2, 1)]).shape
torch.Size([2, 4])
>>> torch.cdist(torch.empty(5, 8, 3), torch.empty(5, 6, 3)).shape
torch.Size([5, 8, 6])
"""

from __future__ import annotations

import math

from convdims.torch._sizes import broadcast_shapes, normalize_dim
from convdims.torch.errors import ShapeError
from convdims.torch.tensor import Tensor, cat

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Sequence
    from typing import Any

__all__ = [
    "atleast_1d",
    "atleast_2d",
    "atleast_3d",
    "block_diag",
    "broadcast_tensors",
    "cartesian_prod",
    "cdist",
    "chain_matmul",
    "column_stack",
    "dstack",
    "hstack",
    "kron",
    "row_stack",
    "tensordot",
    "vstack",
]


def _tensors(tensors: Any, op: str) -> list[Tensor]:
    parts = list(tensors)
    for index, part in enumerate(parts):
        if not isinstance(part, Tensor):
            from convdims.errors import ArgumentTypeError

            raise ArgumentTypeError(
                f"{op}(): argument 'tensors' must be tuple of Tensors, but found element "
                f"of type {type(part).__name__} at pos {index}",
                argument="tensors",
                value=part,
                valid="a sequence of Tensors",
            )
    if not parts:
        raise ShapeError(
            f"{op} expects a non-empty TensorList",
            argument="tensors",
            value=tensors,
            valid="at least one tensor",
        )
    return parts


def _spread(tensors: tuple[Any, ...]) -> tuple[Any, ...]:
    """``f(a, b)`` or ``f([a, b])``, as PyTorch's ``atleast_*`` and ``block_diag``."""
    if len(tensors) == 1 and isinstance(tensors[0], (list, tuple)):
        return tuple(tensors[0])
    return tensors


def _at_least(tensor: Tensor, rank: int) -> Tensor:
    shape = tuple(tensor.shape)
    if len(shape) >= rank:
        return tensor
    if rank == 1 or not shape:
        return tensor._like((1,) * rank)
    if rank == 2:
        return tensor._like((1, *shape))
    return tensor._like((1, *shape, 1) if len(shape) == 1 else (*shape, 1))


def _at_least_n(rank: int) -> Any:
    def at_least(*tensors: Any) -> Any:
        parts = _spread(tensors)
        results = tuple(_at_least(t, rank) for t in _tensors(parts, f"atleast_{rank}d"))
        single = len(tensors) == 1 and isinstance(tensors[0], Tensor)
        return results[0] if single else results

    at_least.__name__ = at_least.__qualname__ = f"atleast_{rank}d"
    at_least.__doc__ = (
        f"``torch.atleast_{rank}d``: each tensor with at least {rank} dimensions "
        f"(sizes of 1 added as PyTorch adds them).\n\n"
        f"    >>> from convdims.torch import empty\n"
        f"    >>> atleast_{rank}d(empty(4)).dim() >= {rank}\n    True\n"
    )
    return at_least


atleast_1d, atleast_2d, atleast_3d = (_at_least_n(r) for r in (1, 2, 3))


def hstack(tensors: Sequence[Tensor], *, out: Any = None) -> Tensor:
    """``torch.hstack``: join along axis 1 (axis 0 for 1-D tensors).

    >>> from convdims.torch import empty
    >>> hstack([empty(3), empty(2)]).shape
    torch.Size([5])
    """
    parts = [_at_least(t, 1) for t in _tensors(tensors, "hstack")]
    return cat(parts, 0 if parts[0].ndim == 1 else 1)


def vstack(tensors: Sequence[Tensor], *, out: Any = None) -> Tensor:
    """``torch.vstack``: join along axis 0, 1-D tensors as rows.

    >>> from convdims.torch import empty
    >>> vstack([empty(3), empty(3)]).shape
    torch.Size([2, 3])
    """
    return cat([_at_least(t, 2) for t in _tensors(tensors, "vstack")], 0)


row_stack = vstack


def dstack(tensors: Sequence[Tensor], *, out: Any = None) -> Tensor:
    """``torch.dstack``: join along axis 2, after ``atleast_3d``.

    >>> from convdims.torch import empty
    >>> dstack([empty(2, 3), empty(2, 3)]).shape
    torch.Size([2, 3, 2])
    """
    return cat([_at_least(t, 3) for t in _tensors(tensors, "dstack")], 2)


def column_stack(tensors: Sequence[Tensor], *, out: Any = None) -> Tensor:
    """``torch.column_stack``: 0-d and 1-d tensors as columns, then ``hstack``.

    >>> from convdims.torch import empty
    >>> column_stack([empty(4), empty(4, 2)]).shape
    torch.Size([4, 3])
    """
    parts = _tensors(tensors, "column_stack")
    columns = [t._like((t.numel(), 1)) if t.ndim <= 1 else t for t in parts]
    return cat(columns, 1)


def broadcast_tensors(*tensors: Any) -> tuple[Tensor, ...]:
    """``torch.broadcast_tensors``: every tensor expanded to their broadcast shape.

    >>> from convdims.torch import empty
    >>> [t.shape for t in broadcast_tensors(empty(2, 1), empty(3))]
    [torch.Size([2, 3]), torch.Size([2, 3])]
    """
    parts = _tensors(_spread(tensors), "broadcast_tensors")
    shape = broadcast_shapes(*(t.shape for t in parts))
    return tuple(t._like(shape) for t in parts)


def block_diag(*tensors: Any) -> Tensor:
    """``torch.block_diag``: the tensors (each at most 2-D) as blocks of one
    block-diagonal matrix.

    >>> from convdims.torch import empty
    >>> block_diag(empty(2, 3), empty(4), empty(())).shape
    torch.Size([4, 8])
    """
    parts = _tensors(tensors, "block_diag") if tensors else []
    rows = cols = 0
    for index, part in enumerate(parts):
        if part.ndim > 2:
            raise ShapeError(
                "torch.block_diag: Input tensors must have 2 or fewer dimensions. Input "
                f"{index} has {part.ndim} dimensions",
                argument="tensors",
                value=tuple(part.shape),
                valid="tensors of at most 2 dimensions",
            )
        shape = tuple(_at_least(part, 2).shape)
        rows += shape[0]
        cols += shape[1]
    if not parts:
        return Tensor._of((1, 0), Tensor((0,)).dtype)
    return parts[0]._like((rows, cols))


def cartesian_prod(*tensors: Tensor) -> Tensor:
    """``torch.cartesian_prod``: every combination of the 1-D tensors' elements, one
    per row.

    >>> from convdims.torch import empty
    >>> cartesian_prod(empty(3), empty(4)).shape
    torch.Size([12, 2])
    """
    parts = _tensors(tensors, "cartesian_prod")
    for part in parts:
        if part.ndim != 1:
            raise ShapeError(
                f"Expect a 1D vector, but got shape {list(part.shape)}",
                argument="tensors",
                value=tuple(part.shape),
                valid="1-D tensors",
            )
    if len(parts) == 1:
        return parts[0]
    return parts[0]._like((math.prod(t.shape[0] for t in parts), len(parts)))


def kron(input: Tensor, other: Tensor, *, out: Any = None) -> Tensor:  # noqa: A002
    """``torch.kron``: the Kronecker product; sizes multiply axis by axis (the shorter
    shape padded with ones in front).

    >>> from convdims.torch import empty
    >>> kron(empty(2, 3), empty(4, 5)).shape
    torch.Size([8, 15])
    """
    a, b = _tensors((input, other), "kron")
    rank = max(a.ndim, b.ndim)
    sa = (1,) * (rank - a.ndim) + tuple(a.shape)
    sb = (1,) * (rank - b.ndim) + tuple(b.shape)
    return a._like(x * y for x, y in zip(sa, sb, strict=True))


def tensordot(a: Any, b: Any, dims: Any = 2, out: Tensor | None = None) -> Tensor:
    """``torch.tensordot``: sums over the last ``dims`` axes of ``a`` and the first of
    ``b`` (or over the axes listed as ``([a's], [b's])``).

    >>> from convdims.torch import empty
    >>> tensordot(empty(3, 4, 5), empty(4, 5, 6)).shape
    torch.Size([3, 6])
    >>> tensordot(empty(3, 4), empty(5, 3), dims=([0], [1])).shape
    torch.Size([4, 5])
    """
    left, right = _tensors((a, b), "tensordot")
    if isinstance(dims, Tensor):
        from convdims.standin import Unsupported

        raise Unsupported("torch.tensordot with dims given as a tensor")
    if isinstance(dims, int):
        if dims < 0:
            raise ShapeError(
                f"tensordot expects dims >= 0, but got dims={dims}",
                argument="dims",
                value=dims,
                valid="an int of at least 0",
            )
        if dims > min(left.ndim, right.ndim):
            raise ShapeError(
                f"tensordot expects dims < ndim_a or ndim_b, but got dims={dims}",
                argument="dims",
                value=dims,
                valid=f"at most {min(left.ndim, right.ndim)}",
            )
        dims_a = list(range(left.ndim - dims, left.ndim))
        dims_b = list(range(dims))
    else:
        first, second = dims
        dims_a = [first] if isinstance(first, int) else list(first)
        dims_b = [second] if isinstance(second, int) else list(second)
    if len(dims_a) != len(dims_b):
        raise ShapeError(
            "both dimension lists should have same length",
            argument="dims",
            value=dims,
            valid="two lists of one length",
        )
    axes_a = [normalize_dim(d, left.ndim) for d in dims_a]
    axes_b = [normalize_dim(d, right.ndim) for d in dims_b]
    for i, j in zip(axes_a, axes_b, strict=True):
        sa, sb = left.shape[i], right.shape[j]
        if sa != sb and 1 not in (sa, sb):
            raise ShapeError(
                f"contracted dimensions need to match, but first has size {sa} in dim "
                f"{i} and second has size {sb} in dim {j}",
                argument="dims",
                value=dims,
                valid="axes of equal sizes",
            )
    shape = [s for i, s in enumerate(left.shape) if i not in axes_a]
    shape += [s for j, s in enumerate(right.shape) if j not in axes_b]
    return left._like(shape)


def cdist(
    x1: Tensor,
    x2: Tensor,
    p: float = 2.0,
    compute_mode: str = "use_mm_for_euclid_dist_if_necessary",
) -> Tensor:
    """``torch.cdist``: the distances between the rows of ``x1`` ``(*, P, M)`` and of
    ``x2`` ``(*, R, M)``: ``(*, P, R)``, the batch axes broadcast.

    >>> from convdims.torch import empty
    >>> cdist(empty(8, 3), empty(6, 3)).shape
    torch.Size([8, 6])
    """
    a, b = _tensors((x1, x2), "cdist")
    for name, tensor in (("X1", a), ("X2", b)):
        if tensor.ndim < 2:
            raise ShapeError(
                f"cdist only supports at least 2D tensors, {name} got: {tensor.ndim}D",
                argument=name.lower(),
                value=tuple(tensor.shape),
                valid="a tensor of 2 or more dimensions",
            )
    if a.shape[-1] != b.shape[-1]:
        raise ShapeError(
            f"X1 and X2 must have the same number of columns. X1: {a.shape[-1]} X2: "
            f"{b.shape[-1]}",
            argument="x2",
            value=tuple(b.shape),
            valid=f"rows of {a.shape[-1]} columns",
        )
    if p < 0:
        raise ShapeError(
            f"cdist only supports non-negative p values, got {p}",
            argument="p",
            value=p,
            valid="a p of at least 0",
        )
    modes = (
        "use_mm_for_euclid_dist_if_necessary",
        "use_mm_for_euclid_dist",
        "donot_use_mm_for_euclid_dist",
    )
    if compute_mode not in modes:
        raise ValueError(f"{compute_mode} is not a valid value for compute_mode")
    batch = broadcast_shapes(a.shape[:-2], b.shape[:-2])
    return a._like((*batch, a.shape[-2], b.shape[-2]))


def chain_matmul(*matrices: Tensor, out: Tensor | None = None) -> Tensor:
    """``torch.chain_matmul``: the product of 2-D matrices, left to right.

    >>> from convdims.torch import empty
    >>> chain_matmul(empty(2, 3), empty(3, 4), empty(4, 5)).shape
    torch.Size([2, 5])
    """
    parts = _tensors(matrices, "chain_matmul")
    result = parts[0]
    if len(parts) == 1:
        if result.ndim != 2:
            raise ShapeError(
                f"multi_dot(): the first tensor must be 1D or 2D but got {result.ndim}D"
            )
        return result
    for part in parts[1:]:
        result = result.mm(part)
    return result

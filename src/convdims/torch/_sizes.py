"""Shapes and the rules on them, without tensors: PyTorch's ``Size``, dimension indices
(negative ones count from the end) and broadcasting.

>>> broadcast_shapes((2, 1, 4), (3, 1))
torch.Size([2, 3, 4])
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence

from convdims._checks import as_int
from convdims.torch.errors import DimensionError, ShapeError

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any


class Size(tuple):
    """A shape, printed the way PyTorch prints it: ``torch.Size([1, 3, 32, 32])``.

    >>> Size([1, 3, 32, 32]).numel()
    3072
    """

    def numel(self) -> int:
        """The number of elements a tensor of this shape holds."""
        return math.prod(self)

    def __repr__(self) -> str:
        return f"torch.Size({list(self)!r})"

    __str__ = __repr__


def _dims(args: tuple[Any, ...], what: str) -> tuple[int, ...]:
    """Sizes given as ``f(2, 3)`` or ``f((2, 3))`` / ``f([2, 3])`` / ``f(torch.Size)``."""
    if len(args) == 1 and isinstance(args[0], Iterable):
        args = tuple(args[0])
    sizes = tuple(as_int(f"{what} size", a) for a in args)
    return sizes


def _check_sizes(sizes: tuple[int, ...]) -> tuple[int, ...]:
    for size in sizes:
        if size < 0:
            raise ShapeError(
                f"Trying to create tensor with negative dimension {size}: {list(sizes)}"
            )
    return sizes


def normalize_dim(dim: Any, ndim: int) -> int:
    """A dimension index in ``0..ndim-1``; negative counts from the end, as in PyTorch.

    A 0-d tensor accepts 0 and -1, as PyTorch does.

    >>> normalize_dim(-1, 4)
    3
    """
    index = as_int("dim", dim)
    low, high = (-1, 0) if ndim == 0 else (-ndim, ndim - 1)
    if not low <= index <= high:
        raise DimensionError(
            f"Dimension out of range (expected to be in range of [{low}, {high}], but got "
            f"{index})"
        )
    return index % ndim if ndim else 0


def broadcast_shapes(*shapes: Sequence[int]) -> Size:
    """The shape of an elementwise result, by PyTorch's (NumPy's) broadcasting rule.

    Axes are matched from the right; each pair must be equal or contain a 1.

    >>> broadcast_shapes((2, 3, 1), (4,))
    torch.Size([2, 3, 4])
    """
    result: list[int] = []
    for axis in range(1, max((len(s) for s in shapes), default=0) + 1):
        size = 1
        for shape in shapes:
            if axis > len(shape):
                continue
            here = shape[-axis]
            if here == size or here == 1:
                continue
            if size != 1:
                raise ShapeError(
                    f"The size of tensor a ({size}) must match the size of tensor b "
                    f"({here}) at non-singleton dimension "
                    f"{max(len(s) for s in shapes) - axis}"
                )
            size = here
        result.append(size)
    return Size(reversed(result))

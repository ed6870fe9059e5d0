"""Tensors whose values are known: the few small tensors model code builds from
numbers and sizes (``torch.tensor(x.shape)``, ``torch.arange(depth) * w_a + w_0``) to
compute a layer's width or a crop, then reads back with ``tolist()`` or ``item()``.

A [`KnownTensor`][convdims.torch.values.KnownTensor] is a shape-only tensor that also
keeps its values (a flat list, row-major), and arithmetic, rounding, indexing,
reshaping and reductions between known tensors and numbers keep them, computed as
PyTorch computes them (float32 rounding included). Anything else gives a plain
shape-only tensor, as before: values are never made up.

>>> from convdims import torch
>>> skip, x = torch.tensor([1, 64, 10, 20, 30]), torch.tensor([1, 64, 6, 14, 12])
>>> half = ((skip[2:] - x[2:]) / 2).int()
>>> (-torch.stack((half, half)).t().flatten()).tolist()
[-2, -2, -3, -3, -9, -9]
"""

from __future__ import annotations

import math
import numbers
import struct
from collections.abc import Callable

from convdims.torch.dtypes import ALIASES, dtype, float32, float64, int32, int64
from convdims.torch.tensor import Tensor, _index_shape

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

#: Known tensors larger than this keep no values (model code never needs them).
MAX_KNOWN = 100_000

_bool = ALIASES["bool"]


def _f32(value: float) -> float:
    return struct.unpack("f", struct.pack("f", value))[0]


def _cast(values: list[Any], kind: dtype) -> list[Any]:
    if kind is _bool:
        return [bool(v) for v in values]
    if not kind.is_floating_point:
        return [int(v) for v in values]  # PyTorch truncates towards zero, as int() does
    if kind is float32:
        return [_f32(float(v)) for v in values]
    return [float(v) for v in values]


def known(shape: tuple[int, ...], kind: dtype, values: list[Any]) -> Tensor:
    """A tensor of ``shape`` and ``kind`` holding ``values`` (cast to ``kind``), or a
    shape-only one when it is too large to keep."""
    if len(values) > MAX_KNOWN:
        return Tensor._of(shape, kind)
    tensor = object.__new__(KnownTensor)
    tensor._shape = type(Tensor._of((), kind).shape)(shape)
    tensor.dtype = kind
    tensor.requires_grad = False
    tensor._values = _cast(values, kind)
    return tensor


def _promote(a: Any, b: Any, op: str) -> dtype:
    """PyTorch's result type of ``a op b`` (a tensor's dtype wins over a Python number
    of the same category; true division of integers gives float32)."""

    def category(x: Any) -> tuple[int, dtype | None]:
        if isinstance(x, Tensor):
            kind = x.dtype
            return (2 if kind.is_floating_point else 1 if kind is not _bool else 0), kind
        if isinstance(x, bool):
            return 0, None
        if isinstance(x, numbers.Integral):
            return 1, None
        return 2, None

    (ca, ka), (cb, kb) = category(a), category(b)
    if ka is not None and kb is not None and ca == cb:
        kind = ka if ka.itemsize >= kb.itemsize else kb
    elif ca > cb:
        kind = ka or (float32 if ca == 2 else int64)
    elif cb > ca:
        kind = kb or (float32 if cb == 2 else int64)
    else:
        kind = ka or kb or int64
    if op == "truediv" and not kind.is_floating_point:
        kind = float32
    return kind


_OPS: dict[str, Callable[[Any, Any], Any]] = {
    "add": lambda x, y: x + y,
    "sub": lambda x, y: x - y,
    "mul": lambda x, y: x * y,
    "truediv": lambda x, y: x / y,
    "floordiv": lambda x, y: math.floor(x / y),
    "pow": lambda x, y: x**y,
    "max": max,
    "min": min,
    "ge": lambda x, y: x >= y,
    "gt": lambda x, y: x > y,
    "le": lambda x, y: x <= y,
    "lt": lambda x, y: x < y,
}


def _values(x: Any) -> list[Any] | None:
    if isinstance(x, KnownTensor):
        return x._values
    if isinstance(x, Tensor):
        return None
    if isinstance(x, numbers.Number):
        return [x]
    return None


def binary(op: str, a: Any, b: Any) -> Any:
    """``a op b`` with values when both sides have them (a number, or a known tensor
    of the same shape or of one element); else the shape-only result."""
    left, right = _values(a), _values(b)
    shape_a = tuple(a.shape) if isinstance(a, Tensor) else ()
    shape_b = tuple(b.shape) if isinstance(b, Tensor) else ()
    if (
        left is None
        or right is None
        or not (shape_a == shape_b or len(left) == 1 or len(right) == 1)
    ):
        base = a if isinstance(a, Tensor) else b
        other = b if base is a else a
        result = Tensor._binary(base, other)
        return result
    shape = shape_a if len(left) >= len(right) else shape_b
    count = max(len(left), len(right))
    lefts = left if len(left) == count else left * count
    rights = right if len(right) == count else right * count
    kind = _bool if op in ("ge", "gt", "le", "lt") else _promote(a, b, op)
    function = _OPS[op]
    return known(shape, kind, [function(x, y) for x, y in zip(lefts, rights, strict=True)])


def unary(function: Callable[[Any], Any], x: Any, kind: dtype | None = None) -> Any:
    """``function`` applied to each value of a known tensor (or a number)."""
    if isinstance(x, KnownTensor):
        result_kind = kind or (x.dtype if x.dtype.is_floating_point else float32)
        return known(tuple(x.shape), result_kind, [function(v) for v in x._values])
    if isinstance(x, Tensor):
        return x
    return function(x)


def _nested(values: list[Any], shape: tuple[int, ...]) -> Any:
    if not shape:
        return values[0]
    step = len(values) // shape[0] if shape[0] else 0
    return [_nested(values[i * step : (i + 1) * step], shape[1:]) for i in range(shape[0])]


def _flat_index(shape: tuple[int, ...]) -> list[list[int]]:
    """Every multi-index of ``shape``, row-major."""
    indices: list[list[int]] = [[]]
    for size in shape:
        indices = [index + [i] for index in indices for i in range(size)]
    return indices


class KnownTensor(Tensor):
    """A tensor whose values are known (see the module's text)."""

    __slots__ = ("_values",)

    # Arithmetic ---------------------------------------------------------------------

    def __add__(self, other: Any) -> Any:
        return binary("add", self, other)

    def __radd__(self, other: Any) -> Any:
        return binary("add", other, self)

    def __sub__(self, other: Any) -> Any:
        return binary("sub", self, other)

    def __rsub__(self, other: Any) -> Any:
        return binary("sub", other, self)

    def __mul__(self, other: Any) -> Any:
        return binary("mul", self, other)

    def __rmul__(self, other: Any) -> Any:
        return binary("mul", other, self)

    def __truediv__(self, other: Any) -> Any:
        return binary("truediv", self, other)

    def __rtruediv__(self, other: Any) -> Any:
        return binary("truediv", other, self)

    def __floordiv__(self, other: Any) -> Any:
        return binary("floordiv", self, other)

    def __pow__(self, other: Any) -> Any:
        return binary("pow", self, other)

    def __rpow__(self, other: Any) -> Any:
        return binary("pow", other, self)

    def __ge__(self, other: Any) -> Any:
        return binary("ge", self, other)

    def __gt__(self, other: Any) -> Any:
        return binary("gt", self, other)

    def __le__(self, other: Any) -> Any:
        return binary("le", self, other)

    def __lt__(self, other: Any) -> Any:
        return binary("lt", self, other)

    def __neg__(self) -> Any:
        return known(tuple(self.shape), self.dtype, [-v for v in self._values])

    add = __add__
    sub = __sub__
    mul = __mul__
    div = divide = __truediv__

    def round(self, decimals: int = 0) -> Any:  # noqa: A003 - PyTorch's name
        return unary(
            lambda v: round(v, decimals) if decimals else float(round(v)), self, self.dtype
        )

    def floor(self) -> Any:
        return unary(math.floor, self, self.dtype)

    def ceil(self) -> Any:
        return unary(math.ceil, self, self.dtype)

    def log(self) -> Any:
        return unary(math.log, self)

    def exp(self) -> Any:
        return unary(math.exp, self)

    def sqrt(self) -> Any:
        return unary(math.sqrt, self)

    def abs(self) -> Any:  # noqa: A003
        return unary(abs, self, self.dtype)

    # Types and reading the values ------------------------------------------------------

    def to(self, *args: Any, **kwargs: Any) -> Tensor:
        for value in (*args, kwargs.get("dtype")):
            if isinstance(value, dtype):
                return known(tuple(self.shape), value, self._values)
        return self

    def int(self) -> Tensor:  # noqa: A003
        return known(tuple(self.shape), int32, self._values)

    def long(self) -> Tensor:
        return known(tuple(self.shape), int64, self._values)

    def float(self) -> Tensor:  # noqa: A003
        return known(tuple(self.shape), float32, self._values)

    def double(self) -> Tensor:
        return known(tuple(self.shape), float64, self._values)

    def tolist(self) -> Any:
        """The values, nested as the shape."""
        return _nested(list(self._values), tuple(self.shape))

    def item(self) -> Any:
        """The one value."""
        if len(self._values) != 1:
            from convdims.torch.errors import ShapeError

            raise ShapeError(
                f"a Tensor with {len(self._values)} elements cannot be converted to Scalar"
            )
        return self._values[0]

    def __int__(self) -> int:
        return int(self.item())

    def __index__(self) -> int:
        if self.dtype.is_floating_point:
            raise TypeError(
                "only integer tensors of a single element can be converted to an index"
            )
        return int(self.item())

    def __float__(self) -> float:
        return float(self.item())

    def __bool__(self) -> bool:
        if len(self._values) != 1:
            from convdims.torch.errors import ShapeError

            raise ShapeError(
                "Boolean value of Tensor with more than one value is ambiguous"
            )
        return bool(self._values[0])

    # Reshaping and indexing ------------------------------------------------------------

    def view(self, *shape: Any) -> Tensor:
        result = Tensor.view(self, *shape)
        return known(tuple(result.shape), self.dtype, self._values)

    reshape = view

    def flatten(self, start_dim: int = 0, end_dim: int = -1) -> Tensor:
        result = Tensor.flatten(self, start_dim, end_dim)
        return known(tuple(result.shape), self.dtype, self._values)

    def unsqueeze(self, dim: int) -> Tensor:
        result = Tensor.unsqueeze(self, dim)
        return known(tuple(result.shape), self.dtype, self._values)

    def permute(self, *dims: Any) -> Tensor:
        result = Tensor.permute(self, *dims)
        order = [
            d % self.ndim
            for d in (dims[0] if len(dims) == 1 and not isinstance(dims[0], int) else dims)
        ]
        return self._reorder(tuple(result.shape), order)

    def _reorder(self, shape: tuple[int, ...], order: list[int]) -> Tensor:
        strides = Tensor.stride(self)
        values = [
            self._values[
                sum(index[order.index(axis)] * strides[axis] for axis in range(self.ndim))
            ]
            for index in _flat_index(shape)
        ]
        return known(shape, self.dtype, values)

    def transpose(self, dim0: int, dim1: int) -> Tensor:
        order = list(range(self.ndim))
        if order:
            a, b = dim0 % self.ndim, dim1 % self.ndim
            order[a], order[b] = order[b], order[a]
        return self._reorder(tuple(Tensor.transpose(self, dim0, dim1).shape), order)

    def t(self) -> Tensor:
        Tensor.t(self)
        return self.transpose(0, 1) if self.ndim == 2 else self

    def __getitem__(self, index: Any) -> Tensor:
        items = index if isinstance(index, tuple) else (index,)
        if not all(isinstance(i, (int, slice)) for i in items) or len(items) > self.ndim:
            return Tensor.__getitem__(self, index)
        shape = _index_shape(tuple(self.shape), index)
        ranges = []
        for axis, size in enumerate(self.shape):
            item = items[axis] if axis < len(items) else slice(None)
            ranges.append(
                [item % size] if isinstance(item, int) else list(range(*item.indices(size)))
            )
        strides = Tensor.stride(self)
        positions = [[]]
        for axis_range in ranges:
            positions = [p + [i] for p in positions for i in axis_range]
        values = [
            self._values[sum(i * s for i, s in zip(p, strides, strict=True))]
            for p in positions
        ]
        return known(shape, self.dtype, values)

    # Reductions ------------------------------------------------------------------------

    def max(self, dim: Any = None, keepdim: bool = False) -> Any:  # noqa: A003
        if dim is None and not isinstance(dim, Tensor):
            return known((), self.dtype, [max(self._values)])
        return Tensor.max(self, dim, keepdim)

    def min(self, dim: Any = None, keepdim: bool = False) -> Any:  # noqa: A003
        if dim is None:
            return known((), self.dtype, [min(self._values)])
        return Tensor.min(self, dim, keepdim)

    def sum(self, dim: Any = None, keepdim: bool = False, **_: Any) -> Any:  # noqa: A003
        if dim is None:
            kind = self.dtype if self.dtype.is_floating_point else int64
            return known((), kind, [sum(self._values)])
        return Tensor.sum(self, dim, keepdim)


def stack_values(tensors: list[Any], dim: int, shape: tuple[int, ...]) -> Tensor | None:
    """The values of ``torch.stack(tensors, 0)`` when every tensor is known."""
    if dim != 0 or not all(isinstance(t, KnownTensor) for t in tensors):
        return None
    return known(shape, tensors[0].dtype, [v for t in tensors for v in t._values])

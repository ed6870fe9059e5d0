"""Shape-only tensors: what a PyTorch forward pass needs to know without any numbers.

A [`Tensor`][convdims.torch.Tensor] here carries a shape and a dtype, nothing else. The
operations that model code writes between layers (``x + identity``,
``x.view(x.size(0), -1)``, ``torch.flatten(x, 1)``, ``torch.cat([a, b], 1)``) compute the
shape PyTorch would give, and refuse what PyTorch refuses.

>>> from convdims import torch
>>> x = torch.empty(2, 3, 4, 5)
>>> x.view(x.size(0), -1).shape, torch.flatten(x, 1).shape
(torch.Size([2, 60]), torch.Size([2, 60]))
>>> (x + torch.empty(3, 1, 1)).shape
torch.Size([2, 3, 4, 5])
"""

from __future__ import annotations

import math
import numbers
from collections.abc import Iterable, Sequence

from convdims._checks import as_int
from convdims.torch.dtypes import dtype, float16, float32, float64
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


class Tensor:
    """A tensor that knows only its shape and dtype.

    >>> Tensor((1, 3, 32, 32))
    tensor(..., size=(1, 3, 32, 32))
    """

    __slots__ = ("_shape", "dtype", "requires_grad")

    def __init__(
        self,
        shape: Iterable[int] = (),
        dtype: dtype | None = None,
        requires_grad: bool = False,
    ) -> None:
        if _is_data(shape):  # torch.Tensor([0.4488, 0.4371, 0.4040]): values, not sizes
            self._shape = Size(_data_shape(shape))
        else:
            self._shape = Size(_check_sizes(_dims((shape,), "tensor")))
        self.dtype = float32 if dtype is None else dtype
        self.requires_grad = requires_grad

    # What a tensor is -----------------------------------------------------------------

    @property
    def shape(self) -> Size:
        """The sizes of every dimension."""
        return self._shape

    def size(self, dim: int | None = None) -> Size | int:
        """The shape, or one size: ``x.size(0)`` is the batch size."""
        if dim is None:
            return self._shape
        return self._shape[normalize_dim(dim, len(self._shape))]

    def dim(self) -> int:
        """The number of dimensions."""
        return len(self._shape)

    @property
    def ndim(self) -> int:
        """The number of dimensions."""
        return len(self._shape)

    def numel(self) -> int:
        """The number of elements."""
        return math.prod(self._shape)

    nelement = numel

    def element_size(self) -> int:
        """Bytes per element."""
        return self.dtype.itemsize

    @property
    def data(self) -> Tensor:
        return self

    @data.setter
    def data(self, value: Tensor) -> None:
        """``param.data = tensor`` takes the new tensor's shape and dtype, as in
        PyTorch (a shape-only tensor has nothing else)."""
        if not isinstance(value, Tensor):
            raise TypeError(
                f"Variable data has to be a tensor, but got {type(value).__name__}"
            )
        self._shape = value._shape
        self.dtype = value.dtype

    @property
    def is_cuda(self) -> bool:
        return False

    def __len__(self) -> int:
        if not self._shape:
            raise TypeError("len() of a 0-d tensor")
        return self._shape[0]

    def __repr__(self) -> str:
        dtype_note = "" if self.dtype is float32 else f", dtype={self.dtype!r}"
        grad_note = ", requires_grad=True" if self.requires_grad else ""
        return f"tensor(..., size={tuple(self._shape)}{dtype_note}{grad_note})"

    @classmethod
    def _of(
        cls, shape: tuple[int, ...], dtype: dtype, requires_grad: bool = False
    ) -> Tensor:
        """A tensor of a shape already checked (sizes made by the layers): no checks."""
        tensor = object.__new__(cls)
        tensor._shape = Size(shape)
        tensor.dtype = dtype
        tensor.requires_grad = requires_grad
        return tensor

    def _like(self, shape: Iterable[int]) -> Tensor:
        """A tensor of this dtype and ``shape``: sizes the layers computed (checked
        when negative, which no layer makes on purpose)."""
        sizes = tuple(shape)
        for size in sizes:
            if size < 0:
                _check_sizes(sizes)
        return Tensor._of(sizes, self.dtype)

    # No-ops: device, dtype conversions, autograd -------------------------------------

    def to(self, *args: Any, **kwargs: Any) -> Tensor:
        """Returns a tensor of the same shape (a dtype argument changes the dtype)."""
        for value in (*args, kwargs.get("dtype")):
            if isinstance(value, dtype):
                return Tensor(self._shape, value)
        return self

    def _same(self, *args: Any, **kwargs: Any) -> Tensor:
        return self

    contiguous = clone = detach = cpu = cuda = _same
    relu = relu_ = sigmoid = sigmoid_ = tanh = tanh_ = exp = abs = sqrt = _same
    softmax = log_softmax = _same
    zero_ = fill_ = normal_ = uniform_ = _same

    def requires_grad_(self, requires_grad: bool = True) -> Tensor:
        self.requires_grad = requires_grad
        return self

    def float(self) -> Tensor:
        return Tensor(self._shape, float32)

    def half(self) -> Tensor:
        return Tensor(self._shape, float16)

    def double(self) -> Tensor:
        return Tensor(self._shape, float64)

    def type(self, new: dtype) -> Tensor:
        return Tensor(self._shape, new)

    # Reshaping ------------------------------------------------------------------------

    def view(self, *shape: Any) -> Tensor:
        """The same elements in a new shape; one size may be -1 (inferred).

        >>> Tensor((2, 3, 4)).view(2, -1).shape
        torch.Size([2, 12])
        """
        sizes = tuple(as_int("view size", s) for s in _dims(shape, "view"))
        total = self.numel()
        unknown = [i for i, s in enumerate(sizes) if s == -1]
        if len(unknown) > 1:
            raise ShapeError("only one dimension can be inferred")
        for size in sizes:
            if size < -1:
                raise ShapeError(f"invalid shape dimension {size}")
        known = math.prod(s for s in sizes if s != -1)
        if unknown:
            if known == 0 or total % known:
                raise ShapeError(
                    f"shape '{list(sizes)}' is invalid for input of size {total}"
                )
            sizes = tuple(total // known if s == -1 else s for s in sizes)
        elif known != total:
            raise ShapeError(f"shape '{list(sizes)}' is invalid for input of size {total}")
        return self._like(sizes)

    reshape = view

    def view_as(self, other: Tensor) -> Tensor:
        return self.view(other.shape)

    reshape_as = view_as

    def flatten(self, start_dim: int = 0, end_dim: int = -1) -> Tensor:
        """Merge dimensions ``start_dim..end_dim`` into one (``torch.flatten``).

        >>> Tensor((2, 3, 4, 5)).flatten(1).shape
        torch.Size([2, 60])
        """
        ndim = self.ndim
        if ndim == 0:
            normalize_dim(start_dim, 0)
            normalize_dim(end_dim, 0)
            return self._like((1,))
        start = normalize_dim(start_dim, ndim)
        end = normalize_dim(end_dim, ndim)
        if start > end:
            raise ShapeError(
                "flatten() has invalid args: start_dim cannot come after end_dim"
            )
        shape = self._shape
        return self._like(
            (*shape[:start], math.prod(shape[start : end + 1]), *shape[end + 1 :])
        )

    def unsqueeze(self, dim: int) -> Tensor:
        """A new dimension of size 1 at ``dim``."""
        index = normalize_dim(dim, self.ndim + 1)
        shape = list(self._shape)
        shape.insert(index, 1)
        return self._like(shape)

    def squeeze(self, dim: int | Sequence[int] | None = None) -> Tensor:
        """Drop dimensions of size 1 (all of them, or those named)."""
        if dim is None:
            return self._like(s for s in self._shape if s != 1)
        dims = dim if isinstance(dim, (tuple, list)) else (dim,)
        drop = {normalize_dim(d, self.ndim) for d in dims} if self.ndim else set()
        return self._like(
            s for i, s in enumerate(self._shape) if not (i in drop and s == 1)
        )

    def permute(self, *dims: Any) -> Tensor:
        """Reorder the dimensions."""
        order = [normalize_dim(d, self.ndim) for d in _dims(dims, "permute")]
        if sorted(order) != list(range(self.ndim)):
            raise ShapeError(
                f"permute(sparse_coo): number of dimensions in the tensor input does not "
                f"match the length of the desired ordering of dimensions i.e. "
                f"input.dim() = "
                f"{self.ndim} is not equal to len(dims) = {len(order)}"
                if len(order) != self.ndim
                else "permute(): duplicate dims are not allowed."
            )
        return self._like(self._shape[i] for i in order)

    def transpose(self, dim0: int, dim1: int) -> Tensor:
        """Swap two dimensions."""
        a, b = normalize_dim(dim0, self.ndim), normalize_dim(dim1, self.ndim)
        shape = list(self._shape)
        if shape:
            shape[a], shape[b] = shape[b], shape[a]
        return self._like(shape)

    def t(self) -> Tensor:
        if self.ndim > 2:
            raise ShapeError(
                f"t() expects a tensor with <= 2 dimensions, but self is {self.ndim}D"
            )
        return self._like(reversed(self._shape))

    def expand(self, *sizes: Any) -> Tensor:
        """Repeat size-1 dimensions (``-1`` keeps a size)."""
        target = _dims(sizes, "expand")
        if len(target) < self.ndim:
            raise ShapeError(
                f"expand: the number of sizes provided ({len(target)}) must be greater or "
                f"equal to the number of dimensions in the tensor ({self.ndim})"
            )
        own = (None,) * (len(target) - self.ndim) + tuple(self._shape)
        result = []
        for want, have in zip(target, own, strict=False):
            if want == -1:
                if have is None:
                    raise ShapeError(
                        "expand: -1 is not allowed in a leading, non-existing dimension"
                    )
                want = have
            elif have not in (None, 1, want):
                raise ShapeError(
                    f"The expanded size of the tensor ({want}) must match the existing "
                    f"size "
                    f"({have}) at non-singleton dimension {len(result)}. Target sizes: "
                    f"{list(target)}.  Tensor sizes: {list(self._shape)}"
                )
            result.append(want)
        return self._like(result)

    # Reductions -----------------------------------------------------------------------

    def _reduce(self, dim: Any = None, keepdim: bool = False) -> Tensor:
        if dim is None:
            return self._like(())
        dims = dim if isinstance(dim, (tuple, list)) else (dim,)
        drop = {normalize_dim(d, self.ndim) for d in dims}
        if keepdim:
            return self._like(1 if i in drop else s for i, s in enumerate(self._shape))
        return self._like(s for i, s in enumerate(self._shape) if i not in drop)

    def mean(self, dim: Any = None, keepdim: bool = False, **_: Any) -> Tensor:
        """Average over ``dim`` (all dimensions when None)."""
        return self._reduce(dim, keepdim)

    def sum(self, dim: Any = None, keepdim: bool = False, **_: Any) -> Tensor:
        """Sum over ``dim`` (all dimensions when None)."""
        return self._reduce(dim, keepdim)

    amax = amin = prod = std = var = sum

    # Elementwise arithmetic -----------------------------------------------------------

    def _binary(self, other: Any) -> Tensor:
        if isinstance(other, Tensor):
            return self._like(broadcast_shapes(self._shape, other._shape))
        if isinstance(other, (numbers.Number, bool)):
            return self
        return NotImplemented

    __add__ = __radd__ = __sub__ = __rsub__ = __mul__ = __rmul__ = _binary
    __truediv__ = __rtruediv__ = __floordiv__ = __pow__ = __rpow__ = _binary
    add = sub = mul = div = maximum = minimum = _binary

    def _in_place(self, other: Any) -> Tensor:
        result = self._binary(other)
        if result is NotImplemented:
            return result
        if result.shape != self._shape:
            raise ShapeError(
                f"output with shape {list(self._shape)} doesn't match the broadcast shape "
                f"{list(result.shape)}"
            )
        return self

    __iadd__ = __isub__ = __imul__ = __itruediv__ = _in_place
    add_ = sub_ = mul_ = div_ = _in_place

    def __neg__(self) -> Tensor:
        return self

    def __matmul__(self, other: Tensor) -> Tensor:
        return matmul(self, other)

    # More of PyTorch's tensor methods: what model code calls in forward (issue 13) ---

    def __rmatmul__(self, other: Tensor) -> Tensor:
        return matmul(other, self)

    def matmul(self, other: Tensor) -> Tensor:
        """``self @ other``."""
        return matmul(self, other)

    bmm = matmul

    def _compare(self, other: Any) -> Tensor:
        result = self._binary(other)
        if result is NotImplemented:
            return result
        return Tensor._of(tuple(result.shape), _bool)

    __lt__ = __le__ = __gt__ = __ge__ = _compare
    eq = ne = lt = le = gt = ge = logical_and = logical_or = logical_xor = _compare
    __and__ = __or__ = __xor__ = __rand__ = __ror__ = __mod__ = __rmod__ = _binary
    pow = atan2 = fmod = remainder = _binary

    def __invert__(self) -> Tensor:
        return self

    def __pos__(self) -> Tensor:
        return self

    __abs__ = __pos__

    rsqrt = reciprocal = neg = erf = sign = floor = ceil = round = sin = cos = _same
    square = log = log2 = log1p = exp_ = sqrt_ = abs_ = neg_ = gelu = silu = _same
    clamp = clamp_ = clamp_min = clamp_min_ = clamp_max = clip = clip_ = _same
    hardtanh = hardtanh_ = pow_ = masked_fill_ = copy_ = uniform_ = _same
    roll = flip = flipud = fliplr = cumsum = cumprod = triu = tril = _same

    def masked_fill(self, mask: Tensor, value: Any) -> Tensor:
        """The tensor's shape; ``mask`` must broadcast to it."""
        if (
            isinstance(mask, Tensor)
            and broadcast_shapes(self._shape, mask._shape) != self._shape
        ):
            raise ShapeError(
                f"The size of tensor a ({self._shape[-1]}) must match the size of tensor b "
                f"({mask._shape[-1]}) at non-singleton dimension {self.ndim - 1}"
            )
        return self

    def long(self) -> Tensor:
        return Tensor._of(tuple(self._shape), _int64)

    def int(self) -> Tensor:
        return Tensor._of(tuple(self._shape), _int32)

    def bool(self) -> Tensor:
        return Tensor._of(tuple(self._shape), _bool)

    def type_as(self, other: Tensor) -> Tensor:
        return Tensor._of(tuple(self._shape), other.dtype)

    def expand_as(self, other: Tensor) -> Tensor:
        return self.expand(*other.shape)

    def _new_of(self, size: tuple[Any, ...], dtype: dtype | None) -> Tensor:
        return Tensor(_check_sizes(_dims(size, "tensor")), dtype or self.dtype)

    def new_zeros(self, *size: Any, dtype: dtype | None = None, **_: Any) -> Tensor:
        """A tensor of ``size``, this dtype unless told otherwise (also ``new_ones``,
        ``new_empty``)."""
        return self._new_of(size, dtype)

    new_ones = new_empty = new_zeros

    def new_full(
        self, size: Any, fill_value: Any, *, dtype: dtype | None = None, **_: Any
    ) -> Tensor:
        return self._new_of((size,), dtype)

    @property
    def device(self) -> device:
        """Always the CPU."""
        return device("cpu")

    is_xpu = is_mps = is_sparse = is_quantized = is_meta = property(lambda self: False)

    def get_device(self) -> int:
        """-1: a CPU tensor."""
        return -1

    def is_contiguous(self, memory_format: Any = None) -> bool:
        return True

    def is_floating_point(self) -> bool:
        return self.dtype.is_floating_point

    def stride(self, dim: int | None = None) -> Any:
        """The strides of a contiguous tensor of this shape."""
        strides = []
        step = 1
        for size in reversed(self._shape):
            strides.append(step)
            step *= max(size, 1)
        strides.reverse()
        if dim is None:
            return tuple(strides)
        return strides[normalize_dim(dim, self.ndim)]

    @property
    def T(self) -> Tensor:  # noqa: N802 - PyTorch's name
        return self._like(reversed(self._shape))

    @property
    def mT(self) -> Tensor:  # noqa: N802 - PyTorch's name
        return self.transpose(-2, -1)

    def unflatten(self, dim: int, sizes: Sequence[int]) -> Tensor:
        axis = normalize_dim(dim, self.ndim)
        return self.view(*self._shape[:axis], *sizes, *self._shape[axis + 1 :])

    def _pieces(self, sizes: Sequence[int], axis: int) -> tuple[Tensor, ...]:
        shape = list(self._shape)
        parts = []
        for size in sizes:
            shape[axis] = size
            parts.append(self._like(shape))
        return tuple(parts)

    def split(self, split_size_or_sections: Any, dim: int = 0) -> tuple[Tensor, ...]:
        """Pieces of ``split_size`` along ``dim`` (the last one smaller), or pieces of
        the sizes listed, which must add up to the axis.

        >>> [t.shape[1] for t in Tensor((2, 7)).split(3, 1)]
        [3, 3, 1]
        """
        axis = normalize_dim(dim, self.ndim)
        total = self._shape[axis]
        if isinstance(split_size_or_sections, (list, tuple)):
            sizes = [as_int("split_sizes", s) for s in split_size_or_sections]
            if sum(sizes) != total or min(sizes, default=0) < 0:
                raise ShapeError(
                    f"split_with_sizes expects split_sizes to sum exactly to {total} "
                    f"(input tensor's size at dimension {axis}), but got split_sizes="
                    f"{sizes}",
                    argument="split_size_or_sections",
                    value=split_size_or_sections,
                    valid=f"sizes adding up to {total}",
                )
            return self._pieces(sizes, axis)
        step = as_int("split_size", split_size_or_sections)
        if step <= 0 and not (step == 0 and total == 0):
            raise ShapeError(
                f"split_size can only be 0 if dimension size is 0, but got dimension size "
                f"of {total}"
                if step == 0
                else f"split expects split_size be non-negative, but got split_size={step}",
                argument="split_size_or_sections",
                value=step,
                valid="an int of at least 1",
            )
        if total == 0:
            return (self,)
        sizes = [step] * (total // step) + ([total % step] if total % step else [])
        return self._pieces(sizes, axis)

    def chunk(self, chunks: int, dim: int = 0) -> tuple[Tensor, ...]:
        """At most ``chunks`` pieces of ``ceil(size / chunks)`` along ``dim``.

        >>> [t.shape[0] for t in Tensor((10, 3)).chunk(4)]
        [3, 3, 3, 1]
        """
        count = as_int("chunks", chunks)
        if count <= 0:
            raise ShapeError(
                f"chunk expects `chunks` to be greater than 0, got: {count}",
                argument="chunks",
                value=chunks,
                valid="an int of at least 1",
            )
        total = self._shape[normalize_dim(dim, self.ndim)]
        return self.split(max(-(-total // count), 1) if total else 1, dim)

    def tensor_split(self, indices_or_sections: Any, dim: int = 0) -> tuple[Tensor, ...]:
        axis = normalize_dim(dim, self.ndim)
        total = self._shape[axis]
        if isinstance(indices_or_sections, (list, tuple)):
            bounds = [0, *(min(max(i, 0), total) for i in indices_or_sections), total]
            return self._pieces(
                [max(b - a, 0) for a, b in zip(bounds, bounds[1:], strict=False)], axis
            )
        count = as_int("sections", indices_or_sections)
        big, rest = divmod(total, count)
        return self._pieces([big + 1] * rest + [big] * (count - rest), axis)

    def unbind(self, dim: int = 0) -> tuple[Tensor, ...]:
        """The slices along ``dim``, that axis removed."""
        axis = normalize_dim(dim, self.ndim)
        shape = self._shape[:axis] + self._shape[axis + 1 :]
        return tuple(self._like(shape) for _ in range(self._shape[axis]))

    def narrow(self, dim: int, start: int, length: int) -> Tensor:
        axis = normalize_dim(dim, self.ndim)
        size = self._shape[axis]
        first = start + size if start < 0 else start
        if not 0 <= first <= size or length < 0 or first + length > size:
            raise ShapeError(
                f"start ({start}) + length ({length}) exceeds dimension size ({size}).",
                argument="length",
                value=length,
                valid=f"a slice inside the {size} cells of dimension {axis}",
            )
        shape = list(self._shape)
        shape[axis] = length
        return self._like(shape)

    def repeat(self, *sizes: Any) -> Tensor:
        """Tile the tensor ``sizes`` times along each axis (leading new axes allowed)."""
        counts = _dims(sizes, "repeat")
        if len(counts) < self.ndim:
            raise ShapeError(
                "Number of dimensions of repeat dims can not be smaller than number of "
                "dimensions of tensor"
            )
        own = (1,) * (len(counts) - self.ndim) + tuple(self._shape)
        return self._like(a * b for a, b in zip(own, counts, strict=True))

    def repeat_interleave(
        self, repeats: Any, dim: int | None = None, *, output_size: int | None = None
    ) -> Tensor:
        if isinstance(repeats, Tensor):
            if output_size is None:
                raise _unsupported("Tensor.repeat_interleave with a tensor of repeats")
            count = None
        else:
            count = as_int("repeats", repeats)
        if dim is None:
            size = output_size if count is None else self.numel() * count
            return self._like((size,))
        axis = normalize_dim(dim, self.ndim)
        shape = list(self._shape)
        shape[axis] = output_size if count is None else shape[axis] * count
        return self._like(shape)

    def _reduce_pair(self, dim: Any, keepdim: bool) -> Any:
        values = self._reduce(dim, keepdim)
        return _ValuesIndices(values, Tensor._of(tuple(values.shape), _int64))

    def max(self, dim: Any = None, keepdim: bool = False) -> Any:
        """The maximum: of all (a 0-d tensor), elementwise with another tensor, or
        along ``dim`` (``(values, indices)``)."""
        if isinstance(dim, Tensor):
            return self._binary(dim)
        if dim is None:
            return self._like(())
        return self._reduce_pair(dim, keepdim)

    min = max

    def sort(self, dim: int = -1, descending: bool = False, stable: bool = False) -> Any:
        normalize_dim(dim, self.ndim)
        return _ValuesIndices(self, Tensor._of(tuple(self._shape), _int64))

    def topk(
        self,
        k: int,
        dim: int = -1,
        largest: bool = True,
        sorted: bool = True,  # noqa: A002
    ) -> Any:
        axis = normalize_dim(dim, self.ndim)
        if not 0 <= k <= (self._shape[axis] if self.ndim else 1):
            raise ShapeError(
                "selected index k out of range",
                argument="k",
                value=k,
                valid="0 <= k <= size",
            )
        shape = list(self._shape)
        if shape:
            shape[axis] = k
        values = self._like(shape)
        return _ValuesIndices(values, Tensor._of(tuple(shape), _int64))

    def argmax(self, dim: Any = None, keepdim: bool = False) -> Tensor:
        reduced = self._reduce(dim, keepdim)
        return Tensor._of(tuple(reduced.shape), _int64)

    argmin = argmax

    def any(self, dim: Any = None, keepdim: bool = False) -> Tensor:
        reduced = self._reduce(dim, keepdim)
        return Tensor._of(tuple(reduced.shape), _bool)

    all = any

    def norm(
        self, p: Any = "fro", dim: Any = None, keepdim: bool = False, dtype: Any = None
    ) -> Tensor:
        return self._reduce(dim, keepdim)

    logsumexp = mean

    def index_select(self, dim: int, index: Tensor) -> Tensor:
        axis = normalize_dim(dim, self.ndim)
        if index.ndim > 1:
            raise ShapeError("index_select(): Index is supposed to be a vector")
        shape = list(self._shape)
        if shape:
            shape[axis] = index.numel()
        return self._like(shape)

    def gather(self, dim: int, index: Tensor, *, sparse_grad: bool = False) -> Tensor:
        normalize_dim(dim, self.ndim)
        return self._like(index.shape)

    def item(self) -> Any:
        """Refused: a shape-only tensor has no value."""
        raise _unsupported("Tensor.item")

    def tolist(self) -> Any:
        """Refused: a shape-only tensor has no values."""
        raise _unsupported("Tensor.tolist")

    def numpy(self, *, force: bool = False) -> Any:
        """Refused: a shape-only tensor has no values."""
        raise _unsupported("Tensor.numpy")

    def __getitem__(self, index: Any) -> Tensor:
        """The shape that indexing gives: ints drop an axis, slices shorten one, None
        adds one, ``...`` stands for the axes not named, and integer tensors or lists
        (advanced indexing) put their own shape in place of the axes they index.

        >>> x = Tensor((2, 3, 4))
        >>> x[:, 0].shape, x[..., 1:3].shape, x[None, :, -1, ::2].shape
        (torch.Size([2, 4]), torch.Size([2, 3, 2]), torch.Size([1, 2, 2]))
        """
        return self._like(_index_shape(self._shape, index))

    def __setitem__(self, index: Any, value: Any) -> None:
        target = _index_shape(self._shape, index)
        if isinstance(value, Tensor):
            broadcast_shapes(target, value._shape)


def matmul(a: Tensor, b: Tensor) -> Tensor:
    """The shape of ``a @ b`` (1-D, 2-D and batched cases).

    >>> matmul(Tensor((5, 2, 3)), Tensor((3, 4))).shape
    torch.Size([5, 2, 4])
    """
    if a.ndim == 0 or b.ndim == 0:
        raise ShapeError("both arguments to matmul need to be at least 1D")
    left = (1, *a.shape) if a.ndim == 1 else tuple(a.shape)
    right = (*b.shape, 1) if b.ndim == 1 else tuple(b.shape)
    if left[-1] != right[-2]:
        raise ShapeError(
            f"mat1 and mat2 shapes cannot be multiplied ({left[-2]}x{left[-1]} and "
            f"{right[-2]}x{right[-1]})"
        )
    batch = broadcast_shapes(left[:-2], right[:-2])
    shape = [*batch, left[-2], right[-1]]
    if a.ndim == 1:
        del shape[-2]
    if b.ndim == 1:
        del shape[-1]
    return a._like(shape)


def _new(size: tuple[Any, ...], dtype_: dtype | None, requires_grad: bool) -> Tensor:
    return Tensor(_check_sizes(_dims(size, "tensor")), dtype_, requires_grad)


def empty(
    *size: Any,
    dtype: dtype | None = None,
    requires_grad: bool = False,
    **_: Any,
) -> Tensor:
    """A shape-only tensor (``torch.empty``, also ``zeros``, ``ones``, ``rand``, ``randn``).

    >>> empty(1, 3, 32, 32).shape
    torch.Size([1, 3, 32, 32])
    """
    return _new(size, dtype, requires_grad)


zeros = ones = rand = randn = empty


def full(size: Sequence[int], fill_value: Any = 0, **kwargs: Any) -> Tensor:
    """A shape-only tensor of ``size``; the value is ignored."""
    return empty(size, **kwargs)


def empty_like(other: Tensor, **kwargs: Any) -> Tensor:
    """A shape-only tensor with ``other``'s shape."""
    kwargs.setdefault("dtype", other.dtype)
    return empty(other.shape, **kwargs)


zeros_like = ones_like = rand_like = randn_like = empty_like


def flatten(input: Tensor, start_dim: int = 0, end_dim: int = -1) -> Tensor:  # noqa: A002
    """``torch.flatten``: merge dimensions ``start_dim..end_dim``.

    >>> flatten(empty(1, 512, 7, 7), 1).shape
    torch.Size([1, 25088])
    """
    return input.flatten(start_dim, end_dim)


def cat(tensors: Sequence[Tensor], dim: int = 0) -> Tensor:
    """``torch.cat``: join tensors along ``dim``; the other sizes must agree.

    >>> cat([empty(1, 64, 8, 8), empty(1, 32, 8, 8)], 1).shape
    torch.Size([1, 96, 8, 8])
    """
    parts = list(tensors)
    if not parts:
        raise ShapeError("torch.cat(): expected a non-empty list of Tensors")
    first = parts[0]
    axis = normalize_dim(dim, first.ndim)
    total = 0
    for index, part in enumerate(parts):
        if part.ndim != first.ndim:
            raise ShapeError(
                f"Tensors must have same number of dimensions: got {first.ndim} and "
                f"{part.ndim}"
            )
        for d, (a, b) in enumerate(zip(first.shape, part.shape, strict=False)):
            if d != axis and a != b:
                raise ShapeError(
                    f"Sizes of tensors must match except in dimension {axis}. Expected "
                    f"size "
                    f"{a} but got size {b} for tensor number {index} in the list."
                )
        total += part.shape[axis]
    shape = list(first.shape)
    shape[axis] = total
    return first._like(shape)


concat = concatenate = cat


def stack(tensors: Sequence[Tensor], dim: int = 0) -> Tensor:
    """``torch.stack``: join equal-shape tensors along a new dimension."""
    parts = list(tensors)
    if not parts:
        raise ShapeError("stack expects a non-empty TensorList")
    for index, part in enumerate(parts):
        if part.shape != parts[0].shape:
            raise ShapeError(
                f"stack expects each tensor to be equal size, but got "
                f"{list(parts[0].shape)} at entry 0 and {list(part.shape)} at entry {index}"
            )
    return (
        parts[0]
        .unsqueeze(dim)
        .expand(
            *[
                len(parts) if i == normalize_dim(dim, parts[0].ndim + 1) else -1
                for i in range(parts[0].ndim + 1)
            ]
        )
    )


def add(input: Tensor, other: Any, **_: Any) -> Tensor:  # noqa: A002
    """``torch.add``: the broadcast shape."""
    return input + other


mul = add


def _unary(input: Tensor, *args: Any, **kwargs: Any) -> Tensor:  # noqa: A002
    return input


relu = sigmoid = tanh = softmax = log_softmax = exp = _unary


class no_grad:  # noqa: N801 - PyTorch's spelling
    """A context manager (and decorator) that does nothing: there are no gradients."""

    def __enter__(self) -> None:
        return None

    def __exit__(self, *exc: Any) -> None:
        return None

    def __call__(self, function: Any) -> Any:
        return function


inference_mode = no_grad


class device:  # noqa: N801 - PyTorch's spelling
    """A device name, accepted and ignored: shapes do not depend on it."""

    def __init__(self, type: str = "cpu", index: int | None = None) -> None:  # noqa: A002
        self.type = str(type).split(":")[0]
        self.index = index

    def __repr__(self) -> str:
        return f"device(type={self.type!r})"


def is_tensor(obj: Any, /) -> bool:
    """True for a shape-only tensor."""
    return isinstance(obj, Tensor)


# What the methods added for issue 13 share -------------------------------------------

from convdims.torch.dtypes import ALIASES as _ALIASES  # noqa: E402 - kept with its users
from convdims.torch.dtypes import int32 as _int32  # noqa: E402
from convdims.torch.dtypes import int64 as _int64  # noqa: E402

_bool = _ALIASES["bool"]


class _ValuesIndices(tuple):
    """What ``max(dim)``, ``sort`` and ``topk`` return: ``(values, indices)``, also by
    name, as PyTorch's named tuples."""

    __slots__ = ()

    def __new__(cls, values: Tensor, indices: Tensor) -> _ValuesIndices:
        return tuple.__new__(cls, (values, indices))

    @property
    def values(self) -> Tensor:
        return self[0]

    @property
    def indices(self) -> Tensor:
        return self[1]


def _unsupported(name: str) -> Exception:
    from convdims.standin import Unsupported

    return Unsupported(name)


def _index_shape(shape: tuple[int, ...], index: Any) -> tuple[int, ...]:
    """The shape of ``tensor[index]`` for a tensor of ``shape`` (PyTorch's rules, as
    NumPy's: basic indices first, then advanced ones, which broadcast together and go
    where the first one was when they are next to each other, else in front)."""
    items = list(index) if isinstance(index, tuple) else [index]
    consumed = 0
    for item in items:
        if item is None or item is Ellipsis:
            continue
        if isinstance(item, Tensor) and item.dtype is _bool:
            consumed += item.ndim
        else:
            consumed += 1
    if consumed > len(shape):
        raise DimensionError(
            f"too many indices for tensor of dimension {len(shape)}",
            argument="index",
            value=index,
            valid=f"at most {len(shape)} indices",
        )
    if Ellipsis in [i for i in items if not isinstance(i, (Tensor, list))]:
        at = next(n for n, i in enumerate(items) if i is Ellipsis)
        items[at : at + 1] = [slice(None)] * (len(shape) - consumed)
    else:
        items += [slice(None)] * (len(shape) - consumed)
    result: list[int] = []
    advanced: list[tuple[int, ...]] = []
    advanced_at: list[int] = []
    axis = 0
    for item in items:
        if item is None:
            result.append(1)
            continue
        if isinstance(item, Tensor) and item.dtype is _bool:
            raise _unsupported("Tensor indexing with a boolean mask (its size is data)")
        if isinstance(item, (Tensor, list)):
            index_shape = tuple(item.shape) if isinstance(item, Tensor) else (len(item),)
            advanced.append(index_shape)
            advanced_at.append(len(result))
            axis += 1
            continue
        size = shape[axis]
        if isinstance(item, slice):
            if item.step is not None and item.step <= 0:
                raise ShapeError(
                    "step must be greater than zero", argument="index", value=index
                )
            result.append(len(range(*item.indices(size))))
        else:
            position = as_int("index", item)
            if not -size <= position < size:
                raise DimensionError(
                    f"index {position} is out of bounds for dimension {axis} with size "
                    f"{size}",
                    argument="index",
                    value=index,
                    valid=f"-{size} <= index < {size}",
                )
        axis += 1
    if advanced:
        joined = tuple(broadcast_shapes(*advanced))
        adjacent = advanced_at == list(
            range(advanced_at[0], advanced_at[0] + len(advanced_at))
        )
        where = advanced_at[0] if adjacent else 0
        result[where:where] = joined
    return tuple(result)


def _is_data(value: Any) -> bool:
    """Whether ``Tensor(value)`` is given values (a sequence holding a float or a
    bool, or nested sequences) rather than sizes, which are whole numbers."""
    if not isinstance(value, (list, tuple)) or isinstance(value, Size) or not value:
        return False
    first = value[0]
    if isinstance(first, (list, tuple)):
        return True
    return any(isinstance(v, (float, bool)) for v in value)


def _data_shape(value: Any) -> tuple[int, ...]:
    """The shape of nested sequences of numbers (``[[1, 2], [3, 4]]``: ``(2, 2)``),
    which must be rectangular, as PyTorch requires."""
    if isinstance(value, Tensor):
        return tuple(value._shape)
    if not isinstance(value, (list, tuple)):
        return ()
    inner = [_data_shape(item) for item in value]
    if any(shape != inner[0] for shape in inner):
        raise ShapeError(
            f"expected sequence of length {inner[0][0] if inner[0] else 0} at dim 1 "
            f"(got {next(s for s in inner if s != inner[0])[:1] or 0})",
            argument="data",
            value=value,
            valid="nested sequences of equal lengths",
        )
    return (len(value), *(inner[0] if inner else ()))

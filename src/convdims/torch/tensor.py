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

from convdims.torch._indexing import IndexingMethods
from convdims.torch._indexing import _index_shape as _index_shape
from convdims.torch._reductions import ReductionMethods
from convdims.torch._reshaping import ReshapingMethods
from convdims.torch._sizes import Size as Size
from convdims.torch._sizes import _check_sizes, _dims
from convdims.torch._sizes import broadcast_shapes as broadcast_shapes
from convdims.torch._sizes import normalize_dim as normalize_dim
from convdims.torch._tensor_base import _unsupported
from convdims.torch.dtypes import dtype, float16, float32, float64
from convdims.torch.errors import ShapeError

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any


class Tensor(ReshapingMethods, ReductionMethods, IndexingMethods):
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

    def _plain(self, shape: tuple[int, ...], dtype: dtype) -> Tensor:
        """A plain tensor (not a parameter, not one of known values) of a shape
        already checked: what the methods in the other files make with ``_of``."""
        return Tensor._of(shape, dtype)

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

    def item(self) -> Any:
        """Refused: a shape-only tensor has no value."""
        raise _unsupported("Tensor.item")

    def tolist(self) -> Any:
        """Refused: a shape-only tensor has no values."""
        raise _unsupported("Tensor.tolist")

    def numpy(self, *, force: bool = False) -> Any:
        """Refused: a shape-only tensor has no values."""
        raise _unsupported("Tensor.numpy")


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

    def __init__(self, type: Any = "cpu", index: int | None = None) -> None:  # noqa: A002
        if isinstance(type, device):
            type, index = type.type, type.index  # noqa: A001
        name, _, number = str(type).partition(":")
        self.type = name
        self.index = int(number) if number.isdigit() else index

    def __repr__(self) -> str:
        if self.index is None:
            return f"device(type={self.type!r})"
        return f"device(type={self.type!r}, index={self.index})"

    def __str__(self) -> str:
        return self.type if self.index is None else f"{self.type}:{self.index}"

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, device):
            return NotImplemented
        return (self.type, self.index) == (other.type, other.index)

    def __hash__(self) -> int:
        return hash((self.type, self.index))


def is_tensor(obj: Any, /) -> bool:
    """True for a shape-only tensor."""
    return isinstance(obj, Tensor)


from convdims.torch.dtypes import ALIASES as _ALIASES  # noqa: E402 - kept with its users
from convdims.torch.dtypes import int32 as _int32  # noqa: E402
from convdims.torch.dtypes import int64 as _int64  # noqa: E402

_bool = _ALIASES["bool"]


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

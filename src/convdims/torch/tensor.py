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

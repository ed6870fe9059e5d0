"""The ``torch.*`` functions model code calls between layers, beyond those of
``convdims.torch.tensor``: each computes the shape PyTorch would give (most delegate to
the tensor method of the same name) and refuses what PyTorch refuses.

>>> from convdims import torch
>>> x = torch.empty(2, 3, 4)
>>> torch.transpose(x, 1, 2).shape, torch.mean(x, dim=-1).shape
(torch.Size([2, 4, 3]), torch.Size([2, 3]))
>>> [t.shape for t in torch.chunk(x, 2, dim=2)]
[torch.Size([2, 3, 2]), torch.Size([2, 3, 2])]
"""

from __future__ import annotations

import builtins as _builtins
import math
from collections.abc import Sequence

from convdims._checks import as_int
from convdims.torch.dtypes import float32, int64
from convdims.torch.errors import ShapeError
from convdims.torch.tensor import Tensor, broadcast_shapes, matmul

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

__all__ = [
    "randint",
    "randint_like",
    "randperm",
    "_assert",
    "abs",
    "arange",
    "argmax",
    "as_tensor",
    "ceil",
    "clip",
    "erf",
    "log1p",
    "log2",
    "eye",
    "floor",
    "scalar_tensor",
    "sign",
    "tensor",
    "tensor_split",
    "bmm",
    "chunk",
    "clamp",
    "compile",
    "cos",
    "diff",
    "div",
    "divide",
    "einsum",
    "full_like",
    "is_floating_point",
    "log",
    "manual_seed",
    "max",
    "maximum",
    "mean",
    "meshgrid",
    "min",
    "minimum",
    "permute",
    "pow",
    "reshape",
    "roll",
    "round",
    "rsqrt",
    "set_grad_enabled",
    "sin",
    "split",
    "sqrt",
    "squeeze",
    "stack",
    "sub",
    "sum",
    "swapaxes",
    "transpose",
    "tril",
    "triu",
    "unbind",
    "unsqueeze",
    "where",
]


def _assert(condition: Any, message: Any) -> None:
    """``torch._assert``: ``assert condition, message`` that survives ``python -O``.

    >>> _assert(True, "never shown")
    """
    if type(condition) is not Tensor and not condition:
        raise AssertionError(message)


def compile(  # noqa: A001 - PyTorch's name
    model: Any = None,
    *,
    fullgraph: bool = False,
    dynamic: bool | None = None,
    backend: Any = None,
    mode: str | None = None,
    options: Any = None,
    name: str | None = None,
    disable: bool = False,
    recompile_limit: int | None = None,
    isolate_recompiles: bool = False,
    shapes_spec: Any = None,
) -> Any:
    """``torch.compile``: returns the model or function as it is (its Python code is
    what runs here); bare or as ``@torch.compile(...)``.

    >>> compile(len) is len, compile(mode="max-autotune")(len) is len
    (True, True)
    """
    if model is None:
        return lambda function: function
    return model


def manual_seed(seed: int) -> Any:
    """``torch.manual_seed``: accepted; nothing here is random."""
    return None


class set_grad_enabled:  # noqa: N801 - PyTorch's spelling
    """``torch.set_grad_enabled(mode)``: a context manager that does nothing."""

    def __init__(self, mode: bool) -> None:
        self.mode = mode

    def __enter__(self) -> None:
        return None

    def __exit__(self, *exc: Any) -> None:
        return None


def transpose(input: Tensor, dim0: int, dim1: int) -> Tensor:  # noqa: A002
    """``torch.transpose``: swap two axes."""
    return input.transpose(dim0, dim1)


swapaxes = transpose


def permute(input: Tensor, dims: Sequence[int]) -> Tensor:  # noqa: A002
    """``torch.permute``: reorder the axes."""
    return input.permute(*dims)


def repeat_interleave(
    input: Tensor,  # noqa: A002
    repeats: Any,
    dim: int | None = None,
    *,
    output_size: int | None = None,
) -> Tensor:
    """``torch.repeat_interleave``: each element repeated ``repeats`` times along ``dim``
    (torchvision's MViT repeats its temporal position embedding so)."""
    return input.repeat_interleave(repeats, dim, output_size=output_size)


def reshape(input: Tensor, shape: Sequence[int]) -> Tensor:  # noqa: A002
    """``torch.reshape``: the same elements in a new shape (one size may be -1)."""
    return input.reshape(*shape)


def unsqueeze(input: Tensor, dim: int) -> Tensor:  # noqa: A002
    """``torch.unsqueeze``: a new axis of size 1 at ``dim``."""
    return input.unsqueeze(dim)


def squeeze(input: Tensor, dim: Any = None) -> Tensor:  # noqa: A002
    """``torch.squeeze``: drop axes of size 1."""
    return input.squeeze(dim)


def mean(
    input: Tensor, dim: Any = None, keepdim: bool = False, *, dtype: Any = None
) -> Tensor:  # noqa: A002
    """``torch.mean``: average over ``dim`` (every axis when None)."""
    return input.mean(dim, keepdim)


def sum(
    input: Tensor, dim: Any = None, keepdim: bool = False, *, dtype: Any = None
) -> Tensor:  # noqa: A001, A002
    """``torch.sum``: sum over ``dim`` (every axis when None)."""
    return input.sum(dim, keepdim)


def max(input: Tensor, dim: Any = None, keepdim: bool = False) -> Any:  # noqa: A001, A002
    """``torch.max``: of everything, along ``dim`` (values and indices), or
    elementwise with another tensor."""
    return input.max(dim, keepdim)


def min(input: Tensor, dim: Any = None, keepdim: bool = False) -> Any:  # noqa: A001, A002
    """``torch.min``: of everything, along ``dim`` (values and indices), or
    elementwise with another tensor."""
    return input.min(dim, keepdim)


def argmax(input: Tensor, dim: Any = None, keepdim: bool = False) -> Tensor:  # noqa: A002
    """``torch.argmax``: the index of the largest value (int64)."""
    return input.argmax(dim, keepdim)


def chunk(input: Tensor, chunks: int, dim: int = 0) -> tuple[Tensor, ...]:  # noqa: A002
    """``torch.chunk``: at most ``chunks`` pieces along ``dim``."""
    return input.chunk(chunks, dim)


def split(tensor: Tensor, split_size_or_sections: Any, dim: int = 0) -> tuple[Tensor, ...]:
    """``torch.split``: pieces of a size, or of the sizes listed, along ``dim``."""
    return tensor.split(split_size_or_sections, dim)


def unbind(input: Tensor, dim: int = 0) -> tuple[Tensor, ...]:  # noqa: A002
    """``torch.unbind``: the slices along ``dim``."""
    return input.unbind(dim)


def roll(input: Tensor, shifts: Any, dims: Any = None) -> Tensor:  # noqa: A002
    """``torch.roll``: the input's shape."""
    return input


def _elementwise(input: Any, *args: Any, **kwargs: Any) -> Any:  # noqa: A002
    return input


sqrt = rsqrt = sin = cos = clamp = _elementwise


def tril(input: Tensor, diagonal: int = 0, *, out: Any = None) -> Tensor:  # noqa: A002
    """``torch.tril``: the lower triangle of the last two axes (the input's shape).

    >>> from convdims.torch import ones
    >>> tril(ones(4, 4)).shape
    torch.Size([4, 4])
    """
    return _triangle(input, "tril")


def triu(input: Tensor, diagonal: int = 0, *, out: Any = None) -> Tensor:  # noqa: A002
    """``torch.triu``: the upper triangle of the last two axes (the input's shape)."""
    return _triangle(input, "triu")


def _triangle(input: Tensor, op: str) -> Tensor:  # noqa: A002
    if not isinstance(input, Tensor):
        raise TypeError(
            f"{op}(): argument 'input' must be Tensor, not {type(input).__name__}"
        )
    if input.ndim < 2:
        raise ShapeError(
            f"{op}: input tensor must have at least 2 dimensions, got {input.ndim}",
            argument="input",
            value=tuple(input.shape),
            valid="a tensor of 2 or more dimensions",
        )
    return input._like(input.shape)


def _method(name: str) -> Any:
    """``torch.<name>(input)``: the tensor method, which keeps known values."""

    def function(input: Any, *args: Any, **kwargs: Any) -> Any:  # noqa: A002
        if isinstance(input, Tensor):
            return getattr(input, name)(*args, **kwargs)
        return input

    function.__name__ = name
    function.__doc__ = f"``torch.{name}``: the input's shape (and values, when known)."
    return function


abs = _method("abs")  # noqa: A001 - PyTorch's name
log = _method("log")
round = _method("round")  # noqa: A001 - PyTorch's name
sign = floor = ceil = erf = clip = log2 = log1p = _elementwise


def _binary_of(op: str) -> Any:
    def function(input: Any, other: Any, **kwargs: Any) -> Any:  # noqa: A002
        from convdims.torch.values import binary

        return binary(op, input, other)

    function.__name__ = op
    function.__doc__ = f"``torch.{op}``: the broadcast shape (and values, when known)."
    return function


maximum = _binary_of("max")
minimum = _binary_of("min")
sub = _binary_of("sub")
div = divide = _binary_of("truediv")
pow = _binary_of("pow")  # noqa: A001 - PyTorch's name


def _new_tensor(
    self: Tensor, data: Any, *, dtype: Any = None, device: Any = None, **_: Any
) -> Tensor:
    """``Tensor.new_tensor``: ``torch.tensor(data)`` of this tensor's dtype unless told
    otherwise.

    >>> from convdims.torch import empty, float16
    >>> empty(2, dtype=float16).new_tensor([1, 2, 3]).dtype
    torch.float16
    """
    return tensor(data, dtype=dtype or self.dtype)


# The method form lives with torch.tensor, which it calls.
Tensor.new_tensor = _new_tensor  # type: ignore[attr-defined]


def tensor_split(
    input: Tensor,  # noqa: A002
    indices_or_sections: Any = None,
    dim: int = 0,
    *,
    indices: Any = None,
    sections: Any = None,
) -> tuple[Tensor, ...]:
    """``torch.tensor_split``: ``sections`` nearly equal pieces, or pieces between the
    indices listed."""
    given = [v for v in (indices_or_sections, indices, sections) if v is not None]
    if len(given) != 1:
        raise TypeError(
            "tensor_split() takes one of indices_or_sections, indices and sections"
        )
    return input.tensor_split(given[0], dim)


def tensor(
    data: Any,
    *,
    dtype: Any = None,
    device: Any = None,
    requires_grad: bool = False,
    pin_memory: bool = False,
) -> Tensor:
    """``torch.tensor``: a tensor of the data's shape (int64 for whole numbers, bool for
    bools, else float32). Its values are not kept: convdims computes shapes.

    >>> tensor([[1, 2, 3], [4, 5, 6]]).shape, tensor(3.5).shape
    (torch.Size([2, 3]), torch.Size([]))
    """
    from convdims.torch.tensor import _ALIASES, _data_shape

    if isinstance(data, Tensor):
        return Tensor._of(tuple(data.shape), dtype or data.dtype, requires_grad)
    shape = _data_shape(data)
    if dtype is None:
        flat = _flatten(data)
        if flat and all(isinstance(v, bool) for v in flat):
            dtype = _ALIASES["bool"]
        elif all(isinstance(v, int) for v in flat):
            dtype = int64
        else:
            dtype = float32
    from convdims.torch.values import known

    flat = _flatten(data)
    if all(isinstance(v, (int, float, bool)) for v in flat):
        result = known(shape, dtype, flat)
        result.requires_grad = requires_grad
        return result
    return Tensor._of(shape, dtype, requires_grad)


def _flatten(data: Any) -> list[Any]:
    if isinstance(data, (list, tuple)):
        return [v for item in data for v in _flatten(item)]
    return [data]


def as_tensor(data: Any, dtype: Any = None, device: Any = None) -> Tensor:
    """``torch.as_tensor``: as ``torch.tensor``, sharing a tensor given as it is."""
    if isinstance(data, Tensor) and dtype in (None, data.dtype):
        return data
    return tensor(data, dtype=dtype)


def scalar_tensor(s: Any, *, dtype: Any = None, **_: Any) -> Tensor:
    """``torch.scalar_tensor``: a 0-d tensor (float32 by default)."""
    return Tensor._of((), dtype or float32)


def eye(n: int, m: int | None = None, *, dtype: Any = None, **_: Any) -> Tensor:
    """``torch.eye``: an ``n x m`` identity matrix (``m`` defaults to ``n``)."""
    rows = as_int("n", n)
    return Tensor((rows, rows if m is None else as_int("m", m)), dtype)


def is_floating_point(input: Tensor) -> bool:  # noqa: A002
    """``torch.is_floating_point``."""
    return input.dtype.is_floating_point


def full_like(input: Tensor, fill_value: Any, **kwargs: Any) -> Tensor:  # noqa: A002
    """``torch.full_like``: a tensor of ``input``'s shape."""
    return Tensor(input.shape, kwargs.get("dtype") or input.dtype)


def bmm(input: Tensor, mat2: Tensor) -> Tensor:  # noqa: A002
    """``torch.bmm``: batched ``(b, n, m) @ (b, m, p)``."""
    if input.ndim != 3 or mat2.ndim != 3:
        raise ShapeError("batch1 must be a 3D tensor")
    return matmul(input, mat2)


def where(condition: Tensor, input: Any = None, other: Any = None) -> Any:  # noqa: A002
    """``torch.where(condition, input, other)``: the broadcast shape."""
    if input is None and other is None:
        from convdims.standin import Unsupported

        raise Unsupported("torch.where(condition) (its size is data)")
    shapes = [t.shape for t in (condition, input, other) if isinstance(t, Tensor)]
    first = next(t for t in (input, other, condition) if isinstance(t, Tensor))
    return first._like(broadcast_shapes(*shapes))


def arange(
    start: Any, end: Any = None, step: Any = 1, *, dtype: Any = None, **_: Any
) -> Tensor:
    """``torch.arange``: ``ceil((end - start) / step)`` values (int64 for integer
    bounds, else float32).

    >>> arange(5).shape, arange(1, 2, 0.25).shape
    (torch.Size([5]), torch.Size([4]))
    """
    if end is None:
        start, end = 0, start
    count = math.ceil((end - start) / step)
    if count < 0:
        raise ShapeError(
            "upper bound and larger bound inconsistent with step sign",
            argument="step",
            value=step,
            valid="a step that goes from start towards end",
        )
    whole = all(isinstance(v, int) for v in (start, end, step))
    kind = dtype or (int64 if whole else float32)
    from convdims.torch.values import MAX_KNOWN, known

    if count <= MAX_KNOWN:
        return known((count,), kind, [start + i * step for i in range(count)])
    return Tensor((count,), kind)


def randint(*args: Any, size: Any = None, dtype: Any = None, **_: Any) -> Tensor:
    """``torch.randint(high, size)`` or ``(low, high, size)``: random integers of that
    size, int64 unless ``dtype`` says otherwise (their values are not kept).

    >>> randint(0, 10, (4, 2)).shape, randint(5, (3,)).dtype
    (torch.Size([4, 2]), torch.int64)
    """
    bounds = list(args)
    if size is None:
        if not bounds or not isinstance(bounds[-1], (tuple, list)):
            raise TypeError('randint() missing 1 required positional arguments: "size"')
        size = bounds.pop()
    if not 1 <= len(bounds) <= 2:
        raise TypeError("randint() takes (high, size) or (low, high, size)")
    low, high = (0, bounds[0]) if len(bounds) == 1 else bounds
    if not high > low:
        raise RuntimeError(
            f"random_ expects 'from' to be less than 'to', but got from={low} >= to={high}"
        )
    return Tensor(tuple(size), dtype or int64)


def randint_like(input: Tensor, *args: Any, dtype: Any = None, **_: Any) -> Tensor:  # noqa: A002
    """``torch.randint_like``: the input's shape and dtype."""
    return Tensor(tuple(input.shape), dtype or input.dtype)


def randperm(n: int, *, dtype: Any = None, **_: Any) -> Tensor:
    """``torch.randperm(n)``: a permutation of ``range(n)``, int64 (values not kept)."""
    if n < 0:
        raise RuntimeError(f"n must be non-negative, got{n}")
    return Tensor((n,), dtype or int64)


def meshgrid(*tensors: Any, indexing: str | None = None) -> tuple[Tensor, ...]:
    """``torch.meshgrid``: one tensor per input, each of the shape of all their lengths
    (``indexing="xy"`` swaps the first two)."""
    items = (
        list(tensors[0])
        if len(tensors) == 1 and isinstance(tensors[0], (list, tuple))
        else list(tensors)
    )
    sizes = [t.numel() for t in items]
    if indexing == "xy" and len(sizes) >= 2:
        sizes[0], sizes[1] = sizes[1], sizes[0]
    return tuple(t._like(sizes) for t in items)


def einsum(*args: Any) -> Tensor:
    """``torch.einsum``: the shape of the result named after ``->`` (or, without it,
    every letter seen once, in alphabetical order).

    >>> einsum("bhqd,bhkd->bhqk", Tensor((1, 2, 3, 4)), Tensor((1, 2, 5, 4))).shape
    torch.Size([1, 2, 3, 5])
    """
    equation, *operands = args
    tensors = (
        list(operands[0])
        if len(operands) == 1 and isinstance(operands[0], (list, tuple))
        else list(operands)
    )
    inputs, arrow, output = equation.replace(" ", "").partition("->")
    terms = inputs.split(",")
    if len(terms) != len(tensors):
        raise ShapeError(
            "einsum(): more operands were provided than specified in the equation"
            if len(tensors) > len(terms)
            else "einsum(): fewer operands were provided than specified in the equation"
        )
    sizes: dict[str, int] = {}
    for term, tensor in zip(terms, tensors, strict=True):
        if "..." in term:
            from convdims.standin import Unsupported

            raise Unsupported("torch.einsum with '...'")
        if len(term) != tensor.ndim:
            raise ShapeError(
                f"einsum(): the number of subscripts in the equation ({len(term)}) does "
                f"not match the number of dimensions ({tensor.ndim}) for operand "
                f"{terms.index(term)} and no ellipsis was given"
            )
        for letter, size in zip(term, tensor.shape, strict=True):
            if sizes.get(letter, size) not in (size, 1) and size != 1:
                raise ShapeError(
                    f"einsum(): operands do not broadcast with remapped shapes "
                    f"(original->remapped): subscript {letter} has sizes {sizes[letter]} "
                    f"and {size}"
                )
            sizes[letter] = _builtins.max(sizes.get(letter, 1), size)
    if not arrow:
        letters = "".join(inputs.replace(",", ""))
        output = "".join(sorted(c for c in set(letters) if letters.count(c) == 1))
    return tensors[0]._like([sizes[c] for c in output])


def stack(tensors: Any, dim: int = 0, *, out: Any = None) -> Tensor:
    """``torch.stack``: join equal-shape tensors along a new axis (known values are
    kept when stacking along the first).

    >>> stack([tensor([1, 2]), tensor([3, 4])]).tolist()
    [[1, 2], [3, 4]]
    """
    from convdims.torch.tensor import stack as stack_shapes
    from convdims.torch.values import stack_values

    parts = list(tensors)
    result = stack_shapes(parts, dim)
    values = stack_values(parts, dim, tuple(result.shape))
    return result if values is None else values


def diff(
    input: Tensor,  # noqa: A002
    n: int = 1,
    dim: int = -1,
    prepend: Tensor | None = None,
    append: Tensor | None = None,
) -> Tensor:
    """``torch.diff``: differences of neighbours along ``dim``, ``n`` times (known
    values of a 1-D tensor are kept).

    >>> diff(tensor([1, 4, 9, 16])).tolist()
    [3, 5, 7]
    """
    from convdims.torch.tensor import cat, normalize_dim
    from convdims.torch.values import KnownTensor, known

    parts = [t for t in (prepend, input, append) if t is not None]
    joined = cat(parts, dim) if len(parts) > 1 else input
    axis = normalize_dim(dim, joined.ndim)
    if isinstance(joined, KnownTensor) and joined.ndim == 1 and len(parts) == 1:
        values = list(joined._values)
        for _ in range(n):
            values = [b - a for a, b in zip(values, values[1:], strict=False)]
        return known((len(values),), joined.dtype, values)
    shape = list(joined.shape)
    shape[axis] = max(shape[axis] - n, 0)
    return joined._like(shape)

"""``torch`` functions that make tensors or answer about them, with no method form:
ranges (``linspace``, ``logspace``), signal windows, the default dtype, ``enable_grad``,
and the questions whose answer is values (``equal``, ``allclose``, ``from_numpy``,
``unique``), which are refused unless the values are known: never guessed.

>>> from convdims import torch
>>> torch.linspace(0, 1, steps=5).tolist()
[0.0, 0.25, 0.5, 0.75, 1.0]
"""

from __future__ import annotations

from convdims._checks import as_int
from convdims.torch._sizes import broadcast_shapes
from convdims.torch.dtypes import dtype as _dtype
from convdims.torch.dtypes import float32, int64
from convdims.torch.errors import ShapeError
from convdims.torch.tensor import Tensor, no_grad

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

__all__ = [
    "bucketize",
    "norm",
    "searchsorted",
    "trapezoid",
    "trapz",
    "tril_indices",
    "triu_indices",
    "allclose",
    "bartlett_window",
    "blackman_window",
    "enable_grad",
    "equal",
    "from_numpy",
    "get_default_dtype",
    "hamming_window",
    "hann_window",
    "kaiser_window",
    "linspace",
    "logspace",
    "set_default_dtype",
    "std_mean",
    "unique",
    "var_mean",
]


def tensor_input(input: Any, op: str) -> Tensor:  # noqa: A002
    """``input`` itself, if it is a Tensor; else PyTorch's TypeError for ``op``."""
    if not isinstance(input, Tensor):
        from convdims.errors import ArgumentTypeError

        raise ArgumentTypeError(
            f"{op}(): argument 'input' (position 1) must be Tensor, not "
            f"{type(input).__name__}",
            argument="input",
            value=input,
            valid="a Tensor",
        )
    return input


def _number(value: Any, name: str) -> Any:
    if isinstance(value, Tensor):
        values = getattr(value, "_values", None)
        if value.numel() != 1:
            raise ShapeError(
                f"linspace only supports 0-dimensional start and end tensors, but got "
                f"{name} with {value.ndim} dimension(s).",
                argument=name,
                value=tuple(value.shape),
                valid="a number or a 0-d tensor",
            )
        return None if values is None else values[0]
    return value


def linspace(
    start: Any,
    end: Any,
    steps: int,
    *,
    out: Any = None,
    dtype: Any = None,
    layout: Any = None,
    device: Any = None,
    requires_grad: bool = False,
) -> Tensor:
    """``torch.linspace``: ``steps`` evenly spaced values from ``start`` to ``end``
    (float32 unless ``dtype`` says otherwise); the values are kept.

    >>> linspace(0, 10, 3).tolist(), linspace(0, 1, 0).shape
    ([0.0, 5.0, 10.0], torch.Size([0]))
    """
    count = as_int("steps", steps)
    if count < 0:
        raise ShapeError(
            "number of steps must be non-negative",
            argument="steps",
            value=steps,
            valid="an int of at least 0",
        )
    kind = dtype or float32
    low, high = _number(start, "start"), _number(end, "end")
    from convdims.torch.values import MAX_KNOWN, known

    if low is None or high is None or count > MAX_KNOWN:
        return Tensor._of((count,), kind, requires_grad)
    if count == 1:
        values = [low]
    else:
        step = (high - low) / (count - 1)
        half = count // 2
        # PyTorch's kernel: from the start for the first half, from the end after.
        values = [
            low + step * i if i < half else high - step * (count - 1 - i)
            for i in range(count)
        ]
    result = known((count,), kind, values)
    result.requires_grad = requires_grad
    return result


def logspace(
    start: Any,
    end: Any,
    steps: int,
    base: float = 10.0,
    *,
    out: Any = None,
    dtype: Any = None,
    layout: Any = None,
    device: Any = None,
    requires_grad: bool = False,
) -> Tensor:
    """``torch.logspace``: ``base ** linspace(start, end, steps)`` (shape ``(steps,)``).

    >>> logspace(0, 2, 3).shape
    torch.Size([3])
    """
    shape = linspace(start, end, steps).shape
    return Tensor._of(tuple(shape), dtype or float32, requires_grad)


def _window(name: str) -> Any:
    def window(
        window_length: int,
        periodic: bool = True,
        *args: Any,
        dtype: Any = None,
        layout: Any = None,
        device: Any = None,
        requires_grad: bool = False,
        **kwargs: Any,
    ) -> Tensor:
        length = as_int("window_length", window_length)
        if length < 0:
            raise ShapeError(
                f"{name} requires non-negative window_length, got window_length={length}",
                argument="window_length",
                value=window_length,
                valid="an int of at least 0",
            )
        return Tensor._of((length,), dtype or float32, requires_grad)

    window.__name__ = window.__qualname__ = name
    window.__doc__ = (
        f"``torch.{name}``: a window of ``window_length`` values (float32).\n\n"
        f"    >>> {name}(8).shape\n    torch.Size([8])\n"
    )
    return window


hann_window = _window("hann_window")
hamming_window = _window("hamming_window")
blackman_window = _window("blackman_window")
bartlett_window = _window("bartlett_window")
kaiser_window = _window("kaiser_window")


def get_default_dtype() -> _dtype:
    """``torch.get_default_dtype``: the dtype of new floating tensors, float32.

    >>> get_default_dtype()
    torch.float32
    """
    return float32


def set_default_dtype(d: Any, /) -> None:
    """``torch.set_default_dtype``: float32 is accepted (it is the default); PyTorch
    refuses a dtype that is not floating, and another floating dtype, which would change
    every new tensor's size in bytes, is refused here with a clear message.

    >>> set_default_dtype(get_default_dtype())
    """
    if not isinstance(d, _dtype) or not d.is_floating_point:
        from convdims.errors import ArgumentTypeError

        raise ArgumentTypeError(
            "only floating-point types are supported as the default type",
            argument="d",
            value=d,
            valid="a floating dtype",
        )
    if d is not float32:
        from convdims.standin import Unsupported

        raise Unsupported(
            f"torch.set_default_dtype({d}) (convdims makes float32 tensors; "
            "pass dtype= to the tensors and model.to(dtype) instead)"
        )


class enable_grad(no_grad):  # noqa: N801 - PyTorch's spelling
    """``torch.enable_grad``: a context manager and decorator that does nothing (there
    are no gradients here).

    >>> with enable_grad():
    ...     pass
    """

    def __init__(self, orig_func: Any = None) -> None:
        self.orig_func = orig_func


def _moments(name: str) -> Any:
    def moments(input: Tensor, *args: Any, **kwargs: Any) -> tuple[Tensor, Tensor]:  # noqa: A002
        tensor = tensor_input(input, name)
        reduced = tensor.std(*args, **kwargs)
        return reduced, tensor._like(reduced.shape)

    moments.__name__ = moments.__qualname__ = name
    moments.__doc__ = (
        f"``torch.{name}``: the pair of reductions over ``dim`` (every axis when "
        f"None).\n\n    >>> from convdims.torch import empty\n"
        f"    >>> [t.shape for t in {name}(empty(2, 3), 1)]\n"
        f"    [torch.Size([2]), torch.Size([2])]\n"
    )
    return moments


std_mean = _moments("std_mean")
var_mean = _moments("var_mean")


def values_of(tensor: Any) -> list[Any] | None:
    return getattr(tensor, "_values", None)


def equal(input: Tensor, other: Tensor) -> bool:  # noqa: A002
    """``torch.equal``: True for the same shape and values; refused unless both
    tensors' values are known (the answer is values, never guessed).

    >>> from convdims.torch import tensor
    >>> equal(tensor([1, 2]), tensor([1, 2])), equal(tensor([1, 2]), tensor([1]))
    (True, False)
    """
    a, b = tensor_input(input, "equal"), tensor_input(other, "equal")
    if tuple(a.shape) != tuple(b.shape):
        return False
    va, vb = values_of(a), values_of(b)
    if va is None or vb is None:
        from convdims.standin import Unsupported

        raise Unsupported("torch.equal of tensors whose values are not known")
    return va == vb


def allclose(
    input: Tensor,  # noqa: A002
    other: Tensor,
    rtol: float = 1e-05,
    atol: float = 1e-08,
    equal_nan: bool = False,
) -> bool:
    """``torch.allclose``: whether every pair is within ``atol + rtol * |other|``;
    the shapes must broadcast; refused unless both tensors' values are known.

    >>> from convdims.torch import tensor
    >>> allclose(tensor([1.0, 2.0]), tensor([1.0, 2.0000001]))
    True
    """
    a, b = tensor_input(input, "allclose"), tensor_input(other, "allclose")
    broadcast_shapes(a.shape, b.shape)
    va, vb = values_of(a), values_of(b)
    if va is None or vb is None or tuple(a.shape) != tuple(b.shape):
        from convdims.standin import Unsupported

        raise Unsupported("torch.allclose of tensors whose values are not known")
    import math

    def close(x: Any, y: Any) -> bool:
        if math.isnan(x) or math.isnan(y):
            return equal_nan and math.isnan(x) and math.isnan(y)
        return abs(x - y) <= atol + rtol * abs(y)

    return all(close(x, y) for x, y in zip(va, vb, strict=True))


def from_numpy(ndarray: Any, /) -> Tensor:
    """``torch.from_numpy``: refused; a NumPy array is values, which convdims does not
    keep (``torch.empty(array.shape)`` makes a tensor of its shape).

    >>> from_numpy([1])
    Traceback (most recent call last):
    ...
    TypeError: expected np.ndarray (got list)
    """
    if type(ndarray).__name__ != "ndarray":
        raise TypeError(f"expected np.ndarray (got {type(ndarray).__name__})")
    from convdims.standin import Unsupported

    raise Unsupported(
        "torch.from_numpy (an array is values; torch.empty(array.shape) makes a tensor "
        "of its shape)"
    )


def unique(input: Tensor, *args: Any, **kwargs: Any) -> Any:  # noqa: A002
    """``torch.unique``: refused; how many values are distinct depends on the values.

    >>> from convdims.torch import empty
    >>> unique(empty(3))
    Traceback (most recent call last):
    ...
    convdims.standin.Unsupported: convdims computes shapes and counts only: ...
    """
    return tensor_input(input, "unique").unique(*args, **kwargs)


def _triangle_count(row: int, col: int, offset: int, lower: bool) -> int:
    """How many ``(i, j)`` of a ``row x col`` matrix lie on or below (above) the
    diagonal ``offset``."""
    if lower:
        return sum(max(0, min(col, i + offset + 1)) for i in range(row))
    return sum(max(0, col - max(0, i + offset)) for i in range(row))


def _indices(lower: bool) -> Any:
    name = "tril_indices" if lower else "triu_indices"

    def indices(
        row: int, col: int, offset: int = 0, *, dtype: Any = None, **_: Any
    ) -> Tensor:
        rows, cols = as_int("row", row), as_int("col", col)
        for argument, value in (("row", rows), ("col", cols)):
            if value < 0:
                raise ShapeError(
                    f"{argument} must be non-negative, got{value}",
                    argument=argument,
                    value=value,
                    valid="an int of at least 0",
                )
        count = _triangle_count(rows, cols, as_int("offset", offset), lower)
        return Tensor._of((2, count), dtype or int64)

    indices.__name__ = indices.__qualname__ = name
    indices.__doc__ = (
        f"``torch.{name}``: the ``(2, N)`` coordinates of the "
        f"{'lower' if lower else 'upper'} triangle of a ``row x col`` matrix.\n\n"
        f"    >>> {name}(3, 3).shape\n    torch.Size([2, 6])\n"
    )
    return indices


tril_indices = _indices(True)
triu_indices = _indices(False)


def bucketize(
    input: Any,  # noqa: A002
    boundaries: Tensor,
    *,
    out_int32: bool = False,
    right: bool = False,
    out: Any = None,
) -> Tensor:
    """``torch.bucketize``: the bucket of each element: the input's shape, int64 (int32
    with ``out_int32``).

    >>> from convdims.torch import empty
    >>> bucketize(empty(4, 3), empty(5)).shape
    torch.Size([4, 3])
    """
    from convdims.torch.dtypes import int32

    shape = tuple(input.shape) if isinstance(input, Tensor) else ()
    if boundaries.ndim != 1:
        raise ShapeError(
            f"boundaries tensor must be 1 dimension, but got dim({boundaries.ndim})",
            argument="boundaries",
            value=tuple(boundaries.shape),
            valid="a 1-D tensor of boundaries",
        )
    return Tensor._of(shape, int32 if out_int32 else int64)


def searchsorted(
    sorted_sequence: Tensor,
    input: Any,  # noqa: A002
    *,
    out_int32: bool = False,
    right: bool = False,
    side: Any = None,
    sorter: Any = None,
    out: Any = None,
) -> Tensor:
    """``torch.searchsorted``: where each value would go: the values' shape, int64.

    >>> from convdims.torch import empty
    >>> searchsorted(empty(5), empty(4, 3)).shape
    torch.Size([4, 3])
    """
    from convdims.torch.dtypes import int32

    shape = tuple(input.shape) if isinstance(input, Tensor) else ()
    if sorted_sequence.ndim > 1 and (tuple(sorted_sequence.shape[:-1]) != shape[:-1]):
        raise ShapeError(
            "torch.searchsorted(): boundaries tensor should be 1 dimension or the first "
            "N-1 dimensions of boundaries tensor and input value tensor must match, but "
            f"we got boundaries tensor {list(sorted_sequence.shape)} and input value "
            f"tensor {list(shape)}",
            argument="input",
            value=shape,
            valid="values whose leading axes are the sequence's",
        )
    return Tensor._of(shape, int32 if out_int32 else int64)


def trapezoid(y: Tensor, x: Any = None, *, dx: Any = None, dim: int = -1) -> Tensor:
    """``torch.trapezoid`` (also ``trapz``): the integral along ``dim``, that axis
    removed.

    >>> from convdims.torch import empty
    >>> trapezoid(empty(4, 3)).shape
    torch.Size([4])
    """
    from convdims.torch._sizes import normalize_dim

    axis = normalize_dim(dim, y.ndim)
    return y._like(s for i, s in enumerate(y.shape) if i != axis)


trapz = trapezoid


def norm(
    input: Tensor,  # noqa: A002
    p: Any = "fro",
    dim: Any = None,
    keepdim: bool = False,
    out: Any = None,
    dtype: Any = None,
) -> Tensor:
    """``torch.norm``: the norm over ``dim`` (every axis when None).

    >>> from convdims.torch import empty
    >>> norm(empty(4, 3), dim=1, keepdim=True).shape
    torch.Size([4, 1])
    """
    return tensor_input(input, "norm").norm(p, dim, keepdim)

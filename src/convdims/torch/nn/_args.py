"""Argument handling shared by the layers: PyTorch's int-or-tuple convention."""

from __future__ import annotations

from collections.abc import Iterable

from convdims.torch.errors import ArgumentTypeError, ShapeError
from convdims.torch.tensor import Tensor

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any


def ntuple(value: Any, n: int, name: str) -> tuple[Any, ...]:
    """An int repeated ``n`` times, or a sequence of exactly ``n`` values.

    PyTorch's ``_pair`` and friends accept any iterable; a length that does not match the
    layer fails later inside PyTorch. convdims says so at once.

    >>> ntuple(3, 2, "kernel_size"), ntuple((1, 2), 2, "stride")
    ((3, 3), (1, 2))
    """
    if isinstance(value, Iterable) and not isinstance(value, str):
        values = tuple(value)
        if len(values) != n:
            raise ValueError(
                f"{name}={value!r} must be an int or a tuple of {n} ints for this "
                f"{n}-D layer, got {len(values)} value(s)"
            )
        return values
    return (value,) * n


def spread(value: Any, n: int, name: str) -> tuple[Any, ...]:
    """Like ``ntuple``, but a 1-tuple also spreads to every axis (functional ops do)."""
    if isinstance(value, Iterable) and not isinstance(value, str):
        values = tuple(value)
        if len(values) == 1:
            return values * n
    return ntuple(value, n, name)


def check_input(x: Any, spatial: int, op: str, *, allow_unbatched: bool = True) -> bool:
    """Check the input's rank for an ``spatial``-D layer; True when it has a batch axis.

    Layers take ``(N, C, *spatial)`` or, unbatched, ``(C, *spatial)``.
    """
    if not isinstance(x, Tensor):
        raise TypeError(
            f"{op}() expects a tensor (convdims.torch.empty(...) makes one), got "
            f"{type(x).__name__}"
        )
    batched = spatial + 2
    if x.ndim == batched:
        return True
    if allow_unbatched and x.ndim == batched - 1:
        return False
    expected = (
        f"{batched - 1}D (unbatched) or {batched}D (batched)"
        if allow_unbatched
        else (f"{batched}D")
    )
    raise ShapeError(
        f"Expected {expected} input to {op}, but got input of size: {list(x.shape)}"
    )


def check_positive_spatial(x: Tensor, spatial: int, op: str) -> None:
    """Every non-batch axis must hold at least one cell."""
    for size in x.shape[-spatial - 1 :]:
        if size <= 0:
            raise ShapeError(
                f"{op}: Expected input's non-batch dimensions to have positive length, but "
                f"input has a shape of {list(x.shape)}"
            )


class Refusal:
    """A refusal decided when a layer is built and raised when it runs, where PyTorch
    raises it (its kernels check strides, paddings and dilations at the call)."""

    __slots__ = ("argument", "error", "message", "valid", "value")

    def __init__(
        self, error: type[Exception], message: str, argument: str, value: Any, valid: str
    ) -> None:
        self.error = error
        self.message = message
        self.argument = argument
        self.value = value
        self.valid = valid

    def raise_(self) -> None:
        """Raise the refusal (a fresh exception each time)."""
        raise self.error(  # type: ignore[call-arg]
            self.message, argument=self.argument, value=self.value, valid=self.valid
        )


def int_argument(name: str, value: Any, layer: str, leading: bool = False) -> int:
    """An int argument that sizes a weight (channels, kernel, groups): PyTorch's
    ``torch.empty`` refuses anything else with a TypeError when the layer is built. A
    bool is an int there (``True`` is 1), except as the first size of the weight
    (``leading``), which PyTorch's argument parser checks for a real int."""
    if not isinstance(value, int) or (leading and isinstance(value, bool)):
        raise ArgumentTypeError(
            f"{layer}: {name} must be an int (PyTorch's torch.empty() takes a tuple of "
            f"ints), got {value!r} of type {type(value).__name__}",
            argument=name,
            value=value,
            valid="an int",
        )
    return int(value)


def nonnegative_size(name: str, value: int, layer: str, shape: Any) -> int:
    """A size of a weight: PyTorch refuses a negative one when the layer is built."""
    if value < 0:
        raise ShapeError(
            f"{layer}: Trying to create tensor with negative dimension {value}: "
            f"{list(shape)} ({name}={value})",
            argument=name,
            value=value,
            valid="an int of at least 0",
        )
    return value

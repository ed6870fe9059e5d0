"""Pooling: ``MaxPool1d/2d/3d``, ``AvgPool1d/2d/3d`` and the adaptive poolings.

Stride defaults to ``kernel_size``; ``ceil_mode`` rounds up but drops a last window that
would start in the right padding; padding may be at most half the kernel. The sizes come
from [`pool_output_size`][convdims.pool_output_size].

>>> from convdims.torch import nn, empty
>>> nn.MaxPool2d(2)(empty(1, 5, 30, 30)).shape
torch.Size([1, 5, 15, 15])
>>> nn.MaxPool1d(2, 2, 1, ceil_mode=True)(empty(1, 1, 11)).shape
torch.Size([1, 1, 6])
>>> nn.AdaptiveAvgPool2d((7, None))(empty(1, 512, 14, 9)).shape
torch.Size([1, 512, 7, 9])
"""

from __future__ import annotations

from functools import lru_cache

from convdims.conventions import TORCH
from convdims.description import Kind
from convdims.errors import ArgumentError
from convdims.torch.dtypes import int64
from convdims.torch.errors import ArgumentTypeError, ShapeError
from convdims.torch.nn._args import (
    Refusal,
    check_input,
    check_positive_spatial,
    ntuple,
    spread,
)
from convdims.torch.nn.module import Module
from convdims.torch.tensor import Tensor
from convdims.window import AxisWindow

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

    IntOrTuple = int | tuple[int, ...]


Window = tuple[tuple[int, ...], tuple[int, ...], tuple[int, ...], tuple[int, ...]]


def _ints(values: tuple[Any, ...], name: str, op: str, minimum: int) -> tuple[int, ...]:
    for value in values:
        if not isinstance(value, int) or isinstance(value, bool):
            raise ArgumentTypeError(
                f"{op}(): argument '{name}' must be tuple of ints, not "
                f"{type(value).__name__} ({name}={values})",
                argument=name,
                value=values,
                valid="ints",
            )
    for value in values:
        if value < minimum:
            rule = "greater than zero" if minimum else "non-negative"
            raise ShapeError(
                f"{op}: {name} should be {rule}, but got {name}={values}",
                argument=name,
                value=values,
                valid=f"integers of at least {minimum}",
            )
    return values


def _flag(value: Any, name: str, op: str) -> bool:
    if not isinstance(value, bool):
        raise ArgumentTypeError(
            f"{op}(): argument '{name}' must be bool, not {type(value).__name__}",
            argument=name,
            value=value,
            valid="True or False",
        )
    return value


def pool_window(
    dims: int,
    op: str,
    kernel_size: IntOrTuple,
    stride: IntOrTuple | None,
    padding: IntOrTuple,
    dilation: IntOrTuple,
    ceil_mode: Any,
    count_include_pad: Any = True,
    divisor_override: Any = None,
) -> Window:
    """Pooling arguments checked as PyTorch checks them when the pooling runs: a type
    its binding refuses is an [`ArgumentTypeError`][convdims.torch.ArgumentTypeError]
    (a TypeError), a value its kernel refuses a
    [`ShapeError`][convdims.torch.ShapeError] (a RuntimeError).

    Returns:
        Per axis: kernel sizes, strides (the kernel when None or empty), paddings,
        dilations.
    """
    kernel = _ints(spread(kernel_size, dims, "kernel_size"), "kernel_size", op, 1)
    empty_stride = stride is None or (isinstance(stride, (tuple, list)) and not stride)
    strides = (
        kernel if empty_stride else _ints(spread(stride, dims, "stride"), "stride", op, 1)
    )
    pads = _ints(spread(padding, dims, "padding"), "padding", op, 0)
    dilations = _ints(spread(dilation, dims, "dilation"), "dilation", op, 1)
    _flag(ceil_mode, "ceil_mode", op)
    _flag(count_include_pad, "count_include_pad", op)
    if divisor_override is not None:
        if not isinstance(divisor_override, int) or isinstance(divisor_override, bool):
            raise ArgumentTypeError(
                f"{op}(): argument 'divisor_override' must be int, not "
                f"{type(divisor_override).__name__}",
                argument="divisor_override",
                value=divisor_override,
                valid="an int or None",
            )
        if divisor_override == 0:
            raise ShapeError(
                "divisor must be not zero",
                argument="divisor_override",
                value=0,
                valid="a nonzero int or None",
            )
    return kernel, strides, pads, dilations


@lru_cache(maxsize=4096)
def _pool_size(
    size: int, kernel: int, stride: int, padding: int, dilation: int, ceil_mode: bool
) -> int:
    """``conventions.TORCH``'s pooling output size, remembered (plain ints and a
    bool: no ``True == 1`` aliasing, as ``ceil_mode`` is a bool and the rest ints)."""
    return TORCH.output_size("pool", size, kernel, stride, padding, dilation, ceil_mode)


def pooled(x: Tensor, dims: int, op: str, window: Window, ceil_mode: bool) -> Tensor:
    """The output of max or average pooling of ``x`` with a checked ``window``.

    PyTorch's ``avg_pool3d`` alone also wants every input axis, before padding, at least
    as long as the kernel.
    """
    check_input(x, dims, op, allow_unbatched=True)
    check_positive_spatial(x, dims, op)
    kernel, strides, pads, dilations = window
    spatial = x.shape[-dims:]
    if op == "avg_pool3d" and any(
        size < k for size, k in zip(spatial, kernel, strict=True)
    ):
        raise ShapeError(
            f"avg_pool3d: input image {list(spatial)} smaller than kernel size "
            f"{list(kernel)} "
            "(PyTorch's 3-D average pooling checks the input before padding)"
        )
    sizes = []
    for axis, size in enumerate(spatial):
        try:
            sizes.append(
                _pool_size(
                    size,
                    kernel[axis],
                    strides[axis],
                    pads[axis],
                    dilations[axis],
                    ceil_mode,
                )
            )
        except ArgumentError as error:
            raise ShapeError(
                f"{op}(): {error}",
                argument=error.argument,
                value=error.value,
                valid=error.valid,
            ) from error
    return x._like((*x.shape[:-dims], *sizes))


def pool_shape(
    x: Tensor,
    dims: int,
    op: str,
    kernel_size: IntOrTuple,
    stride: IntOrTuple | None,
    padding: IntOrTuple,
    dilation: IntOrTuple,
    ceil_mode: Any,
    count_include_pad: Any = True,
    divisor_override: Any = None,
) -> Tensor:
    """The output of max or average pooling over the last ``dims`` axes of ``x``
    (the functional form: the arguments are checked at each call)."""
    window = pool_window(
        dims,
        op,
        kernel_size,
        stride,
        padding,
        dilation,
        ceil_mode,
        count_include_pad,
        divisor_override,
    )
    return pooled(x, dims, op, window, ceil_mode)


def _checked(*args: Any) -> Window | Refusal:
    """A module's window, checked once when it is built; what PyTorch would refuse
    when it runs is kept to be raised then."""
    try:
        return pool_window(*args)
    except (ArgumentTypeError, ShapeError) as error:
        return Refusal(type(error), str(error), error.argument, error.value, error.valid)
    except ValueError as error:  # a tuple of the wrong length: PyTorch's kernel says so
        return Refusal(ShapeError, str(error), "kernel_size", args[2], "one size per axis")


def adaptive_shape(x: Tensor, dims: int, op: str, output_size: Any) -> Tensor:
    """The output of adaptive pooling: ``output_size``, None keeping an input size.

    PyTorch computes a 2-D or 3-D adaptive average pooling to size 1 as a mean over the
    last axes, which takes a tensor of any rank with enough axes. Before that, its 2-D and
    3-D functions fill a tuple ``output_size``'s None from the input's last axes, and want
    an input with more axes than the tuple has (a ValueError, as in PyTorch).
    """
    if dims >= 2 and isinstance(output_size, (tuple, list)) and x.ndim <= len(output_size):
        raise ValueError(
            f"{op}(): output_size={output_size!r} has {len(output_size)} sizes, so the "
            f"input needs at least {len(output_size) + 1} dimensions (a batch or channel "
            f"axis before them); got shape {tuple(x.shape)}"
        )
    if op in ("adaptive_avg_pool2d", "adaptive_avg_pool3d") and x.ndim >= dims:
        wanted = ntuple(output_size, dims, "output_size")
        resolved = [
            size if want is None else want
            for want, size in zip(wanted, x.shape[-dims:], strict=False)
        ]
        if all(size == 1 for size in resolved):
            return x._like((*x.shape[:-dims], *resolved))
    check_input(x, dims, op, allow_unbatched=True)
    check_positive_spatial(x, dims, op)
    wanted = ntuple(output_size, dims, "output_size")
    sizes = tuple(
        size if want is None else want
        for want, size in zip(wanted, x.shape[-dims:], strict=False)
    )
    return x._like((*x.shape[:-dims], *sizes))


def _check_output_size(output_size: Any, dims: int, op: str) -> Refusal | None:
    """What PyTorch refuses of ``output_size`` when the pooling runs (a size that is not
    an int, or negative), kept for the call; a size of 0 is refused at once (PyTorch
    makes an empty tensor of it, which no model wants)."""
    values = ntuple(output_size, dims, "output_size")
    for value in values:
        if value is None and dims > 1 and output_size is not None:
            continue  # 2-D and 3-D take None in a tuple: the input's size
        if not isinstance(value, int) or isinstance(value, bool):
            return Refusal(
                ArgumentTypeError,
                f"{op}(): argument 'output_size' must be tuple of ints, not "
                f"{type(value).__name__} (output_size={output_size!r})",
                "output_size",
                output_size,
                "ints" if dims == 1 else "ints or None",
            )
    for value in values:
        if value is not None and value < 0:
            return Refusal(
                ShapeError,
                f"{op}: elements of output_size must be greater than or equal to 0 but "
                f"received {output_size!r}",
                "output_size",
                output_size,
                "sizes of at least 1, or None",
            )
    if 0 in values:
        raise ArgumentError(
            f"output_size={output_size!r} must hold sizes of at least 1 (or None to keep "
            "the input's size); PyTorch allows 0, which makes an empty tensor",
            argument="output_size",
            value=output_size,
            valid="sizes of at least 1, or None",
        )
    return None


def _axis_windows(window: Window | Refusal) -> tuple[AxisWindow, ...]:
    """The description's windows of a pooling module (none when it refuses to run)."""
    if isinstance(window, Refusal):
        return ()
    return tuple(AxisWindow(k, s, p, p, d) for k, s, p, d in zip(*window, strict=True))


class _MaxPoolNd(Module):
    _kind = Kind.POOL

    def __init__(
        self,
        kernel_size: IntOrTuple,
        stride: IntOrTuple | None = None,
        padding: IntOrTuple = 0,
        dilation: IntOrTuple = 1,
        return_indices: bool = False,
        ceil_mode: bool = False,
    ) -> None:
        super().__init__()
        self.__dict__.update(
            kernel_size=kernel_size,
            stride=stride if stride is not None else kernel_size,
            padding=padding,
            dilation=dilation,
            return_indices=return_indices,
            ceil_mode=ceil_mode,
            _window=_checked(
                self._dims,
                f"max_pool{self._dims}d",
                kernel_size,
                stride,
                padding,
                dilation,
                ceil_mode,
            ),
        )

    def extra_repr(self) -> str:
        return (
            f"kernel_size={self.kernel_size}, stride={self.stride}, "
            f"padding={self.padding}, "
            f"dilation={self.dilation}, ceil_mode={self.ceil_mode}"
        )

    def _call_fields(self) -> dict[str, Any]:
        return {"window": _axis_windows(self._window)}

    def forward(self, input: Tensor) -> Any:  # noqa: A002 - PyTorch's name
        window = self._window
        if isinstance(window, Refusal):
            window.raise_()
        output = pooled(input, self._dims, f"max_pool{self._dims}d", window, self.ceil_mode)
        if self.return_indices:
            return output, Tensor._of(tuple(output.shape), int64)
        return output


class MaxPool1d(_MaxPoolNd):
    """``torch.nn.MaxPool1d``."""

    _dims = 1


class MaxPool2d(_MaxPoolNd):
    """``torch.nn.MaxPool2d``."""

    _dims = 2


class MaxPool3d(_MaxPoolNd):
    """``torch.nn.MaxPool3d``."""

    _dims = 3


class _AvgPoolNd(Module):
    _kind = Kind.POOL

    def __init__(
        self,
        kernel_size: IntOrTuple,
        stride: IntOrTuple | None = None,
        padding: IntOrTuple = 0,
        ceil_mode: bool = False,
        count_include_pad: bool = True,
        divisor_override: int | None = None,
    ) -> None:
        super().__init__()
        self.__dict__.update(
            kernel_size=kernel_size,
            stride=stride if stride is not None else kernel_size,
            padding=padding,
            ceil_mode=ceil_mode,
            count_include_pad=count_include_pad,
            divisor_override=divisor_override,
        )
        self._check()

    def _check(self) -> None:
        self.__dict__["_window"] = _checked(
            self._dims,
            f"avg_pool{self._dims}d",
            self.kernel_size,
            self.stride,
            self.padding,
            1,
            self.ceil_mode,
            self.count_include_pad,
            self.divisor_override,
        )

    def extra_repr(self) -> str:
        return (
            f"kernel_size={self.kernel_size}, stride={self.stride}, padding={self.padding}"
        )

    def _call_fields(self) -> dict[str, Any]:
        return {"window": _axis_windows(self._window)}

    def forward(self, input: Tensor) -> Tensor:  # noqa: A002 - PyTorch's name
        window = self._window
        if isinstance(window, Refusal):
            window.raise_()
        return pooled(input, self._dims, f"avg_pool{self._dims}d", window, self.ceil_mode)


class AvgPool1d(_AvgPoolNd):
    """``torch.nn.AvgPool1d`` (no ``divisor_override``, as in PyTorch)."""

    _dims = 1

    def __init__(
        self,
        kernel_size: IntOrTuple,
        stride: IntOrTuple | None = None,
        padding: IntOrTuple = 0,
        ceil_mode: bool = False,
        count_include_pad: bool = True,
    ) -> None:
        super().__init__(
            kernel_size=kernel_size,
            stride=stride,
            padding=padding,
            ceil_mode=ceil_mode,
            count_include_pad=count_include_pad,
        )
        self.__dict__.update(
            kernel_size=ntuple(kernel_size, 1, "kernel_size"),
            stride=ntuple(stride if stride is not None else kernel_size, 1, "stride"),
            padding=ntuple(padding, 1, "padding"),
        )
        self._check()


class AvgPool2d(_AvgPoolNd):
    """``torch.nn.AvgPool2d``."""

    _dims = 2


class AvgPool3d(_AvgPoolNd):
    """``torch.nn.AvgPool3d``."""

    _dims = 3


class _AdaptivePoolNd(Module):
    _kind = Kind.ADAPTIVE_POOL
    _reduce = ""

    def __init__(self, output_size: Any, return_indices: bool = False) -> None:
        super().__init__()
        op = f"adaptive_{self._reduce}_pool{self._dims}d"
        self.__dict__.update(
            output_size=output_size,
            _refusal=_check_output_size(output_size, self._dims, op),
        )
        if self._reduce == "max":
            self.return_indices = return_indices

    def extra_repr(self) -> str:
        return f"output_size={self.output_size}"

    def forward(self, input: Tensor) -> Any:  # noqa: A002 - PyTorch's name
        if self._refusal is not None:
            self._refusal.raise_()
        op = f"adaptive_{self._reduce}_pool{self._dims}d"
        output = adaptive_shape(input, self._dims, op, self.output_size)
        if getattr(self, "return_indices", False):
            return output, Tensor._of(tuple(output.shape), int64)
        return output


class AdaptiveAvgPool1d(_AdaptivePoolNd):
    """``torch.nn.AdaptiveAvgPool1d``: the output length is ``output_size``."""

    _dims = 1
    _reduce = "avg"

    def __init__(self, output_size: Any) -> None:
        super().__init__(output_size)


class AdaptiveAvgPool2d(_AdaptivePoolNd):
    """``torch.nn.AdaptiveAvgPool2d``: output ``output_size`` (None keeps an axis)."""

    _dims = 2
    _reduce = "avg"

    def __init__(self, output_size: Any) -> None:
        super().__init__(output_size)


class AdaptiveAvgPool3d(_AdaptivePoolNd):
    """``torch.nn.AdaptiveAvgPool3d``."""

    _dims = 3
    _reduce = "avg"

    def __init__(self, output_size: Any) -> None:
        super().__init__(output_size)


class AdaptiveMaxPool1d(_AdaptivePoolNd):
    """``torch.nn.AdaptiveMaxPool1d``."""

    _dims = 1
    _reduce = "max"


class AdaptiveMaxPool2d(_AdaptivePoolNd):
    """``torch.nn.AdaptiveMaxPool2d``."""

    _dims = 2
    _reduce = "max"


class AdaptiveMaxPool3d(_AdaptivePoolNd):
    """``torch.nn.AdaptiveMaxPool3d``."""

    _dims = 3
    _reduce = "max"

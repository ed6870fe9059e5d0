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

from typing import Any, Union

from convdims.conventions import TORCH
from convdims.description import Kind
from convdims.torch.dtypes import int64
from convdims.torch.errors import ShapeError
from convdims.torch.nn._args import check_input, check_positive_spatial, ntuple, spread
from convdims.torch.nn.module import Module
from convdims.torch.tensor import Tensor
from convdims.window import AxisWindow

IntOrTuple = Union[int, tuple[int, ...]]  # noqa: UP007 - evaluated at run time


def _ints(values: tuple[Any, ...], name: str, op: str, minimum: int) -> tuple[int, ...]:
    for value in values:
        if not isinstance(value, int) or isinstance(value, bool):
            raise ShapeError(f"{op}: {name} must hold integers, got {values}")
        if value < minimum:
            raise ShapeError(
                f"{op}: {name} should be "
                f"{'greater than zero' if minimum else 'non-negative'}"
                f", but got {name}={values}"
            )
    return values


def pool_shape(
    x: Tensor,
    dims: int,
    op: str,
    kernel_size: IntOrTuple,
    stride: IntOrTuple | None,
    padding: IntOrTuple,
    dilation: IntOrTuple,
    ceil_mode: bool,
) -> Tensor:
    """The output of max or average pooling over the last ``dims`` axes of ``x``.

    PyTorch's ``avg_pool3d`` alone also wants every input axis, before padding, at least
    as long as the kernel.
    """
    check_input(x, dims, op, allow_unbatched=True)
    check_positive_spatial(x, dims, op)
    kernel = _ints(spread(kernel_size, dims, "kernel_size"), "kernel_size", op, 1)
    empty_stride = stride is None or (isinstance(stride, (tuple, list)) and not stride)
    strides = (
        kernel if empty_stride else _ints(spread(stride, dims, "stride"), "stride", op, 1)
    )
    pads = _ints(spread(padding, dims, "padding"), "padding", op, 0)
    dilations = _ints(spread(dilation, dims, "dilation"), "dilation", op, 1)
    sizes = []
    spatial = x.shape[-dims:]
    too_small = any(size < k for size, k in zip(spatial, kernel, strict=True))
    if op == "avg_pool3d" and too_small:
        raise ShapeError(
            f"avg_pool3d: input image {list(spatial)} smaller than kernel size "
            f"{list(kernel)} "
            "(PyTorch's 3-D average pooling checks the input before padding)"
        )
    for axis, size in enumerate(spatial):
        try:
            sizes.append(
                TORCH.output_size(
                    "pool",
                    size,
                    kernel[axis],
                    strides[axis],
                    pads[axis],
                    dilations[axis],
                    bool(ceil_mode),
                )
            )
        except ValueError as error:
            raise ShapeError(f"{op}(): {error}") from error
    return x._like((*x.shape[:-dims], *sizes))


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


def _check_output_size(output_size: Any, dims: int) -> Any:
    for value in ntuple(output_size, dims, "output_size"):
        if value is None:
            continue
        if not isinstance(value, int) or isinstance(value, bool) or value < 1:
            raise ValueError(
                f"output_size={output_size!r} must hold sizes of at least 1 (or None to "
                f"keep the input's size); PyTorch allows 0, which makes an empty tensor"
            )
    return output_size


def _pool_window(module: Module, dilation: Any) -> tuple[AxisWindow, ...]:
    dims = module._dims
    kernel = spread(module.kernel_size, dims, "kernel_size")
    stride = module.stride
    strides = kernel if stride in (None, (), []) else spread(stride, dims, "stride")
    return tuple(
        AxisWindow(k, s, p, p, d)
        for k, s, p, d in zip(
            kernel,
            strides,
            spread(module.padding, dims, "padding"),
            spread(dilation, dims, "dilation"),
            strict=True,
        )
    )


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
        self.kernel_size = kernel_size
        self.stride = stride if stride is not None else kernel_size
        self.padding = padding
        self.dilation = dilation
        self.return_indices = return_indices
        self.ceil_mode = ceil_mode

    def extra_repr(self) -> str:
        return (
            f"kernel_size={self.kernel_size}, stride={self.stride}, "
            f"padding={self.padding}, "
            f"dilation={self.dilation}, ceil_mode={self.ceil_mode}"
        )

    def _call_fields(self) -> dict[str, Any]:
        return {"window": _pool_window(self, self.dilation)}

    def forward(self, input: Tensor) -> Any:  # noqa: A002 - PyTorch's name
        output = pool_shape(
            input,
            self._dims,
            f"max_pool{self._dims}d",
            self.kernel_size,
            self.stride,
            self.padding,
            self.dilation,
            self.ceil_mode,
        )
        if self.return_indices:
            return output, Tensor(output.shape, int64)
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
        self.kernel_size = kernel_size
        self.stride = stride if stride is not None else kernel_size
        self.padding = padding
        self.ceil_mode = ceil_mode
        self.count_include_pad = count_include_pad
        self.divisor_override = divisor_override

    def extra_repr(self) -> str:
        return (
            f"kernel_size={self.kernel_size}, stride={self.stride}, padding={self.padding}"
        )

    def _call_fields(self) -> dict[str, Any]:
        return {"window": _pool_window(self, 1)}

    def forward(self, input: Tensor) -> Tensor:  # noqa: A002 - PyTorch's name
        if self.divisor_override is not None and self.divisor_override == 0:
            raise ShapeError("divisor must be not zero")
        return pool_shape(
            input,
            self._dims,
            f"avg_pool{self._dims}d",
            self.kernel_size,
            self.stride,
            self.padding,
            1,
            self.ceil_mode,
        )


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
        super().__init__(kernel_size, stride, padding, ceil_mode, count_include_pad)
        self.kernel_size = ntuple(kernel_size, 1, "kernel_size")
        self.stride = ntuple(stride if stride is not None else kernel_size, 1, "stride")
        self.padding = ntuple(padding, 1, "padding")


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
        self.output_size = _check_output_size(output_size, self._dims)
        if self._reduce == "max":
            self.return_indices = return_indices

    def extra_repr(self) -> str:
        return f"output_size={self.output_size}"

    def forward(self, input: Tensor) -> Any:  # noqa: A002 - PyTorch's name
        op = f"adaptive_{self._reduce}_pool{self._dims}d"
        output = adaptive_shape(input, self._dims, op, self.output_size)
        if getattr(self, "return_indices", False):
            return output, Tensor(output.shape, int64)
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

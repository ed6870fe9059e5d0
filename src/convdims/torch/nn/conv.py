"""Convolutions: ``Conv1d/2d/3d`` and ``ConvTranspose1d/2d/3d``, as in ``torch.nn``.

Constructors take PyTorch's arguments and defaults and refuse what PyTorch refuses when
it builds the layer (ValueError); calling a layer checks the input the way PyTorch's
kernels do ([`ShapeError`][convdims.torch.ShapeError], a ValueError that is also a
RuntimeError). Output sizes come from [`conv_output_size`][convdims.conv_output_size] and
[`conv_transpose_output_size`][convdims.conv_transpose_output_size].

>>> from convdims.torch import nn, empty
>>> nn.Conv2d(3, 5, 3)(empty(1, 3, 32, 32)).shape
torch.Size([1, 5, 30, 30])
>>> up = nn.ConvTranspose2d(16, 8, 3, stride=2, padding=1, output_padding=1)
>>> up(empty(1, 16, 12, 12)).shape
torch.Size([1, 8, 24, 24])
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Union

from convdims.convolution import conv_output_size
from convdims.description import Kind
from convdims.torch.errors import ShapeError
from convdims.torch.nn._args import check_input, check_positive_spatial, ntuple
from convdims.torch.nn.module import Module, Parameter
from convdims.torch.tensor import Tensor
from convdims.transposed import conv_transpose_output_size
from convdims.window import AxisWindow

_PADDING_STRINGS = ("same", "valid")
_PADDING_MODES = ("zeros", "reflect", "replicate", "circular")

IntOrTuple = Union[int, tuple[int, ...]]  # noqa: UP007 - evaluated at run time


class _ConvNd(Module):
    _kind = Kind.CONV
    _transposed = False

    def __init__(
        self,
        in_channels: int,
        out_channels: int,
        kernel_size: IntOrTuple,
        stride: IntOrTuple = 1,
        padding: str | IntOrTuple = 0,
        dilation: IntOrTuple = 1,
        groups: int = 1,
        bias: bool = True,
        padding_mode: str = "zeros",
        output_padding: IntOrTuple = 0,
        device: Any = None,
        dtype: Any = None,
    ) -> None:
        super().__init__()
        n = self._dims
        name = type(self).__name__
        if groups <= 0:
            raise ValueError(f"groups must be a positive integer, got groups={groups}")
        if in_channels % groups != 0:
            raise ValueError(
                f"in_channels must be divisible by groups (in_channels={in_channels}, "
                f"groups={groups})"
            )
        if out_channels % groups != 0:
            raise ValueError(
                f"out_channels must be divisible by groups (out_channels={out_channels}, "
                f"groups={groups})"
            )
        kernel = ntuple(kernel_size, n, "kernel_size")
        strides = ntuple(stride, n, "stride")
        dilations = ntuple(dilation, n, "dilation")
        for label, values in (
            ("kernel_size", kernel),
            ("stride", strides),
            ("dilation", dilations),
        ):
            for value in values:
                if not isinstance(value, int) or isinstance(value, bool) or value < 1:
                    raise ValueError(
                        f"{name}: {label} must hold integers of at least 1, got {values}"
                    )
        if isinstance(padding, str):
            if self._transposed:
                raise ValueError(
                    f"{name} takes an int or a tuple of ints as padding, not "
                    f"padding={padding!r} (PyTorch raises TypeError when called)"
                )
            if padding not in _PADDING_STRINGS:
                raise ValueError(
                    f"Invalid padding string {padding!r}, should be one of "
                    f"{set(_PADDING_STRINGS)}"
                )
            if padding == "same" and any(s != 1 for s in strides):
                raise ValueError("padding='same' is not supported for strided convolutions")
            if padding == "same":
                pads = tuple(
                    (d * (k - 1) // 2, d * (k - 1) - d * (k - 1) // 2)
                    for k, d in zip(kernel, dilations, strict=False)
                )
            else:
                pads = ((0, 0),) * n
            padding_value: str | tuple[int, ...] = padding
        else:
            padding_value = ntuple(padding, n, "padding")
            for value in padding_value:
                if not isinstance(value, int) or isinstance(value, bool) or value < 0:
                    raise ValueError(
                        f"{name}: padding must hold integers of at least 0, got {padding!r}"
                    )
            pads = tuple((p, p) for p in padding_value)
        if padding_mode not in _PADDING_MODES:
            raise ValueError(
                f"padding_mode must be one of {set(_PADDING_MODES)}, but got "
                f"padding_mode='{padding_mode}'"
            )
        if self._transposed and padding_mode != "zeros":
            raise ValueError(f'Only "zeros" padding mode is supported for {name}')
        self.in_channels = in_channels
        self.out_channels = out_channels
        self.kernel_size = kernel
        self.stride = strides
        self.padding = padding_value
        self.dilation = dilations
        self.transposed = self._transposed
        self.output_padding = ntuple(output_padding, n, "output_padding")
        self.groups = groups
        self.padding_mode = padding_mode
        self._pads = pads
        if self._transposed:
            weight_shape = (in_channels, out_channels // groups, *kernel)
        else:
            weight_shape = (out_channels, in_channels // groups, *kernel)
        self.weight = Parameter(Tensor(weight_shape, dtype))
        if bias:
            self.bias = Parameter(Tensor((out_channels,), dtype))
        else:
            self.register_parameter("bias", None)

    def extra_repr(self) -> str:
        n = self._dims
        text = (
            f"{self.in_channels}, {self.out_channels}, kernel_size={self.kernel_size}, "
            f"stride={self.stride}"
        )
        if self.padding != (0,) * n:
            text += f", padding={self.padding}"
        if self.dilation != (1,) * n:
            text += f", dilation={self.dilation}"
        if self.output_padding != (0,) * n:
            text += f", output_padding={self.output_padding}"
        if self.groups != 1:
            text += f", groups={self.groups}"
        if self.bias is None:
            text += ", bias=False"
        if self.padding_mode != "zeros":
            text += f", padding_mode={self.padding_mode}"
        return text

    def _call_fields(self) -> dict[str, Any]:
        window = tuple(
            AxisWindow(k, s, before, after, d)
            for k, s, d, (before, after) in zip(
                self.kernel_size, self.stride, self.dilation, self._pads, strict=True
            )
        )
        return {
            "window": window,
            "groups": self.groups,
            "in_channels": self.in_channels,
            "out_channels": self.out_channels,
        }

    def _op(self) -> str:
        return f"conv{'_transpose' if self._transposed else ''}{self._dims}d"

    def _check_channels(self, x: Tensor, batched: bool) -> None:
        channels = x.shape[1 if batched else 0]
        if channels != self.in_channels:
            raise ShapeError(
                f"Given groups={self.groups}, weight of size {list(self.weight.shape)}, "
                f"expected input{list(x.shape)} to have {self.in_channels} channels, "
                f"but got "
                f"{channels} channels instead"
            )


class _Conv(_ConvNd):
    def __init__(
        self,
        in_channels: int,
        out_channels: int,
        kernel_size: IntOrTuple,
        stride: IntOrTuple = 1,
        padding: str | IntOrTuple = 0,
        dilation: IntOrTuple = 1,
        groups: int = 1,
        bias: bool = True,
        padding_mode: str = "zeros",
        device: Any = None,
        dtype: Any = None,
    ) -> None:
        super().__init__(
            in_channels,
            out_channels,
            kernel_size,
            stride,
            padding,
            dilation,
            groups,
            bias,
            padding_mode,
            0,
            device,
            dtype,
        )

    def output_spatial(self, spatial: Sequence[int]) -> tuple[int, ...]:
        """The output's spatial sizes for an input's spatial sizes."""
        sizes = []
        for axis, size in enumerate(spatial):
            before, after = self._pads[axis]
            if self.padding_mode == "reflect" and max(before, after) >= size:
                raise ShapeError(
                    f"Padding size should be less than the corresponding input dimension, "
                    f"but got: padding ({before}, {after}) at an axis of size {size} "
                    f"(padding_mode='reflect')"
                )
            if self.padding_mode == "circular" and max(before, after) > size:
                raise ShapeError(
                    f"Padding value causes wrapping around more than once: padding "
                    f"({before}, {after}) on an axis of size {size} "
                    "(padding_mode='circular')"
                )
            try:
                sizes.append(
                    conv_output_size(
                        size,
                        self.kernel_size[axis],
                        self.stride[axis],
                        (before, after),
                        self.dilation[axis],
                    )
                )
            except ValueError as error:
                raise ShapeError(
                    f"{self._op()}: Kernel size can't be greater than actual input size: "
                    f"{error}"
                ) from error
        return tuple(sizes)

    def forward(self, input: Tensor) -> Tensor:  # noqa: A002 - PyTorch's name
        batched = check_input(input, self._dims, self._op())
        check_positive_spatial(input, self._dims, self._op())
        self._check_channels(input, batched)
        spatial = self.output_spatial(input.shape[-self._dims :])
        return input._like((*input.shape[: -self._dims - 1], self.out_channels, *spatial))


class Conv1d(_Conv):
    """``torch.nn.Conv1d``: input ``(N, C, L)`` or ``(C, L)``."""

    _dims = 1


class Conv2d(_Conv):
    """``torch.nn.Conv2d``: input ``(N, C, H, W)`` or ``(C, H, W)``.

    >>> from convdims.torch import nn
    >>> sum(p.numel() for p in nn.Conv2d(32, 64, 3, groups=4).parameters())
    4672
    """

    _dims = 2


class Conv3d(_Conv):
    """``torch.nn.Conv3d``: input ``(N, C, D, H, W)`` or ``(C, D, H, W)``."""

    _dims = 3


class _ConvTranspose(_ConvNd):
    _kind = Kind.CONV_TRANSPOSE
    _transposed = True

    def __init__(
        self,
        in_channels: int,
        out_channels: int,
        kernel_size: IntOrTuple,
        stride: IntOrTuple = 1,
        padding: IntOrTuple = 0,
        output_padding: IntOrTuple = 0,
        groups: int = 1,
        bias: bool = True,
        dilation: IntOrTuple = 1,
        padding_mode: str = "zeros",
        device: Any = None,
        dtype: Any = None,
    ) -> None:
        super().__init__(
            in_channels,
            out_channels,
            kernel_size,
            stride,
            padding,
            dilation,
            groups,
            bias,
            padding_mode,
            output_padding,
            device,
            dtype,
        )
        for value in self.output_padding:
            if not isinstance(value, int) or isinstance(value, bool) or value < 0:
                raise ValueError(
                    f"{type(self).__name__}: output_padding must hold integers of at least "
                    f"0, got {output_padding!r}"
                )

    def _smallest_outputs(self, spatial: Sequence[int]) -> list[int]:
        return [
            (size - 1) * s - 2 * p + d * (k - 1) + 1
            for size, s, p, d, k in zip(
                spatial,
                self.stride,
                self.padding,
                self.dilation,
                self.kernel_size,
                strict=False,
            )
        ]

    def output_spatial(
        self, spatial: Sequence[int], output_padding: Sequence[int] | None = None
    ) -> tuple[int, ...]:
        """The output's spatial sizes for an input's spatial sizes."""
        extra = self.output_padding if output_padding is None else output_padding
        sizes = []
        for axis, size in enumerate(spatial):
            try:
                sizes.append(
                    conv_transpose_output_size(
                        size,
                        self.kernel_size[axis],
                        self.stride[axis],
                        self.padding[axis],
                        extra[axis],
                        self.dilation[axis],
                    )
                )
            except ValueError as error:
                raise ShapeError(f"{self._op()}: {error}") from error
        return tuple(sizes)

    def forward(
        self,
        input: Tensor,  # noqa: A002 - PyTorch's name
        output_size: Sequence[int] | None = None,
    ) -> Tensor:
        n = self._dims
        batched = check_input(input, n, self._op())
        check_positive_spatial(input, n, self._op())
        self._check_channels(input, batched)
        spatial = input.shape[-n:]
        extra = None
        if output_size is not None:
            wanted = list(output_size)
            leading = 2 if batched else 1
            if len(wanted) == leading + n:
                wanted = wanted[leading:]
            if len(wanted) != n:
                raise ValueError(
                    f"ConvTranspose{n}D: for {input.ndim}D input, output_size must have "
                    f"{n} "
                    f"or {leading + n} elements (got {len(wanted)})"
                )
            smallest = self._smallest_outputs(spatial)
            largest = [low + s - 1 for low, s in zip(smallest, self.stride, strict=False)]
            bounds = zip(wanted, smallest, largest, strict=True)
            if any(not low <= w <= high for w, low, high in bounds):
                raise ValueError(
                    f"requested an output size of {wanted}, but valid sizes range from "
                    f"{smallest} to {largest} (for an input of {list(spatial)})"
                )
            extra = [w - low for w, low in zip(wanted, smallest, strict=False)]
        sizes = self.output_spatial(spatial, extra)
        return input._like((*input.shape[: -n - 1], self.out_channels, *sizes))


class ConvTranspose1d(_ConvTranspose):
    """``torch.nn.ConvTranspose1d``."""

    _dims = 1


class ConvTranspose2d(_ConvTranspose):
    """``torch.nn.ConvTranspose2d``."""

    _dims = 2


class ConvTranspose3d(_ConvTranspose):
    """``torch.nn.ConvTranspose3d``."""

    _dims = 3

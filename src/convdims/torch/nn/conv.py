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

from convdims.conventions import TORCH, Family
from convdims.description import Kind
from convdims.errors import ArgumentError
from convdims.torch.errors import ArgumentTypeError, DimensionError, ShapeError
from convdims.torch.nn._args import (
    Refusal,
    check_input,
    check_positive_spatial,
    int_argument,
    nonnegative_size,
)
from convdims.torch.nn._conv_checks import (
    _call_refusal,
    _conv_size,
    _conv_spatial,
    _plain_conv,
    _plain_values,
    given_tuple,
    spread_axes,
)
from convdims.torch.nn._registry import _new_leaf
from convdims.torch.nn.module import Module, Parameter
from convdims.torch.tensor import Tensor
from convdims.transposed import conv_transpose_output_size
from convdims.window import AxisWindow, effective_kernel

_PADDING_MODES = ("zeros", "reflect", "replicate", "circular")

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

    IntOrTuple = int | tuple[int, ...]


class _ConvNd(Module):
    _kind = Kind.CONV
    _transposed = False

    def __init__(
        self,
        in_channels: int,
        out_channels: int,
        kernel_size: IntOrTuple,
        stride: IntOrTuple,
        padding: str | IntOrTuple,
        dilation: IntOrTuple,
        transposed: bool,
        output_padding: IntOrTuple,
        groups: int,
        bias: bool,
        padding_mode: str,
        device: Any = None,
        dtype: Any = None,
    ) -> None:
        """PyTorch's ``_ConvNd``: refuses, when the layer is built, what PyTorch refuses
        then (ValueError; TypeError and RuntimeError for what its ``torch.empty``
        refuses); keeps for the call what PyTorch's kernels refuse."""
        super().__init__()
        n = self._dims
        layer = type(self).__name__
        in_channels = int_argument("in_channels", in_channels, layer, transposed)
        # A bool is refused as the first size of a tensor: the weight's, or the bias's.
        leading = not transposed or bool(bias)
        out_channels = int_argument("out_channels", out_channels, layer, leading)
        given_groups = groups
        groups = int_argument("groups", groups, layer)
        if groups <= 0:
            raise ArgumentError(
                f"groups must be a positive integer, got groups={groups}",
                argument="groups",
                value=groups,
                valid="an int of at least 1",
            )
        for name, channels in (
            ("in_channels", in_channels),
            ("out_channels", out_channels),
        ):
            if channels % groups != 0:
                raise ArgumentError(
                    f"{name} must be divisible by groups ({name}={channels}, "
                    f"groups={groups})",
                    argument="groups",
                    value=groups,
                    valid=f"a divisor of {name}={channels}",
                )
        # As PyTorch's _pair/_triple keep them (any length); spread over the axes below.
        kernel = tuple(
            int_argument("kernel_size", k, layer) for k in given_tuple(kernel_size, n)
        )
        strides = given_tuple(stride, n)
        dilations = given_tuple(dilation, n)
        output_paddings = given_tuple(output_padding, n)
        words = TORCH.padding_words[Family.CONV]
        if isinstance(padding, str):
            if transposed:
                raise ArgumentError(
                    f"{layer} takes an int or a tuple of ints as padding, not "
                    f"padding={padding!r} (PyTorch raises TypeError when called)",
                    argument="padding",
                    value=padding,
                    valid="an int or a tuple of ints",
                )
            if padding not in words:
                raise ArgumentError(
                    f"Invalid padding string {padding!r}, should be one of {set(words)}",
                    argument="padding",
                    value=padding,
                    valid=" or ".join(repr(w) for w in words),
                )
            if (
                padding == "same"
                and not TORCH.same_strided
                and any(s != 1 for s in strides)
            ):
                raise ArgumentError(
                    "padding='same' is not supported for strided convolutions",
                    argument="padding",
                    value=padding,
                    valid="an int (cells on each side), or 'same' at stride 1",
                )
            padding_value: str | tuple[Any, ...] = padding
        else:
            padding_value = given_tuple(padding, n)
        if padding_mode not in _PADDING_MODES:
            raise ArgumentError(
                f"padding_mode must be one of {set(_PADDING_MODES)}, but got "
                f"padding_mode='{padding_mode}'",
                argument="padding_mode",
                value=padding_mode,
                valid=", ".join(_PADDING_MODES),
            )
        if transposed and padding_mode != "zeros":
            raise ArgumentError(
                f'Only "zeros" padding mode is supported for {layer}',
                argument="padding_mode",
                value=padding_mode,
                valid="'zeros'",
            )
        if transposed:
            weight_shape = (in_channels, out_channels // groups, *kernel)
        else:
            weight_shape = (out_channels, in_channels // groups, *kernel)
        for name, size in (
            ("out_channels", out_channels),
            ("in_channels", in_channels),
            ("kernel_size", min(kernel, default=0)),
        ):
            nonnegative_size(name, size, layer, weight_shape)
        refusal, axes = spread_axes(
            n,
            layer,
            kernel,
            weight_shape,
            strides,
            padding_value,
            dilations,
            output_paddings,
            padding_mode,
        )
        if refusal is None:
            refusal = _call_refusal(
                layer,
                kernel,
                axes["stride"],
                axes["padding"],
                axes["dilation"],
                out_channels,
                transposed,
                given_groups,
            )
        if refusal is not None:
            pads = ((0, 0),) * n
            axes = {
                "stride": (1,) * n,
                "padding": (0,) * n,
                "dilation": (1,) * n,
                "output_padding": (0,) * n,
            }
        elif padding_value == "same":
            totals = [
                effective_kernel(k, d) - 1
                for k, d in zip(kernel, axes["dilation"], strict=True)
            ]
            pads = tuple((total // 2, total - total // 2) for total in totals)
        elif padding_value == "valid":
            pads = ((0, 0),) * n
        else:
            pads = tuple((p, p) for p in axes["padding"])
        self.__dict__.update(
            in_channels=in_channels,
            out_channels=out_channels,
            kernel_size=kernel,
            stride=strides,
            padding=padding_value,
            dilation=dilations,
            transposed=transposed,
            output_padding=output_paddings,
            groups=groups,
            padding_mode=padding_mode,
            _pads=pads,
            _refusal=refusal,
            _strides=axes["stride"],
            _dilations=axes["dilation"],
            _paddings=axes["padding"],
            _output_paddings=axes["output_padding"],
        )
        self.weight = Parameter._new(weight_shape, dtype)
        if bias:
            self.bias = Parameter._new((out_channels,), dtype)
        else:
            self.register_parameter("bias", None)

    def extra_repr(self) -> str:
        text = (
            f"{self.in_channels}, {self.out_channels}, kernel_size={self.kernel_size}, "
            f"stride={self.stride}"
        )
        if self.padding != (0,) * len(self.padding):
            text += f", padding={self.padding}"
        if self.dilation != (1,) * len(self.dilation):
            text += f", dilation={self.dilation}"
        if self.output_padding != (0,) * len(self.output_padding):
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
                self.kernel_size, self._strides, self._dilations, self._pads, strict=True
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
        given = (in_channels, out_channels, kernel_size, stride, padding, dilation, groups)
        plain = _plain_conv(self._dims, *given, padding_mode)
        if plain is not None:  # what _ConvNd stores for these, without asking again
            kernel = plain[0]
            weight = Parameter._new((out_channels, in_channels // groups, *kernel), dtype)
            bias_param = Parameter._new((out_channels,), dtype) if bias else None
            values = _plain_values(plain, in_channels, out_channels, groups, padding_mode)
            params = {"weight": weight, "bias": bias_param}
            if _new_leaf(self, _ConvNd, params, {}, values):
                return
        super().__init__(
            in_channels=in_channels,
            out_channels=out_channels,
            kernel_size=kernel_size,
            stride=stride,
            padding=padding,
            dilation=dilation,
            transposed=False,
            output_padding=0,
            groups=groups,
            bias=bias,
            padding_mode=padding_mode,
            device=device,
            dtype=dtype,
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
                    _conv_size(
                        size,
                        self.kernel_size[axis],
                        self._strides[axis],
                        before,
                        after,
                        self._dilations[axis],
                    )
                )
            except ValueError as error:
                raise ShapeError(
                    f"{self._op()}: Kernel size can't be greater than actual input size: "
                    f"{error}"
                ) from error
        return tuple(sizes)

    def forward(self, input: Tensor) -> Tensor:  # noqa: A002 - PyTorch's name
        # The common call, on what the checked path below reads: a batched input of the
        # layer's channels, every size positive, zeros padding, a kernel that fits.
        shape = input._shape if isinstance(input, Tensor) else ()
        kernel = self.kernel_size
        if (
            self._refusal is None
            and self.padding_mode == "zeros"
            and len(shape) == self._dims + 2
            and shape[1] == self.in_channels
            and min(shape[1:]) > 0
            and type(kernel) is tuple
        ):
            found = _conv_spatial(
                shape[2:], kernel, self._strides, self._pads, self._dilations
            )
            if found is not None:
                return Tensor._of((shape[0], self.out_channels, *found), input.dtype)
        return self._checked_forward(input)

    def _checked_forward(self, input: Tensor) -> Tensor:  # noqa: A002 - PyTorch's name
        if self._refusal is not None:
            self._refusal.raise_()
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
            in_channels=in_channels,
            out_channels=out_channels,
            kernel_size=kernel_size,
            stride=stride,
            padding=padding,
            dilation=dilation,
            transposed=True,
            output_padding=output_padding,
            groups=groups,
            bias=bias,
            padding_mode=padding_mode,
            device=device,
            dtype=dtype,
        )
        self.__dict__["_extra_refusal"] = self._output_padding_refusal()

    def _output_padding_refusal(self) -> Refusal | None:
        """What PyTorch refuses of ``output_padding`` when it runs without an
        ``output_size``: a value that is not an int, negative, or not smaller than the
        stride or the dilation (``conventions.TORCH``'s bound)."""
        layer = type(self).__name__
        values = self._output_paddings
        for value in values:
            if not isinstance(value, int) or isinstance(value, bool):
                return Refusal(
                    ArgumentTypeError,
                    f"{layer}: output_padding={values} must hold ints, not {value!r}",
                    "output_padding",
                    values,
                    "ints",
                )
        if min(values) < 0:
            return Refusal(
                ShapeError,
                f"{layer}: negative output_padding is not supported "
                f"(output_padding={values})",
                "output_padding",
                values,
                "integers of at least 0",
            )
        if self._refusal is None:
            for extra, step, d in zip(values, self._strides, self._dilations, strict=True):
                bound = TORCH.output_padding_bound(step, d)
                if extra >= bound:
                    return Refusal(
                        ShapeError,
                        f"{layer}: output padding must be smaller than either stride or "
                        f"dilation, but got output_padding={values}, stride="
                        f"{self._strides}, dilation={self._dilations}",
                        "output_padding",
                        values,
                        f"integers below {bound} (the larger of stride and dilation)",
                    )
        return None

    def _check_output_size_arguments(self) -> None:
        """With an ``output_size``, PyTorch's ``_output_padding`` indexes the stored
        stride, padding, dilation and kernel axis by axis: one shorter than the layer's
        axes is an IndexError there."""
        n = self._dims
        for name in ("stride", "padding", "dilation", "kernel_size"):
            values = getattr(self, name)
            if len(values) < n:
                raise DimensionError(
                    f"{type(self).__name__}: {name}={values} has {len(values)} value(s) "
                    f"for this {n}-D layer, and PyTorch's output_size= path reads one per "
                    "axis: tuple index out of range",
                    argument=name,
                    value=values,
                    valid=f"an int, or a tuple of {n} ints",
                )

    def _smallest_outputs(self, spatial: Sequence[int]) -> list[int]:
        return [
            (size - 1) * s - 2 * p + effective_kernel(k, d)
            for size, s, p, d, k in zip(
                spatial,
                self._strides,
                self._paddings,
                self._dilations,
                self.kernel_size,
                strict=False,
            )
        ]

    def output_spatial(
        self, spatial: Sequence[int], output_padding: Sequence[int] | None = None
    ) -> tuple[int, ...]:
        """The output's spatial sizes for an input's spatial sizes."""
        extra = self._output_paddings if output_padding is None else output_padding
        sizes = []
        for axis, size in enumerate(spatial):
            try:
                sizes.append(
                    conv_transpose_output_size(
                        size,
                        self.kernel_size[axis],
                        self._strides[axis],
                        self._paddings[axis],
                        extra[axis],
                        self._dilations[axis],
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
        if self._refusal is not None:
            self._refusal.raise_()
        if output_size is None and self._extra_refusal is not None:
            self._extra_refusal.raise_()
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
            self._check_output_size_arguments()
            smallest = self._smallest_outputs(spatial)
            largest = [low + s - 1 for low, s in zip(smallest, self._strides, strict=False)]
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

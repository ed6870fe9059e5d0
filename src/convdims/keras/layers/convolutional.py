"""Convolution layers: Conv1D/2D/3D, their transposes, depthwise and separable.

Constructors take Keras's arguments with Keras's defaults and reject what Keras
rejects when the layer is created (kernel sizes or strides of 0, strides > 1 together
with dilation > 1, ``"causal"`` outside Conv1D, filters not divisible by groups...).
Shapes and parameter counts come from the core: :func:`~convdims.conv_output_size`,
:func:`~convdims.conv_transpose_output_size`, :func:`~convdims.conv_params`,
:func:`~convdims.depthwise_conv_params`.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from convdims.convolution import conv_output_size
from convdims.keras.layers._arguments import (
    standardize_data_format,
    standardize_padding,
    standardize_tuple,
)
from convdims.keras.layers._layer import InputSpec, Layer
from convdims.parameters import conv_params, depthwise_conv_params
from convdims.transposed import conv_transpose_output_size

_GLOROT = "glorot_uniform"

# The core checks every argument; models repeat the same few layer configurations, so
# remembering answers keeps a ResNet50 in milliseconds. Errors are not cached.
_conv_output_size = lru_cache(maxsize=4096)(conv_output_size)
_conv_transpose_output_size = lru_cache(maxsize=4096)(conv_transpose_output_size)
_conv_params = lru_cache(maxsize=4096)(conv_params)
_depthwise_conv_params = lru_cache(maxsize=1024)(depthwise_conv_params)


def _channels(layer: Any, input_shape: tuple) -> tuple[int, int]:
    """``(channel_axis, channels)`` of an input shape under the layer's data format."""
    axis = -1 if layer.data_format == "channels_last" else 1
    channels = input_shape[axis]
    if channels is None:
        raise ValueError(
            f"The channel dimension of the inputs to {type(layer).__name__} should be "
            f"defined. Found None in input shape {input_shape} (data_format="
            f"'{layer.data_format}')."
        )
    return axis, channels


def _spatial(layer: Any, input_shape: tuple) -> tuple:
    return input_shape[1:-1] if layer.data_format == "channels_last" else input_shape[2:]


def _assemble(layer: Any, input_shape: tuple, spatial: list, channels: int) -> tuple:
    if layer.data_format == "channels_last":
        return (input_shape[0], *spatial, channels)
    return (input_shape[0], channels, *spatial)


def conv_output_shape(
    layer: Any, input_shape: tuple, filters: int, kernel_size: tuple
) -> tuple:
    """Keras's ``compute_conv_output_shape``, with the arithmetic done by the core."""
    rank = len(kernel_size)
    kernel_shape = (*kernel_size, "C", filters)
    if len(input_shape) != rank + 2:
        kernel_shape = (
            *kernel_size,
            input_shape[-1 if layer.data_format == "channels_last" else 1],
            filters,
        )
        raise ValueError(
            "Kernel shape must have the same length as input, but received kernel of "
            f"shape {kernel_shape} and input of shape {input_shape}."
        )
    padding = layer.padding
    if not isinstance(padding, str) or padding not in ("valid", "same", "causal"):
        raise ValueError(
            f"`padding` must be either `'valid'` or `'same'`. Received {padding}."
        )
    spatial = []
    for size, kernel, stride, dilation in zip(
        _spatial(layer, input_shape),
        kernel_size,
        layer.strides,
        layer.dilation_rate,
        strict=False,
    ):
        if size is None:
            spatial.append(None)
            continue
        try:
            spatial.append(_conv_output_size(size, kernel, stride, padding, dilation))
        except ValueError as error:
            raise ValueError(
                "Computed output size would be zero or negative. Received "
                f"`inputs shape={input_shape}`, `kernel_size={kernel_size}`, "
                f"`dilation_rate={layer.dilation_rate}`, `strides={layer.strides}`, "
                f"`padding={padding}`: {error}"
            ) from None
    return _assemble(layer, input_shape, spatial, filters)


def _check_strides_dilation(strides: tuple, dilation_rate: tuple) -> None:
    if max(strides) > 1 and max(dilation_rate) > 1:
        raise ValueError(
            "`strides > 1` not supported in conjunction with `dilation_rate > 1`. "
            f"Received: strides={strides} and dilation_rate={dilation_rate}"
        )


class BaseConv(Layer):
    """An N-D convolution (N = ``rank``); the public classes fix the rank."""

    def __init__(
        self,
        rank: int,
        filters: int,
        kernel_size: Any,
        strides: Any = 1,
        padding: Any = "valid",
        data_format: str | None = None,
        dilation_rate: Any = 1,
        groups: int = 1,
        activation: Any = None,
        use_bias: bool = True,
        kernel_initializer: Any = _GLOROT,
        bias_initializer: Any = "zeros",
        kernel_regularizer: Any = None,
        bias_regularizer: Any = None,
        activity_regularizer: Any = None,
        kernel_constraint: Any = None,
        bias_constraint: Any = None,
        lora_rank: int | None = None,
        lora_alpha: float | None = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(activity_regularizer=activity_regularizer, **kwargs)
        self.rank = rank
        self.filters = filters
        self.groups = groups
        self.kernel_size = standardize_tuple(kernel_size, rank, "kernel_size")
        self.strides = standardize_tuple(strides, rank, "strides")
        self.dilation_rate = standardize_tuple(dilation_rate, rank, "dilation_rate")
        self.padding = standardize_padding(padding, allow_causal=rank == 1)
        self.data_format = standardize_data_format(data_format)
        self.activation = activation
        self.use_bias = use_bias
        self.kernel_initializer = kernel_initializer
        self.bias_initializer = bias_initializer
        self.kernel_regularizer = kernel_regularizer
        self.bias_regularizer = bias_regularizer
        self.kernel_constraint = kernel_constraint
        self.bias_constraint = bias_constraint
        self.lora_rank = lora_rank
        self.lora_alpha = lora_alpha if lora_alpha is not None else lora_rank
        self.input_spec = InputSpec(min_ndim=rank + 2)
        if filters is not None and filters <= 0:
            raise ValueError(
                "Invalid value for argument `filters`. Expected a strictly positive "
                f"value. Received filters={filters}."
            )
        if groups <= 0:
            raise ValueError(
                "The number of groups must be a positive integer. "
                f"Received: groups={groups}."
            )
        if filters is not None and filters % groups != 0:
            raise ValueError(
                "The number of filters must be evenly divisible by the number of groups. "
                f"Received: groups={groups}, filters={filters}."
            )
        if not all(self.kernel_size):
            raise ValueError(
                "The argument `kernel_size` cannot contain 0. Received "
                f"kernel_size={self.kernel_size}."
            )
        if not all(self.strides):
            raise ValueError(
                f"The argument `strides` cannot contains 0. Received strides={self.strides}"
            )
        _check_strides_dilation(self.strides, self.dilation_rate)

    def _build(self, input_shape: tuple) -> None:
        axis, channels = _channels(self, input_shape)
        self.input_spec = InputSpec(min_ndim=self.rank + 2, axes={axis: channels})
        if channels % self.groups != 0:
            raise ValueError(
                "The number of input channels must be evenly divisible by the number of "
                f"groups. Received groups={self.groups}, but the input has {channels} "
                f"channels (full input shape is {input_shape})."
            )
        self.compute_output_shape(input_shape)
        kernel_shape = (*self.kernel_size, channels // self.groups, self.filters)
        kernel = _conv_params(
            self.kernel_size, channels, self.filters, use_bias=False, groups=self.groups
        )
        self._add_weight("kernel", kernel_shape, kernel)
        if self.use_bias:
            total = _conv_params(
                self.kernel_size, channels, self.filters, groups=self.groups
            )
            self._add_weight("bias", (self.filters,), total - kernel)
        if self.lora_rank:
            _enable_lora(self, kernel_shape, self.filters)

    def compute_output_shape(self, input_shape: tuple) -> tuple:
        return conv_output_shape(self, tuple(input_shape), self.filters, self.kernel_size)


def _enable_lora(layer: Layer, kernel_shape: tuple, outputs: int) -> None:
    """LoRA freezes the kernel and adds two trainable low-rank factors, as in Keras."""
    rank = layer.lora_rank  # type: ignore[attr-defined]
    kernel = layer._weights[0]
    layer._weights[0] = type(kernel)(
        kernel.name, kernel.shape, kernel.size, False, kernel.dtype
    )
    fan_in = kernel.size // outputs
    layer._weights.append(
        type(kernel)(
            "lora_kernel_a", (*kernel_shape[:-1], rank), fan_in * rank, True, "float32"
        )
    )
    layer._weights.append(
        type(kernel)("lora_kernel_b", (rank, outputs), rank * outputs, True, "float32")
    )


class Conv1D(BaseConv):
    """1-D convolution over ``(batch, steps, channels)``; also accepts ``"causal"``."""

    def __init__(
        self,
        filters: int,
        kernel_size: Any,
        strides: Any = 1,
        padding: Any = "valid",
        data_format: str | None = None,
        dilation_rate: Any = 1,
        groups: int = 1,
        activation: Any = None,
        use_bias: bool = True,
        kernel_initializer: Any = _GLOROT,
        bias_initializer: Any = "zeros",
        kernel_regularizer: Any = None,
        bias_regularizer: Any = None,
        activity_regularizer: Any = None,
        kernel_constraint: Any = None,
        bias_constraint: Any = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(
            1, filters, kernel_size, strides, padding, data_format, dilation_rate, groups,
            activation, use_bias, kernel_initializer, bias_initializer,
            kernel_regularizer, bias_regularizer, activity_regularizer,
            kernel_constraint, bias_constraint, **kwargs,
        )  # fmt: skip


class Conv2D(BaseConv):
    """2-D convolution over images.

    >>> from convdims import keras
    >>> from convdims.keras import layers
    >>> layers.Conv2D(5, 3)(keras.Input((32, 32, 3))).shape
    (None, 30, 30, 5)
    """

    def __init__(
        self,
        filters: int,
        kernel_size: Any,
        strides: Any = (1, 1),
        padding: Any = "valid",
        data_format: str | None = None,
        dilation_rate: Any = (1, 1),
        groups: int = 1,
        activation: Any = None,
        use_bias: bool = True,
        kernel_initializer: Any = _GLOROT,
        bias_initializer: Any = "zeros",
        kernel_regularizer: Any = None,
        bias_regularizer: Any = None,
        activity_regularizer: Any = None,
        kernel_constraint: Any = None,
        bias_constraint: Any = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(
            2, filters, kernel_size, strides, padding, data_format, dilation_rate, groups,
            activation, use_bias, kernel_initializer, bias_initializer,
            kernel_regularizer, bias_regularizer, activity_regularizer,
            kernel_constraint, bias_constraint, **kwargs,
        )  # fmt: skip


class Conv3D(BaseConv):
    """3-D convolution over volumes."""

    def __init__(
        self,
        filters: int,
        kernel_size: Any,
        strides: Any = (1, 1, 1),
        padding: Any = "valid",
        data_format: str | None = None,
        dilation_rate: Any = (1, 1, 1),
        groups: int = 1,
        activation: Any = None,
        use_bias: bool = True,
        kernel_initializer: Any = _GLOROT,
        bias_initializer: Any = "zeros",
        kernel_regularizer: Any = None,
        bias_regularizer: Any = None,
        activity_regularizer: Any = None,
        kernel_constraint: Any = None,
        bias_constraint: Any = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(
            3, filters, kernel_size, strides, padding, data_format, dilation_rate, groups,
            activation, use_bias, kernel_initializer, bias_initializer,
            kernel_regularizer, bias_regularizer, activity_regularizer,
            kernel_constraint, bias_constraint, **kwargs,
        )  # fmt: skip


class BaseConvTranspose(Layer):
    """An N-D transposed convolution; ``output_padding=None`` is not the same as 0."""

    def __init__(
        self,
        rank: int,
        filters: int,
        kernel_size: Any,
        strides: Any = 1,
        padding: Any = "valid",
        output_padding: Any = None,
        data_format: str | None = None,
        dilation_rate: Any = 1,
        activation: Any = None,
        use_bias: bool = True,
        kernel_initializer: Any = _GLOROT,
        bias_initializer: Any = "zeros",
        kernel_regularizer: Any = None,
        bias_regularizer: Any = None,
        activity_regularizer: Any = None,
        kernel_constraint: Any = None,
        bias_constraint: Any = None,
        trainable: bool = True,
        name: str | None = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(
            trainable=trainable,
            name=name,
            activity_regularizer=activity_regularizer,
            **kwargs,
        )
        self.rank = rank
        self.filters = filters
        self.kernel_size = standardize_tuple(kernel_size, rank, "kernel_size")
        self.strides = standardize_tuple(strides, rank, "strides")
        self.dilation_rate = standardize_tuple(dilation_rate, rank, "dilation_rate")
        self.padding = standardize_padding(padding)
        if output_padding is None:
            self.output_padding = None
        else:
            self.output_padding = standardize_tuple(
                output_padding, rank, "output_padding", allow_zero=True
            )
        self.data_format = standardize_data_format(data_format)
        self.activation = activation
        self.use_bias = use_bias
        self.kernel_initializer = kernel_initializer
        self.bias_initializer = bias_initializer
        self.kernel_regularizer = kernel_regularizer
        self.bias_regularizer = bias_regularizer
        self.kernel_constraint = kernel_constraint
        self.bias_constraint = bias_constraint
        self.input_spec = InputSpec(min_ndim=rank + 2)
        if filters is not None and filters <= 0:
            raise ValueError(
                "Invalid value for argument `filters`. Expected a strictly positive "
                f"value. Received filters={filters}."
            )
        if not all(self.kernel_size):
            raise ValueError(
                "The argument `kernel_size` cannot contain 0. Received "
                f"kernel_size={self.kernel_size}."
            )
        if not all(self.strides):
            raise ValueError(
                "The argument `strides` cannot contains 0. "
                f"Received strides={self.strides}."
            )
        if self.output_padding is not None:
            for i, (extra, stride) in enumerate(
                zip(self.output_padding, self.strides, strict=False)
            ):
                if extra >= stride:
                    raise ValueError(
                        "`output_padding` must be strictly less than `strides` for all "
                        f"dimensions. At dimension {i}, `output_padding` is {extra} but "
                        f"`strides` is {stride}. Received: output_padding="
                        f"{self.output_padding}, strides={self.strides}"
                    )
        _check_strides_dilation(self.strides, self.dilation_rate)

    def _build(self, input_shape: tuple) -> None:
        axis, channels = _channels(self, input_shape)
        self.input_spec = InputSpec(min_ndim=self.rank + 2, axes={axis: channels})
        kernel = _conv_params(self.kernel_size, channels, self.filters, use_bias=False)
        self._add_weight("kernel", (*self.kernel_size, self.filters, channels), kernel)
        if self.use_bias:
            total = _conv_params(self.kernel_size, channels, self.filters)
            self._add_weight("bias", (self.filters,), total - kernel)

    def compute_output_shape(self, input_shape: tuple) -> list:
        input_shape = tuple(input_shape)
        padding = self.padding
        if not isinstance(padding, str) or padding not in ("valid", "same"):
            raise ValueError(
                "The `padding` argument must be one of 'valid', 'same'. "
                f"Received: padding={padding}"
            )
        if len(input_shape) != self.rank + 2:
            raise ValueError(
                f"{type(self).__name__} expects inputs of rank {self.rank + 2} (batch, "
                f"{self.rank} spatial axes and channels); received input of shape "
                f"{input_shape}."
            )
        spatial = []
        for i, size in enumerate(_spatial(self, input_shape)):
            if size is None:
                spatial.append(None)
                continue
            extra = None if self.output_padding is None else self.output_padding[i]
            spatial.append(
                _conv_transpose_output_size(
                    size,
                    self.kernel_size[i],
                    self.strides[i],
                    padding,
                    output_padding=extra,
                    dilation=self.dilation_rate[i],
                )
            )
        # Keras's transposed convolutions answer with a list, the others with a tuple
        return list(_assemble(self, input_shape, spatial, self.filters))


class Conv1DTranspose(BaseConvTranspose):
    """1-D transposed convolution."""

    def __init__(
        self,
        filters: int,
        kernel_size: Any,
        strides: Any = 1,
        padding: Any = "valid",
        output_padding: Any = None,
        data_format: str | None = None,
        dilation_rate: Any = 1,
        activation: Any = None,
        use_bias: bool = True,
        kernel_initializer: Any = _GLOROT,
        bias_initializer: Any = "zeros",
        kernel_regularizer: Any = None,
        bias_regularizer: Any = None,
        activity_regularizer: Any = None,
        kernel_constraint: Any = None,
        bias_constraint: Any = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(
            1, filters, kernel_size, strides, padding, output_padding, data_format,
            dilation_rate, activation, use_bias, kernel_initializer, bias_initializer,
            kernel_regularizer, bias_regularizer, activity_regularizer,
            kernel_constraint, bias_constraint, **kwargs,
        )  # fmt: skip


class Conv2DTranspose(BaseConvTranspose):
    """2-D transposed convolution.

    >>> from convdims import keras
    >>> from convdims.keras import layers
    >>> x = keras.Input((12, 12, 8))
    >>> [layers.Conv2DTranspose(4, 3, 2, p)(x).shape[1] for p in ("valid", "same")]
    [25, 24]
    >>> layers.Conv2DTranspose(4, 3, 2, "same", output_padding=0)(x).shape[1]
    23
    """

    def __init__(
        self,
        filters: int,
        kernel_size: Any,
        strides: Any = (1, 1),
        padding: Any = "valid",
        output_padding: Any = None,
        data_format: str | None = None,
        dilation_rate: Any = (1, 1),
        activation: Any = None,
        use_bias: bool = True,
        kernel_initializer: Any = _GLOROT,
        bias_initializer: Any = "zeros",
        kernel_regularizer: Any = None,
        bias_regularizer: Any = None,
        activity_regularizer: Any = None,
        kernel_constraint: Any = None,
        bias_constraint: Any = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(
            2, filters, kernel_size, strides, padding, output_padding, data_format,
            dilation_rate, activation, use_bias, kernel_initializer, bias_initializer,
            kernel_regularizer, bias_regularizer, activity_regularizer,
            kernel_constraint, bias_constraint, **kwargs,
        )  # fmt: skip


class Conv3DTranspose(BaseConvTranspose):
    """3-D transposed convolution; Keras puts data_format before output_padding here."""

    def __init__(
        self,
        filters: int,
        kernel_size: Any,
        strides: Any = (1, 1, 1),
        padding: Any = "valid",
        data_format: str | None = None,
        output_padding: Any = None,
        dilation_rate: Any = (1, 1, 1),
        activation: Any = None,
        use_bias: bool = True,
        kernel_initializer: Any = _GLOROT,
        bias_initializer: Any = "zeros",
        kernel_regularizer: Any = None,
        bias_regularizer: Any = None,
        activity_regularizer: Any = None,
        kernel_constraint: Any = None,
        bias_constraint: Any = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(
            3, filters, kernel_size, strides, padding, output_padding, data_format,
            dilation_rate, activation, use_bias, kernel_initializer, bias_initializer,
            kernel_regularizer, bias_regularizer, activity_regularizer,
            kernel_constraint, bias_constraint, **kwargs,
        )  # fmt: skip


class DepthwiseConv2D(Layer):
    """One filter (or ``depth_multiplier`` filters) per input channel.

    Keras does not reject strides > 1 with dilation > 1 here, unlike Conv2D.

    >>> from convdims import keras
    >>> from convdims.keras import layers
    >>> layer = layers.DepthwiseConv2D(3, depth_multiplier=2)
    >>> layer(keras.Input((10, 10, 32))).shape, layer.count_params()
    ((None, 8, 8, 64), 640)
    """

    def __init__(
        self,
        kernel_size: Any,
        strides: Any = (1, 1),
        padding: Any = "valid",
        depth_multiplier: int = 1,
        data_format: str | None = None,
        dilation_rate: Any = (1, 1),
        activation: Any = None,
        use_bias: bool = True,
        depthwise_initializer: Any = _GLOROT,
        bias_initializer: Any = "zeros",
        depthwise_regularizer: Any = None,
        bias_regularizer: Any = None,
        activity_regularizer: Any = None,
        depthwise_constraint: Any = None,
        bias_constraint: Any = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(activity_regularizer=activity_regularizer, **kwargs)
        self.rank = 2
        self.depth_multiplier = depth_multiplier
        self.kernel_size = standardize_tuple(kernel_size, 2, "kernel_size")
        self.strides = standardize_tuple(strides, 2, "strides")
        self.dilation_rate = standardize_tuple(dilation_rate, 2, "dilation_rate")
        self.padding = standardize_padding(padding)
        self.data_format = standardize_data_format(data_format)
        self.activation = activation
        self.use_bias = use_bias
        self.depthwise_initializer = depthwise_initializer
        self.bias_initializer = bias_initializer
        self.depthwise_regularizer = depthwise_regularizer
        self.bias_regularizer = bias_regularizer
        self.depthwise_constraint = depthwise_constraint
        self.bias_constraint = bias_constraint
        self.input_spec = InputSpec(min_ndim=4)
        if depth_multiplier is not None and depth_multiplier <= 0:
            raise ValueError(
                "Invalid value for argument `depth_multiplier`. Expected a strictly "
                f"positive value. Received depth_multiplier={depth_multiplier}."
            )
        if not all(self.kernel_size):
            raise ValueError(
                "The argument `kernel_size` cannot contain 0. Received "
                f"kernel_size={self.kernel_size}."
            )
        if not all(self.strides):
            raise ValueError(
                f"The argument `strides` cannot contains 0. Received strides={self.strides}"
            )

    def _build(self, input_shape: tuple) -> None:
        axis, channels = _channels(self, input_shape)
        self.input_spec = InputSpec(min_ndim=4, axes={axis: channels})
        self.compute_output_shape(input_shape)
        multiplier = self.depth_multiplier
        kernel = _depthwise_conv_params(
            self.kernel_size, channels, multiplier, use_bias=False
        )
        self._add_weight("kernel", (*self.kernel_size, channels, multiplier), kernel)
        if self.use_bias:
            total = _depthwise_conv_params(self.kernel_size, channels, multiplier)
            self._add_weight("bias", (channels * multiplier,), total - kernel)

    def compute_output_shape(self, input_shape: tuple) -> tuple:
        input_shape = tuple(input_shape)
        _, channels = _channels(self, input_shape)
        return conv_output_shape(
            self, input_shape, self.depth_multiplier * channels, self.kernel_size
        )


class SeparableConv2D(Layer):
    """A depthwise convolution followed by a 1x1 (pointwise) convolution.

    The depthwise step has no bias: ``k*k*C*m + C*m*D + D`` parameters.

    >>> from convdims import keras
    >>> from convdims.keras import layers
    >>> layer = layers.SeparableConv2D(64, 3, padding="same")
    >>> layer(keras.Input((10, 10, 32))).shape, layer.count_params()
    ((None, 10, 10, 64), 2400)
    """

    def __init__(
        self,
        filters: int,
        kernel_size: Any,
        strides: Any = (1, 1),
        padding: Any = "valid",
        data_format: str | None = None,
        dilation_rate: Any = (1, 1),
        depth_multiplier: int = 1,
        activation: Any = None,
        use_bias: bool = True,
        depthwise_initializer: Any = _GLOROT,
        pointwise_initializer: Any = _GLOROT,
        bias_initializer: Any = "zeros",
        depthwise_regularizer: Any = None,
        pointwise_regularizer: Any = None,
        bias_regularizer: Any = None,
        activity_regularizer: Any = None,
        depthwise_constraint: Any = None,
        pointwise_constraint: Any = None,
        bias_constraint: Any = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(activity_regularizer=activity_regularizer, **kwargs)
        self.rank = 2
        self.depth_multiplier = depth_multiplier
        self.filters = filters
        self.kernel_size = standardize_tuple(kernel_size, 2, "kernel_size")
        self.strides = standardize_tuple(strides, 2, "strides")
        self.dilation_rate = standardize_tuple(dilation_rate, 2, "dilation_rate")
        self.padding = standardize_padding(padding)
        self.data_format = standardize_data_format(data_format)
        self.activation = activation
        self.use_bias = use_bias
        self.depthwise_initializer = depthwise_initializer
        self.pointwise_initializer = pointwise_initializer
        self.bias_initializer = bias_initializer
        self.depthwise_regularizer = depthwise_regularizer
        self.pointwise_regularizer = pointwise_regularizer
        self.bias_regularizer = bias_regularizer
        self.depthwise_constraint = depthwise_constraint
        self.pointwise_constraint = pointwise_constraint
        self.bias_constraint = bias_constraint
        self.input_spec = InputSpec(min_ndim=4)
        if depth_multiplier is not None and depth_multiplier <= 0:
            raise ValueError(
                "Invalid value for argument `depth_multiplier`. Expected a strictly "
                f"positive value. Received depth_multiplier={depth_multiplier}."
            )
        if filters is not None and filters <= 0:
            raise ValueError(
                "Invalid value for argument `filters`. Expected a strictly positive "
                f"value. Received filters={filters}."
            )
        if not all(self.kernel_size):
            raise ValueError(
                "The argument `kernel_size` cannot contain 0. Received: "
                f"kernel_size={self.kernel_size}."
            )
        if not all(self.strides):
            raise ValueError(
                "The argument `strides` cannot contains 0(s). Received: "
                f"strides={self.strides}"
            )

    def _build(self, input_shape: tuple) -> None:
        axis, channels = _channels(self, input_shape)
        self.input_spec = InputSpec(min_ndim=4, axes={axis: channels})
        multiplier = self.depth_multiplier
        self.compute_output_shape(input_shape)
        depthwise = _depthwise_conv_params(
            self.kernel_size, channels, multiplier, use_bias=False
        )
        self._add_weight(
            "depthwise_kernel", (*self.kernel_size, channels, multiplier), depthwise
        )
        middle = channels * multiplier
        pointwise = _conv_params((1, 1), middle, self.filters, use_bias=False)
        self._add_weight("pointwise_kernel", (1, 1, middle, self.filters), pointwise)
        if self.use_bias:
            total = _conv_params((1, 1), middle, self.filters)
            self._add_weight("bias", (self.filters,), total - pointwise)

    def compute_output_shape(self, input_shape: tuple) -> tuple:
        return conv_output_shape(self, tuple(input_shape), self.filters, self.kernel_size)

"""What every Keras convolution shares: its window arguments, read and checked once.

Keras 3 has four convolution bases (``BaseConv``, ``BaseConvTranspose``,
``BaseDepthwiseConv``, ``BaseSeparableConv``) whose constructors normalise the same
arguments and run nearly the same checks, in the same order. Here they share
``Convolution``: it normalises
``kernel_size``, ``strides``, ``dilation_rate``, ``padding`` (and ``output_padding``)
and ``data_format`` in Keras's order, then runs Keras's checks in Keras's order with
Keras's messages. The rules themselves (the padding words of each family, strides > 1
with dilation > 1, output_padding below the stride) are read from
[`convdims.conventions`][convdims.conventions].
"""

from __future__ import annotations

from collections.abc import Callable

from convdims.convolution import conv_output_size
from convdims.keras.layers._arguments import (
    arithmetic,
    keras_rules,
    standardize_data_format,
    standardize_padding,
    standardize_tuple,
)
from convdims.keras.layers._layer import InputSpec, Layer
from convdims.keras.layers._window import axis_windows
from convdims.parameters import conv_params, dense_params, depthwise_conv_params
from convdims.pooling import pool_output_size
from convdims.transposed import conv_transpose_output_size

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any, ClassVar

GLOROT = "glorot_uniform"


def exact_cache(function: Callable[..., Any]) -> Callable[..., Any]:
    """Remember ``function``'s answers by the exact arguments: types as well as values,
    inside tuples too, so ``1``, ``True`` and ``1.0`` are three keys (``lru_cache`` takes
    them for one). The key is the arguments' ``repr``, which tells those apart for the
    ints, bools, floats, strings, None and tuples of them that layers pass. Models
    repeat a few layer configurations; errors are not cached."""
    answers: dict[str, Any] = {}

    def cached(*args: Any, **kwargs: Any) -> Any:
        key = repr(args) + repr(kwargs) if kwargs else repr(args)
        try:
            return answers[key]
        except KeyError:
            pass
        answer = function(*args, **kwargs)
        if len(answers) < 8192:
            answers[key] = answer
        return answer

    cached.__wrapped__ = function  # type: ignore[attr-defined]
    cached.__doc__ = function.__doc__
    return cached


conv_size = exact_cache(conv_output_size)
conv_transpose_size = exact_cache(conv_transpose_output_size)
pool_size = exact_cache(pool_output_size)
conv_weights = exact_cache(conv_params)
depthwise_weights = exact_cache(depthwise_conv_params)
dense_weights = exact_cache(dense_params)


def channels_of(layer: Any, input_shape: tuple) -> tuple[int, int]:
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


def spatial_of(data_format: str, shape: tuple) -> tuple:
    """The spatial sizes of a shape (batch and channels left out)."""
    if len(shape) < 3:
        return ()
    return tuple(shape[1:-1]) if data_format == "channels_last" else tuple(shape[2:])


def assemble(data_format: str, input_shape: tuple, spatial: list, channels: int) -> tuple:
    """A shape from the batch of ``input_shape``, spatial sizes and channels."""
    if data_format == "channels_last":
        return (input_shape[0], *spatial, channels)
    return (input_shape[0], channels, *spatial)


def conv_output_shape(
    layer: Any, input_shape: tuple, filters: int, kernel_size: tuple
) -> tuple:
    """Keras's ``compute_conv_output_shape``, with the arithmetic done by the core.

    Answers are remembered by the exact arguments (their ``repr``): a ResNet asks the
    same few questions hundreds of times."""
    key: Any = (
        input_shape,
        filters,
        kernel_size,
        layer.strides,
        layer.dilation_rate,
        layer.padding,
        layer.data_format,
    )
    if not getattr(layer, "_plain_window", False) or type(filters) is not int:
        key = repr(key)  # True, 1.0 and 1 must not share an answer
    shape = _conv_shapes.get(key)
    if shape is None:
        shape = _conv_output_shape(layer, input_shape, filters, kernel_size)
        if len(_conv_shapes) < 8192:
            _conv_shapes[key] = shape
    return shape


_conv_shapes: dict[Any, tuple] = {}


def _conv_output_shape(
    layer: Any, input_shape: tuple, filters: int, kernel_size: tuple
) -> tuple:
    rank = len(kernel_size)
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
    if not isinstance(padding, str) or not keras_rules().takes_padding(
        "conv", padding, axes=1
    ):
        raise ValueError(
            f"`padding` must be either `'valid'` or `'same'`. Received {padding}."
        )
    kernels = arithmetic(kernel_size)
    strides = arithmetic(layer.strides)
    dilations = arithmetic(layer.dilation_rate)
    spatial = []
    for size, kernel, stride, dilation in zip(
        spatial_of(layer.data_format, input_shape),
        kernels,
        strides,
        dilations,
        strict=False,
    ):
        if size is None:
            spatial.append(None)
            continue
        try:
            spatial.append(conv_size(size, kernel, stride, padding, dilation))
        except ValueError as error:
            raise ValueError(
                "Computed output size would be zero or negative. Received "
                f"`inputs shape={input_shape}`, `kernel_size={kernel_size}`, "
                f"`dilation_rate={layer.dilation_rate}`, `strides={layer.strides}`, "
                f"`padding={padding}`: {error}"
            ) from None
    return assemble(layer.data_format, input_shape, spatial, filters)


def positive(name: str, value: Any) -> None:
    """Keras's check of a count (``filters``, ``depth_multiplier``): None passes."""
    if value is not None and value <= 0:
        raise ValueError(
            f"Invalid value for argument `{name}`. Expected a strictly positive value. "
            f"Received {name}={value}."
        )


#: Windows (kernel, strides, dilation, output padding, whether strided dilation is
#: refused) that passed Convolution._check_window.
_passed_windows: set[tuple] = set()


class Convolution(Layer):
    """The base of the convolution bases: window arguments, Keras's checks, records.

    Class attributes say how a family differs, as Keras's four bases do:

    Attributes:
        family: the [`Family`][convdims.conventions.Family] whose padding words apply
            (its value: ``"conv"``, ``"transpose"``).
        allow_causal: whether ``'causal'`` may be taken where the conventions allow it
            (Keras's depthwise and separable bases never take it).
        checks_strided_dilation: whether strides > 1 with dilation > 1 is refused
            (Keras's depthwise and separable bases do not check it).
        zero_messages: Keras's messages for a 0 in ``kernel_size`` and in ``strides``
            (the four bases word them slightly differently).
    """

    family: ClassVar[str] = "conv"
    allow_causal: ClassVar[bool] = True
    checks_strided_dilation: ClassVar[bool] = True
    zero_messages: ClassVar[tuple[str, str]] = (
        "The argument `kernel_size` cannot contain 0. Received kernel_size={}.",
        "The argument `strides` cannot contains 0. Received strides={}",
    )

    def __init__(
        self,
        *,
        rank: int,
        kernel_size: Any,
        strides: Any = 1,
        padding: Any = "valid",
        data_format: str | None = None,
        dilation_rate: Any = 1,
        use_bias: bool = True,
        output_padding: Any = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(**kwargs)
        self.rank = rank
        self.kernel_size = standardize_tuple(kernel_size, rank, "kernel_size")
        self.strides = standardize_tuple(strides, rank, "strides")
        self.dilation_rate = standardize_tuple(dilation_rate, rank, "dilation_rate")
        self.padding = standardize_padding(padding, self.family, rank, self.allow_causal)
        if output_padding is not None:
            output_padding = standardize_tuple(
                output_padding, rank, "output_padding", allow_zero=True
            )
        self.output_padding = output_padding
        self.data_format = standardize_data_format(data_format)
        self.use_bias = use_bias
        self.input_spec = InputSpec(min_ndim=rank + 2)
        # Whether the window holds plain ints only (then answers may be remembered by
        # the arguments themselves; otherwise by their repr).
        self._plain_window = set(
            map(type, (*self.kernel_size, *self.strides, *self.dilation_rate))
        ) == {int}

    def _check_window(self) -> None:
        """Keras's checks after the counts: no 0 in the kernel or the strides, the
        output padding below its bound, strides > 1 with dilation > 1 refused.

        Every check compares values only (``True`` passes or fails as 1 does), so a
        window that passed is remembered by its values and not checked again; one that
        fails is checked every time, to raise with its own values."""
        key = (
            self.kernel_size,
            self.strides,
            self.dilation_rate,
            self.output_padding,
            self.checks_strided_dilation,
        )
        try:
            if key in _passed_windows:
                return
        except TypeError:  # a value that cannot be a key (a 0-d array): check it
            self._check_window_once()
            return
        self._check_window_once()
        if len(_passed_windows) < 8192:
            _passed_windows.add(key)

    def _check_window_once(self) -> None:
        kernel_message, strides_message = self.zero_messages
        rules = keras_rules()
        if not all(self.kernel_size):
            raise ValueError(kernel_message.format(self.kernel_size))
        if not all(self.strides):
            raise ValueError(strides_message.format(self.strides))
        if self.output_padding is not None:
            for i, (extra, stride) in enumerate(
                zip(self.output_padding, self.strides, strict=False)
            ):
                if extra >= rules.output_padding_bound(stride):
                    raise ValueError(
                        "`output_padding` must be strictly less than `strides` for all "
                        f"dimensions. At dimension {i}, `output_padding` is {extra} but "
                        f"`strides` is {stride}. Received: output_padding="
                        f"{self.output_padding}, strides={self.strides}"
                    )
        if self.checks_strided_dilation and rules.refuses_strided_dilation(
            self.strides, self.dilation_rate
        ):
            raise ValueError(
                "`strides > 1` not supported in conjunction with `dilation_rate > 1`. "
                f"Received: strides={self.strides} and "
                f"dilation_rate={self.dilation_rate}"
            )

    def _channels(self, input_shape: tuple) -> tuple[int, int]:
        axis, channels = channels_of(self, input_shape)
        self.input_spec = InputSpec(min_ndim=self.rank + 2, axes={axis: channels})
        return axis, channels

    # The layer record -----------------------------------------------------------

    def _record_fields(self, input_shape: tuple, output_shape: tuple) -> dict[str, Any]:
        channels = input_shape[-1 if self.data_format == "channels_last" else 1]
        return {
            "window": axis_windows(
                self.padding,
                spatial_of(self.data_format, input_shape),
                arithmetic(self.kernel_size),
                arithmetic(self.strides),
                arithmetic(self.dilation_rate),
            ),
            "in_channels": channels,
            "out_channels": output_shape[-1 if self.data_format == "channels_last" else 1],
        }


def enable_lora(layer: Layer, kernel_shape: tuple, outputs: int) -> None:
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

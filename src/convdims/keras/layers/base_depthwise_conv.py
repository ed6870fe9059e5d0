"""``BaseDepthwiseConv``: one filter (or ``depth_multiplier`` filters) per input channel,
behind DepthwiseConv2D (Keras's ``base_depthwise_conv.py``)."""

from __future__ import annotations

from convdims.description import Kind
from convdims.keras.layers._convolution import (
    GLOROT,
    Convolution,
    channels_of,
    conv_output_shape,
    depthwise_weights,
    positive,
)

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any, ClassVar


class BaseDepthwiseConv(Convolution):
    """An N-D depthwise convolution.

    Keras does not refuse strides > 1 together with dilation > 1 here, unlike its other
    convolutions (``base_depthwise_conv.py`` has no such check), and never takes
    ``'causal'``.
    """

    _kind: ClassVar[Kind] = Kind.DEPTHWISE
    allow_causal: ClassVar[bool] = False
    checks_strided_dilation: ClassVar[bool] = False

    def __init__(
        self,
        rank: int,
        depth_multiplier: int,
        kernel_size: Any,
        strides: Any = 1,
        padding: Any = "valid",
        data_format: str | None = None,
        dilation_rate: Any = 1,
        activation: Any = None,
        use_bias: bool = True,
        depthwise_initializer: Any = GLOROT,
        bias_initializer: Any = "zeros",
        depthwise_regularizer: Any = None,
        bias_regularizer: Any = None,
        activity_regularizer: Any = None,
        depthwise_constraint: Any = None,
        bias_constraint: Any = None,
        trainable: bool = True,
        name: str | None = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(
            rank=rank,
            kernel_size=kernel_size,
            strides=strides,
            padding=padding,
            data_format=data_format,
            dilation_rate=dilation_rate,
            use_bias=use_bias,
            activity_regularizer=activity_regularizer,
            trainable=trainable,
            name=name,
            **kwargs,
        )
        self.depth_multiplier = depth_multiplier
        positive("depth_multiplier", depth_multiplier)
        self._check_window()

    def _build(self, input_shape: tuple) -> None:
        _, channels = self._channels(input_shape)
        self.compute_output_shape(input_shape)
        shape = self._weight_shape(
            "kernel", (*self.kernel_size, channels, self.depth_multiplier)
        )
        kernel, multiplier = shape[: self.rank], shape[-1]
        count = depthwise_weights(kernel, channels, multiplier, use_bias=False)
        self._add_weight("kernel", shape, count)
        if self.use_bias:
            total = depthwise_weights(kernel, channels, multiplier)
            self._add_weight("bias", (channels * multiplier,), total - count)

    def compute_output_shape(self, input_shape: tuple) -> tuple:
        input_shape = tuple(input_shape)
        _, channels = channels_of(self, input_shape)
        return conv_output_shape(
            self, input_shape, self.depth_multiplier * channels, self.kernel_size
        )

    def _record_fields(self, input_shape: tuple, output_shape: tuple) -> dict[str, Any]:
        return {
            **super()._record_fields(input_shape, output_shape),
            "depth_multiplier": int(self.depth_multiplier),
        }

"""``BaseSeparableConv``: a depthwise convolution followed by a pointwise (1x1) one,
behind SeparableConv2D (Keras's ``base_separable_conv.py``)."""

from __future__ import annotations

from convdims.description import Kind
from convdims.keras.layers._convolution import (
    GLOROT,
    Convolution,
    conv_output_shape,
    conv_weights,
    depthwise_weights,
    positive,
)

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any, ClassVar


class BaseSeparableConv(Convolution):
    """An N-D separable convolution: ``prod(k)*C*m + C*m*D + D`` parameters (the
    depthwise step has no bias).

    Like the depthwise base, Keras checks neither strides > 1 with dilation > 1 nor
    takes ``'causal'`` here.
    """

    _kind: ClassVar[Kind] = Kind.SEPARABLE
    allow_causal: ClassVar[bool] = False
    checks_strided_dilation: ClassVar[bool] = False
    zero_messages = (
        "The argument `kernel_size` cannot contain 0. Received: kernel_size={}.",
        "The argument `strides` cannot contains 0(s). Received: strides={}",
    )

    def __init__(
        self,
        rank: int,
        depth_multiplier: int,
        filters: int,
        kernel_size: Any,
        strides: Any = 1,
        padding: Any = "valid",
        data_format: str | None = None,
        dilation_rate: Any = 1,
        activation: Any = None,
        use_bias: bool = True,
        depthwise_initializer: Any = GLOROT,
        pointwise_initializer: Any = GLOROT,
        bias_initializer: Any = "zeros",
        depthwise_regularizer: Any = None,
        pointwise_regularizer: Any = None,
        bias_regularizer: Any = None,
        activity_regularizer: Any = None,
        depthwise_constraint: Any = None,
        pointwise_constraint: Any = None,
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
        self.filters = filters
        positive("depth_multiplier", depth_multiplier)
        positive("filters", filters)
        self._check_window()

    def _build(self, input_shape: tuple) -> None:
        _, channels = self._channels(input_shape)
        self.compute_output_shape(input_shape)
        shape = self._weight_shape(
            "depthwise_kernel", (*self.kernel_size, channels, self.depth_multiplier)
        )
        kernel, multiplier = shape[: self.rank], shape[-1]
        depthwise = depthwise_weights(kernel, channels, multiplier, use_bias=False)
        self._add_weight("depthwise_kernel", shape, depthwise)
        middle = channels * multiplier
        ones = (1,) * self.rank
        pointwise_shape = self._weight_shape(
            "pointwise_kernel", (*ones, middle, self.filters)
        )
        filters = pointwise_shape[-1]
        pointwise = conv_weights(ones, middle, filters, use_bias=False)
        self._add_weight("pointwise_kernel", pointwise_shape, pointwise)
        if self.use_bias:
            total = conv_weights(ones, middle, filters)
            self._add_weight("bias", (filters,), total - pointwise)

    def compute_output_shape(self, input_shape: tuple) -> tuple:
        return conv_output_shape(self, tuple(input_shape), self.filters, self.kernel_size)

    def _record_fields(self, input_shape: tuple, output_shape: tuple) -> dict[str, Any]:
        return {
            **super()._record_fields(input_shape, output_shape),
            "depth_multiplier": int(self.depth_multiplier),
        }

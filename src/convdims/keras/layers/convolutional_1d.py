"""The one-axis depthwise and separable convolutions: ``DepthwiseConv1D`` and
``SeparableConv1D`` (Keras's ``depthwise_conv1d.py`` and ``separable_conv1d.py``),
the same N-D rules as their 2-D siblings on ``(batch, steps, channels)``.

>>> from convdims import keras
>>> from convdims.keras import layers
>>> layer = layers.SeparableConv1D(16, 5, depth_multiplier=2)
>>> layer(keras.Input((100, 8))).shape, layer.count_params()
((None, 96, 16), 352)
"""

from __future__ import annotations

from convdims.keras.layers._convolution import GLOROT
from convdims.keras.layers.base_depthwise_conv import BaseDepthwiseConv
from convdims.keras.layers.base_separable_conv import BaseSeparableConv

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any


class DepthwiseConv1D(BaseDepthwiseConv):
    """One filter (or ``depth_multiplier`` filters) per input channel, along one axis:
    ``k * C * m`` weights and ``C * m`` biases.

    >>> from convdims import keras
    >>> from convdims.keras import layers
    >>> layer = layers.DepthwiseConv1D(3, depth_multiplier=2)
    >>> layer(keras.Input((10, 4))).shape, layer.count_params()
    ((None, 8, 8), 32)
    """

    def __init__(
        self,
        kernel_size: Any,
        strides: Any = 1,
        padding: Any = "valid",
        depth_multiplier: int = 1,
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
        **kwargs: Any,
    ) -> None:
        super().__init__(
            rank=1,
            kernel_size=kernel_size,
            strides=strides,
            padding=padding,
            depth_multiplier=depth_multiplier,
            data_format=data_format,
            dilation_rate=dilation_rate,
            activation=activation,
            use_bias=use_bias,
            depthwise_initializer=depthwise_initializer,
            bias_initializer=bias_initializer,
            depthwise_regularizer=depthwise_regularizer,
            bias_regularizer=bias_regularizer,
            activity_regularizer=activity_regularizer,
            depthwise_constraint=depthwise_constraint,
            bias_constraint=bias_constraint,
            **kwargs,
        )


class SeparableConv1D(BaseSeparableConv):
    """A depthwise convolution along one axis, then a pointwise one:
    ``k*C*m + C*m*D + D`` parameters."""

    def __init__(
        self,
        filters: int,
        kernel_size: Any,
        strides: Any = 1,
        padding: Any = "valid",
        data_format: str | None = None,
        dilation_rate: Any = 1,
        depth_multiplier: int = 1,
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
        **kwargs: Any,
    ) -> None:
        super().__init__(
            rank=1,
            filters=filters,
            kernel_size=kernel_size,
            strides=strides,
            padding=padding,
            data_format=data_format,
            dilation_rate=dilation_rate,
            depth_multiplier=depth_multiplier,
            activation=activation,
            use_bias=use_bias,
            depthwise_initializer=depthwise_initializer,
            pointwise_initializer=pointwise_initializer,
            bias_initializer=bias_initializer,
            depthwise_regularizer=depthwise_regularizer,
            pointwise_regularizer=pointwise_regularizer,
            bias_regularizer=bias_regularizer,
            activity_regularizer=activity_regularizer,
            depthwise_constraint=depthwise_constraint,
            pointwise_constraint=pointwise_constraint,
            bias_constraint=bias_constraint,
            **kwargs,
        )


SeparableConvolution1D = SeparableConv1D

__all__ = ["DepthwiseConv1D", "SeparableConv1D", "SeparableConvolution1D"]

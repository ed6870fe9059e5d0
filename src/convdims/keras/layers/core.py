"""Dense, and the layers that change values but not shapes: Activation, ReLU, Dropout."""

from __future__ import annotations

from convdims.description import Kind
from convdims.keras.layers._convolution import GLOROT as _GLOROT
from convdims.keras.layers._convolution import dense_weights, enable_lora
from convdims.keras.layers._layer import InputSpec, Layer

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any, ClassVar


class Dense(Layer):
    """A fully connected layer on the last axis: ``(in + 1) * units`` parameters.

    >>> from convdims import keras
    >>> from convdims.keras import layers
    >>> layer = layers.Dense(10)
    >>> layer(keras.Input((64,))).shape, layer.count_params()
    ((None, 10), 650)

    ``units`` must be a positive int (Keras checks it first, before anything else).
    Stored: ``units``, ``use_bias`` and ``lora_rank``, what decides the shapes and
    counts.
    """

    _kind: ClassVar[Kind] = Kind.DENSE

    def __init__(
        self,
        units: int,
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
        quantization_config: Any = None,
        **kwargs: Any,
    ) -> None:
        if not isinstance(units, int) or units <= 0:
            # Keras 3.15's Dense.__init__, before the base class runs.
            raise ValueError(
                "Received an invalid value for `units`, expected a positive integer. "
                f"Received: units={units}"
            )
        super().__init__(activity_regularizer=activity_regularizer, **kwargs)
        self.units = units
        self.use_bias = use_bias
        self.lora_rank = lora_rank
        self.lora_alpha = lora_alpha if lora_alpha is not None else lora_rank
        self.input_spec = InputSpec(min_ndim=2)

    def _build(self, input_shape: tuple) -> None:
        features = input_shape[-1]
        if features is None:
            raise ValueError(
                "The last dimension of the inputs to a Dense layer should be defined. "
                f"Found None in input shape {tuple(input_shape)}."
            )
        units = int(self.units)  # True is 1, as in Keras
        kernel = dense_weights(features, units, use_bias=False)
        self._add_weight("kernel", (features, units), kernel)
        if self.use_bias:
            total = dense_weights(features, units)
            self._add_weight("bias", (units,), total - kernel)
        self.input_spec = InputSpec(min_ndim=2, axes={-1: features})
        if self.lora_rank:
            enable_lora(self, (features, units), units)

    def _record_fields(self, input_shape: tuple, output_shape: tuple) -> dict[str, Any]:
        return {"in_channels": input_shape[-1], "out_channels": int(self.units)}

    def compute_output_shape(self, input_shape: tuple) -> tuple:
        shape = list(input_shape)
        shape[-1] = int(self.units)
        return tuple(shape)


class Activation(Layer):
    """Apply an activation function; the shape does not change.

    The activation is accepted as given (a name or a callable) and never evaluated.
    """

    _kind: ClassVar[Kind] = Kind.ACTIVATION

    def __init__(self, activation: Any, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.activation = activation
        self.built = True


class ReLU(Layer):
    """Rectified linear unit, optionally capped (``ReLU(6.0)`` is ReLU6)."""

    _kind: ClassVar[Kind] = Kind.ACTIVATION

    def __init__(
        self,
        max_value: float | None = None,
        negative_slope: float = 0.0,
        threshold: float = 0.0,
        **kwargs: Any,
    ) -> None:
        super().__init__(**kwargs)
        if max_value is not None and max_value < 0.0:
            raise ValueError(
                "max_value of a ReLU layer cannot be a negative value. "
                f"Received: max_value={max_value}"
            )
        if negative_slope is None or negative_slope < 0.0:
            raise ValueError(
                "negative_slope of a ReLU layer cannot be None or a negative value. "
                f"Received: negative_slope={negative_slope}"
            )
        if threshold is None or threshold < 0.0:
            raise ValueError(
                "threshold of a ReLU layer cannot be None or a negative value. "
                f"Received: threshold={threshold}"
            )
        self.max_value = max_value
        self.negative_slope = negative_slope
        self.threshold = threshold
        self.built = True


class Dropout(Layer):
    """Randomly zero a fraction ``rate`` of the inputs while training; no weights."""

    _kind: ClassVar[Kind] = Kind.DROPOUT

    def __init__(
        self, rate: float, noise_shape: Any = None, seed: int | None = None, **kwargs: Any
    ) -> None:
        super().__init__(**kwargs)
        if not 0 <= rate <= 1:
            raise ValueError(
                "Invalid value received for argument `rate`. Expected a float value "
                f"between 0 and 1. Received: rate={rate}"
            )
        self.rate = rate
        self.seed = seed
        self.noise_shape = None if noise_shape is None else tuple(noise_shape)
        self.built = True

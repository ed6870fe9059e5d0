"""BatchNormalization: 4 weights per channel, two of which never train."""

from __future__ import annotations

from convdims.description import Kind
from convdims.keras.layers._layer import InputSpec, Layer

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any, ClassVar


class BatchNormalization(Layer):
    """Normalise each channel (``axis``) with a batch mean and variance.

    Keras keeps four vectors of length C: ``gamma`` and ``beta`` train (when ``scale``
    and ``center``), the moving mean and variance do not, so a summary lists 2C of the
    4C parameters as non-trainable. PyTorch's BatchNorm2d counts only the 2C trainable
    ones as parameters.

    >>> from convdims import keras
    >>> from convdims.keras import layers
    >>> bn = layers.BatchNormalization()
    >>> _ = bn(keras.Input((8, 8, 64)))
    >>> bn.count_params(), sum(w.size for w in bn.non_trainable_weights)
    (256, 128)
    """

    _kind: ClassVar[Kind] = Kind.BATCH_NORM

    def __init__(
        self,
        axis: int = -1,
        momentum: float = 0.99,
        epsilon: float = 0.001,
        center: bool = True,
        scale: bool = True,
        beta_initializer: Any = "zeros",
        gamma_initializer: Any = "ones",
        moving_mean_initializer: Any = "zeros",
        moving_variance_initializer: Any = "ones",
        beta_regularizer: Any = None,
        gamma_regularizer: Any = None,
        beta_constraint: Any = None,
        gamma_constraint: Any = None,
        renorm: bool = False,
        renorm_clipping: Any = None,
        renorm_momentum: float = 0.99,
        synchronized: bool = False,
        **kwargs: Any,
    ) -> None:
        super().__init__(**kwargs)
        self.axis = int(axis)
        if synchronized:
            raise ValueError(
                "Argument synchronized=True is only supported with the TensorFlow backend."
            )
        self.synchronized = synchronized
        self.momentum = float(momentum)
        self.epsilon = float(epsilon)
        self.center = center
        self.scale = scale
        self.renorm = renorm
        if renorm:
            clipping = renorm_clipping or {}
            keys = ["rmax", "rmin", "dmax"]
            if set(clipping) - set(keys):
                raise ValueError(
                    f"Received invalid keys for `renorm_clipping` argument: {clipping}. "
                    f"Supported values: {keys}."
                )
            rmax, rmin, dmax = (clipping.get(key) for key in keys)
            if rmax is not None and rmin is not None and rmax < rmin:
                raise ValueError(
                    "rmax should be greater than rmin in the `renorm_clipping` argument. "
                    f"Received: rmax={rmax}, rmin={rmin}."
                )
            if dmax is not None and dmax < 0:
                raise ValueError(
                    "dmax should be non-negative in the `renorm_clipping` argument. "
                    f"Received: dmax={dmax}."
                )
        self.renorm_clipping = renorm_clipping
        self.renorm_momentum = renorm_momentum

    def _axis_size(self, input_shape: tuple) -> int:
        rank = len(input_shape)
        if not -rank <= self.axis < rank:
            raise ValueError(
                f"Axis {self.axis} is out of bounds for input shape {tuple(input_shape)}. "
                f"Received: axis={self.axis}"
            )
        channels = input_shape[self.axis]
        if channels is None:
            raise ValueError(
                f"Axis {self.axis} of the input to BatchNormalization should be defined. "
                f"Found None in input shape {tuple(input_shape)}."
            )
        return channels

    def _build(self, input_shape: tuple) -> None:
        channels = self._axis_size(input_shape)
        shape = (channels,)
        if self.scale:
            self._add_weight("gamma", shape, channels)
        if self.center:
            self._add_weight("beta", shape, channels)
        self._add_weight("moving_mean", shape, channels, trainable=False)
        self._add_weight("moving_variance", shape, channels, trainable=False)
        if self.renorm:
            for name in ("moving_stddev", "renorm_mean", "renorm_stddev"):
                self._add_weight(name, shape, channels, trainable=False)
        self.input_spec = InputSpec(ndim=len(input_shape), axes={self.axis: channels})

    def compute_output_shape(self, input_shape: tuple) -> tuple:
        self._axis_size(input_shape)
        return tuple(input_shape)

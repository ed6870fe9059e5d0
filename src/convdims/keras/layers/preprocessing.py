"""Layers that rescale, normalize or regularize without changing the shape:
``Rescaling``, ``Normalization``, ``LayerNormalization``, ``LeakyReLU`` and the spatial
dropouts.

``Normalization`` keeps the mean and variance of its ``axis`` as non-trainable weights
(plus a count), which Keras's summary counts: ``2 * C + 1`` for ``C`` channels.

>>> from convdims import keras
>>> from convdims.keras import layers
>>> x = keras.Input((8, 8, 3))
>>> norm = layers.Normalization()
>>> _ = norm(x)
>>> norm.count_params(), [w.shape for w in norm.weights]
(7, [(3,), (3,), ()])
"""

from __future__ import annotations

from convdims.description import Kind
from convdims.keras.layers._layer import InputSpec, Layer

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any, ClassVar


def _axes(axis: Any, rank: int, name: str) -> tuple[int, ...]:
    axes = (axis,) if isinstance(axis, int) else tuple(axis or ())
    normalized = []
    for a in axes:
        if not -rank <= a < rank:
            raise ValueError(
                f"All `axis` values must be in the range [-ndim, ndim). Received inputs "
                f"with ndim={rank}, while axis={axis}"
            )
        normalized.append(a % rank)
    return tuple(normalized)


class Rescaling(Layer):
    """``x * scale + offset``; no weights."""

    _kind: ClassVar[Kind] = Kind.OTHER

    def __init__(self, scale: Any, offset: Any = 0.0, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.scale = scale
        self.offset = offset
        self.built = True


class Normalization(Layer):
    """``(x - mean) / sqrt(variance)`` per feature of ``axis``; the statistics are
    non-trainable weights (``mean``, ``variance`` and a ``count``) unless given."""

    _kind: ClassVar[Kind] = Kind.NORMALIZATION

    def __init__(
        self,
        axis: Any = -1,
        mean: Any = None,
        variance: Any = None,
        invert: bool = False,
        **kwargs: Any,
    ) -> None:
        super().__init__(**kwargs)
        if axis is None:
            axis = ()
        elif isinstance(axis, int):
            axis = (axis,)
        else:
            axis = tuple(axis)
        self.axis = axis
        if (mean is not None) != (variance is not None):
            raise ValueError(
                "When setting values directly, both `mean` and `variance` must be set. "
                f"Received: mean={mean} and variance={variance}"
            )
        self.input_mean = mean
        self.input_variance = variance
        self.invert = invert

    def _build(self, input_shape: Any) -> None:
        rank = len(input_shape)
        keep = _axes(self.axis, rank, "axis")
        if any(input_shape[a] is None for a in keep):
            raise ValueError(
                "All `axis` values to be kept must have a known shape. Received axis="
                f"{self.axis}, inputs.shape={input_shape}, with unknown axis at index "
                f"{next(a for a in keep if input_shape[a] is None)}"
            )
        if len(set(keep)) < len(keep):
            # Keras builds the statistics with the axis repeated, then reshapes them to
            # the broadcast shape: that fails unless the repeated axes have size 1.
            broadcast = [input_shape[i] if i in keep and i else 1 for i in range(rank)]
            size = wanted = 1
            for a in keep:
                size *= input_shape[a]
            for n in broadcast:
                wanted *= n
            if size != wanted:
                raise ValueError(
                    f"axis={self.axis} names an axis more than once; Keras then fails "
                    f"at the first call: shape '{broadcast}' is invalid for input of size "
                    f"{size}"
                )
        if self.input_mean is None:
            shape = tuple(input_shape[a] for a in keep)
            size = 1
            for s in shape:
                size *= s
            self._add_weight("mean", shape, size, trainable=False)
            self._add_weight("variance", shape, size, trainable=False)
            self._add_weight("count", (), 1, trainable=False)


class LayerNormalization(Layer):
    """Normalize over ``axis`` per sample; ``gamma`` and ``beta`` of the axis' size
    (each dropped with ``scale=False`` / ``center=False``)."""

    _kind: ClassVar[Kind] = Kind.NORMALIZATION

    def __init__(
        self,
        axis: Any = -1,
        epsilon: float = 0.001,
        center: bool = True,
        scale: bool = True,
        beta_initializer: Any = "zeros",
        gamma_initializer: Any = "ones",
        beta_regularizer: Any = None,
        gamma_regularizer: Any = None,
        beta_constraint: Any = None,
        gamma_constraint: Any = None,
        **kwargs: Any,
    ) -> None:
        rms_scaling = kwargs.pop("rms_scaling", False)
        super().__init__(**kwargs)
        if isinstance(axis, (list, tuple)):
            self.axis = list(axis)
        elif isinstance(axis, int):
            self.axis = axis
        else:
            raise TypeError(
                "Expected an int or a list/tuple of ints for the argument 'axis', but "
                f"received: {axis}"
            )
        self.epsilon = epsilon
        self.center = center
        self.scale = scale
        self.rms_scaling = rms_scaling

    def _build(self, input_shape: Any) -> None:
        rank = len(input_shape)
        axes = _axes(self.axis, rank, "axis")
        shape = tuple(input_shape[a] for a in axes)
        if (self.scale or self.center) and None in shape:
            raise ValueError(
                "Shapes used to initialize variables must be fully-defined (no `None` "
                f"dimensions). Received: shape={shape} for variable path="
                f"'{self.name}/{'gamma' if self.scale else 'beta'}'"
            )
        size = 1
        for s in shape:
            size *= s if s is not None else 1
        if self.scale:
            self._add_weight("gamma", self._weight_shape("gamma", shape), size)
        if self.center:
            self._add_weight("beta", self._weight_shape("beta", shape), size)


class LeakyReLU(Layer):
    """``max(x, negative_slope * x)``; no weights."""

    _kind: ClassVar[Kind] = Kind.ACTIVATION

    def __init__(self, negative_slope: float = 0.3, **kwargs: Any) -> None:
        if "alpha" in kwargs:
            negative_slope = kwargs.pop("alpha")
        super().__init__(**kwargs)
        if negative_slope is None or negative_slope < 0:
            raise ValueError(
                "The negative_slope value of a Leaky ReLU layer cannot be None or "
                f"negative value. Expected a float. Received: negative_slope="
                f"{negative_slope}"
            )
        self.negative_slope = negative_slope
        self.built = True


class _SpatialDropout(Layer):
    _kind: ClassVar[Kind] = Kind.DROPOUT
    _rank: ClassVar[int] = 4

    def __init__(
        self,
        rate: float,
        seed: int | None = None,
        name: str | None = None,
        dtype: Any = None,
    ) -> None:
        super().__init__(name=name, dtype=dtype)
        if not 0 <= rate <= 1:
            raise ValueError(
                "Invalid value received for argument `rate`. Expected a float value "
                f"between 0 and 1. Received: rate={rate}"
            )
        self.rate = rate
        self.seed = seed
        self.input_spec = InputSpec(ndim=self._rank)
        self.built = True


class SpatialDropout1D(_SpatialDropout):
    """Drop whole channels of ``(batch, steps, channels)`` inputs while training."""

    _rank = 3


class SpatialDropout2D(_SpatialDropout):
    """Drop whole feature maps of 4-D inputs while training."""

    _rank = 4

    def __init__(
        self,
        rate: float,
        data_format: str | None = None,
        seed: int | None = None,
        name: str | None = None,
        dtype: Any = None,
    ) -> None:
        super().__init__(rate, seed=seed, name=name, dtype=dtype)
        self.data_format = data_format


class SpatialDropout3D(SpatialDropout2D):
    """Drop whole feature volumes of 5-D inputs while training."""

    _rank = 5

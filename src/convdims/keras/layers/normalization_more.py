"""The normalizations beside BatchNormalization and LayerNormalization:
``GroupNormalization``, ``UnitNormalization`` and ``RMSNormalization`` (Keras's
``layers/normalization/``); the shape never changes.

``GroupNormalization`` learns a scale and a shift per channel of ``axis`` (``2 * C``
parameters); ``RMSNormalization`` a scale per value of its axes.

>>> from convdims import keras
>>> from convdims.keras import layers
>>> norm = layers.GroupNormalization(groups=4)
>>> norm(keras.Input((8, 8, 16))).shape, norm.count_params()
((None, 8, 8, 16), 32)
"""

from __future__ import annotations

from convdims.description import Kind
from convdims.keras.layers._configured_arguments import resolve
from convdims.keras.layers._layer import InputSpec, Layer

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any, ClassVar


class AxisError(ValueError, IndexError):
    """An ``axis`` the input does not have, where Keras fails with IndexError (``tuple
    index out of range``): this names the argument and is both a ValueError and that
    IndexError."""


def _size_of(input_shape: tuple, axis: Any) -> Any:
    try:
        return input_shape[axis]
    except IndexError:
        raise AxisError(
            f"axis={axis} is not an axis of inputs of shape {tuple(input_shape)} "
            f"(valid: {-len(input_shape)} to {len(input_shape) - 1}); Keras fails here "
            "with IndexError"
        ) from None


class GroupNormalization(Layer):
    """Normalize over groups of channels: ``groups`` of them along ``axis``
    (``-1``: one channel a group, instance normalization); ``gamma`` and ``beta`` per
    channel, each dropped with ``scale=False`` / ``center=False``."""

    _kind: ClassVar[Kind] = Kind.NORMALIZATION

    def __init__(
        self,
        groups: int = 32,
        axis: int = -1,
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
        if not isinstance(groups, int) or (groups <= 0 and groups != -1):
            raise ValueError(
                "Received an invalid value for argument `groups`, expected a positive "
                "integer (or `-1` for instance normalization). "
                f"Received: groups={groups}"
            )
        super().__init__(**kwargs)
        self.groups = groups
        self.axis = axis
        self.epsilon = epsilon
        self.center = center
        self.scale = scale
        vars(self).update(
            resolve(
                beta_initializer=beta_initializer,
                gamma_initializer=gamma_initializer,
                beta_regularizer=beta_regularizer,
                gamma_regularizer=gamma_regularizer,
                beta_constraint=beta_constraint,
                gamma_constraint=gamma_constraint,
            )
        )

    def _build(self, input_shape: Any) -> None:
        dim = _size_of(input_shape, self.axis)
        if dim is None:
            raise ValueError(
                f"Axis {self.axis} of input tensor should have a defined dimension but "
                f"the layer received an input with shape {input_shape}."
            )
        if self.groups == -1:
            self.groups = dim
        if dim < self.groups:
            raise ValueError(
                f"Number of groups ({self.groups}) cannot be more than the number of "
                f"channels ({dim})."
            )
        if dim % self.groups != 0:
            raise ValueError(
                f"Number of groups ({self.groups}) must be a multiple of the number of "
                f"channels ({dim})."
            )
        self.input_spec = InputSpec(ndim=len(input_shape), axes={self.axis: dim})
        if self.scale:
            self._add_weight("gamma", (dim,), dim)
        if self.center:
            self._add_weight("beta", (dim,), dim)


def _check_axes(axis: Any, input_shape: tuple, message: str) -> None:
    for a in [axis] if isinstance(axis, int) else axis:
        if a >= len(input_shape) or a < -len(input_shape):
            raise ValueError(message.format(a=a))


class UnitNormalization(Layer):
    """Scale each sample to unit L2 norm along ``axis``; no weights."""

    _kind: ClassVar[Kind] = Kind.NORMALIZATION

    def __init__(self, axis: Any = -1, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        if isinstance(axis, (list, tuple)):
            self.axis = list(axis)
        elif isinstance(axis, int):
            self.axis = axis
        else:
            raise TypeError(
                "Invalid value for `axis` argument: expected an int or a list/tuple of "
                f"ints. Received: axis={axis}"
            )
        self.built = True

    def compute_output_shape(self, input_shape: Any) -> Any:
        _check_axes(
            self.axis,
            input_shape,
            f"Axis {self.axis} is out of bounds for input shape {input_shape}.",
        )
        return input_shape


class RMSNormalization(Layer):
    """Divide by the root mean square over ``axis``, then scale: a ``scale`` weight of
    the sizes of those axes."""

    _kind: ClassVar[Kind] = Kind.NORMALIZATION

    def __init__(self, axis: Any = -1, epsilon: float = 1e-06, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.axis = axis
        self.epsilon = epsilon

    def _build(self, input_shape: Any) -> None:
        if isinstance(self.axis, (list, tuple)):
            self.axis = sorted(self.axis)
            shape = tuple(_size_of(input_shape, a) for a in self.axis)
        else:
            shape = (_size_of(input_shape, self.axis),)
            self.axis = [self.axis]
        self.add_weight(name="scale", shape=shape)

    def compute_output_shape(self, input_shape: Any) -> Any:
        for a in self.axis:
            if a >= len(input_shape) or a < -len(input_shape):
                raise ValueError(
                    f"Axis {a} is out of bounds for input shape {input_shape}. "
                    f"Received: axis={self.axis}"
                )
        return input_shape


__all__ = ["AxisError", "GroupNormalization", "RMSNormalization", "UnitNormalization"]

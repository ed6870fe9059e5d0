"""Activation layers with an argument or a weight: ``ELU``, ``PReLU`` and ``Softmax``
(Keras's ``layers/activations/``); the shape never changes.

``PReLU`` learns one slope per input value (the batch axis aside), or one per
``shared_axes`` slice.

>>> from convdims import keras
>>> from convdims.keras import layers
>>> prelu = layers.PReLU(shared_axes=[1, 2])
>>> prelu(keras.Input((8, 8, 3))).shape, prelu.count_params()
((None, 8, 8, 3), 3)
"""

from __future__ import annotations

from convdims.description import Kind
from convdims.keras.layers._configured_arguments import resolve
from convdims.keras.layers._layer import InputSpec, Layer

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any, ClassVar


class ELU(Layer):
    """``x`` above 0, ``alpha * (exp(x) - 1)`` below; no weights."""

    _kind: ClassVar[Kind] = Kind.ACTIVATION

    def __init__(self, alpha: float = 1.0, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.alpha = alpha
        self.built = True


class Softmax(Layer):
    """Softmax along ``axis``; no weights."""

    _kind: ClassVar[Kind] = Kind.ACTIVATION

    def __init__(self, axis: Any = -1, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.axis = axis
        self.built = True


class PReLU(Layer):
    """A leaky ReLU whose slopes are weights: ``alpha`` of the input's shape without
    the batch axis, with 1 on each of ``shared_axes`` (Keras's ``prelu.py``)."""

    _kind: ClassVar[Kind] = Kind.ACTIVATION

    def __init__(
        self,
        alpha_initializer: Any = "Zeros",
        alpha_regularizer: Any = None,
        alpha_constraint: Any = None,
        shared_axes: Any = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(**kwargs)
        resolved = resolve(
            alpha_initializer=alpha_initializer,
            alpha_regularizer=alpha_regularizer,
            alpha_constraint=alpha_constraint,
        )
        self.alpha_initializer = resolved["alpha_initializer"]
        self.alpha_regularizer = resolved["alpha_regularizer"]
        self.alpha_constraint = resolved["alpha_constraint"]
        if shared_axes is None:
            self.shared_axes = None
        elif not isinstance(shared_axes, (list, tuple)):
            self.shared_axes = [shared_axes]
        else:
            self.shared_axes = list(shared_axes)

    def _build(self, input_shape: Any) -> None:
        shape = list(input_shape[1:])
        if self.shared_axes is not None:
            for i in self.shared_axes:
                try:
                    shape[i - 1] = 1
                except (IndexError, TypeError):
                    raise SharedAxisError(
                        f"shared_axes={self.shared_axes} names axis {i}, which inputs of "
                        f"shape {tuple(input_shape)} do not have (valid: 1 to "
                        f"{len(input_shape) - 1}); Keras fails here with IndexError"
                    ) from None
        self.add_weight(shape=shape, name="alpha")
        axes = {}
        if self.shared_axes:
            for i in range(1, len(input_shape)):
                if i not in self.shared_axes:
                    axes[i] = input_shape[i]
        self.input_spec = InputSpec(ndim=len(input_shape), axes=axes)


class SharedAxisError(ValueError, IndexError):
    """An axis of ``shared_axes`` the input does not have: Keras's ``PReLU`` fails with
    IndexError (``list assignment index out of range``); this names the argument and is
    both a ValueError and that IndexError."""


__all__ = ["ELU", "PReLU", "SharedAxisError", "Softmax"]

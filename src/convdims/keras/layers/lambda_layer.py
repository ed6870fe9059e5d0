"""``Lambda``: a function of tensors as a layer; its output shape is what the function
returns on placeholder tensors (as Keras computes it), or ``output_shape`` when given.

>>> from convdims import keras
>>> from convdims.keras import layers
>>> layers.Lambda(lambda x: x[:, ::2])(keras.Input((10, 3))).shape
(None, 5, 3)
"""

from __future__ import annotations

from convdims.description import Kind
from convdims.keras.layers._layer import Layer

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any, ClassVar


class Lambda(Layer):
    """Wrap ``function`` (which must not create weights) as a layer."""

    _kind: ClassVar[Kind] = Kind.OTHER

    def __init__(
        self,
        function: Any,
        output_shape: Any = None,
        mask: Any = None,
        arguments: Any = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(**kwargs)
        if not callable(function):
            raise TypeError(
                "Argument `function` must be a callable. "
                f"Received: function={function} (of type {type(function)})"
            )
        self.function = function
        self._output_shape = output_shape
        self.mask = mask
        self.arguments = arguments or {}
        self.built = True

    def call(self, inputs: Any, mask: Any = None, training: Any = None) -> Any:
        return self.function(inputs, **self.arguments)

    def compute_output_shape(self, input_shape: Any) -> Any:
        if self._output_shape is None:
            return self._shape_of_call(input_shape)
        if callable(self._output_shape):
            return self._output_shape(input_shape)
        return (input_shape[0], *tuple(self._output_shape))

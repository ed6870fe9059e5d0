"""What the layers that hold other layers (RNNs and their cells, wrappers, attention)
share: weights gathered from the held layers, calls that take extra tensors
(``initial_state``, an attention's ``value``), and outputs of nested shapes."""

from __future__ import annotations

from convdims.keras._graph import KerasTensor, Node, flatten
from convdims.keras.layers._arguments import standardize_shape
from convdims.keras.layers._input_spec import assert_input_compatibility
from convdims.keras.layers._layer import Layer, _shapes_of

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any


def is_shape(value: Any) -> bool:
    """Whether ``value`` is one shape (a tuple of sizes), not a structure of shapes.

    >>> is_shape((None, 3)), is_shape([(None, 3), (None, 4)]), is_shape(())
    (True, False, True)
    """
    return isinstance(value, tuple) and all(d is None or isinstance(d, int) for d in value)


class Holder(Layer):
    """A layer whose weights are those of the layers it holds (``_held``), then its
    own, and whose outputs may be a nested structure of tensors."""

    def _held(self) -> list[Layer]:
        return []

    @property
    def weights(self) -> list[Any]:
        weights = []
        for layer in self._held():
            if isinstance(layer, Layer):
                weights += layer.weights
        return weights + list(self._weights)

    def _make_outputs(self, output_shape: Any) -> Any:
        if is_shape(output_shape):
            return KerasTensor(standardize_shape(output_shape), self._compute_dtype)
        return [self._make_outputs(s) for s in output_shape]

    def _call_with(self, inputs: Any, others: Any, compute: Any) -> Any:
        """Layer.__call__ for a call whose first argument is ``inputs`` and which takes
        ``others`` tensors too (recorded as inputs of the call, as Keras records every
        tensor argument): the input spec checks ``inputs``; ``compute`` gets the shapes
        of ``inputs`` and of ``others`` and returns the output shape(s)."""
        shapes = _shapes_of(inputs)
        others = [x for x in flatten(others) if x is not None]
        other_shapes = [_shapes_of(x) for x in others]
        flat = flatten(inputs)
        if not flat:
            raise ValueError(f"Layer '{self.name}' was called without any input tensor.")
        assert_input_compatibility(self.input_spec, flat, self.name)
        if not self.built:
            self._build_with(shapes, other_shapes)
            self.built = True
            assert_input_compatibility(self.input_spec, flat, self.name)
        outputs = self._make_outputs(compute(shapes, other_shapes))
        Node(self, [*flat, *others] if others else inputs, outputs)
        return outputs

    def _build_with(self, shapes: Any, other_shapes: list) -> None:
        self.build(shapes)

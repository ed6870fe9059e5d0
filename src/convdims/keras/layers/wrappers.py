"""Layers that wrap another layer: ``Wrapper`` (their base), ``TimeDistributed`` (the
layer applied to every step of the time axis) and ``Bidirectional`` (a recurrent layer
run forwards and backwards), as in Keras's ``core/wrapper.py`` and ``layers/rnn/``.

A wrapper's weights are its layer's: ``Bidirectional`` has two copies of the layer
(``forward_<name>`` and ``backward_<name>``), so twice its parameters.

>>> from convdims import keras
>>> from convdims.keras import layers
>>> bi = layers.Bidirectional(layers.LSTM(16))
>>> bi(keras.Input((10, 8))).shape, bi.count_params()
((None, 32), 3200)
>>> td = layers.TimeDistributed(layers.Dense(5))
>>> td(keras.Input((10, 8))).shape, td.count_params()
((None, 10, 5), 45)
"""

from __future__ import annotations

from convdims.description import Kind
from convdims.keras.layers._layer import Layer
from convdims.keras.layers._nested import Holder
from convdims.keras.layers.rnn import copy_layer

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any, ClassVar


class Wrapper(Holder):
    """The base of the layers that wrap ``layer``; its weights are the layer's."""

    def __init__(self, layer: Any, **kwargs: Any) -> None:
        if not isinstance(layer, Layer):
            raise ValueError(
                f"Layer {layer} supplied to Wrapper isn't a supported layer type. Please "
                "ensure wrapped layer is a valid Keras layer."
            )
        super().__init__(**kwargs)
        self.layer = layer

    def _held(self) -> list[Layer]:
        return [self.layer]

    def _build(self, input_shape: Any) -> None:
        if not self.layer.built:
            self.layer.build(input_shape)
            self.layer.built = True


class TimeDistributed(Wrapper):
    """Apply ``layer`` to every step of the time axis (axis 1): the layer sees
    ``(batch, *rest)`` and the output keeps the steps."""

    def __init__(self, layer: Any, **kwargs: Any) -> None:
        if not isinstance(layer, Layer):
            raise ValueError(
                "Please initialize `TimeDistributed` layer with a "
                f"`keras.layers.Layer` instance. Received: {layer}"
            )
        super().__init__(layer, **kwargs)
        # What the layer is, for the analysis: what it wraps.
        self._kind = layer._kind

    def _child_input_shape(self, input_shape: Any) -> tuple:
        if not isinstance(input_shape, (tuple, list)) or len(input_shape) < 3:
            raise ValueError(
                "`TimeDistributed` Layer should be passed an `input_shape` with at "
                f"least 3 dimensions, received: {input_shape}"
            )
        return (input_shape[0], *input_shape[2:])

    def _build(self, input_shape: Any) -> None:
        super()._build(self._child_input_shape(input_shape))

    def compute_output_shape(self, input_shape: Any) -> Any:
        child = self.layer.compute_output_shape(self._child_input_shape(input_shape))
        return (child[0], input_shape[1], *child[1:])

    def _record_fields(self, input_shape: tuple, output_shape: tuple) -> dict[str, Any]:
        child_in = self._child_input_shape(input_shape)
        child_out = (output_shape[0], *output_shape[2:])
        return self.layer._record_fields(child_in, child_out)


_MERGE_MODES = ["sum", "mul", "ave", "concat", None]


class Bidirectional(Holder):
    """Run a recurrent ``layer`` forwards and a copy of it backwards (or
    ``backward_layer``), and merge the two outputs by ``merge_mode``: ``"concat"``
    (twice the features), ``"sum"``, ``"mul"``, ``"ave"``, or None (both outputs)."""

    _kind: ClassVar[Kind] = Kind.RECURRENT

    def __init__(
        self,
        layer: Any,
        merge_mode: Any = "concat",
        weights: Any = None,
        backward_layer: Any = None,
        **kwargs: Any,
    ) -> None:
        if not isinstance(layer, Layer):
            raise ValueError(
                "Please initialize `Bidirectional` layer with a `keras.layers.Layer` "
                f"instance. Received: {layer}"
            )
        if backward_layer is not None and not isinstance(backward_layer, Layer):
            raise ValueError(
                "`backward_layer` need to be a `keras.layers.Layer` instance. "
                f"Received: {backward_layer}"
            )
        if merge_mode not in _MERGE_MODES:
            raise ValueError(
                f"Invalid merge mode. Received: {merge_mode}. Merge mode should be one "
                'of {"sum", "mul", "ave", "concat", None}'
            )
        super().__init__(**kwargs)
        forward_name = "forward_" + layer.name.removeprefix("forward_")
        self.forward_layer = copy_layer(layer, name=forward_name)
        if backward_layer is None:
            backward_name = "backward_" + layer.name.removeprefix("backward_")
            self.backward_layer = copy_layer(layer, go_backwards=True, name=backward_name)
        else:
            self.backward_layer = backward_layer
        self._verify_layer_config()
        self.merge_mode = merge_mode
        self.stateful = layer.stateful
        self.return_sequences = layer.return_sequences
        self.return_state = layer.return_state
        self.input_spec = layer.input_spec

    def _verify_layer_config(self) -> None:
        forward, backward = self.forward_layer, self.backward_layer
        if forward.go_backwards == backward.go_backwards:
            raise ValueError(
                "Forward layer and backward layer should have different `go_backwards` "
                f"value. Received: forward_layer.go_backwards {forward.go_backwards}, "
                f"backward_layer.go_backwards={backward.go_backwards}"
            )
        for a in ("stateful", "return_sequences", "return_state"):
            forward_value, backward_value = getattr(forward, a), getattr(backward, a)
            if forward_value != backward_value:
                raise ValueError(
                    "Forward layer and backward layer are expected to have the same "
                    f'value for attribute "{a}", got "{forward_value}" for forward '
                    f'layer and "{backward_value}" for backward layer'
                )

    def _held(self) -> list[Layer]:
        return [self.forward_layer, self.backward_layer]

    def __call__(
        self,
        sequences: Any,
        initial_state: Any = None,
        mask: Any = None,
        training: Any = None,
        **kwargs: Any,
    ) -> Any:
        """Run both layers over ``sequences``; ``initial_state`` tensors (the forward
        states, then the backward ones) are inputs of the call."""
        return self._call_with(
            sequences, initial_state, lambda shape, _: self.compute_output_shape(shape)
        )

    def _build(self, sequences_shape: Any) -> None:
        if not self.forward_layer.built:
            self.forward_layer.build(sequences_shape)
            self.forward_layer.built = True
        if not self.backward_layer.built:
            self.backward_layer.build(sequences_shape)
            self.backward_layer.built = True

    def compute_output_shape(
        self, sequences_shape: Any, initial_state_shape: Any = None
    ) -> Any:
        output_shape = self.forward_layer.compute_output_shape(sequences_shape)
        state_shape: list = []
        if self.return_state:
            output_shape, state_shape = output_shape[0], list(output_shape[1:])
        if self.merge_mode == "concat":
            output_shape = list(output_shape)
            output_shape[-1] *= 2
            output_shape = tuple(output_shape)
        elif self.merge_mode is None:
            output_shape = [output_shape, output_shape]
        if self.return_state:
            if self.merge_mode is None:
                return [*output_shape, *state_shape, *state_shape]
            return [output_shape, *state_shape, *state_shape]
        return output_shape if self.merge_mode is not None else list(output_shape)

    def _record_fields(self, input_shape: tuple, output_shape: Any) -> dict[str, Any]:
        return self.forward_layer._record_fields(input_shape, output_shape)


class SpectralNormalization(Wrapper):
    """Divide the wrapped layer's kernel (or embeddings) by its largest singular value
    (Miyato 2018): the layer's weights plus a non-trainable ``vector_u`` of
    ``(1, last kernel axis)``."""

    def __init__(self, layer: Any, power_iterations: int = 1, **kwargs: Any) -> None:
        super().__init__(layer, **kwargs)
        if power_iterations <= 0:
            raise ValueError(
                "`power_iterations` should be greater than zero. Received: "
                f"`power_iterations={power_iterations}`"
            )
        self.power_iterations = power_iterations
        self._kind = layer._kind

    def _build(self, input_shape: Any) -> None:
        from convdims.keras.layers._layer import InputSpec

        super()._build(input_shape)
        self.input_spec = InputSpec(min_ndim=1, axes={-1: input_shape[-1]})
        kernels = [w for w in self.layer.weights if w.name in ("kernel", "embeddings")]
        if not kernels:
            raise ValueError(
                f"{type(self.layer).__name__} object has no attribute 'kernel' nor "
                "'embeddings'"
            )
        last = kernels[0].shape[-1]
        self._add_weight("vector_u", (1, last), last, trainable=False)

    def compute_output_shape(self, input_shape: Any) -> Any:
        return self.layer.compute_output_shape(input_shape)

    def _record_fields(self, input_shape: tuple, output_shape: Any) -> dict[str, Any]:
        return self.layer._record_fields(input_shape, output_shape)


__all__ = ["Bidirectional", "SpectralNormalization", "TimeDistributed", "Wrapper"]

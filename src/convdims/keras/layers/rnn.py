"""Keras's recurrent layers: the cells (``SimpleRNNCell``, ``LSTMCell``, ``GRUCell``,
``StackedRNNCells``), the ``RNN`` layer that runs a cell over the time axis, and
``SimpleRNN``, ``LSTM`` and ``GRU`` (Keras's ``layers/rnn/``).

Inputs are ``(batch, timesteps, features)``. A cell of ``units`` holds a ``kernel``
``(features, g * units)``, a ``recurrent_kernel`` ``(units, g * units)`` and a ``bias``
``(g * units,)``, with ``g`` gates: 1 (SimpleRNN), 4 (LSTM), 3 (GRU, whose bias is
``(2, 3 * units)`` with ``reset_after=True``, Keras's default). The output is the last
step's ``(batch, units)``, every step's with ``return_sequences=True``, followed by
the final states with ``return_state=True``.

>>> from convdims import keras
>>> from convdims.keras import layers
>>> lstm = layers.LSTM(32, return_sequences=True)
>>> lstm(keras.Input((10, 8))).shape, lstm.count_params()
((None, 10, 32), 5248)
>>> gru = layers.GRU(16, return_state=True)
>>> [t.shape for t in gru(keras.Input((None, 4)))], gru.count_params()
([(None, 16), (None, 16)], 1056)
"""

from __future__ import annotations

from convdims.description import Kind
from convdims.keras.layers._configured_arguments import resolve
from convdims.keras.layers._layer import InputSpec, Layer
from convdims.keras.layers._nested import Holder, is_shape

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any, ClassVar


def _check_units(units: Any) -> None:
    if units <= 0:
        raise ValueError(
            "Received an invalid value for argument `units`, expected a positive "
            f"integer, got {units}."
        )


class _Cell(Layer):
    """What the three cells share: ``units``, the activations, the initializers,
    regularizers and constraints resolved as Keras resolves them, and three weights of
    ``_gates`` gates."""

    _kind: ClassVar[Kind] = Kind.RECURRENT
    _gates: ClassVar[int] = 1
    _activations: ClassVar[tuple[str, ...]] = ("activation",)

    def _setup(self, units: Any, arguments: dict[str, Any], **kwargs: Any) -> None:
        from convdims.keras import activations

        _check_units(units)
        self._arguments = {"units": units, **arguments, **kwargs}
        kwargs.pop("implementation", None)
        Layer.__init__(self, **kwargs)
        self.units = units
        for name in self._activations:
            setattr(self, name, activations.get(arguments.pop(name)))
        self.use_bias = arguments.pop("use_bias")
        self.dropout = min(1.0, max(0.0, arguments.pop("dropout")))
        self.recurrent_dropout = min(1.0, max(0.0, arguments.pop("recurrent_dropout")))
        self.seed = arguments.pop("seed")
        vars(self).update(resolve(**arguments))
        self.output_size = units

    def _bias_shape(self) -> tuple[int, ...]:
        return (self._gates * self.units,)

    def _copy(self, **changes: Any) -> _Cell:
        """A new cell of the same arguments and name, but ``changes``."""
        return type(self)(**{**self._arguments, "name": self.name, **changes})

    def _build(self, input_shape: Any) -> None:
        gates = self._gates * self.units
        self.add_weight(shape=(input_shape[-1], gates), name="kernel")
        self.add_weight(shape=(self.units, gates), name="recurrent_kernel")
        if self.use_bias:
            self.add_weight(shape=self._bias_shape(), name="bias")

    def _record_fields(self, input_shape: tuple, output_shape: tuple) -> dict[str, Any]:
        return {"in_channels": input_shape[-1] or 0, "out_channels": int(self.units)}


class SimpleRNNCell(_Cell):
    """One step of a fully connected RNN: ``h = activation(x W + h U + b)``."""

    def __init__(
        self,
        units: int,
        activation: Any = "tanh",
        use_bias: bool = True,
        kernel_initializer: Any = "glorot_uniform",
        recurrent_initializer: Any = "orthogonal",
        bias_initializer: Any = "zeros",
        kernel_regularizer: Any = None,
        recurrent_regularizer: Any = None,
        bias_regularizer: Any = None,
        kernel_constraint: Any = None,
        recurrent_constraint: Any = None,
        bias_constraint: Any = None,
        dropout: float = 0.0,
        recurrent_dropout: float = 0.0,
        seed: Any = None,
        **kwargs: Any,
    ) -> None:
        arguments = dict(locals())
        for name in ("self", "kwargs", "units", "__class__"):
            arguments.pop(name, None)
        self._setup(units, arguments, **kwargs)
        self.state_size = units


class LSTMCell(_Cell):
    """One step of an LSTM: four gates, two states (``h`` and ``c``)."""

    _gates = 4
    _activations = ("activation", "recurrent_activation")

    def __init__(
        self,
        units: int,
        activation: Any = "tanh",
        recurrent_activation: Any = "sigmoid",
        use_bias: bool = True,
        kernel_initializer: Any = "glorot_uniform",
        recurrent_initializer: Any = "orthogonal",
        bias_initializer: Any = "zeros",
        unit_forget_bias: bool = True,
        kernel_regularizer: Any = None,
        recurrent_regularizer: Any = None,
        bias_regularizer: Any = None,
        kernel_constraint: Any = None,
        recurrent_constraint: Any = None,
        bias_constraint: Any = None,
        dropout: float = 0.0,
        recurrent_dropout: float = 0.0,
        seed: Any = None,
        **kwargs: Any,
    ) -> None:
        arguments = dict(locals())
        for name in ("self", "kwargs", "units", "__class__", "unit_forget_bias"):
            arguments.pop(name, None)
        self._setup(units, arguments, **kwargs)
        self._arguments["unit_forget_bias"] = unit_forget_bias
        self.unit_forget_bias = unit_forget_bias
        self.state_size = [units, units]


class GRUCell(_Cell):
    """One step of a GRU: three gates, one state; with ``reset_after`` (the default)
    the input and recurrent biases are apart, a ``(2, 3 * units)`` bias."""

    _gates = 3
    _activations = ("activation", "recurrent_activation")

    def __init__(
        self,
        units: int,
        activation: Any = "tanh",
        recurrent_activation: Any = "sigmoid",
        use_bias: bool = True,
        kernel_initializer: Any = "glorot_uniform",
        recurrent_initializer: Any = "orthogonal",
        bias_initializer: Any = "zeros",
        kernel_regularizer: Any = None,
        recurrent_regularizer: Any = None,
        bias_regularizer: Any = None,
        kernel_constraint: Any = None,
        recurrent_constraint: Any = None,
        bias_constraint: Any = None,
        dropout: float = 0.0,
        recurrent_dropout: float = 0.0,
        reset_after: bool = True,
        seed: Any = None,
        **kwargs: Any,
    ) -> None:
        arguments = dict(locals())
        for name in ("self", "kwargs", "units", "__class__", "reset_after"):
            arguments.pop(name, None)
        self._setup(units, arguments, **kwargs)
        self._arguments["reset_after"] = reset_after
        self.reset_after = reset_after
        self.state_size = units

    def _bias_shape(self) -> tuple[int, ...]:
        if self.reset_after:
            return (2, 3 * self.units)
        return (3 * self.units,)


def copy_layer(layer: Any, **changes: Any) -> Any:
    """A copy of ``layer`` with ``changes`` to its arguments, as Keras makes one from the
    layer's config (``Bidirectional`` does).

    Raises:
        ValueError: a layer convdims cannot copy (one of the user's classes without
            ``get_config``/``from_config`` that take its arguments).
    """
    if hasattr(layer, "_copy"):
        return layer._copy(**changes)
    try:
        config = {**layer.get_config(), **changes}
        make = getattr(type(layer), "from_config", None) or type(layer)
        return make(config) if make is not type(layer) else make(**config)
    except Exception as error:  # noqa: BLE001 - any failure means: cannot be copied
        raise ValueError(
            f"layer={layer.name!r} ({type(layer).__name__}) cannot be copied from its "
            f"config ({error}); Keras copies the layer a Bidirectional wraps: give its "
            "class a get_config() returning its arguments"
        ) from None


def _output_size_of(cell: Any) -> Any:
    if getattr(cell, "output_size", None) is not None:
        return cell.output_size
    if isinstance(cell.state_size, (list, tuple)):
        return cell.state_size[0]
    return cell.state_size


class StackedRNNCells(Holder):
    """Cells run one after the other at each step, as one cell: its states are theirs,
    its output the last one's."""

    _kind: ClassVar[Kind] = Kind.RECURRENT

    def __init__(self, cells: Any, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        for cell in cells:
            if "call" not in dir(cell):
                raise ValueError(
                    "All cells must have a `call` method. "
                    f"Received cell without a `call` method: {cell}"
                )
            if "state_size" not in dir(cell):
                raise ValueError(
                    "All cells must have a `state_size` attribute. "
                    f"Received cell without a `state_size`: {cell}"
                )
        self.cells = cells
        self._arguments = kwargs

    def _copy(self, **changes: Any) -> StackedRNNCells:
        """New cells of the same arguments (Keras copies them through their config)."""
        cells = [copy_layer(cell) for cell in self.cells]
        return StackedRNNCells(cells, **{**self._arguments, "name": self.name, **changes})

    def _held(self) -> list[Layer]:
        return list(self.cells)

    @property
    def state_size(self) -> list[Any]:
        return [c.state_size for c in self.cells]

    @property
    def output_size(self) -> Any:
        return _output_size_of(self.cells[-1])

    def _build(self, input_shape: Any) -> None:
        for cell in self.cells:
            if isinstance(cell, Layer) and not cell.built:
                cell.build(input_shape)
                cell.built = True
            batch = input_shape[0] if is_shape(input_shape) else input_shape[0][0]
            input_shape = (batch, _output_size_of(cell))


class RNN(Holder):
    """Run ``cell`` (a list of cells: a ``StackedRNNCells``) over the time axis.

    Called on ``(batch, timesteps, features)``, optionally with ``initial_state``
    tensors (recorded as inputs of the call, as Keras records them).
    """

    _kind: ClassVar[Kind] = Kind.RECURRENT

    def __init__(
        self,
        cell: Any,
        return_sequences: bool = False,
        return_state: bool = False,
        go_backwards: bool = False,
        stateful: bool = False,
        unroll: bool = False,
        zero_output_for_mask: bool = False,
        **kwargs: Any,
    ) -> None:
        if isinstance(cell, (list, tuple)):
            cell = StackedRNNCells(cell)
        if "call" not in dir(cell):
            raise ValueError(
                f"Argument `cell` should have a `call` method. Received: cell={cell}"
            )
        if "state_size" not in dir(cell):
            raise ValueError(
                "The RNN cell should have a `state_size` attribute (single integer or "
                "list of integers, one integer per RNN state). "
                f"Received: cell={cell}"
            )
        super().__init__(**kwargs)
        self._rnn_arguments = {
            "return_sequences": return_sequences,
            "return_state": return_state,
            "go_backwards": go_backwards,
            "stateful": stateful,
            "unroll": unroll,
            "zero_output_for_mask": zero_output_for_mask,
            **kwargs,
        }
        self.zero_output_for_mask = zero_output_for_mask
        self.cell = cell
        self.return_sequences = return_sequences
        self.return_state = return_state
        self.go_backwards = go_backwards
        self.stateful = stateful
        self.unroll = unroll
        state_size = getattr(self.cell, "state_size", None)
        if state_size is None:
            raise ValueError("state_size must be specified as property on the RNN cell.")
        if not isinstance(state_size, (list, tuple, int)):
            raise ValueError(
                "state_size must be an integer, or a list/tuple of integers (one for "
                "each state tensor)."
            )
        if isinstance(state_size, int):
            self.state_size = [state_size]
            self.single_state = True
        else:
            self.state_size = list(state_size)
            self.single_state = False

    def _held(self) -> list[Layer]:
        return [self.cell]

    def _copy(self, **changes: Any) -> RNN:
        """A new RNN of a copy of the cell and the same arguments but ``changes``
        (Keras copies a layer through its config)."""
        return RNN(copy_layer(self.cell), **{**self._rnn_arguments, **changes})

    def __call__(
        self,
        sequences: Any,
        initial_state: Any = None,
        mask: Any = None,
        training: Any = None,
        **kwargs: Any,
    ) -> Any:
        """Run over ``sequences``; ``initial_state`` tensors are inputs of the call."""
        return self._call_with(
            sequences, initial_state, lambda shape, _: self.compute_output_shape(shape)
        )

    def _build(self, sequences_shape: Any) -> None:
        step_input_shape = (sequences_shape[0], *tuple(sequences_shape[2:]))
        if isinstance(self.cell, Layer) and not self.cell.built:
            self.cell.build(step_input_shape)
            self.cell.built = True
        if self.stateful and sequences_shape[0] is None:
            raise ValueError(
                "When using `stateful=True` in a RNN, the batch size must be static. "
                f"Found dynamic batch size: sequence.shape={sequences_shape}"
            )

    def compute_output_shape(
        self, sequences_shape: Any, initial_state_shape: Any = None
    ) -> Any:
        batch_size = sequences_shape[0]
        length = sequences_shape[1]
        states_shape: list[Any] = []
        for state_size in self.state_size:
            if isinstance(state_size, int):
                states_shape.append((batch_size, state_size))
            elif isinstance(state_size, (list, tuple)):
                states_shape.append([(batch_size, s) for s in state_size])
        output_size = getattr(self.cell, "output_size", None)
        if output_size is None:
            output_size = self.state_size[0]
        if not isinstance(output_size, int):
            raise ValueError("output_size must be an integer.")
        if self.return_sequences:
            output_shape: tuple = (batch_size, length, output_size)
        else:
            output_shape = (batch_size, output_size)
        if self.return_state:
            return [output_shape, *states_shape]
        return output_shape

    def _record_fields(self, input_shape: tuple, output_shape: tuple) -> dict[str, Any]:
        output_size = getattr(self.cell, "output_size", None) or self.state_size[0]
        return {"in_channels": input_shape[-1] or 0, "out_channels": int(output_size)}


class _Recurrent(RNN):
    """SimpleRNN, LSTM and GRU: an RNN of their own cell (named ``<layer>_cell``),
    on 3-D inputs; they keep their arguments to be copied (``Bidirectional``)."""

    _cell: ClassVar[type] = SimpleRNNCell
    _cell_name: ClassVar[str] = "simple_rnn_cell"
    _layer_arguments = (
        "return_sequences",
        "return_state",
        "go_backwards",
        "stateful",
        "unroll",
        "activity_regularizer",
    )

    def _setup(self, arguments: dict[str, Any], kwargs: dict[str, Any]) -> None:
        self._arguments = {**arguments, **kwargs}
        cell_arguments = {
            k: v
            for k, v in arguments.items()
            if k not in self._layer_arguments and k != "use_cudnn"
        }
        cell = self._cell(
            **cell_arguments,
            dtype=kwargs.get("dtype"),
            trainable=kwargs.get("trainable", True),
            name=self._cell_name,
            **(
                {"implementation": kwargs.pop("implementation")}
                if "implementation" in kwargs
                else {}
            ),
        )
        RNN.__init__(
            self,
            cell,
            **{k: arguments[k] for k in self._layer_arguments},
            **kwargs,
        )
        self.input_spec = InputSpec(ndim=3)
        if "use_cudnn" in arguments:
            use_cudnn = arguments["use_cudnn"]
            if use_cudnn not in ("auto", True, False):
                raise ValueError(
                    "Invalid valid received for argument `use_cudnn`. Expected one of "
                    f"{{'auto', True, False}}. Received: use_cudnn={use_cudnn}"
                )
            self.use_cudnn = use_cudnn

    @property
    def units(self) -> Any:
        return self.cell.units

    def _copy(self, **changes: Any) -> _Recurrent:
        """A new layer of the same arguments but ``changes`` (Keras copies a layer
        through its config)."""
        return type(self)(**{**self._arguments, **changes})


def _arguments_of(frame_locals: dict[str, Any]) -> dict[str, Any]:
    arguments = dict(frame_locals)
    for name in ("self", "kwargs", "__class__"):
        arguments.pop(name, None)
    return arguments


class SimpleRNN(_Recurrent):
    """A fully connected RNN whose output is fed back as its input."""

    def __init__(
        self,
        units: int,
        activation: Any = "tanh",
        use_bias: bool = True,
        kernel_initializer: Any = "glorot_uniform",
        recurrent_initializer: Any = "orthogonal",
        bias_initializer: Any = "zeros",
        kernel_regularizer: Any = None,
        recurrent_regularizer: Any = None,
        bias_regularizer: Any = None,
        activity_regularizer: Any = None,
        kernel_constraint: Any = None,
        recurrent_constraint: Any = None,
        bias_constraint: Any = None,
        dropout: float = 0.0,
        recurrent_dropout: float = 0.0,
        return_sequences: bool = False,
        return_state: bool = False,
        go_backwards: bool = False,
        stateful: bool = False,
        unroll: bool = False,
        seed: Any = None,
        **kwargs: Any,
    ) -> None:
        self._setup(_arguments_of(locals()), kwargs)
        self.input_spec = [InputSpec(ndim=3)]


class LSTM(_Recurrent):
    """Long short-term memory (Hochreiter 1997): ``4 * (features + units + 1) *
    units`` parameters."""

    _cell = LSTMCell
    _cell_name = "lstm_cell"

    def __init__(
        self,
        units: int,
        activation: Any = "tanh",
        recurrent_activation: Any = "sigmoid",
        use_bias: bool = True,
        kernel_initializer: Any = "glorot_uniform",
        recurrent_initializer: Any = "orthogonal",
        bias_initializer: Any = "zeros",
        unit_forget_bias: bool = True,
        kernel_regularizer: Any = None,
        recurrent_regularizer: Any = None,
        bias_regularizer: Any = None,
        activity_regularizer: Any = None,
        kernel_constraint: Any = None,
        recurrent_constraint: Any = None,
        bias_constraint: Any = None,
        dropout: float = 0.0,
        recurrent_dropout: float = 0.0,
        seed: Any = None,
        return_sequences: bool = False,
        return_state: bool = False,
        go_backwards: bool = False,
        stateful: bool = False,
        unroll: bool = False,
        use_cudnn: Any = "auto",
        **kwargs: Any,
    ) -> None:
        self._setup(_arguments_of(locals()), kwargs)


class GRU(_Recurrent):
    """Gated recurrent unit (Cho 2014): ``3 * (features + units + 2) * units``
    parameters with ``reset_after=True``, ``3 * (features + units + 1) * units``
    without."""

    _cell = GRUCell
    _cell_name = "gru_cell"

    def __init__(
        self,
        units: int,
        activation: Any = "tanh",
        recurrent_activation: Any = "sigmoid",
        use_bias: bool = True,
        kernel_initializer: Any = "glorot_uniform",
        recurrent_initializer: Any = "orthogonal",
        bias_initializer: Any = "zeros",
        kernel_regularizer: Any = None,
        recurrent_regularizer: Any = None,
        bias_regularizer: Any = None,
        activity_regularizer: Any = None,
        kernel_constraint: Any = None,
        recurrent_constraint: Any = None,
        bias_constraint: Any = None,
        dropout: float = 0.0,
        recurrent_dropout: float = 0.0,
        seed: Any = None,
        return_sequences: bool = False,
        return_state: bool = False,
        go_backwards: bool = False,
        stateful: bool = False,
        unroll: bool = False,
        reset_after: bool = True,
        use_cudnn: Any = "auto",
        **kwargs: Any,
    ) -> None:
        self._setup(_arguments_of(locals()), kwargs)


__all__ = [
    "GRU",
    "GRUCell",
    "LSTM",
    "LSTMCell",
    "RNN",
    "SimpleRNN",
    "SimpleRNNCell",
    "StackedRNNCells",
]

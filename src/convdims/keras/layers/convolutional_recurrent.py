"""Keras's convolutional LSTMs: ``ConvLSTM1D``, ``ConvLSTM2D`` and ``ConvLSTM3D``
(Keras's ``rnn/conv_lstm*.py``): an LSTM whose four gates are convolutions, run over
the time axis of ``(batch, time, *spatial, channels)``.

The cell holds a ``kernel`` ``(*kernel_size, channels, 4 * filters)``, a
``recurrent_kernel`` ``(*kernel_size, filters, 4 * filters)`` and a ``bias``
``(4 * filters,)``; each step's output is the convolution's output.

>>> from convdims import keras
>>> from convdims.keras import layers
>>> layer = layers.ConvLSTM2D(8, 3, return_sequences=True)
>>> layer(keras.Input((5, 16, 16, 3))).shape, layer.count_params()
((None, 5, 14, 14, 8), 3200)
"""

from __future__ import annotations

from convdims.description import Kind
from convdims.keras.layers._arguments import (
    standardize_data_format,
    standardize_padding,
    standardize_tuple,
)
from convdims.keras.layers._configured_arguments import resolve
from convdims.keras.layers._convolution import conv_output_shape
from convdims.keras.layers._layer import InputSpec, Layer
from convdims.keras.layers.rnn import RNN

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any, ClassVar


class ConvLSTMCell(Layer):
    """One step of a convolutional LSTM of ``rank`` spatial axes (Keras's private
    ``ConvLSTMCell``)."""

    _kind: ClassVar[Kind] = Kind.RECURRENT

    def __init__(
        self,
        rank: int,
        filters: int,
        kernel_size: Any,
        strides: Any = 1,
        padding: Any = "valid",
        data_format: Any = None,
        dilation_rate: Any = 1,
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
        from convdims.keras import activations

        super().__init__(**kwargs)
        self.seed = seed
        self.rank = rank
        if self.rank > 3:
            raise ValueError(
                f"Rank {rank} convolutions are not currently implemented. "
                f"Received: rank={rank}"
            )
        self.filters = filters
        self.kernel_size = standardize_tuple(kernel_size, rank, "kernel_size")
        self.strides = standardize_tuple(strides, rank, "strides", allow_zero=True)
        self.padding = standardize_padding(padding, "conv", rank, allow_causal=False)
        self.data_format = standardize_data_format(data_format)
        self.dilation_rate = standardize_tuple(dilation_rate, rank, "dilation_rate")
        if max(self.strides) > 1 and max(self.dilation_rate) > 1:
            raise ValueError(
                "Specifying `strides > 1` is not compatible with `dilation_rate > 1`. "
                "Please provide `strides=1` or `dilation_rate=1`. "
                f"Received: strides={self.strides} and "
                f"dilation_rate={self.dilation_rate}"
            )
        self.activation = activations.get(activation)
        self.recurrent_activation = activations.get(recurrent_activation)
        self.use_bias = use_bias
        vars(self).update(
            resolve(
                kernel_initializer=kernel_initializer,
                recurrent_initializer=recurrent_initializer,
                bias_initializer=bias_initializer,
                kernel_regularizer=kernel_regularizer,
                recurrent_regularizer=recurrent_regularizer,
                bias_regularizer=bias_regularizer,
                kernel_constraint=kernel_constraint,
                recurrent_constraint=recurrent_constraint,
                bias_constraint=bias_constraint,
            )
        )
        self.unit_forget_bias = unit_forget_bias
        self.dropout = min(1.0, max(0.0, dropout))
        self.recurrent_dropout = min(1.0, max(0.0, recurrent_dropout))
        self.input_spec = InputSpec(ndim=rank + 2)
        self.state_size = -1

    def _build(self, inputs_shape: Any) -> None:
        if self.data_format == "channels_first":
            channel_axis, spatial = 1, inputs_shape[2:]
        else:
            channel_axis, spatial = -1, inputs_shape[1:-1]
        if None in spatial:
            raise ValueError(
                "ConvLSTM layers only support static input shapes for the spatial "
                f"dimension. Received invalid input shape: input_shape={inputs_shape}"
            )
        if inputs_shape[channel_axis] is None:
            raise ValueError(
                "The channel dimension of the inputs (last axis) should be defined. "
                f"Found None. Full input shape received: input_shape={inputs_shape}"
            )
        self.input_spec = InputSpec(
            ndim=self.rank + 3, shape=(None, *tuple(inputs_shape[1:]))
        )
        channels = inputs_shape[channel_axis]
        self.add_weight(
            shape=(*self.kernel_size, channels, self.filters * 4), name="kernel"
        )
        self.add_weight(
            shape=(*self.kernel_size, self.filters, self.filters * 4),
            name="recurrent_kernel",
        )
        if self.use_bias:
            self.add_weight(shape=(self.filters * 4,), name="bias")

    def compute_output_shape(self, inputs_shape: Any, states_shape: Any = None) -> Any:
        shape = conv_output_shape(self, tuple(inputs_shape), self.filters, self.kernel_size)
        return shape, [shape, shape]


class _ConvLSTM(RNN):
    _rank: ClassVar[int] = 2

    def __init__(
        self,
        filters: int,
        kernel_size: Any,
        strides: Any = 1,
        padding: Any = "valid",
        data_format: Any = None,
        dilation_rate: Any = 1,
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
        **kwargs: Any,
    ) -> None:
        arguments = dict(locals())
        for name in ("self", "kwargs", "__class__"):
            arguments.pop(name, None)
        self._arguments = {**arguments, **kwargs}
        layer_names = ("return_sequences", "return_state", "go_backwards", "stateful")
        cell = ConvLSTMCell(
            rank=self._rank,
            **{
                k: v
                for k, v in arguments.items()
                if k not in layer_names and k != "activity_regularizer"
            },
            name="conv_lstm_cell",
            dtype=kwargs.get("dtype"),
        )
        super().__init__(
            cell,
            **{k: arguments[k] for k in layer_names},
            activity_regularizer=activity_regularizer,
            **kwargs,
        )
        self.input_spec = InputSpec(ndim=self._rank + 3)

    def _copy(self, **changes: Any) -> _ConvLSTM:
        return type(self)(**{**self._arguments, **changes})

    def compute_output_shape(
        self, sequences_shape: Any, initial_state_shape: Any = None
    ) -> Any:
        sequences_shape = tuple(sequences_shape)
        batch_size, steps = sequences_shape[0], sequences_shape[1]
        step_shape = (batch_size, *sequences_shape[2:])
        state_shape = tuple(self.cell.compute_output_shape(step_shape)[0][1:])
        if self.return_sequences:
            output_shape = (batch_size, steps, *state_shape)
        else:
            output_shape = (batch_size, *state_shape)
        if self.return_state:
            batched = (batch_size, *state_shape)
            return [output_shape, batched, batched]
        return output_shape

    def _record_fields(self, input_shape: tuple, output_shape: tuple) -> dict[str, Any]:
        channel = -1 if self.cell.data_format == "channels_last" else 2
        return {"in_channels": input_shape[channel] or 0, "out_channels": self.cell.filters}


class ConvLSTM1D(_ConvLSTM):
    """A convolutional LSTM over sequences of 1-D signals ``(batch, time, steps,
    channels)``."""

    _rank = 1


class ConvLSTM2D(_ConvLSTM):
    """A convolutional LSTM over sequences of images ``(batch, time, rows, cols,
    channels)``."""

    _rank = 2


class ConvLSTM3D(_ConvLSTM):
    """A convolutional LSTM over sequences of volumes."""

    _rank = 3


__all__ = ["ConvLSTM1D", "ConvLSTM2D", "ConvLSTM3D"]

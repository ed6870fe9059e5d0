"""convdims.keras.layers.rnn: shapes and counts of the recurrent layers, by the gate
formulas (the oracle test tests/oracle/test_keras_layers_reach.py compares them with
real Keras)."""

from __future__ import annotations

import pytest

from convdims import keras
from convdims.keras import layers


@pytest.mark.parametrize(
    ("name", "gates", "biases"), [("SimpleRNN", 1, 1), ("LSTM", 4, 1), ("GRU", 3, 2)]
)
@pytest.mark.parametrize(("units", "features"), [(1, 1), (7, 3), (32, 100)])
def test_counts_follow_the_gate_formula(name, gates, biases, units, features):
    layer = getattr(layers, name)(units)
    assert layer(keras.Input((5, features))).shape == (None, units)
    assert layer.count_params() == gates * units * (features + units + biases)


def test_gru_without_reset_after_has_one_bias_vector():
    layer = layers.GRU(4, reset_after=False)
    layer(keras.Input((None, 2)))
    assert [w.shape for w in layer.weights] == [(2, 12), (4, 12), (12,)]


def test_return_sequences_and_state():
    x = keras.Input((9, 3))
    out = layers.LSTM(5, return_sequences=True, return_state=True)(x)
    assert [t.shape for t in out] == [(None, 9, 5), (None, 5), (None, 5)]
    out = layers.RNN([layers.LSTMCell(4), layers.GRUCell(2)], return_state=True)(x)
    assert out[0].shape == (None, 2)
    assert [t.shape for t in out[1]] == [(None, 4), (None, 4)]
    assert out[2].shape == (None, 2)


def test_initial_state_tensors_are_inputs_of_the_call():
    keras.backend.clear_session()
    encoder, decoder = keras.Input((None, 3)), keras.Input((None, 4))
    _, h, c = layers.LSTM(6, return_state=True)(encoder)
    out = layers.LSTM(6)(decoder, initial_state=[h, c])
    model = keras.Model([encoder, decoder], out)
    assert [layer.name for layer in model.layers][-2:] == ["lstm", "lstm_1"]
    assert model.count_params() == 4 * 6 * (3 + 6 + 1) + 4 * 6 * (4 + 6 + 1)


def test_stacked_cells_build_each_on_the_previous_output():
    layer = layers.RNN([layers.SimpleRNNCell(3), layers.SimpleRNNCell(2)])
    layer(keras.Input((4, 5)))
    assert [w.shape for w in layer.weights] == [
        (5, 3),
        (3, 3),
        (3,),
        (3, 2),
        (2, 2),
        (2,),
    ]


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda: layers.LSTM(0), "expected a positive integer, got 0"),
        (lambda: layers.GRU(2, use_cudnn="yes"), "use_cudnn=yes"),
        (lambda: layers.RNN(3), "should have a `call` method"),
        (lambda: layers.SimpleRNN(2, kernel_regularizer="l3"), "regularizer identifier"),
    ],
)
def test_refusals_at_construction(make, message):
    with pytest.raises(ValueError, match=message):
        make()


def test_inputs_must_be_sequences():
    with pytest.raises(ValueError, match="expected ndim=3, found ndim=2"):
        layers.LSTM(2)(keras.Input((8,)))
    with pytest.raises(ValueError, match="batch size must be static"):
        layers.GRU(2, stateful=True)(keras.Input((8, 2)))


def test_a_frozen_layer_moves_its_cell_weights_to_non_trainable():
    layer = layers.LSTM(2)
    layer(keras.Input((3, 1)))
    layer.trainable = False
    assert layer.trainable_weights == []
    assert sum(w.size for w in layer.non_trainable_weights) == 4 * 2 * (1 + 2 + 1)


def test_describe_records_a_recurrent_call():
    model = keras.Sequential([keras.Input((10, 8)), layers.GRU(4)])
    call = keras.describe(model)[1]
    assert (str(call.kind), call.in_channels, call.out_channels) == ("recurrent", 8, 4)
    assert call.params == model.count_params()

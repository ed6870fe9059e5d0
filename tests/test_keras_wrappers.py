"""convdims.keras.layers.wrappers: Bidirectional, TimeDistributed and Wrapper."""

from __future__ import annotations

import pytest

from convdims import keras
from convdims.keras import layers


@pytest.mark.parametrize(
    ("mode", "shapes"),
    [
        ("concat", [(None, 10)]),
        ("sum", [(None, 5)]),
        ("mul", [(None, 5)]),
        ("ave", [(None, 5)]),
        (None, [(None, 5), (None, 5)]),
    ],
)
def test_bidirectional_merges_and_doubles_the_weights(mode, shapes):
    inner = layers.LSTM(5)
    bi = layers.Bidirectional(inner, merge_mode=mode)
    out = bi(keras.Input((7, 3)))
    got = [t.shape for t in out] if isinstance(out, list) else [out.shape]
    assert got == shapes
    assert bi.count_params() == 2 * 4 * 5 * (3 + 5 + 1)
    assert (bi.forward_layer.name, bi.backward_layer.name) == (
        f"forward_{inner.name}",
        f"backward_{inner.name}",
    )
    assert bi.backward_layer.go_backwards and not bi.forward_layer.go_backwards


def test_bidirectional_return_state_lists_both_directions_states():
    out = layers.Bidirectional(layers.GRU(3, return_state=True))(keras.Input((4, 2)))
    assert [t.shape for t in out] == [(None, 6), (None, 3), (None, 3)]


def test_bidirectional_refusals():
    with pytest.raises(ValueError, match="Invalid merge mode"):
        layers.Bidirectional(layers.LSTM(2), merge_mode="max")
    with pytest.raises(ValueError, match="different `go_backwards`"):
        layers.Bidirectional(layers.LSTM(2), backward_layer=layers.LSTM(2))
    with pytest.raises(ValueError, match="cannot be copied"):
        layers.Bidirectional(layers.Dense(2))


def test_time_distributed_applies_the_layer_to_every_step():
    td = layers.TimeDistributed(layers.Conv2D(4, 3))
    assert td(keras.Input((6, 10, 10, 3))).shape == (None, 6, 8, 8, 4)
    assert td.count_params() == 3 * 3 * 3 * 4 + 4
    assert str(td._kind) == "conv"
    with pytest.raises(ValueError, match="at least 3 dimensions"):
        layers.TimeDistributed(layers.Dense(2))(keras.Input((4,)))
    with pytest.raises(ValueError, match="isn't a supported layer type"):
        layers.Wrapper(3)

"""convdims.keras.layers.attention: counts by the projection formula, shapes and
refusals (the oracle test tests/oracle/test_keras_layers_reach.py compares them with
real Keras)."""

from __future__ import annotations

import pytest

from convdims import keras
from convdims.keras import layers


@pytest.mark.parametrize(
    ("heads", "key_dim", "value_dim", "d"),
    [(1, 1, None, 1), (4, 16, None, 64), (2, 8, 5, 12)],
)
def test_multi_head_counts_follow_the_projections(heads, key_dim, value_dim, d):
    v = value_dim or key_dim
    x = keras.Input((10, d))
    mha = layers.MultiHeadAttention(heads, key_dim, value_dim=value_dim)
    assert mha(x, x).shape == (None, 10, d)
    qk = 2 * (d * heads * key_dim + heads * key_dim)
    values = d * heads * v + heads * v
    output = heads * v * d + d
    assert mha.count_params() == qk + values + output


def test_multi_head_records_every_tensor_and_returns_scores():
    q, v = keras.Input((6, 4)), keras.Input((3, 4))
    out, scores = layers.MultiHeadAttention(2, 2)(q, v, return_attention_scores=True)
    assert out.shape == (None, 6, 4) and scores.shape == (None, 2, 6, 6)
    model = keras.Model([q, v], out)
    assert len(model.layers[-1]._inbound_nodes[0].input_tensors) == 2


def test_attention_layers():
    q, v = keras.Input((6, 4)), keras.Input((3, 5))
    assert layers.Attention()([q, v]).shape == (None, 6, 5)
    scale = layers.AdditiveAttention()
    scale([q, keras.Input((3, 4))])
    assert scale.count_params() == 4
    with pytest.raises(ValueError, match="must be called on a list of inputs"):
        layers.Attention()(q)
    with pytest.raises(ValueError, match="score_mode"):
        layers.Attention(score_mode="cosine")


@pytest.mark.parametrize(
    ("args", "kwargs", "message"),
    [
        ((0, 4), {}, "num_heads"),
        ((2, 0), {}, "key_dim"),
        ((2, 4), {"value_dim": 0}, "value_dim"),
        ((2, 4), {"sliding_window": -1}, "sliding_window"),
        ((2, 4), {"attention_axes": "x"}, "attention_axes"),
    ],
)
def test_multi_head_refusals(args, kwargs, message):
    with pytest.raises(ValueError, match=message):
        layers.MultiHeadAttention(*args, **kwargs)

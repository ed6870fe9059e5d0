"""convdims.keras.layers.embedding: Embedding's shapes, counts and refusals."""

from __future__ import annotations

import pytest

from convdims import keras
from convdims.keras import layers


@pytest.mark.parametrize("shape", [(20,), (None,), (3, 4)])
def test_embedding_adds_a_last_axis(shape):
    layer = layers.Embedding(50, 6)
    assert layer(keras.Input(shape)).shape == (None, *shape, 6)
    assert layer.count_params() == 50 * 6


@pytest.mark.parametrize(
    ("args", "message"),
    [
        ((0, 3), "`input_dim` must be a positive integer"),
        ((3, True), "`output_dim` must be a positive integer"),
        ((3.0, 2), r"input_dim=3.0 \(of type float\)"),
    ],
)
def test_embedding_refusals(args, message):
    with pytest.raises(ValueError, match=message):
        layers.Embedding(*args)


def test_lora_freezes_the_table_and_adds_two_factors():
    layer = layers.Embedding(10, 4, lora_rank=2)
    layer(keras.Input((3,)))
    assert sum(w.size for w in layer.non_trainable_weights) == 40
    assert sum(w.size for w in layer.trainable_weights) == 10 * 2 + 2 * 4


def test_weights_build_at_once_and_input_length_warns():
    assert layers.Embedding(5, 2, weights=[None]).built
    with pytest.warns(UserWarning, match="input_length"):
        layers.Embedding(5, 2, input_length=3)

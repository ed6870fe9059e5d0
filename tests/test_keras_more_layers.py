"""The smaller layer modules of convdims.keras.layers: dot_product, adaptive_pooling,
masking_encoding, convolutional_1d, convolutional_recurrent, einsum_dense and
SpectralNormalization (the oracle test tests/oracle/test_keras_layers_reach.py
compares each with real Keras)."""

from __future__ import annotations

import pytest

from convdims import keras
from convdims.keras import layers


def test_dot_drops_the_two_axes():
    a, b = keras.Input((10, 8)), keras.Input((6, 8))
    assert layers.Dot(axes=(2, 2))([a, b]).shape == (None, 10, 6)
    assert layers.dot([keras.Input((4,)), keras.Input((4,))], axes=1).shape == (None, 1)
    with pytest.raises(ValueError, match="Incompatible input shapes"):
        layers.dot([keras.Input((4,)), keras.Input((5,))], axes=1)
    with pytest.raises(TypeError, match="Invalid type for argument `axes`"):
        layers.Dot(axes="last")


@pytest.mark.parametrize(
    ("cls", "shape", "size", "out"),
    [
        ("AdaptiveAveragePooling1D", (30, 3), 4, (None, 4, 3)),
        ("AdaptiveMaxPooling2D", (32, 30, 3), (7, 5), (None, 7, 5, 3)),
        ("AdaptiveAveragePooling3D", (8, 8, 8, 2), 2, (None, 2, 2, 2, 2)),
    ],
)
def test_adaptive_pooling_gives_the_asked_size(cls, shape, size, out):
    assert getattr(layers, cls)(size)(keras.Input(shape)).shape == out


def test_adaptive_pooling_refusals():
    with pytest.raises(TypeError, match="`output_size` must be"):
        layers.AdaptiveAveragePooling2D((1, 2, 3))
    with pytest.raises(ValueError, match="must have length 1"):
        layers.AdaptiveMaxPooling1D((1, 2))


def test_masking_and_category_encoding():
    assert layers.Masking()(keras.Input((7, 2))).shape == (None, 7, 2)
    encode = layers.CategoryEncoding
    assert encode(6, output_mode="one_hot")(keras.Input((3,))).shape == (None, 3, 6)
    assert encode(6, output_mode="count")(keras.Input((3,))).shape == (None, 6)
    with pytest.raises(ValueError, match="num_tokens must be set"):
        encode()
    with pytest.raises(ValueError, match="`num_tokens` must be >= 1"):
        encode(0)


@pytest.mark.parametrize(("k", "c", "m", "d"), [(3, 4, 1, 8), (5, 2, 3, 1)])
def test_one_axis_separable_and_depthwise_counts(k, c, m, d):
    sep = layers.SeparableConv1D(d, k, depth_multiplier=m)
    sep(keras.Input((20, c)))
    assert sep.count_params() == k * c * m + c * m * d + d
    depth = layers.DepthwiseConv1D(k, depth_multiplier=m)
    assert depth(keras.Input((20, c))).shape == (None, 20 - k + 1, c * m)
    assert depth.count_params() == k * c * m + c * m


@pytest.mark.parametrize(("rank", "shape"), [(1, (5, 12, 3)), (2, (5, 9, 9, 3))])
def test_conv_lstm_counts_four_convolutions(rank, shape):
    layer = getattr(layers, f"ConvLSTM{rank}D")(4, 3, return_sequences=True)
    out = layer(keras.Input(shape))
    spatial = tuple(s - 2 for s in shape[1:-1])
    assert out.shape == (None, shape[0], *spatial, 4)
    kernel = 3**rank
    assert layer.count_params() == kernel * 3 * 16 + kernel * 4 * 16 + 16


def test_conv_lstm_refuses_unknown_spatial_sizes():
    with pytest.raises(ValueError, match="static input shapes"):
        layers.ConvLSTM2D(2, 3)(keras.Input((5, None, 8, 3)))


def test_einsum_dense_kernel_and_bias_follow_the_equation():
    layer = layers.EinsumDense("abc,cde->abde", output_shape=(None, 4, 8), bias_axes="de")
    # A None of output_shape stays unknown, as in Keras.
    assert layer(keras.Input((10, 32))).shape == (None, None, 4, 8)
    assert [w.shape for w in layer.weights] == [(32, 4, 8), (4, 8)]
    with pytest.raises(ValueError, match="Invalid einsum equation"):
        layers.EinsumDense("abc->abd", 4)(keras.Input((2, 3)))


def test_spectral_normalization_adds_a_frozen_vector():
    layer = layers.SpectralNormalization(layers.Dense(5))
    assert layer(keras.Input((3,))).shape == (None, 5)
    assert sum(w.size for w in layer.trainable_weights) == 3 * 5 + 5
    assert sum(w.size for w in layer.non_trainable_weights) == 5
    with pytest.raises(ValueError, match="nor 'embeddings'"):
        layers.SpectralNormalization(layers.ReLU())(keras.Input((3,)))

"""convdims.keras layers: shapes, parameter counts, names and errors, without Keras.

Expected values are worked out by hand from the layer definitions (or are Keras's
documented behaviour); the oracle tests compare the same things with real Keras.
"""

from __future__ import annotations

import math

import pytest

from convdims import keras
from convdims.keras import layers


@pytest.fixture(autouse=True)
def fresh_names():
    keras.backend.clear_session()


def call(layer, shape):
    return layer(keras.Input(shape)).shape


def test_conv2d_valid_same_and_strides():
    assert call(layers.Conv2D(5, 3), (32, 32, 3)) == (None, 30, 30, 5)
    assert call(layers.Conv2D(5, 3, padding="same"), (32, 32, 3)) == (None, 32, 32, 5)
    assert call(layers.Conv2D(5, 2, strides=2, padding="same"), (11, 11, 3)) == (
        None,
        6,
        6,
        5,
    )
    assert call(layers.Conv2D(5, 2, strides=2), (11, 11, 3)) == (None, 5, 5, 5)
    assert call(layers.Conv2D(5, (3, 1), dilation_rate=2), (9, 9, 3)) == (None, 5, 9, 5)


def test_channels_first_and_unknown_sizes():
    layer = layers.Conv2D(8, 3, data_format="channels_first")
    assert call(layer, (3, 32, 32)) == (None, 8, 30, 30)
    assert call(layers.Conv2D(8, 3, strides=2), (None, 20, 3)) == (None, None, 9, 8)


def test_conv1d_causal_keeps_length():
    assert call(layers.Conv1D(4, 3, padding="causal", dilation_rate=4), (10, 2)) == (
        None,
        10,
        4,
    )


def test_conv_params_with_groups_and_without_bias():
    layer = layers.Conv2D(64, 3, groups=4, use_bias=False)
    call(layer, (8, 8, 32))
    assert layer.count_params() == 3 * 3 * (32 // 4) * 64
    assert [w.shape for w in layer.weights] == [(3, 3, 8, 64)]


def test_conv3d():
    layer = layers.Conv3D(2, 3)
    assert call(layer, (5, 6, 7, 4)) == (None, 3, 4, 5, 2)
    assert layer.count_params() == 27 * 4 * 2 + 2


@pytest.mark.parametrize(
    ("padding", "output_padding", "size"),
    [
        ("valid", None, 25),
        ("same", None, 24),
        ("same", 0, 23),
        ("same", 1, 24),
        ("valid", 1, 26),
    ],
)
def test_conv2d_transpose_none_is_not_zero(padding, output_padding, size):
    layer = layers.Conv2DTranspose(
        4, 3, strides=2, padding=padding, output_padding=output_padding
    )
    assert call(layer, (12, 12, 8)) == (None, size, size, 4)
    assert layer.count_params() == 3 * 3 * 8 * 4 + 4


def test_conv3d_transpose_takes_data_format_before_output_padding():
    layer = layers.Conv3DTranspose(2, 2, 2, "valid", "channels_last", 1)
    assert layer.output_padding == (1, 1, 1)


def test_depthwise_and_separable_params():
    depthwise = layers.DepthwiseConv2D(3, depth_multiplier=2, use_bias=False)
    assert call(depthwise, (10, 10, 32)) == (None, 8, 8, 64)
    assert depthwise.count_params() == 9 * 32 * 2
    separable = layers.SeparableConv2D(64, 3, padding="same")
    assert call(separable, (10, 10, 32)) == (None, 10, 10, 64)
    assert separable.count_params() == 9 * 32 + 32 * 64 + 64


def test_depthwise_allows_strides_with_dilation_like_keras():
    assert call(layers.DepthwiseConv2D(3, strides=2, dilation_rate=2), (20, 20, 1)) == (
        None,
        8,
        8,
        1,
    )


def test_pooling_strides_default_to_pool_size():
    assert call(layers.MaxPooling2D(3), (30, 30, 5)) == (None, 10, 10, 5)
    assert call(layers.MaxPooling2D(2, padding="same"), (11, 11, 1)) == (None, 6, 6, 1)
    assert call(layers.AveragePooling1D(2, strides=1), (5, 3)) == (None, 4, 3)
    assert call(layers.MaxPooling3D(), (4, 5, 6, 2)) == (None, 2, 2, 3, 2)


def test_global_pooling():
    assert call(layers.GlobalAveragePooling2D(), (7, 7, 512)) == (None, 512)
    assert call(layers.GlobalMaxPooling1D(keepdims=True), (9, 4)) == (None, 1, 4)
    assert call(layers.GlobalAveragePooling2D(data_format="channels_first"), (3, 7, 7)) == (
        None,
        3,
    )


def test_padding_cropping_upsampling_flatten_reshape():
    assert call(layers.ZeroPadding2D(((1, 2), (3, 4))), (10, 10, 1)) == (None, 13, 17, 1)
    assert call(layers.Cropping2D(((1, 2), (3, 4))), (10, 10, 1)) == (None, 7, 3, 1)
    assert call(layers.UpSampling2D((2, 3)), (4, 5, 1)) == (None, 8, 15, 1)
    assert call(layers.Flatten(), (7, 7, 512)) == (None, 25088)
    assert call(layers.Reshape((-1, 4)), (4, 6)) == (None, 6, 4)


def test_dense_acts_on_the_last_axis():
    dense = layers.Dense(10)
    assert call(dense, (5, 64)) == (None, 5, 10)
    assert dense.count_params() == 650


def test_batch_normalization_splits_trainable():
    bn = layers.BatchNormalization()
    call(bn, (8, 8, 64))
    trainable = sum(w.size for w in bn.trainable_weights)
    frozen = sum(w.size for w in bn.non_trainable_weights)
    assert (trainable, frozen) == (128, 128)
    bn.trainable = False
    assert sum(w.size for w in bn.non_trainable_weights) == 256


def test_weight_sizes_match_their_shapes():
    """Sizes come from the core; shapes are what Keras reports: they must agree."""
    x = keras.Input((9, 9, 6))
    for layer in [
        layers.Conv2D(4, 3, groups=2),
        layers.Conv2DTranspose(4, 3),
        layers.DepthwiseConv2D(3, depth_multiplier=3),
        layers.SeparableConv2D(5, 2),
        layers.Dense(7),
        layers.BatchNormalization(renorm=True),
    ]:
        layer(x)
        assert all(w.size == math.prod(w.shape) for w in layer.weights), layer


def test_lora_freezes_the_kernel():
    dense = layers.Dense(8, lora_rank=2)
    call(dense, (16,))
    trainable = sum(w.size for w in dense.trainable_weights)
    assert (dense.count_params(), trainable) == (16 * 8 + 8 + 16 * 2 + 2 * 8, 8 + 48)


def test_merging():
    a, b = keras.Input((4, 4, 3)), keras.Input((4, 4, 3))
    assert layers.Add()([a, b]).shape == (None, 4, 4, 3)
    assert layers.Multiply()([a, keras.Input((4, 1, 3))]).shape == (None, 4, 4, 3)
    assert layers.Concatenate(axis=1)([a, b]).shape == (None, 8, 4, 3)


def test_auto_names_count_per_class_across_models():
    first = keras.Sequential([keras.Input((4,)), layers.Dense(2), layers.Dense(2)])
    second = keras.Sequential([keras.Input((4,)), layers.Dense(2)])
    assert [layer.name for layer in first.layers + second.layers] == [
        "dense",
        "dense_1",
        "dense_2",
    ]
    assert (first.name, second.name) == ("sequential", "sequential_1")
    assert layers.ReLU().name == "re_lu"
    assert layers.Conv2DTranspose(1, 1).name == "conv2d_transpose"
    keras.backend.clear_session()
    assert layers.Dense(1).name == "dense"


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda: layers.Conv2D(5, 3, padding="causal"), "padding"),
        (lambda: layers.Conv2D(5, 3, strides=2, dilation_rate=2), "dilation_rate > 1"),
        (lambda: layers.Conv2D(5, 0), "kernel_size"),
        (lambda: layers.Conv2D(6, 3, groups=4), "divisible by the number of groups"),
        (lambda: layers.Conv2D(6, 3, data_format="nhwc"), "data_format"),
        (
            lambda: layers.Conv2DTranspose(4, 3, strides=2, output_padding=2),
            "output_padding",
        ),
        (lambda: layers.Dense(3, foo=1), "Unrecognized keyword arguments"),
        (lambda: layers.Dropout(1.5), "rate"),
        (lambda: layers.ReLU(-1.0), "max_value"),
    ],
)
def test_rejected_at_construction(make, message):
    with pytest.raises(ValueError, match=message):
        make()


@pytest.mark.parametrize(
    ("layer", "shape", "message"),
    [
        (layers.Conv2D(5, 5), (3, 3, 3), "zero or negative"),
        (layers.Conv2D(4, 3, groups=2), (8, 8, 3), "input channels"),
        (layers.Conv2D(4, 3), (8, 3), "min_ndim=4"),
        (layers.MaxPooling2D(padding="causal"), (8, 8, 3), "padding"),
        (layers.MaxPooling2D(5), (4, 4, 3), "zero or negative"),
        (layers.Cropping2D(2), (4, 4, 3), "cropping"),
        (layers.Reshape((5,)), (2, 3), "total size"),
    ],
)
def test_rejected_when_called(layer, shape, message):
    with pytest.raises(ValueError, match=message):
        layer(keras.Input(shape))
    assert layer.built is False or layer._inbound_nodes == []


def test_shared_layer_rejects_other_channels():
    conv = layers.Conv2D(4, 3)
    conv(keras.Input((8, 8, 3)))
    assert conv(keras.Input((16, 16, 3))).shape == (None, 14, 14, 4)
    with pytest.raises(ValueError, match="expected axis -1 of input shape to have value 3"):
        conv(keras.Input((8, 8, 2)))


def test_layers_only_take_symbolic_tensors():
    with pytest.raises(TypeError, match="symbolic tensors"):
        layers.Dense(2)([[1.0, 2.0]])


def test_count_params_needs_a_built_layer():
    with pytest.raises(ValueError, match="isn't built"):
        layers.Dense(2).count_params()


def test_a_number_of_cells_as_padding_is_a_clear_value_error():
    from convdims.keras import layers

    with pytest.raises(ValueError, match=r"padding=3.*ZeroPadding"):
        layers.Conv2D(5, 3, padding=3)


@pytest.mark.parametrize("units", [0, -1, 2.0, None, "3"])
def test_dense_units_checked_at_construction_as_keras(units):
    with pytest.raises(ValueError, match=r"invalid value for `units`.*positive integer"):
        layers.Dense(units)


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda: layers.Conv2D(0, 3), "`filters`. Expected a strictly positive value"),
        (lambda: layers.Conv2DTranspose(-1, 3), "`filters`"),
        (lambda: layers.SeparableConv2D(0, 3), "`filters`"),
        (lambda: layers.DepthwiseConv2D(3, depth_multiplier=0), "`depth_multiplier`"),
        (lambda: layers.Conv2D(4, 3, groups=0), "groups must be a positive integer"),
    ],
)
def test_zero_or_negative_counts_are_refused_at_construction(make, message):
    with pytest.raises(ValueError, match=message):
        make()


def test_answers_are_remembered_by_exact_type():
    """1, True and 1.0 are different arguments to Keras: a cache must not merge them."""
    x = keras.Input((8, 8, 3))
    assert layers.Conv2D(4, (1, 1))(x).shape == (None, 8, 8, 4)
    # Keras builds a kernel of shape (1.0, 1.0, 3, 4) and refuses it when called.
    with pytest.raises(ValueError, match=r"Cannot convert '\(1.0, 1.0, 3, 4\)'"):
        layers.Conv2D(4, (1.0, 1.0))(x)
    # True is an int to Keras: a kernel of 1.
    layer = layers.Conv2D(4, (True, True))
    assert layer(x).shape == (None, 8, 8, 4) and layer.count_params() == 16
    from convdims.keras.layers._convolution import exact_cache

    seen = []
    twice = exact_cache(lambda *args: seen.append(args) or len(seen))
    assert [twice(1), twice(True), twice(1.0), twice((1,)), twice((True,)), twice(1)] == [
        1,
        2,
        3,
        4,
        5,
        1,
    ]


def test_whole_float_strides_count_as_ints_like_keras():
    assert call(layers.Conv2D(4, 3, strides=(2.0, 2.0)), (8, 8, 3)) == (None, 3, 3, 4)
    with pytest.raises(ValueError, match="not a whole number"):
        call(layers.Conv2D(4, 3, strides=(1.5, 1.5)), (8, 8, 3))


def test_padding_that_is_not_a_word_is_also_keras_attribute_error():
    from convdims.errors import ArgumentError

    with pytest.raises(AttributeError) as caught:
        layers.Conv2D(5, 3, padding=None)
    assert isinstance(caught.value, ArgumentError) and caught.value.argument == "padding"


def test_padding_words_come_from_the_conventions():
    from convdims.keras.layers._arguments import padding_words

    assert padding_words("conv", 1) == ("valid", "same", "causal")
    assert padding_words("conv", 1, allow_causal=False) == ("valid", "same")
    assert padding_words("transpose", 1) == ("valid", "same")
    with pytest.raises(ValueError, match="must be a list/tuple or one of"):
        layers.DepthwiseConv2D(3, padding="causal")
    assert call(layers.Conv1D(2, 3, padding="CAUSAL"), (5, 1)) == (None, 5, 2)


def test_constructors_store_what_decides_shapes():
    conv = layers.Conv2D(8, 3, kernel_initializer="he_normal", activation="relu")
    assert (conv.filters, conv.kernel_size, conv.strides, conv.padding) == (
        8,
        (3, 3),
        (1, 1),
        "valid",
    )
    assert not hasattr(conv, "kernel_initializer") and not hasattr(conv, "activation")

"""Sequential and functional models in convdims.keras, without Keras."""

from __future__ import annotations

import pytest

from convdims import keras
from convdims.keras import layers


@pytest.fixture(autouse=True)
def fresh_names():
    keras.backend.clear_session()


def test_sequential_builds_when_the_input_is_known():
    model = keras.Sequential([layers.Conv2D(5, 3)])
    assert not model.built
    with pytest.raises(AttributeError, match="no defined output shape"):
        _ = model.output_shape
    model.build((None, 32, 32, 3))
    assert model.output_shape == (None, 30, 30, 5)
    model.add(layers.MaxPooling2D(2))
    assert model.output_shape == (None, 15, 15, 5)
    assert model.layers[-1].output_shape == (None, 15, 15, 5)
    model.pop()
    assert model.output_shape == (None, 30, 30, 5)


def test_sequential_input_shape_argument_warns_like_keras():
    with pytest.warns(UserWarning, match="Do not pass an `input_shape`"):
        layer = layers.Dense(3, input_shape=(4,))
    model = keras.Sequential([layer])
    assert model.output_shape == (None, 3)
    assert model.count_params() == 15


def test_each_sequential_rebuild_uses_a_functional_name():
    """Keras builds an inner functional model per rebuild; names show it."""
    model = keras.Sequential([keras.Input((4,))])
    for _ in range(3):
        model.add(layers.Dense(2))
    x = keras.Input((4,))
    assert keras.Model(x, layers.Dense(1)(x)).name == "functional_3"


def test_sequential_rejects_duplicate_names():
    model = keras.Sequential([layers.Dense(2, name="d")])
    with pytest.raises(ValueError, match="unique names"):
        model.add(layers.Dense(2, name="d"))


def test_functional_multiple_inputs_outputs_and_shared_layers():
    a, b = keras.Input((16,), name="a"), keras.Input((16,), name="b")
    shared = layers.Dense(8, name="shared")
    added = layers.Add()([shared(a), shared(b)])
    model = keras.Model([a, b], [added, layers.Dense(2)(added)])
    assert [layer.name for layer in model.layers] == ["a", "b", "shared", "add", "dense"]
    assert model.output_shape == [(None, 8), (None, 2)]
    assert model.count_params() == 16 * 8 + 8 + 8 * 2 + 2
    assert model.get_layer("shared") is shared


def test_outputs_must_follow_from_the_inputs():
    a, b = keras.Input((4,)), keras.Input((4,))
    with pytest.raises(ValueError, match="is not connected to `inputs`"):
        keras.Model(a, layers.Add()([a, b]))


def test_nested_model_as_a_layer():
    inner = keras.Sequential([keras.Input((8, 8, 3)), layers.Conv2D(4, 3)], name="inner")
    x = keras.Input((10, 10, 3))
    y = inner(x)
    assert y.shape == (None, 8, 8, 4)
    model = keras.Model(x, layers.Flatten()(y))
    assert model.count_params() == 3 * 3 * 3 * 4 + 4
    assert model.output_shape == (None, 256)


def test_model_trainable_flag():
    model = keras.Sequential([keras.Input((4,)), layers.Dense(2)])
    model.trainable = False
    assert model.trainable_weights == []
    assert sum(w.size for w in model.non_trainable_weights) == 10


def test_models_module_and_aliases():
    assert keras.models.Sequential is keras.Sequential
    assert layers.MaxPool2D is layers.MaxPooling2D
    x = keras.Input((2,))
    assert isinstance(keras.Model(x, x), keras.Functional)

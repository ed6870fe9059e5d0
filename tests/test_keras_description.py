"""convdims.keras.describe: a Keras-dialect model as the library's one ModelGraph."""

from __future__ import annotations

import pytest

from convdims import keras
from convdims.description import Kind, LayerCall, ModelGraph
from convdims.keras import layers
from convdims.keras.description import layer_measures
from convdims.window import AxisWindow


@pytest.fixture(autouse=True)
def fresh_names():
    keras.backend.clear_session()


def test_every_layer_class_declares_its_kind():
    expected = {
        "Conv1D": Kind.CONV,
        "Conv2D": Kind.CONV,
        "Conv3D": Kind.CONV,
        "Conv2DTranspose": Kind.CONV_TRANSPOSE,
        "DepthwiseConv2D": Kind.DEPTHWISE,
        "SeparableConv2D": Kind.SEPARABLE,
        "MaxPooling2D": Kind.POOL,
        "AveragePooling1D": Kind.POOL,
        "GlobalAveragePooling2D": Kind.GLOBAL_POOL,
        "Dense": Kind.DENSE,
        "BatchNormalization": Kind.BATCH_NORM,
        "Activation": Kind.ACTIVATION,
        "ReLU": Kind.ACTIVATION,
        "Dropout": Kind.DROPOUT,
        "Flatten": Kind.FLATTEN,
        "Reshape": Kind.RESHAPE,
        "ZeroPadding2D": Kind.PADDING,
        "Cropping2D": Kind.CROPPING,
        "UpSampling2D": Kind.UPSAMPLING,
        "Add": Kind.MERGE,
        "Concatenate": Kind.MERGE,
        "InputLayer": Kind.INPUT,
        "Layer": Kind.OTHER,
    }
    assert {name: getattr(layers, name)._kind for name in expected} == expected
    assert all(
        isinstance(getattr(layers, n)._kind, Kind)
        for n in layers.__all__
        if isinstance(getattr(layers, n), type) and n not in ("InputSpec", "Weight")
    )


def test_a_functional_graph_with_its_windows():
    x = keras.Input((11, 11, 3), name="x")
    a = layers.Conv2D(4, 2, strides=2, padding="same", name="a")(x)
    b = layers.MaxPooling2D(2, padding="same", name="b")(x)
    y = layers.Concatenate(name="cat")([a, b])
    model = keras.Model(x, layers.Dense(2, name="fc")(y), name="m")
    graph = keras.describe(model)
    assert isinstance(graph, ModelGraph) and (graph.name, graph.dialect) == ("m", "keras")
    assert [c.name for c in graph] == ["x", "a", "b", "cat", "fc"]
    conv = graph[1]
    assert conv == LayerCall(
        "a",
        "Conv2D",
        Kind.CONV,
        (None, 6, 6, 4),
        input_spatial=(11, 11),
        output_spatial=(6, 6),
        in_channels=3,
        out_channels=4,
        window=(AxisWindow(2, 2, 0, 1),) * 2,  # TensorFlow's 'same': the extra after
        params=2 * 2 * 3 * 4 + 4,
        bias_params=4,
        param_bytes=(2 * 2 * 3 * 4 + 4) * 4,
        inputs=(0,),
    )
    assert graph[2].window == (AxisWindow(2, 2, 0, 1),) * 2
    assert graph[3].inputs == (1, 2) and graph.consumers(0) == (1, 2)
    assert (graph[4].kind, graph[4].in_channels, graph[4].out_channels) == (
        Kind.DENSE,
        7,
        2,
    )
    assert graph[1].owner is model.get_layer("a")


def test_causal_and_channels_first_windows():
    x = keras.Input((10, 2))
    graph = keras.describe(
        keras.Model(x, layers.Conv1D(4, 3, padding="causal", dilation_rate=2)(x))
    )
    assert graph[1].window == (AxisWindow(3, 1, 4, 0, 2),)
    y = keras.Input((3, 9, 9))
    conv = layers.Conv2D(2, 3, data_format="channels_first", padding="same")
    call = keras.describe(keras.Model(y, conv(y)))[1]
    assert (call.input_spatial, call.output_spatial, call.in_channels) == (
        (9, 9),
        (9, 9),
        3,
    )
    assert call.pad_before == (1, 1)


def test_shared_layer_counts_its_weights_once():
    a, b = keras.Input((4,)), keras.Input((4,))
    shared = layers.Dense(3, name="shared")
    model = keras.Model([a, b], layers.Add()([shared(a), shared(b)]))
    graph = keras.describe(model)
    calls = [c for c in graph if c.name == "shared"]
    assert [c.params for c in calls] == [15, 0]
    measured = layer_measures(model)
    assert measured[id(shared)].params == 15 and measured[id(shared)].macs == 24


def test_nested_models_are_expanded_and_summed_for_their_row():
    inner = keras.Sequential([keras.Input((8, 8, 3)), layers.Conv2D(4, 3)], name="inner")
    x = keras.Input((8, 8, 3))
    model = keras.Model(x, layers.Flatten()(inner(x)))
    graph = keras.describe(model)
    assert [str(c.kind) for c in graph] == ["input", "conv", "flatten"]
    assert graph[2].inputs == (1,)
    measured = layer_measures(model)
    assert measured[id(inner)].macs == graph[1].output_shape[1] ** 2 * 4 * 27


def test_describe_refuses_an_input_size_and_an_unbuilt_model():
    from convdims.errors import ArgumentError

    model = keras.Sequential([keras.Input((4,)), layers.Dense(2)])
    with pytest.raises(ArgumentError, match="knows its input shape"):
        keras.describe(model, (1, 4))
    with pytest.raises(ValueError, match="no input shape yet"):
        keras.describe(keras.Sequential([layers.Dense(2)]))

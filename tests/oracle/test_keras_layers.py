"""Random single layers built in convdims.keras and in real Keras 3 must agree.

Each case creates one layer with random arguments in both libraries and calls it on a
symbolic input of random shape (Keras computes shapes with ``compute_output_shape``, no
values). Both must reject it at the same stage (construction or call), or both accept it
with the same output shape and the same trainable and non-trainable parameter counts.
When Keras raises, convdims must raise ValueError.
"""

from __future__ import annotations

import math
import warnings

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st
from hypothesis.control import currently_in_test_context

from convdims import keras as ck

SETTINGS = settings(
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
)

formats = st.sampled_from(["channels_last", "channels_first", None])


def _count(weights) -> int:
    return sum(math.prod(w.shape) for w in weights)


def build(module, name, args, kwargs, shapes, merge=False):
    """What happens when ``module`` builds the layer and calls it on ``shapes``.

    Returns ``("init", error)``, ``("call", error)`` or
    ``("ok", output_shape, trainable, non_trainable)``.
    """
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            layer = getattr(module.layers, name)(*args, **kwargs)
        except Exception as error:  # noqa: BLE001 - any rejection counts
            return ("init", error)
        try:
            inputs = [module.Input(shape=shape) for shape in shapes]
            output = layer(inputs if merge else inputs[0])
        except Exception as error:  # noqa: BLE001
            return ("call", error)
        return (
            "ok",
            tuple(output.shape),
            _count(layer.trainable_weights),
            _count(layer.non_trainable_weights),
        )


def agree(keras, name, args=(), kwargs=None, shapes=(), merge=False):
    """Assert that convdims and Keras agree on one layer; return Keras's outcome."""
    kwargs = kwargs or {}
    expected = build(keras, name, args, kwargs, shapes, merge)
    actual = build(ck, name, args, kwargs, shapes, merge)
    case = f"{name}(*{args!r}, **{kwargs!r}) on {list(shapes)}"
    if currently_in_test_context():
        event(f"Keras outcome: {expected[0]}")
    if expected[0] == "ok":
        assert actual == expected, f"{case}: Keras gives {expected}, convdims {actual}"
    else:
        assert actual[0] == expected[0], (
            f"{case}: Keras raises at {expected[0]} ({expected[1]!r}), "
            f"convdims gives {actual}"
        )
        assert isinstance(actual[1], ValueError), f"{case}: convdims raised {actual[1]!r}"
    return expected


def image(draw, rank, channels, fmt, low=1, high=70):
    spatial = tuple(draw(st.integers(low, high)) for _ in range(rank))
    if fmt == "channels_first":
        return (channels, *spatial)
    return (*spatial, channels)


def per_axis(draw, rank, values):
    """An int, or a tuple with one value per spatial axis."""
    if draw(st.booleans()):
        return draw(values)
    return tuple(draw(values) for _ in range(rank))


@st.composite
def conv_cases(draw):
    rank = draw(st.integers(1, 3))
    fmt = draw(formats)
    groups = draw(st.sampled_from([1, 1, 1, 2, 3, 4]))
    channels = draw(st.integers(1, 4)) * (groups if draw(st.booleans()) else 1)
    filters = draw(st.integers(1, 4)) * (groups if draw(st.integers(0, 4)) else 1)
    dilated = draw(st.integers(0, 3)) == 0
    kwargs = {
        "padding": draw(st.sampled_from(["valid", "same", "causal", "valid", "SAME"])),
        "strides": per_axis(draw, rank, st.integers(1, 1 if dilated else 4)),
        "dilation_rate": per_axis(draw, rank, st.integers(1, 3 if dilated else 1)),
        "groups": groups,
        "use_bias": draw(st.booleans()),
        "data_format": fmt,
    }
    if draw(st.integers(0, 15)) == 0:  # strides and dilation both above 1: rejected
        kwargs["strides"], kwargs["dilation_rate"] = 2, 2
    kernel = per_axis(draw, rank, st.integers(1, 7))
    shape = image(draw, rank, channels, fmt, high=70 if rank < 3 else 20)
    return f"Conv{rank}D", (filters, kernel), kwargs, [shape]


@given(case=conv_cases())
@settings(SETTINGS, max_examples=450)
def test_convolutions(keras, case):
    name, args, kwargs, shapes = case
    agree(keras, name, args, kwargs, shapes)


@st.composite
def transpose_cases(draw):
    rank = draw(st.integers(1, 3))
    fmt = draw(formats)
    strides = per_axis(draw, rank, st.integers(1, 4))
    dilation = 1 if draw(st.integers(0, 3)) else per_axis(draw, rank, st.integers(1, 3))
    output_padding = None
    if draw(st.booleans()):
        output_padding = per_axis(draw, rank, st.integers(0, 3))
    kwargs = {
        "strides": strides,
        "padding": draw(st.sampled_from(["valid", "same"])),
        "output_padding": output_padding,
        "dilation_rate": dilation,
        "use_bias": draw(st.booleans()),
        "data_format": fmt,
    }
    kernel = per_axis(draw, rank, st.integers(1, 6))
    shape = image(draw, rank, draw(st.integers(1, 5)), fmt, high=70 if rank < 3 else 16)
    return f"Conv{rank}DTranspose", (draw(st.integers(1, 5)), kernel), kwargs, [shape]


def _zero_size(outcome) -> bool:
    """Keras's one accepted zero-size output: see test_transposed_zero_size_output."""
    return outcome[0] == "ok" and 0 in outcome[1]


@given(case=transpose_cases())
@settings(SETTINGS, max_examples=350)
def test_transposed_convolutions(keras, case):
    name, args, kwargs, shapes = case
    expected = build(keras, name, args, kwargs, shapes)
    if _zero_size(expected):
        actual = build(ck, name, args, kwargs, shapes)
        assert actual[0] == "call" and isinstance(actual[1], ValueError)
        return
    agree(keras, name, args, kwargs, shapes)


def test_transposed_zero_size_output(keras):
    """A deliberate difference: Keras returns a size-0 axis, convdims raises.

    ``padding="same"`` with ``output_padding=0`` gives ``(I - 1)*S + (K mod 2)``, which
    is 0 for a single input cell and an even kernel. Keras returns (and even computes)
    an empty tensor; convdims says why the output would be empty.
    """
    args, kwargs = (2, 2), {"padding": "same", "output_padding": 0}
    assert build(keras, "Conv2DTranspose", args, kwargs, [(1, 1, 3)])[1] == (None, 0, 0, 2)
    outcome = build(ck, "Conv2DTranspose", args, kwargs, [(1, 1, 3)])
    assert outcome[0] == "call" and "output size 0" in str(outcome[1])


@st.composite
def depthwise_cases(draw):
    fmt = draw(formats)
    separable = draw(st.booleans())
    kwargs = {
        "strides": per_axis(draw, 2, st.integers(1, 3)),
        "padding": draw(st.sampled_from(["valid", "same", "causal"])),
        "depth_multiplier": draw(st.integers(1, 3)),
        "dilation_rate": per_axis(draw, 2, st.integers(1, 3)),
        "use_bias": draw(st.booleans()),
        "data_format": fmt,
    }
    kernel = per_axis(draw, 2, st.integers(1, 5))
    shape = image(draw, 2, draw(st.integers(1, 6)), fmt)
    if separable:
        return "SeparableConv2D", (draw(st.integers(1, 6)), kernel), kwargs, [shape]
    return "DepthwiseConv2D", (kernel,), kwargs, [shape]


@given(case=depthwise_cases())
@settings(SETTINGS, max_examples=300)
def test_depthwise_and_separable(keras, case):
    name, args, kwargs, shapes = case
    agree(keras, name, args, kwargs, shapes)


@st.composite
def pooling_cases(draw):
    rank = draw(st.integers(1, 3))
    fmt = draw(formats)
    kind = draw(st.sampled_from(["MaxPooling", "AveragePooling"]))
    pool = per_axis(draw, rank, st.integers(1, 6))
    kwargs = {
        "strides": draw(st.one_of(st.none(), st.just(None), st.integers(1, 5))),
        "padding": draw(st.sampled_from(["valid", "same", "valid", "same", "causal"])),
        "data_format": fmt,
    }
    shape = image(draw, rank, draw(st.integers(1, 4)), fmt, high=70 if rank < 3 else 24)
    if draw(st.integers(0, 15)) == 0:  # a rank the layer does not accept
        shape = shape + (2,)
    return f"{kind}{rank}D", (pool,), kwargs, [shape]


@given(case=pooling_cases())
@settings(SETTINGS, max_examples=400)
def test_pooling(keras, case):
    name, args, kwargs, shapes = case
    agree(keras, name, args, kwargs, shapes)


@st.composite
def global_pooling_cases(draw):
    rank = draw(st.integers(1, 2))
    fmt = draw(formats)
    kind = draw(st.sampled_from(["GlobalAveragePooling", "GlobalMaxPooling"]))
    input_rank = rank if draw(st.integers(0, 5)) else draw(st.sampled_from([1, 2, 3]))
    shape = image(draw, input_rank, draw(st.integers(1, 8)), fmt, high=30)
    kwargs = {"data_format": fmt, "keepdims": draw(st.booleans())}
    return f"{kind}{rank}D", (), kwargs, [shape]


@given(case=global_pooling_cases())
@settings(SETTINGS, max_examples=120)
def test_global_pooling(keras, case):
    name, args, kwargs, shapes = case
    agree(keras, name, args, kwargs, shapes)


@st.composite
def reshaping_cases(draw):
    fmt = draw(formats)
    shape = image(draw, 2, draw(st.integers(1, 5)), fmt, high=40)
    kind = draw(st.sampled_from(["ZeroPadding2D", "Cropping2D", "UpSampling2D", "Flatten"]))
    amounts = st.integers(0, 12)
    if kind == "Flatten":
        rank = draw(st.integers(0, 3))
        return kind, (), {"data_format": fmt}, [shape[:rank] or (3,)]
    if kind == "UpSampling2D":
        return kind, (per_axis(draw, 2, st.integers(1, 4)),), {"data_format": fmt}, [shape]
    style = draw(st.integers(0, 2))
    if style == 0:
        amount = draw(amounts)
    elif style == 1:
        amount = (draw(amounts), draw(amounts))
    else:
        amount = ((draw(amounts), draw(amounts)), (draw(amounts), draw(amounts)))
    return kind, (amount,), {"data_format": fmt}, [shape]


@given(case=reshaping_cases())
@settings(SETTINGS, max_examples=250)
def test_padding_cropping_upsampling_flatten(keras, case):
    name, args, kwargs, shapes = case
    agree(keras, name, args, kwargs, shapes)


@st.composite
def reshape_cases(draw):
    shape = tuple(draw(st.integers(1, 6)) for _ in range(draw(st.integers(1, 3))))
    target = [draw(st.integers(1, 12)) for _ in range(draw(st.integers(1, 3)))]
    if draw(st.booleans()):
        target[draw(st.integers(0, len(target) - 1))] = -1
    if draw(st.integers(0, 3)) == 0:  # often a valid reshape: the same cells, regrouped
        target = [math.prod(shape)]
    return "Reshape", (tuple(target),), {}, [shape]


@given(case=reshape_cases())
@settings(SETTINGS, max_examples=120)
def test_reshape(keras, case):
    name, args, kwargs, shapes = case
    agree(keras, name, args, kwargs, shapes)


@st.composite
def value_layer_cases(draw):
    shape = tuple(draw(st.integers(1, 9)) for _ in range(draw(st.integers(1, 4))))
    kind = draw(
        st.sampled_from(["Dense", "BatchNormalization", "Dropout", "Activation", "ReLU"])
    )
    if kind == "Dense":
        kwargs = {"use_bias": draw(st.booleans()), "trainable": draw(st.booleans())}
        return kind, (draw(st.integers(1, 12)),), kwargs, [shape]
    if kind == "BatchNormalization":
        kwargs = {
            "axis": draw(st.integers(-len(shape) - 2, len(shape))),
            "center": draw(st.booleans()),
            "scale": draw(st.booleans()),
            "renorm": draw(st.booleans()),
            "trainable": draw(st.booleans()),
        }
        return kind, (), kwargs, [shape]
    if kind == "Dropout":
        return kind, (draw(st.sampled_from([0.0, 0.25, 1.0, 1.5, -0.1])),), {}, [shape]
    if kind == "Activation":
        return kind, (draw(st.sampled_from(["relu", "softmax", None])),), {}, [shape]
    kwargs = {
        "max_value": draw(st.sampled_from([None, 6.0, -1.0])),
        "negative_slope": draw(st.sampled_from([0.0, 0.1, -0.1])),
    }
    return kind, (), kwargs, [shape]


@given(case=value_layer_cases())
@settings(SETTINGS, max_examples=200)
def test_dense_normalization_and_activations(keras, case):
    name, args, kwargs, shapes = case
    agree(keras, name, args, kwargs, shapes)


@st.composite
def merge_cases(draw):
    kind = draw(st.sampled_from(["Add", "Multiply", "Concatenate", "Subtract"]))
    rank = draw(st.integers(1, 3))
    base = [draw(st.integers(1, 5)) for _ in range(rank)]
    shapes = []
    for _ in range(draw(st.integers(2 if kind == "Subtract" else 1, 3))):
        shape = list(base)
        if draw(st.booleans()):
            axis = draw(st.integers(0, rank - 1))
            shape[axis] = draw(st.integers(1, 5))
        shapes.append(tuple(shape))
    kwargs = {}
    if kind == "Concatenate":
        kwargs["axis"] = draw(st.sampled_from([-1, -1, 1, rank]))
    return kind, (), kwargs, shapes


@given(case=merge_cases())
@settings(SETTINGS, max_examples=200)
def test_merging(keras, case):
    name, args, kwargs, shapes = case
    agree(keras, name, args, kwargs, shapes, merge=True)


@pytest.mark.parametrize(
    ("name", "args", "kwargs", "stage"),
    [
        ("Conv2D", (5, 3), {"padding": "causal"}, "init"),
        ("Conv2D", (5, 3), {"strides": 2, "dilation_rate": 2}, "init"),
        ("Conv2D", (5, 0), {}, "init"),
        ("Conv2D", (6, 3), {"groups": 4}, "init"),
        ("Conv2D", (4, 3), {"groups": 2}, "call"),
        ("Conv2D", (4, 5), {}, "call"),
        ("Conv2D", (4, 3), {"data_format": "channels_middle"}, "init"),
        ("Conv2DTranspose", (4, 3), {"strides": 2, "output_padding": 2}, "init"),
        ("MaxPooling2D", (2,), {"padding": "causal"}, "call"),
        ("MaxPooling2D", (5,), {}, "call"),
        ("Cropping2D", (2,), {}, "call"),
        ("Dropout", (1.5,), {}, "init"),
    ],
)
def test_known_rejections(keras, name, args, kwargs, stage):
    """The errors the issue lists, at the stage Keras raises them."""
    outcome = agree(keras, name, args, kwargs, [(4, 4, 3)])
    assert outcome[0] == stage

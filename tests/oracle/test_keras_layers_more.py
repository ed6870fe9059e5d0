"""The Keras layers added for the real-world corpus (issue 13) against real Keras 3.

As in test_keras_layers.py: random arguments and input shapes, built and called in
both libraries; both refuse at the same stage, or both give the same output shape and
the same trainable and non-trainable parameter counts.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st


def _helpers():
    """test_keras_layers.py's build-and-compare helpers (a top-level test module of
    the same name shadows it on sys.path, so it is loaded by its path)."""
    import importlib.util
    from pathlib import Path

    path = Path(__file__).with_name("test_keras_layers.py")
    spec = importlib.util.spec_from_file_location("_oracle_keras_layers", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


_layers = _helpers()
SETTINGS, agree, formats = _layers.SETTINGS, _layers.agree, _layers.formats

pytestmark = pytest.mark.oracle


def pair_or_int(draw, low=0, high=4):
    if draw(st.booleans()):
        return draw(st.integers(low, high))
    return (draw(st.integers(low, high)), draw(st.integers(low, high)))


@st.composite
def nd_cases(draw):
    kind = draw(
        st.sampled_from(
            [
                "UpSampling1D",
                "UpSampling3D",
                "ZeroPadding1D",
                "ZeroPadding3D",
                "Cropping1D",
                "Cropping3D",
            ]
        )
    )
    fmt = draw(formats)
    if kind.endswith("1D"):
        shape = (draw(st.integers(1, 12)), draw(st.integers(1, 4)))
        if kind == "UpSampling1D":
            return kind, (draw(st.integers(1, 4)),), {}, [shape]
        kwargs = {} if kind == "Cropping1D" else {"data_format": fmt}
        return kind, (pair_or_int(draw),), kwargs, [shape]
    shape = tuple(draw(st.integers(1, 9)) for _ in range(4))
    if kind == "UpSampling3D":
        size = (
            draw(st.integers(1, 3))
            if draw(st.booleans())
            else tuple(draw(st.integers(1, 3)) for _ in range(3))
        )
        return kind, (size,), {"data_format": fmt}, [shape]
    if draw(st.booleans()):
        amount = draw(st.integers(0, 3))
    else:
        amount = tuple(pair_or_int(draw, 0, 3) for _ in range(3))
    return kind, (amount,), {"data_format": fmt}, [shape]


@given(case=nd_cases())
@settings(SETTINGS, max_examples=300)
def test_1d_and_3d_padding_cropping_upsampling(keras, case):
    name, args, kwargs, shapes = case
    agree(keras, name, args, kwargs, shapes)


@st.composite
def shape_keeping_cases(draw):
    rank = draw(st.integers(1, 4))
    shape = tuple(draw(st.integers(1, 6)) for _ in range(rank))
    kind = draw(
        st.sampled_from(
            [
                "Rescaling",
                "Normalization",
                "LayerNormalization",
                "LeakyReLU",
                "SpatialDropout1D",
                "SpatialDropout2D",
                "SpatialDropout3D",
                "Permute",
                "RepeatVector",
            ]
        )
    )
    if kind == "Rescaling":
        return kind, (1 / 255,), {"offset": draw(st.sampled_from([0.0, -1.0]))}, [shape]
    if kind in ("Normalization", "LayerNormalization"):
        axis = draw(st.sampled_from([-1, 1, -2, (1, -1), 5]))
        kwargs = {"axis": axis}
        if kind == "LayerNormalization":
            kwargs.update(center=draw(st.booleans()), scale=draw(st.booleans()))
        return kind, (), kwargs, [shape]
    if kind == "LeakyReLU":
        return (
            kind,
            (),
            {"negative_slope": draw(st.sampled_from([0.1, 0.3, -1.0]))},
            [shape],
        )
    if kind.startswith("SpatialDropout"):
        return kind, (draw(st.sampled_from([0.0, 0.2, 1.5])),), {}, [shape]
    if kind == "Permute":
        dims = list(range(1, rank + 1))
        order = draw(st.permutations(dims))
        if draw(st.integers(0, 5)) == 0:
            order = [0, *order[1:]]
        return kind, (tuple(order),), {}, [shape]
    return kind, (draw(st.integers(1, 5)),), {}, [shape]


@given(case=shape_keeping_cases())
@settings(SETTINGS, max_examples=300)
def test_rescaling_normalization_dropout_permute(keras, case):
    name, args, kwargs, shapes = case
    agree(keras, name, args, kwargs, shapes)


@st.composite
def functional_merge_cases(draw):
    name = draw(
        st.sampled_from(
            ["add", "subtract", "multiply", "average", "maximum", "minimum", "concatenate"]
        )
    )
    base = [draw(st.integers(1, 5)) for _ in range(draw(st.integers(1, 3)))]
    count = 2 if name == "subtract" else draw(st.integers(2, 3))
    shapes = []
    for _ in range(count):
        shape = list(base)
        if name == "concatenate":
            shape[-1] = draw(st.integers(1, 5))
        elif draw(st.integers(0, 4)) == 0:
            shape[0] = 1
        shapes.append(tuple(shape))
    return name, shapes


@given(case=functional_merge_cases())
@settings(SETTINGS, max_examples=150)
def test_functional_merge_forms_are_the_layers(keras, case):
    name, shapes = case
    outcomes = []
    for module in (keras, pytest.importorskip("convdims").keras):
        inputs = [module.Input(shape=shape) for shape in shapes]
        try:
            outcomes.append(("ok", tuple(getattr(module.layers, name)(inputs).shape)))
        except ValueError:
            outcomes.append(("refused",))
    assert outcomes[0] == outcomes[1], f"{name} on {shapes}"


def test_arithmetic_on_symbolic_tensors_is_recorded_as_keras_records_it(keras):
    """x + 3.0, -x, x / 2 and 2 - x are rows of the summary, named as Keras names them."""
    from convdims import keras as ck

    names = []
    for module in (keras, ck):
        module.backend.clear_session()
        x = module.Input((4,))
        y = x + 1.0
        outputs = [-y, y / 2, 2 - x, x**2, y * x]
        model = module.Model(x, outputs)
        names.append([(layer.name, type(layer).__name__) for layer in model.layers])
        names.append([tuple(out.shape) for out in outputs])
    assert names[0] == names[2]
    assert names[1] == names[3]

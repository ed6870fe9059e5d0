"""conventions/tensorflow.py: TensorFlow's and TF Lite's rules as convdims states them
(defaults, refusals and their arguments, spellings, the empty band, output_shape).

What TensorFlow and TF Lite themselves do is checked in
tests/oracle/test_engine_tensorflow.py."""

from __future__ import annotations

import itertools
import random
import subprocess
import sys

import pytest

from convdims import ArgumentError, conventions
from convdims.conventions import KERAS
from convdims.conventions.tensorflow import (
    KNOWN_ENGINE_QUIRKS,
    TENSORFLOW,
    TFLITE,
    ShapedAxisRule,
    forward_size,
)
from convdims.transposed import conv_transpose_output_size


def test_registered_and_loaded_only_when_asked():
    assert ("tensorflow", "tflite") == tuple(
        f for f in conventions.FRAMEWORKS if f in ("tensorflow", "tflite")
    )
    assert conventions.get("tensorflow") is TENSORFLOW is conventions.TENSORFLOW
    assert conventions.get("tflite") is TFLITE is conventions.TFLITE
    loaded = subprocess.run(
        [sys.executable, "-c", "import sys, convdims.conventions; "
         "print('convdims.conventions.tensorflow' in sys.modules, "
         "'tensorflow' in sys.modules)"],
        capture_output=True, text=True, check=True,
    ).stdout.strip()  # fmt: skip
    assert loaded == "False False"


@pytest.mark.parametrize("convention", [TENSORFLOW, TFLITE])
def test_defaults_and_words_in_any_case(convention):
    rule = convention.resolve("pool", 11, 3)
    assert (rule.stride, rule.padding, rule.output_size) == (3, "valid", 3)
    for word in ("SAME", "same", "Same"):
        assert convention.resolve("conv", 11, 2, 2, word).output_size == 6
    assert convention.resolve("conv", 11, 2, 2, "VALID").output_size == 5


@pytest.mark.parametrize(
    ("convention", "family", "kwargs", "argument", "words"),
    [
        (TENSORFLOW, "conv", {"padding": 1, "axes": 2}, "padding", r"as N,N"),
        (TENSORFLOW, "conv", {"padding": 1}, "padding", "pairs go to tf.nn.conv2d"),
        (TENSORFLOW, "conv", {"padding": (1, 1)}, "padding",
         "explicit pairs go to tf.nn.conv2d"),
        (TENSORFLOW, "conv", {"padding": (1, 1), "axes": 3}, "padding", "tf.nn.conv3d"),
        (TENSORFLOW, "pool", {"padding": (1, 1), "axes": 3}, "padding",
         "max_pool1d/avg_pool1d or tf.nn.max_pool2d"),
        (TENSORFLOW, "transpose", {"padding": (1, 1), "axes": 1}, "padding",
         "tf.nn.conv2d_transpose"),
        (TENSORFLOW, "conv", {"padding": "full"}, "padding", "'SAME' or 'VALID'"),
        (TENSORFLOW, "conv", {"dilation": 2, "axes": 3}, "dilation",
         "CPU kernel of tf.nn.conv3d"),
        (TENSORFLOW, "transpose", {"dilation": 2, "axes": 2}, "dilation",
         "tf.nn.conv2d_transpose takes no dilation"),
        (TENSORFLOW, "pool", {"dilation": 2}, "dilation", "no dilation"),
        (TENSORFLOW, "pool", {"ceil_mode": True}, "ceil_mode", "no ceil_mode"),
        (TENSORFLOW, "conv", {"rounding": "ceil"}, "rounding", "dimRoundingMode is TF.js"),
        (TENSORFLOW, "conv", {"output_shape": 5}, "output_shape", "transposed"),
        (TENSORFLOW, "conv", {"kernel_size": 5, "input_size": 3}, "kernel_size",
         "longer than the padded input 3"),
        (TENSORFLOW, "conv", {"kernel_size": 4, "input_size": 3}, "kernel_size",
         "TensorFlow refuses it"),
        (TENSORFLOW, "transpose", {"output_padding": 2, "stride": 2}, "output_padding",
         "smaller than stride=2"),
        (TENSORFLOW, "transpose", {"output_shape": 30, "stride": 2}, "output_shape",
         "use an output_shape of 15..16"),
        (TENSORFLOW, "transpose", {"output_shape": 0}, "output_shape", "at least 1"),
        (TFLITE, "conv", {"padding": (1, 1), "axes": 2}, "padding", "'SAME' or 'VALID'"),
        (TFLITE, "pool", {"axes": 3}, "input_size", "no 3-D pooling"),
        (TFLITE, "transpose", {"dilation": 2}, "dilation", "no dilation above 1"),
        (TFLITE, "conv", {"kernel_size": 5, "input_size": 3}, "kernel_size",
         "a negative size"),
        (TFLITE, "transpose", {"output_shape": 30, "stride": 2, "axes": 3},
         "output_shape", "TF Lite refuses that"),
    ],
)  # fmt: skip
def test_each_refusal_names_its_argument(convention, family, kwargs, argument, words):
    arguments = {"input_size": 7, "kernel_size": 3, **kwargs}
    size, kernel = arguments.pop("input_size"), arguments.pop("kernel_size")
    with pytest.raises(ArgumentError, match=words) as caught:
        convention.resolve(family, size, kernel, **arguments)
    assert caught.value.argument == argument


def test_what_each_op_takes():
    assert TENSORFLOW.takes_padding("conv", (0, 1), axes=2)
    assert not TENSORFLOW.takes_padding("conv", (0, 1), axes=1)
    assert TENSORFLOW.takes_padding("pool", (0, 1), axes=1)
    assert not TENSORFLOW.takes_padding("conv", 1, axes=2)
    assert not TFLITE.takes_padding("conv", (0, 1), axes=2)
    # Strides and dilations together: conv1d and conv2d on CPU, and TF Lite everywhere.
    assert TENSORFLOW.resolve("conv", 11, 3, 2, "SAME", 2, axes=2).output_size == 6
    assert TFLITE.resolve("conv", 9, 3, 2, "VALID", 2, axes=3).output_size == 3
    with pytest.raises(ArgumentError, match="one padding string for all axes"):
        TENSORFLOW.check(
            "conv", paddings=["same", (0, 1)], strides=[1, 1], dilations=[1, 1]
        )


def test_the_band_tensorflow_refuses_and_tflite_empties():
    """A window too big by less than two strides: TF Lite gives 0 (an empty axis), by
    more it refuses; TensorFlow refuses both (its eager 0 is a known quirk)."""
    band = TFLITE.resolve("conv", 3, 6, 2, "valid")
    assert (band.output_size, band.empty) == (0, True)
    assert TFLITE.resolve("pool", 3, 4, 1, "valid").empty
    for size, kernel, stride in itertools.product(range(1, 8), range(1, 12), (1, 2, 3)):
        reach = forward_size(size, kernel, stride, "valid")
        try:
            lite = TFLITE.resolve("conv", size, kernel, stride, "valid").output_size
        except ArgumentError:
            lite = "refused"
        try:
            tensorflow = TENSORFLOW.resolve(
                "conv", size, kernel, stride, "valid"
            ).output_size
        except ArgumentError:
            tensorflow = "refused"
        assert lite == (reach if reach >= 0 else "refused")
        assert tensorflow == (reach if reach > 0 else "refused")
        assert (0 < kernel - size < 2 * stride) == (reach == 0)


def test_transposed_without_output_shape_is_what_keras_asks_for():
    """Keras's TensorFlow backend computes output_shape from output_padding (None or an
    int below the stride); convdims answers the same, and TensorFlow's consistency
    rule then holds or refuses (Keras's 'same' with an even kernel and
    output_padding 0 gives a size TensorFlow rejects)."""
    compared = 0
    for size, kernel, stride, word, extra in itertools.product(
        range(1, 7), range(1, 6), (1, 2, 3), ("valid", "same"), (None, 0, 1, 2)
    ):
        try:
            keras = KERAS.output_size(
                "transpose", size, kernel, stride, word, 1, False, extra
            )
        except ArgumentError:
            continue
        try:
            ours = TENSORFLOW.resolve(
                "transpose", size, kernel, stride, word, output_padding=extra
            ).output_size
        except ArgumentError as error:
            assert error.argument == "output_padding"
            assert forward_size(keras, kernel, stride, word) != size
            continue
        assert ours == keras and forward_size(ours, kernel, stride, word) == size
        compared += 1
    assert compared > 300


def test_output_shape_is_taken_exactly_when_its_forward_gives_the_input():
    seen = 0
    for size, kernel, stride, padding in itertools.product(
        range(1, 6), range(1, 5), (1, 2, 3), ("valid", "same", (1, 0), (2, 2))
    ):
        for shape in range(1, size * stride + kernel + 3):
            consistent = forward_size(shape, kernel, stride, padding) == size
            try:
                rule = TENSORFLOW.resolve(
                    "transpose", size, kernel, stride, padding, axes=2, output_shape=shape
                )
            except ArgumentError as error:
                assert not consistent and error.argument == "output_shape"
                continue
            assert consistent and rule.output_size == shape
            # The rule says it in the core's terms: TensorFlow's pads and the rest.
            assert conv_transpose_output_size(**rule.core_arguments()) == shape
            seen += 1
    assert seen > 200


def test_tflite_2d_transposed_takes_any_output_shape():
    rule = TFLITE.resolve("transpose", 4, 3, 2, "valid", axes=2, output_shape=20)
    assert isinstance(rule, ShapedAxisRule) and rule.output_size == 20
    assert (
        TFLITE.resolve("transpose", 4, 3, 2, "valid", axes=3, output_shape=9).output_size
        == 9
    )


def test_the_quirk_table_is_data_the_site_can_show():
    assert len(KNOWN_ENGINE_QUIRKS) >= 4
    for quirk in KNOWN_ENGINE_QUIRKS:
        assert set(quirk) == {"what", "case", "observed"}
        assert quirk["what"].endswith(".")
        assert set(quirk["observed"]) <= {"eager", "graph", "lite"}
        assert len(quirk["case"]["input"]) == len(quirk["case"]["kernel"])


def test_random_layers_never_crash_and_refuse_by_name():
    rng = random.Random(0)
    for _ in range(3000):
        convention = rng.choice([TENSORFLOW, TFLITE])
        family = rng.choice(["conv", "pool", "transpose"])
        try:
            rule = convention.resolve(
                family,
                rng.randint(1, 10),
                rng.randint(1, 6),
                rng.choice([None, 1, 2, 3]),
                rng.choice(["same", "VALID", 0, (1, 0), "causal", (-1, 0), None]),
                rng.choice([1, 1, 2]),
                rng.random() < 0.05,
                rng.choice(["default", None, 0, 1]),
                axes=rng.choice([1, 2, 3]),
                output_shape=rng.choice([None, 5, 9]) if family == "transpose" else None,
            )
        except (ArgumentError, TypeError) as error:
            assert getattr(error, "argument", None), error
            continue
        assert rule.output_size >= 0 and rule.empty == (rule.output_size == 0)

"""conventions/tfjs.py: TF.js's rules as convdims states them (defaults, refusals and
their arguments, spellings, empty axes, the rounding modes).

What TF.js itself does is checked in tests/oracle/test_engine_tfjs.py."""

from __future__ import annotations

import itertools
import random
import subprocess
import sys

import pytest

from convdims import ArgumentError, conventions
from convdims.conventions import tfjs
from convdims.conventions.tfjs import TFJS, TfjsAxisRule, engine_size
from convdims.window import effective_kernel


def test_registered_and_loaded_only_when_asked():
    assert "tfjs" in conventions.FRAMEWORKS
    assert conventions.get("tfjs") is TFJS is conventions.TFJS
    loaded = subprocess.run(
        [sys.executable, "-c", "import sys, convdims.conventions; "
         "print('convdims.conventions.tfjs' in sys.modules)"],
        capture_output=True, text=True, check=True,
    ).stdout.strip()  # fmt: skip
    assert loaded == "False"


def test_defaults():
    rule = TFJS.resolve("pool", 11, 3, axes=2)
    assert (rule.stride, rule.padding, rule.output_size) == (3, "valid", 3)
    rule = TFJS.resolve("conv", 11, 3, axes=2)
    assert (rule.stride, rule.padding, rule.rounding, rule.output_size) == (
        1,
        "valid",
        None,
        9,
    )
    assert TFJS.resolve("transpose", 4, 3, 2, axes=2).output_size == 9  # tfjs-layers


@pytest.mark.parametrize("word", ["same", "SAME", "Same", "valid", "VALID"])
def test_words_in_any_case(word):
    rule = TFJS.resolve("conv", 11, 3, 2, word, axes=2)
    assert rule.padding == word.lower()
    assert rule.output_size == (6 if word.lower() == "same" else 5)


def test_each_axis_matches_tfjs_formula_on_a_grid():
    """The core's answer (with the rounding and padding-only windows TF.js asks for)
    equals TF.js's own formula (engine_size, a transcription of conv_util.ts that
    shares no code with the core) wherever TF.js gives a size; 0 is an empty axis; a
    negative size is refused."""
    seen = {"sizes": 0, "empty": 0, "refused": 0}
    for family, axes in (("conv", 1), ("conv", 2), ("conv", 3), ("pool", 2), ("pool", 3)):
        paddings = ["same", "valid", 0, 1, 3]
        if axes < 3:
            paddings += [(0, 2), (3, 1)]
        roundings = (
            [None, *tfjs.ROUNDINGS] if not (family == "conv" and axes == 3) else [None]
        )
        for size, kernel, stride, padding, rounding in itertools.product(
            range(1, 9), range(1, 6), (1, 2, 3), paddings, roundings
        ):
            if rounding is not None and isinstance(padding, str):
                continue
            expected = engine_size(axes, size, kernel, stride, padding, rounding)
            try:
                rule = TFJS.resolve(
                    family, size, kernel, stride, padding, axes=axes, rounding=rounding
                )
            except ArgumentError as error:
                assert expected < 0, (family, axes, size, kernel, stride, padding, rounding)
                assert error.argument in ("kernel_size", "pool_size")
                seen["refused"] += 1
                continue
            assert rule.output_size == expected, (family, axes, size, kernel, stride,
                                                  padding, rounding)  # fmt: skip
            assert rule.empty == (expected == 0)
            if expected:
                geometry = rule.geometry()
                assert geometry.output_size == expected
                seen["sizes"] += 1
            else:
                assert rule.geometry() is None
                seen["empty"] += 1
    assert min(seen.values()) > 50, seen


def test_rounding_modes_on_a_numeric_pad():
    sizes = {r: TFJS.resolve("conv", 8, 3, 2, 1, rounding=r).output_size for r in
             (None, *tfjs.ROUNDINGS)}  # fmt: skip
    assert sizes == {None: 4, "floor": 4, "round": 5, "ceil": 5}
    assert TFJS.resolve("conv", 3, 2, 2, 0, rounding="round").output_size == 2
    # ceil_mode is TF.js's 'ceil' (pooling), with no last-window rule.
    ceil = TFJS.resolve("pool", 5, 1, 3, 0, ceil_mode=True)
    assert (ceil.rounding, ceil.output_size) == ("ceil", 3)
    # A window that reaches past the input still counts when rounding up.
    assert TFJS.resolve("pool", 3, 4, 3, 0, rounding="ceil").output_size == 1


def test_empty_axes():
    valid = TFJS.resolve("conv", 2, 4, 2, "valid")
    assert (valid.output_size, valid.empty, valid.geometry()) == (0, True, None)
    assert TFJS.resolve("pool", 2, 5, 1, 1, axes=3, rounding="ceil").empty
    transposed = TFJS.resolve("transpose", 4, 3, 2, "valid", output_shape=0)
    assert (transposed.output_size, transposed.empty) == (0, True)
    # outputShape is taken as given, whatever the forward convolution would say.
    assert TFJS.resolve("transpose", 4, 3, 2, "valid", output_shape=20).output_size == 20


def test_padding_only_windows_are_counted():
    rule = TFJS.resolve("pool", 5, 2, 1, 3)
    assert rule.output_size == 10 and rule.core_arguments()["padding_only"] is True


@pytest.mark.parametrize(
    ("family", "kwargs", "argument", "words"),
    [
        ("pool", {"axes": 1}, "input_size", "no 1-D pooling"),
        ("transpose", {"axes": 1}, "input_size", "tf.conv2dTranspose"),
        ("conv", {"padding": "same", "rounding": "ceil"}, "rounding",
         "pad must be an integer when using dimRoundingMode ceil"),
        ("conv", {"padding": 1, "rounding": "ceil", "axes": 3}, "rounding",
         "tf.conv3d takes no dimRoundingMode"),
        ("conv", {"padding": 1, "rounding": "half"}, "rounding",
         "not a TF.js dimRoundingMode"),
        ("pool", {"padding": 1, "rounding": "round", "ceil_mode": True}, "rounding",
         "ceil_mode is TF.js's dimRoundingMode 'ceil'"),
        ("conv", {"stride": 2, "dilation": 2}, "dilation", "dilation"),
        ("pool", {"dilation": 2}, "dilation", "no dilation"),
        ("transpose", {"dilation": 2}, "dilation", "takes no dilations"),
        ("transpose", {"output_padding": 1}, "output_padding", "outputShape"),
        ("conv", {"padding": (0, 1), "axes": 3}, "padding", "tf.conv3d takes pad"),
        ("pool", {"padding": (0, 1), "axes": 3}, "padding", "tf.maxPool3d"),
        ("conv", {"padding": "full"}, "padding", "not 'full'"),
        ("conv", {"output_shape": 3}, "output_shape", "transposed convolution's"),
        ("transpose", {"output_shape": -1}, "output_shape", "negative"),
        ("transpose", {"padding": 9}, "padding", "leaves no output"),
        ("conv", {"kernel_size": 9, "padding": "valid", "input_size": 2}, "kernel_size",
         "TF.js would give the size -6"),
        ("pool", {"kernel_size": 5, "stride": 1, "padding": "valid", "input_size": 2},
         "pool_size",
         "tf.maxPool/tf.avgPool returns a negative shape or raises"),
    ],
)  # fmt: skip
def test_each_refusal_names_its_argument(family, kwargs, argument, words):
    arguments = {"input_size": 7, "kernel_size": 3, "axes": 2, **kwargs}
    size, kernel = arguments.pop("input_size"), arguments.pop("kernel_size")
    with pytest.raises(ArgumentError, match=words) as caught:
        TFJS.resolve(family, size, kernel, **arguments)
    assert caught.value.argument == argument


@pytest.mark.parametrize(
    ("paddings", "axes"),
    [(["same", "valid"], 2), (["same", 1], 2), ([1, 2, 1], 3)],
)
def test_one_pad_for_all_axes(paddings, axes):
    with pytest.raises(ArgumentError, match="one pad for all axes") as caught:
        TFJS.check("conv", paddings=paddings, strides=[1] * axes, dilations=[1] * axes)
    assert caught.value.argument == "padding"
    # Different numbers per axis are explicit pairs in 2-D: taken.
    TFJS.check("conv", paddings=[1, 2], strides=[1, 1], dilations=[1, 1])


def test_rules_are_tfjs_axis_rules_with_core_arguments():
    rule = TFJS.resolve("conv", 8, 3, 2, 1, rounding="round")
    assert isinstance(rule, TfjsAxisRule)
    assert rule.core_arguments()["rounding"] == "round"
    from convdims.convolution import conv_output_size

    assert conv_output_size(**rule.core_arguments()) == rule.output_size == 5


def test_the_quirk_table_is_data_the_site_can_show():
    assert len(tfjs.KNOWN_ENGINE_QUIRKS) >= 4
    for quirk in tfjs.KNOWN_ENGINE_QUIRKS:
        assert set(quirk) == {"what", "op", "case", "engine"}
        assert quirk["what"].endswith(".")
        assert set(quirk["case"]) == {"input", "kernel", "strides", "pad"}


def test_random_layers_never_crash_and_refuse_by_name():
    """Fuzz: every answer is a size of 0 or more, every refusal names an argument."""
    rng = random.Random(0)
    for _ in range(3000):
        family = rng.choice(["conv", "pool", "transpose"])
        axes = rng.choice([1, 2, 3])
        padding = rng.choice(["same", "valid", "SAME", 0, 2, (1, 0), "causal", -1, True])
        try:
            rule = TFJS.resolve(
                family,
                rng.randint(1, 10),
                rng.randint(1, 6),
                rng.choice([None, 1, 2, 3]),
                padding,
                rng.choice([1, 1, 2]),
                rng.random() < 0.1,
                axes=axes,
                rounding=rng.choice([None, None, *tfjs.ROUNDINGS]),
                output_shape=rng.choice([None, None, 0, 7])
                if family == "transpose"
                else None,
            )
        except (ArgumentError, TypeError) as error:
            assert getattr(error, "argument", None), error
            continue
        assert rule.output_size >= 0
        assert rule.empty == (rule.output_size == 0)
        assert effective_kernel(rule.kernel_size, rule.dilation) >= 1

"""conventions/onnx.py: ONNX's defaults, spellings, refusals and empty axes.

What ONNX Runtime itself does is checked in tests/oracle/test_engine_onnxruntime.py."""

from __future__ import annotations

import subprocess
import sys

import pytest

from convdims import ArgumentError, conventions, pool_output_size
from convdims.conventions import onnx as onnx_module

ONNX = conventions.get("onnx")


def test_registered_and_loaded_on_use():
    assert "onnx" in conventions.FRAMEWORKS
    assert conventions.ONNX is ONNX is onnx_module.ONNX
    assert ONNX.title == "ONNX" and ONNX.run_here and "onnxruntime" in ONNX.source
    # Importing the conventions, or this one, loads no engine.
    code = (
        "import sys, convdims.conventions as c; c.get('onnx'); "
        "print(sorted(m for m in ('onnx', 'onnxruntime', 'numpy') if m in sys.modules))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert out.stdout.strip() == "[]"


def test_defaults():
    pool = ONNX.resolve("pool", 11, 3)
    assert pool.stride == 1 and pool.padding == 0 and pool.output_size == 9
    assert ONNX.resolve("conv", 11, 3).output_size == 9
    transpose = ONNX.resolve("transpose", 4, 3, 2)
    assert transpose.output_padding == 0 and transpose.output_size == 9


@pytest.mark.parametrize("family", ["conv", "pool", "transpose"])
@pytest.mark.parametrize("word", ["SAME_UPPER", "same_lower", "Valid"])
def test_spellings_are_case_insensitive(family, word):
    sizes = {
        spelled: ONNX.output_size(family, 11, 3, 2, spelled)
        for spelled in (word, word.lower(), word.upper(), word.title())
    }
    assert len(set(sizes.values())) == 1, sizes


def test_same_upper_and_same_lower_put_the_odd_cell_on_either_side():
    upper = ONNX.resolve("conv", 11, 2, 2, "SAME_UPPER").geometry()
    lower = ONNX.resolve("conv", 11, 2, 2, "SAME_LOWER").geometry()
    assert (upper.pad_before, upper.pad_after) == (0, 1)
    assert (lower.pad_before, lower.pad_after) == (1, 0)
    assert upper.output_size == lower.output_size == 6


def test_pooling_same_padding_ignores_the_dilation():
    rule = ONNX.resolve("pool", 5, 2, padding="SAME_UPPER", dilation=3)
    # (ceil(5/1) - 1)*1 + 2 - 5 = 1 cell, not the 4 the dilated window would want.
    assert rule.padding == (0, 1)
    assert rule.output_size == pool_output_size(5, 2, 1, (0, 1), 3) == 3


def test_pooling_divides_toward_zero():
    # The window of 2 overhangs the 1 cell by 1 < stride 2: one output.
    assert ONNX.output_size("pool", 1, 2, 2) == 1
    # By 3 cells (more than a stride, less than two): an empty axis.
    rule = ONNX.resolve("pool", 1, 4, 2)
    assert (rule.output_size, rule.empty, rule.geometry()) == (0, True, None)
    # By 4 cells (two strides): refused.
    with pytest.raises(ArgumentError, match="two strides") as caught:
        ONNX.resolve("pool", 1, 5, 2)
    assert caught.value.argument == "kernel_size"
    # A convolution has no such leeway.
    with pytest.raises(ArgumentError) as caught:
        ONNX.output_size("conv", 1, 2, 2)
    assert caught.value.argument == "kernel_size"


def test_ceil_mode_drops_a_last_window_that_starts_in_the_end_padding():
    assert ONNX.output_size("pool", 5, 1, 3, ceil_mode=True) == 2
    assert ONNX.output_size("pool", 11, 2, 2, (1, 1), ceil_mode=True) == 6
    assert ONNX.output_size("pool", 112, 3, 2, 1, ceil_mode=True) == 57


def test_negative_same_padding_depends_on_the_operator():
    # (ceil(8/2) - 1)*2 + 1 - 8 = -1: MaxPool refuses, AveragePool (opset 19+) crops.
    with pytest.raises(ArgumentError, match="non-negative") as caught:
        ONNX.resolve("pool", 8, 1, 2, "SAME_UPPER")
    assert caught.value.argument == "padding"
    rule = ONNX.resolve("pool", 8, 1, 2, "SAME_UPPER", op="AveragePool")
    assert (rule.input_size, rule.padding, rule.output_size) == (7, (0, 0), 4)
    with pytest.raises(ArgumentError, match="non-negative"):
        ONNX.resolve("pool", 8, 1, 2, "SAME_UPPER", op="AveragePool", opset=17)
    # ... unless it rounds up and counts the padding.
    old_average = {"op": "AveragePool", "opset": 17, "count_include_pad": True}
    rule = ONNX.resolve("pool", 8, 1, 2, "SAME_UPPER", ceil_mode=True, **old_average)
    assert rule.output_size == 4
    with pytest.raises(TypeError) as caught:
        ONNX.resolve("pool", 8, 1, 2, op="AveragePool", count_include_pad=1)
    assert caught.value.argument == "count_include_pad"
    # A dilated MaxPool crops too, and so does an axis whose neighbour is dilated.
    assert ONNX.output_size("pool", 8, 1, 2, "SAME_UPPER", 2) == 4
    assert ONNX.resolve("pool", 8, 1, 2, "SAME_UPPER", dilations=(1, 2)).output_size == 4


@pytest.mark.parametrize(
    ("family", "arguments", "keywords", "argument", "words"),
    [
        ("conv", (5, 2, 1, "SAME_UPPER", 2), {}, "dilation", "SAME_UPPER with dilation"),
        ("conv", (5, 2, 1, "same"), {}, "padding", "'same_upper'"),
        ("conv", (5, 2, 1, "notset"), {}, "padding", "NOTSET means the explicit pads"),
        ("pool", (5, 2, 1, (2, 0), 3), {}, "padding", "than kernel_shape=2"),
        ("pool", (5, 2, 1, 2), {}, "padding", r"\(pads\) 2 puts"),
        ("pool", (5, 2, 1, 0, 2), {"op": "AveragePool", "opset": 18}, "dilation", "19"),
        ("pool", (5, 2), {"op": "LpPool"}, "op", "'MaxPool' or 'AveragePool'"),
        ("pool", (5, 2), {"opset": 10}, "opset", "opset 11"),
        ("conv", (5, 2), {"op": "MaxPool"}, "op", "pooling operator"),
        ("transpose", (4, 4, 1, 0, 3, False, 1), {}, "output_padding", "stride=1"),
        ("transpose", (4, 3, 2, 0, 1, False, None), {}, "output_padding", "None"),
        ("transpose", (2, 3, 2), {"output_shape": 7}, "output_shape", "at most"),
        ("transpose", (2, 3, 2), {"output_shape": 0}, "output_shape", "at least 1"),
        ("pool", (5, 2), {"output_shape": 7}, "output_shape", "ConvTranspose"),
        ("transpose", (1, 1, 1, (1, 1)), {}, "padding", "at least 1"),
    ],
)
def test_each_refusal_names_its_argument(family, arguments, keywords, argument, words):
    with pytest.raises(ArgumentError, match=words) as caught:
        _ = ONNX.resolve(family, *arguments, **keywords).output_size
    assert caught.value.argument == argument


def test_check_refuses_for_every_axis():
    with pytest.raises(ArgumentError) as caught:
        ONNX.check(
            "pool",
            paddings=[(0, 0), (3, 0)],
            strides=[None, None],
            dilations=[1, 1],
            kernel_sizes=[3, 3],
        )
    assert caught.value.argument == "padding" and "3 cell(s) before" in str(caught.value)
    ONNX.check("pool", paddings=[(2, 2)], strides=[None], dilations=[1], kernel_sizes=[3])


def test_transposed_same_gives_input_times_stride():
    upper = ONNX.resolve("transpose", 12, 3, 2, "SAME_UPPER")
    lower = ONNX.resolve("transpose", 12, 4, 2, "SAME_LOWER")
    assert upper.output_size == 24 and upper.padding == (0, 1)
    assert lower.output_size == 24 and lower.padding == (1, 1)
    # Windows that reach less far than the stride: no more cells than they reach.
    assert ONNX.output_size("transpose", 2, 1, 3, "SAME_UPPER") == 4


def test_transposed_output_shape():
    for target in range(23, 27):
        rule = ONNX.resolve("transpose", 12, 3, 2, output_shape=target)
        assert rule.output_size == target
    # Beyond what the windows reach, the extra cells come after, as output padding.
    rule = ONNX.resolve("transpose", 12, 3, 2, output_shape=26)
    assert (rule.padding, rule.output_padding) == ((0, 0), 1)
    # An odd total padding: SAME_UPPER puts the extra cell after, the others before.
    assert ONNX.resolve("transpose", 12, 4, 2, output_shape=25).padding == (1, 0)
    upper = ONNX.resolve("transpose", 12, 4, 2, "SAME_UPPER", output_shape=25)
    assert upper.padding == (0, 1)


def test_known_engine_quirks_are_examples_convdims_answers():
    quirks = onnx_module.KNOWN_ENGINE_QUIRKS
    assert {quirk.kind for quirk in quirks} == {"spec", "self"}
    for quirk in quirks:
        assert quirk.framework == "onnx" and quirk.source.startswith("onnxruntime/")
        example = dict(quirk.example)
        family = example.pop("family")
        if quirk.convdims_does == "refuses":
            with pytest.raises(ArgumentError):
                _ = ONNX.resolve(family, **example).output_size
        else:
            assert ONNX.resolve(family, **example).output_size >= 0

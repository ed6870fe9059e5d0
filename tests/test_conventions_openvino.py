"""conventions/openvino.py: OpenVINO's defaults, spellings, rounding types, refusals and
empty axes.

What OpenVINO itself does is checked in tests/oracle/test_engine_openvino.py."""

from __future__ import annotations

import subprocess
import sys

import pytest

from convdims import ArgumentError, conv_transpose_output_size, conventions
from convdims.conventions import openvino as openvino_module

OPENVINO = conventions.get("openvino")


def test_registered_and_loaded_on_use():
    assert "openvino" in conventions.FRAMEWORKS
    assert conventions.OPENVINO is OPENVINO is openvino_module.OPENVINO
    assert OPENVINO.title == "OpenVINO" and "openvino" in OPENVINO.source
    code = (
        "import sys, convdims.conventions as c; c.get('openvino'); "
        "print(sorted(m for m in ('openvino', 'numpy') if m in sys.modules))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert out.stdout.strip() == "[]"


def test_defaults():
    pool = OPENVINO.resolve("pool", 11, 3)
    assert pool.stride == 1 and pool.padding == 0 and pool.output_size == 9
    assert OPENVINO.resolve("transpose", 4, 3, 2).output_size == 9


@pytest.mark.parametrize("family", ["conv", "pool", "transpose"])
@pytest.mark.parametrize("word", ["SAME_UPPER", "same_lower", "Valid"])
def test_spellings_are_case_insensitive(family, word):
    sizes = {
        spelled: OPENVINO.output_size(family, 11, 3, 2, spelled)
        for spelled in (word, word.lower(), word.upper(), word.title())
    }
    assert len(set(sizes.values())) == 1, sizes


def test_same_padding_counts_the_dilation():
    rule = OPENVINO.resolve("conv", 5, 2, 1, "same_upper", 3)
    geometry = rule.geometry()
    assert geometry.output_size == 5 and (geometry.pad_before, geometry.pad_after) == (
        1,
        2,
    )


def test_rounding_types():
    assert OPENVINO.output_size("pool", 11, 2, 2, 1) == 6
    ceil = OPENVINO.resolve("pool", 11, 2, 2, 1, ceil_mode=True)
    assert (ceil.output_size, ceil.last_window) == (7, "keep")
    assert OPENVINO.resolve("pool", 11, 2, 2, 1, rounding="CEIL").output_size == 7
    torch_like = OPENVINO.resolve("pool", 11, 2, 2, 1, rounding="ceil_torch")
    assert (torch_like.output_size, torch_like.last_window) == (6, "drop")
    assert OPENVINO.resolve("pool", 5, 1, 3, rounding="ceil").output_size == 3
    assert OPENVINO.resolve("pool", 5, 1, 3, rounding="ceil_torch").output_size == 2


def test_a_pooling_pad_may_be_as_large_as_the_window():
    # MaxPool counts windows of padding only; the core alone refuses them.
    rule = OPENVINO.resolve("pool", 2, 1, 1, (1, 1))
    assert rule.output_size == 4 and rule.geometry().window_starts == (0, 1, 2, 3)
    assert OPENVINO.resolve("pool", 2, 1, 2, (1, 2), rounding="ceil").output_size == 3
    assert OPENVINO.resolve("pool", 2, 1, 2, (2, 2), rounding="ceil_torch").output_size == 3
    # AvgPool with exclude_pad refuses them, without it takes them.
    with pytest.raises(ArgumentError, match="exclude_pad") as caught:
        OPENVINO.resolve("pool", 2, 1, 1, (1, 1), op="AvgPool")
    assert caught.value.argument == "padding"
    rule = OPENVINO.resolve("pool", 2, 1, 1, (1, 1), op="avgpool", exclude_pad=False)
    assert rule.output_size == 4


def test_transposed_convolution():
    # same_* add no padding without an output_shape.
    rule = OPENVINO.resolve("transpose", 4, 3, 2, "same_upper")
    assert rule.padding == (0, 0) and rule.output_size == 9
    # output_padding has no bound.
    rule = OPENVINO.resolve("transpose", 4, 3, 1, (1, 1), output_padding=3)
    assert rule.output_size == 3 * 1 + 3 - 2 + 3
    # Any output_shape, the padding (odd cell before for same_upper) or the extra cells
    # after making it.
    for target in (0, 1, 8, 9, 20):
        assert OPENVINO.output_size("transpose", 4, 3, 2) == 9
        rule = OPENVINO.resolve("transpose", 4, 3, 2, "same_upper", output_shape=target)
        assert rule.output_size == target and rule.empty == (target == 0)
    assert OPENVINO.resolve("transpose", 4, 3, 2, "same_upper", output_shape=6).padding == (
        2,
        1,
    )
    assert OPENVINO.resolve("transpose", 4, 3, 2, "same_lower", output_shape=6).padding == (
        1,
        2,
    )


def test_the_core_gives_the_size():
    rule = OPENVINO.resolve("transpose", 4, 3, 1, (1, 1), output_padding=3)
    arguments = rule.core_arguments()
    assert arguments["output_padding_bound"] is False
    assert rule.output_size == conv_transpose_output_size(**arguments) == 7


def test_empty_transposed_axis():
    rule = OPENVINO.resolve("transpose", 1, 1, 1, (1, 0))
    assert (rule.output_size, rule.empty) == (0, True)
    with pytest.raises(ArgumentError, match="negative") as caught:
        OPENVINO.resolve("transpose", 1, 1, 1, (1, 1))
    assert caught.value.argument == "padding"


@pytest.mark.parametrize(
    ("family", "arguments", "keywords", "argument", "words"),
    [
        ("conv", (3, 4), {}, "kernel_size", "larger than the padded input"),
        ("pool", (3, 4), {"rounding": "ceil"}, "kernel_size", "whatever the rounding"),
        ("pool", (3, 1), {"rounding": "round"}, "rounding", "'ceil_torch'"),
        ("pool", (3, 1), {"rounding": "floor", "ceil_mode": True}, "rounding", "one"),
        ("conv", (3, 1), {"rounding": "ceil"}, "rounding", "pooling"),
        ("pool", (5, 2, 1, 0, 2), {"op": "AvgPool"}, "dilation", "AvgPool has no"),
        ("pool", (5, 2), {"op": "AveragePool"}, "op", "'AvgPool'"),
        ("transpose", (5, 2), {"op": "MaxPool"}, "op", "pooling"),
        ("pool", (5, 2), {"output_shape": 3}, "output_shape", "ConvolutionBackpropData"),
        ("conv", (5, 2, 1, "explicit"), {}, "padding", "give the padding as B,A"),
        ("conv", (5, 2, 1, "same"), {}, "padding", "'same_upper'"),
        ("transpose", (4, 3, 2, 0, 1, False, None), {}, "output_padding", "None"),
        ("transpose", (4, 3, 2), {"output_shape": -1}, "output_shape", "0 or more"),
    ],
)
def test_each_refusal_names_its_argument(family, arguments, keywords, argument, words):
    with pytest.raises(ArgumentError, match=words) as caught:
        _ = OPENVINO.resolve(family, *arguments, **keywords).output_size
    assert caught.value.argument == argument


def test_known_engine_quirks_are_examples_convdims_answers():
    for quirk in openvino_module.KNOWN_ENGINE_QUIRKS:
        assert quirk.framework == "openvino" and quirk.source.startswith("src/core/")
        assert quirk.kind == "note"
        example = dict(quirk.example)
        family = example.pop("family")
        if quirk.convdims_does.startswith("refuses"):
            with pytest.raises(ArgumentError):
                _ = OPENVINO.resolve(family, **example).output_size
        else:
            assert OPENVINO.resolve(family, **example).output_size >= 0


def test_exclude_pad_must_be_a_bool():
    with pytest.raises(TypeError, match="True or False") as caught:
        OPENVINO.resolve("pool", 5, 2, exclude_pad=1)
    assert caught.value.argument == "exclude_pad"

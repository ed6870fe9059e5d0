"""``convdims conv|pool|transpose ... --framework onnx``: ONNX Runtime's sizes, empty
axes and refusals through the command line (the rules: tests/test_conventions_onnx.py;
the engine: tests/oracle/test_engine_onnxruntime.py)."""

from __future__ import annotations

import json
import random

import pytest

from convdims import conventions
from convdims.cli import main

ONNX = conventions.get("onnx")


def answer(capsys, *args: str) -> tuple[int, dict]:
    status = main([*args, "--framework", "onnx", "--json"])
    out, err = capsys.readouterr()
    assert not err
    return status, json.loads(out)


def test_pooling_defaults_its_stride_to_one(capsys):
    status, data = answer(capsys, "pool", "11", "-k", "2")
    assert status == 0 and data["output_size"] == [10]
    assert data["axes"][0]["stride"] == 1


def test_pads_before_and_after_and_ceil_mode(capsys):
    status, data = answer(capsys, "pool", "11", "-k", "2", "-s", "2", "-p", "0,1")
    assert status == 0 and data["output_size"] == [6]
    axis = data["axes"][0]
    assert (axis["pad_before"], axis["pad_after"]) == (0, 1)
    status, data = answer(capsys, "pool", "5", "-k", "1", "-s", "3", "--ceil-mode")
    assert status == 0 and data["output_size"] == [2]  # the window at 6 is dropped


@pytest.mark.parametrize("word", ["SAME_UPPER", "same_upper", "Same_Upper"])
def test_same_upper_in_any_case(capsys, word):
    status, data = answer(capsys, "conv", "11x12", "-k", "2", "-s", "2", "-p", word)
    assert status == 0 and data["output_size"] == [6, 6]
    assert [(a["pad_before"], a["pad_after"]) for a in data["axes"]] == [(0, 1), (0, 0)]


def test_same_lower_puts_the_odd_cell_before(capsys):
    status, data = answer(capsys, "conv", "11", "-k", "2", "-s", "2", "-p", "SAME_LOWER")
    assert status == 0 and (
        data["axes"][0]["pad_before"],
        data["axes"][0]["pad_after"],
    ) == (
        1,
        0,
    )


def test_an_empty_axis_is_an_answer(capsys):
    status, data = answer(capsys, "pool", "1x5", "-k", "4", "-s", "2")
    assert status == 0 and data["output_size"] == [0, 1]
    assert data["axes"][0]["empty"] is True and data["axes"][1]["empty"] is False
    status = main(["pool", "1", "-k", "4", "-s", "2", "--framework", "onnx"])
    out, _ = capsys.readouterr()
    assert status == 0 and "an empty output, not an error" in out and "ONNX" in out


@pytest.mark.parametrize(
    ("args", "option", "words"),
    [
        (["conv", "5", "-k", "2", "-p", "SAME_UPPER", "-d", "3"], "-d/--dilation", "SAME"),
        (["pool", "5", "-k", "2", "-p", "2,0"], "-p/--padding", "than kernel_shape=2"),
        (["pool", "1", "-k", "5", "-s", "2"], "-k/--kernel-size", "two strides"),
        (
            ["pool", "8", "-k", "1", "-s", "2", "-p", "same_upper"],
            "-p/--padding",
            "MaxPool",
        ),
        (["pool", "8", "-k", "2", "--rounding", "ceil"], "--rounding", "ceil_mode"),
        (["conv", "3", "-k", "4"], "-k/--kernel-size", "larger than the padded input"),
        (
            ["transpose", "4", "-k", "3", "-s", "2", "--output-padding", "2"],
            "--output-padding",
            "stride=2",
        ),
        (["conv", "5", "-k", "2", "-p", "notset"], "-p/--padding", "B,A"),
        (["conv", "5", "-k", "2", "-p", "same"], "-p/--padding", "same_upper"),
    ],
)
def test_refusals_exit_2_with_a_json_error(capsys, args, option, words):
    status, data = answer(capsys, *args)
    assert status == 2 and set(data) == {"error"}
    assert data["error"]["option"] == option and words in data["error"]["message"]


def test_the_command_line_says_what_the_library_says(capsys):
    """Random 1-D and 2-D questions: the command line's sizes are resolve()'s, and it
    refuses where resolve() does."""
    rng = random.Random(14)
    words = ["VALID", "same_upper", "Same_Lower", "0", "1", "2", "0,1", "2,1", None]
    for _ in range(80):  # each call builds the parser: about 0.1 s
        command = rng.choice(["conv", "pool", "transpose"])
        axes = rng.choice([1, 2])
        sizes = [rng.randint(1, 12) for _ in range(axes)]
        kernel, stride, dilation = rng.randint(1, 5), rng.randint(1, 3), rng.randint(1, 3)
        padding = rng.choice(words)
        ceil = command == "pool" and rng.random() < 0.4
        args = [command, "x".join(map(str, sizes)), "-k", str(kernel), "-s", str(stride)]
        args += ["-d", str(dilation)] + (["-p", padding] if padding else [])
        args += ["--ceil-mode"] if ceil else []
        try:
            expected: object = [
                ONNX.resolve(
                    command,
                    size,
                    kernel,
                    stride,
                    None if padding is None else _library_padding(padding),
                    dilation,
                    ceil,
                    axes=axes,
                    **({"dilations": [dilation] * axes} if command == "pool" else {}),
                ).output_size
                for size in sizes
            ]
        except ValueError:
            expected = "refused"
        status, data = answer(capsys, *args)
        said = data["output_size"] if status == 0 else "refused"
        assert said == expected, args


def _library_padding(padding: str):
    if padding[0].isdigit():
        numbers = tuple(int(n) for n in padding.split(","))
        return numbers[0] if len(numbers) == 1 else numbers
    return padding


def test_a_dilation_on_another_axis_lets_maxpool_crop(capsys):
    """MaxPool refuses a negative SAME padding only when no axis is dilated: the
    command line asks with the whole layer's dilations, as the library does."""
    onnx = conventions.get("onnx")
    expected = onnx.resolve(
        "pool", 8, 1, 2, "same_upper", 1, axes=2, dilations=[1, 2]
    ).output_size
    status, data = answer(
        capsys, "pool", "8x8", "-k", "1", "-s", "2", "-p", "same_upper", "-d", "1x2"
    )
    assert status == 0 and data["output_size"] == [expected, expected]
    assert data["axes"][0]["input_size"] == 8
    assert "crops the input by 1 cell(s)" in " ".join(
        data["axes"][0]["derivation"]["notes"]
    )
    status, data = answer(capsys, "pool", "8x8", "-k", "1", "-s", "2", "-p", "same_upper")
    assert status == 2 and data["error"]["option"] == "-p/--padding"

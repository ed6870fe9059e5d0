"""``convdims conv|pool|transpose ... --framework openvino``: OpenVINO's sizes, empty
axes and refusals through the command line (the rules:
tests/test_conventions_openvino.py; the engine: tests/oracle/test_engine_openvino.py)."""

from __future__ import annotations

import json
import random

import pytest

from convdims import conventions
from convdims.cli import main

OPENVINO = conventions.get("openvino")


def answer(capsys, *args: str) -> tuple[int, dict]:
    status = main([*args, "--framework", "openvino", "--json"])
    out, err = capsys.readouterr()
    assert not err
    return status, json.loads(out)


def test_ceil_mode_is_rounding_type_ceil_and_keeps_the_last_window(capsys):
    status, data = answer(
        capsys, "pool", "11", "-k", "2", "-s", "2", "-p", "1", "--ceil-mode"
    )
    assert status == 0 and data["output_size"] == [7]
    status, data = answer(
        capsys, "pool", "11", "-k", "2", "-s", "2", "-p", "1", "--rounding", "ceil"
    )
    assert status == 0 and data["output_size"] == [7]


def test_explicit_pads_are_b_a(capsys):
    status, data = answer(capsys, "conv", "10x10", "-k", "3", "-p", "0,2")
    assert status == 0 and data["output_size"] == [10, 10]
    assert [(a["pad_before"], a["pad_after"]) for a in data["axes"]] == [(0, 2)] * 2


def test_same_upper_counts_the_dilation(capsys):
    status, data = answer(capsys, "conv", "5", "-k", "2", "-d", "3", "-p", "SAME_UPPER")
    assert status == 0 and data["output_size"] == [5]
    assert (data["axes"][0]["pad_before"], data["axes"][0]["pad_after"]) == (1, 2)


def test_a_pooling_pad_as_large_as_the_window(capsys):
    status, data = answer(capsys, "pool", "2", "-k", "1", "-p", "1")
    assert status == 0 and data["output_size"] == [4]
    assert data["axes"][0]["derivation"]["result"] == 4


def test_transposed_sizes(capsys):
    status, data = answer(
        capsys, "transpose", "4", "-k", "3", "-s", "2", "-p", "same_upper"
    )
    assert status == 0 and data["output_size"] == [9]  # no padding without output_shape
    status, data = answer(
        capsys, "transpose", "4", "-k", "3", "-s", "1", "-p", "1", "--output-padding", "3"
    )
    assert status == 0 and data["output_size"] == [7]  # no bound on output_padding


def test_an_empty_transposed_axis_is_an_answer(capsys):
    status, data = answer(capsys, "transpose", "1x3", "-k", "1", "-p", "1,0")
    assert status == 0 and data["output_size"] == [0, 2]
    assert [a["empty"] for a in data["axes"]] == [True, False]
    status = main(["transpose", "1", "-k", "1", "-p", "1,0", "--framework", "openvino"])
    out, _ = capsys.readouterr()
    assert status == 0 and "an empty output, not an error" in out


@pytest.mark.parametrize(
    ("args", "option", "words"),
    [
        (
            ["pool", "3", "-k", "4", "--ceil-mode"],
            "-k/--kernel-size",
            "whatever the rounding",
        ),
        (["conv", "3", "-k", "4"], "-k/--kernel-size", "larger than the padded input"),
        (["conv", "5", "-k", "2", "-p", "explicit"], "-p/--padding", "B,A"),
        (["transpose", "1", "-k", "1", "-p", "1,1"], "-p/--padding", "negative"),
        (["pool", "5", "-k", "2", "--rounding", "round"], "--rounding", "ceil_torch"),
        (["conv", "5", "-k", "2", "--rounding", "ceil"], "--rounding", "pooling"),
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
    words = ["valid", "SAME_UPPER", "same_lower", "0", "1", "3", "0,1", "2,1", None]
    for _ in range(80):  # each call builds the parser: about 0.1 s
        command = rng.choice(["conv", "pool", "transpose"])
        axes = rng.choice([1, 2])
        sizes = [rng.randint(1, 12) for _ in range(axes)]
        kernel, stride, dilation = rng.randint(1, 5), rng.randint(1, 3), rng.randint(1, 3)
        padding = rng.choice(words)
        ceil = command == "pool" and rng.random() < 0.4
        extra = rng.randint(0, 3) if command == "transpose" and rng.random() < 0.5 else None
        args = [command, "x".join(map(str, sizes)), "-k", str(kernel), "-s", str(stride)]
        args += ["-d", str(dilation)] + (["-p", padding] if padding else [])
        args += ["--ceil-mode"] if ceil else []
        args += [] if extra is None else ["--output-padding", str(extra)]
        try:
            expected: object = [
                OPENVINO.resolve(
                    command,
                    size,
                    kernel,
                    stride,
                    None if padding is None else _library_padding(padding),
                    dilation,
                    ceil,
                    "default" if extra is None else extra,
                    axes=axes,
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

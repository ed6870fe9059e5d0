"""``convdims conv|pool|transpose --framework tensorflow|tflite|tfjs``: the answers,
the empty axes (0 and a statement, not an error) and the refusals (exit 2, JSON
``{"error": ...}`` naming the option) of TensorFlow, TF Lite and TF.js."""

from __future__ import annotations

import json

import pytest

from convdims.cli import main


def run(capsys, *args: str) -> tuple[int, str, str]:
    status = main(list(args))
    out, err = capsys.readouterr()
    return status, out, err


def answer(capsys, *args: str) -> dict:
    status, out, err = run(capsys, *args, "--json")
    assert status == 0, (out, err)
    return json.loads(out)


def refusal(capsys, *args: str) -> dict:
    status, out, _ = run(capsys, *args, "--json")
    assert status == 2, out
    return json.loads(out)["error"]


@pytest.mark.parametrize(
    ("args", "sizes", "pads"),
    [
        (("conv", "11", "-k", "2", "-s", "2", "-p", "SAME", "--framework", "tensorflow"),
         [6], [(0, 1)]),
        (("conv", "11", "-k", "2", "-s", "2", "--framework", "tensorflow"), [5], [(0, 0)]),
        (("conv", "9x9", "-k", "3", "-p", "1,2x0,3", "--framework", "tensorflow"),
         [10, 10], [(1, 2), (0, 3)]),
        (("pool", "9x9", "-k", "3", "-s", "2", "-p", "1,1x0,2", "--framework",
          "tensorflow"), [5, 5], [(1, 1), (0, 2)]),
        (("conv", "9x9x9", "-k", "3", "-s", "2", "-d", "2", "--framework", "tflite"),
         [3, 3, 3], [(0, 0)] * 3),
        (("conv", "8x8", "-k", "3", "-s", "2", "-p", "1", "--rounding", "round",
          "--framework", "tfjs"), [5, 5], [(1, 1)] * 2),
        (("conv", "8x8", "-k", "3", "-s", "2", "-p", "1", "--framework", "tfjs"), [4, 4],
         [(1, 1)] * 2),
        (("pool", "11x11", "-k", "2", "-s", "2", "-p", "1", "--ceil-mode", "--framework",
          "tfjs"), [7, 7], [(1, 1)] * 2),
        (("pool", "5x5", "-k", "2", "-s", "1", "-p", "3", "--framework", "tfjs"), [10, 10],
         [(3, 3)] * 2),
    ],
)  # fmt: skip
def test_answers(capsys, args, sizes, pads):
    result = answer(capsys, *args)
    assert result["output_size"] == sizes
    assert [(a["pad_before"], a["pad_after"]) for a in result["axes"]] == pads
    assert not any(a["empty"] for a in result["axes"])


def test_transposed_sizes_are_what_keras_asks_tensorflow_for(capsys):
    base = ("transpose", "12", "-k", "3", "-s", "2")
    assert answer(capsys, *base, "-p", "same", "--framework", "tensorflow")[
        "output_size"
    ] == [24]
    assert answer(capsys, *base, "--framework", "tensorflow")["output_size"] == [25]
    assert answer(capsys, *base, "-p", "same", "--output-padding", "0", "--framework",
                  "tensorflow")["output_size"] == [23]  # fmt: skip
    assert answer(capsys, "transpose", "4x4", "-k", "3", "-s", "2", "--framework",
                  "tfjs")["output_size"] == [9, 9]  # fmt: skip


@pytest.mark.parametrize(
    ("args", "sizes"),
    [
        (("conv", "3", "-k", "6", "-s", "2", "--framework", "tflite"), [0]),
        (("pool", "2x2", "-k", "4", "-s", "2", "--framework", "tfjs"), [0, 0]),
        (("conv", "2x2x2", "-k", "5", "-p", "1", "--framework", "tfjs"), [0, 0, 0]),
    ],
)
def test_empty_axes_are_answers(capsys, args, sizes):
    result = answer(capsys, *args)
    assert result["output_size"] == sizes
    assert all(a["empty"] and a["derivation"] is None for a in result["axes"])
    status, out, _ = run(capsys, *args)
    assert status == 0 and "an empty output, not an error" in out


@pytest.mark.parametrize(
    ("args", "option", "argument", "words"),
    [
        (("conv", "7", "-k", "3", "-p", "1", "--framework", "tensorflow"), "-p/--padding",
         "padding", "explicit pairs go to tf.nn.conv2d"),
        (("conv", "7x7", "-k", "3", "-p", "1", "--framework", "tensorflow"),
         "-p/--padding", "padding", "as N,N"),
        (("conv", "3", "-k", "4", "--framework", "tensorflow"), None, "kernel_size",
         "no window fits"),
        (("conv", "9x9x9", "-k", "3", "-d", "2", "--framework", "tensorflow"),
         "-d/--dilation", "dilation", "tf.nn.conv3d"),
        (("transpose", "12", "-k", "2", "-s", "2", "-p", "same", "--output-padding", "0",
          "--framework", "tensorflow"), "--output-padding", "output_padding",
         "TensorFlow refuses that"),
        (("pool", "9x9x9", "-k", "2", "--framework", "tflite"), None, "input_size",
         "no 3-D pooling"),
        (("conv", "7", "-k", "3", "-p", "SAME", "--rounding", "ceil", "--framework",
          "tensorflow"), "--rounding", "rounding", "dimRoundingMode is TF.js"),
        (("conv", "7x7", "-k", "3", "-p", "same", "--rounding", "ceil", "--framework",
          "tfjs"), "--rounding", "rounding", "pad must be an integer"),
        (("pool", "7", "-k", "3", "--framework", "tfjs"), None, "input_size",
         "no 1-D pooling"),
        (("conv", "7x7", "-k", "3", "-s", "2", "-d", "2", "--framework", "tfjs"),
         "-d/--dilation", "dilation", "dilation"),
        (("conv", "2x2", "-k", "9", "--framework", "tfjs"), None, "kernel_size",
         "negative"),
    ],
)  # fmt: skip
def test_refusals(capsys, args, option, argument, words):
    error = refusal(capsys, *args)
    assert error["argument"] == argument, error
    assert words in error["message"], error
    if option is not None:
        assert error["option"] == option, error


def test_a_refused_round_up_names_the_option_given(capsys):
    from convdims.cli import main

    assert (
        main(["pool", "12x12", "-k", "3", "-s", "2", "--ceil-mode", "--framework", "tfjs"])
        == 2
    )
    assert "argument --ceil-mode:" in capsys.readouterr().err
    assert (
        main(
            [
                "pool",
                "12x12",
                "-k",
                "3",
                "-s",
                "2",
                "--rounding",
                "ceil",
                "--framework",
                "tfjs",
            ]
        )
        == 2
    )
    assert "argument --rounding:" in capsys.readouterr().err

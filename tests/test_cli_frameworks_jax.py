"""``convdims conv|pool|transpose ... --framework jax|flax``: JAX's and Flax's defaults,
words and refusals through the command line (the rules: tests/test_conventions_jax.py;
the engines: tests/oracle/test_engine_jax.py)."""

from __future__ import annotations

import json

import pytest

from convdims import conventions
from convdims.cli import main


def answer(capsys, *args: str) -> dict:
    status = main([*args, "--json"])
    out, err = capsys.readouterr()
    assert status == 0, err
    return json.loads(out)


def refusal(capsys, *args: str) -> dict:
    status = main([*args, "--json"])
    out, _ = capsys.readouterr()
    assert status == 2
    data = json.loads(out)
    assert set(data) == {"error"}
    return data["error"]


@pytest.mark.parametrize(
    ("args", "sizes"),
    [
        # No -p: Flax's Conv and ConvTranspose pad 'SAME', its max_pool 'VALID' with
        # stride 1; lax has no default, convdims takes stax's 'VALID' and stride 1.
        (["conv", "11", "-k", "3", "--framework", "flax"], [11]),
        (["conv", "11", "-k", "3", "--framework", "jax"], [9]),
        (["pool", "11", "-k", "3", "--framework", "flax"], [9]),
        (["pool", "11", "-k", "3", "--framework", "jax"], [9]),
        (["transpose", "11", "-k", "3", "-s", "2", "--framework", "flax"], [22]),
        (["transpose", "11", "-k", "3", "-s", "2", "--framework", "jax"], [23]),
        # Words in any case; 'SAME_LOWER' is 'SAME' with the odd cell before.
        (
            [
                "conv",
                "10x9",
                "-k",
                "3",
                "-s",
                "2",
                "-p",
                "SAME_LOWER",
                "--framework",
                "jax",
            ],
            [5, 5],
        ),  # fmt: skip
        (
            ["conv", "10", "-k", "4", "-s", "3", "-p", "Circular", "--framework", "flax"],
            [4],
        ),
        (["conv", "10", "-k", "3", "-d", "2", "-p", "causal", "--framework", "flax"], [10]),
        # Pairs pad a transposed convolution's stride-dilated input.
        (
            [
                "transpose",
                "5x4",
                "-k",
                "3",
                "-s",
                "2",
                "-p",
                "2,2x0,1",
                "--framework",
                "jax",
            ],
            [11, 6],
        ),  # fmt: skip
        # Flax's ints pad both sides, for a transpose too.
        (["transpose", "10", "-k", "3", "-p", "2", "--framework", "flax"], [12]),
        # reduce_window counts windows of padding only.
        (["pool", "1", "-k", "2", "-p", "5,5", "--framework", "jax"], [10]),
    ],
)
def test_sizes(capsys, args, sizes):
    data = answer(capsys, *args)
    assert data["output_size"] == sizes
    assert data["framework"] == args[args.index("--framework") + 1]
    assert not any(axis["empty"] for axis in data["axes"])


def test_the_same_split_is_reported_per_axis(capsys):
    data = answer(
        capsys, "pool", "10", "-k", "3", "-s", "2", "-d", "2", "-p", "same_lower",
        "--framework", "jax",
    )  # fmt: skip
    axis = data["axes"][0]
    assert (axis["pad_before"], axis["pad_after"], axis["stride"]) == (2, 1, 2)


def test_the_transposes_derivation_pads_the_input(capsys):
    data = answer(
        capsys, "transpose", "5", "-k", "3", "-s", "2", "-p", "2,1", "--framework", "flax"
    )
    derivation = data["axes"][0]["derivation"]
    assert derivation["formula"] == "O = (I - 1)*S + 1 + P_b + P_a - k + 1"
    assert derivation["result"] == data["output_size"][0] == 10
    assert any("stride-dilated input" in note for note in derivation["notes"])


@pytest.mark.parametrize(
    "args",
    [
        ["conv", "2", "-k", "5", "--framework", "jax"],
        ["conv", "4x9", "-k", "3", "-d", "3", "-p", "valid", "--framework", "flax"],
        ["pool", "2", "-k", "3", "--framework", "flax"],
        ["transpose", "1", "-k", "5", "-p", "1,1", "--framework", "jax"],
    ],
)
def test_a_window_that_does_not_fit_is_an_empty_axis(capsys, args):
    data = answer(capsys, *args)
    first = data["axes"][0]
    assert data["output_size"][0] == 0 == first["output_size"]
    assert first["empty"] is True and first["derivation"] is None
    status = main(args)
    out, _ = capsys.readouterr()
    assert status == 0
    title = conventions.get(args[args.index("--framework") + 1]).title
    assert "an empty output, not an error" in out and f"{title} then gives" in out


@pytest.mark.parametrize(
    ("args", "option", "words"),
    [
        (
            ["conv", "10", "-k", "3", "-p", "1", "--framework", "jax"],
            "-p/--padding",
            "give the pair 1,1",
        ),  # fmt: skip
        (
            ["conv", "10", "-k", "3", "-p", "full", "--framework", "flax"],
            "-p/--padding",
            "'CIRCULAR'",
        ),  # fmt: skip
        (
            ["conv", "10x10", "-k", "3", "-p", "causal", "--framework", "flax"],
            "-p/--padding",
            "only in a 1-D nn.Conv",
        ),  # fmt: skip
        (
            ["pool", "10", "-k", "3", "-p", "1", "--framework", "flax"],
            "-p/--padding",
            "nn.max_pool",
        ),  # fmt: skip
        (
            ["pool", "10", "-k", "3", "--ceil-mode", "--framework", "jax"],
            "--ceil-mode",
            "no ceil_mode",
        ),  # fmt: skip
        (
            ["pool", "10", "-k", "3", "-d", "2", "--framework", "flax"],
            "-d/--dilation",
            "no dilation",
        ),  # fmt: skip
        (
            ["transpose", "10", "-k", "3", "--output-padding", "1", "--framework", "jax"],
            "--output-padding",
            "no output_padding",
        ),  # fmt: skip
        (
            [
                "transpose",
                "10x10",
                "-k",
                "3",
                "-s",
                "1x2",
                "-p",
                "same_lower",
                "--framework",
                "flax",
            ],
            "-p/--padding",
            "only when every stride is 1",
        ),  # fmt: skip
        (
            ["transpose", "10", "-k", "3", "-p", "circular", "--framework", "jax"],
            "-p/--padding",
            "lax.conv_transpose",
        ),  # fmt: skip
        (
            ["conv", "10", "-k", "3", "--rounding", "ceil", "--framework", "flax"],
            "--rounding",
            "no rounding option",
        ),  # fmt: skip
    ],
)
def test_refusals_exit_2_with_the_option_and_the_rule(capsys, args, option, words):
    error = refusal(capsys, *args)
    assert error["option"] == option, error
    assert words in error["message"], error["message"]
    status = main(args)
    _, err = capsys.readouterr()
    assert status == 2 and err.startswith("convdims: error: ") and words in err

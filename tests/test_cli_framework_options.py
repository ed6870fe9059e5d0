"""The derivations under ``--framework`` name the framework whose rules they follow.

The notes once said "ceil_mode (PyTorch)" and "Keras with output_padding=None" whatever
framework was asked for; an empty transposed axis was explained with the forward
convolution's sentence.
"""

from __future__ import annotations

import pytest

from convdims import conventions
from convdims.cli import main

ROUND_UP = [
    name
    for name in conventions.FRAMEWORKS
    if conventions.get(name).pool_ceil_mode and name not in ("mxnet",)
]


def text(capsys, *args: str) -> str:
    status = main(list(args))
    captured = capsys.readouterr()
    assert status == 0, captured.err
    return " ".join(captured.out.split())


@pytest.mark.parametrize("framework", ROUND_UP)
def test_the_round_up_note_names_the_framework(capsys, framework):
    title = conventions.get(framework).title
    out = text(
        capsys,
        "pool",
        "112x112" if framework == "tfjs" else "112",
        "-k",
        "3",
        "-s",
        "2",
        "-p",
        "1,1" if framework == "coreml" else "1",
        "--ceil-mode",
        "--framework",
        framework,
    )
    assert f"ceil_mode ({title}) rounds the division up" in out
    if framework != "torch":
        assert "PyTorch" not in out


def test_the_core_keeps_pytorchs_name_for_its_rule(capsys):
    out = text(capsys, "pool", "112", "-k", "3", "-s", "2", "-p", "1", "--ceil-mode")
    assert "ceil_mode (PyTorch) rounds the division up" in out


@pytest.mark.parametrize("framework", ["onnx", "openvino", "tfjs", "jax"])
def test_a_transposed_word_is_explained_without_keras(capsys, framework):
    word = "same_upper" if framework in ("onnx", "openvino") else "same"
    out = text(
        capsys,
        "transpose",
        "12x12" if framework == "tfjs" else "12",
        "-k",
        "3",
        "-s",
        "2",
        "-p",
        word,
        "--framework",
        framework,
    )
    assert "Keras" not in out
    assert conventions.get(framework).title in out


def test_keras_keeps_its_output_padding_note(capsys):
    out = text(
        capsys,
        "transpose",
        "12",
        "-k",
        "3",
        "-s",
        "2",
        "-p",
        "same",
        "--framework",
        "keras",
    )
    assert "Keras with output_padding=None" in out


def test_same_lower_says_where_the_odd_cell_goes(capsys):
    out = text(
        capsys,
        "conv",
        "11",
        "-k",
        "2",
        "-s",
        "2",
        "-p",
        "same_lower",
        "--framework",
        "onnx",
    )
    assert "P_b = 1 before, P_a = 0 after; the odd cell goes before" in out


def test_an_empty_transposed_axis_is_explained_as_a_crop(capsys):
    out = text(
        capsys, "transpose", "3", "-k", "4", "-s", "2", "-p", "4", "--framework", "openvino"
    )
    full = (3 - 1) * 2 + 4
    assert (
        f"cropping 4 + 4 cell(s) leaves nothing of the full output (I - 1)*S + K = {full}"
        in out
    )


def test_an_empty_xla_transposed_axis_counts_the_dilated_input(capsys):
    out = text(
        capsys, "transpose", "2", "-k", "9", "-s", "3", "-p", "1,1", "--framework", "jax"
    )
    dilated = (2 - 1) * 3 + 1
    assert f"(P_b + (I - 1)*S + 1 + P_a = 1 + {dilated} + 1)" in out


SHAPED = ["onnx", "openvino", "tensorflow", "tflite", "tfjs"]


def answer(capsys, *args: str) -> tuple[int, dict]:
    import json

    status = main([*args, "--json"])
    return status, json.loads(capsys.readouterr().out)


@pytest.mark.parametrize("framework", SHAPED)
def test_output_shape_gives_what_the_library_gives(capsys, framework):
    import random

    convention = conventions.get(framework)
    rng = random.Random(f"output-shape-{framework}")
    word = "same_upper" if framework in ("onnx", "openvino") else "same"
    checked = 0
    for _ in range(60):
        size, kernel, stride = rng.randint(1, 9), rng.randint(1, 5), rng.randint(1, 3)
        target = rng.randint(0, size * stride + kernel)
        padding = rng.choice([word, "valid"])
        try:
            expected = convention.resolve(
                "transpose", size, kernel, stride, padding, axes=2, output_shape=target
            ).output_size
        except ValueError:
            expected = None
        status, data = answer(
            capsys, "transpose", f"{size}x{size}", "-k", str(kernel), "-s", str(stride),
            "-p", padding, "--output-shape", str(target), "--framework", framework,
        )  # fmt: skip
        if expected is None:
            assert status == 2 and data["error"]["option"] in (
                "--output-shape",
                "-p/--padding",
                "-k/--kernel-size",
                "INPUT",
            )
        else:
            assert status == 0 and data["output_size"] == [expected, expected]
            checked += 1
    assert checked > 5


def test_a_framework_without_output_shape_refuses_it(capsys):
    status, data = answer(
        capsys, "transpose", "12", "-k", "3", "-s", "2", "-p", "1",
        "--output-shape", "23", "--framework", "torch",
    )  # fmt: skip
    assert status == 2 and data["error"]["option"] == "--output-shape"
    assert "PyTorch takes no output_shape" in data["error"]["message"]


@pytest.mark.parametrize(
    "args",
    [
        ["transpose", "12", "-k", "3", "--output-shape", "23"],
        ["pool", "7", "-k", "2", "--rounding", "ceil"],
        ["conv", "8", "-k", "3", "--rounding", "round"],
    ],
)
def test_framework_options_without_a_framework_are_refused(capsys, args):
    status, data = answer(capsys, *args)
    assert status == 2 and data["error"]["option"] in ("--output-shape", "--rounding")
    assert "give --framework too" in data["error"]["message"]


def test_openvino_ceil_torch_drops_the_window_in_the_padding(capsys):
    args = ["pool", "11", "-k", "2", "-s", "2", "-p", "1", "--framework", "openvino"]
    expected = (
        conventions.get("openvino")
        .resolve("pool", 11, 2, 2, 1, rounding="ceil_torch")
        .output_size
    )
    status, data = answer(capsys, *args, "--rounding", "ceil_torch")
    assert status == 0 and data["output_size"] == [expected]
    status, kept = answer(capsys, *args, "--rounding", "ceil")
    assert kept["output_size"] == [expected + 1]

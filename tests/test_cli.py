"""The ``convdims`` command: answers, derivations, JSON, and one-line errors.

A handful of runs go through a real subprocess (the console entry point, exit statuses,
stderr); the rest call :func:`convdims.cli.main` in-process, which is what the console
script runs.
"""

from __future__ import annotations

import json
import re
import shlex
import subprocess
import sys
import textwrap
import types
from pathlib import Path

import pytest

import convdims
from convdims import cli, conventions
from convdims.cli import main
from convdims.description import LayerCall, ModelGraph


def run_cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "convdims", *args],
        capture_output=True,
        text=True,
        timeout=60,
    )


def run(capsys, *args: str) -> tuple[int, str, str]:
    status = main(list(args))
    out, err = capsys.readouterr()
    return status, out, err


def assert_one_line_error(status: int, out: str, err: str, *fragments: str) -> None:
    assert status == 2
    assert out == ""
    lines = err.splitlines()
    assert len(lines) == 1, err
    assert lines[0].startswith("convdims: error: "), err
    assert "Traceback" not in err
    for fragment in fragments:
        assert fragment in lines[0], (fragment, err)


# --------------------------------------------------------------------------------------
# Through a real process


def test_python_m_convdims_answers_with_the_derivation():
    result = run_cli("conv", "32", "-k", "3")
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    assert result.stdout.splitlines()[:4] == [
        "output size: 30",
        "",
        "O = floor((I - k + 2P)/S) + 1",
        "  = floor((32 - 3 + 2*0)/1) + 1 = 30",
    ]


def test_help_teaches_by_example():
    result = run_cli("--help")
    assert result.returncode == 0
    for command in ("conv", "pool", "transpose", "params", "summary"):
        assert f"convdims {command} " in result.stdout
    assert "examples:" in result.stdout


def test_bad_input_in_a_process_is_one_line_and_status_2():
    result = run_cli(
        "conv", "32", "-k", "3", "-s", "2", "-p", "same", "--framework", "torch"
    )
    assert_one_line_error(result.returncode, result.stdout, result.stderr, "-p/--padding")


def test_json_in_a_process():
    result = run_cli("pool", "11x12", "-k", "2", "--ceil-mode", "--json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    check_window_schema(data, "pool")
    assert data["output_size"] == [
        convdims.pool_output_size(11, 2, ceil_mode=True),
        convdims.pool_output_size(12, 2, ceil_mode=True),
    ]


def test_a_model_file_that_raises_gives_one_line(tmp_path):
    path = tmp_path / "broken.py"
    path.write_text("x = 1\nraise RuntimeError('no model today')\n")
    result = run_cli("summary", str(path))
    assert_one_line_error(
        result.returncode,
        result.stdout,
        result.stderr,
        "RuntimeError: no model today",
        "(line 2)",
    )


def test_the_console_script_is_declared():
    pyproject = (Path(__file__).parent.parent / "pyproject.toml").read_text()
    assert 'convdims = "convdims.cli:main"' in pyproject


# --------------------------------------------------------------------------------------
# Help: every command has examples, and they run


SUBCOMMANDS = [
    ["conv"],
    ["pool"],
    ["transpose"],
    ["params"],
    ["params", "conv"],
    ["params", "depthwise"],
    ["params", "separable"],
    ["params", "dense"],
    ["summary"],
    ["run"],
]


def help_text(capsys, *command: str) -> str:
    status, out, err = run(capsys, *command, "--help")
    assert status == 0 and err == ""
    return out


@pytest.mark.parametrize("command", SUBCOMMANDS, ids=" ".join)
def test_every_command_has_examples_and_its_json_schema(capsys, command):
    out = help_text(capsys, *command)
    assert "examples:" in out
    assert "--json" in out and '"command"' in out
    assert re.search(rf"^  convdims {' '.join(command)} ", out, re.MULTILINE)


def _examples(out: str) -> list[tuple[list[str], str]]:
    """(argv, comment) for each example line ``  convdims ARGS   comment``."""
    found = []
    for line in out.splitlines():
        if not line.startswith("  convdims "):
            continue
        command, *comment = re.split(r" {2,}", line.strip(), maxsplit=1)
        found.append((shlex.split(command)[1:], " ".join(comment)))
    return found


def test_the_examples_in_the_help_run_and_say_what_they_print(capsys):
    examples = []
    for command in [[], *SUBCOMMANDS]:
        examples += _examples(help_text(capsys, *command))
    ran = 0
    for argv, comment in examples:
        if argv[0] in ("summary", "run"):
            continue  # they name the reader's files
        status, out, err = run(capsys, *argv)
        assert status == 0, (argv, err)
        ran += 1
        # A number the comment promises ("= 140", ": 30", "23: ...") is in the output.
        for number in re.findall(r"(?:^|= |: )(\d+)\b", comment):
            assert re.search(rf"\b{number}\b", out.replace(",", "")), (argv, number, out)
    assert ran >= 20


def test_version(capsys):
    status, out, _ = run(capsys, "--version")
    assert status == 0 and out.strip() == f"convdims {convdims.__version__}"


# --------------------------------------------------------------------------------------
# conv, pool, transpose


def test_conv_same_prints_the_tensorflow_split(capsys):
    status, out, _ = run(capsys, "conv", "11", "-k", "2", "-s", "2", "-p", "same")
    assert status == 0
    before, after = convdims.same_padding(11, 2, 2)
    assert out.startswith(f"output size: {convdims.conv_output_size(11, 2, 2, 'same')}\n")
    assert "O = ceil(I/S) = ceil(11/2)" in out
    assert f"P_b = {before} (padding before), P_a = {after} (padding after)" in out


def test_several_axes_at_once(capsys):
    status, out, _ = run(capsys, "conv", "32x24", "-k", "3x5", "-s", "2", "-p", "1")
    assert status == 0
    expected = [
        convdims.conv_output_size(32, 3, 2, 1),
        convdims.conv_output_size(24, 5, 2, 1),
    ]
    assert out.splitlines()[0] == f"output size: {expected[0]}x{expected[1]} (input 32x24)"
    assert f"axis 0: 32 -> {expected[0]}" in out
    assert f"axis 1: 24 -> {expected[1]}" in out
    assert "floor((24 - 5 + 2*1)/2) + 1" in out


def test_per_axis_padding_pairs(capsys):
    status, out, _ = run(capsys, "conv", "10x10", "-k", "3", "-p", "0,1x2", "--json")
    data = json.loads(out)
    assert status == 0
    assert [a["padding"] for a in data["axes"]] == [[0, 1], 2]
    assert [(a["pad_before"], a["pad_after"]) for a in data["axes"]] == [(0, 1), (2, 2)]
    assert data["output_size"] == [
        convdims.conv_output_size(10, 3, padding=(0, 1)),
        convdims.conv_output_size(10, 3, padding=2),
    ]


def test_dilation_and_causal(capsys):
    status, out, _ = run(
        capsys, "conv", "100", "-k", "3", "-d", "2", "-p", "causal", "--framework", "keras"
    )
    assert status == 0
    assert "K = d(k - 1) + 1 = 2*(3 - 1) + 1 = 5" in out
    assert out.startswith(
        f"output size: {convdims.conv_output_size(100, 3, 1, 'causal', 2)}\n"
    )


def test_pool_stride_defaults_to_the_kernel_and_ceil_mode(capsys):
    status, out, _ = run(capsys, "pool", "11", "-k", "2", "-p", "1", "--ceil-mode")
    assert status == 0
    assert out.startswith(
        f"output size: {convdims.pool_output_size(11, 2, 2, 1, ceil_mode=True)}\n"
    )
    assert "drops it" in out and "S defaults to the pool size" in out


def test_transpose_none_and_zero(capsys):
    outputs = {}
    for extra in ("none", "0"):
        status, out, _ = run(
            capsys,
            "transpose",
            "12",
            "-k",
            "3",
            "-s",
            "2",
            "-p",
            "same",
            "--output-padding",
            extra,
            "--json",
        )
        assert status == 0
        outputs[extra] = json.loads(out)
    assert outputs["none"]["output_size"] == [
        convdims.conv_transpose_output_size(12, 3, 2, "same")
    ]
    assert outputs["0"]["output_size"] == [
        convdims.conv_transpose_output_size(12, 3, 2, "same", 0)
    ]
    assert outputs["none"]["axes"][0]["output_padding"] is None
    assert outputs["0"]["axes"][0]["output_padding"] == 0


def test_transpose_torch_defaults_output_padding_to_zero(capsys):
    status, out, _ = run(
        capsys,
        "transpose",
        "12",
        "-k",
        "3",
        "-s",
        "2",
        "-p",
        "1",
        "--framework",
        "torch",
        "--json",
    )
    data = json.loads(out)
    assert data["axes"][0]["output_padding"] == 0
    assert data["output_size"] == [convdims.conv_transpose_output_size(12, 3, 2, 1, 0)]


def test_keras_pool_default_padding_is_valid(capsys):
    status, out, _ = run(capsys, "pool", "11", "-k", "2", "--framework", "keras", "--json")
    assert status == 0
    assert json.loads(out)["axes"][0]["padding"] == "valid"


# --------------------------------------------------------------------------------------
# params


@pytest.mark.parametrize(
    ("argv", "expected", "substituted"),
    [
        (
            ["conv", "-k", "3", "-c", "3", "-f", "5"],
            convdims.conv_params(3, 3, 5),
            "(3*3*3 + 1)*5",
        ),
        (
            ["conv", "-k", "3", "-c", "32", "-f", "64", "-g", "4"],
            convdims.conv_params(3, 32, 64, groups=4),
            "(3*3*(32/4) + 1)*64",
        ),
        (
            ["conv", "-k", "5", "--ndim", "1", "-c", "1", "-f", "6"],
            convdims.conv_params((5,), 1, 6),
            "(5*1 + 1)*6",
        ),
        (
            ["conv", "-k", "3x5", "-c", "2", "-f", "4", "--no-bias"],
            convdims.conv_params((3, 5), 2, 4, use_bias=False),
            "3*5*2*4",
        ),
        (
            ["depthwise", "-k", "3", "-c", "32"],
            convdims.depthwise_conv_params(3, 32),
            "(3*3 + 1)*32*1",
        ),
        (
            ["separable", "-k", "3", "-c", "32", "-f", "64", "-m", "2"],
            convdims.separable_conv_params(3, 32, 64, 2),
            "3*3*32*2 + 32*2*64 + 64",
        ),
        (
            ["dense", "-i", "400", "-u", "120"],
            convdims.dense_params(400, 120),
            "(400 + 1)*120",
        ),
    ],
)
def test_params(capsys, argv, expected, substituted):
    status, out, _ = run(capsys, "params", *argv)
    assert status == 0
    assert out.startswith(f"parameters: {expected:,}\n")
    assert f"{substituted} = {expected}" in out
    status, out, _ = run(capsys, "params", *argv, "--json")
    data = json.loads(out)
    check_params_schema(data, argv[0])
    assert data["params"] == expected


# --------------------------------------------------------------------------------------
# Errors: one line, naming the argument, status 2


@pytest.mark.parametrize(
    ("argv", "fragments"),
    [
        ([], ["COMMAND"]),
        (["frob"], ["COMMAND", "frob"]),
        (["conv", "32"], ["-k/--kernel-size"]),
        (["conv", "32x", "-k", "3"], ["INPUT"]),
        (["conv", "32", "-k", "3x"], ["-k/--kernel-size"]),
        (["conv", "32", "-k", "3", "-p", "1.5"], ["-p/--padding"]),
        (["conv", "32", "-k", "3", "-p", "1,2,3"], ["-p/--padding"]),
        (["conv", "32", "-k", "3", "-p", "bogus"], ["-p/--padding", "bogus"]),
        (["conv", "32x24x16", "-k", "3x3"], ["-k/--kernel-size", "3 input axes"]),
        (["conv", "3", "-k", "5"], ["-k/--kernel-size", "kernel_size=5"]),
        (["conv", "32x3", "-k", "3x5"], ["-k/--kernel-size", "axis 1 of 2"]),
        (["conv", "0", "-k", "1"], ["INPUT", "input_size"]),
        (["conv", "32", "-k", "3", "-s", "0"], ["-s/--stride"]),
        (["conv", "32", "-k", "3", "-p", "-1"], ["-p/--padding"]),
        (["conv", "32", "-k", "3", "--framework", "theano"], ["--framework"]),
        (
            ["conv", "32", "-k", "3", "-p", "3", "--framework", "keras"],
            ["-p/--padding", "ZeroPadding1D"],
        ),
        (
            ["conv", "32x32", "-k", "3", "-p", "causal", "--framework", "keras"],
            ["-p/--padding", "Conv1D"],
        ),
        (
            ["conv", "32", "-k", "3", "-s", "2", "-d", "2", "--framework", "keras"],
            ["-d/--dilation"],
        ),
        (
            ["conv", "32", "-k", "3", "-p", "full", "--framework", "torch"],
            ["-p/--padding", "PyTorch"],
        ),
        (
            ["conv", "32", "-k", "3", "-p", "0,1", "--framework", "torch"],
            ["-p/--padding", "PyTorch"],
        ),
        (
            ["conv", "32", "-k", "3", "-s", "2", "-p", "same", "--framework", "torch"],
            ["-p/--padding", "stride"],
        ),
        (["pool", "11", "-k", "2", "-p", "2"], ["-p/--padding", "pool_size"]),
        (["pool", "11", "-k", "2", "-p", "same", "--framework", "torch"], ["-p/--padding"]),
        (["pool", "11", "-k", "2", "-p", "1", "--framework", "keras"], ["-p/--padding"]),
        (["pool", "11", "-k", "2", "--ceil-mode", "--framework", "keras"], ["--ceil-mode"]),
        (["pool", "11", "-k", "2", "-d", "2", "--framework", "keras"], ["-d/--dilation"]),
        (
            ["transpose", "12", "-k", "3", "-s", "2", "-p", "1", "--output-padding", "2"],
            ["--output-padding"],
        ),
        (
            [
                "transpose",
                "12",
                "-k",
                "3",
                "-s",
                "2",
                "-p",
                "same",
                "--output-padding",
                "2",
            ],
            ["--output-padding"],
        ),
        (["transpose", "12", "-k", "3", "--output-padding", "x"], ["--output-padding"]),
        (
            [
                "transpose",
                "12",
                "-k",
                "3",
                "--output-padding",
                "none",
                "--framework",
                "torch",
            ],
            ["--output-padding"],
        ),
        (
            ["transpose", "12", "-k", "3", "-p", "same", "--framework", "torch"],
            ["-p/--padding"],
        ),
        (
            ["transpose", "12", "-k", "3", "-p", "1", "--framework", "keras"],
            ["-p/--padding"],
        ),
        (["params"], ["LAYER"]),
        (
            ["params", "conv", "-k", "3", "-c", "32", "-f", "63", "-g", "4"],
            ["-g/--groups", "groups=4"],
        ),
        (
            ["params", "conv", "-k", "3x3", "--ndim", "3", "-c", "3", "-f", "5"],
            ["-k/--kernel-size", "--ndim"],
        ),
        (["params", "conv", "-k", "3", "-c", "x", "-f", "5"], ["-c/--in-channels"]),
        (["params", "dense", "-i", "0", "-u", "3"], ["-i/--in-features"]),
        (
            ["params", "depthwise", "-k", "3", "-c", "3", "-m", "0"],
            ["-m/--depth-multiplier"],
        ),
        (["summary", "no-such-file.py"], ["FILE", "no-such-file.py"]),
    ],
)
def test_bad_input(capsys, argv, fragments):
    assert_one_line_error(*run(capsys, *argv), *fragments)


# --------------------------------------------------------------------------------------
# JSON schema, checked by hand


def _is_int(value) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


STEP_KEYS = {
    "formula": str,
    "formula_latex": str,
    "substituted": str,
    "substituted_latex": str,
}


def check_derivation_schema(d: dict) -> None:
    assert set(d) == {*STEP_KEYS, "result", "quantity", "steps", "legend", "notes"}
    for key, kind in STEP_KEYS.items():
        assert isinstance(d[key], kind)
    assert _is_int(d["result"]) and isinstance(d["quantity"], str)
    for step in d["steps"]:
        assert set(step) == {*STEP_KEYS, "result"} and _is_int(step["result"])
        assert all(isinstance(step[k], str) for k in STEP_KEYS)
    for entry in d["legend"]:
        assert set(entry) == {"symbol", "latex", "meaning", "value"}
        assert isinstance(entry["symbol"], str) and _is_int(entry["value"])
    assert all(isinstance(note, str) for note in d["notes"])
    assert d["substituted"].endswith(f" = {d['result']}")


def check_window_schema(data: dict, command: str) -> None:
    assert set(data) == {"command", "framework", "input_size", "output_size", "axes"}
    assert data["command"] == command
    assert data["framework"] is None or data["framework"] in conventions.FRAMEWORKS
    assert all(_is_int(v) for v in data["input_size"] + data["output_size"])
    assert len(data["axes"]) == len(data["input_size"]) == len(data["output_size"])
    keys = {
        "axis",
        "input_size",
        "kernel_size",
        "stride",
        "dilation",
        "padding",
        "pad_before",
        "pad_after",
        "output_size",
        "empty",
        "derivation",
    }
    if command == "pool":
        keys.add("ceil_mode")
    if command == "transpose":
        keys.add("output_padding")
    for n, axis in enumerate(data["axes"]):
        assert set(axis) == keys
        assert axis["axis"] == n
        for key in ("input_size", "kernel_size", "stride", "dilation", "output_size"):
            assert _is_int(axis[key]), key
        padding = axis["padding"]
        assert (
            isinstance(padding, str)
            or _is_int(padding)
            or (
                isinstance(padding, list)
                and len(padding) == 2
                and all(map(_is_int, padding))
            )
        )
        for key in ("pad_before", "pad_after"):
            assert axis[key] is None or _is_int(axis[key])
        if command == "pool":
            assert isinstance(axis["ceil_mode"], bool)
        if command == "transpose":
            assert axis["output_padding"] is None or _is_int(axis["output_padding"])
        assert axis["output_size"] == data["output_size"][n]
        assert isinstance(axis["empty"], bool)
        if axis["empty"]:  # a framework's empty axis: no derivation, size 0
            assert data["framework"] is not None
            assert axis["derivation"] is None and axis["output_size"] == 0
            continue
        check_derivation_schema(axis["derivation"])
        assert axis["derivation"]["result"] == axis["output_size"]


def check_params_schema(data: dict, layer: str) -> None:
    assert set(data) == {"command", "layer", "arguments", "params", "derivation"}
    assert data["command"] == "params" and data["layer"] == layer
    assert isinstance(data["arguments"], dict) and _is_int(data["params"])
    check_derivation_schema(data["derivation"])
    assert data["derivation"]["result"] == data["params"]


@pytest.mark.parametrize(
    "argv",
    [
        ["conv", "32", "-k", "3"],
        ["conv", "11x11", "-k", "2", "-s", "2", "-p", "same", "--framework", "keras"],
        ["conv", "32", "-k", "3", "-d", "2", "-p", "1,0"],
        [
            "pool",
            "112",
            "-k",
            "3",
            "-s",
            "2",
            "-p",
            "1",
            "--ceil-mode",
            "--framework",
            "torch",
        ],
        ["transpose", "12x6", "-k", "3", "-s", "2", "-p", "valid"],
        ["transpose", "12", "-k", "3", "-s", "2", "-p", "1", "--output-padding", "1"],
    ],
)
def test_window_json_schema(capsys, argv):
    status, out, _ = run(capsys, *argv, "--json")
    assert status == 0
    check_window_schema(json.loads(out), argv[0])


# --------------------------------------------------------------------------------------
# summary FILE.py[:NAME], with stand-in dialect models (the real dialects are tested below)

FAKE_KERAS = """
class Model:
    _dialect = "convdims.keras"  # what a convdims.keras model class declares

    def __init__(self, columns_ok=False):
        self.columns_ok = columns_ok

    def summary(self, **kwargs):
        print("Model: seed")
        print("Total params: 140 (560.00 B)")
        if kwargs:
            print("columns:", ",".join(kwargs["columns"]))

    def count_params(self):
        return 140


class Strict(Model):
    def summary(self):
        print("strict")


model = Model()
other = Strict()

def build():
    return Model()

if __name__ == "__main__":
    raise SystemExit("the CLI must not run this block")
"""


def fake_graph(params: int, dialect: str) -> ModelGraph:
    """The graph a dialect's ``describe`` would give a stand-in model of ``params``."""
    return ModelGraph(
        (LayerCall("conv", "Conv2D", "conv", (None, 30, 30, 5), params=params),),
        "seed",
        dialect,
    )


@pytest.fixture
def model_file(tmp_path, monkeypatch) -> Path:
    path = tmp_path / "models.py"
    path.write_text(textwrap.dedent(FAKE_KERAS))
    # The stand-in models have no layers: the Keras dialect describes them as one call.
    keras_dialect = pytest.importorskip("convdims.keras")
    real = keras_dialect.describe

    def describe(model, input_size=None):
        if type(model).__name__ in ("Model", "Strict"):
            return fake_graph(140, "keras")
        return real(model, input_size)

    monkeypatch.setattr(keras_dialect, "describe", describe)
    return path


def test_summary_of_the_default_name(capsys, model_file):
    status, out, _ = run(capsys, "summary", str(model_file))
    assert status == 0
    assert out == "Model: seed\nTotal params: 140 (560.00 B)\n"


def test_summary_of_a_function(capsys, model_file):
    status, out, _ = run(capsys, "summary", f"{model_file}:build", "--json")
    data = json.loads(out)
    assert set(data) == {
        "command",
        "file",
        "name",
        "dialect",
        "input_size",
        "columns",
        "total_params",
        "trainable_params",
        "summary",
    }
    assert (data["command"], data["name"], data["dialect"]) == ("summary", "build", "keras")
    assert data["total_params"] == 140 and data["trainable_params"] == 140
    assert data["summary"].startswith("Model: seed")


def test_summary_passes_columns_through(capsys, model_file):
    status, out, _ = run(capsys, "summary", str(model_file), "--columns", "macs,rf")
    assert status == 0 and out.splitlines()[-1] == "columns: macs,rf"
    assert_one_line_error(
        *run(capsys, "summary", f"{model_file}:other", "--columns", "macs"), "--columns"
    )


@pytest.mark.parametrize(
    ("source", "target", "fragments"),
    [
        ("model = 3\n", "", ["FILE", "int", "not a convdims model"]),
        ("x = 1\n", ":nope", ["FILE", "'nope'"]),
        ("def f(:\n", "", ["SyntaxError", "(line 1)"]),
        ("import sys\nsys.exit(3)\n", "", ["SystemExit", "(line 2)"]),
        (
            "def model():\n    return 1 / 0\n",
            "",
            ["model()", "ZeroDivisionError", "(line 2)"],
        ),
    ],
)
def test_summary_errors(capsys, tmp_path, source, target, fragments):
    path = tmp_path / "bad.py"
    path.write_text(source)
    assert_one_line_error(*run(capsys, "summary", f"{path}{target}"), *fragments)


def test_summary_names_the_models_it_found(capsys, model_file):
    status, out, err = run(capsys, "summary", f"{model_file}:missing")
    assert_one_line_error(status, out, err, "'missing'", "model, other")


def test_keras_models_take_no_input_size(capsys, model_file):
    assert_one_line_error(
        *run(capsys, "summary", str(model_file), "--input-size", "1x3x32x32"),
        "--input-size",
    )


FAKE_TORCH = """
class Net:
    _dialect = "convdims.torch"  # what a convdims.torch module class declares

    def forward(self, x):
        return x

    def named_modules(self):
        return iter(())

net = Net()
"""


def test_torch_modules_go_through_convdims_torch_summary(capsys, tmp_path, monkeypatch):
    path = tmp_path / "net.py"
    path.write_text(FAKE_TORCH)
    calls = []

    class Stats:
        total_params = 18496
        trainable_params = 18496

        def __str__(self):
            return "torch-style table"

    def fake_summary(model, input_size, **kwargs):
        calls.append((type(model).__name__, input_size, kwargs))
        return Stats()

    fake = types.ModuleType("convdims.torch")
    fake.summary = fake_summary  # type: ignore[attr-defined]
    fake.describe = lambda model, input_size=None: fake_graph(18496, "torch")  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "convdims.torch", fake)
    assert_one_line_error(*run(capsys, "summary", f"{path}:net"), "--input-size")
    status, out, _ = run(
        capsys, "summary", f"{path}:net", "--input-size", "1x3x32x32", "--json"
    )
    assert status == 0
    data = json.loads(out)
    assert calls == [("Net", (1, 3, 32, 32), {})]
    assert data["dialect"] == "torch" and data["input_size"] == [1, 3, 32, 32]
    assert data["summary"] == "torch-style table"
    assert (data["total_params"], data["trainable_params"]) == (18496, 18496)


def test_summary_of_a_real_keras_dialect_model(capsys, tmp_path):
    keras = pytest.importorskip("convdims.keras")
    if not all(hasattr(keras, name) for name in ("Sequential", "Input", "layers")):
        pytest.skip("convdims.keras does not have Sequential, Input and layers yet")
    path = tmp_path / "seed.py"
    path.write_text(
        "from convdims import keras\n"
        "from convdims.keras import layers\n"
        "model = keras.Sequential([keras.Input((32, 32, 3)), layers.Conv2D(5, 3), "
        "layers.MaxPooling2D(2)])\n"
    )
    status, out, err = run(capsys, "summary", str(path))
    assert status == 0, err
    assert "140" in out and "15, 15, 5" in out
    status, out, err = run(capsys, "summary", str(path), "--json")
    data = json.loads(out)
    assert data["dialect"] == "keras"
    assert data["total_params"] == data["trainable_params"] == convdims.conv_params(3, 3, 5)


def test_error_prefixes_name_options_that_exist():
    # Core errors are prefixed with the option that sets the argument: it must exist.
    options = set()
    parser = cli.build_parser()
    stack = [parser]
    while stack:
        current = stack.pop()
        for action in current._actions:  # noqa: SLF001 - walking argparse's own tree
            options.update(action.option_strings)
            if action.metavar:
                options.add(action.metavar)
            if hasattr(action, "choices") and isinstance(action.choices, dict):
                stack.extend(action.choices.values())
    for shown in cli._OPTIONS.values():  # noqa: SLF001
        assert all(part in options for part in shown.split("/")), shown


def test_summary_of_a_real_torch_dialect_module(capsys, tmp_path):
    torch_dialect = pytest.importorskip("convdims.torch")
    if not (hasattr(torch_dialect, "nn") and hasattr(torch_dialect, "summary")):
        pytest.skip("convdims.torch does not have nn and summary yet")
    path = tmp_path / "net.py"
    path.write_text(
        "from convdims.torch import nn\n"
        "def build():\n"
        "    return nn.Sequential(nn.Conv2d(32, 64, 3, groups=4), nn.MaxPool2d(2))\n"
    )
    argv = ["summary", f"{path}:build", "--input-size", "1x32x10x10", "--json"]
    status, out, err = run(capsys, *argv)
    assert status == 0, err
    data = json.loads(out)
    assert data["dialect"] == "torch"
    assert data["total_params"] == convdims.conv_params(3, 32, 64, groups=4)
    assert "[1, 64, 4, 4]" in data["summary"]
    status, out, err = run(capsys, *argv[:-1], "--columns", "no_such_column")
    assert_one_line_error(status, out, err, "--columns", "no_such_column")


KERAS_SCRIPT = """\
import keras
from keras import layers

model = keras.Sequential([keras.Input(shape=(32, 32, 3)), layers.Conv2D(5, 3)])
print(model.output_shape, model.count_params())
"""


def test_run_executes_an_unmodified_keras_script(capsys, tmp_path):
    script = tmp_path / "model.py"
    script.write_text(KERAS_SCRIPT)
    status, out, err = run(capsys, "run", str(script))
    assert (status, err) == (0, "")
    assert out.strip() == "(None, 30, 30, 5) 140"


def test_run_json_carries_the_output(capsys, tmp_path):
    script = tmp_path / "model.py"
    script.write_text(KERAS_SCRIPT)
    status, out, _ = run(capsys, "run", str(script), "--json")
    data = json.loads(out)
    assert (
        status == 0 and data["command"] == "run" and data["output"].startswith("(None, 30")
    )


def test_run_reports_the_frameworks_error_in_one_line(capsys, tmp_path):
    script = tmp_path / "bad.py"
    script.write_text(KERAS_SCRIPT.replace("Conv2D(5, 3)", "Conv2D(5, 40)"))
    status, out, err = run(capsys, "run", str(script))
    assert_one_line_error(status, out, err, "bad.py raised ValueError", "line 4")


def test_run_needs_an_existing_script(capsys):
    status, out, err = run(capsys, "run", "no-such-script.py")
    assert_one_line_error(status, out, err, "argument SCRIPT", "no such file")


def test_summary_reads_a_file_written_for_real_keras(capsys, tmp_path):
    script = tmp_path / "model.py"
    script.write_text(KERAS_SCRIPT)
    status, out, err = run(capsys, "summary", str(script))
    assert status == 0 and "Total params: 140" in out


# --------------------------------------------------------------------------------------
# summary --columns with the real dialects: the analysis columns reach both summaries

KERAS_MODEL = """
from convdims import keras
from convdims.keras import layers

model = keras.Sequential([
    keras.Input((32, 32, 3)),
    layers.Conv2D(8, 3, padding="same"),
    layers.MaxPooling2D(2),
    layers.Conv2D(8, 3),
])
"""

TORCH_MODEL = """
from convdims.torch import nn

model = nn.Sequential(nn.Conv2d(3, 8, 3, padding=1), nn.MaxPool2d(2), nn.Conv2d(8, 8, 3))
"""


@pytest.mark.parametrize(
    ("source", "extra"),
    [(KERAS_MODEL, []), (TORCH_MODEL, ["--input-size", "1x3x32x32"])],
    ids=["keras", "torch"],
)
def test_summary_columns_reach_the_dialects(capsys, tmp_path, source, extra):
    from convdims.analysis import measures

    path = tmp_path / "net.py"
    path.write_text(textwrap.dedent(source))
    status, out, _ = run(
        capsys, "summary", str(path), *extra, "--columns", "macs,receptive_field"
    )
    assert status == 0
    assert "MACs" in out and "Receptive field" in out
    namespace: dict = {}
    exec(textwrap.dedent(source), namespace)  # noqa: S102 - our own test model
    size = (1, 3, 32, 32) if extra else None
    last = measures(namespace["model"], size)[-1]
    row = [line for line in out.splitlines() if f"{last.macs:,}" in line]
    assert len(row) == 1 and str(last.receptive_field[0].size) in row[0]
    assert_one_line_error(
        *run(capsys, "summary", str(path), *extra, "--columns", "macs,bogus"),
        "--columns",
        "bogus",
    )

"""``convdims run`` and ``convdims summary``: files run as ``python FILE ARGS`` runs them.

In-process through [`convdims.cli.main`][convdims.cli.main] (what the console script
runs), and a few real processes for exit statuses.
"""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from convdims.cli import main

KERAS_MODEL = """\
import keras
from keras import layers

model = keras.Sequential([keras.Input(shape=(8, 8, 1)), layers.Conv2D(2, 3)])
"""


def write(folder: Path, name: str, source: str) -> Path:
    path = folder / name
    path.write_text(textwrap.dedent(source))
    return path


def run(capsys, *args: str) -> tuple[int, str, str]:
    status = main(list(args))
    out, err = capsys.readouterr()
    return status, out, err


def process(*args: str, **kwargs) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "convdims", *args],
        capture_output=True,
        text=True,
        timeout=60,
        **kwargs,
    )


# --------------------------------------------------------------------------------------
# sys.exit passes through, as under Python


@pytest.mark.parametrize(
    ("call", "status"),
    [("sys.exit(0)", 0), ("sys.exit()", 0), ("sys.exit(None)", 0), ("sys.exit(3)", 3)],
)
def test_run_passes_exit_codes_through_and_keeps_the_output(capsys, tmp_path, call, status):
    script = write(tmp_path, "exits.py", f"import sys\nprint('before')\n{call}\n")
    code, out, err = run(capsys, "run", str(script))
    assert (code, out, err) == (status, "before\n", "")


def test_an_exit_message_is_printed_and_ends_with_status_1(capsys, tmp_path):
    script = write(tmp_path, "bye.py", "import sys\nprint('before')\nsys.exit('bye now')\n")
    assert run(capsys, "run", str(script)) == (1, "before\n", "bye now\n")


def test_exit_statuses_of_a_real_process(tmp_path):
    for call, status in (("sys.exit(0)", 0), ("sys.exit(3)", 3), ("sys.exit('no')", 1)):
        script = write(tmp_path, "exits.py", f"import sys\nprint('out')\n{call}\n")
        result = process("run", str(script))
        assert result.returncode == status, result.stderr
        assert result.stdout == "out\n"
        assert "Traceback" not in result.stderr


def test_run_json_reports_the_exit_status(capsys, tmp_path):
    script = write(tmp_path, "exits.py", "import sys\nprint('before')\nsys.exit(3)\n")
    status, out, _ = run(capsys, "run", str(script), "--json")
    data = json.loads(out)
    assert status == 3
    assert (data["output"], data["exit_status"], data["argv"]) == (
        "before\n",
        3,
        [str(script)],
    )


# --------------------------------------------------------------------------------------
# sys.argv, sys.path, __name__ and __file__


ARGPARSE_SCRIPT = """\
import argparse
import sys

parser = argparse.ArgumentParser()
parser.add_argument("--size", type=int, required=True)
parser.add_argument("--json", action="store_true")
args = parser.parse_args()
print(sys.argv[1:], args.size, args.json)
"""


def test_the_script_gets_its_own_arguments(capsys, tmp_path):
    script = write(tmp_path, "train.py", ARGPARSE_SCRIPT)
    status, out, err = run(capsys, "run", str(script), "--size", "16")
    assert (status, err) == (0, "")
    assert out == "['--size', '16'] 16 False\n"


def test_sys_argv_zero_is_the_script_as_named(capsys, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    write(tmp_path, "argv.py", "import sys\nprint(sys.argv)\n")
    assert run(capsys, "run", "argv.py", "a", "-b")[1] == "['argv.py', 'a', '-b']\n"


def test_after_a_double_dash_json_is_the_scripts(capsys, tmp_path):
    script = write(tmp_path, "train.py", ARGPARSE_SCRIPT)
    status, out, _ = run(capsys, "run", str(script), "--size", "2", "--", "--json")
    assert (status, out) == (0, "['--size', '2', '--json'] 2 True\n")


def test_json_after_the_script_is_convdimss(capsys, tmp_path):
    script = write(tmp_path, "train.py", ARGPARSE_SCRIPT)
    status, out, _ = run(capsys, "run", str(script), "--size", "2", "--json")
    assert status == 0
    assert json.loads(out)["output"] == "['--size', '2'] 2 False\n"


def test_the_scripts_folder_comes_first_on_sys_path(capsys, tmp_path):
    folder = tmp_path / "project"
    folder.mkdir()
    write(folder, "unet_parts.py", "def parts():\n    return 'the parts'\n")
    script = write(folder, "train.py", "from unet_parts import parts\nprint(parts())\n")
    before = list(sys.path)
    assert run(capsys, "run", str(script)) == (0, "the parts\n", "")
    assert sys.path == before


def test_main_blocks_run_and_file_is_absolute(capsys, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    write(
        tmp_path,
        "main.py",
        "if __name__ == '__main__':\n    print(__name__, __file__)\n",
    )
    assert run(capsys, "run", "main.py")[1] == f"__main__ {tmp_path / 'main.py'}\n"


def test_sys_argv_is_restored(capsys, tmp_path):
    script = write(tmp_path, "argv.py", "import sys\nsys.argv.append('x')\n")
    before = list(sys.argv)
    run(capsys, "run", str(script), "a")
    assert sys.argv == before


# --------------------------------------------------------------------------------------
# Errors: what was printed stays, one line names the file and line


def test_output_printed_before_an_exception_is_kept(capsys, tmp_path):
    script = write(tmp_path, "boom.py", "print('partial')\nraise RuntimeError('boom')\n")
    status, out, err = run(capsys, "run", str(script))
    assert (status, out) == (2, "partial\n")
    assert err.splitlines() == [
        f"convdims: error: {script} raised RuntimeError: boom (line 2)"
    ]


def test_a_syntax_error_names_its_line_once(capsys, tmp_path):
    script = write(tmp_path, "broken.py", "import keras\nx = (\n")
    status, out, err = run(capsys, "run", str(script))
    assert status == 2
    assert err.splitlines() == [
        f"convdims: error: {script} raised SyntaxError: '(' was never closed (line 2)"
    ]


def test_an_exception_in_a_module_of_the_script_names_that_file(capsys, tmp_path):
    write(tmp_path, "helper.py", "def build():\n    return 1 / 0\n")
    script = write(tmp_path, "main.py", "import helper\nhelper.build()\n")
    status, _, err = run(capsys, "run", str(script))
    assert status == 2
    assert "ZeroDivisionError" in err and "helper.py, line 2" in err


@pytest.mark.parametrize(
    ("source", "missing", "line"),
    [
        (KERAS_MODEL + "print('built')\nmodel.fit([1], [2])\n", "Sequential.fit", 6),
        (
            KERAS_MODEL + "model.compile(optimizer=keras.optimizers.Adam(1e-3), "
            "loss='mse', metrics=['mae'])\nprint('built')\nmodel.fit([1], [2])\n",
            "Sequential.fit",
            7,
        ),
        (
            "import keras\nloss = keras.losses.MeanSquaredError()\nprint('built')\n"
            "loss([1.0], [2.0])\n",
            "keras.losses.MeanSquaredError.__call__",
            4,
        ),
        (
            "import torch\nprint('built')\nimport torch.no_such_module\n",
            "torch.no_such_module",
            3,
        ),
        (
            "import torch\nprint('built')\ntorch.no_such_function()\n",
            "torch.no_such_function",
            3,
        ),
        (
            "print('built')\nfrom keras.layers import NoSuchLayer\n",
            "keras.layers.NoSuchLayer",
            2,
        ),
        (
            "from torch import nn\nprint('built')\nnn.Conv2d(3, 4, 3).no_such_method()\n",
            "Conv2d.no_such_method",
            3,
        ),
    ],
    ids=[
        "keras-method",
        "keras-compiled-fit",
        "keras-loss-call",
        "torch-module",
        "torch-function",
        "keras-import",
        "torch-method",
    ],
)
def test_an_unsupported_call_is_reported_as_such(capsys, tmp_path, source, missing, line):
    script = write(tmp_path, "model.py", source)
    status, out, err = run(capsys, "run", str(script))
    assert (status, out) == (2, "built\n")
    lines = err.splitlines()
    assert len(lines) == 1 and "Traceback" not in err
    assert (
        f"convdims computes shapes and counts only: {missing} is not available" in lines[0]
    )
    assert f"model.py, line {line})" in lines[0]


def test_run_json_error_keeps_the_output(capsys, tmp_path):
    script = write(tmp_path, "model.py", KERAS_MODEL + "print('built')\nmodel.fit()\n")
    status, out, err = run(capsys, "run", str(script), "--json")
    data = json.loads(out)
    assert (status, err) == (2, "")
    assert data["output"] == "built\n" and data["exit_status"] == 2
    assert data["unsupported"] == "Sequential.fit"
    assert "Sequential.fit is not available" in data["error"]["message"]


# --------------------------------------------------------------------------------------
# summary FILE


def test_summary_json_keeps_the_files_prints_out_of_the_json(capsys, tmp_path):
    path = write(tmp_path, "net.py", "print('hello from the file')\n" + KERAS_MODEL)
    status, out, err = run(capsys, "summary", str(path), "--json")
    assert status == 0
    data = json.loads(out)
    assert data["total_params"] == 2 * (3 * 3 + 1)
    assert "hello from the file" in err and "hello from the file" not in out


def test_summary_text_prints_the_files_output_then_the_table(capsys, tmp_path):
    path = write(tmp_path, "net.py", "print('hello from the file')\n" + KERAS_MODEL)
    status, out, _ = run(capsys, "summary", str(path))
    assert status == 0 and out.startswith("hello from the file\n")
    assert "Total params: 20" in out


def test_summary_of_a_file_that_exits_0_after_its_model(capsys, tmp_path):
    path = write(tmp_path, "net.py", KERAS_MODEL + "import sys\nsys.exit(0)\n")
    status, out, err = run(capsys, "summary", str(path))
    assert (status, err) == (0, "") and "Total params: 20" in out


def test_summary_runs_the_file_with_its_folder_and_argv(capsys, tmp_path):
    write(tmp_path, "layers_of_mine.py", "FILTERS = 2\n")
    path = write(
        tmp_path,
        "net.py",
        "import sys\nfrom layers_of_mine import FILTERS\nprint(sys.argv)\n"
        + KERAS_MODEL.replace("Conv2D(2, 3)", "Conv2D(FILTERS, 3)"),
    )
    status, out, _ = run(capsys, "summary", str(path))
    assert status == 0 and out.startswith(f"[{str(path)!r}]\n")


def test_summary_reads_the_graph_for_its_counts(capsys, tmp_path):
    path = write(
        tmp_path,
        "bn.py",
        KERAS_MODEL.replace(
            "layers.Conv2D(2, 3)", "layers.Conv2D(2, 3), layers.BatchNormalization()"
        ),
    )
    status, out, _ = run(capsys, "summary", str(path), "--json")
    data = json.loads(out)
    # BatchNormalization: 4 per channel, of which the moving mean and variance (2 per
    # channel) are not trained.
    assert (data["total_params"], data["trainable_params"]) == (20 + 8, 20 + 4)


def test_summary_refuses_a_model_that_declares_no_dialect(capsys, tmp_path):
    # Looking like a model (a summary method) is not enough: the class must declare it.
    path = write(
        tmp_path,
        "duck.py",
        "class Duck:\n    def summary(self):\n        print('quack')\n\nmodel = Duck()\n",
    )
    status, out, err = run(capsys, "summary", str(path))
    assert status == 2 and out == ""
    assert "not a convdims model" in err and "Duck" in err


# --------------------------------------------------------------------------------------
# Help says the file is executed


@pytest.mark.parametrize("command", ["run", "summary"])
def test_help_says_the_file_is_executed_as_python_does(capsys, command):
    status, out, _ = run(capsys, command, "--help")
    assert status == 0
    assert "Security:" in out and "executed as `python" in " ".join(out.split())


@pytest.mark.parametrize(("command", "option"), [("run", "SCRIPT"), ("summary", "FILE")])
def test_a_folder_is_refused_as_a_folder(capsys, tmp_path, command, option):
    status, out, err = run(capsys, command, str(tmp_path))
    assert (status, out) == (2, "")
    assert err == (
        f"convdims: error: argument {option}: {tmp_path} is a folder; give the Python "
        "file in it\n"
    )


def test_a_bad_input_size_names_the_summarys_option(capsys, tmp_path):
    script = tmp_path / "net.py"
    script.write_text("from convdims.torch import nn\nmodel = nn.Conv2d(3, 8, 3)\n")
    status, out, _ = run(
        capsys, "summary", str(script), "--input-size", "0x3x8x8", "--json"
    )
    error = json.loads(out)["error"]
    assert status == 2 and error["option"] == "--input-size"
    assert error["message"].startswith("argument --input-size: input_size=(0, 3, 8, 8)")

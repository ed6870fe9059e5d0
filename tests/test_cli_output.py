"""What the command line does when its output cannot go out: an ASCII-only terminal, a
closed standard output, a full device. A clear line on stderr and status 1, never a
traceback. These need real processes (the encodings and file descriptors are the
process's own)."""

from __future__ import annotations

import io
import json
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from convdims.cli import main
from convdims.cli.output import OUTPUT_FAILED, GuardedStream

KERAS_SUMMARY = """\
import keras
from keras import layers

model = keras.Sequential([keras.Input(shape=(8, 8, 1)), layers.Conv2D(2, 3)])
model.summary()
"""

TORCH_SUMMARY = """\
from torch import nn
from torchinfo import summary

summary(nn.Sequential(nn.Sequential(nn.Conv2d(1, 2, 3))), input_size=(1, 1, 8, 8))
"""


def process(*args: str, env: dict | None = None, **kwargs) -> subprocess.CompletedProcess:
    import os

    return subprocess.run(
        [sys.executable, "-m", "convdims", *args],
        capture_output="stdout" not in kwargs,
        stderr=subprocess.PIPE if "stdout" in kwargs else None,
        text=True,
        timeout=60,
        env={**os.environ, **(env or {})},
        **kwargs,
    )


def assert_clear_failure(result: subprocess.CompletedProcess, *fragments: str) -> None:
    assert result.returncode == OUTPUT_FAILED, result.stderr
    assert "Traceback" not in result.stderr and "Exception ignored" not in result.stderr
    lines = result.stderr.splitlines()
    assert lines and lines[-1].startswith("convdims: error: "), result.stderr
    for fragment in fragments:
        assert fragment in lines[-1], (fragment, result.stderr)


@pytest.fixture
def script(tmp_path):
    def write(source: str) -> Path:
        path = tmp_path / "model.py"
        path.write_text(textwrap.dedent(source))
        return path

    return write


# --------------------------------------------------------------------------------------
# An ASCII-only terminal


def test_an_ascii_terminal_gets_a_clear_message(script):
    path = script("print('caf\\u00e9')\n")
    result = process("run", str(path), env={"PYTHONIOENCODING": "ascii"})
    assert_clear_failure(result, "U+00E9", "ascii", "PYTHONIOENCODING=utf-8")


def test_a_torch_summary_on_an_ascii_terminal(script):
    path = script(TORCH_SUMMARY)
    result = process("run", str(path), env={"PYTHONIOENCODING": "ascii"})
    if result.returncode == 0:  # the dialect chose characters ASCII has
        assert result.stdout.isascii()
    else:
        assert_clear_failure(result, "ascii")


def test_a_keras_summary_on_an_ascii_terminal_draws_ascii(script):
    # As Keras's rich does: ASCII boxes when the terminal cannot show others.
    path = script(KERAS_SUMMARY)
    for command in (["run", str(path)], ["summary", str(path)]):
        result = process(*command, env={"PYTHONIOENCODING": "ascii"})
        assert result.returncode == 0, result.stderr
        assert result.stdout.isascii() and "Total params: 20" in result.stdout


def test_json_is_ascii_whatever_the_terminal(script):
    path = script("print('caf\\u00e9')\n")
    result = process("run", str(path), "--json", env={"PYTHONIOENCODING": "ascii"})
    assert result.returncode == 0, result.stderr
    assert '"output": "caf\\u00e9\\n"' in result.stdout


# --------------------------------------------------------------------------------------
# A full device, a closed standard output, a reader that leaves


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="no /dev/full here")
@pytest.mark.parametrize(
    "args",
    [["conv", "32", "-k", "3"], ["conv", "32", "-k", "3", "--json"], ["--help"], ["run"]],
    ids=["conv", "json", "help", "run"],
)
def test_a_full_device(script, args):
    if args == ["run"]:
        args = ["run", str(script("print('x' * 100)\n"))]
    with open("/dev/full", "w") as full:
        result = process(*args, stdout=full)
    assert_clear_failure(result, "No space left on device")


@pytest.mark.parametrize(
    "args",
    [["conv", "32", "-k", "3"], ["run"]],
    ids=["conv", "run"],
)
def test_a_closed_standard_output(script, args):
    if args == ["run"]:
        args = ["run", str(script("print('hello')\n"))]
    command = " ".join([sys.executable, "-m", "convdims", *args])
    result = subprocess.run(
        ["bash", "-c", f"{command} >&-"], capture_output=True, text=True, timeout=60
    )
    assert_clear_failure(result, "standard output is closed")


def test_a_reader_that_leaves_early_is_fine(script):
    path = script("for n in range(100000):\n    print(n)\n")
    command = f"{sys.executable} -m convdims run {path} | head -1"
    result = subprocess.run(
        ["bash", "-c", f"set -o pipefail; {command}"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.stdout == "0\n"
    assert (result.returncode, result.stderr) == (0, "")


# --------------------------------------------------------------------------------------
# In-process: a closed stream, and the guard the script writes through


def test_in_process_a_closed_stdout_is_a_clear_message(capsys, monkeypatch):
    closed = io.StringIO()
    closed.close()
    monkeypatch.setattr(sys, "stdout", closed)
    status = main(["conv", "32", "-k", "3"])
    err = capsys.readouterr().err
    assert status == OUTPUT_FAILED
    assert err == "convdims: error: cannot write the output: standard output is closed\n"


def test_in_process_stdout_none_is_a_clear_message(capsys, monkeypatch):
    monkeypatch.setattr(sys, "stdout", None)
    assert main(["params", "dense", "-i", "3", "-u", "2"]) == OUTPUT_FAILED
    assert "standard output is closed" in capsys.readouterr().err


def test_the_guard_keeps_the_first_failure_and_lets_it_through():
    stream = io.TextIOWrapper(io.BytesIO(), encoding="ascii")
    guard = GuardedStream(stream)
    assert guard.write("fine") == 4
    with pytest.raises(UnicodeEncodeError):
        guard.write("\u2501")
    with pytest.raises(UnicodeEncodeError):
        guard.write("\u00e9")
    assert isinstance(guard.failure, UnicodeEncodeError)
    assert guard.failure.object == "\u2501"
    assert guard.encoding == "ascii"  # everything else is the stream's


def test_a_script_that_swallows_the_failure_is_still_reported(capsys, monkeypatch, script):
    path = script(
        "try:\n    print('\\u2501')\nexcept UnicodeError:\n    pass\nprint('after')\n"
    )
    ascii_out = io.TextIOWrapper(io.BytesIO(), encoding="ascii")
    monkeypatch.setattr(sys, "stdout", ascii_out)
    status = main(["run", str(path)])
    assert status == OUTPUT_FAILED
    assert "U+2501" in capsys.readouterr().err


def test_numbers_too_long_to_write_out_are_refused_by_option(capsys):
    # A derivation writes its numbers in full: 3,000-digit inputs are refused at once,
    # naming the option, and Python's digit limit is never touched.
    limit = sys.get_int_max_str_digits()
    big = str(10**3000 - 1)
    assert main(["params", "dense", "-i", big, "-u", big]) == 2
    captured = capsys.readouterr()
    assert "argument -i/--in-features" in captured.err and "digits" in captured.err
    assert main(["params", "dense", "-i", big, "-u", big, "--json"]) == 2
    error = json.loads(capsys.readouterr().out)["error"]
    assert "digits" in error["message"]
    assert sys.get_int_max_str_digits() == limit

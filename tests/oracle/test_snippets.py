"""Every script the site shows prints, under the real framework, what the site shows.

docs/snippets/*.py are Keras or PyTorch scripts with the real imports. The site shows their
output as computed by convdims standing in for the framework (convdims.standin.run); here
each runs again under the real Keras (torch backend) or PyTorch + torchinfo, in a fresh
process per framework with a fresh Keras session per script, and the text must be the same.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

from convdims import standin

SNIPPETS = sorted((Path(__file__).parents[2] / "docs" / "snippets").glob("*.py"))

# Runs each script under the real framework in a process of its own, forked after the
# frameworks are imported (so every script starts from a fresh Keras session, as a reader's
# would), and prints {path: output} as JSON.
DRIVER = r"""
import contextlib, io, json, os, runpy, sys, tempfile, traceback, warnings
warnings.simplefilter("ignore")
import keras, torch, torchinfo
outputs = {}
for path in sys.argv[1:]:
    with tempfile.TemporaryFile("w+") as sink:
        child = os.fork()
        if child == 0:
            buffer = io.StringIO()
            try:
                with contextlib.redirect_stdout(buffer):
                    runpy.run_path(path, run_name="__main__")
            except BaseException:
                buffer.write("RAISED:" + traceback.format_exc())
            sink.write(buffer.getvalue())
            sink.flush()
            os._exit(0)
        os.waitpid(child, 0)
        sink.seek(0)
        outputs[path] = sink.read()
print(json.dumps(outputs))
"""


def torchinfo_units(text: str) -> str:
    """torchinfo 1.8 on Python 3.11+ prints its unit enum, ``(Units.MEGABYTES)``, where
    it means ``(M)``; convdims prints what torchinfo intends."""
    for member, letter in (
        ("KILOBYTES", "K"),
        ("MEGABYTES", "M"),
        ("GIGABYTES", "G"),
        ("TERABYTES", "T"),
    ):
        text = text.replace(f"(Units.{member})", f"({letter})")
    return text


@pytest.fixture(scope="module")
def real_outputs(torch, keras):
    """Every snippet's output under the real frameworks, from one fresh process."""
    env = dict(
        os.environ,
        KERAS_BACKEND="torch",
        KERAS_HOME=tempfile.mkdtemp(prefix="convdims-keras-"),
        COLUMNS="80",
        PYTHONWARNINGS="ignore",
    )
    result = subprocess.run(
        [sys.executable, "-c", DRIVER, *map(str, SNIPPETS)],
        capture_output=True,
        text=True,
        env=env,
        timeout=600,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    return json.loads(result.stdout.splitlines()[-1])


def test_there_are_snippets():
    assert len(SNIPPETS) >= 10


@pytest.mark.parametrize("path", SNIPPETS, ids=lambda path: path.name)
def test_snippet_uses_the_real_framework(path):
    source = path.read_text()
    assert not re.search(r"^\s*(from|import) convdims", source, re.MULTILINE), (
        f"{path.name} must import the real framework; the site generates the convdims twin"
    )
    assert re.search(r"^(import|from) (keras|torch|torchinfo)\b", source, re.MULTILINE)


@pytest.mark.parametrize("path", SNIPPETS, ids=lambda path: path.name)
def test_snippet_prints_what_the_framework_prints(path, real_outputs, monkeypatch):
    monkeypatch.setenv("COLUMNS", "80")
    ours = standin.run(path)
    theirs = torchinfo_units(real_outputs[str(path)])
    assert ours.strip(), f"{path.name} prints nothing"
    assert ours == theirs

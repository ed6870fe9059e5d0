"""What importing convdims loads of the standard library (not how long it takes).

``import convdims.keras`` and ``import convdims.torch`` have a budget (issue 12: 30 ms
each, measured by ``benchmarks/bench_import.py``, never here). Most of what they once
cost was the standard library they pulled in: ``dataclasses`` (and with it ``inspect``,
``ast``, ``dis``, ``tokenize``), ``typing``, ``shutil`` (``bz2``, ``lzma``). These tests
keep those out, in a fresh interpreter: a new module that writes ``from typing import
Any`` at run time, or ``@dataclass``, fails here with the module it came from, long
before anyone times anything. Annotation-only names go under ``TYPE_CHECKING = False``
and values use ``convdims._values.value``.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SNIPPETS = ROOT / "docs" / "snippets"

#: Loaded by none of the imports below, nor by ``convdims run`` of the examples.
HEAVY = ("typing", "dataclasses", "inspect", "ast", "dis", "tokenize", "shutil", "argparse")


def _loaded(code: str) -> dict[str, list[str]]:
    """Run ``code`` in a fresh interpreter; the modules it loaded (by the first
    convdims module that imported each heavy one)."""
    probe = f"""
import builtins, json, sys
seen = {{}}
real_import = builtins.__import__
def spy(name, globals=None, locals=None, fromlist=(), level=0):
    before = set(sys.modules)
    module = real_import(name, globals, locals, fromlist, level)
    importer = (globals or {{}}).get("__name__", "?")
    for new in set(sys.modules) - before:
        seen.setdefault(new, importer)
    return module
builtins.__import__ = spy
{code}
builtins.__import__ = real_import
sys.stdout = sys.__stdout__
print(json.dumps(seen))
"""
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    result = subprocess.run(
        [sys.executable, "-c", probe],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=env,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    seen = json.loads(result.stdout.splitlines()[-1])
    return {name: [seen[name]] for name in HEAVY if name in seen}


@pytest.mark.parametrize(
    "module",
    ["convdims", "convdims.keras", "convdims.torch", "convdims.cli", "convdims.standin"],
)
def test_importing_loads_no_heavy_standard_module(module):
    assert _loaded(f"import {module}") == {}


@pytest.mark.parametrize("script", ["keras_resnet50.py", "torch_resnet50.py"])
def test_convdims_run_of_an_example_loads_no_heavy_standard_module(script):
    code = (
        "import io\nsys.stdout = io.StringIO()\nfrom convdims.cli import main\n"
        f"status = main(['run', {str(SNIPPETS / script)!r}])\nassert status == 0, status"
    )
    assert _loaded(code) == {}


@pytest.mark.parametrize(
    "argv",
    [
        ["conv", "32", "-k", "3"],
        ["pool", "11", "-k", "2", "--ceil-mode", "-p", "1"],
        ["transpose", "12", "-k", "3", "-s", "2", "-p", "same", "--output-padding", "none"],
        ["params", "conv", "-k", "3", "-c", "3", "-f", "5"],
    ],
)
def test_a_window_or_params_command_loads_no_standard_module_beyond_argparse(argv):
    # argparse (and the shutil it loads) is the parser's own; nothing of the answer's.
    code = (
        "import io\nsys.stdout = io.StringIO()\nfrom convdims.cli import main\n"
        f"status = main({argv!r})\nassert status == 0, status"
    )
    assert _loaded(code).keys() <= {"argparse", "shutil"}


def test_the_probe_sees_a_heavy_import():
    # The test above cannot pass by not seeing: the same probe reports dataclasses
    # (and whose import it was) when something loads it.
    assert _loaded("import dataclasses")["dataclasses"] == ["__main__"]

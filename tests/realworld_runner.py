"""Run the real-world corpus (tests/realworld/) as its users would; tell what it printed.

Each corpus file is a script: run as ``python FILE`` under the real framework (torch 2.13 +
torchinfo, or Keras 3 on the torch backend), and as ``convdims run FILE`` with the real
frameworks hidden, so that only convdims's lookalikes can answer ``import torch`` or
``import keras``. Every file runs in a process of its own, forked from one process per side
that has already imported what that side needs (the frameworks, or convdims): one Keras
session, one set of imports and one stdout per file, at the cost of one interpreter start
per side. As many files run at once as there are CPU cores (CONVDIMS_CORPUS_JOBS sets
another number). tests/oracle/test_realworld.py compares the two sides; run as a script,
this module writes tests/realworld/INVENTORY.md::

    KERAS_BACKEND=torch python tests/realworld_runner.py

The ``convdims run`` side is run twice for the inventory: as the command is (the script's
folder is not on ``sys.path`` today, so the corpus files that import the support folders
beside them stop there), and with the folder on ``sys.path``, as ``python FILE`` has it,
which shows the first missing feature of the lookalikes behind that.
"""

from __future__ import annotations

import argparse
import contextlib
import importlib.abc
import json
import os
import re
import runpy
import subprocess
import sys
import tempfile
import time
import traceback
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "tests" / "realworld"
INVENTORY = CORPUS / "INVENTORY.md"
MARK = "# --- convdims corpus driver (added) ---"

#: Top-level modules that a ``convdims run`` process must not import for real.
HIDDEN = ("keras", "tensorflow", "jax", "torch", "torchvision", "torchaudio", "torchinfo")

#: The ways a corpus file is run: the real framework, ``convdims run`` as it is, and
#: ``convdims run`` with the script's folder on ``sys.path`` (what ``python FILE`` does).
MODES = ("real", "convdims", "convdims-with-folder")


@dataclass(frozen=True)
class Run:
    """What one corpus file printed in one mode, and how its process ended."""

    stdout: str
    stderr: str
    status: int
    seconds: float = 0.0

    @property
    def error(self) -> str:
        """The error the run ended with: its last non-empty line on stderr."""
        lines = [line for line in self.stderr.splitlines() if line.strip()]
        return lines[-1].strip() if lines else f"exit status {self.status}"


def corpus_files() -> list[Path]:
    """The corpus's model files (the support folders beside them are not corpus files)."""
    return sorted(path for path in CORPUS.glob("*.py") if path.name != "conftest.py")


def is_keras(path: Path) -> bool:
    """Whether the file is a Keras script (otherwise it is a PyTorch one)."""
    return bool(re.search(r"^\s*(import|from) keras\b", path.read_text(), re.MULTILINE))


def header(path: Path) -> dict[str, str]:
    """The ``# Key: value`` lines of a corpus file's header comment."""
    fields: dict[str, str] = {}
    for line in path.read_text().splitlines():
        if not line.startswith("#"):
            break
        match = re.match(
            r"# (Repository|Path|Commit|Licence|Support|Changes):\s*(.*)", line
        )
        if match:
            fields[match.group(1)] = match.group(2)
    return fields


def environment(home: Path) -> dict[str, str]:
    """The environment of both sides: Keras on torch, writing under ``home``; 80 columns."""
    import convdims

    source = str(Path(convdims.__file__).resolve().parents[1])
    path = os.environ.get("PYTHONPATH")
    env = dict(os.environ)
    env.update(
        KERAS_BACKEND="torch",
        KERAS_HOME=str(home / "keras"),
        TORCH_HOME=str(home / "torch"),
        MPLCONFIGDIR=str(home / "mpl"),
        COLUMNS="80",
        PYTHONWARNINGS="ignore",
        PYTHONPATH=source + (os.pathsep + path if path else ""),
    )
    return env


def run_corpus(mode: str, files: list[Path], home: Path) -> dict[str, Run]:
    """Run ``files`` in ``mode`` (one of MODES), from one process; results by file name."""
    if mode not in MODES:
        raise ValueError(f"mode={mode!r}: expected one of {', '.join(MODES)}")
    out = home / f"{mode}.json"
    result = subprocess.run(
        [sys.executable, __file__, "--serve", mode, "--out", str(out)]
        + [str(path.resolve()) for path in files],
        env=environment(home),
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=1800,
    )
    if result.returncode != 0 or not out.exists():
        raise RuntimeError(
            f"the {mode} runner failed ({result.returncode}):\n{result.stderr[-3000:]}"
        )
    data = json.loads(out.read_text())
    return {name: Run(**run) for name, run in data.items()}


# --------------------------------------------------------------------------------------
# What the two sides may print differently: nothing but what issue 13 allows.


def torchinfo_units(text: str) -> str:
    """torchinfo 1.8 on Python 3.11+ prints its unit enum, ``(Units.MEGABYTES)``, where
    it means ``(M)``; convdims prints what torchinfo intends (as in test_snippets.py).

    >>> torchinfo_units("Total mult-adds (Units.MEGABYTES): 1.82")
    'Total mult-adds (M): 1.82'
    """
    for member, letter in (
        ("KILOBYTES", "K"),
        ("MEGABYTES", "M"),
        ("GIGABYTES", "G"),
        ("TERABYTES", "T"),
    ):
        text = text.replace(f"(Units.{member})", f"({letter})")
    return text


def keras_suffixes(text: str) -> str:
    """Keras's auto-numbered name suffixes (``conv2d_3``) as ``conv2d_N``, with the table
    padding that their width changes squeezed out.

    >>> keras_suffixes("│ conv2d_12 (Conv2D)   │") == keras_suffixes("│ conv2d (Conv2D) │")
    False
    >>> keras_suffixes("│ conv2d_12 (Conv2D)  │") == keras_suffixes("│ conv2d_3 (Conv2D) │")
    True
    >>> keras_suffixes("block1_conv1 expanded_conv_10_depthwise")
    'block1_conv1 expanded_conv_10_depthwise'
    """
    text = re.sub(r"\b([a-z][a-z0-9]*(?:_[a-z][a-z0-9]*)*)_\d+\b", r"\1_N", text)
    return re.sub(r" {2,}", " ", text)


def same_output(real: str, ours: str) -> bool:
    r"""Whether ``convdims run`` printed what the real framework printed.

    ``convdims run`` prints what the script printed without its trailing newlines, then
    one newline; torchinfo's unit label and Keras's name suffixes may differ.

    >>> same_output("Params (Units.MEGABYTES): 1\n\n", "Params (M): 1\n")
    True
    >>> same_output("conv2d_1 (Conv2D) │ (None, 8) │", "conv2d_4 (Conv2D) │ (None, 9) │")
    False
    """
    real = torchinfo_units(real).rstrip("\n")
    ours = ours.rstrip("\n")
    return real == ours or keras_suffixes(real) == keras_suffixes(ours)


def passes(real: Run, ours: Run) -> bool:
    """Whether a file runs under ``convdims run`` and prints what the framework prints."""
    return real.status == 0 and ours.status == 0 and same_output(real.stdout, ours.stdout)


def first_difference(real: str, ours: str) -> str:
    """The first line where the two outputs differ, for a failure message."""
    theirs = torchinfo_units(real).rstrip("\n").splitlines()
    mine = ours.rstrip("\n").splitlines()
    for number, (a, b) in enumerate(zip(theirs, mine, strict=False), 1):
        if a != b:
            return f"line {number}:\n  framework: {a!r}\n  convdims:  {b!r}"
    return f"the framework printed {len(theirs)} lines, convdims {len(mine)}"


# --------------------------------------------------------------------------------------
# The processes that run the files (python realworld_runner.py --serve MODE ...)


class _HideFrameworks(importlib.abc.MetaPathFinder):
    """Refuse the real frameworks, as on a machine without them."""

    def find_spec(self, name, path=None, target=None):
        if path is None and name.partition(".")[0] in HIDDEN:
            raise ModuleNotFoundError(f"No module named {name!r}", name=name)
        return None


def _run_real(path: str) -> int:
    """``python FILE``: its folder first on sys.path, argv the script alone."""
    sys.argv = [path]
    sys.path.insert(0, os.path.dirname(path))
    try:
        runpy.run_path(path, run_name="__main__")
    except SystemExit as exit_:
        code = exit_.code
        return code if isinstance(code, int) else 0 if code is None else 1
    except BaseException:
        traceback.print_exc()
        return 1
    return 0


def _run_convdims(path: str, with_folder: bool) -> int:
    """``convdims run FILE``, in this process (the command is cli.main)."""
    from convdims import cli

    sys.argv = ["convdims", "run", path]
    if with_folder:
        sys.path.insert(0, os.path.dirname(path))
    return cli.main(["run", path])


def _jobs() -> int:
    """How many files run at once: CONVDIMS_CORPUS_JOBS, or one per CPU core."""
    value = os.environ.get("CONVDIMS_CORPUS_JOBS") or str(os.cpu_count() or 1)
    if not value.isdigit() or int(value) < 1:
        raise ValueError(f"CONVDIMS_CORPUS_JOBS={value!r}: expected a whole number >= 1")
    return int(value)


def _serve(mode: str, files: list[str], out: str) -> None:
    del sys.path[0]  # this runner's folder: the scripts see their own, or none
    jobs = _jobs()
    if mode == "real":
        import keras  # noqa: F401 - imported once, before the forks
        import torch
        import torchinfo  # noqa: F401

        if jobs > 1:  # one thread per file: the files share the cores, not each file
            torch.set_num_threads(1)

        def run(path: str) -> int:
            return _run_real(path)
    else:
        sys.meta_path.insert(0, _HideFrameworks())
        from convdims import cli  # noqa: F401 - imported once, before the forks

        def run(path: str) -> int:
            return _run_convdims(path, with_folder=mode == "convdims-with-folder")

    def start(path: str) -> tuple[int, object, object, float]:
        stdout = tempfile.TemporaryFile("w+")
        stderr = tempfile.TemporaryFile("w+")
        sys.stdout.flush()
        sys.stderr.flush()
        began = time.perf_counter()
        child = os.fork()
        if child == 0:  # the child: its own stdout and stderr, then its exit status
            status = 1
            try:
                os.dup2(stdout.fileno(), 1)
                os.dup2(stderr.fileno(), 2)
                status = run(path)
            finally:
                with contextlib.suppress(Exception):
                    sys.stdout.flush()
                    sys.stderr.flush()
                os._exit(status)
        return child, stdout, stderr, began

    results: dict[str, dict[str, object]] = {}
    waiting = list(reversed(files))
    running: dict[int, tuple[str, object, object, float]] = {}
    while waiting or running:
        while waiting and len(running) < jobs:
            path = waiting.pop()
            child, stdout, stderr, began = start(path)
            running[child] = (path, stdout, stderr, began)
        child, wait = os.waitpid(-1, 0)
        if child not in running:
            continue
        path, stdout, stderr, began = running.pop(child)
        with stdout, stderr:
            stdout.seek(0)
            stderr.seek(0)
            results[Path(path).name] = {
                "stdout": stdout.read(),
                "stderr": stderr.read(),
                "status": os.waitstatus_to_exitcode(wait),
                "seconds": time.perf_counter() - began,
            }
    Path(out).write_text(json.dumps(dict(sorted(results.items()))))


# --------------------------------------------------------------------------------------
# The inventory (python tests/realworld_runner.py)


def _error_kind(run: Run, path: Path) -> str:
    """The error, without the parts that name this file (its path and line)."""
    error = run.error.removeprefix("convdims: error: ")
    error = error.replace(f"{path} raised ", "").replace(f"{ROOT}{os.sep}", "")
    return re.sub(r" \((?:[^()]*\.py, )?line \d+\)$", "", error)


def missing_feature(error: str) -> str:
    """The framework feature an error names, in the framework's spelling.

    >>> missing_feature("AttributeError: module 'torch.nn' has no attribute 'Upsample'")
    'torch.nn.Upsample'
    >>> missing_feature("ImportError: cannot import name 'ops' from 'convdims.keras'")
    'keras.ops'
    >>> missing_feature("ModuleNotFoundError: No module named 'torch.hub'")
    'import torch.hub'
    >>> missing_feature("convdims computes shapes and counts only: torch.hub is not "
    ...                 "available")
    'torch.hub'
    """
    names = {"convdims.keras": "keras", "convdims.torch": "torch"}
    match = re.search(r"counts only: ([\w.]+) is not available", error)
    if match:
        return match.group(1)

    def framework(module: str) -> str:
        for ours, theirs in names.items():
            if module == ours or module.startswith(ours + "."):
                return theirs + module.removeprefix(ours)
        return module

    match = re.search(r"module '([\w.]+)' has no attribute '(\w+)'", error)
    if match:
        return f"{framework(match.group(1))}.{match.group(2)}"
    match = re.search(r"'([\w.]+)' object has no attribute '(\w+)'", error)
    if match:
        return f"{match.group(1)}.{match.group(2)}"
    match = re.search(r"cannot import name '(\w+)' from '([\w.]+)'", error)
    if match:
        return f"{framework(match.group(2))}.{match.group(1)}"
    match = re.search(r"No module named '([\w.]+)'", error)
    if match:
        return f"import {match.group(1)}"
    return error


def stop(run: Run, path: Path) -> str:
    """What stops a failing run, named as in the inventory and NOT_YET."""
    if not run.status:
        return "output"
    feature = missing_feature(_error_kind(run, path))
    local = feature.removeprefix("import ").split(".")[0]
    if feature.startswith("import ") and (
        (CORPUS / local).is_dir() or (CORPUS / f"{local}.py").is_file()
    ):
        return FOLDER
    return feature


#: The stop of every corpus file that imports the modules beside it, under convdims run.
FOLDER = "the script's folder on sys.path"


def inventory(runs: dict[str, dict[str, Run]], seconds: dict[str, float]) -> str:
    """INVENTORY.md: every file's result under ``convdims run``, and what stops the rest."""
    files = corpus_files()
    rows: list[str] = []
    stops: Counter[str] = Counter()
    features: Counter[str] = Counter()
    passing = passing_with_folder = 0
    for path in files:
        name = path.name
        real, ours, folder = (runs[mode][name] for mode in MODES)
        fields = header(path)
        source = fields.get("Repository", "?").removeprefix("https://github.com/")
        source += f" `{fields.get('Path', '?')}`"
        results = []
        for run in (ours, folder):
            if real.status != 0:
                results.append(f"the real framework fails: `{real.error}`")
            elif passes(real, run):
                results.append("passes")
            elif run.status:
                results.append(f"fails: `{_error_kind(run, path)}`")
            else:
                difference = first_difference(real.stdout, run.stdout)
                results.append(f"prints something else, at {difference}".replace("\n", " "))
        if results[0] == "passes":
            passing += 1
        else:
            stops[stop(ours, path)] += 1
        if results[1] == "passes":
            passing_with_folder += 1
        else:
            features[stop(folder, path)] += 1
        rows.append(f"| `{name}` | {source} | {results[0]} | {results[1]} |")
    keras_files = sum(is_keras(path) for path in files)
    return "\n".join(
        [
            "# The real-world corpus: what `convdims run` does with it today",
            "",
            "Written by `KERAS_BACKEND=torch python tests/realworld_runner.py`; "
            "do not edit.",
            "",
            f"- {len(files)} files: {keras_files} Keras, "
            f"{len(files) - keras_files} PyTorch.",
            f"- {passing} run under `convdims run` and print what the real framework "
            "prints.",
            f"- {passing_with_folder} would, with the script's folder on `sys.path` (as "
            "`python FILE` has it; issue 13 item 4).",
            "",
            "Each file ran as `python FILE` under the real framework "
            f"({seconds['real']:.0f} s for all), as `convdims run FILE` with the real "
            f"frameworks hidden ({seconds['convdims']:.0f} s), and again with the script's "
            f"folder on `sys.path` ({seconds['convdims-with-folder']:.0f} s), which shows "
            "the first missing feature behind that first stop. The times are wall "
            "time on the machine that wrote this file, shared with whatever else ran "
            "there.",
            "",
            "## What stops the files",
            "",
            "The first error of each failing file, as the framework feature it names, "
            "ranked by how many files it stops. A file can miss more behind its first "
            "error.",
            "",
            "| feature | files stopped by `convdims run` "
            "| files stopped with the folder on sys.path |",
            "|---|---:|---:|",
            *(
                f"| `{feature}` | {stops.get(feature, 0)} | {features.get(feature, 0)} |"
                for feature, _ in (stops + features).most_common()
            ),
            "",
            "## Every file",
            "",
            "| file | source | `convdims run` today | with the folder on sys.path |",
            "|---|---|---|---|",
            *rows,
            "",
        ]
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--serve", choices=MODES, help=argparse.SUPPRESS)
    parser.add_argument("--out", help=argparse.SUPPRESS)
    parser.add_argument(
        "--save", metavar="JSON", help="also write every run's output there"
    )
    parser.add_argument(
        "--load", metavar="JSON", help="write the inventory from runs saved with --save"
    )
    parser.add_argument("files", nargs="*", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.load:
        data = json.loads(Path(args.load).read_text())
        runs = {
            mode: {name: Run(**run) for name, run in got.items()}
            for mode, got in data["runs"].items()
        }
        INVENTORY.write_text(inventory(runs, data["seconds"]))
        return 0
    if args.serve:
        _serve(args.serve, args.files, args.out)
        return 0
    files = corpus_files()
    runs: dict[str, dict[str, Run]] = {}
    seconds: dict[str, float] = {}
    with tempfile.TemporaryDirectory(prefix="convdims-corpus-") as home:
        for mode in MODES:
            start = time.perf_counter()
            runs[mode] = run_corpus(mode, files, Path(home))
            seconds[mode] = time.perf_counter() - start
            print(f"{mode}: {seconds[mode]:.1f} s", file=sys.stderr)
    if args.save:
        saved = {
            mode: {name: vars(run) for name, run in got.items()}
            for mode, got in runs.items()
        }
        Path(args.save).write_text(json.dumps({"runs": saved, "seconds": seconds}))
    INVENTORY.write_text(inventory(runs, seconds))
    print(f"wrote {INVENTORY.relative_to(ROOT)}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

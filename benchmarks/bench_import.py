"""Import time of convdims and its dialects, with and without bytecode caches.

    python benchmarks/bench_import.py [--repeat 10] [--top 8]

Issue 12's budget: ``import convdims.keras`` and ``import convdims.torch`` at most 30 ms
each. Each figure is the cumulative time ``python -X importtime`` reports for the module,
the best of ``--repeat`` fresh interpreters, in two settings:

- **bytecode cached**: what a user sees after ``pip install`` (pip compiles every module
  to ``.pyc``) or after a first import. The caches go to a temporary
  ``PYTHONPYCACHEPREFIX``, written by a first run that is not counted, so the source
  tree is left untouched.
- **no bytecode**: ``PYTHONDONTWRITEBYTECODE=1`` and no ``__pycache__`` in the source
  tree (this machine's setting): every convdims module is compiled from source on
  every import; the standard library still has its own caches.

For each, the time is split into convdims's own modules and the standard library they
load, and the modules that cost most (their own time, not their imports') are listed.
The machine is shared: take the best of several runs, and rerun to compare.
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MODULES = ("convdims", "convdims.keras", "convdims.torch", "convdims.cli")
_LINE = re.compile(r"import time:\s+(\d+) \|\s+(\d+) \|( *)(\S+)$")


def _importtime(module: str, env: dict[str, str]) -> list[tuple[str, int, int, int]]:
    """``(name, self us, cumulative us, depth)`` per module ``import module`` loaded."""
    result = subprocess.run(
        [sys.executable, "-X", "importtime", "-c", f"import {module}"],
        capture_output=True,
        text=True,
        check=True,
        cwd=ROOT,
        env=env,
    )
    rows = []
    for line in result.stderr.splitlines():
        match = _LINE.match(line)
        if match:
            own, total, indent, name = match.groups()
            rows.append((name, int(own), int(total), len(indent)))
    return rows


def best(module: str, env: dict[str, str], repeat: int) -> dict[str, int]:
    """The fastest of ``repeat`` imports of ``module`` (least disturbed on a shared
    machine): each module it loaded beyond the interpreter's start, with its own time
    in microseconds, and ``module``'s cumulative time under the key ``""``."""
    startup = {name for name, *_ in _importtime("sys", env)}
    fastest: dict[str, int] = {}
    for _ in range(repeat):
        rows = _importtime(module, env)
        run = {name: own for name, own, _, _ in rows if name not in startup}
        run[""] = next(total for name, _, total, _ in rows if name == module)
        if not fastest or run[""] < fastest[""]:
            fastest = run
    return fastest


def settings() -> list[tuple[str, dict[str, str]]]:
    base = {key: value for key, value in os.environ.items() if key != "PYTHONPYCACHEPREFIX"}
    base["PYTHONPATH"] = os.pathsep.join(
        [str(ROOT / "src"), *filter(None, [os.environ.get("PYTHONPATH")])]
    )
    cached = {k: v for k, v in base.items() if k != "PYTHONDONTWRITEBYTECODE"}
    cached["PYTHONPYCACHEPREFIX"] = tempfile.mkdtemp(prefix="convdims-pyc-")
    for module in MODULES:  # write the caches; not counted
        _importtime(module, cached)
    bare = {**base, "PYTHONDONTWRITEBYTECODE": "1"}
    return [("bytecode cached", cached), ("no bytecode", bare)]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=10, help="fresh interpreters")
    parser.add_argument("--top", type=int, default=8, help="costliest modules shown")
    args = parser.parse_args()
    stale = sorted(str(p.relative_to(ROOT)) for p in (ROOT / "src").rglob("__pycache__"))
    if stale:
        print(f"note: {len(stale)} __pycache__ folders in src/: 'no bytecode' uses them")
    for label, env in settings():
        print(f"\n{label} (best of {args.repeat}, ms):")
        print(f"{'module':16} {'total':>7} {'convdims':>9} {'stdlib':>7}   costliest")
        for module in MODULES:
            times = best(module, env, args.repeat)
            total = times.pop("")
            ours = sum(own for name, own in times.items() if name.startswith("convdims"))
            costly = sorted(times.items(), key=lambda item: -item[1])[: args.top]
            listed = ", ".join(f"{name} {own / 1000:.1f}" for name, own in costly)
            print(
                f"{module:16} {total / 1000:7.1f} {ours / 1000:9.1f} "
                f"{(total - ours) / 1000:7.1f}   {listed}"
            )


if __name__ == "__main__":
    main()

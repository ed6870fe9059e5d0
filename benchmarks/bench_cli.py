"""Wall time of the command line as whole processes, best of N, and where it goes.

    python benchmarks/bench_cli.py [--repeat 15] [SCRIPT]

Times, each as a fresh process (best of ``--repeat``, milliseconds):

- ``python -c pass``: the interpreter alone (with this environment's site-packages);
- ``import convdims.cli``: what the command line loads before it knows the command;
- ``convdims run`` of an empty script: the command line's own work for ``run``;
- ``import convdims.keras`` and ``import convdims.torch``: the lookalikes' own imports;
- ``standin.run(SCRIPT)`` in a bare interpreter: the script with the dialects, no CLI;
- ``convdims run SCRIPT`` (default: ``docs/snippets/keras_resnet50.py``), the budget's
  figure (issue 12: at most 60 ms), as ``python -m convdims`` and as the console script;
- ``convdims conv 32 -k 3``.

Then ``python -X importtime`` of the run: the modules that cost most, cumulatively.
The machine is shared: take the best of several runs, and rerun to compare.
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_SCRIPT = ROOT / "docs" / "snippets" / "keras_resnet50.py"


def best(command: list[str], repeat: int) -> tuple[float, float]:
    """The fastest of ``repeat`` runs of ``command``: wall time and CPU time (user +
    system, which a loaded machine inflates less), in milliseconds."""
    walls, cpus = [], []
    for _ in range(repeat):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.perf_counter()
        subprocess.run(command, stdout=subprocess.DEVNULL, check=True, cwd=ROOT)
        walls.append((time.perf_counter() - start) * 1000)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
        cpus.append(cpu * 1000)
    return min(walls), min(cpus)


def import_costs(command: list[str], top: int) -> list[tuple[int, str]]:
    """The ``top`` modules with the largest cumulative import time (microseconds)."""
    result = subprocess.run(
        [sys.executable, "-X", "importtime", *command],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env={**os.environ, "PYTHONPROFILEIMPORTTIME": "1"},
    )
    rows = []
    for line in result.stderr.splitlines():
        if not line.startswith("import time:") or "|" not in line:
            continue
        _, cumulative, name = line[len("import time:") :].split("|")
        if cumulative.strip().isdigit():
            rows.append((int(cumulative), name.rstrip()))
    return sorted(rows, reverse=True)[:top]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("script", nargs="?", default=str(DEFAULT_SCRIPT))
    parser.add_argument("--repeat", type=int, default=15)
    parser.add_argument("--top", type=int, default=15)
    args = parser.parse_args()
    python = sys.executable
    console = shutil.which("convdims")
    empty = Path(tempfile.mkdtemp()) / "empty.py"
    empty.write_text("pass\n")
    cases = [
        ("python -c pass", [python, "-c", "pass"]),
        ("import convdims", [python, "-c", "import convdims"]),
        ("import convdims.cli", [python, "-c", "import convdims.cli"]),
        (
            "convdims run of an empty script (the CLI's own work)",
            [python, "-c", f"from convdims.cli import main; main(['run', {str(empty)!r}])"],
        ),
        ("import convdims.keras", [python, "-c", "import convdims.keras"]),
        ("import convdims.torch", [python, "-c", "import convdims.torch"]),
        (
            f"standin.run({Path(args.script).name}) without the CLI",
            [python, "-c", f"from convdims import standin; standin.run({args.script!r})"],
        ),
        (
            "python -m convdims conv 32 -k 3",
            [python, "-m", "convdims", "conv", "32", "-k", "3"],
        ),
        (
            f"python -m convdims run {args.script}",
            [python, "-m", "convdims", "run", args.script],
        ),
    ]
    if console:
        cases.append((f"convdims run {args.script}", [console, "run", args.script]))
    print(f"best of {args.repeat}, ms\n    wall     cpu")
    for label, command in cases:
        wall, cpu = best(command, args.repeat)
        print(f"{wall:8.1f}{cpu:8.1f}  {label}")
    print(f"\nlargest cumulative imports of `convdims run {args.script}` (ms):")
    for micros, name in import_costs(["-m", "convdims", "run", args.script], args.top):
        print(f"{micros / 1000:8.1f}  {name}")


if __name__ == "__main__":
    main()

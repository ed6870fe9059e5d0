"""Compare two versions of convdims as whole processes, interleaved: A/B on a busy machine.

    python benchmarks/bench_ab.py [REF] [--repeat 8] [--no-bytecode]

On a shared machine a figure taken now and one taken an hour ago differ by more than
most changes do. This runs the same commands under the source tree of git ``REF``
(default ``main``, exported to a temporary folder) and under this checkout's ``src``,
alternating one run of each, so both see the same load; it prints the best wall and
CPU (user + system) time of each, in milliseconds:

- ``python -c pass``: the interpreter alone (the floor of every line below);
- ``import convdims.keras``, ``import convdims.torch``;
- ``convdims run`` of ``docs/snippets/keras_resnet50.py`` and ``torch_resnet50.py``
  (through ``convdims.cli.main``, what the console script calls).

Bytecode caches are written to a temporary ``PYTHONPYCACHEPREFIX`` per tree (what a user
has after ``pip install``); ``--no-bytecode`` compiles every convdims module on every
import instead (``PYTHONDONTWRITEBYTECODE=1``, as on this machine).
"""

from __future__ import annotations

import argparse
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SNIPPETS = ROOT / "docs" / "snippets"


def export(ref: str) -> Path:
    """The ``src`` folder of git ``ref``, in a temporary folder."""
    target = Path(tempfile.mkdtemp(prefix="convdims-ab-"))
    archive = subprocess.run(
        ["git", "archive", ref, "src"], cwd=ROOT, capture_output=True, check=True
    ).stdout
    subprocess.run(["tar", "-x", "-C", str(target)], input=archive, check=True)
    return target / "src"


def commands() -> dict[str, list[str]]:
    python = sys.executable

    def run(script: str) -> list[str]:
        path = str(SNIPPETS / script)
        return [python, "-c", f"from convdims.cli import main; main(['run', {path!r}])"]

    return {
        "python -c pass": [python, "-c", "pass"],
        "import convdims.keras": [python, "-c", "import convdims.keras"],
        "import convdims.torch": [python, "-c", "import convdims.torch"],
        "convdims run keras_resnet50.py": run("keras_resnet50.py"),
        "convdims run torch_resnet50.py": run("torch_resnet50.py"),
    }


def timed(command: list[str], env: dict[str, str]) -> tuple[float, float]:
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(command, env=env, stdout=subprocess.DEVNULL, check=True, cwd=ROOT)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime
    return wall * 1000, cpu * 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("ref", nargs="?", default="main", help="git ref to compare with")
    parser.add_argument("--repeat", type=int, default=8, help="runs of each (best kept)")
    parser.add_argument("--no-bytecode", action="store_true", help="compile every import")
    args = parser.parse_args()
    trees = {args.ref: export(args.ref), "this checkout": ROOT / "src"}
    envs = {}
    for label, src in trees.items():
        env = {**os.environ, "PYTHONPATH": str(src)}
        if args.no_bytecode:
            env["PYTHONDONTWRITEBYTECODE"] = "1"
            env.pop("PYTHONPYCACHEPREFIX", None)
        else:
            env.pop("PYTHONDONTWRITEBYTECODE", None)
            env["PYTHONPYCACHEPREFIX"] = tempfile.mkdtemp(prefix="convdims-ab-pyc-")
        envs[label] = env
    cases = commands()
    for env in envs.values():  # write the caches; not counted
        for command in cases.values():
            timed(command, env)
    best: dict[tuple[str, str], tuple[float, float]] = {}
    for _ in range(args.repeat):
        for case, command in cases.items():
            for label, env in envs.items():
                wall, cpu = timed(command, env)
                old = best.get((case, label), (float("inf"), float("inf")))
                best[case, label] = (min(old[0], wall), min(old[1], cpu))
    mode = "no bytecode" if args.no_bytecode else "bytecode cached"
    print(f"best of {args.repeat}, interleaved, {mode}: wall / cpu ms")
    print(f"{'':32}" + "".join(f"{label:>24}" for label in trees))
    for case in cases:
        cells = "".join(
            f"{best[case, label][0]:13.1f} /{best[case, label][1]:9.1f}" for label in trees
        )
        print(f"{case:32}{cells}")


if __name__ == "__main__":
    main()

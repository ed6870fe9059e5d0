"""Issue 12's speed budgets, each measured once here, beside its target.

    KERAS_BACKEND=torch python benchmarks/bench_targets.py [--repeat 10]

One table of the figures the other benchmarks give in detail:

- ``import convdims.keras`` and ``import convdims.torch``: the cumulative time
  ``python -X importtime`` reports, best of ``--repeat`` fresh interpreters, with
  bytecode cached (what ``pip install`` leaves; the caches go to a temporary
  ``PYTHONPYCACHEPREFIX``, written by a first run that is not counted);
- ``convdims run`` of ``docs/snippets/keras_resnet50.py`` as a whole process, wall time
  (and CPU time), best of ``--repeat``, with the same bytecode caches;
- the Keras ResNet50 built and summarized by convdims, against real Keras doing the same
  (``bench_keras_summary.py``): the first run in a fresh interpreter (what ``convdims
  run`` sees) and the best run in one interpreter;
- the torch ResNet50 built and summarized by convdims, against PyTorch + torchinfo
  (``bench_torch_summary.py``).

Real Keras, PyTorch and torchinfo are optional: without them their ratios are left out.
Not a test: the figures depend on the machine and its load; rerun to compare.
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import re
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
HERE = Path(__file__).resolve().parent
SNIPPETS = ROOT / "docs" / "snippets"
_LINE = re.compile(r"import time:\s+\d+ \|\s+(\d+) \|\s*(\S+)$")


def _sibling(name: str):
    """Another benchmark script of this folder, as a module (its functions)."""
    spec = importlib.util.spec_from_file_location(name, HERE / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _bytecode_env() -> dict[str, str]:
    env = {**os.environ, "PYTHONPYCACHEPREFIX": tempfile.mkdtemp(prefix="convdims-pyc-")}
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env.setdefault("KERAS_BACKEND", "torch")
    return env


def import_ms(module: str, env: dict[str, str], repeat: int) -> float:
    """Cumulative ``-X importtime`` of ``module``, best of ``repeat`` interpreters."""
    command = [sys.executable, "-X", "importtime", "-c", f"import {module}"]
    subprocess.run(command, env=env, capture_output=True, check=True)  # writes the caches
    best = float("inf")
    for _ in range(repeat):
        result = subprocess.run(
            command, env=env, capture_output=True, text=True, check=True
        )
        for line in result.stderr.splitlines():
            match = _LINE.match(line)
            if match and match.group(2) == module:
                best = min(best, int(match.group(1)) / 1000)
    return best


def process_ms(command: list[str], env: dict[str, str], repeat: int) -> tuple[float, float]:
    """Best wall and CPU (user + system) time of ``command`` as a whole process."""
    subprocess.run(command, env=env, stdout=subprocess.DEVNULL, check=True, cwd=ROOT)
    walls, cpus = [], []
    for _ in range(repeat):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.perf_counter()
        subprocess.run(command, env=env, stdout=subprocess.DEVNULL, check=True, cwd=ROOT)
        walls.append((time.perf_counter() - start) * 1000)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpus.append(
            (after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime) * 1000
        )
    return min(walls), min(cpus)


def _wall(figure: float | tuple[float, ...]) -> float:
    """The wall time of a sibling's figure (some give (wall, CPU) seconds)."""
    return figure[0] if isinstance(figure, tuple) else figure


def _row(measure: str, figure: str, target: str, met: bool | None) -> str:
    verdict = {True: "met", False: "NOT MET", None: "-"}[met]
    return f"{measure:<44} {figure:>22} {target:>16} {verdict:>8}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=10, help="runs per figure (best)")
    args = parser.parse_args()
    env = _bytecode_env()
    os.environ.setdefault("KERAS_BACKEND", "torch")
    rows = []
    for module in ("convdims.keras", "convdims.torch"):
        ms = import_ms(module, env, args.repeat)
        rows.append(_row(f"import {module}", f"{ms:.1f} ms", "<= 30 ms", ms <= 30))
    script = str(SNIPPETS / "keras_resnet50.py")
    wall, cpu = process_ms(
        [sys.executable, "-m", "convdims", "run", script], env, args.repeat
    )
    rows.append(
        _row(
            "convdims run keras_resnet50.py (process)",
            f"{wall:.1f} ms (cpu {cpu:.1f})",
            "<= 60 ms",
            wall <= 60,
        )
    )

    keras_bench = _sibling("bench_keras_summary")
    code = keras_bench.code_for("resnet50")
    ours_best = _wall(
        keras_bench.seconds(code, repeats=max(10, 3 * args.repeat), stand_in=True)
    )
    ours_first = _wall(keras_bench.first_run_seconds("resnet50", max(3, args.repeat // 2)))
    torch_bench = _sibling("bench_torch_summary")
    source = (SNIPPETS / "torch_resnet50.py").read_text()
    torch_code = compile(source, "torch_resnet50.py", "exec")
    # bench_torch_summary's timers give (wall, CPU) seconds: the wall time is compared.
    torch_ours = torch_bench.best(
        lambda: torch_bench.run_script(torch_code, "torch_resnet50.py", True),
        max(5, args.repeat),
    )[0]
    torch_first = torch_bench.first_run(source, max(3, args.repeat // 2))[0]
    try:
        import keras  # noqa: F401 - timed below, after convdims ran in a clean process

        theirs = _wall(keras_bench.seconds(code, repeats=3, stand_in=False))
    except ImportError:
        theirs = None
    for label, ours in (("first run", ours_first), ("best run", ours_best)):
        figure = f"{ours * 1000:.2f} ms"
        if theirs is None:
            rows.append(_row(f"Keras ResNet50 build + summary, {label}", figure, "", None))
            continue
        ratio = theirs / ours
        rows.append(
            _row(
                f"Keras ResNet50 build + summary, {label}",
                f"{figure} = {ratio:.0f}x",
                ">= 1000x",
                ratio >= 1000,
            )
        )
    try:
        import torch  # noqa: F401
        import torchinfo  # noqa: F401

        torch_theirs = torch_bench.best(
            lambda: torch_bench.run_script(torch_code, "torch_resnet50.py", False), 3
        )[0]
    except ImportError:
        torch_theirs = None
    for label, ours in (("first run", torch_first), ("best run", torch_ours)):
        figure = f"{ours * 1000:.2f} ms"
        if torch_theirs is not None:
            figure += f" = {torch_theirs / ours:.0f}x"
        met = ours <= 0.002 and (torch_theirs is None or torch_theirs / ours >= 140)
        rows.append(
            _row(
                f"torch ResNet50 build + summary, {label}", figure, "<= 2 ms, >= 140x", met
            )
        )
    if theirs is not None:
        rows.append(
            _row(
                "(real Keras ResNet50 build + summary)", f"{theirs * 1000:.0f} ms", "", None
            )
        )
    if torch_theirs is not None:
        rows.append(
            _row(
                "(PyTorch + torchinfo ResNet50)", f"{torch_theirs * 1000:.0f} ms", "", None
            )
        )
    print(f"{'measure':<44} {'figure':>22} {'target':>16} {'':>8}")
    print("\n".join(rows))


if __name__ == "__main__":
    main()

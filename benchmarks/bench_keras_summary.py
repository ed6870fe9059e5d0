"""Time convdims.keras against real Keras: build VGG16 and ResNet50, print the summary.

Run: ``KERAS_BACKEND=torch python benchmarks/bench_keras_summary.py``. Each model is the
architecture file from docs/snippets (written for Keras), run with convdims standing in
for Keras and then as written, with real Keras; the summary goes to a ``print_fn`` so
terminal speed does not count. Keras's own import is timed separately and not included
in the ratio.
Also reports ``python -X importtime`` for ``import convdims`` and
``import convdims.keras`` (the best of several fresh interpreters). Every time is the
best of its runs: on a shared, noisy machine the best run is the one least disturbed.
``--repeat`` sets the runs of convdims (Keras gets a tenth, at least 3). Not a test:
timings depend on the machine.

Two figures for convdims: the best of ``--repeat`` runs in one interpreter (its caches
of cell texts and layer shapes warm from the runs before), and the **first run** in a
fresh interpreter, once convdims is imported (best of ``--fresh`` interpreters): what
``convdims run`` sees, and the figure the ratio to Keras should be read from first.
The first run loads the modules a build needs beyond ``import convdims.keras`` (Keras's
rules, ``convdims.conventions``), so it is given twice: without bytecode, as this machine
runs Python (``PYTHONDONTWRITEBYTECODE=1``: every module compiled from source), and with
the bytecode cached, as after ``pip install`` (each in a temporary
``PYTHONPYCACHEPREFIX``; the cached one written by one run first). Its CPU time is
shown beside it (less disturbed by other processes).

``--opcodes`` prints instead how many Python bytecode instructions the first and a
warm ResNet50 run execute (``sys.settrace`` opcode events, in a fresh interpreter): a
count of the Python-level work that does not depend on the machine's load, for
comparing two versions where timings are too noisy (work done in C, such as string
methods and cache hits, is not counted).
"""

from __future__ import annotations

import argparse
import contextlib
import os
import pathlib
import re
import subprocess
import sys
import tempfile
import time

from convdims.standin import frameworks

ROOT = pathlib.Path(__file__).resolve().parents[1]
SNIPPETS = ROOT / "docs" / "snippets"
MODELS = ("vgg16", "resnet50")


def code_for(name: str):
    source = (SNIPPETS / f"keras_{name}.py").read_text()
    source = source.replace("model.summary()", "model.summary(print_fn=_sink)")
    return compile(source, f"keras_{name}.py", "exec")


def seconds(code, repeats: int, stand_in: bool) -> float:
    """Best wall time of building the model and rendering its summary."""
    times = []
    for _ in range(repeats):
        context = frameworks() if stand_in else contextlib.nullcontext()
        start = time.perf_counter()
        with context:
            exec(code, {"__name__": "__main__", "_sink": lambda text: None})
        times.append(time.perf_counter() - start)
    return min(times)


_FIRST_RUN = """
import sys, time
import convdims.keras, convdims.keras.summary
from convdims.standin import frameworks
code = compile(sys.argv[1], "model.py", "exec")
start, cpu = time.perf_counter(), time.process_time()
with frameworks():
    exec(code, {"__name__": "__main__", "_sink": lambda text: None})
print(time.perf_counter() - start, time.process_time() - cpu)
"""


def first_run_seconds(
    name: str, interpreters: int, bytecode: bool = False
) -> tuple[float, float]:
    """Building the model and its summary once, in a fresh interpreter with convdims
    imported (no cache warm): the best wall and CPU seconds of ``interpreters`` runs.
    ``bytecode``: with the modules' bytecode cached (written by one run first)."""
    source = (SNIPPETS / f"keras_{name}.py").read_text()
    source = source.replace("model.summary()", "model.summary(print_fn=_sink)")
    # Bytecode is read from (and, with ``bytecode``, written to) an empty folder of its
    # own, so that caches other runs left beside the sources do not count.
    env = {**os.environ, "PYTHONPYCACHEPREFIX": tempfile.mkdtemp(prefix="convdims-pyc-")}
    if bytecode:
        env.pop("PYTHONDONTWRITEBYTECODE", None)
    else:
        env["PYTHONDONTWRITEBYTECODE"] = "1"
    walls, cpus = [], []
    for run in range(interpreters + bytecode):
        result = subprocess.run(
            [sys.executable, "-c", _FIRST_RUN, source],
            capture_output=True,
            text=True,
            check=True,
            env=env,
        )
        if bytecode and not run:
            continue  # this run wrote the caches
        wall, cpu = map(float, result.stdout.split()[-2:])
        walls.append(wall)
        cpus.append(cpu)
    return min(walls), min(cpus)


_OPCODES = """
import sys
import convdims.keras, convdims.keras.summary
from convdims.standin import frameworks
code = compile(sys.argv[1], "model.py", "exec")
count = [0]

def tracer(frame, event, arg):
    frame.f_trace_opcodes = True
    frame.f_trace_lines = False
    if event == "opcode":
        count[0] += 1
    return tracer

def run():
    count[0] = 0
    sys.settrace(tracer)
    with frameworks():
        exec(code, {"__name__": "__main__", "_sink": lambda text: None})
    sys.settrace(None)
    return count[0]

print(run(), run())
"""


def opcodes(name: str) -> tuple[int, int]:
    """Bytecode instructions executed by the first and the second run of a model's
    build and summary, in a fresh interpreter with convdims imported."""
    source = (SNIPPETS / f"keras_{name}.py").read_text()
    source = source.replace("model.summary()", "model.summary(print_fn=_sink)")
    result = subprocess.run(
        [sys.executable, "-c", _OPCODES, source], capture_output=True, text=True, check=True
    )
    first, warm = map(int, result.stdout.split())
    return first, warm


def import_ms(module: str, repeats: int = 5) -> float:
    """Cumulative import time of ``module``, best of ``repeats`` fresh interpreters, in
    milliseconds."""
    return min(_import_ms(module) for _ in range(repeats))


def _import_ms(module: str) -> float:
    result = subprocess.run(
        [sys.executable, "-X", "importtime", "-c", f"import {module}"],
        capture_output=True,
        text=True,
        check=True,
    )
    for line in result.stderr.splitlines():
        match = re.match(r"import time:\s+\d+ \|\s+(\d+) \|\s*(\S+)$", line)
        if match and match.group(2) == module:
            return int(match.group(1)) / 1000
    raise RuntimeError(f"no import time reported for {module}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=30, help="convdims runs (best kept)")
    parser.add_argument(
        "--fresh", type=int, default=5, help="fresh interpreters for the first run"
    )
    parser.add_argument(
        "--opcodes", action="store_true", help="count bytecode instructions instead"
    )
    args = parser.parse_args()
    os.environ.setdefault("KERAS_BACKEND", "torch")
    if args.opcodes:
        print("bytecode instructions executed (sys.settrace), first run / warm run")
        for name in MODELS:
            first, warm = opcodes(name)
            print(f"{name:10} {first:10,} {warm:10,}")
        return
    os.environ.setdefault("KERAS_HOME", tempfile.mkdtemp(prefix="convdims-keras-"))
    import importlib.util

    import convdims.keras

    compiled = pathlib.Path(importlib.util.cache_from_source(convdims.keras.__file__))
    cache = "present" if compiled.exists() else "absent: every import compiles the source"
    for module in ("convdims", "convdims.keras"):
        print(
            f"import {module}: {import_ms(module):.1f} ms (cumulative, -X importtime, "
            f"best of 5; bytecode cache {cache})"
        )
    # convdims first, in a clean interpreter as its users run it: once torch and Keras
    # are loaded, Python's garbage collector walks millions more objects.
    ours = {
        name: seconds(code_for(name), repeats=args.repeat, stand_in=True) for name in MODELS
    }
    first = {name: first_run_seconds(name, args.fresh) for name in MODELS}
    cached = {name: first_run_seconds(name, args.fresh, bytecode=True) for name in MODELS}
    start = time.perf_counter()
    import keras  # noqa: F401 - timed on purpose

    print(
        f"import keras (torch backend): {time.perf_counter() - start:.2f} s (not in ratios)"
    )
    print(
        f"{'model':10} {'first run':>12} {'best run':>12} {'keras':>12} "
        f"{'ratio first':>12} {'ratio best':>11}"
    )
    theirs = {}
    for name in MODELS:
        theirs[name] = seconds(
            code_for(name), repeats=max(3, args.repeat // 10), stand_in=False
        )
        print(
            f"{name:10} {first[name][0] * 1000:9.2f} ms {ours[name] * 1000:9.2f} ms "
            f"{theirs[name] * 1000:9.0f} ms {theirs[name] / first[name][0]:11.0f}x "
            f"{theirs[name] / ours[name]:10.0f}x"
        )
    print(
        "first run (best of --fresh interpreters), wall / CPU: as this machine runs "
        "Python, and with the bytecode cached"
    )
    for name in MODELS:
        print(
            f"{name:10} {first[name][0] * 1000:9.2f} / {first[name][1] * 1000:6.2f} ms "
            f"{cached[name][0] * 1000:9.2f} / {cached[name][1] * 1000:6.2f} ms "
            f"(ratio with bytecode {theirs[name] / cached[name][0]:.0f}x)"
        )


if __name__ == "__main__":
    main()

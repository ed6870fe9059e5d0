"""Derivations and pictures cost the same whatever the sizes: time and memory, measured.

For each case, in this process: the best wall time of several runs and the peak memory
Python allocates for one run (``tracemalloc``); for the command line, the best wall time
of the whole process. Huge sizes must cost what small ones do: a derivation counts the
unread input cells in closed form, and a picture too large to be useful is refused from
its numbers alone (the refusal is timed too). Run from the repository root:

    python benchmarks/bench_bounded.py [--repeat 5]

Timings are the machine's (2 shared cores here): rerun to compare, never assert on them.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import os
import runpy
import subprocess
import sys
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path

from convdims import conv_geometry, draw, standin
from convdims.render.formula import (
    conv_derivation,
    conv_params_derivation,
    conv_transpose_derivation,
    pool_derivation,
)

ROOT = Path(__file__).resolve().parent.parent
SNIPPETS = ROOT / "docs" / "snippets"


def refused(make: Callable[[], object]) -> Callable[[], str]:
    """The call, expected to be refused: returns the argument the refusal names."""

    def call() -> str:
        try:
            make()
        except ValueError as error:
            return getattr(error, "argument", "?")
        raise AssertionError("not refused")

    return call


def snippet_model(name: str):
    with standin.frameworks() as modules, contextlib.redirect_stdout(io.StringIO()):
        modules["keras.backend"].clear_session()
        return runpy.run_path(str(SNIPPETS / name), run_name="__main__")["model"]


def cases() -> list[tuple[str, Callable[[], object]]]:
    keras_vgg = snippet_model("keras_vgg16.py")
    torch_vgg = snippet_model("torch_vgg16.py")
    return [
        ("conv_derivation(10**32 - 1, 3)", lambda: conv_derivation(10**32 - 1, 3)),
        ("conv_derivation(32, 3)", lambda: conv_derivation(32, 3)),
        ("pool_derivation(10_000_000, 2)", lambda: pool_derivation(10_000_000, 2)),
        (
            "pool_derivation(10**30 + 1, 2, padding=1, ceil_mode=True)",
            lambda: pool_derivation(10**30 + 1, 2, padding=1, ceil_mode=True),
        ),
        (
            "conv_derivation(10**30, 3, stride=4, dilation=2)",
            lambda: conv_derivation(10**30, 3, stride=4, dilation=2),
        ),
        (
            "conv_transpose_derivation(12, 3, 10**20, 1)",
            lambda: conv_transpose_derivation(12, 3, 10**20, 1),
        ),
        (
            "conv_params_derivation(3, 10**500, 10**500)",
            lambda: conv_params_derivation(3, 10**500, 10**500),
        ),
        (
            "conv_geometry(10**32, 3, 4, dilation=2).unvisited_count",
            lambda: conv_geometry(10**32, 3, 4, dilation=2).unvisited_count,
        ),
        (
            "conv_geometry(10**6, 3, 4, dilation=2).unvisited_inputs",
            lambda: conv_geometry(10**6, 3, 4, dilation=2).unvisited_inputs,
        ),
        ("draw.window(10**6, 10**6): refused", refused(lambda: draw.window(10**6, 10**6))),
        (
            "draw.window(10**32, 3): refused",
            refused(lambda: draw.window(10**32, 3)),
        ),
        ("draw.window(224, 7, 2, 3)", lambda: draw.window(224, 7, 2, 3)),
        ("draw.window2d(224, 7, 2, 'same')", lambda: draw.window2d(224, 7, 2, "same")),
        ("draw.transpose(4, 3, 2, 1, 1)", lambda: draw.transpose(4, 3, 2, 1, 1)),
        (
            "draw.receptive_field(16, 4 layers)",
            lambda: draw.receptive_field(16, [(3, 1, 1), (3, 1, 1), (2, 2), (3, 1, 1)]),
        ),
        ("draw.volumes(Keras VGG16)", lambda: draw.volumes(keras_vgg)),
        (
            "draw.volumes(torchvision VGG16, skip=...)",
            lambda: draw.volumes(
                torch_vgg, input_size=(1, 3, 224, 224), skip=("activation", "dropout")
            ),
        ),
    ]


def measure(make: Callable[[], object], repeat: int) -> tuple[float, float, int]:
    """Best wall seconds, peak MiB allocated in one run, and the output's size."""
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        out = make()
        best = min(best, time.perf_counter() - start)
    tracemalloc.start()
    out = make()
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    size = len(out.svg) if isinstance(out, draw.Figure) else 0
    return best, peak / 2**20, size


def command(args: list[str], repeat: int) -> float:
    env = dict(os.environ, PYTHONPATH=str(ROOT / "src"))
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        subprocess.run(
            [sys.executable, "-m", "convdims", *args],
            check=True,
            capture_output=True,
            env=env,
            timeout=120,
        )
        best = min(best, time.perf_counter() - start)
    return best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5, help="runs per case (best)")
    repeat = parser.parse_args().repeat
    print(f"best of {repeat}; peak = memory Python allocates in one run\n")
    print("| case | best ms | peak MiB | SVG KB |\n|---|---:|---:|---:|")
    for name, make in cases():
        best, peak, size = measure(make, repeat)
        svg = f"{size / 1024:.0f}" if size else ""
        print(f"| `{name}` | {best * 1000:.2f} | {peak:.2f} | {svg} |")
    print("\n| command (whole process) | best ms |\n|---|---:|")
    for args in (
        ["conv", "99999999999999999999999999999999", "-k", "3"],
        ["pool", "10000000", "-k", "2"],
        ["conv", "32", "-k", "3"],
    ):
        print(f"| `convdims {' '.join(args)}` | {command(args, repeat) * 1000:.0f} |")


if __name__ == "__main__":
    main()

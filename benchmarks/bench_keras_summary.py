"""Time convdims.keras against real Keras: build VGG16 and ResNet50, print the summary.

Run: ``KERAS_BACKEND=torch python benchmarks/bench_keras_summary.py``. Each model is the
architecture file from docs/snippets (written for Keras), run with convdims standing in
for Keras and then as written, with real Keras; the summary goes to a ``print_fn`` so
terminal speed does not count. Keras's own import is timed separately and not included
in the ratio.
Also reports ``python -X importtime`` for ``import convdims`` and
``import convdims.keras``. Not a test: timings depend on the machine.
"""

from __future__ import annotations

import contextlib
import os
import pathlib
import re
import statistics
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
    """Median wall time of building the model and rendering its summary."""
    times = []
    for _ in range(repeats):
        context = frameworks() if stand_in else contextlib.nullcontext()
        start = time.perf_counter()
        with context:
            exec(code, {"__name__": "__main__", "_sink": lambda text: None})
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def import_ms(module: str) -> float:
    """Cumulative import time of ``module`` in a fresh interpreter, in milliseconds."""
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
    os.environ.setdefault("KERAS_BACKEND", "torch")
    os.environ.setdefault("KERAS_HOME", tempfile.mkdtemp(prefix="convdims-keras-"))
    for module in ("convdims", "convdims.keras"):
        print(f"import {module}: {import_ms(module):.1f} ms (cumulative, -X importtime)")
    # convdims first, in a clean interpreter as its users run it: once torch and Keras
    # are loaded, Python's garbage collector walks millions more objects.
    ours = {name: seconds(code_for(name), repeats=30, stand_in=True) for name in MODELS}
    start = time.perf_counter()
    import keras  # noqa: F401 - timed on purpose

    print(
        f"import keras (torch backend): {time.perf_counter() - start:.2f} s (not in ratios)"
    )
    print(f"{'model':10} {'convdims':>12} {'keras':>12} {'ratio':>10}")
    for name in MODELS:
        theirs = seconds(code_for(name), repeats=3, stand_in=False)
        print(
            f"{name:10} {ours[name] * 1000:9.2f} ms {theirs * 1000:9.0f} ms "
            f"{theirs / ours[name]:9.0f}x"
        )


if __name__ == "__main__":
    main()

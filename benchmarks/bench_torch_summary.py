"""Time convdims.torch summaries against torchinfo on the real PyTorch model.

For VGG16 and ResNet-50 (the docs/snippets scripts), measures in one run:

- convdims: running the whole script with convdims standing in for PyTorch (build the
  model + summary), and summary alone;
- PyTorch + torchinfo: the same script as written (build on the CPU + summary), and
  summary alone;
- the import time of ``convdims.torch`` (``python -X importtime``);
- convdims's **first run** of the script in a fresh interpreter, once convdims is
  imported (best of ``--fresh`` interpreters): the runs above reuse caches warmed by
  the runs before them (layer shapes); a first run, what ``convdims run`` sees, does not.

Prints the times (best of several runs) and the ratios, and convdims's CPU time (best of
the same runs: on a shared machine, CPU time moves less with the load than the clock
does; the ratios stay on the clock, since PyTorch computes on several threads). Run from
the repository root:

    python benchmarks/bench_torch_summary.py [--repeat 5]

PyTorch and torchinfo are optional: without them only the convdims figures print.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import re
import subprocess
import sys
import time
from pathlib import Path

from convdims.standin import frameworks

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

SNIPPETS = Path(__file__).resolve().parent.parent / "docs" / "snippets"
MODELS = {"vgg16": "torch_vgg16.py", "resnet50": "torch_resnet50.py"}
INPUT = (1, 3, 224, 224)


def run_script(code: Any, name: str, stand_in: bool) -> dict:
    """Run an example script (written for PyTorch, compiled once beforehand: compiling
    its source is neither building the model nor summarizing it), with convdims
    standing in or not."""
    namespace = {"__name__": "__main__", "__file__": name}
    context = frameworks() if stand_in else contextlib.nullcontext()
    with context, contextlib.redirect_stdout(io.StringIO()):
        exec(code, namespace)  # noqa: S102 - our own scripts
    return namespace


_FIRST_RUN = """
import contextlib, io, sys, time
import convdims.torch, convdims.torch.summary
from convdims.standin import frameworks
code = compile(sys.argv[1], "model.py", "exec")
start, cpu = time.perf_counter(), time.process_time()
with frameworks(), contextlib.redirect_stdout(io.StringIO()):
    exec(code, {"__name__": "__main__"})
print(time.perf_counter() - start, time.process_time() - cpu, file=sys.stderr)
"""


def first_run(source: str, interpreters: int) -> tuple[float, float]:
    """Build + summary once in a fresh interpreter with convdims imported, best of
    ``interpreters``: (wall, CPU) seconds, each the best of its own."""
    walls, cpus = [], []
    for _ in range(interpreters):
        result = subprocess.run(
            [sys.executable, "-c", _FIRST_RUN, source],
            capture_output=True,
            text=True,
            check=True,
        )
        wall, cpu = result.stderr.split()[-2:]
        walls.append(float(wall))
        cpus.append(float(cpu))
    return min(walls), min(cpus)


def best(function, repeat: int) -> tuple[float, float]:
    """(wall, CPU) seconds of ``function``, each the best of ``repeat`` runs."""
    walls, cpus = [], []
    for _ in range(repeat):
        start, cpu = time.perf_counter(), time.process_time()
        function()
        walls.append(time.perf_counter() - start)
        cpus.append(time.process_time() - cpu)
    return min(walls), min(cpus)


def import_time_ms(module: str) -> float:
    """Cumulative import time of ``module`` in a fresh interpreter, from -X importtime."""
    result = subprocess.run(
        [sys.executable, "-X", "importtime", "-c", f"import {module}"],
        capture_output=True,
        text=True,
        check=True,
    )
    for line in result.stderr.splitlines():
        match = re.match(r"import time:\s+\d+ \|\s+(\d+) \| (\s*)(\S+)$", line)
        if match and match.group(3) == module:
            return int(match.group(1)) / 1000
    raise RuntimeError(f"no import time found for {module}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--repeat", type=int, default=5, help="runs per measure (best kept)"
    )
    parser.add_argument(
        "--fresh", type=int, default=5, help="fresh interpreters for the first run"
    )
    args = parser.parse_args()

    from convdims.torch import summary as cd_summary

    try:
        import torch  # noqa: F401
        import torchinfo  # noqa: F401
    except ImportError:
        torch = None
        print("PyTorch or torchinfo not installed: convdims figures only")

    print(
        f"import convdims.torch: {import_time_ms('convdims.torch'):.1f} ms "
        f"(import convdims: {import_time_ms('convdims'):.1f} ms)"
    )
    header = (
        f"{'model':<10} {'measure':<18} {'convdims':>12} {'(cpu)':>10} "
        f"{'torch+torchinfo':>16} {'ratio':>10}"
    )
    print(header)
    print("-" * len(header))
    for label, file_name in MODELS.items():
        source = (SNIPPETS / file_name).read_text()
        code = compile(source, file_name, "exec")
        ours = run_script(code, file_name, True)["model"]
        whole_ours = best(lambda c=code, f=file_name: run_script(c, f, True), args.repeat)
        summary_ours = best(
            lambda m=ours: cd_summary(m, input_size=INPUT, verbose=0), args.repeat
        )
        first_ours = first_run(source, args.fresh)
        measures = (
            ("first run", first_ours),
            ("build + summary", whole_ours),
            ("summary", summary_ours),
        )
        if torch is None:
            for measure, (wall, cpu) in measures:
                print(
                    f"{label:<10} {measure:<18} {wall * 1e3:>10.2f}ms {cpu * 1e3:>8.2f}ms"
                )
            continue
        from torchinfo import summary as ti_summary

        theirs = run_script(code, file_name, False)["model"]
        repeat = max(1, args.repeat // 2)
        whole_theirs = best(lambda c=code, f=file_name: run_script(c, f, False), repeat)[0]
        summary_theirs = best(
            lambda m=theirs: ti_summary(m, input_size=INPUT, verbose=0), repeat
        )[0]
        for (measure, (wall, cpu)), b in zip(
            measures, (whole_theirs, whole_theirs, summary_theirs), strict=True
        ):
            print(
                f"{label:<10} {measure:<18} {wall * 1e3:>10.2f}ms {cpu * 1e3:>8.2f}ms "
                f"{b * 1e3:>14.1f}ms {b / wall:>9.0f}x"
            )


if __name__ == "__main__":
    main()

"""Time the site build with and without running its code, in one run.

Builds the site with ``mkdocs build --strict`` (every markdown-exec block and notebook
runs) and with ``CONVDIMS_EXECUTE=false`` (mkdocs.yml switches markdown-exec off and
mkdocs-jupyter's execution off: code is shown, not run), alternating, ``--repeat`` times
each, and prints the wall times and the cost of execution as a ratio.

The build without execution runs with ``--no-strict``: anchors that only the blocks'
output creates are missing there, and strict mode would stop on them; its warnings are
counted and printed.

Budget (issue 8): the full build under 20 s on 2 cores; execution adds under 50 %.

    python benchmarks/bench_site_build.py [--repeat 3]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BUDGET_FULL_S = 20.0
BUDGET_EXECUTION = 0.50


def environment(home: Path, execute: bool) -> dict[str, str]:
    env = dict(os.environ)
    env.update(
        IPYTHONDIR=str(home / "ipython"),
        JUPYTER_CONFIG_DIR=str(home / "jupyter-config"),
        JUPYTER_DATA_DIR=str(home / "jupyter-data"),
        JUPYTER_RUNTIME_DIR=str(home / "jupyter-runtime"),
        MPLCONFIGDIR=str(home / "mpl"),
        NO_MKDOCS_2_WARNING="1",
        PYTHONWARNINGS="ignore",
        CONVDIMS_EXECUTE="true" if execute else "false",
    )
    return env


def build(execute: bool, home: Path) -> tuple[float, int, int]:
    """Wall time, return code and WARNING count of one build into a fresh folder."""
    with tempfile.TemporaryDirectory(prefix="convdims-site-") as out:
        strict = "--strict" if execute else "--no-strict"
        command = [sys.executable, "-m", "mkdocs", "build", strict, "--site-dir", out]
        start = time.perf_counter()
        result = subprocess.run(
            command,
            cwd=ROOT,
            env=environment(home, execute),
            capture_output=True,
            text=True,
        )
        elapsed = time.perf_counter() - start
    warnings = sum(1 for line in result.stderr.splitlines() if line.startswith("WARNING"))
    if execute and result.returncode != 0:
        print(result.stderr[-3000:], file=sys.stderr)
    return elapsed, result.returncode, warnings


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeat", type=int, default=3, help="builds of each kind")
    args = parser.parse_args(argv)

    times: dict[bool, list[float]] = {True: [], False: []}
    codes: dict[bool, set[int]] = {True: set(), False: set()}
    warnings: dict[bool, int] = {True: 0, False: 0}
    load_before = os.getloadavg()[0]
    with tempfile.TemporaryDirectory(prefix="convdims-home-") as home:
        build(True, Path(home))  # warm-up: imports, bytecode, kernel spec
        for _ in range(args.repeat):
            for execute in (True, False):
                elapsed, code, count = build(execute, Path(home))
                times[execute].append(elapsed)
                codes[execute].add(code)
                warnings[execute] = count
    load_after = os.getloadavg()[0]

    full, bare = min(times[True]), min(times[False])
    ratio = full / bare - 1
    print(
        f"cores: {os.cpu_count()}, load average before/after: "
        f"{load_before:.2f}/{load_after:.2f}, builds of each kind: {args.repeat}"
    )
    print()
    print(
        f"| {'build':<47} | {'best s':>7} | {'median s':>8} | {'exit':>4} "
        f"| {'warnings':>8} |"
    )
    print(f"|{'-' * 49}|{'-' * 9}|{'-' * 10}|{'-' * 6}|{'-' * 10}|")
    for execute, label in (
        (True, "mkdocs build --strict (code runs)"),
        (False, "CONVDIMS_EXECUTE=false mkdocs build --no-strict"),
    ):
        print(
            f"| {label:<47} | {min(times[execute]):7.2f} | "
            f"{statistics.median(times[execute]):8.2f} | "
            f"{','.join(map(str, sorted(codes[execute]))):>4} | {warnings[execute]:>8} |"
        )
    print()
    print(f"execution adds {ratio:.0%} to the build (best full / best without code - 1)")
    print(
        f"budget: full build < {BUDGET_FULL_S:.0f} s: "
        f"{'met' if full < BUDGET_FULL_S else 'BROKEN'} ({full:.2f} s); "
        f"execution adds < {BUDGET_EXECUTION:.0%}: "
        f"{'met' if ratio < BUDGET_EXECUTION else 'BROKEN'} ({ratio:.0%})"
    )
    return 0 if codes[True] == {0} else 1


if __name__ == "__main__":
    sys.exit(main())

"""Time the test suite: all of it, without the oracle tests, without the browser tests,
without both, and the fast subset; each a fresh ``pytest`` run (so each includes its own
strict site build), with pyproject.toml's two workers or, with ``--one-process``, in one.

    python benchmarks/bench_test_suite.py [--only all,fast] [--one-process] [--repeat N]

Wall time depends on what else runs on the machine; CPU time (user + system, of pytest
and everything it started and waited for) much less: the table gives both, and the load
average at the start of each run. The best of ``--repeat`` runs (by wall time) is shown.
"""

from __future__ import annotations

import argparse
import os
import re
import resource
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VARIANTS = {
    "all": [],
    "no-oracle": ["-m", "not oracle"],
    "no-browser": ["--ignore=tests/browser"],
    "no-oracle-no-browser": ["-m", "not oracle", "--ignore=tests/browser"],
    "fast": ["-m", "not slow and not oracle"],
}


def children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def run(arguments: list[str]) -> tuple[float, float, float, str]:
    """(wall s, CPU s, load average at start, pytest's summary line) of one pytest run."""
    command = [sys.executable, "-m", "pytest", "-q", "-p", "no:randomly", *arguments]
    load = os.getloadavg()[0]
    cpu = children_cpu()
    start = time.perf_counter()
    result = subprocess.run(
        command,
        cwd=ROOT,
        capture_output=True,
        text=True,
        env=dict(os.environ, KERAS_BACKEND="torch"),
    )
    elapsed = time.perf_counter() - start
    cpu = children_cpu() - cpu
    lines = [line for line in result.stdout.splitlines() if line.strip()]
    summary = lines[-1].strip("= ") if lines else f"exit {result.returncode}"
    summary = re.sub(r" in [\d.]+s.*$", "", summary)
    return elapsed, cpu, load, summary


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--only", default=",".join(VARIANTS), help="variants, comma-separated"
    )
    parser.add_argument(
        "--one-process", action="store_true", help="pass -n 0: no pytest-xdist workers"
    )
    parser.add_argument("--repeat", type=int, default=1, help="runs per variant")
    args = parser.parse_args(argv)
    chosen = [name.strip() for name in args.only.split(",") if name.strip()]
    extra = ["-n", "0"] if args.one_process else []
    workers = "none (-n 0)" if extra else "as pyproject.toml says"
    print(f"cores: {os.cpu_count()}, workers: {workers}")
    print()
    print(
        f"| {'variant':<22} | {'pytest arguments':<42} | {'wall s':>7} | {'CPU s':>7} "
        f"| {'load':>5} | result |"
    )
    print(f"|{'-' * 24}|{'-' * 44}|{'-' * 9}|{'-' * 9}|{'-' * 7}|---|")
    for name in chosen:
        arguments = VARIANTS[name] + extra
        runs = [run(arguments) for _ in range(max(1, args.repeat))]
        elapsed, cpu, load, summary = min(runs)
        shown = " ".join(f'"{a}"' if " " in a else a for a in arguments) or "(none)"
        print(
            f"| {name:<22} | {shown:<42} | {elapsed:7.1f} | {cpu:7.1f} | {load:5.2f} "
            f"| {summary} |",
            flush=True,
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())

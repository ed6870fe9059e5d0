"""Time the test suite: all of it, without the oracle tests, without the browser tests, and
without both (each a fresh ``pytest`` run, so each includes its own strict site build).

    python benchmarks/bench_test_suite.py [--only all,no-oracle,no-browser,fast]
"""

from __future__ import annotations

import argparse
import os
import re
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


def run(arguments: list[str]) -> tuple[float, str]:
    command = [sys.executable, "-m", "pytest", "-q", "-p", "no:randomly", *arguments]
    start = time.perf_counter()
    result = subprocess.run(
        command,
        cwd=ROOT,
        capture_output=True,
        text=True,
        env=dict(os.environ, KERAS_BACKEND="torch"),
    )
    elapsed = time.perf_counter() - start
    lines = [line for line in result.stdout.splitlines() if line.strip()]
    summary = lines[-1].strip("= ") if lines else f"exit {result.returncode}"
    summary = re.sub(r" in [\d.]+s.*$", "", summary)
    return elapsed, summary


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--only", default=",".join(VARIANTS), help="variants, comma-separated"
    )
    args = parser.parse_args(argv)
    chosen = [name.strip() for name in args.only.split(",") if name.strip()]
    print(f"cores: {os.cpu_count()}, load average at start: {os.getloadavg()[0]:.2f}")
    print()
    print(f"| {'variant':<22} | {'pytest arguments':<42} | {'wall s':>7} | result |")
    print(f"|{'-' * 24}|{'-' * 44}|{'-' * 9}|---|")
    for name in chosen:
        arguments = VARIANTS[name]
        elapsed, summary = run(arguments)
        shown = " ".join(f'"{a}"' if " " in a else a for a in arguments) or "(none)"
        print(f"| {name:<22} | {shown:<42} | {elapsed:7.1f} | {summary} |", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Break the core formulas on purpose and check that the tests notice.

Copies src/ to a temporary folder, applies one small mutation at a time (an off-by-one, a
floor turned into a ceil, the 'same' split swapped, ...), and runs the core tests against
the copy. Every mutant must be killed (the tests fail). Prints a table; exits 1 if a mutant
survives. With --docs, the tests run are the pages' code fences instead (Sybil), so the
table shows which broken formulas the documentation itself would catch.

    python benchmarks/mutation_check.py
    python benchmarks/mutation_check.py --docs
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TESTS = [
    "tests/test_properties.py",
    "tests/test_convolution.py",
    "tests/test_pooling.py",
    "tests/test_transposed.py",
    "tests/test_parameters.py",
]

# (file, original text, mutated text, what it breaks)
MUTANTS = [
    (
        "convolution.py",
        "output_size=span // step + 1",
        "output_size=span // step + 2",
        "conv: +2 instead of +1",
    ),
    (
        "convolution.py",
        "output_size=span // step + 1",
        "output_size=-(-span // step) + 1",
        "conv: ceil instead of floor",
    ),
    (
        "convolution.py",
        "(dil * (kernel - 1) + 1)",
        "(dil * kernel)",
        "conv: effective kernel d*k",
    ),
    (
        "padding.py",
        "return total // 2, total - total // 2",
        "return total - total // 2, total // 2",
        "same: extra cell before (d2l)",
    ),
    (
        "padding.py",
        "output = -(-size // step)",
        "output = size // step",
        "same: floor instead of ceil",
    ),
    (
        "padding.py",
        "return reach, 0  # causal",
        "return 0, reach  # causal",
        "causal: padding after",
    ),
    (
        "pooling.py",
        "(output - 1) * step >= size + before",
        "(output - 1) * step > size + before",
        "pool: last-window rule off by one",
    ),
    ("pooling.py", "if amount > pool // 2:", "if amount > pool:", "pool: padding limit"),
    (
        "pooling.py",
        "step = pool if stride is None else",
        "step = 1 if stride is None else",
        "pool: default stride 1",
    ),
    (
        "transposed.py",
        "output = size * step + max(effective - step, 0)",
        "output = size * step + effective - step",
        "transpose valid None: no max",
    ),
    (
        "transposed.py",
        'removed = 0 if padding == "valid" else 2 * (effective // 2)',
        'removed = 0 if padding == "valid" else effective - 1',
        "transpose same: crop K-1",
    ),
    (
        "transposed.py",
        "output = (size - 1) * step - before - after + effective + extra",
        "output = size * step - before - after + effective + extra",
        "transpose: I instead of I-1",
    ),
    (
        "parameters.py",
        "return weights + (outputs if _bias(use_bias) else 0)",
        "return weights + (channels if _bias(use_bias) else 0)",
        "params: bias per input channel",
    ),
]


def run(src: Path, tests: list[str]) -> bool:
    """True when the tests pass against the code in `src`."""
    env = dict(os.environ, PYTHONPATH=str(src))
    result = subprocess.run(
        [sys.executable, "-m", "pytest", "-x", "-q", "-p", "no:cacheprovider", *tests],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
    )
    return result.returncode == 0


def main() -> int:
    tests = ["docs"] if "--docs" in sys.argv else TESTS
    survivors = 0
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "src"
        shutil.copytree(ROOT / "src", src)
        assert run(src, tests), "the tests must pass on the unmutated code"
        print(f"{'mutant':45} result")
        for name, before, after, what in MUTANTS:
            path = src / "convdims" / name
            original = path.read_text()
            assert before in original, f"{name}: {before!r} not found"
            path.write_text(original.replace(before, after, 1))
            killed = not run(src, tests)
            path.write_text(original)
            survivors += not killed
            print(f"{what:45} {'killed' if killed else 'SURVIVED'}")
    print(f"{len(MUTANTS) - survivors}/{len(MUTANTS)} mutants killed")
    return 1 if survivors else 0


if __name__ == "__main__":
    sys.exit(main())

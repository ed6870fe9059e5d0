"""The torch example scripts in docs/snippets reproduce the published parameter counts
with convdims standing in for PyTorch (tests/oracle/test_snippets.py runs the real one)."""

from __future__ import annotations

import contextlib
import io
import re
from pathlib import Path

import pytest

from convdims.standin import frameworks

SNIPPETS = Path(__file__).resolve().parent.parent / "docs" / "snippets"


def run_snippet(path: Path, source: str | None = None) -> tuple[str, dict]:
    """Run a script as ``python path`` would; return what it printed and its globals."""
    code = compile(source if source is not None else path.read_text(), str(path), "exec")
    namespace = {"__name__": "__main__", "__file__": str(path)}
    out = io.StringIO()
    with frameworks(), contextlib.redirect_stdout(out):
        exec(code, namespace)  # noqa: S102 - running our own example scripts
    return out.getvalue(), namespace


def total_params(text: str) -> int:
    return int(re.search(r"^Total params: ([\d,]+)$", text, re.M).group(1).replace(",", ""))


def normalize_torchinfo(text: str) -> str:
    """torchinfo 1.8 on Python 3.11+ prints its units enum as ``(Units.MEGABYTES)`` where it
    means ``(M)`` (its own tests expect ``(M)``); convdims prints ``(M)``."""
    for member, letter in (("MEGABYTES", "M"), ("GIGABYTES", "G"), ("TERABYTES", "T")):
        text = text.replace(f"(Units.{member})", f"({letter})")
    return text


# Published counts: torchvision's model documentation, and LeNet-5's layer sizes with a
# fully connected C3 (LeCun et al. 1998 list 60,000 with C3's sparse connections).
PUBLISHED = {
    "torch_seed.py": 140,
    "torch_alexnet.py": 61_100_840,
    "torch_vgg16.py": 138_357_544,
    "torch_resnet50.py": 25_557_032,
    "torch_lenet5.py": 156 + 2_416 + 48_120 + 10_164 + 850,
}


@pytest.mark.parametrize("name", sorted(PUBLISHED))
def test_snippet_reproduces_the_published_count(name: str) -> None:
    text, namespace = run_snippet(SNIPPETS / name)
    assert total_params(text) == PUBLISHED[name]
    model = namespace["model"]
    assert sum(p.numel() for p in model.parameters()) == PUBLISHED[name]


def test_seed_snippet_shapes_match_the_article() -> None:
    text, _ = run_snippet(SNIPPETS / "torch_seed.py")
    rows = [line.split() for line in text.splitlines() if line.startswith(("├─", "└─"))]
    assert rows == [
        ["├─Conv2d:", "1-1", "[1,", "5,", "30,", "30]", "140"],
        ["├─MaxPool2d:", "1-2", "[1,", "5,", "15,", "15]", "--"],
    ]

"""Every public name is exported, has a runnable example, and is on an API page."""

from __future__ import annotations

import inspect
import subprocess
import sys
from pathlib import Path

import pytest

import convdims

API_PAGES = sorted(
    (Path(__file__).resolve().parent.parent / "docs" / "reference" / "api").glob("*.md")
)
CALLABLES = [name for name in convdims.__all__ if callable(getattr(convdims, name))]


def test_all_names_exist():
    for name in convdims.__all__:
        assert hasattr(convdims, name), name


@pytest.mark.parametrize("name", CALLABLES)
def test_public_callable_has_a_docstring_example(name):
    doc = inspect.getdoc(getattr(convdims, name)) or ""
    assert ">>>" in doc, f"convdims.{name} has no >>> example in its docstring"


@pytest.mark.parametrize("name", CALLABLES)
def test_public_callable_is_on_one_api_page(name):
    pages = [
        page.name for page in API_PAGES if f"::: convdims.{name}\n" in page.read_text()
    ]
    assert len(pages) == 1, (
        f"convdims.{name} is documented on {pages or 'no page'} of docs/reference/api/"
    )


def test_import_loads_no_framework_or_renderer():
    code = (
        "import sys, convdims; heavy = [m for m in ('torch', 'keras', 'numpy', "
        "'latex2mathml', 'convdims.draw', 'convdims.keras', 'convdims.torch') "
        "if m in sys.modules]; print(heavy)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert out.stdout.strip() == "[]", out.stdout + out.stderr

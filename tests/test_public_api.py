"""Every public name is exported, has a runnable example, and is on an API page."""

from __future__ import annotations

import importlib
import inspect
import re
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


# Every public subpackage ------------------------------------------------------------

DOCS = Path(__file__).resolve().parent.parent / "docs"
sys.path.insert(0, str(DOCS / "_lib"))
import pages  # noqa: E402 - docs/_lib, as the site build imports it

#: Packages whose public names the API pages document with mkdocstrings directives.
DOCUMENTED = (
    "convdims",
    "convdims.analysis",
    "convdims.conventions",
    "convdims.description",
    "convdims.draw",
    "convdims.receptive",
    "convdims.render",
    "convdims.render.formula",
    "convdims.resampling",
    "convdims.standin",
    "convdims.transposed_geometry",
)
PACKAGES = (*DOCUMENTED, *pages.LOOKALIKES)
DIRECTIVE = re.compile(r"^::: ([\w.]+)\n((?:[ \t]+.*\n)*)", re.MULTILINE)


def _module(name: str):
    return importlib.import_module(name)


def _own_public_names(module) -> list[str]:
    """Public names defined in ``module`` itself (not imported into it)."""
    names = []
    for name, value in vars(module).items():
        if name.startswith("_") or inspect.ismodule(value):
            continue
        if getattr(value, "__module__", None) == module.__name__ and (
            inspect.isclass(value) or inspect.isfunction(value)
        ):
            names.append(name)
    return names


@pytest.mark.parametrize("name", PACKAGES)
def test_every_public_name_is_exported(name):
    module = _module(name)
    exported = getattr(module, "__all__", None)
    assert exported is not None, f"{name} has no __all__"
    assert len(set(exported)) == len(exported), f"{name}.__all__ repeats a name"
    missing = [n for n in exported if not hasattr(module, n)]
    assert not missing, f"{name}.__all__ names what it lacks: {missing}"
    unlisted = sorted(set(_own_public_names(module)) - set(exported))
    assert not unlisted, f"{name} defines public names not in __all__: {unlisted}"


def _documented_objects() -> dict[int, list[str]]:
    """Each object the API pages render, by id, with where (page: directive)."""
    where: dict[int, list[str]] = {}
    for page in API_PAGES:
        for match in DIRECTIVE.finditer(page.read_text()):
            path, options = match.group(1), match.group(2)
            hidden = set(re.findall(r'"!\^(\w+)\$"', options))
            module_name, _, attribute = path.rpartition(".")
            try:
                target = _module(path)
            except ImportError:
                target = getattr(_module(module_name), attribute)
            if inspect.ismodule(target):
                objects = {n: getattr(target, n) for n in target.__all__ if n not in hidden}
                objects[path] = target
            else:
                objects = {path: target}
            for label, obj in objects.items():
                if inspect.isclass(obj) or callable(obj) or inspect.ismodule(obj):
                    where.setdefault(id(obj), []).append(f"{page.name}: {label}")
    return where


@pytest.mark.parametrize("name", DOCUMENTED)
def test_every_public_callable_is_documented_once(name):
    module = _module(name)
    where = _documented_objects()
    for attribute in module.__all__:
        obj = getattr(module, attribute)
        if not (inspect.isclass(obj) or inspect.isfunction(obj)):
            continue
        places = where.get(id(obj), [])
        assert len(places) == 1, (
            f"{name}.{attribute} is documented {len(places)} times on the API pages: "
            f"{places}"
        )


def test_the_lookalikes_page_lists_every_namespace():
    text = "".join(
        (DOCS / "reference" / "api" / page).read_text()
        for page in ("lookalikes.md", "lookalikes-torch.md", "lookalikes-torchvision.md")
    )
    for name in pages.LOOKALIKES:
        assert f'lookalike_table("{name}")' in text, name
        table = pages.lookalike_table(name)
        for attribute in _module(name).__all__:
            assert f"| `{attribute}` |" in table


def test_lazy_submodules_are_in_dir():
    listed = dir(convdims)
    for name in convdims._LAZY:
        assert name in listed
    assert set(convdims.__all__) <= set(listed)


def test_the_how_to_lists_every_keras_layer_it_covers():
    """check-a-model.md prints what the Keras lookalike covers from the code."""
    text = (DOCS / "how-to" / "check-a-model.md").read_text()
    assert 'covered_layers("convdims.keras.layers")' in text
    table = pages.covered_layers("convdims.keras.layers")
    import convdims.keras.layers as keras_layers

    for name in keras_layers.__all__:
        assert f"`{name}`" in table, name

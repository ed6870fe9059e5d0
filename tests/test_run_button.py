"""docs/_hooks/run_button.py: with Pyodide the pages that have examples get the Run
script, the site gets Pyodide and the wheel; without it the build works, says so, and
leaves the buttons out (a strict build, both ways)."""

from __future__ import annotations

import importlib.util
import json
import logging
import subprocess
import sys
import zipfile
from pathlib import Path
from types import SimpleNamespace

import pytest

ROOT = Path(__file__).resolve().parent.parent


def _load_hook():
    spec = importlib.util.spec_from_file_location(
        "run_button_under_test", ROOT / "docs" / "_hooks" / "run_button.py"
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


hook = _load_hook()


class Config(dict):
    def __init__(self, root: Path, site: Path) -> None:
        super().__init__(site_dir=str(site))
        self.config_file_path = str(root / "mkdocs.yml")


def page(src_uri: str, url: str):
    return SimpleNamespace(file=SimpleNamespace(src_uri=src_uri), url=url)


PAGE = (
    "<html><head><title>t</title></head><body>"
    '<div class="language-python highlight"><pre><code>x = 1</code></pre></div>'
    '<div class="admonition cd-run-missing"><p>no Pyodide</p></div>'
    "<p>kept</p></body></html>"
)


def fake_checkout(tmp_path: Path, with_pyodide: bool) -> Path:
    root = tmp_path / "checkout"
    (root / "src" / "convdims").mkdir(parents=True)
    (root / "src" / "convdims" / "__init__.py").write_text('"""Test."""\n')
    (root / "pyproject.toml").write_text(
        '[build-system]\nrequires = ["setuptools>=77"]\n'
        'build-backend = "setuptools.build_meta"\n'
        '[project]\nname = "convdims"\nversion = "0.0.1"\nreadme = "README.md"\n'
        '[tool.setuptools.packages.find]\nwhere = ["src"]\n'
    )
    (root / "README.md").write_text("test\n")
    (root / "mkdocs.yml").write_text("site_name: t\n")
    if with_pyodide:
        folder = root / "node_modules" / "pyodide"
        folder.mkdir(parents=True)
        for name in hook.PYODIDE_FILES:
            (folder / name).write_bytes(b"x" * 10)
        (folder / "package.json").write_text('{"version": "314.0.8"}')
        (folder / "pyodide-lock.json").write_text(
            json.dumps({"info": {"python": "3.14.2"}, "packages": {"numpy": {}}})
        )
    return root


def test_without_pyodide_the_page_is_unchanged_and_the_build_says_why(tmp_path, caplog):
    root = fake_checkout(tmp_path, with_pyodide=False)
    config = Config(root, tmp_path / "site")
    with caplog.at_level(logging.INFO, logger="mkdocs.hooks.run_button"):
        hook.on_config(config)
    [record] = caplog.records
    assert record.levelno == logging.INFO  # --strict fails on warnings, not on this
    assert "Run buttons left out" in record.getMessage() and "npm ci" in record.getMessage()
    tutorial = page("tutorial.md", "tutorial/")
    hook.on_page_content(PAGE, tutorial, config, None)
    assert hook.on_post_page(PAGE, tutorial, config) == PAGE
    (tmp_path / "site" / "assets" / "run").mkdir(parents=True)
    hook.on_post_build(config)
    assert not (tmp_path / "site" / "assets" / "run").exists()


def test_the_switch_leaves_the_buttons_out(tmp_path, caplog, monkeypatch):
    root = fake_checkout(tmp_path, with_pyodide=True)
    monkeypatch.setenv(hook.SWITCH, "false")
    config = Config(root, tmp_path / "site")
    with caplog.at_level(logging.INFO, logger="mkdocs.hooks.run_button"):
        hook.on_config(config)
    assert "CONVDIMS_RUN=false" in caplog.text
    tutorial = page("tutorial.md", "tutorial/")
    hook.on_page_content(PAGE, tutorial, config, None)
    assert hook.on_post_page(PAGE, tutorial, config) == PAGE


def test_with_pyodide_pages_with_examples_get_the_script_and_the_site_gets_pyodide(
    tmp_path, monkeypatch
):
    monkeypatch.delenv(hook.SWITCH, raising=False)
    root = fake_checkout(tmp_path, with_pyodide=True)
    site = tmp_path / "site"
    (site / "assets" / "run").mkdir(parents=True)
    config = Config(root, site)
    hook.on_config(config)
    tutorial = page("how-to/keep-size.md", "how-to/keep-size/")
    hook.on_page_content(PAGE, tutorial, config, None)
    out = hook.on_post_page(PAGE, tutorial, config)
    assert "cd-run-missing" not in out and "no Pyodide" not in out
    assert out.count("</div>") == PAGE.count("</div>") - 1 and "<p>kept</p>" in out
    assert '<script type="module" src="../../assets/run/run.js" id="cd-run"' in out
    assert 'data-pyodide="../../assets/pyodide/"' in out
    assert 'href="../../assets/run/run.css"' in out
    plain = page("calculator.md", "calculator/")
    text = "<html><head></head><body><p>no code</p></body></html>"
    hook.on_page_content(text, plain, config, None)
    assert hook.on_post_page(text, plain, config) == text
    hook.on_post_build(config)
    for name in hook.PYODIDE_FILES:
        assert (site / "assets" / "pyodide" / name).read_bytes() == b"x" * 10
    lock = json.loads((site / "assets" / "pyodide" / "pyodide-lock.json").read_text())
    assert lock == {"info": {"python": "3.14.2"}, "packages": {}}
    [wheel] = (site / "assets" / "run").glob("convdims-*.whl")
    assert wheel.name == "convdims-0.0.1-py3-none-any.whl"
    names = zipfile.ZipFile(wheel).namelist()
    assert "convdims/__init__.py" in names
    assert not (root / "build").exists() and not list(root.rglob("*.egg-info"))
    # built once per state of the library: the second build takes it from the cache
    assert hook.build_wheel(root) == hook.build_wheel(root)


def test_exec_blocks_that_show_their_source_get_no_button():
    markdown = (
        '```python exec="on" source="above" session="s"\nrows = measures(vgg)\n```\n'
        "```python\nprint(1)\n```\n"
    )
    shown = page("x.md", "x/")
    hook.on_page_markdown(markdown, shown, None, None)
    html = (
        '<div class="language-python highlight"><pre><code><span>rows</span> = '
        "measures(vgg)</code></pre></div>"
        '<div class="language-python highlight"><pre><code>print(1)</code></pre></div>'
    )
    out = hook.on_page_content(html, shown, None, None)
    assert out.count("data-cd-norun") == 1
    assert out.index("data-cd-norun") < out.index("print(1)")


def test_blocks_that_are_not_python_get_no_button():
    titled = (
        '<div class="language-python highlight"><span class="filename">keras_x.py</span>'
        "<pre><code>import keras</code></pre></div>"
    )
    assert "data-cd-norun" not in hook.on_page_content(
        titled, page("a.md", "a/"), None, None
    )
    html = (
        '<div class="language-python highlight"><pre><code>O = floor((I - K)/S) + 1\n'
        "  = 30</code></pre></div>"
        '<div class="language-python highlight"><pre><code>&gt;&gt;&gt; 1 +\n'
        "</code></pre></div>"
    )
    out = hook.on_page_content(html, page("api.md", "api/"), None, None)
    assert out.count("data-cd-norun") == 1  # a pycon-like block runs as a session


@pytest.mark.slow
def test_the_site_builds_strictly_without_the_run_buttons(tmp_path):
    """As a checkout without npm builds it (CONVDIMS_RUN=false stands in for a missing
    node_modules; the test suite's own build has them when npm ci was run)."""
    spec = importlib.util.spec_from_file_location(
        "tests_conftest", ROOT / "tests" / "conftest.py"
    )
    shared = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(shared)
    site_environment = shared.site_environment
    site = tmp_path / "site"
    env = site_environment(tmp_path / "home")
    env[hook.SWITCH] = "false"
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Run buttons left out" in result.stderr + result.stdout
    assert not (site / "assets" / "pyodide").exists()
    assert not (site / "assets" / "run").exists()
    pages = [path.read_text() for path in site.rglob("index.html")]
    assert pages and not any("assets/run/" in text for text in pages)
    playground = (site / "playground" / "index.html").read_text()
    assert "cd-run-missing" in playground

"""The calculator's build pieces: the frameworks it offers, the minified scripts, the
assets its page leaves out (docs/_lib/calculator.py, docs/_hooks/calculator_assets.py).
The scripts' behaviour is tested in Chromium against the library (tests/browser)."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path
from types import SimpleNamespace

import pytest

DOCS = Path(__file__).resolve().parent.parent / "docs"
sys.path.insert(0, str(DOCS / "_lib"))
sys.path.insert(0, str(DOCS / "_hooks"))

import calculator  # noqa: E402
import calculator_assets  # noqa: E402

from convdims import cli  # noqa: E402

SCRIPTS = sorted((DOCS / "assets" / "calculator").glob("*.js"))


def test_the_frameworks_offered_are_the_librarys():
    offered = [name for name, _ in calculator.frameworks()]
    assert offered == [name for name in cli.FRAMEWORKS if name in calculator.SCRIPTED]
    assert set(calculator.SCRIPTED) <= set(cli.FRAMEWORKS)
    html = calculator.calculator_html("../")
    for name, label in calculator.frameworks():
        assert f'<option value="{name}">{label}</option>' in html


def test_the_form_has_the_contract_elements():
    for compact in (False, True):
        html = calculator.calculator_html("", compact=compact)
        assert html.count('<output name="output-size">') == 1
        assert html.count('role="alert"') == 1
        assert 'type="module" src="assets/calculator/calculator.js"' in html


def test_minifying_keeps_strings_templates_and_regular_expressions():
    source = """
// a comment
const a = "x  //  y", b = 'it\\'s';  /* block */
const t = `I = ${a + `${b}  c`}  (input size)`;
const r = /^\\s*[+-]?\\d+(_\\d+)*\\s*$/u.test(a) ? 10 / 2 : a - -1;
let n = 1
n++
return_value(n)
"""
    out = calculator_assets.minified_script(source)
    assert '"x  //  y"' in out and "'it\\'s'" in out
    assert "`I = ${a+`${b}  c`}  (input size)`" in out
    assert "/^\\s*[+-]?\\d+(_\\d+)*\\s*$/u.test(a)?10/2:a- -1" in out
    assert "let n=1\nn++\nreturn_value(n)" in out
    assert "comment" not in out and "block" not in out


@pytest.mark.skipif(shutil.which("node") is None, reason="needs node to parse the output")
@pytest.mark.parametrize("script", SCRIPTS, ids=lambda p: p.name)
def test_every_minified_script_still_parses(tmp_path, script):
    target = tmp_path / script.name
    source = script.read_text(encoding="utf-8")
    target.write_text(calculator_assets.minified_script(source), encoding="utf-8")
    assert len(target.read_text()) < len(source)
    result = subprocess.run(
        ["node", "--check", str(target)], capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr


def test_only_the_calculator_page_drops_the_unused_assets():
    html = (
        '<head>\n  <link rel="stylesheet" href="../assets/_markdown_exec_pyodide.css">\n'
        '  <link rel="stylesheet" href="../assets/_mkdocstrings.css">\n'
        '  <link rel="stylesheet" href="../assets/stylesheets/main.css">\n'
        '  <script src="../assets/_markdown_exec_pyodide.js"></script>\n</head>'
    )

    def page(src):
        return SimpleNamespace(file=SimpleNamespace(src_uri=src))

    lean = calculator_assets.on_post_page(html, page("calculator.md"), {})
    assert "_mkdocstrings" not in lean and "pyodide" not in lean
    assert "stylesheets/main.css" in lean
    assert calculator_assets.on_post_page(html, page("index.md"), {}) == html


def test_the_stylesheet_loses_comments_and_whitespace():
    css = "/* c */\n.a input:not([x]),\n.b > .c {\n  color: red;\n  margin: 0 1em;\n}\n"
    assert (
        calculator_assets.lean_stylesheet(css)
        == ".a input:not([x]),.b>.c{color:red;margin:0 1em;}\n"
    )

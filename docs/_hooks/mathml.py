"""MkDocs hook: LaTeX between dollar signs becomes MathML while the site builds; pages'
blocks import their helpers from docs/_lib.

``$...$`` is inline math and ``$$...$$`` display math, in pages and in the Markdown that
build-time code blocks print. latex2mathml converts it; browsers render MathML natively,
so pages load no math JavaScript. ``\\$`` is a literal dollar; code is never touched.
"""

from __future__ import annotations

import functools
import html
import re
import sys
import xml.etree.ElementTree as etree
from pathlib import Path

from latex2mathml.converter import convert as _convert
from markdown import Extension
from markdown.inlinepatterns import InlineProcessor

# Pages repeat their symbols ($k$, $S$, $P$...) hundreds of times: convert each once.
convert = functools.lru_cache(maxsize=4096)(_convert)

DISPLAY = r"(?<!\\)\$\$(.+?)\$\$"
INLINE = r"(?<![\\$\w])\$(?=\S)([^$\n]+?)(?<=\S)\$(?![$\w])"


class MathProcessor(InlineProcessor):
    def __init__(self, pattern: str, md, display: bool) -> None:
        super().__init__(pattern, md)
        self.display = display

    def handleMatch(self, m, data):  # noqa: N802 (Markdown's API)
        mathml = convert(m.group(1).strip(), display="block" if self.display else "inline")
        if self.display:
            mathml = f'<div class="math-display">{mathml}</div>'
        placeholder = self.md.htmlStash.store(mathml)
        element = etree.Element("span")
        element.text = placeholder
        return element, m.start(0), m.end(0)


class MathExtension(Extension):
    def extendMarkdown(self, md):  # noqa: N802 (Markdown's API)
        # after backticks (190), so code spans win; before backslash escapes (180), so
        # the LaTeX keeps its backslashes ("\\\\" is a row break); the patterns refuse a
        # dollar written "\\$"
        md.inlinePatterns.register(MathProcessor(DISPLAY, md, True), "mathml-display", 186)
        md.inlinePatterns.register(MathProcessor(INLINE, md, False), "mathml-inline", 185)


def on_config(config):
    # build-time blocks import their helpers from docs/_lib (see docs/_lib/pages.py)
    helpers = str(Path(config.docs_dir) / "_lib")
    if helpers not in sys.path:
        sys.path.insert(0, helpers)
    config.markdown_extensions.append(MathExtension())
    return config


# Notebook pages are rendered by nbconvert, not Python-Markdown: convert their math in the
# finished HTML, outside code, scripts and styles.
_SKIP = re.compile(
    r"(<(pre|code|script|style|textarea|math)\b.*?</\2>)", re.DOTALL | re.IGNORECASE
)
_HTML_DISPLAY = re.compile(r"(?<!\\)\$\$(.+?)\$\$", re.DOTALL)
_HTML_INLINE = re.compile(INLINE)


def _convert_html_math(text: str) -> str:
    text = _HTML_DISPLAY.sub(
        lambda m: (
            '<div class="math-display">'
            + convert(html.unescape(m.group(1)).strip(), display="block")
            + "</div>"
        ),
        text,
    )
    return _HTML_INLINE.sub(lambda m: convert(html.unescape(m.group(1)).strip()), text)


def on_page_content(content, page, config, files):
    if not page.file.src_uri.endswith(".ipynb"):
        return content
    parts = _SKIP.split(content)
    # split() with two groups yields: text, whole skipped block, tag name, text, ...
    out = []
    for index, part in enumerate(parts):
        kind = index % 3
        if kind == 0:
            out.append(_convert_html_math(part))
        elif kind == 1:
            out.append(part)
    return "".join(out)

"""MkDocs hook: LaTeX between dollar signs becomes MathML while the site builds.

``$...$`` is inline math and ``$$...$$`` display math, in pages and in the Markdown that
build-time code blocks print. latex2mathml converts it; browsers render MathML natively,
so pages load no math JavaScript. ``\\$`` is a literal dollar; code is never touched.
"""

from __future__ import annotations

import xml.etree.ElementTree as etree

from latex2mathml.converter import convert
from markdown import Extension
from markdown.inlinepatterns import InlineProcessor

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
        # after backticks (190) and escapes (180), so code spans and \$ win
        md.inlinePatterns.register(MathProcessor(DISPLAY, md, True), "mathml-display", 176)
        md.inlinePatterns.register(MathProcessor(INLINE, md, False), "mathml-inline", 175)


def on_config(config):
    config.markdown_extensions.append(MathExtension())
    return config

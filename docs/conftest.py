"""Run every code fence of every page under pytest, with Sybil.

- ```python fences run as code (as doctests when they start with ``>>>``), including
  markdown-exec's ``exec="on"`` blocks, so a failing block points at its page and line;
- ```pycon fences run as doctests: their expected output is checked, which markdown-exec
  itself never does;
- ``{{= expression }}`` values in the prose (docs/_hooks/inline_values.py) are
  evaluated, so one that raises points at its page and line as the build would;
- ``--8<-- "file.py"`` lines (pymdownx.snippets) are replaced by the file they include,
  from docs/snippets, as the site build does; those files import the real frameworks, so
  every fence runs with convdims standing in for them (``convdims.standin.frameworks``),
  exactly as the site shows their output.

All fences of one page share one namespace, like markdown-exec's sessions. Fences in other
languages (text, console, yaml, ...) are shown, not run.
"""

from __future__ import annotations

import doctest
import re
import sys
from pathlib import Path

from sybil import Lexeme, Region, Sybil
from sybil.evaluators.doctest import DocTestEvaluator
from sybil.evaluators.python import PythonEvaluator
from sybil.parsers.abstract.doctest import DocTestStringParser
from sybil.parsers.markdown.lexers import RawFencedCodeBlockLexer

from convdims.standin import frameworks

SNIPPETS = Path(__file__).parent / "snippets"
sys.path.insert(0, str(Path(__file__).parent / "_lib"))  # pages.py, as in the build
sys.path.insert(0, str(Path(__file__).parent / "_hooks"))

import inline_values  # noqa: E402

INCLUDE = re.compile(r'^[ \t]*--8<--[ \t]+"([^"]+)"[ \t]*$', re.MULTILINE)
OPTIONS = doctest.NORMALIZE_WHITESPACE | doctest.ELLIPSIS


def expand_snippets(source: str) -> str:
    """Replace each snippets include line with the included file, as the build does."""
    return INCLUDE.sub(lambda m: (SNIPPETS / m.group(1)).read_text().rstrip("\n"), source)


def standing_in(evaluator):
    """The evaluator, run with convdims answering imports of keras, torch and torchinfo."""

    def evaluate(example):
        with frameworks():
            return evaluator(example)

    return evaluate


class FenceParser:
    """Python and pycon fences, whatever options follow the language in the info string."""

    lexer = RawFencedCodeBlockLexer(
        info_pattern=re.compile(r"(?P<language>[\w-]+)(?P<options>[^\n]*)$\n", re.MULTILINE)
    )

    def __init__(self) -> None:
        self.code = standing_in(PythonEvaluator())
        self.doctests = DocTestStringParser(standing_in(DocTestEvaluator(OPTIONS)))

    def __call__(self, document):
        regions = list(self.lexer(document))
        # fences shown inside a ````markdown example are text, not code to run
        shown = [
            (r.start, r.end) for r in regions if r.lexemes["language"] in ("markdown", "md")
        ]
        for region in regions:
            language = region.lexemes["language"]
            source = region.lexemes["source"]
            if language not in ("python", "py", "pycon"):
                continue
            if any(start < region.start and region.end <= end for start, end in shown):
                continue
            text = expand_snippets(str(source))
            if language == "pycon" or text.lstrip().startswith(">>>"):
                for example in self.doctests(text, document.path):
                    example.adjust(region, source)
                    yield example
            else:
                code = Lexeme(text, offset=source.offset, line_offset=source.line_offset)
                yield Region(region.start, region.end, code, self.code)


class InlineValueParser:
    """Each ``{{= expression }}`` of the prose, evaluated as the build evaluates it."""

    def __call__(self, document):
        text = document.text
        offsets = [0]
        for line in text.splitlines(keepends=True):
            offsets.append(offsets[-1] + len(line))
        for number, match in inline_values.values(text):
            start = offsets[number - 1] + match.start()
            end = offsets[number - 1] + match.end()
            yield Region(start, end, (match.group("expr"), match.group("spec")), _evaluate)


def _evaluate(example):
    expr, spec = example.parsed
    inline_values.evaluate(expr, spec)


# Snippets import the real frameworks (tests/oracle/test_snippets.py runs them); the
# build's helpers are not test modules.
collect_ignore_glob = ["snippets/*.py", "_lib/*.py", "_hooks/*.py"]

pytest_collect_file = Sybil(
    parsers=[FenceParser(), InlineValueParser()],
    patterns=["*.md"],
    fixtures=[],
).pytest()

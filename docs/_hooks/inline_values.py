"""MkDocs hook: computed values inline in prose, ``{{= expression }}``.

A page writes ``the output has {{= conv_output_size(224, 7, 2, 3) }} rows`` and the build
replaces the braces with what the expression gives, so a number in a sentence is computed
like one printed by a code block. After a ``|``, a format spec: ``{{= conv_params(3, 64,
128) | , }}`` gives ``73,856`` (``format(value, ",")``). Expressions see every public name
of convdims, the modules ``convdims``, ``resampling`` and ``math``, and the page helpers
of docs/_lib/pages.py as ``pages``. Nothing inside code (fences or backticks) is touched.

An expression that raises fails the build, strict or not, naming the page and the line.
docs/conftest.py evaluates the same expressions under pytest (``pytest docs/page.md``).
"""

from __future__ import annotations

import math
import re
from typing import Any

from mkdocs.exceptions import PluginError

VALUE = re.compile(r"\{\{=\s*(?P<expr>.+?)\s*(?:\|\s*(?P<spec>[^}]*?)\s*)?\}\}")
_FENCE = re.compile(r"^[ \t]*(`{3,}|~{3,})")
_SPAN = re.compile(r"(`+)(?:.+?)\1")


def namespace() -> dict[str, Any]:
    """What an inline expression can use."""
    import pages

    import convdims
    from convdims import resampling

    names: dict[str, Any] = {name: getattr(convdims, name) for name in convdims.__all__}
    names.update(convdims=convdims, resampling=resampling, math=math, pages=pages)
    return names


def evaluate(
    expr: str, spec: str | None = None, names: dict[str, Any] | None = None
) -> str:
    """The text an inline expression stands for."""
    value = eval(expr, names if names is not None else namespace())  # noqa: S307 - the site's own pages
    return format(value, spec) if spec else str(value)


def values(markdown: str):
    """(line number, match) of every inline value outside code, in order."""
    fence = None
    for number, line in enumerate(markdown.splitlines(), start=1):
        opening = _FENCE.match(line)
        if fence is not None:
            if (
                opening
                and opening.group(1)[0] == fence[0]
                and len(opening.group(1)) >= len(fence)
            ):
                fence = None
            continue
        if opening:
            fence = opening.group(1)
            continue
        code = [(m.start(), m.end()) for m in _SPAN.finditer(line)]
        for match in VALUE.finditer(line):
            if not any(start <= match.start() < end for start, end in code):
                yield number, match


def substitute(markdown: str, where: str = "") -> str:
    """``markdown`` with every inline value replaced by its text."""
    names = None
    lines = markdown.splitlines(keepends=True)
    edits: dict[int, list] = {}
    for number, match in values(markdown):
        names = names or namespace()
        try:
            text = evaluate(match.group("expr"), match.group("spec"), names)
        except Exception as error:  # noqa: BLE001 - reported with the page and line
            raise PluginError(
                f"{where}:{number}: {match.group(0)} raised {type(error).__name__}: {error}"
            ) from error
        edits.setdefault(number, []).append((match.start(), match.end(), text))
    for number, changes in edits.items():
        line = lines[number - 1]
        for start, end, text in reversed(changes):
            line = line[:start] + text + line[end:]
        lines[number - 1] = line
    return "".join(lines)


def on_page_markdown(markdown, page, config, files):
    if "{{=" not in markdown:
        return markdown
    return substitute(markdown, page.file.src_uri)

"""The calculator's page loads only what it uses, as few bytes as it can (issue 17: at most
400 KB in all, where Material's own CSS and JavaScript are 307 KB of every page).

- Its scripts (docs/assets/calculator/) are minified into the site (comments and needless
  whitespace out, nothing renamed: :func:`minified_script`), and its stylesheet loses
  comments and whitespace. The sources stay readable; the
  browser tests run on the built site, so the 5,200-case comparison with the library
  checks what is served.
- The calculator page does not load the stylesheets and script that mkdocstrings and
  markdown-exec's pyodide fences add to every page: it has neither.
"""

from __future__ import annotations

import re
from pathlib import Path

ASSETS = "assets/calculator"
PAGES = ("calculator.md",)
_UNUSED = re.compile(
    r'\s*<link rel="stylesheet" href="[^"]*assets/(?:_mkdocstrings|_markdown_exec_pyodide)'
    r'\.css">|\s*<script src="[^"]*assets/_markdown_exec_pyodide\.js"></script>'
)


def lean_script(source: str) -> str:
    """The script without comment lines, blank lines and indentation.

    Only whole-line comments go (``//`` lines and ``/** ... */`` blocks that start a line):
    the sources keep every string on one line, so no line inside a string is touched.
    """
    out: list[str] = []
    in_block = False
    for line in source.splitlines():
        stripped = line.strip()
        if in_block:
            in_block = not stripped.endswith("*/")
            continue
        if stripped.startswith("/*"):
            in_block = not stripped.endswith("*/")
            continue
        if not stripped or stripped.startswith("//"):
            continue
        out.append(stripped)
    return "\n".join(out) + "\n"


def lean_stylesheet(source: str) -> str:
    """The stylesheet without comments, indentation and line breaks."""
    text = re.sub(r"/\*.*?\*/", "", source, flags=re.DOTALL)
    text = re.sub(r"\s*\n\s*", "", text)
    return re.sub(r"\s*([{};:,>])\s*", r"\1", text) + "\n"


def on_post_page(output: str, page, config) -> str:
    if page.file.src_uri in PAGES:
        output = _UNUSED.sub("", output)
    return output


_WORD = re.compile(r"[\w$\\]")
# After these, a "/" starts a regular expression, not a division (as in JSMin).
_REGEX_AFTER = set("(,=:[!&|?{};+-*%<>~^\n")


def minified_script(source: str) -> str:
    """The script with comments and needless whitespace removed, nothing renamed.

    JSMin's rules (Crockford's), plus template literals, whose text and ``${...}``
    expressions are kept as written: spaces go only where no word would touch another,
    and a line break stays where it could end a statement.
    """
    out: list[str] = []
    i, n = 0, len(source)
    pending = ""  # whitespace seen since the last token: "", " " or "\n"
    templates: list[int] = []  # brace depth of each open ${ ... } of a template literal

    def last() -> str:
        return out[-1][-1] if out and out[-1] else ""

    def emit(text: str) -> None:
        nonlocal pending
        if pending and out:
            before, after = last(), text[0]
            if _WORD.match(before) and _WORD.match(after):
                out.append(" " if pending == " " else "\n")
            elif (
                pending == "\n"
                and (before in ")]}'\"`+-" or _WORD.match(before))
                and (after in "([{'\"`+-!~" or _WORD.match(after))
            ):
                out.append("\n")
            elif before in "+-" and after == before:
                out.append(" ")
        pending = ""
        out.append(text)

    def template_text(start: int) -> int:
        """Copy a template literal's text from ``start`` (after ` or }) to ` or ${."""
        j = start
        while j < n:
            if source[j] == "\\":
                j += 2
            elif source[j] == "`":
                out.append(source[start : j + 1])
                return j + 1
            elif source.startswith("${", j):
                out.append(source[start : j + 2])
                templates.append(0)
                return j + 2
            else:
                j += 1
        raise ValueError("unterminated template literal")

    while i < n:
        c = source[i]
        if c in " \t\r\n":
            pending = "\n" if (c == "\n" or pending == "\n") else " "
            i += 1
        elif source.startswith("//", i):
            i = source.find("\n", i)
            i = n if i < 0 else i
        elif source.startswith("/*", i):
            i = source.index("*/", i) + 2
            pending = pending or " "
        elif c in "'\"":
            j = i + 1
            while source[j] != c:
                j += 2 if source[j] == "\\" else 1
            emit(source[i : j + 1])
            i = j + 1
        elif c == "`":
            emit("`")
            i = template_text(i + 1)
        elif c == "/" and (not out or last() in _REGEX_AFTER):
            j, in_class = i + 1, False
            while in_class or source[j] != "/":
                if source[j] == "\\":
                    j += 1
                elif source[j] == "[":
                    in_class = True
                elif source[j] == "]":
                    in_class = False
                j += 1
            j += 1
            while j < n and source[j].isalpha():
                j += 1
            emit(source[i:j])
            i = j
        elif templates and c in "{}":
            if c == "{":
                templates[-1] += 1
                emit(c)
                i += 1
            elif templates[-1] == 0:
                templates.pop()
                pending = ""
                out.append("}")
                i = template_text(i + 1)
            else:
                templates[-1] -= 1
                emit(c)
                i += 1
        else:
            j = i + 1
            if _WORD.match(c):
                while j < n and _WORD.match(source[j]):
                    j += 1
            emit(source[i:j])
            i = j
    return "".join(out) + "\n"


def on_post_build(config) -> None:
    folder = Path(config["site_dir"]) / ASSETS
    for path in folder.glob("*.js"):
        path.write_text(minified_script(path.read_text(encoding="utf-8")), encoding="utf-8")
    for path in folder.glob("*.css"):
        path.write_text(lean_stylesheet(path.read_text(encoding="utf-8")), encoding="utf-8")

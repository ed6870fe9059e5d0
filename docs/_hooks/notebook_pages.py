"""MkDocs hook: notebook pages (mkdocs-jupyter) load lightly, stay offline, and offer their
notebook for download.

mkdocs-jupyter inlines about 600 KB of JupyterLab CSS into every notebook page, plus a
MathJax loader with an empty URL and a Mermaid loader that would import from a CDN. This
hook, for notebook pages only:

- moves the inlined CSS out of the page into one stylesheet file,
  ``assets/stylesheets/notebook.css``, trimmed to the rules whose classes and ids occur on
  the site's notebook pages (and to the custom properties and keyframes those rules use),
  and links it from the page's head;
- overrides JupyterLab's wrapping of outputs (``white-space: pre-wrap; word-break:
  break-all``, which cut a torchinfo table mid-number): outputs keep their lines and
  scroll sideways, as code blocks elsewhere on the site do;
- drops the MathJax and Mermaid loaders (math is MathML, made by docs/_hooks/mathml.py);
- adds a download button for the notebook, which mkdocs-jupyter copies next to the page
  (``include_source: true``).
"""

from __future__ import annotations

import re
from pathlib import Path

from mkdocs.utils import get_relative_url

STYLESHEET = "assets/stylesheets/notebook.css"

_STYLE = re.compile(r"<style\b[^>]*>(.*?)</style>\s*", re.DOTALL | re.IGNORECASE)
_LOADERS = [
    re.compile(r"<!--\s*Load mathjax\s*-->\s*", re.IGNORECASE),
    re.compile(r"<script\s+src=\"\"\s*>\s*</script>\s*", re.IGNORECASE),
    re.compile(r"<!--\s*MathJax configuration\s*-->\s*", re.IGNORECASE),
    re.compile(r"<script\s+type=\"text/x-mathjax-config\">.*?</script>\s*", re.DOTALL),
    re.compile(r"<!--\s*End of mathjax configuration\s*-->\s*", re.IGNORECASE),
    re.compile(
        r"<script\s+type=\"module\">(?:(?!</script>).)*mermaid.*?</script>\s*", re.DOTALL
    ),
]

# Appended after JupyterLab's rules (same selector, so it wins): outputs keep their lines.
OUTPUT_LINES = (
    ".jupyter-wrapper .jp-OutputArea-output pre"
    "{white-space:pre;word-break:normal;word-wrap:normal;overflow-wrap:normal;"
    "overflow-x:auto}"
)

_css: list[str] = []  # the notebook CSS, each distinct block once, in page order
_used: set[str] = set()  # ".class" and "#id" tokens on notebook pages


def _download_icon() -> str:
    try:
        import material

        icon = Path(material.__file__).parent / "templates/.icons/material/download.svg"
        return icon.read_text(encoding="utf-8").strip()
    except (ImportError, OSError):
        return "&#x2B73;"


def on_pre_build(config):
    _css.clear()
    _used.clear()


def on_page_content(html, page, config, files):
    if not page.file.src_uri.endswith(".ipynb"):
        return html
    for match in _STYLE.finditer(html):
        css = match.group(1).strip()
        # mkdocs-jupyter also prints a Python list of its Pygments CSS: not CSS, drop it
        if css.startswith("[") or not css or css in _css:
            continue
        _css.append(css)
    html = _STYLE.sub("", html)
    for loader in _LOADERS:
        html = loader.sub("", html)
    name = Path(page.file.src_uri).name
    button = (
        f'<a href="{name}" download class="md-content__button md-icon" '
        f'title="Download the notebook ({name})">{_download_icon()}</a>\n'
    )
    return button + html


def on_post_page(output, page, config):
    if not page.file.src_uri.endswith(".ipynb"):
        return output
    for classes in re.findall(r'\sclass="([^"]*)"', output):
        _used.update("." + name for name in classes.split())
    _used.update("#" + name for name in re.findall(r'\sid="([^"]*)"', output))
    href = get_relative_url(STYLESHEET, page.url)
    link = f'<link rel="stylesheet" href="{href}">\n'
    return output.replace("</head>", link + "</head>", 1)


def on_post_build(config):
    if not _css:
        return
    target = Path(config.site_dir) / STYLESHEET
    target.parent.mkdir(parents=True, exist_ok=True)
    css = trim("\n".join(_css), _used) + OUTPUT_LINES + "\n"
    target.write_text(css, encoding="utf-8")


# -- a small CSS trimmer ----------------------------------------------------------------


def _blocks(css: str):
    """Split CSS into top-level (prelude, body) pairs; body is None for ``@x ...;``."""
    out, i, n = [], 0, len(css)
    while i < n:
        start, depth, quote = i, 0, None
        while i < n:
            char = css[i]
            if quote:
                if char == "\\":
                    i += 1
                elif char == quote:
                    quote = None
            elif char in "\"'":
                quote = char
            elif css.startswith("/*", i):
                end = css.find("*/", i + 2)
                i = n if end < 0 else end + 1
            elif char == "{":
                if depth == 0:
                    prelude, body_start = css[start:i].strip(), i + 1
                depth += 1
            elif char == "}":
                depth -= 1
                if depth == 0:
                    out.append((prelude, css[body_start:i]))
                    i += 1
                    break
            elif char == ";" and depth == 0:
                out.append((css[start:i].strip(), None))
                i += 1
                break
            i += 1
        else:
            rest = css[start:].strip()
            if rest:
                out.append((rest, None))
    return out


def _declarations(body: str) -> list[str]:
    """Split declarations at top-level semicolons (not inside url(...) or strings)."""
    parts, depth, quote, start = [], 0, None, 0
    for i, char in enumerate(body):
        if quote:
            if char == quote and body[i - 1] != "\\":
                quote = None
        elif char in "\"'":
            quote = char
        elif char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
        elif char == ";" and depth == 0:
            parts.append(body[start:i].strip())
            start = i + 1
    parts.append(body[start:].strip())
    return [part for part in parts if part]


_NEGATION = re.compile(r":(?:not|is|where|has)\((?:[^()]|\([^()]*\))*\)")
_TOKEN = re.compile(r"([.#])(-?[_a-zA-Z][\w-]*)")


def _selector_used(selector: str, used: set[str]) -> bool:
    selector = _NEGATION.sub("", selector)
    # Material adds md-* classes at run time (e.g. md-typeset__scrollwrap): keep them
    return all(
        kind + name in used or name.startswith("md-")
        for kind, name in _TOKEN.findall(selector)
    )


def _split_selectors(prelude: str) -> list[str]:
    parts, depth, start = [], 0, 0
    for i, char in enumerate(prelude):
        if char in "([":
            depth += 1
        elif char in ")]":
            depth -= 1
        elif char == "," and depth == 0:
            parts.append(prelude[start:i].strip())
            start = i + 1
    parts.append(prelude[start:].strip())
    return parts


def _keep_rules(css: str, used: set[str]) -> list[tuple[str, object]]:
    """Rules (prelude, declarations or nested rules) whose selectors can match."""
    kept = []
    for prelude, body in _blocks(css):
        if body is None:
            continue  # @charset, @import: nothing the pages need
        if prelude.startswith("@media") or prelude.startswith("@supports"):
            inner = _keep_rules(body, used)
            if inner:
                kept.append((prelude, inner))
        elif prelude.startswith("@keyframes") or prelude.startswith("@-webkit-keyframes"):
            kept.append((prelude, body))  # decided once we know which animations are used
        elif prelude.startswith("@"):
            continue  # @font-face, @page...: not used by notebook pages
        else:
            selectors = [s for s in _split_selectors(prelude) if _selector_used(s, used)]
            if selectors:
                kept.append((",".join(selectors), _declarations(body)))
    return kept


def _walk(rules):
    for prelude, body in rules:
        if isinstance(body, list) and body and isinstance(body[0], tuple):
            yield from _walk(body)
        elif isinstance(body, list):
            yield prelude, body


_VAR = re.compile(r"var\(\s*(--[\w-]+)")


def trim(css: str, used: set[str]) -> str:
    """Keep the rules of ``css`` that can match an element with the classes/ids in ``used``,
    then the custom properties and keyframes those rules refer to."""
    rules = _keep_rules(re.sub(r"/\*.*?\*/", "", css, flags=re.DOTALL), used)
    declarations = [d for _, body in _walk(rules) for d in body]
    referenced = {
        name for d in declarations if not d.startswith("--") for name in _VAR.findall(d)
    }
    custom = {}
    for d in declarations:
        if d.startswith("--"):
            custom.setdefault(d.split(":", 1)[0].strip(), []).append(d)
    frontier = set(referenced)
    while frontier:
        name = frontier.pop()
        for d in custom.get(name, []):
            for other in _VAR.findall(d.split(":", 1)[1]):
                if other not in referenced:
                    referenced.add(other)
                    frontier.add(other)
    text_of_rules = " ".join(declarations)

    def render(rules) -> str:
        out = []
        for prelude, body in rules:
            if isinstance(body, str):  # keyframes
                name = prelude.split(None, 1)[1].strip() if " " in prelude else ""
                if name and re.search(rf"\b{re.escape(name)}\b", text_of_rules):
                    out.append(f"{prelude}{{{body}}}")
            elif body and isinstance(body[0], tuple):
                inner = render(body)
                if inner:
                    out.append(f"{prelude}{{{inner}}}")
            else:
                kept = [
                    d
                    for d in body
                    if not d.startswith("--") or d.split(":", 1)[0].strip() in referenced
                ]
                if kept:
                    out.append(f"{prelude}{{{';'.join(kept)}}}")
        return "\n".join(out)

    return render(rules) + "\n"

"""A tiny SVG writer: deterministic markup, scoped styles, accessible root.

Every figure is one ``<svg>`` with ``role="img"``, a ``<title>`` and a ``<desc>`` named by
``aria-labelledby``, and a ``<style>`` whose rules are scoped to the figure's id, so two
figures on one page never clash. Colours come from CSS variables with fallbacks and text
uses ``currentColor``: the figure follows the page's light or dark palette.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from pathlib import Path

from convdims.errors import ArgumentError

Number = int | float

_ID = re.compile(r"[A-Za-z][A-Za-z0-9_-]*\Z")

#: Colours: each a CSS variable a page may set, with a mid-tone fallback that reads on
#: light and dark backgrounds alike.
PALETTE = {
    "pad-before": "#3d8bd9",
    "pad-after": "#e6892e",
    "skipped": "#e0453a",
    "window": "#8a5cd6",
    "window-2": "#17a2a2",
    "output": "#2e9e5b",
    "zero": "#8c8c8c",
    "output-padding": "#cc4fa4",
    "field": "#8a5cd6",
}


def color(name: str) -> str:
    """``var(--cd-NAME, fallback)`` for a palette entry."""
    return f"var(--cd-{name},{PALETTE[name]})"


def num(value: Number) -> str:
    """A coordinate as short text: integers stay integers, others get one decimal."""
    if isinstance(value, int) or float(value).is_integer():
        return str(int(value))
    return f"{value:.1f}"


#: Characters XML 1.0 cannot hold at all, not even as a character reference.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
#: Whitespace an XML parser would turn into a space inside an attribute value.
_ATTRIBUTE_SPACE = {"\t": "&#9;", "\n": "&#10;", "\r": "&#13;"}


def escape(text: str, attribute: bool = True) -> str:
    r"""Markup-safe text: ``& < > "`` escaped, and characters XML cannot hold replaced by
    U+FFFD (so the figure always parses); in an attribute, tabs and line breaks are kept
    as character references.

    Examples:
        >>> escape('a<b & "c"\x1b') == 'a&lt;b &amp; &quot;c&quot;\ufffd'
        True
        >>> escape("two\nlines"), escape("two\nlines", attribute=False)
        ('two&#10;lines', 'two\nlines')
    """
    out = (
        str(text)
        .replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace('"', "&quot;")
    )
    out = _NOT_XML.sub("\ufffd", out)
    if attribute:
        for character, reference in _ATTRIBUTE_SPACE.items():
            out = out.replace(character, reference)
    return out


def figure_id(kind: str, params: object, id: str | None = None) -> str:
    """The caller's id, checked, or one derived from the figure's parameters."""
    if id is not None:
        if not isinstance(id, str) or not _ID.match(id):
            raise ArgumentError(
                f"id={id!r} must start with a letter and hold only letters, digits, "
                f"'-' and '_' (it prefixes the ids inside the SVG)",
                argument="id",
                value=id,
                valid="a letter, then letters, digits, '-' and '_'",
            )
        return id
    digest = hashlib.sha1(repr(params).encode("utf-8")).hexdigest()[:8]
    return f"cd-{kind}-{digest}"


def el(tag: str, text: str | None = None, /, **attrs: object) -> str:
    """One element; ``_`` in attribute names becomes ``-``, a trailing ``_`` is dropped."""
    parts = [tag]
    for key, value in attrs.items():
        if value is None:
            continue
        name = key.rstrip("_").replace("_", "-")
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            value = num(value)
        parts.append(f'{name}="{escape(str(value))}"')
    head = " ".join(parts)
    if text is None:
        return f"<{head}/>"
    return f"<{head}>{escape(text, attribute=False)}</{tag}>"


def rect(x: Number, y: Number, w: Number, h: Number, cls: str, **attrs: object) -> str:
    return el("rect", x=x, y=y, width=w, height=h, class_=cls, **attrs)


def text(x: Number, y: Number, content: str, cls: str = "l", **attrs: object) -> str:
    return el("text", content, x=x, y=y, class_=cls, **attrs)


def group(cls: str, children: list[str], **attrs: object) -> str:
    head = el("g", class_=cls, **attrs)[:-2]
    return head + ">" + "".join(children) + "</g>"


def text_width(content: str, size: float = 11) -> float:
    """A rough width for layout (no font metrics without a browser)."""
    return len(content) * size * 0.56


BASE_STYLE = (
    "{s}{{font-family:var(--md-text-font-family,system-ui),system-ui,sans-serif;"
    "max-width:100%;height:auto}}"
    "{s} text{{fill:currentColor;font-size:11px;dominant-baseline:central}}"
    "{s} .m{{text-anchor:middle}}{s} .e{{text-anchor:end}}"
    "{s} .sm{{font-size:9px;fill-opacity:.75}}"
    "{s} .h{{font-size:12px;font-weight:600}}"
    "{s} rect,{s} .grid{{shape-rendering:crispEdges}}"
    "{s} .c{{fill:currentColor;fill-opacity:.07;stroke:currentColor;stroke-opacity:.55}}"
)


def style_rules(fig: str, rules: dict[str, str]) -> str:
    """BASE_STYLE plus ``{selector: declarations}``, all scoped to ``#fig``."""
    scope = f"#{fig}"
    body = BASE_STYLE.format(s=scope)
    for selector, declarations in rules.items():
        scoped = ",".join(f"{scope} {part.strip()}" for part in selector.split(","))
        body += f"{scoped}{{{declarations}}}"
    body += "@media (prefers-color-scheme:dark){svg" + scope + ":root{color:#e6e6e6}}"
    return body


def fill(name: str, opacity: float = 0.35, dash: str | None = None) -> str:
    """Declarations for a tinted cell with a solid or dashed outline of the same hue."""
    value = color(name)
    out = f"fill:{value};fill-opacity:{opacity};stroke:{value}"
    if dash:
        out += f";stroke-dasharray:{dash}"
    return out


@dataclass(frozen=True)
class Figure:
    """An SVG drawing: shows itself in Jupyter, prints as markup, saves to a file.

    Attributes:
        svg: the markup, one ``<svg>`` element.
        id: the id of the root element (the prefix of every id inside).
    """

    svg: str
    id: str

    def __str__(self) -> str:
        return self.svg

    def _repr_svg_(self) -> str:
        return self.svg

    def save(self, path: str | Path) -> Path:
        """Write the SVG (UTF-8) to ``path`` and return it as a Path."""
        target = Path(path)
        target.write_text(self.svg, encoding="utf-8")
        return target


def render(
    fig: str,
    width: Number,
    height: Number,
    title: str,
    desc: str,
    rules: dict[str, str],
    body: list[str],
    **data: object,
) -> Figure:
    """Assemble the root element around ``body``."""
    w, h = int(round(width)), int(round(height))
    markup = "".join(body)
    used = set(re.findall(r'class="([^"]*)"', markup))
    tokens = {token for value in used for token in value.split()}
    rules = {
        selector: declarations
        for selector, declarations in rules.items()
        if any(token in tokens for token in re.findall(r"\.([\w-]+)", selector))
    }
    head = el(
        "svg",
        xmlns="http://www.w3.org/2000/svg",
        id=fig,
        class_="convdims-figure",
        viewBox=f"0 0 {w} {h}",
        width=w,
        height=h,
        role="img",
        aria_labelledby=f"{fig}-title {fig}-desc",
        **{f"data_{key}": value for key, value in data.items()},
    )[:-2]
    parts = [
        head + ">",
        el("title", title, id=f"{fig}-title"),
        el("desc", desc, id=f"{fig}-desc"),
        "<style>" + style_rules(fig, rules) + "</style>",
        markup,
        "</svg>",
    ]
    return Figure("".join(parts), fig)


def legend(
    x: Number, y: Number, items: list[tuple[str, str]], max_width: Number
) -> tuple[list[str], float]:
    """Swatches with labels, wrapped to ``max_width``; returns elements and height used."""
    out: list[str] = []
    cx, cy = x, y
    line = 16
    for cls, label in items:
        need = 16 + text_width(label) + 14
        if cx > x and cx + need > x + max_width:
            cx, cy = x, cy + line
        out.append(rect(cx, cy, 12, 12, cls))
        out.append(text(cx + 17, cy + 6, label))
        cx += need
    return ([group("legend", out)] if out else []), (cy - y + line if out else 0)

"""The calculator's form as the build writes it (docs/calculator.md, docs/index.md).

The page's script (docs/assets/calculator/calculator.js) fills in the answer; what the
build writes is the form itself, with the frameworks the calculator offers read here, at
build time, from the library: :func:`frameworks` is the one place that list comes from.
"""

from __future__ import annotations

from html import escape

# How each framework is named on the page; one missing here is shown by its own name.
_LABELS = {"keras": "Keras", "torch": "PyTorch"}

#: The frameworks whose rules the page's script carries (assets/calculator/convdims.js
#: ports them from convdims.conventions); the command line knows every framework of
#: ``convdims.conventions.FRAMEWORKS``.
SCRIPTED = ("keras", "torch")

LAYERS = (
    ("conv", "Convolution"),
    ("pool", "Pooling (max or average)"),
    ("transpose", "Transposed convolution"),
)


def frameworks() -> list[tuple[str, str]]:
    """(value, label) of every framework the calculator offers, in the library's order:
    those of ``SCRIPTED`` (the page's script carries their rules).

    The names are those ``convdims conv --framework`` accepts.
    """
    from convdims.conventions import FRAMEWORKS

    return [
        (name, _LABELS.get(name, name.capitalize()))
        for name in FRAMEWORKS
        if name in SCRIPTED
    ]


def _options(items: list[tuple[str, str]] | tuple[tuple[str, str], ...]) -> str:
    return "".join(
        f'<option value="{escape(value)}">{escape(label)}</option>'
        for value, label in items
    )


def _select(form_id: str, name: str, label: str, items) -> str:
    ident = f"{form_id}-{name}"
    return (
        f'<div class="cd-field"><label for="{ident}">{label}</label>'
        f'<select id="{ident}" name="{name}">{_options(items)}</select></div>'
    )


def calculator_html(root: str, *, compact: bool = False) -> str:
    """The form, its answer area and the script tags, for a page ``root`` below the top.

    Args:
        root: the relative path from the page to the site's root ("../" for
            ``calculator/``, "" for the home page).
        compact: the home page's short version (no per-axis fields, no picture), with a
            link to the full calculator.
    """
    mode = "compact" if compact else "full"
    form_id = "cd-calc-home" if compact else "cd-calc"
    head = (
        f'<link rel="stylesheet" href="{root}assets/calculator/calculator.css">'
        f'<form class="cd-calc cd-calc-{mode}" id="{form_id}" data-mode="{mode}" '
        f'data-calculator="{root}calculator/" novalidate autocomplete="off" '
        f'aria-label="Output size calculator">'
        '<div class="cd-row">'
        + _select(form_id, "layer", "Layer", LAYERS)
        + _select(form_id, "framework", "Framework", frameworks())
    )
    if not compact:
        head += _select(
            form_id, "axes", "Axes", (("1", "1-D"), ("2", "2-D"), ("3", "3-D"))
        ) + (
            '<label class="cd-check"><input type="checkbox" name="same" checked> '
            "Same for all axes</label>"
        )
    head += "</div>"
    body = (
        '<div class="cd-fields"></div>'
        '<div class="cd-answer" aria-live="polite">'
        '<p class="cd-result">Output size: <output name="output-size"></output></p>'
        '<div class="cd-alert" role="alert"></div>'
        '<div class="cd-details"></div>'
        "</div>"
    )
    if compact:
        body += (
            f'<p class="cd-more"><a class="cd-open" href="{root}calculator/">'
            "Open this in the full calculator</a> (per-axis values, dilation, "
            "<code>ceil_mode</code>, <code>output_padding</code>, parameters, the window "
            "picture and the code).</p>"
        )
    script = f'<script type="module" src="{root}assets/calculator/calculator.js"></script>'
    noscript = (
        "<noscript><p>The calculator runs in the browser and needs JavaScript; "
        "the <code>convdims</code> command answers the same questions in a "
        "terminal.</p></noscript>"
    )
    return head + body + "</form>" + noscript + script

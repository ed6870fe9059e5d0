"""Every page in the nav, in the light and the dark palette, as Chromium shows it: it loads
cleanly and only from this site, its formulas are laid out as MathML, its figures are
visible, and it does not scroll sideways on a phone (390 px) or a desktop (1280 px)."""

from __future__ import annotations

import re

import pytest
import site_browser

try:
    PAGES = [source for _, source in site_browser.nav_pages()]
except Exception:  # noqa: BLE001 - mkdocs missing: the fixtures will say why
    PAGES = []

PALETTES = ["light", "dark"]
FIGURE = re.compile(r'<svg\b[^>]*\brole="img"')
CASES = [
    pytest.param(source, palette, id=f"{source}-{palette}")
    for source in PAGES
    for palette in PALETTES
]


def seen(visits, source, palette) -> site_browser.Visit:
    results, _ = visits
    return results[site_browser.page_path(source), palette]


@pytest.mark.parametrize(("source", "palette"), CASES)
def test_page_loads_cleanly_from_this_site_only(visits, source, palette):
    visit = seen(visits, source, palette)
    assert not visit.console_errors, f"{visit.url} ({palette}): console errors"
    assert not visit.failed_requests, f"{visit.url} ({palette}): failed requests"
    assert not visit.outside_requests, f"{visit.url} ({palette}): requests to other hosts"
    documents = [load for load in visit.loads if load.kind == "document"]
    assert documents and documents[0].bytes > 0


def test_no_worker_or_page_asked_another_host(visits):
    _, refused = visits
    assert not refused, (
        f"requests to other hosts were made (and refused): {sorted(set(refused))}"
    )


@pytest.mark.parametrize(("source", "palette"), CASES)
def test_page_is_in_the_palette_asked_for(visits, source, palette):
    visit = seen(visits, source, palette)
    assert visit.scheme == site_browser.PALETTES[palette]


@pytest.mark.parametrize(("source", "palette"), CASES)
def test_formulas_are_laid_out_as_mathml(visits, built_site, source, palette):
    visit = seen(visits, source, palette)
    has_math = "<math" in site_browser.built_html(built_site, source).read_text()
    for width, layout in visit.layout.items():
        math = layout["math"]
        if not has_math:
            assert not math
            continue
        shown = [m for m in math if m["shown"]]
        assert shown, f"{visit.url} at {width}px: the page has math but none is shown"
        hidden = [m["what"] for m in math if not m["shown"] and not m["hiddenOnPurpose"]]
        assert not hidden, f"{visit.url} at {width}px: formulas not shown: {hidden[:5]}"
        empty = [m["what"] for m in shown if min(m["size"]) <= 0]
        assert not empty, f"{visit.url} at {width}px: formulas of zero size: {empty[:5]}"
        # Chromium lays MathML out itself: display is "math" / "block math"
        not_math = [(m["what"], m["display"]) for m in shown if "math" not in m["display"]]
        assert not not_math, (
            f"{visit.url} at {width}px: not laid out as MathML: {not_math[:5]}"
        )


@pytest.mark.parametrize(("source", "palette"), CASES)
def test_figures_are_visible(visits, built_site, source, palette):
    visit = seen(visits, source, palette)
    expected = len(FIGURE.findall(site_browser.built_html(built_site, source).read_text()))
    for width, layout in visit.layout.items():
        figures = layout["figures"]
        assert len(figures) >= expected, f"{visit.url}: figures missing from the DOM"
        hidden = [f["what"] for f in figures if not f["shown"] and not f["hiddenOnPurpose"]]
        assert not hidden, f"{visit.url} at {width}px: figures not shown: {hidden}"
        empty = [f["what"] for f in figures if f["shown"] and min(f["size"]) <= 0]
        assert not empty, f"{visit.url} at {width}px: figures of zero size: {empty}"


@pytest.mark.parametrize(("source", "palette"), CASES)
def test_page_does_not_scroll_sideways(visits, source, palette):
    visit = seen(visits, source, palette)
    assert set(visit.layout) == {site_browser.DESKTOP["width"], site_browser.PHONE["width"]}
    for width, layout in visit.layout.items():
        assert layout["clientWidth"] <= width
        assert layout["scrollWidth"] <= layout["clientWidth"], (
            f"{visit.url} at {width}px is {layout['scrollWidth']}px wide; "
            f"sticking out: {layout['overflowing']}"
        )


@pytest.mark.parametrize("source", PAGES)
def test_page_weighs_under_budget_and_loads_no_math_script(visits, source):
    """From the browser's network log; benchmarks/bench_page_weight.py prints the detail."""
    visit = seen(visits, source, "light")
    total = sum(load.bytes for load in visit.loads)
    heaviest = [
        (load.url.rsplit("/", 1)[-1], load.bytes // 1024)
        for load in sorted(visit.loads, key=lambda load: -load.bytes)[:3]
    ]
    budget = site_browser.PAGE_BUDGET_KB
    assert total <= budget * 1024, (
        f"{visit.url} loads {total / 1024:.0f} KB (budget {budget} KB); "
        f"heaviest (file, KB): {heaviest}"
    )
    math = [load.url for load in visit.loads if site_browser.MATH_SCRIPT.search(load.url)]
    assert not math, f"{visit.url} loads math scripts: {math}"


def test_no_page_loads_the_search_index_before_a_search(visits):
    """docs/_overrides/main.html holds the index back until the reader goes to search."""
    loaded = [
        visit.url
        for visit in visits[0].values()
        if any("search_index" in load.url for load in visit.loads)
    ]
    assert not loaded, f"these pages loaded the search index on their own: {loaded[:5]}"


@pytest.mark.parametrize(("source", "palette"), CASES)
def test_outputs_keep_their_lines(visits, source, palette):
    """Code blocks and outputs (notebook outputs included) scroll sideways; the browser
    never wraps them, and never breaks a token (a torchinfo table wrapped mid-number is
    unreadable)."""
    visit = seen(visits, source, palette)
    assert not visit.text["wrapping"], (
        f"{visit.url} ({palette}): preformatted text that wraps: {visit.text['wrapping']}"
    )


@pytest.mark.parametrize("source", PAGES)
def test_no_raw_latex_in_prose(visits, source):
    """Every $...$ became MathML: no LaTeX command or dollar-delimited formula is left
    as text outside code."""
    visit = seen(visits, source, "light")
    assert not visit.text["rawLatex"], (
        f"{visit.url}: LaTeX shown as text: {visit.text['rawLatex']}"
    )


@pytest.mark.parametrize("source", PAGES)
def test_no_rest_roles_shown_as_text(visits, source):
    """Docstrings cross-reference with mkdocstrings' [name][] syntax; a reST role
    (:class:`Figure`) would be printed as text."""
    visit = seen(visits, source, "light")
    assert not visit.text["roles"], (
        f"{visit.url}: reST roles shown as text: {visit.text['roles']}"
    )

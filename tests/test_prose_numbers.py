"""No number typed by hand in the prose: each one is backed by something the page computes.

What is checked, exactly. For every Markdown page in the nav, the numbers of its *prose*
(the source outside code fences, code spans, link targets and HTML tags; math included,
``{{= ... }}`` inline values excluded since the build computes them) are counted, and so
are the numbers of the built page's article (prose, computed values, block outputs, code,
tables, figures' text). A prose number is **backed** when the built page shows it more
often than the prose alone does: some block, doctest, inline value or code on the same
page also shows it. A prose number that is not backed fails the test, unless it is

- declared as given in the page's front matter (``given: [224, 390]``: sizes chosen by the
  page, not results), or
- a citation: right after "line(s)", "commit", "arXiv" or "issue" (ranges included), a
  version (a decimal right after "Python", "Keras", "PyTorch", "torch" or "torchinfo"),
  or a year (1950-2030).

So a hand-typed result that the page does not also compute fails (a typo in a copied
number is caught); a typed number that happens to equal something else on the page is not.
``test_the_check_catches_a_typed_result`` shows the check failing on such a page.
"""

from __future__ import annotations

import html
import re
import sys
from collections import Counter
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
sys.path.insert(0, str(ROOT / "tests" / "browser"))

import site_browser  # noqa: E402

FENCE = re.compile(
    r"^([ \t]*)(`{3,}|~{3,})[^\n]*\n.*?^\1\2[ \t]*$", re.MULTILINE | re.DOTALL
)
FRONT = re.compile(r"\A---\n(.*?)\n---\n", re.DOTALL)
NUMBER = re.compile(r"(?<![\w.])(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)(?!\w)")
CITED = re.compile(r"(?:\blines?|\bcommit|\barXiv:?|\bissue)\s*$")
VERSION_OF = re.compile(r"(?:\bPython|\bKeras|\bPyTorch|\btorch|\btorchinfo)\s*$")
RANGE = re.compile(r"[\d\s,\u2013-]+$")  # "lines 91-117": the 117 is cited too
PAGES = [source for _, source in site_browser.nav_pages() if source.endswith(".md")]


def given(markdown: str) -> set[str]:
    """Numbers the front matter declares as given (``given: [10, 11]``)."""
    front = FRONT.match(markdown)
    if not front:
        return set()
    line = re.search(r"^given:\s*\[([^\]]*)\]", front.group(1), re.MULTILINE)
    return {n.strip() for n in line.group(1).split(",")} if line else set()


def prose(markdown: str) -> str:
    """The page source without front matter, code, link targets, tags and inline values."""
    text = FRONT.sub(" ", markdown)
    text = FENCE.sub(" ", text)
    text = re.sub(r"\{\{=.*?\}\}", " ", text)
    text = re.sub(r"(`+).+?\1", " ", text)
    text = re.sub(r"\]\([^)]*\)", "] ", text)
    text = re.sub(r"<[^>]+>", " ", text)
    text = re.sub(r"\{[#.][^}]*\}", " ", text)
    return text


def prose_numbers(text: str) -> Counter:
    found: Counter = Counter()
    for match in NUMBER.finditer(text):
        number = match.group(1).replace(",", "")
        before = text[max(0, match.start() - 24) : match.start()]
        year = re.fullmatch(r"(19[5-9]\d|20[0-2]\d|2030)", number)
        version = "." in number and VERSION_OF.search(before)
        if CITED.search(RANGE.sub("", before)) or CITED.search(before) or year or version:
            continue
        found[number] += 1
    return found


def page_numbers(built: Path) -> Counter:
    """Every number of the built page's article (annotations of formulas left out: they
    repeat the LaTeX source)."""
    text = built.read_text(encoding="utf-8")
    start = text.find("<article")
    text = text[start : text.find("</article>", start)]
    text = re.sub(r"<(script|style|annotation)\b.*?</\1>", " ", text, flags=re.DOTALL)
    text = html.unescape(re.sub(r"<[^>]+>", " ", text))
    return Counter(m.group(1).replace(",", "") for m in NUMBER.finditer(text))


def unbacked(markdown: str, built: Path) -> list[str]:
    typed = prose_numbers(prose(markdown))
    shown = page_numbers(built)
    declared = given(markdown)
    return sorted(
        (n for n, count in typed.items() if shown[n] <= count and n not in declared),
        key=float,
    )


@pytest.mark.slow
@pytest.mark.parametrize("source", PAGES)
def test_every_prose_number_is_computed_on_its_page(built_site, source):
    markdown = (DOCS / source).read_text(encoding="utf-8")
    missing = unbacked(markdown, site_browser.built_html(built_site, source))
    assert not missing, (
        f"docs/{source}: the prose types {missing} but nothing on the page computes them; "
        "print them from a block, write them as {{= expression }}, or declare sizes the "
        "page chooses in its front matter (given: [...])"
    )


def test_the_check_catches_a_typed_result(tmp_path):
    """A page that types 31 where the block prints 30 fails; the computed version passes."""
    built = tmp_path / "index.html"
    built.write_text(
        "<article><p>A 3x3 kernel on 32 cells gives 31 cells.</p>"
        "<pre><code>conv_output_size(32, 3)\n30</code></pre></article>"
    )
    assert unbacked("A 3x3 kernel on 32 cells gives 31 cells.\n", built) == ["31"]
    built.write_text(
        "<article><p>A 3x3 kernel on 32 cells gives 30 cells.</p>"
        "<pre><code>conv_output_size(32, 3)\n30</code></pre></article>"
    )
    computed = "A 3x3 kernel on 32 cells gives {{= conv_output_size(32, 3) }} cells.\n"
    assert unbacked(computed, built) == []
    assert unbacked("---\ngiven: [31]\n---\nWe pick 31 cells.\n", built) == []
    assert unbacked("Fixed in PyTorch 2.13, lines 91-117 (2019).\n", built) == []
    assert unbacked("On 113 Keras 57.\n", built) == ["57", "113"]  # results after a name

"""MkDocs hook: every page stays offline, light, and fits a phone.

- Material fetches the repository's stars and forks from the GitHub API for the header's
  repository link: the link stays, the fetch goes (the site makes no request elsewhere).
- The search index (which docs/_overrides/main.html loads on a reader's first search)
  would be mostly long code listings and printed outputs (model summaries of hundreds of
  lines), which match every layer name:
  ``<pre>`` blocks longer than ``SEARCH_MAX_LINES`` lines stay out of the index (Material's
  ``data-search-exclude``); the prose around them, headings and short code stay in.
- Material's search plugin parses each page's HTML to index it. It is handed the page
  without its SVG figures (whose labels are cell numbers, not words a reader searches
  for) and without the ``<pre>`` blocks excluded above, so it neither indexes nor parses
  them; the page itself keeps everything.
- Display formulas wider than a phone scroll inside themselves, not the page.

Measured by benchmarks/bench_page_weight.py; checked by tests/browser.
"""

from __future__ import annotations

import re

from mkdocs.plugins import CombinedEvent, event_priority

SEARCH_MAX_LINES = 12

_SOURCE_FACTS = ' data-md-component="source"'
_PRE = re.compile(r"<pre\b([^>]*)>(.*?)</pre>", re.DOTALL | re.IGNORECASE)
_NOT_SEARCHED = re.compile(
    r"<svg\b.*?</svg>|<pre data-search-exclude\b.*?</pre>", re.DOTALL
)
_MATH_DISPLAY = '<div class="math-display">'
_MATH_DISPLAY_SCROLLS = '<div class="math-display" style="overflow-x: auto">'


def _exclude_long(match: re.Match) -> str:
    attributes, body = match.groups()
    if body.count("\n") <= SEARCH_MAX_LINES or "data-search-exclude" in attributes:
        return match.group(0)
    return f"<pre data-search-exclude{attributes}>{body}</pre>"


def on_page_content(html, page, config, files):
    html = _PRE.sub(_exclude_long, html)
    return html.replace(_MATH_DISPLAY, _MATH_DISPLAY_SCROLLS)


@event_priority(100)  # before Material's search plugin (priority 0) reads page.content
def _index_less(context, page, config, nav):
    page.convdims_full_content = page.content
    page.content = _NOT_SEARCHED.sub("", page.content)
    return context


@event_priority(-100)  # after it: the page is rendered whole
def _render_all(context, page, config, nav):
    page.content = page.convdims_full_content
    del page.convdims_full_content
    return context


on_page_context = CombinedEvent(_index_less, _render_all)


def on_post_page(output, page, config):
    return output.replace(_SOURCE_FACTS, "")

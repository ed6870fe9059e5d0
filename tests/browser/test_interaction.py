"""What a reader does with the site in Chromium: search by typing, switch content tabs, copy
code with the copy button, switch the palette, and download a notebook page's notebook."""

from __future__ import annotations

import html
import json
import re
from pathlib import Path
from urllib.parse import urlsplit

import pytest
import site_browser

ROOT = site_browser.ROOT
COPY_BUTTON = "button[data-md-type=copy], button.md-clipboard"
QUERIES = ["ceil_mode", "same padding", "output_padding", "BatchNorm"]


def article_text(path: Path) -> str:
    """The searchable text of a built page's article, lower-cased, tags and math removed."""
    text = path.read_text()
    start = text.find("<article")
    text = text[start : text.find("</article>", start)] if start >= 0 else text
    text = re.sub(r"<(script|style|math|svg)\b.*?</\1>", " ", text, flags=re.DOTALL)
    # figures and blocks the build keeps out of the search index (docs/_hooks/lean_pages.py)
    text = re.sub(r"<pre data-search-exclude\b.*?</pre>", " ", text, flags=re.DOTALL)
    return html.unescape(re.sub(r"<[^>]+>", " ", text)).lower()


def first_page_with(built_site, nav, marker: str) -> str:
    for _, source in nav:
        if marker in site_browser.built_html(built_site, source).read_text():
            return site_browser.page_path(source)
    pytest.skip(f"no page in the nav has {marker!r} yet")


async def new_page(session, site, **options):
    outside: list[str] = []
    context = await site_browser.new_context(
        session.browser, site, "light", outside, **options
    )
    page = await context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    return context, page, errors, outside


@pytest.mark.parametrize("query", QUERIES)
def test_search_finds_the_pages_for(session, site, built_site, nav, query):
    words = query.lower().split()
    texts = {
        site_browser.page_path(source): article_text(
            site_browser.built_html(built_site, source)
        )
        for _, source in nav
    }
    relevant = {path for path, text in texts.items() if all(word in text for word in words)}
    assert relevant, f"no page of the site mentions {query!r}"
    most = max(relevant, key=lambda path: sum(texts[path].count(word) for word in words))

    async def search():
        context, page, errors, outside = await new_page(session, site)
        try:
            await page.goto(site, wait_until="load")
            await page.locator("input.md-search__input").click()
            await page.keyboard.type(query, delay=30)
            items = page.locator(".md-search-result__item > a.md-search-result__link")
            await items.first.wait_for(state="visible", timeout=15000)
            hrefs = await items.evaluate_all("(links) => links.map((a) => a.href)")
            more = page.locator(".md-search-result__more summary")
            return hrefs, await more.count(), errors, outside
        finally:
            await context.close()

    hrefs, _, errors, outside = session.run(search())
    assert not errors and not outside
    # links carry ?h=<query> (search.highlight) and #anchor: keep the page's path
    found = [urlsplit(href).path.lstrip("/") for href in hrefs]
    assert found, f"searching {query!r} shows no result"
    assert found[0] in relevant, f"top result for {query!r} is {found[0]}, which lacks it"
    assert most in found, f"{query!r}: {most} mentions it most but is not among {found}"


def test_search_index_waits_for_the_reader_and_shortcut_keys_search(session, site):
    """Nothing fetches the index until the reader goes to search; the "/" key does."""

    async def search():
        context, page, errors, outside = await new_page(session, site)
        asked: list[str] = []
        page.on(
            "request",
            lambda request: "search_index" in request.url and asked.append(request.url),
        )
        try:
            await page.goto(site, wait_until="load")
            await page.wait_for_load_state("networkidle")
            before = list(asked)
            await page.keyboard.press("/")
            await page.keyboard.type("ceil_mode", delay=30)
            items = page.locator(".md-search-result__item > a.md-search-result__link")
            await items.first.wait_for(state="visible", timeout=15000)
            return before, list(asked), await items.count(), errors, outside
        finally:
            await context.close()

    before, after, found, errors, outside = session.run(search())
    assert before == [], "the search index was fetched before the reader searched"
    assert len(after) == 1, after
    assert found > 0
    assert not errors and not outside


def test_a_shared_search_link_opens_with_results(session, site):
    async def shared():
        context, page, errors, outside = await new_page(session, site)
        try:
            await page.goto(f"{site}?q=BatchNorm", wait_until="load")
            items = page.locator(".md-search-result__item > a.md-search-result__link")
            await items.first.wait_for(state="visible", timeout=15000)
            return await items.count(), errors, outside
        finally:
            await context.close()

    found, errors, outside = session.run(shared())
    assert found > 0
    assert not errors and not outside


def test_page_opened_from_a_search_result_highlights_the_query(
    session, site, built_site, nav
):
    path = first_page_with(built_site, nav, "ceil_mode")

    async def highlighted():
        context, page, errors, outside = await new_page(session, site)
        try:
            await page.goto(f"{site}{path}?h=ceil_mode", wait_until="load")
            marks = page.locator("article mark")
            await marks.first.wait_for(state="attached", timeout=15000)
            return await marks.all_inner_texts(), errors, outside
        finally:
            await context.close()

    texts, errors, outside = session.run(highlighted())
    assert texts and all(text.lower() == "ceil_mode" for text in texts), texts
    assert not errors and not outside


def test_content_tabs_switch(session, site, built_site, nav):
    path = first_page_with(built_site, nav, 'class="tabbed-set')

    async def switch():
        context, page, errors, _ = await new_page(session, site)
        try:
            await page.goto(site + path, wait_until="load")
            tabs = page.locator(".tabbed-set").first
            labels = tabs.locator(":scope > .tabbed-labels > label")
            blocks = tabs.locator(":scope > .tabbed-content > .tabbed-block")
            assert await labels.count() >= 2
            before = [await blocks.nth(i).is_visible() for i in range(2)]
            await labels.nth(1).click()
            after = [await blocks.nth(i).is_visible() for i in range(2)]
            await labels.nth(0).click()
            back = [await blocks.nth(i).is_visible() for i in range(2)]
            return before, after, back, errors
        finally:
            await context.close()

    before, after, back, errors = session.run(switch())
    assert before == [True, False]
    assert after == [False, True]
    assert back == [True, False]
    assert not errors


def test_copy_button_copies_the_code(session, site, built_site, nav):
    path = first_page_with(built_site, nav, 'class="highlight"')

    async def copy():
        context, page, errors, _ = await new_page(
            session, site, permissions=["clipboard-read", "clipboard-write"]
        )
        try:
            await page.goto(site + path, wait_until="load")
            # Material 9.8: pre > nav.md-code__nav > button; older: pre > button
            button = COPY_BUTTON
            block = (
                page.locator(".md-content pre:has(> code)")
                .filter(has=page.locator(button))
                .first
            )
            await block.scroll_into_view_if_needed()
            code = await block.locator(":scope > code").inner_text()
            await block.hover()
            await block.locator(button).first.click()
            copied = await page.evaluate("() => navigator.clipboard.readText()")
            return code, copied, errors
        finally:
            await context.close()

    code, copied, errors = session.run(copy())
    assert code.strip(), "the code block is empty"
    assert copied.strip() == code.strip()
    assert not errors


def test_palette_toggle_switches_and_is_remembered(session, site):
    async def toggle():
        context, page, errors, _ = await new_page(session, site)
        try:
            await page.goto(site, wait_until="load")
            scheme = "() => document.body.getAttribute('data-md-color-scheme')"
            first = await page.evaluate(scheme)
            await page.locator(
                "form[data-md-component=palette] label:visible"
            ).first.click()
            switched = await page.evaluate(scheme)
            await page.reload(wait_until="load")
            kept = await page.evaluate(scheme)
            return first, switched, kept, errors
        finally:
            await context.close()

    first, switched, kept, errors = session.run(toggle())
    assert (first, switched, kept) == ("default", "slate", "slate")
    assert not errors


try:
    NOTEBOOKS = [
        source for _, source in site_browser.nav_pages() if source.endswith(".ipynb")
    ]
except Exception:  # noqa: BLE001 - mkdocs missing: the fixtures will say why
    NOTEBOOKS = []


@pytest.mark.parametrize("source", NOTEBOOKS)
def test_notebook_page_opens_and_downloads_its_notebook(session, site, source):
    path = site_browser.page_path(source)

    async def download():
        context, page, errors, outside = await new_page(
            session, site, accept_downloads=True
        )
        try:
            await page.goto(site + path, wait_until="load")
            cells = await page.locator(".jupyter-wrapper .jp-Cell").count()
            link = page.locator("a[download][href$='.ipynb']")
            async with page.expect_download() as info:
                await link.click()
            saved = await (await info.value).path()
            return cells, Path(saved).read_text(encoding="utf-8"), errors, outside
        finally:
            await context.close()

    cells, text, errors, outside = session.run(download())
    assert cells > 0, f"{path} shows no notebook cell"
    downloaded = json.loads(text)
    assert downloaded == json.loads((ROOT / "docs" / source).read_text(encoding="utf-8"))
    assert downloaded["nbformat"] == 4 and downloaded["cells"]
    assert not errors and not outside


# What readers type, and the page that answers it (issue 16): it must be the first result.
ANSWERS = [
    ("ceil mode", "explanation/stride-and-rounding/"),
    ("mat1 and mat2 shapes cannot be multiplied", "how-to/fix-shape-errors/"),
    ("upsample", "explanation/upsampling/"),
    ("padding_mode", "explanation/padding/"),
    ("caffe", "how-to/caffe-pooling/"),
]


@pytest.mark.parametrize(("query", "answer"), ANSWERS)
def test_search_puts_the_answering_page_first(session, site, query, answer):
    async def search():
        context, page, errors, outside = await new_page(session, site)
        try:
            await page.goto(site, wait_until="load")
            await page.locator("input.md-search__input").click()
            await page.keyboard.type(query, delay=30)
            items = page.locator(".md-search-result__item > a.md-search-result__link")
            await items.first.wait_for(state="visible", timeout=15000)
            return await items.evaluate_all("(links) => links.map((a) => a.href)")
        finally:
            await context.close()

    hrefs = session.run(search())
    found = [urlsplit(href).path.lstrip("/") for href in hrefs]
    assert found and found[0] == answer, f"searching {query!r}: results are {found[:5]}"

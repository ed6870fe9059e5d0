"""The Run buttons (issue 18), pressed in Chromium on the built site: convdims itself runs
in the page (Pyodide and the wheel served by the site) and prints what the page shows.

Every expected output is the page's own (the Output tab, the pycon transcript, the
notebook's outputs) or, for an edited example, what convdims.cli.browser gives in this
process for the same source. Every context refuses and records any request that is not
to the test server; each test requires there was none.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest
import site_browser

from convdims.cli import browser

ROOT = Path(__file__).resolve().parents[2]
SNIPPETS = ROOT / "docs" / "snippets"
REQUIRE = os.environ.get("CONVDIMS_REQUIRE_BROWSER") == "1"
RUN_TIMEOUT_MS = 180_000  # Pyodide's first start on a busy 2-core machine
SHOTS = os.environ.get("CONVDIMS_SCREENSHOTS")
# What Run loads (markdown-exec's own _markdown_exec_pyodide.js is not Pyodide)
BROKEN = "import keras\nmodel = keras.Sequential([keras.Input((4, 4, 3)),\n" \
    "    keras.layers.Conv2D(3, 5)])\n"  # fmt: skip
AFTER = "following-sibling::div[contains(@class, '{}')][1]"
HEAVY = r"/assets/pyodide/|\.whl|/assets/run/worker\.js"


@pytest.fixture(scope="module")
def run_site(site, built_site):
    """The served site, if its build has the Run buttons (npm ci was run)."""
    if not (built_site / "assets" / "pyodide" / "pyodide.asm.wasm").is_file():
        reason = "the site was built without Pyodide: run `npm ci` (README, 'Run buttons')"
        if REQUIRE:
            pytest.fail(f"CONVDIMS_REQUIRE_BROWSER=1 but {reason}", pytrace=False)
        pytest.skip(reason)
    return site


class Tab:
    """One page in its own context, refusing (and recording) requests to other hosts."""

    def __init__(self, session, base: str, path: str, palette="light", viewport=None):
        self.session, self.base, self.path = session, base, path
        self.palette, self.viewport = palette, viewport or site_browser.DESKTOP
        self.outside: list[str] = []
        self.requests: list[str] = []
        self.errors: list[str] = []

    async def open(self, url: str | None = None):
        self.context = await site_browser.new_context(
            self.session.browser, self.base, self.palette, self.outside
        )
        # the module worker's own requests are not the page's: record the context's
        self.context.on("request", lambda request: self.requests.append(request.url))
        self.page = await self.context.new_page()
        await self.page.set_viewport_size(self.viewport)
        self.page.on("pageerror", lambda error: self.errors.append(str(error)))
        self.page.on(
            "console",
            lambda m: m.type == "error" and self.errors.append(m.text),
        )
        await self.page.goto(url or self.base + self.path, wait_until="load")
        await self.page.wait_for_load_state("networkidle")
        return self.page

    async def close(self):
        await self.context.close()


def run(session, coroutine):
    return session.run(coroutine)


async def press(page, bar):
    """Press the Run button of ``bar`` (a locator of .cd-run-bar) and wait for the end."""
    await bar.locator(".cd-run-button").click()
    handle = await bar.element_handle()
    await page.wait_for_function(
        "(bar) => bar.dataset.state === 'done'", arg=handle, timeout=RUN_TIMEOUT_MS
    )
    output = bar.locator(f"xpath={AFTER.format('cd-run-output')}")
    stdout = output.locator(":scope > pre.cd-run-stdout")
    errors = output.locator(":scope > pre.cd-run-error")
    text = "\n".join([t for t in await stdout.all_text_contents()])
    error = "\n".join(await errors.all_text_contents())
    return text, error, output


def _tabs_of(page, snippet: str):
    """The tabbed set of a snippet (its first tab's block is titled with the file)."""
    return page.locator(".tabbed-set").filter(
        has=page.locator(f"div.highlight > .filename:text-is('{snippet}')")
    )


def test_pages_load_nothing_of_run_until_run_is_pressed(session, run_site):
    tab = Tab(session, run_site, "tutorial/")

    async def go():
        page = await tab.open()
        bars = await page.locator(".cd-run-bar").count()
        await tab.close()
        return bars

    bars = run(session, go())
    assert bars >= 8, f"tutorial: {bars} Run buttons"
    heavy = [u for u in tab.requests if re.search(HEAVY, u)]
    assert not heavy, f"loaded before any Run: {heavy}"
    assert not tab.outside and not tab.errors


def test_run_keras_torch_and_pycon_on_the_tutorial_then_edit_and_fail(session, run_site):
    """The Keras and PyTorch summary tabs print their Output tab; the last pycon block
    (which uses names imported by the blocks above it) prints its own transcript; an
    edited example prints what convdims prints for the edit; a broken one, its error."""
    tab = Tab(session, run_site, "tutorial/")
    keras_source = (SNIPPETS / "keras_seed.py").read_text()
    edited = keras_source.replace("Conv2D(5, 3)", "Conv2D(7, 3)")
    broken = keras_source.replace("Conv2D(5, 3)", "Conv2D(5, 40)")
    assert edited != keras_source and broken != keras_source

    async def go():
        page = await tab.open()
        results = {}
        for snippet in ("keras_seed.py", "torch_seed.py"):
            tabs = _tabs_of(page, snippet)
            output_tab = tabs.locator(".tabbed-block").nth(2)
            expected = await output_tab.locator("code").text_content()
            await tabs.locator(".tabbed-labels > label").first.click()
            bar = tabs.locator(".tabbed-block").first.locator(".cd-run-bar")
            results[snippet] = (await press(page, bar), expected)
        blocks = page.locator("div.language-pycon.highlight")
        last = blocks.nth(await blocks.count() - 1)
        shown = await last.locator("code").text_content()
        bar = last.locator(f"xpath={AFTER.format('cd-run-bar')}")
        results["pycon"] = (await press(page, bar), shown)
        # edit the Keras example, then break it
        tabs = _tabs_of(page, "keras_seed.py")
        await tabs.locator(".tabbed-labels > label").first.click()
        editor = tabs.locator(".tabbed-block").first.locator("textarea.cd-run-editor")
        bar = tabs.locator(".tabbed-block").first.locator(".cd-run-bar")
        await editor.fill(edited)
        results["edited"] = await press(page, bar)
        await editor.fill(broken)
        results["broken"] = await press(page, bar)
        results["timings"] = await page.evaluate("window.convdimsRun.timings")
        await tab.close()
        return results

    results = run(session, go())
    for snippet in ("keras_seed.py", "torch_seed.py"):
        (text, error, _), expected = results[snippet]
        assert not error, f"{snippet}: {error}"
        assert text.rstrip("\n") == expected.rstrip("\n"), snippet
    (text, error, _), shown = results["pycon"]
    assert not error
    assert text.rstrip("\n") == shown.rstrip("\n")
    text, error, _ = results["edited"]
    want = browser.run_script(edited, "keras_seed.py")
    assert not error and want["error"] is None
    assert text == want["output"].rstrip("\n")
    assert "(None, 30, 30, 7)" in text
    text, error, _ = results["broken"]
    want = browser.run_script(broken, "keras_seed.py")
    assert want["error"] and error == want["error"]
    assert "keras_seed.py raised ValueError" in error
    assert not text
    assert results["timings"]["start"] > 0 and len(results["timings"]["runs"]) == 5
    assert not tab.outside, f"requests to other hosts: {tab.outside}"
    assert not tab.errors, tab.errors


def test_run_notebook_cells(session, run_site):
    """LeNet-5's cells print what the executed notebook shows: a dict, a Markdown table
    (the cells above run first) and the torchinfo summary."""
    tab = Tab(session, run_site, "examples/lenet5/")

    async def go():
        page = await tab.open()
        cells = page.locator(".jp-Cell.jp-CodeCell[id^='cell-id']")
        found = []
        for number in range(await cells.count()):
            cell = cells.nth(number)
            bar = cell.locator(".cd-run-bar")
            shown = cell.locator(".jp-OutputArea-output")
            if not await shown.count():
                continue
            text, error, output = await press(page, bar)
            page_table = await shown.locator("table tr").all_inner_texts()
            run_table = await output.locator("table tr").all_inner_texts()
            found.append(
                (number, text, error, await shown.first.inner_text(), page_table, run_table)
            )
        await tab.close()
        return found

    found = run(session, go())
    assert len(found) >= 4
    for number, text, error, shown, page_table, run_table in found:
        assert not error, f"cell {number}: {error}"
        if page_table:
            assert run_table == page_table, f"cell {number}"
        else:
            assert text.strip() == shown.strip(), f"cell {number}"
    assert any("Total params" in text for _, text, *_ in found)
    assert not tab.outside and not tab.errors, (tab.outside, tab.errors)


def test_playground_summarises_a_pasted_model_and_its_link_reopens_it(
    session, run_site, tmp_path
):
    """On a phone, in the dark palette: the summary with the analysis columns is the
    one convdims gives here, the volumes picture has a box per layer, the page does not
    scroll sideways, and the link reopens the pasted file without starting Python; a
    file that fails shows the command line's error."""
    source = (SNIPPETS / "torch_check_model.py").read_text()
    want = browser.playground(source)
    tab = Tab(session, run_site, "playground/", palette="dark", viewport=site_browser.PHONE)
    folder = Path(SHOTS) if SHOTS else tmp_path
    folder.mkdir(parents=True, exist_ok=True)

    async def go():
        page = await tab.open()
        await page.locator("#cd-pg-source").fill(source)
        await page.locator("#cd-playground button[type='submit']").click()
        output = page.locator("#cd-pg-output")
        await page.wait_for_function(
            "() => document.getElementById('cd-pg-output').dataset.state === 'done'",
            timeout=RUN_TIMEOUT_MS,
        )
        summary = await output.locator(".cd-pg-summary").text_content()
        boxes = await output.locator("svg [data-shape]").count()
        errors = await output.locator(".cd-run-error").all_text_contents()
        url = page.url
        width = await page.evaluate(
            "() => [document.scrollingElement.scrollWidth, "
            "document.scrollingElement.clientWidth]"
        )
        await output.scroll_into_view_if_needed()
        await page.screenshot(path=str(folder / "run-playground-dark-390.png"))
        # a file that fails: the command line's error, naming the line
        await page.locator("#cd-pg-source").fill(BROKEN)
        await page.locator("#cd-playground button[type='submit']").click()
        await page.wait_for_function(
            "() => document.getElementById('cd-pg-output').dataset.state === 'done'",
            timeout=RUN_TIMEOUT_MS,
        )
        failed = await output.locator(".cd-run-error").all_text_contents()
        await tab.close()
        again = Tab(session, run_site, "playground/")
        reopened = await again.open(url)
        value = await reopened.locator("#cd-pg-source").input_value()
        heavy = [u for u in again.requests if re.search(HEAVY, u)]
        await again.close()
        return summary, boxes, errors, url, value, heavy, again, width, failed

    summary, boxes, errors, url, value, heavy, again, width, failed = run(session, go())
    assert failed == [f"convdims: error: {browser.playground(BROKEN)['error']['message']}"]
    assert "(line 2)" in failed[0]
    assert not errors, errors
    assert width[0] <= width[1], f"the playground scrolls sideways: {width}"
    assert want["error"] is None
    assert summary == want["summary"]
    assert boxes == want["figure"].count("data-shape=") > 0
    assert "#code=" in url
    assert value == source, "the link did not reopen the pasted file"
    assert not heavy, "reopening a link must not start Python"
    assert not tab.outside and not again.outside
    assert not tab.errors and not again.errors, (tab.errors, again.errors)


MEASURE = """() => {
  const root = document.scrollingElement;
  const editor = document.querySelector('textarea.cd-run-editor');
  const code = [...document.querySelectorAll('.md-content div.highlight pre > code')]
    .find((el) => el.checkVisibility());
  const style = (el) => { const s = getComputedStyle(el);
    return [s.backgroundColor, s.color, s.fontFamily]; };
  const output = document.querySelector('.cd-run-output pre');
  return {scrollWidth: root.scrollWidth, clientWidth: root.clientWidth,
    editor: style(editor), code: style(code),
    editorBox: editor.getBoundingClientRect().toJSON(),
    outputShown: !!output && output.checkVisibility()};
}"""


@pytest.mark.parametrize("palette", ["light", "dark"])
def test_run_looks_right_in_both_palettes_on_a_phone(session, run_site, palette, tmp_path):
    """At 390 px, after a run: the editor is in the code style of the palette, the
    output is shown, nothing makes the page scroll sideways. The screenshots are kept
    in CONVDIMS_SCREENSHOTS (or the test's temporary folder) to look at."""
    tab = Tab(session, run_site, "tutorial/", palette=palette, viewport=site_browser.PHONE)
    folder = Path(SHOTS) if SHOTS else tmp_path
    folder.mkdir(parents=True, exist_ok=True)

    async def go():
        page = await tab.open()
        tabs = _tabs_of(page, "keras_seed.py")
        bar = tabs.locator(".tabbed-block").first.locator(".cd-run-bar")
        await bar.scroll_into_view_if_needed()
        await press(page, bar)
        await tabs.scroll_into_view_if_needed()
        measured = await page.evaluate(MEASURE)
        await page.screenshot(path=str(folder / f"run-tutorial-{palette}-390.png"))
        scheme = await page.evaluate("document.body.getAttribute('data-md-color-scheme')")
        await tab.close()
        return measured, scheme

    measured, scheme = run(session, go())
    assert scheme == site_browser.PALETTES[palette]
    assert measured["scrollWidth"] <= measured["clientWidth"], measured
    assert measured["editor"] == measured["code"], "the editor is not in the code style"
    assert measured["editorBox"]["right"] <= site_browser.PHONE["width"]
    assert measured["outputShown"]
    assert not tab.outside and not tab.errors, (tab.outside, tab.errors)

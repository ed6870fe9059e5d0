"""What a Run button loads and how long it takes, in Chromium, from the built site.

For each page below, in a fresh browser context (empty cache) and then again in the same
context (the browser's cache warm, as on a reader's next page): the page is loaded, its
first Run button pressed, and then pressed again. The browser's network log gives every
request made after the first press (Pyodide, the wheel, the worker: bytes as served, and
gzip level 6 as a compressing static host would send them); ``window.convdimsRun.timings``
gives Python's start (in the worker: Pyodide, the wheel, importing convdims) and each
run's time in Python; the wall time is from the click to the output on the page.

    python benchmarks/bench_run.py [--site DIR] [--repeat N]

Needs a site built with Pyodide (``npm ci`` first); ``--site`` reuses a build.
"""

from __future__ import annotations

import argparse
import asyncio
import gzip
import statistics
import sys
import tempfile
import time
from pathlib import Path
from types import SimpleNamespace
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests" / "browser"))
sys.path.insert(0, str(ROOT / "benchmarks"))

import site_browser  # noqa: E402
from bench_page_weight import build_site  # noqa: E402

PAGES = ["tutorial/", "examples/lenet5/", "how-to/check-a-model/"]
DONE = "(bar) => bar.dataset.state === 'done'"


async def press(page, bar) -> float:
    started = time.perf_counter()
    await bar.locator(".cd-run-button").click()
    await page.wait_for_function(DONE, arg=await bar.element_handle(), timeout=300_000)
    return time.perf_counter() - started


async def measure(browser, base: str, path: str, context=None):
    outside: list[str] = []
    if context is None:
        context = await site_browser.new_context(browser, base, "light", outside)
    page = await context.new_page()
    requests: list = []
    armed = False
    context.on("requestfinished", lambda request: armed and requests.append(request))
    await page.goto(base + path, wait_until="load")
    await page.wait_for_load_state("networkidle")
    bar = page.locator(".cd-run-bar").first
    armed = True
    first = await press(page, bar)
    armed = False
    later = await press(page, bar)
    timings = await page.evaluate("window.convdimsRun.timings")
    loads = []
    for request in requests:
        sizes = await request.sizes()
        size = sizes["responseBodySize"]
        response = await request.response()
        if not size and response is not None:
            size = int(await response.header_value("content-length") or 0)
        path = urlsplit(request.url).path
        if "/assets/" in path:  # not the favicon Chromium asks for by itself
            loads.append((path, size))
    await page.close()
    return context, first, later, timings, loads, outside


def packed_size(site: Path, url_path: str) -> int:
    prefix = "/"
    path = site / url_path[len(prefix) :]
    if path.is_dir():
        path = path / "index.html"
    return len(gzip.compress(path.read_bytes(), compresslevel=6, mtime=0))


async def main_async(site: Path, repeat: int) -> None:
    from playwright.async_api import async_playwright

    with site_browser.serve(site) as base:
        playwright = await async_playwright().start()
        browser = await playwright.chromium.launch(
            executable_path=site_browser.CHROMIUM, args=site_browser.CHROMIUM_ARGS
        )
        session = SimpleNamespace(browser=browser)
        try:
            print(f"{site_browser.chromium_version()}; site {site}")
            print()
            print("| page | cache | first Run s | Python start s | later Run s | "
                  "run in Python ms | loaded KB | gzip KB |")  # fmt: skip
            print("|---|---|---:|---:|---:|---:|---:|---:|")
            detail = None
            for path in PAGES:
                for _ in range(repeat):
                    context, first, later, timings, loads, outside = await measure(
                        session.browser, base, path
                    )
                    assert not outside, outside
                    raw = sum(size for _, size in loads)
                    packed = sum(packed_size(site, p) for p, _ in loads)
                    runs = timings["runs"]
                    print(
                        f"| {path} | empty | {first:.1f} | {timings['start'] / 1000:.1f} "
                        f"| {later:.2f} | {statistics.median(runs):.0f} "
                        f"| {raw / 1024:,.0f} | {packed / 1024:,.0f} |"
                    )
                    detail = detail or loads
                    phases = ", ".join(
                        f"{name} {ms / 1000:.1f} s"
                        for name, ms in timings["phases"].items()
                    )
                    print(f"|   | start: {phases} | | | | | | |")
                    # the same context again: the next page a reader opens
                    _, first, later, timings, loads, _ = await measure(
                        session.browser, base, path, context
                    )
                    raw = sum(size for _, size in loads)
                    print(
                        f"| {path} | warm | {first:.1f} | {timings['start'] / 1000:.1f} "
                        f"| {later:.2f} | {statistics.median(timings['runs']):.0f} "
                        f"| {raw / 1024:,.0f} | |"
                    )
                    await context.close()
            print()
            print("What the first Run loads (empty cache), by file:")
            print()
            print("| file | KB | gzip KB |")
            print("|---|---:|---:|")
            for path, size in sorted(detail, key=lambda item: -item[1]):
                print(
                    f"| {path.rsplit('/', 1)[-1]} | {size / 1024:,.1f} "
                    f"| {packed_size(site, path) / 1024:,.1f} |"
                )
        finally:
            await browser.close()
            await playwright.stop()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", type=Path, help="a built site (default: build one)")
    parser.add_argument("--repeat", type=int, default=1)
    args = parser.parse_args()
    site = args.site
    if site is None:
        site = Path(tempfile.mkdtemp(prefix="convdims-site-"))
        build_site(site)
    if not (site / "assets" / "pyodide" / "pyodide.asm.wasm").is_file():
        sys.exit(f"{site} was built without Pyodide: run `npm ci`, then build again")
    asyncio.run(main_async(site, args.repeat))


if __name__ == "__main__":
    main()

"""Drive Debian's Chromium through Playwright over the built site, served on 127.0.0.1.

Shared by the browser tests (tests/browser) and the page-weight benchmark
(benchmarks/bench_page_weight.py). Playwright is imported lazily: without it this module
still imports, and :func:`missing_browser` says what is missing.
"""

from __future__ import annotations

import asyncio
import os
import re
import shutil
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = os.environ.get("CONVDIMS_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 390, "height": 844}
PALETTES = {"light": "default", "dark": "slate"}  # colour scheme -> Material's scheme name

# Issue 8's budget for what one page loads (bytes as this site sends them, uncompressed),
# and what a math renderer's script would be called (none may load).
PAGE_BUDGET_KB = 600
MATH_SCRIPT = re.compile(r"mathjax|katex|mathml|latex", re.IGNORECASE)


# -- what to visit ----------------------------------------------------------------------


def nav_pages(config: Path = ROOT / "mkdocs.yml") -> list[tuple[str, str]]:
    """(title, source file) for every page in mkdocs.yml's nav, in nav order."""
    from mkdocs.utils import yaml_load  # understands !ENV and !relative

    with open(config, encoding="utf-8") as handle:
        nav = yaml_load(handle)["nav"]
    pages: list[tuple[str, str]] = []

    def walk(items, title=None):
        if isinstance(items, str):
            pages.append((title or items, items))
        elif isinstance(items, list):
            for item in items:
                walk(item)
        elif isinstance(items, dict):
            for key, value in items.items():
                walk(value, key)

    walk(nav)
    return pages


def page_path(source: str) -> str:
    """The URL path (relative to the site root) of a page built from ``source``."""
    stem = source.rsplit(".", 1)[0]
    if stem == "index":
        return ""
    if stem.endswith("/index"):
        return stem[: -len("index")]
    return stem + "/"


def built_html(site: Path, source: str) -> Path:
    return site / page_path(source) / "index.html"


# -- the browser and the server --------------------------------------------------------


def missing_browser() -> str | None:
    """Why the browser tests cannot run here, or None when they can."""
    try:
        import playwright.async_api  # noqa: F401
    except ImportError as error:
        return (
            f"the browser tests need Playwright ({error}); install it with "
            "`pip install -r requirements-browser.txt`"
        )
    if not (os.path.isfile(CHROMIUM) and os.access(CHROMIUM, os.X_OK)):
        return (
            f"the browser tests need Chromium at {CHROMIUM}; install it with "
            "`apt-get install -y chromium` (or set CONVDIMS_CHROMIUM)"
        )
    return None


@contextmanager
def serve(site: Path) -> Iterator[str]:
    """Serve ``site`` with ``python -m http.server`` on a free port of 127.0.0.1.

    Port 0 lets the kernel pick a free port (no race); the server prints it. The server is
    stopped by its PID on exit. Yields the base URL, ending with a slash.
    """
    process = subprocess.Popen(
        [
            sys.executable,
            "-u",
            "-m",
            "http.server",
            "0",
            "--bind",
            "127.0.0.1",
            "--directory",
            str(site),
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    try:
        line = process.stdout.readline()
        match = re.search(r"port (\d+)", line)
        if not match:
            raise RuntimeError(f"http.server did not say its port: {line!r}")
        yield f"http://127.0.0.1:{match.group(1)}/"
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        process.stdout.close()


class Session:
    """One Chromium for the whole session, driven from one asyncio event loop.

    Tests are synchronous; they hand coroutines to :meth:`run`.
    """

    def __init__(self) -> None:
        self.loop = asyncio.new_event_loop()
        self._playwright = None
        self.browser = None

    def run(self, coroutine):
        return self.loop.run_until_complete(coroutine)

    def start(self) -> Session:
        from playwright.async_api import async_playwright

        async def launch():
            self._playwright = await async_playwright().start()
            self.browser = await self._playwright.chromium.launch(
                executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True
            )

        self.run(launch())
        return self

    def close(self) -> None:
        async def stop():
            if self.browser is not None:
                await self.browser.close()
            if self._playwright is not None:
                await self._playwright.stop()

        try:
            self.run(stop())
        finally:
            self.loop.run_until_complete(self.loop.shutdown_asyncgens())
            self.loop.close()


# -- one visit of one page -------------------------------------------------------------


@dataclass
class Load:
    """One request the page made, as the browser's network log saw it."""

    url: str
    kind: str  # Playwright resource type: document, stylesheet, script, font, image...
    bytes: int  # response body size as transferred (http.server does not compress)


@dataclass
class Visit:
    """What a browser saw on one page in one palette."""

    url: str
    palette: str
    scheme: str = ""  # Material's data-md-color-scheme on <body>
    console_errors: list[str] = field(default_factory=list)
    failed_requests: list[str] = field(default_factory=list)
    outside_requests: list[str] = field(default_factory=list)
    loads: list[Load] = field(default_factory=list)
    layout: dict[str, dict] = field(default_factory=dict)  # width -> measurements
    text: dict = field(default_factory=dict)  # what READ found: wrapping, LaTeX, roles


# Measures what a reader sees: math and figures (visible ones must have a size; hidden ones
# must be hidden on purpose, in a closed <details> or an inactive tab), and horizontal
# overflow of the page itself (the widest elements that stick out, for the error message).
MEASURE = """() => {
  const box = (el) => { const r = el.getBoundingClientRect(); return [r.width, r.height]; };
  const hiddenOnPurpose = (el) => {
    for (let p = el.parentElement; p; p = p.parentElement) {
      if (p.tagName === 'DETAILS' && !p.open) return true;
      if (p.classList.contains('tabbed-block')) return true;
    }
    return false;
  };
  const describe = (el) => el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') +
    (el.classList.length ? '.' + [...el.classList].join('.') : '');
  const shown = (el) => el.checkVisibility();
  const math = [...document.querySelectorAll('math')].map((el) => ({
    what: (el.getAttribute('alttext') || el.textContent).trim().slice(0, 60),
    shown: shown(el), hiddenOnPurpose: hiddenOnPurpose(el), size: box(el),
    display: getComputedStyle(el).display,
  }));
  const figures = [...document.querySelectorAll('svg[role="img"]')].map((el) => ({
    what: el.id || describe(el),
    shown: shown(el), hiddenOnPurpose: hiddenOnPurpose(el), size: box(el),
  }));
  const root = document.scrollingElement;
  const width = root.clientWidth;
  const scrollsItself = (el) => {
    for (let p = el.parentElement; p && p !== document.body; p = p.parentElement) {
      const o = getComputedStyle(p).overflowX;
      if (o === 'auto' || o === 'scroll' || o === 'hidden' || o === 'clip') return true;
    }
    return false;
  };
  const overflowing = [];
  if (root.scrollWidth > width) {
    for (const el of document.body.querySelectorAll('*')) {
      const r = el.getBoundingClientRect();
      if (r.right > width + 1 && r.width > 0 && !scrollsItself(el)) {
        overflowing.push(describe(el) + ` right=${Math.round(r.right)}`);
        if (overflowing.length >= 5) break;
      }
    }
  }
  return {scrollWidth: root.scrollWidth, clientWidth: width, overflowing, math, figures};
}"""


# Reads what a reader reads: preformatted text (code blocks, notebook outputs) that the
# browser may wrap (white-space other than pre/nowrap; with word-break: break-all, as
# JupyterLab sets it, lines break mid-token), and the prose (outside code, math, scripts)
# for LaTeX left unconverted and reST roles that a docstring renderer printed as text.
READ = r"""() => {
  const describe = (el) => el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') +
    (el.classList.length ? '.' + [...el.classList].join('.') : '');
  const wrapping = [];
  for (const el of document.querySelectorAll('.md-content pre, .md-content pre > code')) {
    const style = getComputedStyle(el);
    // with white-space pre or nowrap no line is ever broken, whatever word-break says
    if (style.whiteSpace !== 'pre' && style.whiteSpace !== 'nowrap') {
      wrapping.push(`${describe(el)} (white-space: ${style.whiteSpace}; ` +
        `word-break: ${style.wordBreak}): ` + el.textContent.trim().slice(0, 40));
    }
    if (wrapping.length >= 5) break;
  }
  const prose = [];
  const walker = document.createTreeWalker(
    document.querySelector('.md-content') || document.body, NodeFilter.SHOW_TEXT, {
      acceptNode: (node) => node.parentElement.closest('pre, code, math, script, style, ' +
        'textarea, .md-source') ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT,
    });
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    prose.push([node.textContent, node.parentElement]);
  }
  const commands = 'frac|lfloor|rfloor|lceil|rceil|text|cdot|times|approx|left|right|' +
    'sum|prod|mathrm|operatorname|begin|end';
  const latex = new RegExp(String.raw`\\(${commands})\b|\$[^$\s][^$]*\$`);
  const role = /:(class|func|meth|attr|mod|data|exc|obj|ref|doc|term|py:[a-z]+):/;
  const rawLatex = [], roles = [];
  for (const [text, parent] of prose) {
    const found = text.match(latex);
    if (found && rawLatex.length < 5) rawLatex.push(describe(parent) + ': ' +
      text.slice(Math.max(0, found.index - 30), found.index + 40).trim());
  }
  const joined = prose.map(([text]) => text).join('');
  for (const found of joined.matchAll(new RegExp(role, 'g'))) {
    roles.push(joined.slice(Math.max(0, found.index - 30), found.index + 30).trim());
    if (roles.length >= 5) break;
  }
  return {wrapping, rawLatex, roles};
}"""


def _same_site(url: str, base: str) -> bool:
    scheme = urlsplit(url).scheme
    if scheme in ("data", "blob", "about", "chrome-extension"):
        return True
    return url.startswith(base)


async def visit(
    context, base: str, path: str, palette: str, widths=(DESKTOP, PHONE)
) -> Visit:
    """Open ``base + path`` in ``context`` and record everything the tests judge."""
    url = base + path
    seen = Visit(url=url, palette=palette)
    page = await context.new_page()
    finished: list = []

    def on_console(message):
        if message.type == "error":
            location = message.location or {}
            seen.console_errors.append(f"{message.text} ({location.get('url', '')})")

    page.on("console", on_console)
    page.on("pageerror", lambda error: seen.console_errors.append(f"uncaught: {error}"))
    page.on(
        "requestfailed",
        lambda request: seen.failed_requests.append(f"{request.url}: {request.failure}"),
    )
    page.on(
        "response",
        lambda response: (
            response.status >= 400
            and seen.failed_requests.append(f"{response.url}: HTTP {response.status}")
        ),
    )
    page.on("requestfinished", lambda request: finished.append(request))
    page.on(
        "request",
        lambda request: (
            _same_site(request.url, base) or seen.outside_requests.append(request.url)
        ),
    )
    try:
        await page.goto(url, wait_until="load")
        # Material starts its search worker, which fetches the index, after the load event
        await page.wait_for_load_state("networkidle")
        seen.scheme = await page.evaluate(
            "() => document.body.getAttribute('data-md-color-scheme')"
        )
        seen.text = await page.evaluate(READ)
        for viewport in widths:
            await page.set_viewport_size(viewport)
            await page.evaluate("() => new Promise(requestAnimationFrame)")
            seen.layout[viewport["width"]] = await page.evaluate(MEASURE)
        for request in finished:
            if not _same_site(request.url, base):
                continue
            size = (await request.sizes())["responseBodySize"]
            response = await request.response()
            if not size and response is not None:  # e.g. a worker's script: ask the headers
                size = int(await response.header_value("content-length") or 0)
            seen.loads.append(Load(request.url, request.resource_type, size))
    finally:
        await page.close()
    return seen


async def new_context(browser, base: str, palette: str, outside: list[str], **options):
    """A context in ``palette`` that refuses (and records) requests to other hosts."""
    context = await browser.new_context(
        color_scheme=palette, viewport=DESKTOP, service_workers="block", **options
    )

    async def refuse(route):
        outside.append(route.request.url)
        await route.abort("blockedbyclient")

    await context.route(lambda url: not _same_site(url, base), refuse)
    return context


async def visit_all(
    browser, base: str, paths: list[str], palettes=("light", "dark"), parallel: int = 4
) -> tuple[dict[tuple[str, str], Visit], list[str]]:
    """Visit every path in every palette, ``parallel`` pages at a time (the palettes'
    visits interleaved, each palette in a context of its own).

    Returns the visits by (path, palette), and every request to another host that the
    contexts refused (pages' own requests are also in each visit's ``outside_requests``;
    this list also catches requests from workers).
    """
    results: dict[tuple[str, str], Visit] = {}
    refused: list[str] = []
    limit = asyncio.Semaphore(parallel)
    contexts = {
        palette: await new_context(browser, base, palette, refused) for palette in palettes
    }

    async def one(path, palette):
        async with limit:
            results[path, palette] = await visit(contexts[palette], base, path, palette)

    try:
        await asyncio.gather(
            *(one(path, palette) for path in paths for palette in palettes)
        )
    finally:
        for context in contexts.values():
            await context.close()
    return results, refused


def chromium_version() -> str:
    found = shutil.which(CHROMIUM) or CHROMIUM
    try:
        out = subprocess.run(
            [found, "--version"], capture_output=True, text=True, timeout=30
        )
    except OSError:
        return "unknown"
    return out.stdout.strip() or "unknown"

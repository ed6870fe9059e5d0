"""The site builds strictly, every nav page exists, and no page shows an error or loads
anything from another host."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlparse

import pytest

ROOT = Path(__file__).resolve().parent.parent

pytestmark = pytest.mark.slow


def nav_pages() -> list[str]:
    """The Markdown and notebook files named in mkdocs.yml's nav."""
    text = (ROOT / "mkdocs.yml").read_text()
    nav = text.split("\nnav:", 1)[1]
    return re.findall(r"([\w./-]+\.(?:md|ipynb))", nav)


def html_path(site: Path, page: str) -> Path:
    stem = page.rsplit(".", 1)[0]
    if stem == "index" or stem.endswith("/index"):
        return site / (stem[: -len("index")] + "index.html")
    return site / stem / "index.html"


class Resources(HTMLParser):
    """Collects the URLs a page loads: scripts, stylesheets, images, fonts, frames."""

    def __init__(self) -> None:
        super().__init__()
        self.loaded: list[str] = []

    def handle_starttag(self, tag, attrs):
        values = dict(attrs)
        if tag in ("script", "img", "iframe", "source", "audio", "video") and values.get(
            "src"
        ):
            self.loaded.append(values["src"])
        if tag == "link" and values.get("href"):
            rel = (values.get("rel") or "").lower()
            if any(
                word in rel for word in ("stylesheet", "preload", "icon", "modulepreload")
            ):
                self.loaded.append(values["href"])


class Links(HTMLParser):
    """Collects the ids of a page and every link and resource URL it has."""

    def __init__(self) -> None:
        super().__init__()
        self.ids: set[str] = set()
        self.urls: list[str] = []

    def handle_starttag(self, tag, attrs):
        values = dict(attrs)
        for name in ("id", "name"):
            if values.get(name):
                self.ids.add(values[name])
        for name in ("href", "src"):
            if values.get(name):
                self.urls.append(values[name])


def _parsed(path: Path, cache: dict) -> Links:
    if path not in cache:
        cache[path] = Links()
        cache[path].feed(path.read_text())
    return cache[path]


def test_every_link_and_anchor_on_the_site_leads_somewhere(built_site):
    """Links in the page's Markdown, in what code blocks printed, in notebooks and in the
    API reference: each same-site URL is a file of the built site, each #fragment an id on
    the page it names. (404.html is served at any depth, so its links are absolute.)"""
    cache: dict = {}
    broken = []
    for page in sorted(built_site.rglob("*.html")):
        if page.name == "404.html":
            continue
        for url in _parsed(page, cache).urls:
            parts = urlparse(url)
            if parts.scheme or parts.netloc:
                continue
            target = (page.parent / unquote(parts.path)).resolve() if parts.path else page
            if target.is_dir():
                target = target / "index.html"
            where = f"{page.relative_to(built_site)}: {url}"
            if not target.is_file():
                broken.append(f"{where} (no such file)")
            elif (
                parts.fragment
                and target.suffix == ".html"
                and (unquote(parts.fragment) not in _parsed(target, cache).ids)
            ):
                broken.append(f"{where} (no such anchor)")
    assert not broken, f"{len(broken)} broken links:\n" + "\n".join(broken[:30])


def test_every_nav_page_is_built(built_site):
    pages = nav_pages()
    assert pages, "mkdocs.yml has no nav"
    missing = [page for page in pages if not html_path(built_site, page).exists()]
    assert not missing


def test_pages_load_nothing_from_other_hosts(built_site):
    for page in built_site.rglob("*.html"):
        parser = Resources()
        parser.feed(page.read_text())
        outside = [url for url in parser.loaded if urlparse(url).netloc]
        assert not outside, f"{page.relative_to(built_site)} loads {outside}"


def test_no_page_shows_a_traceback_or_an_error(built_site):
    for page in built_site.rglob("*.html"):
        text = page.read_text()
        for marker in (
            "Traceback (most recent call last)",
            'class="admonition failure"',
            "markdown-exec: ",
            "Error in notebook",
        ):
            assert marker not in text, f"{page.relative_to(built_site)} shows {marker!r}"


def test_home_page_numbers_come_from_the_library(built_site):
    text = (built_site / "index.html").read_text()
    assert "becomes 30x30x5 with 140 parameters, then 15x15x5" in text

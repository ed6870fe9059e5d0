"""docs/_hooks/links.py: links in printed Markdown point at the built pages, as MkDocs's own
links do, and a link to no page is a warning (an error under --strict)."""

from __future__ import annotations

import importlib.util
import logging
from pathlib import Path
from types import SimpleNamespace

import pytest
from mkdocs.structure.files import File, Files

ROOT = Path(__file__).resolve().parent.parent
spec = importlib.util.spec_from_file_location("links", ROOT / "docs/_hooks/links.py")
links = importlib.util.module_from_spec(spec)
spec.loader.exec_module(links)


@pytest.fixture
def files(tmp_path):
    from mkdocs_jupyter.plugin import NotebookFile

    site = str(tmp_path / "site")
    names = ["index.md", "errata.md", "explanation/padding.md", "explanation/dilation.md"]
    pages = [File(name, str(tmp_path), site, True) for name in names]
    notebook = File("examples/lenet5.ipynb", str(tmp_path), site, True)
    return Files([*pages, NotebookFile(notebook, True, site)])  # as mkdocs-jupyter does


def page(files, src_uri):
    return SimpleNamespace(file=files.get_file_from_path(src_uri))


@pytest.mark.parametrize(
    ("source", "href", "expected"),
    [
        ("explanation/dilation.md", "padding.md", "../padding/"),
        ("explanation/dilation.md", "padding.md#same", "../padding/#same"),
        ("explanation/dilation.md", "../errata.md#p3-slip", "../../errata/#p3-slip"),
        ("errata.md", "explanation/padding.md", "../explanation/padding/"),
        ("index.md", "examples/lenet5.ipynb", "examples/lenet5/"),
        ("explanation/dilation.md", "../explanation/padding.md", "../padding/"),
    ],
)
def test_source_links_become_page_links(files, source, href, expected):
    html = f'<p>See <a href="{href}" title="t">it</a>.</p>'
    out = links.on_page_content(html, page(files, source), {}, files)
    assert out == f'<p>See <a href="{expected}" title="t">it</a>.</p>'


@pytest.mark.parametrize(
    "href",
    [
        "https://example.org/padding.md",
        "/padding.md",
        "#padding.md",
        "../padding/",
        "mailto:someone@example.org",
        "snippet.py",
    ],
)
def test_other_links_are_left_alone(files, href):
    html = f'<a href="{href}">x</a> and <code>&lt;a href="padding.md"&gt;</code>'
    assert links.on_page_content(html, page(files, "index.md"), {}, files) == html


def test_a_download_link_serves_the_file_itself(files):
    html = '<a download="lenet5.ipynb" href="lenet5.ipynb">Download</a>'
    notebook = page(files, "examples/lenet5.ipynb")
    assert links.on_page_content(html, notebook, {}, files) == html


def test_a_link_to_no_page_is_a_warning(files, caplog):
    html = '<a href="explanation/nowhere.md">x</a>'
    with caplog.at_level(logging.WARNING, logger="mkdocs.hooks.links"):
        out = links.on_page_content(html, page(files, "index.md"), {}, files)
    assert out == html
    assert "index.md" in caplog.text and "explanation/nowhere.md" in caplog.text

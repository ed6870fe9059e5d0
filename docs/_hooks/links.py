"""MkDocs hook: links that code blocks (and notebooks) print reach their pages.

MkDocs turns a page's links to other Markdown files into links to the built pages
(``padding.md`` becomes ``../padding/``) and warns about those that name no file. Markdown
printed by a markdown-exec block is converted by a converter of its own and reaches the
page as ready HTML, as do a notebook's Markdown cells: MkDocs neither rewrites nor checks
the links in it, and they would point at ``padding.md``, which the built site does not
have. This hook does both for them, resolving each link from the page's own source file,
as MkDocs does; a link to no documentation file is a warning, so ``--strict`` fails.

``tests/test_site.py`` checks every link and anchor of the built site.
"""

from __future__ import annotations

import logging
import posixpath
import re
from urllib.parse import unquote

log = logging.getLogger("mkdocs.hooks.links")

# An <a> tag, and in it href="<relative path to a source file>[#fragment]": URLs with a
# scheme, absolute paths, pure fragments and links MkDocs already rewrote do not match.
_ANCHOR_TAG = re.compile(r"<a\b[^>]*>", re.IGNORECASE)
_SOURCE_HREF = re.compile(
    r'(\bhref=")(?![a-z][a-z0-9+.-]*:|/)([^"#?]+\.(?:md|ipynb))(#[^"]*)?"', re.IGNORECASE
)
_DOWNLOAD = re.compile(r"\sdownload\b", re.IGNORECASE)


def on_page_content(html, page, config, files):
    folder = posixpath.dirname(page.file.src_uri)

    def to_page(match: re.Match) -> str:
        opening, path, fragment = match.group(1), match.group(2), match.group(3) or ""
        source = posixpath.normpath(posixpath.join(folder, unquote(path)))
        target = files.get_file_from_path(source)
        if target is None:
            log.warning(
                f"Doc file '{page.file.src_uri}' has a link, printed by a code block or "
                f"notebook, to '{path}', which is not among the documentation files."
            )
            return match.group(0)
        return f'{opening}{target.url_relative_to(page.file)}{fragment}"'

    def in_tag(match: re.Match) -> str:
        tag = match.group(0)
        if _DOWNLOAD.search(tag):  # a download link serves the file itself
            return tag
        return _SOURCE_HREF.sub(to_page, tag)

    return _ANCHOR_TAG.sub(in_tag, html)

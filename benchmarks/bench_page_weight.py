"""Weigh every page in the nav as Chromium loads it: HTML, CSS, JS, fonts, images, the
search index and the request count, from the browser's own network log.

The site is built strictly (or taken from ``--site``), served by ``python -m http.server``
on 127.0.0.1 and loaded in Debian's Chromium (Playwright), one page at a time in a fresh
context, so nothing comes from the cache. ``python -m http.server`` sends files as they are:
the "raw" columns are the bytes on disk the page pulls in. Static hosts (GitHub Pages and
the like) send text gzip-compressed: the "gzip" column is what the same files weigh
compressed (gzip level 6), the transfer a reader would see there.

The search index is not part of a page's load: docs/_overrides/main.html fetches it when
the reader first goes to search. Its size is printed below the table, with what a page
would weigh if the reader searched on it.

Budget (issue 8): no page over 600 KB in total, and 0 bytes of math JavaScript.

    python benchmarks/bench_page_weight.py [--site DIR]
"""

from __future__ import annotations

import argparse
import gzip
import os
import re
import subprocess
import sys
import tempfile
from collections import defaultdict
from pathlib import Path
from urllib.parse import unquote, urlsplit

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests" / "browser"))

import site_browser  # noqa: E402

KINDS = {
    "document": "html",
    "stylesheet": "css",
    "script": "js",
    "font": "fonts",
    "image": "images",
}


def build_site(out: Path) -> None:
    home = Path(tempfile.mkdtemp(prefix="convdims-home-"))
    env = dict(
        os.environ,
        NO_MKDOCS_2_WARNING="1",
        PYTHONWARNINGS="ignore",
        IPYTHONDIR=str(home / "ipython"),
        JUPYTER_CONFIG_DIR=str(home / "jc"),
        JUPYTER_DATA_DIR=str(home / "jd"),
        JUPYTER_RUNTIME_DIR=str(home / "jr"),
    )
    subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(out)],
        cwd=ROOT,
        env=env,
        check=True,
        capture_output=True,
    )


def on_disk(site: Path, base: str, url: str) -> Path:
    path = unquote(urlsplit(url).path).lstrip("/")
    target = site / path
    return target / "index.html" if url.endswith("/") or target.is_dir() else target


def kind_of(load) -> str:
    if load.kind in KINDS:
        return KINDS[load.kind]
    if load.url.endswith(".js"):
        return "js"  # a worker's script
    if "search_index" in load.url:
        return "search"
    if re.search(r"\.(png|svg|ico|jpg|webp)$", load.url):
        return "images"
    return "other"


def weigh(site: Path) -> list[dict]:
    pages = site_browser.nav_pages()
    paths = [site_browser.page_path(source) for _, source in pages]
    session = site_browser.Session().start()
    rows = []
    try:
        with site_browser.serve(site) as base:
            visits, refused = session.run(
                site_browser.visit_all(
                    session.browser, base, paths, palettes=("light",), parallel=1
                )
            )
            for path in paths:
                visit = visits[path, "light"]
                row = defaultdict(int, page=path or "(home)", requests=len(visit.loads))
                for load in visit.loads:
                    kind = kind_of(load)
                    row[kind] += load.bytes
                    row["raw"] += load.bytes
                    data = on_disk(site, base, load.url).read_bytes()
                    row["gzip"] += len(gzip.compress(data, 6))
                    if kind == "js" and site_browser.MATH_SCRIPT.search(load.url):
                        row["math_js"] += load.bytes
                row["outside"] = len(visit.outside_requests)
                rows.append(row)
            if refused:
                print(f"requests to other hosts (refused): {sorted(set(refused))}")
    finally:
        session.close()
    return rows


def kb(value: int) -> str:
    return f"{value / 1024:.0f}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--site", type=Path, help="a built site (default: build one now)")
    args = parser.parse_args(argv)
    reason = site_browser.missing_browser()
    if reason:
        print(reason, file=sys.stderr)
        return 2
    site = args.site
    if site is None:
        site = Path(tempfile.mkdtemp(prefix="convdims-site-"))
        build_site(site)
    rows = weigh(site)

    columns = ["html", "css", "js", "fonts", "images", "search", "other", "raw", "gzip"]
    print(
        f"Chromium {site_browser.chromium_version()}; KB = 1024 bytes; light palette, "
        f"1280 px, empty cache"
    )
    print()
    print("| page | requests | " + " | ".join(f"{c} KB" for c in columns) + " | math JS |")
    print("|---|" + "---:|" * (len(columns) + 2))
    for row in rows:
        cells = " | ".join(kb(row[c]) for c in columns)
        print(f"| {row['page']} | {row['requests']} | {cells} | {row['math_js']} |")
    heaviest = max(rows, key=lambda row: row["raw"])
    budget = site_browser.PAGE_BUDGET_KB
    over_raw = [row["page"] for row in rows if row["raw"] > budget * 1024]
    over_gzip = [row["page"] for row in rows if row["gzip"] > budget * 1024]
    math_js = sum(row["math_js"] for row in rows)
    outside = sum(row["outside"] for row in rows)
    print()
    print(
        f"heaviest page: {heaviest['page']} ({kb(heaviest['raw'])} KB raw, "
        f"{kb(heaviest['gzip'])} KB gzip)"
    )
    print(
        f"budget {budget} KB per page: raw over on {len(over_raw)} of {len(rows)} pages"
        f"{': ' + ', '.join(over_raw) if over_raw else ''}; "
        f"gzip over on {len(over_gzip)}{': ' + ', '.join(over_gzip) if over_gzip else ''}"
    )
    print(f"math JavaScript: {math_js} bytes; requests to other hosts: {outside}")
    index = site / "search" / "search_index.json"
    if index.is_file():
        size = index.stat().st_size
        print(
            f"search index, fetched on a reader's first search: {kb(size)} KB raw, "
            f"{kb(len(gzip.compress(index.read_bytes(), 6)))} KB gzip; the heaviest page "
            f"with it: {kb(heaviest['raw'] + size)} KB raw"
        )
    return 1 if over_raw or math_js or outside else 0


if __name__ == "__main__":
    sys.exit(main())

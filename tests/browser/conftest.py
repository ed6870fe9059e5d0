"""The built site in a real browser: Debian's Chromium driven by Playwright.

Without Playwright or Chromium these tests skip and say why; with CONVDIMS_REQUIRE_BROWSER=1
(set by .ci/run) a missing browser is a failure instead. One Chromium serves the whole
session; the site is the session's strict build (``built_site``), served by
``python -m http.server`` on a free port of 127.0.0.1 and stopped by its PID.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))

import site_browser  # noqa: E402

from once_per_run import once, run_folder  # noqa: E402

REQUIRE = os.environ.get("CONVDIMS_REQUIRE_BROWSER") == "1"


def pytest_collection_modifyitems(items):
    here = str(Path(__file__).parent)
    for item in items:
        if str(item.fspath).startswith(here):
            item.add_marker(pytest.mark.slow)


@pytest.fixture(scope="session")
def session():
    """One headless Chromium for all browser tests (skips, or fails in CI, without one)."""
    reason = site_browser.missing_browser()
    if reason:
        if REQUIRE:
            pytest.fail(f"CONVDIMS_REQUIRE_BROWSER=1 but {reason}", pytrace=False)
        pytest.skip(reason)
    browser_session = site_browser.Session().start()
    yield browser_session
    browser_session.close()


@pytest.fixture(scope="session")
def site(session, built_site):
    """The base URL of the built site, served on 127.0.0.1 for the session."""
    with site_browser.serve(built_site) as base:
        yield base


@pytest.fixture(scope="session")
def nav():
    """(title, source) of every page in the nav."""
    return site_browser.nav_pages()


@pytest.fixture(scope="session")
def visits(request, tmp_path_factory, nav):
    """Every nav page visited in the light and the dark palette, once per test run: the
    first worker to ask visits them, the others read what it saw (tests/conftest.py)."""

    def visit_all(_):
        session = request.getfixturevalue("session")
        site = request.getfixturevalue("site")
        paths = [site_browser.page_path(source) for _, source in nav]
        return session.run(site_browser.visit_all(session.browser, site, paths))

    return once(run_folder(tmp_path_factory), "visits", visit_all)

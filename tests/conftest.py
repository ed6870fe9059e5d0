"""Shared test setup: the brute-force module, one strict build of the site per test run,
and what lets the suite run in two processes (pytest-xdist, ``-n 2`` in pyproject.toml).

- ``built_site``: one ``mkdocs build --strict`` for the whole run, shared by every test
  that needs the built site, in every worker. It starts in the background as soon as the
  first test of the run starts (when any selected test needs it), and the files that need
  it run after the slow ones, so the build overlaps other tests instead of holding them
  up.
- ``once_per_run.run_folder`` and ``once_per_run.once``: a folder every worker of one run
  shares, and a way to make a result there once per run, whichever worker asks first.
- ``--dist loadfile`` (pyproject.toml) keeps each file's tests in one worker: the fences
  of a page share one namespace (Sybil), and a module-scoped fixture (the snippets under
  the real frameworks, the corpus runs, the wheel) is made once, not once per worker. A
  session-scoped fixture that is costly and used by several files goes through
  ``once`` (as ``visits`` does in tests/browser/conftest.py).
"""

from __future__ import annotations

import os
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import suppress
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(Path(__file__).parent))

# Keras reads its backend once, on first import, and with TensorFlow installed (an engine
# of convdims.conventions) it would pick TensorFlow; the oracle is Keras on torch, whatever
# imports Keras first in a worker.
os.environ["KERAS_BACKEND"] = "torch"

from once_per_run import locked, made, once, run_folder, store  # noqa: E402


def site_environment(home: Path) -> dict[str, str]:
    """An environment for the build: Jupyter and IPython write under `home`, not ~."""
    env = dict(os.environ)
    env.update(
        IPYTHONDIR=str(home / "ipython"),
        JUPYTER_CONFIG_DIR=str(home / "jupyter-config"),
        JUPYTER_DATA_DIR=str(home / "jupyter-data"),
        JUPYTER_RUNTIME_DIR=str(home / "jupyter-runtime"),
        MPLCONFIGDIR=str(home / "mpl"),
        NO_MKDOCS_2_WARNING="1",
        PYTHONWARNINGS="ignore",
    )
    return env


# -- the built site ----------------------------------------------------------------------


class SiteBuild:
    """The run's one strict build, into ``folder/site``; its log is pickled beside it."""

    name = "site"

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.process: subprocess.Popen | None = None
        self.thread: threading.Thread | None = None
        self.stopped = False

    def make(self, out: Path) -> dict:
        home = self.folder / "site-home"
        home.mkdir(exist_ok=True)
        start = time.perf_counter()
        self.process = subprocess.Popen(
            [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(out)],
            cwd=ROOT,
            env=site_environment(home),
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        try:
            stdout, stderr = self.process.communicate(timeout=600)
        except subprocess.TimeoutExpired:
            self.process.kill()
            stdout, stderr = self.process.communicate()
            stderr += "\n(stopped after 600 s)"
        if self.stopped:  # a build cut short at the end of the session is no build
            raise RuntimeError("the site build was stopped")
        return {
            "returncode": self.process.returncode,
            "stdout": stdout,
            "stderr": stderr,
            "seconds": round(time.perf_counter() - start, 2),
        }

    def start(self) -> None:
        """Begin the build in a thread of this process, unless a worker already has."""
        if made(self.folder, self.name):
            return

        def build(ready: threading.Event) -> None:
            with locked(self.folder / f"{self.name}.lock", blocking=False) as mine:
                ready.set()
                if mine and not made(self.folder, self.name):
                    with suppress(RuntimeError):
                        store(self.folder, self.name, self.make(self.folder / self.name))

        ready = threading.Event()
        self.thread = threading.Thread(target=build, args=(ready,), daemon=True)
        self.thread.start()
        ready.wait()  # the lock is taken (or known to be another's) before tests go on

    def wait(self) -> Path:
        """The built site, once built here or by another worker; fails on a failed build."""
        if self.thread is not None:
            self.thread.join()
        result = once(self.folder, self.name, self.make)
        if result["returncode"] != 0:
            pytest.fail(
                f"mkdocs build --strict failed ({result['returncode']}):\n"
                f"{result['stdout']}\n{result['stderr']}",
                pytrace=False,
            )
        return self.folder / self.name

    def stop(self, kill: bool) -> None:
        """At the end of the session: let a running build finish (another worker may be
        waiting for it), or with ``kill`` (the run was stopped, say by ``-x``) end it."""
        if kill:
            self.stopped = True
            if self.process is not None and self.process.poll() is None:
                self.process.kill()
        if self.thread is not None:
            self.thread.join()


def _needs_site(item: pytest.Item) -> bool:
    return "built_site" in getattr(item, "fixturenames", ())


@pytest.fixture(scope="session")
def _site_build(request, tmp_path_factory) -> Iterator[SiteBuild]:
    build = SiteBuild(run_folder(tmp_path_factory))
    yield build
    build.stop(kill=bool(request.session.shouldstop or request.session.shouldfail))


@pytest.fixture(scope="session", autouse=True)
def _start_site_build(request, _site_build) -> None:
    """Start the run's site build with the first test, if any selected test needs it."""
    if any(_needs_site(item) for item in request.session.items):
        _site_build.start()


@pytest.fixture(scope="session")
def built_site(_site_build) -> Path:
    """The whole site, built once per run by `mkdocs build --strict` (read, never write)."""
    return _site_build.wait()


# -- order -------------------------------------------------------------------------------


def _file_rank(items: list[pytest.Item]) -> dict[Path, int]:
    """Each file's place in the run: 0 for slow or oracle files that do not need the built
    site (the long ones, started first while the site builds), 1 for files that need the
    site, 2 for the rest (many quick files, which even out the workers at the end)."""
    rank: dict[Path, int] = {}
    for item in items:
        if _needs_site(item):
            rank[item.path] = 1
        elif item.get_closest_marker("slow") or item.get_closest_marker("oracle"):
            rank.setdefault(item.path, 0)
    return rank


def pytest_collection_modifyitems(config, items):
    # Whole files move (their tests keep their order), the same way in every worker, and
    # pyproject.toml's --no-loadscope-reorder hands them to the workers in this order.
    rank = _file_rank(items)
    items.sort(key=lambda item: rank.get(item.path, 2))

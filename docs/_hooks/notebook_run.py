"""MkDocs hook: run the site's notebooks while the rest of the site builds.

mkdocs-jupyter executes a notebook when its page renders, one notebook after another,
each waiting for a fresh Jupyter kernel; that waiting was most of what executing code
added to a build. This hook starts every notebook as soon as the build knows its files,
each in a thread of its own (the kernels are processes of their own, so they run beside
the Markdown pages), and when a notebook's page renders it hands mkdocs-jupyter the
executed copy. mkdocs-jupyter is therefore configured with ``execute: false``; the
download link still serves the notebook as written.

As with mkdocs-jupyter's ``allow_errors: false``, a cell that raises fails the build.
``CONVDIMS_EXECUTE=false`` turns execution off, as it does for markdown-exec.
"""

from __future__ import annotations

import os
import tempfile
import threading
from pathlib import Path

import nbformat
from nbclient import NotebookClient

_runs: dict[str, _Run] = {}


class _Run(threading.Thread):
    """Executes one notebook in its folder and writes the result to ``target``."""

    def __init__(self, source: Path, target: Path) -> None:
        super().__init__(name=f"notebook {source.name}", daemon=True)
        self.source, self.target = source, target
        self.error: BaseException | None = None

    def run(self) -> None:
        try:
            notebook = nbformat.read(self.source, as_version=4)
            client = NotebookClient(
                notebook,
                timeout=300,
                allow_errors=False,
                resources={"metadata": {"path": str(self.source.parent)}},
            )
            client.execute()
            nbformat.write(notebook, self.target)
        except BaseException as error:  # reported on the page's turn, in the build
            self.error = error


def _enabled() -> bool:
    return os.environ.get("CONVDIMS_EXECUTE", "true").lower() not in ("false", "0", "no")


def on_files(files, config):
    _runs.clear()
    if not _enabled():
        return files
    folder = Path(tempfile.mkdtemp(prefix="convdims-notebooks-"))
    for index, file in enumerate(files):
        if file.src_uri.endswith(".ipynb"):
            source = Path(file.abs_src_path)
            (folder / str(index)).mkdir()
            run = _Run(source, folder / str(index) / source.name)
            run.start()
            _runs[file.src_uri] = run
    return files


def on_pre_page(page, config, files):
    run = _runs.get(page.file.src_uri)
    if run is not None:
        run.join()
        if run.error is not None:
            raise RuntimeError(
                f"{page.file.src_uri}: a cell failed while the notebook ran: {run.error}"
            ) from run.error
        page.file._convdims_source = page.file.abs_src_path
        page.file.abs_src_path = str(run.target)  # rendered with its outputs
    return page


def on_page_content(html, page, config, files):
    source = getattr(page.file, "_convdims_source", None)
    if source is not None:
        page.file.abs_src_path = source  # the download is the notebook as written
    return html

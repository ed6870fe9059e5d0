"""MkDocs hook: execute the site's notebooks inside the build's own Python process.

mkdocs-jupyter executes a notebook by starting a Jupyter kernel, a second Python process
that imports IPython, ZeroMQ and convdims before it runs a single cell; on a 2-core machine
two such kernels cost the build about a second of wall time. This hook runs each notebook
in an IPython shell inside the build process instead, where convdims is already imported.

The shell is IPython's own ``InteractiveShell``, the same one ipykernel runs, with its
display hook and display publisher replaced by collectors that write Jupyter outputs
(``stream``, ``display_data``, ``execute_result``, ``clear_output`` and display updates):
the rich representations come from IPython's display formatter, exactly as in a kernel.
Each notebook gets a fresh shell and namespace, runs with its own folder as the working
directory and on ``sys.path``, and leaves the build process as it found it.
``tests/test_notebooks.py`` checks that the outputs equal those of a real Jupyter kernel.

mkdocs-jupyter is configured with ``execute: false`` and renders the executed copy; the
download link still serves the notebook as written. As with mkdocs-jupyter's
``allow_errors: false``, a cell that raises fails the build, naming the notebook and cell.
``CONVDIMS_EXECUTE=false`` turns execution off, as it does for markdown-exec.
"""

from __future__ import annotations

import builtins
import contextlib
import io
import os
import sys
import tempfile
import traceback
import warnings
from pathlib import Path

import nbformat
from nbformat.v4 import new_output


class NotebookError(RuntimeError):
    """A cell raised while its notebook ran."""


class _Cell:
    """The outputs of the running cell, in the order a Jupyter front end receives them.

    Like ipykernel, printed text is buffered per stream and sent, stdout first, before
    any display, result or clear and when the cell ends; consecutive text on one stream
    makes one output, as nbclient joins it.
    """

    def __init__(self, displays: dict[str, list]) -> None:
        self.outputs: list = []
        self.clear_pending = False
        self.buffers = {"stdout": [], "stderr": []}
        self.displays = displays  # display_id -> outputs showing it, across the notebook

    def write(self, name: str, text: str) -> None:
        self.buffers[name].append(text)

    def flush(self) -> None:
        for name, buffer in self.buffers.items():
            if buffer:
                text = "".join(buffer)
                buffer.clear()
                last = self.outputs[-1] if self.outputs and not self.clear_pending else None
                if last is not None and last.output_type == "stream" and last.name == name:
                    last.text += text
                else:
                    self._append(new_output("stream", name=name, text=text))

    def add(self, output) -> None:
        self.flush()
        self._append(output)

    def _append(self, output) -> None:
        if self.clear_pending:
            self.outputs.clear()
            self.clear_pending = False
        self.outputs.append(output)

    def clear(self, wait: bool) -> None:
        self.flush()
        if wait:
            self.clear_pending = True
        else:
            self.outputs.clear()


class _Stream(io.TextIOBase):
    """``sys.stdout`` or ``sys.stderr`` while a cell runs."""

    encoding = "UTF-8"  # as a kernel's streams: IPython then writes "μs", not "us"

    def __init__(self, cell: _Cell, name: str) -> None:
        self.cell, self.name = cell, name

    def writable(self) -> bool:
        return True

    def write(self, text: str) -> int:
        if text:
            self.cell.write(self.name, text)
        return len(text)

    def flush(self) -> None:
        self.cell.flush()


def _shell_class():
    """An ``InteractiveShell`` whose outputs go to the running cell (loads IPython)."""
    from IPython.core.displayhook import DisplayHook
    from IPython.core.displaypub import DisplayPublisher
    from IPython.core.interactiveshell import InteractiveShell
    from traitlets import Type

    class Hook(DisplayHook):
        """Turns a cell's last expression into an ``execute_result``."""

        cell: _Cell

        def write_output_prompt(self) -> None:
            pass

        def write_format_data(self, format_dict, md_dict=None) -> None:
            self.cell.add(
                new_output(
                    "execute_result",
                    data=format_dict,
                    metadata=md_dict or {},
                    execution_count=self.prompt_count,
                )
            )

        def finish_displayhook(self) -> None:
            self._is_active = False

    class Publisher(DisplayPublisher):
        """Turns ``display()`` calls into ``display_data`` outputs."""

        cell: _Cell

        def publish(
            self, data, metadata=None, source=None, *, transient=None, update=False
        ):
            display_id = (transient or {}).get("display_id")
            if update:
                for output in self.cell.displays.get(display_id, []):
                    output.data, output.metadata = data, metadata or {}
                return
            output = new_output("display_data", data=data, metadata=metadata or {})
            if display_id is not None:
                self.cell.displays.setdefault(display_id, []).append(output)
            self.cell.add(output)

        def clear_output(self, wait=False) -> None:
            self.cell.clear(wait)

    class Shell(InteractiveShell):
        displayhook_class = Type(Hook)
        display_pub_class = Type(Publisher)

        def _showtraceback(self, etype, evalue, stb) -> None:
            pass  # the error is raised from run(), with the cell it came from

    return Shell


# What an IPython shell changes in the process it runs in (the prompts it sets tell
# scripts they are interactive: torchinfo then stops printing its summaries).
_SYS_NAMES = (
    "ps1",
    "ps2",
    "ps3",
    "displayhook",
    "excepthook",
    "last_type",
    "last_value",
    "last_traceback",
    "last_exc",
)


@contextlib.contextmanager
def _process_kept(folder: Path):
    """Run in ``folder`` and put back what an IPython shell changes in the process."""
    saved_sys = {name: getattr(sys, name) for name in _SYS_NAMES if hasattr(sys, name)}
    saved_main = sys.modules.get("__main__")
    saved_builtins = dict(vars(builtins))
    saved_path = list(sys.path)
    saved_environ = dict(os.environ)
    saved_cwd = os.getcwd()
    # A kernel's builtins have no ``_``; with one there, IPython stops updating its own
    # (doctest, or any ``sys.displayhook``, leaves one behind in the build's process).
    vars(builtins).pop("_", None)
    sys.path.insert(0, str(folder))
    os.chdir(folder)
    try:
        with warnings.catch_warnings():  # puts the warning filters back
            yield
    finally:
        os.chdir(saved_cwd)
        if os.environ != saved_environ:
            os.environ.clear()
            os.environ.update(saved_environ)
        sys.path[:] = saved_path
        for name in set(vars(builtins)) - set(saved_builtins):
            delattr(builtins, name)
        vars(builtins).update(saved_builtins)
        if saved_main is not None:
            sys.modules["__main__"] = saved_main
        for name in _SYS_NAMES:
            if name in saved_sys:
                setattr(sys, name, saved_sys[name])
            elif hasattr(sys, name):
                delattr(sys, name)


def run(notebook, folder: Path, name: str = "notebook"):
    """Execute every code cell of ``notebook`` (in place) and return it.

    Raises:
        NotebookError: a cell raised; the message names the notebook, cell and error.
    """
    from traitlets.config import Config

    Shell = _shell_class()
    config = Config()
    config.HistoryManager.enabled = False
    config.InteractiveShell.colors = "nocolor"
    config.InteractiveShell.warn_venv = False
    displays: dict[str, list] = {}
    with _process_kept(folder):
        shell = Shell.instance(config=config)
        try:
            for number, cell in enumerate(notebook.cells, start=1):
                if cell.cell_type != "code":
                    continue
                outputs = _Cell(displays)
                shell.displayhook.cell = shell.display_pub.cell = outputs
                with (
                    contextlib.redirect_stdout(_Stream(outputs, "stdout")),
                    contextlib.redirect_stderr(_Stream(outputs, "stderr")),
                ):
                    result = shell.run_cell(cell.source, store_history=True)
                outputs.flush()
                cell.outputs = outputs.outputs
                cell.execution_count = result.execution_count
                error = result.error_before_exec or result.error_in_exec
                if error is not None:
                    where = "".join(traceback.format_exception(error)[-3:]).rstrip()
                    raise NotebookError(
                        f"{name}: cell {number} raised {type(error).__name__}: "
                        f"{error}\n{where}"
                    ) from error
        finally:
            Shell.clear_instance()
    return notebook


def _enabled() -> bool:
    return os.environ.get("CONVDIMS_EXECUTE", "true").lower() not in ("false", "0", "no")


def on_pre_page(page, config, files):
    if not page.file.src_uri.endswith(".ipynb") or not _enabled():
        return page
    source = Path(page.file.abs_src_path)
    notebook = run(nbformat.read(source, as_version=4), source.parent, page.file.src_uri)
    target = Path(tempfile.mkdtemp(prefix="convdims-notebook-")) / source.name
    nbformat.write(notebook, target)
    page.file._convdims_source = page.file.abs_src_path
    page.file.abs_src_path = str(target)  # rendered with its outputs
    return page


def on_page_content(html, page, config, files):
    source = getattr(page.file, "_convdims_source", None)
    if source is not None:
        page.file.abs_src_path = source  # the download is the notebook as written
    return html

"""What the site's Run buttons call, in Pyodide: the command line, on source text.

The site runs convdims itself in the reader's browser (docs/assets/run/). A page's example
is source text, not a file: each function here writes it to a file of a fresh folder and
hands it to the same code the console script runs, so the browser prints what
``convdims run`` and ``convdims summary`` print in a terminal, refusals included.

- [`run_script`][convdims.cli.browser.run_script]: a Keras or PyTorch script (a snippet
  tab), through [`convdims.cli.main`][convdims.cli.main] ``["run", FILE]``.
- [`run_session`][convdims.cli.browser.run_session]: a page's ``python`` and ``pycon``
  examples, which share one namespace in page order, as the tests run them; ``pycon``
  blocks print as an interactive session does.
- [`run_cells`][convdims.cli.browser.run_cells]: a notebook's code cells, in one
  namespace, each cell's last expression shown as a kernel shows it.
- [`playground`][convdims.cli.browser.playground]: a pasted model file's summary with
  the analysis columns (``convdims summary FILE:NAME --columns ... --json``) and its
  volumes picture ([`convdims.draw.volumes`][convdims.draw.volumes]).

Every function returns plain data (a dict of strings and lists), which the page shows.
Nothing here knows about the browser: the tests run it in CPython.
"""

from __future__ import annotations

import ast
import contextlib
import doctest
import io
import json
import os
import sys
import tempfile
import traceback
import types
from collections.abc import Iterator, Sequence
from typing import Any

from convdims import standin

#: The analysis columns the playground shows unless told otherwise.
PLAYGROUND_COLUMNS = ("macs", "activation_bytes", "receptive_field")

# The module name ``convdims summary`` runs a file under.
_RUN_NAME = "__convdims_summary__"


class _Text(io.StringIO):
    """Captured output that says it is UTF-8 (the Keras dialect then draws its table with
    box characters, as on the site and in a UTF-8 terminal)."""

    @property
    def encoding(self) -> str:  # type: ignore[override]
        return "utf-8"


@contextlib.contextmanager
def _folder() -> Iterator[str]:
    """A fresh working folder for one run; the previous working directory afterwards."""
    saved = os.getcwd()
    with tempfile.TemporaryDirectory(prefix="convdims-run-") as folder:
        os.chdir(folder)
        try:
            yield folder
        finally:
            os.chdir(saved)


def _file_name(name: str) -> str:
    base = os.path.basename(name or "") or "example.py"
    return base if base.endswith(".py") else base + ".py"


def _main(argv: Sequence[str]) -> tuple[str, str, int]:
    """The console script on ``argv``: what it printed on stdout and stderr, its status."""
    from convdims.cli import main

    out, err = _Text(), _Text()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        status = main(list(argv))
    return out.getvalue(), err.getvalue(), status


def run_script(source: str, name: str = "example.py") -> dict[str, Any]:
    """Run ``source`` as ``convdims run NAME`` runs the file NAME.

    Args:
        source: the script (real Keras or PyTorch imports are answered by convdims).
        name: its file name, which error messages use (``keras_seed.py``).

    Returns:
        ``{"output": str, "error": str | None, "status": int}``: what it printed, the
        command line's one-line error (``convdims: error: ...``) or None, the exit status.

    Examples:
        >>> result = run_script("import keras\\nprint(keras.layers.Dense(3))", "a.py")
        >>> result["output"].startswith("<Dense"), result["error"], result["status"]
        (True, None, 0)
        >>> print(run_script("x = 1 / 0", "b.py")["error"])
        convdims: error: b.py raised ZeroDivisionError: division by zero (line 1)
    """
    file = _file_name(name)
    with _folder() as folder:
        with open(os.path.join(folder, file), "w", encoding="utf-8") as handle:
            handle.write(source)
        out, err, status = _main(["run", file])
    return {"output": out, "error": err.strip() or None, "status": status}


# --------------------------------------------------------------------------------------
# A page's examples: python and pycon blocks in one namespace


def _run_python(source: str, namespace: dict[str, Any], file: str) -> str | None:
    """Run a python block; None, or the one-line error the command line would print."""
    from convdims.cli.models import raised

    try:
        code = compile(source, file, "exec", dont_inherit=True)
        exec(code, namespace)  # noqa: S102 - running the reader's example is the point
    except SystemExit:
        return None
    except Exception as error:  # noqa: BLE001 - any error of the example is shown
        return f"{raised(error, os.path.basename(file), file).message}"
    return None


def _console_traceback(error: BaseException) -> str:
    """The traceback as the interactive console prints it, from the session's frames."""
    frames = [
        frame
        for frame in traceback.extract_tb(error.__traceback__)
        if frame.filename == "<stdin>"
    ]
    lines = ["Traceback (most recent call last):\n"]
    lines += traceback.format_list(frames)
    lines += traceback.format_exception_only(type(error), error)
    return "".join(lines)


def _echo(source: str) -> str:
    """The example's source with its prompts, as the session shows it."""
    lines = source.rstrip("\n").split("\n")
    shown = [">>> " + lines[0]] + ["... " + line for line in lines[1:]]
    return "\n".join(line.rstrip() for line in shown) + "\n"


def _run_pycon(text: str, namespace: dict[str, Any]) -> tuple[str, str | None]:
    """Run each ``>>>`` example of a session; the transcript, and the first error."""
    transcript, first_error = [], None
    for example in doctest.DocTestParser().get_examples(text):
        transcript.append(_echo(example.source))
        out = _Text()
        saved_hook = sys.displayhook
        sys.displayhook = _console_display(out)
        try:
            with contextlib.redirect_stdout(out):
                code = compile(example.source, "<stdin>", "single", dont_inherit=True)
                exec(code, namespace)  # noqa: S102 - the reader's session
        except Exception as error:  # noqa: BLE001 - a console prints it and goes on
            shown = _console_traceback(error)
            out.write(shown)
            first_error = first_error or shown.strip().splitlines()[-1]
        finally:
            sys.displayhook = saved_hook
        transcript.append(out.getvalue())
    return "".join(transcript), first_error


def _console_display(out: io.StringIO):
    def display(value: Any) -> None:
        if value is None:
            return
        out.write(repr(value) + "\n")

    return display


def docstring_globals(path: str) -> dict[str, Any]:
    """The globals a docstring's examples run with, as doctest runs them: those of the
    module that defines the object ``path`` names (the API pages' heading ids).

    >>> "same_padding" in docstring_globals("convdims.same_padding")
    True
    >>> docstring_globals("convdims.standin")["__name__"]
    'convdims.standin'
    """
    import importlib

    parts = path.split(".")
    for end in range(len(parts), 0, -1):
        try:
            obj: Any = importlib.import_module(".".join(parts[:end]))
        except ImportError:
            continue
        try:
            for name in parts[end:]:
                obj = getattr(obj, name)
        except AttributeError:
            break
        module = obj if isinstance(obj, types.ModuleType) else None
        if module is None:
            module = sys.modules.get(getattr(obj, "__module__", "") or "")
        if module is not None:
            return dict(vars(module))
        break
    return {"__name__": "__main__"}


def run_session(
    blocks: Sequence[dict[str, str]], name: str = "example.py", context: str = ""
) -> dict[str, Any]:
    """Run a page's examples in order in one namespace; the last block's output.

    The earlier blocks run first, as the test suite runs a page (all its fences share a
    namespace): a block that uses a name defined above it works. Framework imports are
    answered by convdims, as in ``convdims run``.

    Args:
        blocks: ``{"source": str, "kind": "python" | "pycon"}``, in page order; the last
            one is the block whose Run was pressed.
        name: the file name error messages give a python block.
        context: for a docstring's examples, the object it documents
            (``convdims.same_padding``): they start with its module's globals, as
            doctest runs them
            ([`docstring_globals`][convdims.cli.browser.docstring_globals]).

    Returns:
        ``{"output": str, "error": str | None}``: a python block's printed text, or a
        pycon block's transcript (prompts, source and what each line printed); the
        first error (an earlier block's says which block it was).

    Examples:
        >>> blocks = [{"kind": "pycon", "source": ">>> from convdims import conv_params"},
        ...           {"kind": "pycon", "source": ">>> conv_params(3, 3, 5)\\n0\\n"}]
        >>> run_session(blocks)["output"].splitlines()
        ['>>> conv_params(3, 3, 5)', '140']
    """
    if not blocks:
        return {"output": "", "error": None}
    output, error = "", None
    with _folder() as folder, standin.frameworks():
        namespace = docstring_globals(context) if context else {"__name__": "__main__"}
        file = os.path.join(folder, _file_name(name))
        for number, block in enumerate(blocks, start=1):
            last = number == len(blocks)
            out = _Text()
            with contextlib.redirect_stdout(out):
                if block.get("kind") == "pycon":
                    text, failed = _run_pycon(block["source"], namespace)
                    out.write(text)
                else:
                    failed = _run_python(block["source"], namespace, file)
            if last:
                output, error = out.getvalue(), failed
            elif failed is not None and block.get("kind") != "pycon":
                error = f"example {number} on this page, which runs first, failed: {failed}"
                break
    return {"output": output, "error": error}


# --------------------------------------------------------------------------------------
# A notebook's cells


class _Display:
    """A rich object of the stand-in ``IPython.display``: Markdown, HTML or SVG text."""

    mime = "text/plain"

    def __init__(self, data: str = "") -> None:
        self.data = data

    def __repr__(self) -> str:
        return f"<{type(self).__module__}.{type(self).__name__} object>"


class _Markdown(_Display):
    mime = "text/markdown"


class _HTML(_Display):
    mime = "text/html"


class _SVG(_Display):
    mime = "image/svg+xml"


_RICH = (
    ("image/svg+xml", "_repr_svg_"),
    ("text/html", "_repr_html_"),
    ("text/markdown", "_repr_markdown_"),
)


def _bundle(value: Any) -> dict[str, str]:
    """The richest representation of a value, as a kernel's formatter picks it."""
    if isinstance(value, _Display):
        return {"mime": value.mime, "data": value.data}
    for mime, method in _RICH:
        render = getattr(value, method, None)
        if callable(render):
            with contextlib.suppress(Exception):
                data = render()
                if isinstance(data, str):
                    return {"mime": mime, "data": data}
    return {"mime": "text/plain", "data": repr(value)}


def _ipython(
    outputs: list[dict[str, str]], out: io.StringIO
) -> dict[str, types.ModuleType]:
    """``IPython`` and ``IPython.display`` for a notebook that imports them (Pyodide has
    no IPython): ``display``, ``Markdown``, ``HTML`` and ``SVG``."""

    def display(*values: Any, **_: Any) -> None:
        for value in values:
            _flush(outputs, out)
            outputs.append(_bundle(value))

    package = types.ModuleType("IPython")
    module = types.ModuleType("IPython.display")
    for cls, name in ((_Markdown, "Markdown"), (_HTML, "HTML"), (_SVG, "SVG")):
        rich = type(name, (cls,), {"__module__": "IPython.core.display"})
        setattr(module, name, rich)
    module.display = display  # type: ignore[attr-defined]
    package.display = module  # type: ignore[attr-defined]
    return {"IPython": package, "IPython.display": module}


def _flush(outputs: list[dict[str, str]], out: io.StringIO) -> None:
    text = out.getvalue()
    if text:
        outputs.append({"mime": "stream", "data": text})
        out.seek(0)
        out.truncate()


def _cell(source: str, namespace: dict[str, Any], number: int):
    """The cell's code, and its last expression apart (shown as the cell's result)."""
    tree = ast.parse(source, filename=f"<cell {number}>")
    last = None
    if tree.body and isinstance(tree.body[-1], ast.Expr):
        last = ast.Expression(tree.body.pop().value)
    body = compile(tree, f"<cell {number}>", "exec", dont_inherit=True)
    tail = compile(last, f"<cell {number}>", "eval", dont_inherit=True) if last else None
    return body, tail


def _has_ipython() -> bool:
    import importlib.util

    return importlib.util.find_spec("IPython") is not None


def run_cells(cells: Sequence[str]) -> dict[str, Any]:
    """Run a notebook's code cells in order in one namespace; the last cell's outputs.

    As in a kernel, what a cell prints is a ``stream`` output and its last expression,
    when not None, its result: the richest of SVG (``_repr_svg_``, as convdims's
    figures have), HTML, Markdown and plain text. ``IPython.display`` is stood in for
    where IPython is missing (in the browser).

    Returns:
        ``{"outputs": [{"mime": str, "data": str}, ...], "error": str | None}``.

    Examples:
        >>> result = run_cells(["x = 3", "print(x)\\nx * 2"])
        >>> result["outputs"]
        [{'mime': 'stream', 'data': '3\\n'}, {'mime': 'text/plain', 'data': '6'}]
    """
    namespace: dict[str, Any] = {"__name__": "__main__"}
    outputs: list[dict[str, str]] = []
    error = None
    stand_in_ipython = not _has_ipython()
    with _folder(), standin.frameworks(), contextlib.ExitStack() as stack:
        # a kernel is an interactive session: torchinfo's summary returns its table
        # instead of printing it too, as in Jupyter
        stack.callback(_restore_ps1, getattr(sys, "ps1", None))
        sys.ps1 = "In : "
        for number, source in enumerate(cells, start=1):
            outputs = []
            out = _Text()
            if stand_in_ipython:
                saved = {
                    name: sys.modules.get(name) for name in ("IPython", "IPython.display")
                }
                sys.modules.update(_ipython(outputs, out))
                stack.callback(_restore, saved)
            try:
                with contextlib.redirect_stdout(out):
                    body, tail = _cell(source, namespace, number)
                    exec(body, namespace)  # noqa: S102 - the reader's notebook
                    value = eval(tail, namespace) if tail else None  # noqa: S307
                _flush(outputs, out)
                if value is not None:
                    outputs.append(_bundle(value))
            except Exception as failure:  # noqa: BLE001 - a kernel shows it
                _flush(outputs, out)
                message = "".join(traceback.format_exception_only(type(failure), failure))
                if number < len(cells):
                    error = f"cell {number}, which runs first, raised {message.strip()}"
                    outputs = []
                    break
                error = message.strip()
    return {"outputs": outputs, "error": error}


def _restore_ps1(saved: str | None) -> None:
    if saved is None:
        with contextlib.suppress(AttributeError):
            del sys.ps1
    else:
        sys.ps1 = saved


def _restore(saved: dict[str, types.ModuleType | None]) -> None:
    for name, module in saved.items():
        if module is None:
            sys.modules.pop(name, None)
        else:
            sys.modules[name] = module


# --------------------------------------------------------------------------------------
# The playground: a pasted model file


def _found_models(namespace: dict[str, Any]) -> list[tuple[str, str]]:
    """(name, dialect) of every model the file's globals hold, in definition order; if
    there is none, the model classes the file defines (``convdims summary`` builds one
    by calling it)."""
    from convdims.cli.models import DIALECTS, _declared

    models, classes = [], []
    for key, value in namespace.items():
        if key.startswith("_"):
            continue
        declared = _declared(value)
        if declared is not None:
            models.append((key, DIALECTS[declared]))
        elif (
            isinstance(value, type)
            and getattr(value, "__module__", None) == _RUN_NAME
            and getattr(value, "_dialect", None) in DIALECTS
        ):
            classes.append((key, DIALECTS[value._dialect]))
    return models or classes


def input_size_in(source: str) -> list[int] | None:
    """The ``input_size=(...)`` a file passes to a summary call, if it writes one out.

    >>> input_size_in("summary(net, input_size=(1, 3, 32, 32))")
    [1, 3, 32, 32]
    >>> input_size_in("summary(net, input_size=shape)") is None
    True
    """
    try:
        tree = ast.parse(source)
    except SyntaxError:
        return None
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        for keyword in node.keywords:
            if keyword.arg != "input_size":
                continue
            with contextlib.suppress(ValueError, TypeError, SyntaxError):
                value = ast.literal_eval(keyword.value)
                if isinstance(value, (tuple, list)) and value:
                    if all(isinstance(v, int) and not isinstance(v, bool) for v in value):
                        return list(value)
    return None


def playground(
    source: str,
    name: str = "",
    input_size: Sequence[int] | None = None,
    columns: Sequence[str] = PLAYGROUND_COLUMNS,
) -> dict[str, Any]:
    """The summary of the model a pasted file builds, with analysis columns and picture.

    The file runs as ``convdims summary model.py:NAME --columns ... --json`` runs it
    (with ``--input-size`` for a torch module); the picture is
    [`draw.volumes`][convdims.draw.volumes] of the same model.

    Args:
        source: the file, written for Keras or PyTorch (or convdims's dialects).
        name: the model's variable (or a function that returns it); empty: ``model``
            if the file defines it, else the last model it defines.
        input_size: a torch module's input shape with the batch; None: the
            ``input_size=`` the file passes to a summary call, if any.
        columns: the analysis columns.

    Returns:
        The summary command's JSON object (``summary``, ``dialect``, ``total_params``,
        ...) plus ``printed`` (what the file printed), ``models`` (the models found,
        ``[name, dialect]``), ``figure`` (the SVG, or None) and ``error`` (None, or the
        command line's error object: ``message``, ``option``, ...).

    Examples:
        >>> result = playground("import keras\\nmodel = keras.Sequential("
        ...     "[keras.Input((8, 8, 3)), keras.layers.Conv2D(4, 3)])")
        >>> result["error"], result["total_params"], result["figure"][:4]
        (None, 112, '<svg')
    """
    from convdims.cli.models import raised

    result: dict[str, Any] = {"printed": "", "models": [], "figure": None, "error": None}
    with _folder() as folder:
        file = "model.py"
        path = os.path.join(folder, file)
        with open(path, "w", encoding="utf-8") as handle:
            handle.write(source)
        namespace: dict[str, Any] = {}
        printed = _Text()
        try:
            with contextlib.redirect_stdout(printed):
                standin.execute(file, run_name=_RUN_NAME, namespace=namespace)
        except (Exception, SystemExit) as error:  # noqa: BLE001 - shown to the reader
            result["printed"] = printed.getvalue()
            result["error"] = {"message": raised(error, file, path).message, "option": None}
            return result
        found = _found_models(namespace)
        result["models"] = [list(item) for item in found]
        names = [key for key, _ in found]
        chosen = name or ("model" if "model" in names else names[-1] if names else "model")
        dialect = dict(found).get(chosen)
        size = list(input_size) if input_size else None
        if size is None and dialect == "torch":
            size = input_size_in(source)
        argv = ["summary", f"{file}:{chosen}", "--json"]
        if columns:
            argv += ["--columns", ",".join(columns)]
        if size:
            argv += ["--input-size", "x".join(str(v) for v in size)]
        out, err, _ = _main(argv)
        answer = json.loads(out)
        result.update({key: value for key, value in answer.items() if key != "error"})
        result.update(printed=err, name=chosen, input_size=size)
        if "error" in answer:
            result["error"] = answer["error"]
            return result
        model = namespace.get(chosen) if dialect else None
        if model is not None:
            from convdims import draw

            with contextlib.suppress(Exception), contextlib.redirect_stdout(_Text()):
                if isinstance(model, type):
                    model = model()
                result["figure"] = draw.volumes(
                    model,
                    input_size=tuple(size) if size and dialect == "torch" else None,
                    skip=("activation", "dropout"),
                    id="playground-volumes",
                ).svg
    return result


__all__ = [
    "PLAYGROUND_COLUMNS",
    "docstring_globals",
    "input_size_in",
    "playground",
    "run_cells",
    "run_script",
    "run_session",
]

"""Helpers for the site's build-time blocks (not part of the library).

The build hook (docs/_hooks/mathml.py) and docs/conftest.py put this folder on sys.path,
so a page's ``exec="on"`` block can ``from pages import script_tabs``.
"""

from __future__ import annotations

import re
import textwrap
from pathlib import Path

from convdims import standin

SNIPPETS = Path(__file__).resolve().parent.parent / "snippets"

# Real framework imports -> the same import from convdims's dialects.
_DIALECT_IMPORTS = [
    (r"^import keras$", "from convdims import keras"),
    (r"^from keras import (.+)$", r"from convdims.keras import \1"),
    (r"^import torch$", "from convdims import torch"),
    (r"^from torch import (.+)$", r"from convdims.torch import \1"),
    (r"^import torch\.nn as nn$", "from convdims.torch import nn"),
    (r"^from torchinfo import summary$", "from convdims.torch import summary"),
]


def as_dialect(source: str) -> str:
    """The same script importing convdims's dialects instead of the frameworks."""
    for pattern, replacement in _DIALECT_IMPORTS:
        source = re.sub(pattern, replacement, source, flags=re.MULTILINE)
    return source


def framework_of(name: str) -> str:
    """'Keras' or 'PyTorch', from a snippet's name (keras_*.py, torch_*.py)."""
    if name.startswith("keras"):
        return "Keras"
    if name.startswith("torch"):
        return "PyTorch"
    raise ValueError(f"snippet {name!r} must start with 'keras' or 'torch'")


def include(name: str, title: str = "") -> str:
    """A fence that pymdownx.snippets fills with docs/snippets/<name> (check_paths: a
    missing file fails the build), so the page shows the file exactly as it is."""
    return fence(f'--8<-- "{name}"', title=title)


def fence(code: str, language: str = "python", title: str = "") -> str:
    head = f"```{language}" + (f' title="{title}"' if title else "")
    return f"{head}\n{code.rstrip()}\n```"


def tab(title: str, body: str) -> str:
    return f'=== "{title}"\n\n' + textwrap.indent(body, "    ") + "\n"


def run_snippet(name: str) -> str:
    """What the snippet prints, computed by convdims with the dialects standing in."""
    return standin.run(SNIPPETS / name)


def script_tabs(name: str, *, output: bool = True, dialect: bool = True) -> str:
    """Markdown tabs: the real framework script, the same with convdims, and its output.

    The output is what the script prints when convdims stands in for the framework; the
    oracle tests run the same file under the real framework and require the same text.
    """
    framework = framework_of(name)
    parts = [tab(framework, include(name, title=name))]
    if dialect:
        twin = as_dialect((SNIPPETS / name).read_text())
        parts.append(tab(f"convdims (no {framework} needed)", fence(twin)))
    if output:
        parts.append(tab("Output", fence(run_snippet(name), "text")))
    return "\n".join(parts)


def side_by_side(keras_name: str, torch_name: str) -> str:
    """Keras and PyTorch versions of the same thing, each with its output, in tabs."""
    parts = []
    for name in (keras_name, torch_name):
        printed = fence(run_snippet(name), "text")
        body = include(name, title=name) + "\n\nPrints:\n\n" + printed
        parts.append(tab(framework_of(name), body))
    return "\n".join(parts)


def cli_session(*commands: list[str] | str) -> str:
    """A terminal session: each command run by the convdims command line, with what it
    printed (standard output, then standard error) and, when not 0, its exit status.

    The command line runs in this process (``convdims.cli.main``, the console script's
    entry point), which is what ``convdims ARGS`` runs, minus an interpreter start.
    """
    import contextlib
    import io
    import shlex

    from convdims.cli import main

    lines = []
    for command in commands:
        argv = shlex.split(command) if isinstance(command, str) else list(command)
        out, err = io.StringIO(), io.StringIO()
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            status = main(argv)
        lines.append("$ convdims " + " ".join(shlex.quote(arg) for arg in argv))
        lines.append((out.getvalue() + err.getvalue()).rstrip("\n"))
        if status:
            lines.append("$ echo $?")
            lines.append(str(status))
    return "\n".join(lines)


#: The lookalike namespaces the API pages list (docs/reference/api/lookalikes.md), with
#: the real module each one stands in for.
LOOKALIKES = {
    "convdims.keras": "keras",
    "convdims.keras.layers": "keras.layers",
    "convdims.torch": "torch",
    "convdims.torch.nn": "torch.nn",
    "convdims.torch.nn.functional": "torch.nn.functional",
}


def _first_sentence(obj: object) -> str:
    import inspect

    doc = inspect.getdoc(obj) or ""
    first = doc.split("\n\n")[0].replace("\n", " ").strip()
    first = re.sub(r":\w+:`~?([^`]+)`", r"`\1`", first)
    first = re.sub(r"\[`([^`]+)`\]\[[^\]]+\]", r"`\1`", first)
    return first.replace("``", "`").replace("|", "\\|")


def lookalike_table(module_name: str) -> str:
    """A Markdown table of every public name of a lookalike namespace: what it is and
    its first docstring sentence (generated from the code, so it cannot drift)."""
    import importlib
    import inspect

    module = importlib.import_module(module_name)
    real = LOOKALIKES[module_name]
    rows = ["| name | what it is | stands in for |", "|---|---|---|"]
    for name in sorted(module.__all__, key=str.lower):
        value = getattr(module, name)
        if inspect.isclass(value):
            what = "class"
        elif inspect.ismodule(value):
            what = "module"
        elif callable(value):
            what = "function"
        else:
            what = "constant"
        summary = _first_sentence(value) if what != "constant" else f"`{value!r}`"
        if what == "module":
            summary = f"`{value.__name__}`"
        rows.append(f"| `{name}` | {what}: {summary} | `{real}.{name}` |")
    return "\n".join(rows)

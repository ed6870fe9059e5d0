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


#: The lookalike namespaces the API pages list (docs/reference/api/lookalikes*.md), with
#: the real module each one stands in for.
LOOKALIKES = {
    "convdims.keras": "keras",
    "convdims.keras.layers": "keras.layers",
    "convdims.torch": "torch",
    "convdims.torch.nn": "torch.nn",
    "convdims.torch.nn.functional": "torch.nn.functional",
    # What model files import beside the layers (issue 13's corpus).
    "convdims.keras.activations": "keras.activations",
    "convdims.keras.applications": "keras.applications",
    "convdims.keras.callbacks": "keras.callbacks",
    "convdims.keras.initializers": "keras.initializers",
    "convdims.keras.regularizers": "keras.regularizers",
    "convdims.keras.constraints": "keras.constraints",
    "convdims.keras.losses": "keras.losses",
    "convdims.keras.metrics": "keras.metrics",
    "convdims.keras.optimizers": "keras.optimizers",
    "convdims.keras.optimizers.schedules": "keras.optimizers.schedules",
    "convdims.keras.ops": "keras.ops",
    "convdims.keras.random": "keras.random",
    "convdims.keras.saving": "keras.saving",
    "convdims.keras.tensorflow": "tensorflow",
    "convdims.torch.autograd": "torch.autograd",
    "convdims.torch.cuda": "torch.cuda",
    "convdims.torch.fx": "torch.fx",
    "convdims.torch.hub": "torch.hub",
    "convdims.torch.jit": "torch.jit",
    "convdims.torch.amp": "torch.amp",
    "convdims.torch.backends": "torch.backends",
    "convdims.torch.distributed": "torch.distributed",
    "convdims.torch.nn.parallel": "torch.nn.parallel",
    "convdims.torch.optim": "torch.optim",
    "convdims.torch.optim.lr_scheduler": "torch.optim.lr_scheduler",
    "convdims.torch.utils.checkpoint": "torch.utils.checkpoint",
    "convdims.torch.utils.data": "torch.utils.data",
    # The torchvision lookalike.
    "convdims.torchvision.models": "torchvision.models",
    "convdims.torchvision.models.segmentation": "torchvision.models.segmentation",
    "convdims.torchvision.models.detection": "torchvision.models.detection",
    "convdims.torchvision.models.video": "torchvision.models.video",
    "convdims.torchvision.ops": "torchvision.ops",
    "convdims.torchvision.transforms": "torchvision.transforms",
    "convdims.torchvision.transforms.v2": "torchvision.transforms.v2",
    "convdims.torchvision.datasets": "torchvision.datasets",
    "convdims.torchvision.utils": "torchvision.utils",
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


def covered_layers(module_name: str) -> str:
    """A Markdown table of a lookalike's layers, grouped by the module of convdims that
    defines them: what the lookalike covers, read from its ``__all__`` (never typed)."""
    import importlib
    import inspect

    module = importlib.import_module(module_name)
    groups: dict[str, list[str]] = {}
    for name in sorted(module.__all__, key=str.lower):
        value = getattr(module, name)
        if not (inspect.isclass(value) or inspect.isfunction(value)):
            continue
        where = value.__module__.rsplit(".", 1)[-1].lstrip("_")
        groups.setdefault(where, []).append(name)
    rows = ["| module | names |", "|---|---|"]
    for where in sorted(groups):
        names = ", ".join(f"`{n}`" for n in groups[where])
        rows.append(f"| `{where}` | {names} |")
    return "\n".join(rows)


# -- what the teaching sections compute (issue 16) ------------------------------------
# The pages print these; tests/oracle/test_docs_teaching.py requires the real frameworks
# to agree, and tests/test_pages_lib.py checks them against brute force.

FRAMEWORK_ONLY = SNIPPETS / "framework_only"


def framework_script(name: str) -> str:
    """A fence showing docs/snippets/framework_only/<name>: real framework code that
    convdims's lookalikes cannot run (F.pad, F.interpolate...). It is not run by the
    build; tests/oracle/test_docs_teaching.py runs it under the real framework."""
    return include(f"framework_only/{name}", title=name)


def same_any_size_lines(sizes=(224, 225, 15, 16), kernel=3, stride=2, channels=8) -> str:
    """What framework_only/torch_same_any_size.py prints, computed by convdims."""
    from convdims import conv_output_size, same_padding

    lines = []
    for size in sizes:
        out = conv_output_size(size, kernel, stride, "same")
        pads = same_padding(size, kernel, stride)
        lines.append(f"{size} pads {pads} -> (1, {channels}, {out}, {out})")
    return "\n".join(lines)


# Error texts the pages quote, as the frameworks word them (PyTorch 2.13, Keras 3.15);
# tests/oracle/test_docs_teaching.py raises each one and compares.
TORCH_ERRORS = {
    "pool_too_small": (
        "Given input size: (1x2x2). Calculated output size: (1x0x0). "
        "Output size is too small"
    ),
    "conv_too_small": (
        "Calculated padded input size per channel: (2 x 2). Kernel size: (3 x 3). "
        "Kernel size can't be greater than actual input size"
    ),
    "same_strided": "padding='same' is not supported for strided convolutions",
    "linear": "mat1 and mat2 shapes cannot be multiplied (1x400 and 256x120)",
    "reflect": (
        "Argument #4: Padding size should be less than the corresponding input dimension, "
        "but got: padding (2, 2) at dimension 3 of input [1, 1, 2, 2]"
    ),
}
KERAS_ERRORS = {
    "conv_too_small": (
        "Computed output size would be zero or negative. Received `inputs shape=(None, 2, "
        "2, 1)`, `kernel shape=(3, 3, 1, 1)`, `dilation_rate=[1 1]`, `strides=(1, 1)`, "
        "`padding=valid`."
    ),
}


def caffe_pool_output_size(size: int, kernel: int, stride: int, padding: int = 0) -> int:
    """Caffe's pooling output size (round_mode CEIL, its default), as
    src/caffe/layers/pooling_layer.cpp (BVLC/caffe 9b89154, lines 91-117) computes it:
    ceil((I + 2P - K) / S) + 1, minus one if padding is set and the last window would
    start in the padding after."""
    out = -(-(size + 2 * padding - kernel) // stride) + 1
    if padding and (out - 1) * stride >= size + padding:
        out -= 1
    return out


# (I, K, S, P) cases the Caffe section shows: GoogLeNet's pool2 (56), ResNet-style stems
CAFFE_CASES = [(114, 3, 2, 0), (112, 3, 2, 1), (56, 3, 2, 0), (113, 3, 2, 0), (28, 3, 2, 0)]


def keras_caffe_padding(
    size: int, kernel: int, stride: int, padding: int
) -> tuple[int, int]:
    """ZeroPadding before and after that makes a valid Keras pooling slide Caffe's
    windows: P before, and after enough for Caffe's last window to fit."""
    out = caffe_pool_output_size(size, kernel, stride, padding)
    return padding, (out - 1) * stride + kernel - size - padding


def pool_cells(
    size: int, kernel: int, stride: int = 0, padding: int = 0, ceil_mode: bool = False
) -> list[range]:
    """The input cells (0-based) under each PyTorch pooling window."""
    from convdims import pool_output_size

    stride = stride or kernel
    out = pool_output_size(size, kernel, stride, padding, ceil_mode=ceil_mode)
    starts = [n * stride - padding for n in range(out)]
    return [range(max(s, 0), min(s + kernel, size)) for s in starts]


def avg_pool_divisors(
    size: int,
    kernel: int,
    stride: int = 0,
    padding: int = 0,
    ceil_mode: bool = False,
    count_include_pad: bool = True,
) -> list[int]:
    """What PyTorch's average pooling divides each window's sum by: with
    count_include_pad the window clipped to the padded input (I + P at the end), so
    the overhang of a ceil_mode window is never counted; without, its input cells."""
    from convdims import pool_output_size

    stride = stride or kernel
    out = pool_output_size(size, kernel, stride, padding, ceil_mode=ceil_mode)
    divisors = []
    for n in range(out):
        start = n * stride - padding
        end = min(start + kernel, size + padding)
        if count_include_pad:
            divisors.append(end - start)
        else:
            divisors.append(min(end, size) - max(start, 0))
    return divisors


def unread_cells(size: int, kernel: int, stride: int, before: int, after: int) -> list[int]:
    """Input cells (0-based) that no window of a convolution reads (dilation 1), found by
    sliding every window over the padded input."""
    padded = size + before + after
    read: set[int] = set()
    start = 0
    while start + kernel <= padded:
        read.update(j - before for j in range(start, start + kernel))
        start += stride
    return [j for j in range(size) if j not in read]


def unread_rule(size: int, kernel: int, stride: int, before: int, after: int) -> dict:
    """The rule the odd-size page states: the last max(r - after, 0) input cells are lost,
    r = (I + P - K) mod S; and with K < S, S - K cells between windows."""
    total = before + after
    remainder = (size + total - kernel) % stride
    return {
        "remainder": remainder,
        "lost_at_end": min(max(remainder - after, 0), size),
        "gap": max(stride - kernel, 0),
    }


# torch padding_mode -> torch.nn.functional.pad mode
PADDING_MODES = {
    "zeros": "constant",
    "reflect": "reflect",
    "replicate": "replicate",
    "circular": "circular",
}


def padded_rows(values: list, pad: int) -> dict[str, list]:
    """``values`` padded by ``pad`` on each side in each padding_mode (pad < len)."""
    n = len(values)
    rows = {}
    for mode in PADDING_MODES:
        row = []
        for j in range(-pad, n + pad):
            if 0 <= j < n:
                row.append(values[j])
            elif mode == "zeros":
                row.append(0)
            elif mode == "reflect":
                row.append(values[-j if j < 0 else 2 * (n - 1) - j])
            elif mode == "replicate":
                row.append(values[min(max(j, 0), n - 1)])
            else:  # circular
                row.append(values[j % n])
        rows[mode] = row
    return rows


def macs_rules_table() -> str:
    """The site's one definition of multiply-accumulates (convdims.analysis's ``macs``),
    as a Markdown table; the formula sheet and the measures page both print it."""
    rows = [
        (
            "Convolution ($g$ groups)",
            "$O \\cdot C_\\text{out} \\cdot (C_\\text{in}/g) \\cdot k^d$",
        ),
        ("Depthwise ($m$ per channel)", "$O \\cdot C m \\cdot k^d$"),
        ("Separable ($D$ filters)", "$O \\cdot C m \\cdot k^d + O \\cdot C m \\cdot D$"),
        (
            "Transposed convolution",
            "$I \\cdot C_\\text{in} \\cdot (C_\\text{out}/g) \\cdot k^d$: each **input** "
            "value meets every weight",
        ),
        ("Dense", "$\\text{in} \\cdot \\text{units}$ per vector"),
        ("Bias", "0: an addition, no multiplication"),
        ("BatchNorm", "0: at inference it folds into the convolution before it"),
        ("Pooling, activations, Add, Concatenate", "0: no weights"),
    ]
    lines = ["| Layer | MACs |", "|---|---|"]
    lines += [f"| {layer} | {rule} |" for layer, rule in rows]
    return "\n".join(lines) + "\n"


def window2d(*args, **kwargs) -> str:
    """convdims.draw.window2d's figure with a caption that says what its marks mean (the
    figure's own legend names the colours, not the dots)."""
    from convdims import conv_geometry, draw, pool_geometry

    figure = draw.window2d(*args, **kwargs)
    geometry = pool_geometry if kwargs.get("pool") else conv_geometry
    keep = (
        {"stride", "padding", "dilation", "ceil_mode"}
        if kwargs.get("pool")
        else {"stride", "padding", "dilation"}
    )
    size = args[0] if args else kwargs["input_size"]
    kernel = args[1] if len(args) > 1 else kwargs.get("kernel_size")
    count = "one dot per output cell"
    if isinstance(size, int) and isinstance(kernel, int):  # square: say how many
        options = {k: v for k, v in kwargs.items() if k in keep}
        g = geometry(size, kernel, *args[2:], **options)
        count = f"{g.output_size} × {g.output_size} dots, one per output cell"
    caption = (
        "Each dot marks where one window position starts (its first tap, top left): "
        f"{count}. Cells are numbered from 0."
    )
    return (
        f'<figure class="cd-figure">{figure.svg}<figcaption>{caption}</figcaption></figure>'
    )


def adaptive_figure(input_size: int, output_size: int, id: str) -> str:
    """SVG: the input cells, and under them the window of each adaptive pooling output
    cell (from convdims.resampling.adaptive_pool_windows), overlaps shaded."""
    from convdims.draw._svg import color, fill, rect, render, text
    from convdims.resampling import adaptive_pool_windows

    windows = adaptive_pool_windows(input_size, output_size)
    cell, x0, y0, row = 28, 96, 26, 22
    body = [text(8, y0 + cell / 2, "input", "h")]
    uses = [sum(a <= j < b for a, b in windows) for j in range(input_size)]
    for j in range(input_size):
        cls = "c2" if uses[j] > 1 else "c"
        body.append(rect(x0 + j * cell, y0, cell, cell, cls))
        body.append(text(x0 + j * cell + cell / 2, y0 + cell / 2, str(j), "m"))
    top = y0 + cell + 12
    for i, (a, b) in enumerate(windows):
        y = top + i * row
        body.append(text(8, y + 8, f"output {i}", "l"))
        body.append(rect(x0 + a * cell + 2, y, (b - a) * cell - 4, 16, "w" + str(i % 2)))
        body.append(text(x0 + b * cell + 6, y + 8, f"cells {a} to {b - 1}", "sm"))
    width = x0 + input_size * cell + 110
    height = top + output_size * row + 8
    rules = {
        ".w0": fill("window", 0.55),
        ".w1": fill("window-2", 0.55),
        ".c2": f"fill:{color('skipped')};fill-opacity:.25;stroke:currentColor;"
        "stroke-opacity:.55",
    }
    title = f"Adaptive pooling of {input_size} cells to {output_size}"
    desc = "; ".join(
        f"output {i} pools cells {a} to {b - 1}" for i, (a, b) in enumerate(windows)
    )
    figure = render(id, width, height, title, desc, rules, body)
    shared = [j for j in range(input_size) if uses[j] > 1]
    caption = (
        f"Each bar is one output cell's window. Shaded input cells "
        f"({', '.join(map(str, shared))}) "
        "are read by two windows."
        if shared
        else "Each bar is one output cell's window; none overlap."
    )
    return (
        f'<figure class="cd-figure">{figure.svg}<figcaption>{caption}</figcaption></figure>'
    )


def side_by_side_figures(*panels: tuple[str, str]) -> str:
    """Figures next to each other (stacked on a phone), each under its own heading:
    ``(heading, svg)`` pairs."""
    cells = "".join(
        f'<figure class="cd-panel"><figcaption>{heading}</figcaption>{svg}</figure>'
        for heading, svg in panels
    )
    return f'<div class="cd-side-by-side">{cells}</div>'


def last_window_figure(size: int, kernel: int, stride: int, padding: int, id: str) -> str:
    """SVG: the padded input and every window the plain ceiling would count, the one
    PyTorch's last-window rule drops drawn dashed (convdims.pool_output_size decides)."""
    from convdims import pool_output_size
    from convdims.draw._svg import color, fill, rect, render, text

    kept = pool_output_size(size, kernel, stride, padding, ceil_mode=True)
    naive = -(-(size + 2 * padding - kernel) // stride) + 1
    cell, x0, y0, row = 26, 110, 26, 20
    cells = size + 2 * padding
    body = [text(8, y0 + cell / 2, "padded input", "h")]
    for j in range(cells):
        inside = padding <= j < padding + size
        body.append(rect(x0 + j * cell, y0, cell, cell, "c" if inside else "pd"))
        body.append(text(x0 + j * cell + cell / 2, y0 + cell / 2, str(j - padding), "m"))
    top = y0 + cell + 10
    for n in range(naive):
        y = top + n * row
        start = n * stride
        end = min(start + kernel, cells + stride)  # a ceil window may hang past the end
        dropped = n >= kept
        label = f"window {n}" + (" dropped" if dropped else "")
        body.append(text(8, y + 8, label, "l"))
        width = (end - start) * cell - 4
        body.append(rect(x0 + start * cell + 2, y, width, 16, "dr" if dropped else "w"))
    height = top + naive * row + 8
    width = x0 + (cells + stride) * cell + 8
    rules = {
        ".w": fill("window", 0.55),
        ".dr": "fill:none;stroke:"
        + color("skipped")
        + ";stroke-width:2;stroke-dasharray:4 3",
        ".pd": fill("pad-before", 0.25, "3 2"),
    }
    title = (
        f"ceil_mode on {size} cells, window {kernel}, stride {stride}, padding {padding}: "
        f"{naive} windows by the ceiling, {kept} kept"
    )
    desc = (
        f"Window {naive - 1} would start at padded cell {(naive - 1) * stride}, input cell "
        f"{(naive - 1) * stride - padding}, which is in the padding after the input, so "
        "PyTorch drops it."
        if naive > kept
        else "No window is dropped."
    )
    figure = render(id, width, height, title, desc, rules, body)
    return f'<figure class="cd-figure">{figure.svg}<figcaption>{desc}</figcaption></figure>'


def aligned(latexes) -> str:
    """Display math: equations stacked and aligned at their first "=" (an array, which
    latex2mathml turns into a MathML table; docs/assets/convdims.css aligns its cells)."""
    rows = []
    for latex in latexes:
        lhs, eq, rhs = latex.partition(" = ")
        rows.append(f"{lhs} & = & {rhs}" if eq else f"& & {latex}")
    return "$$\\begin{array}{rcl} " + " \\\\ ".join(rows) + " \\end{array}$$\n"


def derivation_math(d) -> str:
    """A derivation as display math: its steps, then the main equation, aligned."""
    return aligned([step.latex for step in (*d.steps, d)])


def cli_errors(*commands: str) -> str:
    """Commands the command line refuses: each command with its exit status in a console
    block, and the one line it prints on standard error as a quote (a long line that
    wraps as prose instead of running a few thousand pixels to the right)."""
    import contextlib
    import io
    import shlex

    from convdims.cli import main

    parts = []
    for command in commands:
        argv = shlex.split(command)
        out, err = io.StringIO(), io.StringIO()
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            status = main(argv)
        if not status:
            raise ValueError(f"convdims {command} succeeded; cli_errors is for refusals")
        shown = "$ convdims " + " ".join(shlex.quote(arg) for arg in argv)
        parts.append(fence(f"{shown}\n$ echo $?\n{status}", "console"))
        message = (out.getvalue() + err.getvalue()).strip()
        parts.append(
            "prints on standard error:\n\n> " + message.replace("\n", "\n> ") + "\n"
        )
    return "\n\n".join(parts)


def cli_output(command: str) -> str:
    """What one successful command prints, without the prompt line."""
    session = cli_session(command)
    return session.split("\n", 1)[1]

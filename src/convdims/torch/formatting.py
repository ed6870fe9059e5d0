"""The summary table: cell texts, the columns registry, widths and the layout.

torchinfo 1.8's layout: ``Layer (type:depth-idx)`` and one column per name asked for,
each [`Column`][convdims.torch.formatting.Column] a title and a function from a row (and
the summary it belongs to) to the cell's text. [`COLUMNS`][convdims.torch.COLUMNS] holds
torchinfo's columns, then the analysis columns; adding a column is adding an entry.

>>> COLUMNS["num_params"].title, readable(130_000, "auto")
('Param #', ' (M): 0.13')
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence

from convdims._values import value
from convdims.analysis import COLUMN_TITLES, column_value
from convdims.torch.layer_info import LayerRow

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any, Protocol

    # Only for type checkers: importing typing would cost every summary its import.
    class Report(Protocol):
        """What the table reads of a summary
        ([`ModelSummary`][convdims.torch.ModelSummary] has it all)."""

        rows: tuple[LayerRow, ...]
        input_shapes: tuple[tuple[int, ...], ...]
        total_params: int
        trainable_params: int
        total_mult_adds: int
        input_bytes: int
        forward_backward_bytes: int
        param_bytes: int
        columns: tuple[str, ...]
        depth: int
        col_width: int
        show_depth: bool
        show_var_name: bool
        ascii_only: bool

        @property
        def non_trainable_params(self) -> int: ...

        @property
        def total_bytes(self) -> int: ...

        def visible_rows(self) -> list[LayerRow]: ...


DEFAULT_NAME_WIDTH = 40
ALIGN = 5

#: The columns when none are asked for (with an input; without one, ``num_params``).
DEFAULT_COLUMNS = ("output_size", "num_params")


def _dash(value: Any) -> str:
    return str(value) if value else "--"


def _input_text(row: LayerRow, report: Report) -> str:
    shape = row.input_shape
    return _dash(list(shape))


def _output_text(row: LayerRow, report: Report) -> str:
    shape = row.output_shape
    return _dash(list(shape))


def _params_text(row: LayerRow, report: Report) -> str:
    if row.num_params == 0:
        return "--"
    if row.is_recursive:
        return "(recursive)"
    if row.depth == report.depth or row.is_leaf:
        text = f"{row.num_params:,}"
        return text if row.trainable_params else f"({text})"
    return f"{row.own_params:,}" if row.own_params > 0 else "--"


def _percent_text(row: LayerRow, report: Report) -> str:
    zero = "     --"
    if report.total_params == 0:
        return zero
    if row.is_recursive:
        return "(recursive)"
    params = row.num_params if row.depth == report.depth or row.is_leaf else row.own_params
    if params == 0:
        return zero
    return f"{params / report.total_params:>7.2%}"


def _macs_text(row: LayerRow, report: Report) -> str:
    if row.mult_adds <= 0:
        return "--"
    if row.is_leaf:
        return f"{row.mult_adds:,}"
    if row.depth == report.depth:
        return f"{row.children_mult_adds:,}"
    return "--"


def _trainable_text(row: LayerRow, report: Report) -> str:
    if row.num_params == 0:
        return "--"
    if row.trainable_params == 0:
        return "False"
    if row.trainable_params == row.num_params:
        return "True"
    return "Partial"


def _kernel_text(row: LayerRow, report: Report) -> str:
    kernel = row.kernel_size
    if isinstance(kernel, (tuple, list)):
        kernel = list(kernel)
    return _dash(kernel)


def _analysis_render(name: str) -> Callable[[LayerRow, Report], str]:
    """The cell of an analysis column (the keys of
    [`COLUMN_TITLES`][convdims.analysis.COLUMN_TITLES])."""

    def render(row: LayerRow, report: Report) -> str:
        measured = row.measures
        if measured is None:
            return "--"
        if name in ("macs", "flops") and not row.is_leaf and row.depth != report.depth:
            return "--"  # as torchinfo's Mult-Adds: containers only at the depth limit
        value = column_value(measured, name)
        if isinstance(value, str):
            return value or "--"
        if not value:
            return "--"
        if name.endswith("_bytes"):
            return f"{value / 1e6:0.2f} MB"
        return f"{value:,}"

    return render


@value
class Column:
    """A summary column: its key (as passed in ``columns=``), its title, its cell text,
    and whether it needs a forward pass (an input)."""

    name: str
    title: str
    render: Callable[[LayerRow, Report], str]
    needs_input: bool = True


#: The columns ``summary(..., columns=[...])`` knows, by name: torchinfo's, then the
#: analysis columns of [`convdims.analysis`][] (``macs``, ``activations``,
#: ``activation_bytes``, ``param_bytes``, ``receptive_field``, ``effective_stride``,
#: ``effective_padding``). Add a [`Column`][convdims.torch.Column] here to offer a new
#: one.
COLUMNS: dict[str, Column] = {
    column.name: column
    for column in (
        Column("kernel_size", "Kernel Shape", _kernel_text, needs_input=False),
        Column("input_size", "Input Shape", _input_text),
        Column("output_size", "Output Shape", _output_text),
        Column("num_params", "Param #", _params_text, needs_input=False),
        Column("params_percent", "Param %", _percent_text, needs_input=False),
        Column("mult_adds", "Mult-Adds", _macs_text),
        Column("trainable", "Trainable", _trainable_text, needs_input=False),
        *(Column(k, title, _analysis_render(k)) for k, title in COLUMN_TITLES.items()),
    )
}


def readable(number: int, units: str) -> str:
    """torchinfo's number format for the totals: ``: 140`` or `` (M): 0.13``.

    ``units`` is ``""`` (the number as it is) or ``"auto"`` (millions, billions or
    trillions, whichever fits).
    """
    if units == "auto":
        if number >= 1e12:
            units, value = "T", number / 1e12
        elif number >= 1e9:
            units, value = "G", number / 1e9
        else:
            units, value = "M", number / 1e6
    else:
        value = number / 1
    if float(value).is_integer():
        text = f"{int(value):,d}"
    else:
        text = f"{value:,.2f}"
    return (f" ({units})" if units else "") + f": {text}"


def name_width(report: Report) -> int:
    """The width of the layer column (40, or wider for long names)."""
    show_var_name, show_depth = report.show_var_name, report.show_depth
    return _name_width(
        report.rows, [row.title(show_var_name, show_depth) for row in report.rows]
    )


def _name_width(rows: Sequence[LayerRow], titles: Sequence[str]) -> int:
    longest = max(
        (
            len(title) + row.depth * ALIGN + 1
            for row, title in zip(rows, titles, strict=True)
        ),
        default=0,
    )
    if longest >= DEFAULT_NAME_WIDTH:
        return math.ceil(longest / ALIGN) * ALIGN
    return DEFAULT_NAME_WIDTH


def _line(name: str, cells: Sequence[str], width: int, col_width: int) -> str:
    text = f"{name:<{width}} " + "".join([f"{cell:<{col_width}} " for cell in cells])
    return text.rstrip() + "\n"


def _tree(depth: int, ascii_only: bool) -> str:
    if depth == 0:
        return ""
    if depth == 1:
        return "+ " if ascii_only else "├─"
    return ("|    " if ascii_only else "│    ") * (depth - 1) + (
        "+ " if ascii_only else "└─"
    )


def table(report: Report) -> str:
    """The whole table, as torchinfo prints it (without the final newline)."""
    # Each row's title once: the width reads every row's, the lines the visible ones'.
    show_var_name, show_depth = report.show_var_name, report.show_depth
    titles = [row.title(show_var_name, show_depth) for row in report.rows]
    title_of = {id(row): title for row, title in zip(report.rows, titles, strict=True)}
    width = _name_width(report.rows, titles)
    col_width = report.col_width
    columns = [COLUMNS[name] for name in report.columns]
    divider = "=" * (len(columns) * col_width + width)
    header = "Layer (type"
    if report.show_var_name:
        header += " (var_name)"
    if report.show_depth:
        header += ":depth-idx"
    header += ")"
    parts = [
        f"{divider}\n",
        _line(header, [c.title for c in columns], width, col_width),
        f"{divider}\n",
    ]
    renders = [c.render for c in columns]
    ascii_only = report.ascii_only
    # _line's layout as one format for every row: the name, then each cell, each
    # padded to its width and followed by a space.
    layout = f"{{:<{width}}} " + f"{{:<{col_width}}} " * len(columns)
    trees: dict[int, str] = {}
    for row in report.visible_rows():
        title = title_of.get(id(row))
        if title is None:  # a row of its own making (not in report.rows)
            title = row.title(show_var_name, show_depth)
        depth = row.depth
        tree = trees.get(depth)
        if tree is None:
            tree = trees[depth] = _tree(depth, ascii_only)
        cells = [render(row, report) for render in renders]
        parts.append(layout.format(tree + title, *cells).rstrip() + "\n")
    parts.append(
        f"{divider}\n"
        f"Total params{readable(report.total_params, '')}\n"
        f"Trainable params{readable(report.trainable_params, '')}\n"
        f"Non-trainable params{readable(report.non_trainable_params, '')}\n"
    )
    if report.input_shapes:
        parts.append(
            f"Total mult-adds{readable(report.total_mult_adds, 'auto')}\n{divider}\n"
            f"Input size (MB): {report.input_bytes / 1e6:0.2f}\n"
            "Forward/backward pass size (MB): "
            f"{report.forward_backward_bytes / 1e6:0.2f}\n"
            f"Params size (MB): {report.param_bytes / 1e6:0.2f}\n"
            f"Estimated Total Size (MB): {report.total_bytes / 1e6:0.2f}\n"
        )
    parts.append(divider)
    return "".join(parts)

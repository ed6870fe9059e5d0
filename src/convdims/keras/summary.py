"""``model.summary()``: Keras 3's table of layers, shapes and parameter counts.

The text is the one Keras 3.15 prints when its output is not a terminal (a file, a pipe,
a notebook log or ``print_fn``): the same columns, widths, wrapping, number format and
byte sizes. In a terminal Keras adds colours; convdims prints the same text without
them. ``columns=`` (a convdims addition) appends analysis columns of
[`convdims.analysis`][convdims.analysis]: MACs, memory, receptive field, read from the
model's description (``convdims.keras.description``).

>>> from convdims import keras
>>> from convdims.keras import layers
>>> keras.backend.clear_session()
>>> model = keras.Sequential([keras.Input((32, 32, 3)), layers.Conv2D(5, 3)])
>>> model.summary(line_length=60)  # the text real Keras 3.15 prints
Model: "sequential"
┏━━━━━━━━━━━━━━━━━━━━━━━━━━┳━━━━━━━━━━━━━━━━━━━┳━━━━━━━━━━━┓
┃ Layer (type)             ┃ Output Shape      ┃   Param # ┃
┡━━━━━━━━━━━━━━━━━━━━━━━━━━╇━━━━━━━━━━━━━━━━━━━╇━━━━━━━━━━━┩
│ conv2d (Conv2D)          │ (None, 30, 30, 5) │       140 │
└──────────────────────────┴───────────────────┴───────────┘
 Total params: 140 (560.00 B)
 Trainable params: 140 (560.00 B)
 Non-trainable params: 0 (0.00 B)
"""

from __future__ import annotations

import re
import sys
from collections.abc import Callable

from convdims.keras import _table
from convdims.keras._table import (
    ascii_only,
    cell_len,
    console_width,
    render_table,
    set_cell_size,
    terminal_columns,
    wrap,
)

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

_UNITS = ("B", "KB", "MB", "GB", "TB", "PB")


def readable_memory_size(size: float) -> str:
    """Bytes as Keras writes them: two decimals and a binary unit.

    >>> readable_memory_size(560), readable_memory_size(207.5 * 1024)
    ('560.00 B', '207.50 KB')
    """
    for unit in _UNITS:
        if size / 1024 < 1:
            return f"{size:.2f} {unit}"
        size /= 1024
    return f"{size:.2f} {_UNITS[-1]}"


def weight_memory_size(weights: list) -> float:
    """Bytes of a list of weights, each counted once."""
    unique = {id(w): w for w in weights}.values()
    return sum(w.nbytes for w in unique)


def _weight_totals(model: Any) -> tuple[int, int, float, float]:
    """Scalars and bytes of the model's trainable and non-trainable weights, each weight
    once (the lists ``Model._summary_weights`` gives)."""
    trainable, non_trainable = model._summary_weights()
    return (
        sum(w.size for w in trainable),
        sum(w.size for w in non_trainable),
        weight_memory_size(trainable),
        weight_memory_size(non_trainable),
    )


def _format_shape(shape: tuple) -> str:
    return "(" + ", ".join(map(str, shape)) + ")"


def format_layer_shape(layer: Any) -> str:
    """The "Output Shape" cell: the shape of the layer's latest call, or "?"."""
    if not layer._inbound_nodes and not layer._build_shapes:
        return "?"
    if layer._inbound_nodes:
        outputs = layer._inbound_nodes[-1].output_tensors
        shapes = [_format_shape(x.shape) for x in outputs]
    else:
        try:
            result = layer.compute_output_shape(layer._build_shapes)
        except NotImplementedError:
            return "?"
        if isinstance(result, list) and result and isinstance(result[0], (list, tuple)):
            shapes = [_format_shape(s) for s in result]
        else:
            shapes = [_format_shape(result)]
    if len(shapes) == 1:
        return shapes[0]
    return "[" + ", ".join(shapes) + "]"


def get_layer_index_bound_by_layer_name(layers: list, layer_range: Any = None) -> list[int]:
    """``[first, last + 1]`` indices of the layers whose names match ``layer_range``."""
    if layer_range is None:
        return [0, len(layers)]
    if len(layer_range) != 2:
        raise ValueError(
            "layer_range must be a list or tuple of length 2. Received: "
            f"layer_range = {layer_range} of length {len(layer_range)}"
        )
    if not isinstance(layer_range[0], str) or not isinstance(layer_range[1], str):
        raise ValueError(
            f"layer_range should contain string type only. Received: {layer_range}"
        )
    lower = [i for i, layer in enumerate(layers) if re.match(layer_range[0], layer.name)]
    upper = [i for i, layer in enumerate(layers) if re.match(layer_range[1], layer.name)]
    if not lower or not upper:
        raise ValueError(
            "Passed layer_names do not match the layer names in the model. "
            f"Received: {layer_range}"
        )
    if min(lower) > max(upper):
        return [min(upper), max(lower) + 1]
    return [min(lower), max(upper) + 1]


def _is_sequential_like(model: Any) -> bool:
    nodes = set()
    for level in model._nodes_by_depth.values():
        if len(level) > 1 or (len(level) == 1 and len(level[0].input_tensors) > 1):
            return False
        nodes.update(level)
    for layer in model.layers:
        seen = False
        for node in layer._inbound_nodes:
            if node in nodes:
                if seen:
                    return False
                seen = True
    return True


def summary_text(
    model: Any,
    line_length: int | None = None,
    positions: list[float] | None = None,
    expand_nested: bool = False,
    show_trainable: bool = False,
    layer_range: Any = None,
    width: int | None = None,
    columns: Any = None,
) -> str:
    """The summary Keras would print for ``model``, as one string ending in a newline.

    Args:
        model: a convdims Sequential or functional model.
        line_length, positions, expand_nested, show_trainable, layer_range: as
            ``model.summary()``.
        width: the console width that crops long lines; by default what rich would
            detect (``COLUMNS``, the terminal, else 80).
        columns: analysis columns to append (names from
            [`COLUMN_TITLES`][convdims.analysis.COLUMN_TITLES]); the table then grows wider
            instead of being cropped.
    """
    extra: tuple[str, ...] = ()
    by_layer: dict = {}
    if columns is not None:
        from convdims.analysis import check_columns
        from convdims.keras.description import layer_measures

        extra = check_columns(columns)
        by_layer = layer_measures(model) if extra else {}

    relevant_nodes: set = set()
    operations = getattr(model, "_operations", None)
    if operations is None:  # a Sequential model (or a model Keras calls subclassed)
        sequential_like = True
        layers = model.layers
    else:  # a functional model
        layers = operations
        sequential_like = _is_sequential_like(model)
    if sequential_like:
        default_line_length = 88
        positions = positions or [0.45, 0.80, 1.0]
        header = ["Layer (type)", "Output Shape", "Param #"]
        alignment = ["left", "left", "right"]
    else:
        default_line_length = 108
        positions = positions or [0.3, 0.56, 0.74, 1.0]
        header = ["Layer (type)", "Output Shape", "Param #", "Connected to"]
        alignment = ["left", "left", "right", "left"]
        for level in model._nodes_by_depth.values():
            relevant_nodes.update(level)
    if show_trainable:
        default_line_length += 12
        positions = [p * 0.90 for p in positions] + [1.0]
        header.append("Trainable")
        alignment.append("center")
    default_line_length = min(default_line_length, terminal_columns() - 4)
    line_length = line_length or default_line_length
    widths = []
    current = 0
    for position in positions:
        column = int(position * line_length) - current
        if column < 4:
            raise ValueError("Insufficient console width to print summary.")
        widths.append(column)
        current += column

    def connections(layer: Any) -> str:
        text = ""
        for node in layer._inbound_nodes:
            if relevant_nodes and node not in relevant_nodes:
                continue
            for tensor in node.input_tensors:
                operation, node_index, tensor_index = tensor._keras_history
                if text:
                    text += ", "
                text += f"{operation.name}[{node_index}][{tensor_index}]"
        return text or "-"

    def fields(layer: Any, prefix: str = "") -> list[str]:
        name = f"{prefix}{layer.name} ({type(layer).__name__})"
        params = f"{layer.count_params():,}" if layer.built else "0 (unbuilt)"
        nodes = layer._inbound_nodes
        if nodes and len(nodes[-1].outputs) == 1:  # one output: format_layer_shape's
            shape = "(" + ", ".join(map(str, nodes[-1].outputs[0].shape)) + ")"
        else:
            shape = format_layer_shape(layer)
        row = [name, shape, params]
        if not sequential_like:
            row.append(connections(layer))
        if show_trainable:
            if layer.weights:
                row.append("Y" if layer.trainable else "N")
            else:
                row.append("-")
        if extra:
            row.extend(analysis_cell(by_layer.get(id(layer)), name) for name in extra)
        return row

    def layer_rows(layer: Any, level: int = 0) -> list[list[str]]:
        prefix = "   " * level + "└ " if level else ""
        rows = [fields(layer, prefix)]
        inner = getattr(layer, "layers", None) if expand_nested else None
        if inner:
            for sublayer in inner:
                rows.extend(layer_rows(sublayer, level + 1))
        return rows

    first, last = get_layer_index_bound_by_layer_name(layers, layer_range)
    rows = [row for layer in layers[first:last] for row in layer_rows(layer)]
    if extra:
        from convdims.analysis import COLUMN_TITLES

        base = len(header)
        for offset, name in enumerate(extra):
            title = COLUMN_TITLES[name]
            longest = max([len(title)] + [len(row[base + offset]) for row in rows])
            header.append(title)
            alignment.append("right")
            widths.append(longest + 4)
            line_length += longest + 4

    trainable_count, non_trainable_count, trainable_bytes, non_trainable_bytes = (
        _weight_totals(model)
    )
    total_count = trainable_count + non_trainable_count
    total_bytes = trainable_bytes + non_trainable_bytes

    if width is None:
        width = console_width(terminal=False)
    if extra:
        width = max(width, line_length)
    text_lines = wrap(f'Model: "{model.name}"', width)
    text_lines += render_table(header, alignment, widths, rows, line_length, ascii_only())
    for label, count, size in (
        ("Total", total_count, total_bytes),
        ("Trainable", trainable_count, trainable_bytes),
        ("Non-trainable", non_trainable_count, non_trainable_bytes),
    ):
        text_lines += wrap(
            f" {label} params: {count:,} ({readable_memory_size(size)})", width
        )
    # The lines hold box characters, spaces, "…" and pieces of these texts: when the
    # texts are all of one-cell characters, so are the lines (measuring the texts is
    # quicker than measuring the lines drawn from them).
    texts = [model.name, *header, *map("".join, rows)]
    if max(map(len, text_lines)) <= width and not _table.needs_measuring("".join(texts)):
        return "\n".join(text_lines) + "\n"  # all one cell wide, no line too long
    return "".join(_crop(line, width) + "\n" for line in text_lines)


def _crop(line: str, width: int) -> str:
    return line if cell_len(line) <= width else set_cell_size(line, width)


def print_summary(
    model: Any,
    line_length: int | None = None,
    positions: list[float] | None = None,
    print_fn: Callable[..., Any] | None = None,
    expand_nested: bool = False,
    show_trainable: bool = False,
    layer_range: Any = None,
    columns: Any = None,
) -> None:
    """Print the summary, or pass it whole to ``print_fn`` (see ``Model.summary``)."""
    terminal = print_fn is None and getattr(sys.stdout, "isatty", lambda: False)()
    text = summary_text(
        model,
        line_length=line_length,
        positions=positions,
        expand_nested=expand_nested,
        show_trainable=show_trainable,
        layer_range=layer_range,
        width=console_width(terminal),
        columns=columns,
    )
    if print_fn is not None:
        print_fn(text)
    else:
        sys.stdout.write(text)
        sys.stdout.flush()


def analysis_cell(measured: Any, name: str) -> str:
    """One analysis column's cell for a row's
    [`LayerMeasures`][convdims.analysis.LayerMeasures] (``"-"`` without one), in
    Keras's number formats."""
    from convdims.analysis import column_value

    if measured is None:
        return "-"
    value = column_value(measured, name)
    if isinstance(value, str):
        return value or "-"
    if name.endswith("_bytes"):
        return readable_memory_size(value)
    return f"{value:,}"

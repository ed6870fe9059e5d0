"""``model.summary()``: Keras 3's table of layers, shapes and parameter counts.

The text is the one Keras 3.15 prints when its output is not a terminal (a file, a pipe,
a notebook log or ``print_fn``): the same columns, widths, wrapping, number format and
byte sizes. In a terminal Keras adds colours; convdims prints the same text without
them. ``columns=`` (a convdims addition) appends analysis columns of
:mod:`convdims.analysis`: MACs, memory, receptive field.

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
from typing import Any

from convdims.analysis import (
    COLUMN_TITLES,
    LayerCall,
    LayerMeasures,
    ModelGraph,
    check_columns,
    column_value,
    combine,
    measure_calls,
)
from convdims.keras._table import ascii_only, console_width, render_table, wrap
from convdims.window import AxisWindow

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


def _format_shape(shape: tuple) -> str:
    return f"({', '.join(str(d) for d in shape)})"


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
    nodes = []
    for level in model._nodes_by_depth.values():
        if len(level) > 1 or (len(level) == 1 and len(level[0].input_tensors) > 1):
            return False
        nodes += level
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
            :data:`convdims.analysis.COLUMN_TITLES`); the table then grows wider
            instead of being cropped.
    """
    import shutil

    from convdims.keras.model import Functional, Sequential

    extra = _analysis_columns(columns)
    by_layer = _layer_measures(model) if extra else {}

    relevant_nodes: list = []
    if isinstance(model, Sequential) or not isinstance(model, Functional):
        sequential_like = True
        layers = model.layers
    else:
        layers = model._operations
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
            relevant_nodes += level
    if show_trainable:
        default_line_length += 12
        positions = [p * 0.90 for p in positions] + [1.0]
        header.append("Trainable")
        alignment.append("center")
    default_line_length = min(default_line_length, shutil.get_terminal_size().columns - 4)
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
        row = [name, format_layer_shape(layer), params]
        if not sequential_like:
            row.append(connections(layer))
        if show_trainable:
            if layer.weights:
                row.append("Y" if layer.trainable else "N")
            else:
                row.append("-")
        row.extend(_analysis_cell(by_layer.get(id(layer)), name) for name in extra)
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
        base = len(header)
        for offset, name in enumerate(extra):
            title = COLUMN_TITLES[name]
            longest = max([len(title)] + [len(row[base + offset]) for row in rows])
            header.append(title)
            alignment.append("right")
            widths.append(longest + 4)
            line_length += longest + 4

    trainable = model.trainable_weights
    non_trainable = model.non_trainable_weights
    trainable_count = sum(w.size for w in trainable)
    non_trainable_count = sum(w.size for w in non_trainable)
    trainable_bytes = weight_memory_size(trainable)
    non_trainable_bytes = weight_memory_size(non_trainable)
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
    return "".join(_crop(line, width) + "\n" for line in text_lines)


def _crop(line: str, width: int) -> str:
    from convdims.keras._table import cell_len, set_cell_size

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


# The analysis: every layer call as a convdims.analysis.LayerCall --------------------


def _analysis_columns(columns: Any) -> tuple[str, ...]:
    return check_columns(columns)


def _analysis_cell(measured: LayerMeasures | None, name: str) -> str:
    if measured is None:
        return "-"
    value = column_value(measured, name)
    if isinstance(value, str):
        return value or "-"
    if name.endswith("_bytes"):
        return readable_memory_size(value)
    return f"{value:,}"


def _pad_before(padding: str, size: Any, kernel: int, stride: int, dilation: int) -> int:
    """Cells Keras pads before the input along one axis."""
    from convdims.padding import same_padding

    effective = dilation * (kernel - 1) + 1
    if padding == "causal":
        return effective - 1
    if padding != "same":
        return 0
    if size is None:
        return (effective - 1) // 2
    return same_padding(size, kernel, stride, dilation)[0]


def _keras_call(layer: Any, node: Any, sources: tuple[int, ...], first: bool) -> LayerCall:
    """One call of a Keras-dialect layer as a LayerCall."""
    from convdims.keras import config
    from convdims.keras.layers import convolutional as conv
    from convdims.keras.layers import core, merging, normalization, pooling, reshaping

    in_shape = tuple(node.input_tensors[0].shape) if node.input_tensors else ()
    out_shape = tuple(node.outputs[0].shape)
    last = getattr(layer, "data_format", config.image_data_format()) == "channels_last"

    def spatial(shape: tuple) -> tuple:
        if len(shape) < 3:
            return ()
        return tuple(shape[1:-1]) if last else tuple(shape[2:])

    channels = (in_shape[-1] if last else in_shape[1]) if len(in_shape) >= 2 else 0
    window: dict[str, Any] = {}

    def windowed(kernel: tuple, strides: tuple, dilation: tuple) -> dict[str, Any]:
        return {
            "window": tuple(
                AxisWindow(k, s, _pad_before(layer.padding, size, k, s, d), 0, d)
                for size, k, s, d in zip(
                    spatial(in_shape), kernel, strides, dilation, strict=False
                )
            ),
        }

    if isinstance(layer, conv.BaseConv):
        kind = "conv"
        window = windowed(layer.kernel_size, layer.strides, layer.dilation_rate)
        window.update(in_channels=channels, out_channels=layer.filters, groups=layer.groups)
    elif isinstance(layer, conv.BaseConvTranspose):
        kind = "conv_transpose"
        window = {
            # The padding of the convolution this one transposes ('same': TF's split).
            "window": tuple(
                AxisWindow(k, s, (d * (k - 1)) // 2 if layer.padding == "same" else 0, 0, d)
                for k, s, d in zip(
                    layer.kernel_size, layer.strides, layer.dilation_rate, strict=False
                )
            ),
            "in_channels": channels,
            "out_channels": layer.filters,
        }
    elif isinstance(layer, (conv.DepthwiseConv2D, conv.SeparableConv2D)):
        kind = "depthwise" if isinstance(layer, conv.DepthwiseConv2D) else "separable"
        window = windowed(layer.kernel_size, layer.strides, layer.dilation_rate)
        window.update(
            in_channels=channels,
            out_channels=getattr(layer, "filters", channels * layer.depth_multiplier),
            depth_multiplier=layer.depth_multiplier,
        )
    elif isinstance(layer, pooling.BasePooling):
        kind = "pool"
        window = windowed(layer.pool_size, layer.strides, (1,) * len(layer.pool_size))
    elif isinstance(layer, pooling.BaseGlobalPooling):
        kind = "global_pool"
    elif isinstance(layer, core.Dense):
        kind = "dense"
        window = {"in_channels": in_shape[-1], "out_channels": layer.units}
    elif isinstance(layer, normalization.BatchNormalization):
        kind = "batch_norm"
    elif isinstance(layer, (core.Activation, core.ReLU)):
        kind = "activation"
    elif isinstance(layer, core.Dropout):
        kind = "dropout"
    elif isinstance(layer, reshaping.Flatten):
        kind = "flatten"
    elif isinstance(layer, reshaping.Reshape):
        kind = "reshape"
    elif isinstance(layer, reshaping.ZeroPadding2D):
        kind = "padding"
        window = {"window": tuple(AxisWindow(1, 1, a, b) for a, b in layer.padding)}
    elif isinstance(layer, reshaping.Cropping2D):
        kind = "cropping"
        window = {"window": tuple(AxisWindow(1, 1, a, b) for a, b in layer.cropping)}
    elif isinstance(layer, reshaping.UpSampling2D):
        kind = "upsampling"
    elif isinstance(layer, merging.Merge):
        kind = "merge"
    else:
        kind = "other"
    weights = list(layer.weights) if first else []
    return LayerCall(
        layer.name,
        type(layer).__name__,
        kind,
        out_shape,
        input_spatial=spatial(in_shape),
        output_spatial=spatial(out_shape),
        params=sum(w.size for w in weights),
        bias_params=sum(w.size for w in weights if w.name in ("bias", "beta")),
        statistics=sum(
            w.size for w in weights if w.name in ("moving_mean", "moving_variance")
        ),
        param_bytes=int(sum(w.nbytes for w in weights)),
        inputs=sources,
        owner=layer,
        **window,
    )


def _graph(model: Any) -> Any:
    from convdims.keras.model import Sequential

    if isinstance(model, Sequential):
        if model._functional is None:
            raise ValueError(
                f"Sequential model '{model.name}' has no input shape yet: give it a "
                "keras.Input (or build it) before measuring it"
            )
        return model._functional
    return model


def _expand(
    graph: Any,
    produced: dict[int, int],
    calls: list[LayerCall],
    owners: dict[int, list[int]],
) -> None:
    """Append the calls of a functional graph, nested models expanded in place."""
    from convdims.keras.model import Model

    for depth in sorted(graph._nodes_by_depth, reverse=True):
        for node in graph._nodes_by_depth[depth]:
            layer = node.operation
            if node.is_input:
                if all(id(t) in produced for t in node.outputs):
                    continue  # a nested model's input, already linked
                shape = tuple(node.outputs[0].shape)
                owners.setdefault(id(layer), []).append(len(calls))
                for tensor in node.outputs:
                    produced[id(tensor)] = len(calls)
                calls.append(
                    LayerCall(
                        layer.name,
                        type(layer).__name__,
                        "input",
                        shape,
                        output_spatial=tuple(shape[1:-1]) if len(shape) >= 3 else (),
                    )
                )
                continue
            if not all(id(x) in produced for x in node.input_tensors):
                continue
            if isinstance(layer, Model):
                inner = _graph(layer)
                pairs = zip(inner.inputs, node.input_tensors, strict=False)
                for inner_input, outer in pairs:
                    produced[id(inner_input)] = produced[id(outer)]
                start = len(calls)
                _expand(inner, produced, calls, owners)
                for inner_output, outer in zip(inner.outputs, node.outputs, strict=False):
                    produced[id(outer)] = produced[id(inner_output)]
                owners.setdefault(id(layer), []).extend(range(start, len(calls)))
                continue
            sources = tuple(sorted({produced[id(x)] for x in node.input_tensors}))
            first = id(layer) not in owners
            owners.setdefault(id(layer), []).append(len(calls))
            for tensor in node.outputs:
                produced[id(tensor)] = len(calls)
            calls.append(_keras_call(layer, node, sources, first))


def _describe(model: Any) -> tuple[list[LayerCall], dict[int, list[int]]]:
    calls: list[LayerCall] = []
    owners: dict[int, list[int]] = {}
    _expand(_graph(model), {}, calls, owners)
    return calls, owners


def describe(model: Any, input_size: Any = None) -> ModelGraph:
    """The model's calls for :mod:`convdims.analysis`: its inputs, then every layer call
    in the order Keras runs the graph (nested models expanded).

    Args:
        model: a convdims.keras Sequential or functional model.
        input_size: not used (a Keras model knows its input shape); must be None.

    Raises:
        ValueError: an ``input_size``, or a Sequential model without an input shape.
    """
    if input_size is not None:
        raise ValueError(
            "input_size is for torch modules; a Keras model knows its input shape"
        )
    return ModelGraph(tuple(_describe(model)[0]), model.name, "keras")


def _layer_measures(model: Any) -> dict[int, LayerMeasures]:
    """Each layer's measures (by ``id``): one call's, or the sums over its calls (a
    layer called twice, a nested model) with the last call's shape and field."""
    calls, owners = _describe(model)
    measured = measure_calls(calls)
    result: dict[int, LayerMeasures] = {}
    for key, indices in owners.items():
        parts = [measured[i] for i in indices]
        if len(parts) == 1:
            result[key] = parts[0]
            continue
        result[key] = combine(parts)
    return result

"""Volume diagram of a layer stack: one box per layer, sized by height, width, channels."""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from convdims.draw._svg import (
    Figure,
    color,
    el,
    figure_id,
    group,
    num,
    render,
    text,
    text_width,
)

RULES = {
    ".f": "fill:currentColor;fill-opacity:.10;stroke:currentColor;stroke-opacity:.7;"
    "stroke-linejoin:round",
    ".t": "fill:currentColor;fill-opacity:.22;stroke:currentColor;stroke-opacity:.7;"
    "stroke-linejoin:round",
    ".s": "fill:currentColor;fill-opacity:.04;stroke:currentColor;stroke-opacity:.7;"
    "stroke-linejoin:round",
    ".wt .f,.wt .t,.wt .s": "fill:" + color("window") + ";stroke:" + color("window"),
    ".wt .f": "fill-opacity:.28",
    ".wt .t": "fill-opacity:.5",
    ".wt .s": "fill-opacity:.14",
    ".arrow": "stroke:currentColor;stroke-opacity:.6;fill:none",
    ".head": "fill:currentColor;fill-opacity:.6",
}

DEPTH = 0.55  # oblique projection: how much of the channel side shows


@dataclass(frozen=True)
class Volume:
    """One layer as the volume diagram reads it.

    Attributes:
        label: the layer's name.
        shape: its output shape without the batch axis, channels last.
        params: its parameter count.
        inputs: labels of the layers it reads (empty: the previous record, if any).
    """

    label: str
    shape: tuple[int, ...]
    params: int
    inputs: tuple[str, ...] = ()


def _shape(raw: Any, channels: str, label: str) -> tuple[int, ...]:
    dims = list(raw)
    if dims and dims[0] is None:
        dims = dims[1:]
    if not dims or any(
        isinstance(d, bool) or not isinstance(d, int) or d < 1 for d in dims
    ):
        raise ValueError(
            f"layer {label!r}: shape {tuple(raw)!r} must be positive ints after an "
            f"optional leading None (the batch axis)"
        )
    if channels == "first" and len(dims) >= 2:
        dims = dims[1:] + dims[:1]
    return tuple(dims)


def _record(item: Any, channels: str) -> Volume:
    if isinstance(item, Volume):
        return item
    if isinstance(item, Mapping):
        label, shape, params = item["label"], item["shape"], item.get("params", 0)
        inputs = item.get("inputs", ())
    elif isinstance(item, Sequence) and not isinstance(item, str) and len(item) in (3, 4):
        label, shape, params = item[0], item[1], item[2]
        inputs = item[3] if len(item) == 4 else ()
    else:
        raise TypeError(
            f"a layer record must be (label, shape, params) or (label, shape, params, "
            f"inputs), a mapping with those keys, or a Volume; got {item!r}"
        )
    if isinstance(inputs, str):
        inputs = (inputs,)
    if isinstance(params, bool) or not isinstance(params, int) or params < 0:
        raise ValueError(f"layer {label!r}: params={params!r} must be an int of at least 0")
    return Volume(str(label), _shape(shape, channels, str(label)), params, tuple(inputs))


def _history_name(tensor: Any) -> str | None:
    history = getattr(tensor, "_keras_history", None)
    operation = getattr(history, "operation", None) if history is not None else None
    if operation is None and isinstance(history, tuple) and history:
        operation = history[0]
    return getattr(operation, "name", None)


def _from_model(model: Any) -> list[Volume]:
    """Records from an object with ``.layers`` (Keras-like), duck-typed."""
    records: list[Volume] = []
    names = []
    for layer in model.layers:
        name = str(getattr(layer, "name", type(layer).__name__))
        shape = getattr(layer, "output_shape", None)
        if shape is None:
            shape = getattr(getattr(layer, "output", None), "shape", None)
        if shape is None:
            raise ValueError(f"layer {name!r} has no output shape (build the model first)")
        if isinstance(shape, list) and len(shape) == 1:
            shape = shape[0]
        count = getattr(layer, "count_params", None)
        params = int(count()) if callable(count) else int(getattr(layer, "params", 0))
        inputs: list[str] = []
        for node in getattr(layer, "_inbound_nodes", ())[:1]:
            for tensor in getattr(node, "input_tensors", ()):
                parent = _history_name(tensor)
                if parent is not None:
                    inputs.append(parent)
        names.append(name)
        records.append(Volume(name, _shape(shape, "last", name), params, tuple(inputs)))
    known = set(names)
    first_inputs = records[0].inputs if records else ()
    for tensor in getattr(model, "inputs", None) or ():
        name = _history_name(tensor) or "input"
        if name not in known and name in first_inputs:
            records.insert(0, Volume(name, _shape(tensor.shape, "last", name), 0))
            known.add(name)
    return [
        Volume(r.label, r.shape, r.params, tuple(i for i in r.inputs if i in known))
        for r in records
    ]


def _records(source: Any, channels: str) -> list[Volume]:
    if channels not in ("last", "first"):
        raise ValueError(f"channels={channels!r} must be 'last' or 'first'")
    if hasattr(source, "layers") and not isinstance(source, (list, tuple)):
        records = _from_model(source)
    else:
        records = [_record(item, channels) for item in source]
    if not records:
        raise ValueError("nothing to draw: give at least one layer record")
    labels = [r.label for r in records]
    if len(set(labels)) != len(labels):
        raise ValueError(f"layer labels must be unique, got {labels}")
    for r in records:
        for parent in r.inputs:
            if parent not in labels[: labels.index(r.label)]:
                raise ValueError(
                    f"layer {r.label!r} reads {parent!r}, which is not an earlier record"
                )
    return records


def shape_text(shape: tuple[int, ...]) -> str:
    """``30×30×5``."""
    return "\u00d7".join(str(d) for d in shape)


def params_text(params: int) -> str:
    return f"{params:,} param" + ("" if params == 1 else "s")


def volumes(
    source: Any,
    *,
    channels: str = "last",
    scale: str = "auto",
    id: str | None = None,
) -> Figure:
    """Volume diagram of a layer stack: boxes sized by height, width and channels.

    Each layer is a box (front face: width by height; depth: channels) labelled with its
    name, its shape like ``30×30×5`` and its parameter count; layers with parameters are
    tinted. A chain is drawn left to right (wrapping when long); records that name their
    inputs form a small graph, drawn in columns by depth with arrows.

    Args:
        source: a list of ``(label, shape, params)`` or ``(label, shape, params, inputs)``
            records (shape with or without a leading None batch axis; inputs a label or
            a list of labels of earlier records), mappings with those keys, or a model
            object with ``.layers`` whose items have ``.name``, ``.output_shape`` (or
            ``.output.shape``) and ``.count_params()`` (Keras-like).
        channels: ``"last"`` (Keras: H, W, C) or ``"first"`` (PyTorch: C, H, W) for the
            records' shapes.
        scale: ``"linear"``, ``"log"``, or ``"auto"`` (log when a size exceeds 64).
        id: the figure's id; default derived from the records.

    Returns:
        A [`Figure`][convdims.draw.Figure].

    Examples:
        >>> fig = volumes([("input", (32, 32, 3), 0), ("conv", (30, 30, 5), 140),
        ...                ("pool", (15, 15, 5), 0)])
        >>> "30\u00d730\u00d75" in fig.svg, fig.svg.count('class="box')
        (True, 3)
    """
    records = _records(source, channels)
    if scale not in ("auto", "linear", "log"):
        raise ValueError(f"scale={scale!r} must be 'auto', 'linear' or 'log'")
    biggest = max(d for r in records for d in r.shape)
    use_log = scale == "log" or (scale == "auto" and biggest > 64)
    k = min(4.0, 110 / biggest)

    def side(n: int) -> float:
        if use_log:
            return round(8 + 13 * math.log2(n), 1)
        return round(max(2.0, n * k), 1)

    def dims(r: Volume) -> tuple[float, float, float]:
        shape = r.shape
        h = shape[0]
        w = shape[1] if len(shape) >= 3 else 1
        c = shape[-1] if len(shape) >= 2 else 1
        return side(w), side(h), side(c) * DEPTH

    # Columns by depth: a record's column is one more than its deepest input's.
    column: dict[str, int] = {}
    graph = any(r.inputs for r in records)
    for n, r in enumerate(records):
        if graph:
            column[r.label] = 1 + max((column[p] for p in r.inputs), default=-1)
        else:
            column[r.label] = n
    chain = (
        all(
            len(r.inputs) <= 1 and (not r.inputs or r.inputs[0] == records[n - 1].label)
            for n, r in enumerate(records)
        )
        and all(r.inputs for r in records[1:])
        or not graph
    )
    if chain:
        column = {r.label: n for n, r in enumerate(records)}

    label_lines = {
        r.label: (r.label, shape_text(r.shape), params_text(r.params)) for r in records
    }

    def footprint(r: Volume) -> float:
        w, _, d = dims(r)
        texts = label_lines[r.label]
        return max(w + d, max(text_width(t, 11) for t in texts))

    gap = 34
    max_row_width = 900
    columns = max(column.values()) + 1
    col_width = [0.0] * columns
    for r in records:
        col_width[column[r.label]] = max(col_width[column[r.label]], footprint(r))
    # Wrap long chains into rows of columns.
    bands: list[list[int]] = [[]]
    used = 0.0
    for c in range(columns):
        need = col_width[c] + (gap if bands[-1] else 0)
        if chain and bands[-1] and used + need > max_row_width:
            bands.append([])
            used, need = 0.0, col_width[c]
        bands[-1].append(c)
        used += need
    band_of = {c: b for b, cols in enumerate(bands) for c in cols}
    col_x: dict[int, float] = {}
    for b, cols in enumerate(bands):
        xx = 10.0 if b == 0 else 34.0  # room for the arrow coming from the row above
        for c in cols:
            col_x[c] = xx
            xx += col_width[c] + gap
    # Vertical placement: silhouettes (box with its top face) centred on one line per
    # band; a column holding several boxes stacks them around that line.
    text_h = 3 * 14 + 4
    members: dict[int, list[Volume]] = {}
    for r in records:
        members.setdefault(column[r.label], []).append(r)
    place: dict[str, float] = {}  # silhouette top, relative to the band's centre line
    for items in members.values():
        heights = [dims(r)[1] + dims(r)[2] for r in items]
        total = sum(heights) + (len(items) - 1) * (text_h + 14)
        yy = -total / 2
        for r, sh in zip(items, heights, strict=True):
            place[r.label] = yy
            yy += sh + text_h + 14
    band_top: list[float] = []
    band_h: list[float] = []
    for cols in bands:
        rs = [r for c in cols for r in members[c]]
        top = min(place[r.label] for r in rs)
        bottom = max(place[r.label] + dims(r)[1] + dims(r)[2] + text_h for r in rs)
        band_top.append(top)
        band_h.append(bottom - top)
    band_y = [24.0]
    for h in band_h[:-1]:
        band_y.append(band_y[-1] + h + 18)

    boxes: list[str] = []
    anchors: dict[str, tuple[float, float, float, float]] = {}
    for c, items in members.items():
        b = band_of[c]
        for r in items:
            w, h, d = dims(r)
            cx = col_x[c] + col_width[c] / 2
            x = round(cx - (w + d) / 2, 1)
            top = round(band_y[b] - band_top[b] + place[r.label] + d, 1)  # front face top
            faces = [
                el(
                    "path",
                    d=f"M{num(x)} {num(top)}l{num(d)} {num(-d)}h{num(w)}"
                    f"l{num(-d)} {num(d)}z",
                    class_="t",
                ),
                el(
                    "path",
                    d=f"M{num(x + w)} {num(top)}l{num(d)} {num(-d)}v{num(h)}"
                    f"l{num(-d)} {num(d)}z",
                    class_="s",
                ),
                el("rect", x=x, y=top, width=w, height=h, class_="f"),
            ]
            ty = top + h + 12
            lines = label_lines[r.label]
            faces.append(text(cx, ty, lines[0], "m h"))
            faces.append(text(cx, ty + 14, lines[1], "m"))
            faces.append(text(cx, ty + 28, lines[2], "sm m"))
            boxes.append(
                group(
                    "box wt" if r.params else "box",
                    faces,
                    data_label=r.label,
                    data_shape=shape_text(r.shape),
                    data_params=r.params,
                )
            )
            anchors[r.label] = (x, x + w + d, round(top + (h - d) / 2, 1), float(b))

    # Arrows: chain neighbours, or each record's inputs.
    edges: list[tuple[str, str]] = []
    if chain:
        edges = [(records[n - 1].label, records[n].label) for n in range(1, len(records))]
    else:
        edges = [(p, r.label) for r in records for p in r.inputs]
    arrows: list[str] = []
    for a, bname in edges:
        ax0, ax1, ay, aband = anchors[a]
        bx0, _, by, bband = anchors[bname]
        if aband != bband:  # a wrapped chain: the arrow leaves one row, enters the next
            arrows.append(
                el(
                    "path",
                    d=f"M{num(ax1 + 4)} {num(ay)}h12",
                    class_="arrow",
                    data_from=a,
                    data_to=bname,
                )
            )
            arrows.append(
                el(
                    "path",
                    d=f"M{num(ax1 + 16)} {num(ay - 3.5)}l5 3.5l-5 3.5z",
                    class_="head",
                )
            )
            arrows.append(el("path", d=f"M6 {num(by)}H{num(bx0 - 6)}", class_="arrow"))
            arrows.append(
                el(
                    "path",
                    d=f"M{num(bx0 - 6)} {num(by - 3.5)}l5 3.5l-5 3.5z",
                    class_="head",
                )
            )
            continue
        x1, x2 = ax1 + 4, bx0 - 6
        if abs(ay - by) < 0.5:
            d = f"M{num(x1)} {num(ay)}H{num(x2)}"
        else:
            mid = (x1 + x2) / 2
            d = f"M{num(x1)} {num(ay)}H{num(mid)}V{num(by)}H{num(x2)}"
        arrows.append(el("path", d=d, class_="arrow", data_from=a, data_to=bname))
        arrows.append(
            el("path", d=f"M{num(x2)} {num(by - 3.5)}l5 3.5l-5 3.5z", class_="head")
        )
    width = max(col_x[c] + col_width[c] for c in range(columns)) + (
        30 if len(bands) > 1 else 10
    )
    height = band_y[-1] + band_h[-1] + 8
    note = "sizes on a log scale" if use_log else "sizes to scale"
    body = [text(10, 10, note, "sm")] + [group("arrows", arrows)] + boxes
    joined = " \u2192 ".join(shape_text(r.shape) for r in records)
    desc_items = "; ".join(
        f"{r.label}: {shape_text(r.shape)}, {params_text(r.params)}"
        + (f", reads {', '.join(r.inputs)}" if r.inputs and not chain else "")
        for r in records
    )
    title = f"Layer volumes: {joined}"
    desc = (
        f"{len(records)} layer(s) drawn as boxes of height, width and channels ({note}). "
        f"{desc_items}."
    )
    return render(
        fig_id(records, channels, scale, id), width, height, title, desc, RULES, body
    )


def fig_id(records: Iterable[Volume], channels: str, scale: str, id: str | None) -> str:
    return figure_id("volumes", (tuple(records), channels, scale), id)

"""Volume diagram of a layer stack: one box per layer, sized by height, width, channels."""

from __future__ import annotations

import math
from collections.abc import Iterable

from convdims.draw._records import Volume, read
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
from convdims.errors import ArgumentError

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

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


def shape_text(shape: tuple[int, ...]) -> str:
    """``30×30×5``."""
    return "\u00d7".join(str(d) for d in shape)


def params_text(params: int) -> str:
    return f"{params:,} param" + ("" if params == 1 else "s")


def volumes(
    source: Any,
    *,
    input_size: Any = None,
    channels: str | None = None,
    skip: Any = (),
    scale: str = "auto",
    id: str | None = None,
) -> Figure:
    """Volume diagram of a layer stack: boxes sized by height, width and channels.

    Each layer is a box (front face: width by height; depth: channels) labelled with its
    name, its shape like ``30×30×5`` and its parameter count; layers with parameters are
    tinted. A chain is drawn left to right (wrapping when long); records that name their
    inputs form a small graph, drawn in columns by depth with arrows.

    A model is read through its description
    ([`describe`][convdims.analysis.describe]), so Keras and PyTorch models draw
    alike: one box per layer call (the model's inputs first, nested models opened up),
    its output shape channels last, its parameters, arrows from the calls that feed it.
    A layer called twice gets a box per call (``dense (call 2)``, with no parameters
    of its own); a torch module is labelled by its qualified name (``features.0``).

    Args:
        source: a ``convdims.keras`` model, a ``convdims.torch`` module (with
            ``input_size``), or the [`ModelGraph`][convdims.description.ModelGraph]
            of either; or a list of ``(label, shape, params)`` or
            ``(label, shape, params, inputs)`` records (shape with or without a leading
            None batch axis; inputs a label or a list of labels of earlier records),
            mappings with those keys, or [`Volume`][convdims.draw.Volume]s. Any other
            object with ``.layers`` whose items have ``.name``, ``.output_shape`` (or
            ``.output.shape``) and ``.count_params()`` (a real Keras model, say) is
            drawn as the chain of its layers, in order.
        input_size: for a torch module, its input shape with the batch, e.g.
            ``(1, 3, 32, 32)``; a Keras model and records carry their shapes.
        channels: ``"last"`` (Keras: H, W, C) or ``"first"`` (PyTorch: C, H, W) for the
            records' shapes (default ``"last"``). For a model the layout is read from
            its description; a value given here overrides it.
        skip: for a model, layer kinds to leave out (values of
            [`Kind`][convdims.description.Kind], e.g. ``("activation", "dropout")``
            for PyTorch's ReLU and Dropout modules): their boxes go, and the arrows pass
            through them.
        scale: ``"linear"``, ``"log"``, or ``"auto"`` (log when a size exceeds 64).
        id: the figure's id; default derived from the records.

    Returns:
        A [`Figure`][convdims.draw.Figure].

    Raises:
        ValueError: a record breaks a rule (unknown or non-positive sizes, a label
            with a control character or longer than 100 characters, an input that is
            not an earlier record, repeated labels), more than 600 layers, or an
            unknown ``channels``, ``skip`` kind or ``scale``; an
            [`ArgumentError`][convdims.ArgumentError] naming the argument.
        TypeError: a record of the wrong form, or a source that is neither records
            nor a model.

    Examples:
        >>> fig = volumes([("input", (32, 32, 3), 0), ("conv", (30, 30, 5), 140),
        ...                ("pool", (15, 15, 5), 0)])
        >>> "30\u00d730\u00d75" in fig.svg, fig.svg.count('class="box')
        (True, 3)
        >>> from convdims.torch import nn
        >>> model = nn.Sequential(nn.Conv2d(3, 5, 3), nn.MaxPool2d(2))
        >>> fig = volumes(model, input_size=(1, 3, 32, 32))
        >>> [b.split('"')[0] for b in fig.svg.split('data-shape="')[1:]]
        ['32\u00d732\u00d73', '30\u00d730\u00d75', '15\u00d715\u00d75']
    """
    records, layout = read(source, input_size, channels, skip)
    if scale not in ("auto", "linear", "log"):
        raise ArgumentError(
            f"scale={scale!r} must be 'auto', 'linear' or 'log'",
            argument="scale",
            value=scale,
            valid="'auto', 'linear' or 'log'",
        )
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
        fig_id(records, layout, scale, id),
        width,
        height,
        title,
        desc,
        RULES,
        body,
    )


def fig_id(records: Iterable[Volume], channels: str, scale: str, id: str | None) -> str:
    return figure_id("volumes", (tuple(records), channels, scale), id)

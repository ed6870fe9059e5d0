"""Sliding-window pictures: one axis, and a 2-D grid."""

from __future__ import annotations

from convdims.convolution import conv_geometry
from convdims.draw._limits import (
    MAX_AXIS_CELLS,
    MAX_AXIS_TAPS,
    MAX_GRID_CELLS,
    MAX_GRID_TAPS,
    brief,
    check_ints,
    check_size,
)
from convdims.draw._svg import (
    Figure,
    color,
    el,
    figure_id,
    fill,
    group,
    legend,
    num,
    rect,
    render,
    text,
    text_width,
)
from convdims.errors import ArgumentError, ArgumentTypeError
from convdims.geometry import AxisGeometry
from convdims.pooling import pool_geometry

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

CELL, GAP = 20, 2
PITCH = CELL + GAP
ROW = 12  # height of one window row
TAP = 8  # height of a tap mark

RULES = {
    ".pb": fill("pad-before", 0.3, "3 2"),
    ".pa": fill("pad-after", 0.3, "3 2"),
    ".sk": fill("skipped", 0.45),
    ".ov": "fill:none;stroke:" + color("skipped") + ";stroke-dasharray:2 2",
    ".tap": fill("window", 1),
    ".tx": "fill:none;stroke:" + color("skipped") + ";stroke-dasharray:2 2",
    ".span": "stroke:" + color("window") + ";stroke-width:1.5",
    ".o": fill("output", 0.35),
    ".op": fill("output", 0.1, "3 2"),
    ".w2": fill("window-2", 1),
    ".wb": "fill:none;stroke:" + color("window") + ";stroke-width:2",
    ".wb2": "fill:none;stroke:" + color("window-2") + ";stroke-width:2",
    ".o2": fill("window-2", 0.6),
    ".o1": fill("window", 0.6),
    ".dot": "stroke:currentColor;stroke-opacity:.75;stroke-linecap:round;stroke-width:4",
    ".grid": "stroke:currentColor;stroke-opacity:.35;fill:none",
    ".zero": fill("zero", 0.12, "2 2"),
    ".opd": fill("output-padding", 0.35, "3 2"),
    ".crop": "fill:none;stroke:currentColor;stroke-opacity:.4;stroke-dasharray:1 2",
    ".link": "stroke:currentColor;stroke-opacity:.35",
}


def _geometry(
    input_size: Any,
    kernel_size: int | None,
    stride: int | None,
    padding: Any,
    dilation: int,
    pool: bool,
    ceil_mode: bool,
) -> AxisGeometry:
    if isinstance(input_size, AxisGeometry):
        return input_size
    if kernel_size is None:
        raise ArgumentTypeError(
            "kernel_size is required unless the first argument is an AxisGeometry",
            argument="kernel_size",
            value=None,
            valid="an integer of at least 1",
        )
    if pool or ceil_mode:
        return pool_geometry(input_size, kernel_size, stride, padding, dilation, ceil_mode)
    return conv_geometry(
        input_size, kernel_size, 1 if stride is None else stride, padding, dilation
    )


def check_axis(g: AxisGeometry, limit: int, what: str = "cells on the padded axis") -> None:
    """Refuse an axis with more than ``limit`` cells to draw (padding and ceil_mode's
    overhang included), naming the input size or, when it fits, the padding."""
    cells = g.padded_size + g.overhang
    if g.input_size > limit:
        check_size("input_size", g.input_size, cells, limit, what)
    check_size(
        "padding",
        (g.pad_before, g.pad_after),
        cells,
        limit,
        what,
        f"the input ({g.input_size} cells) fits, the padding does not",
    )


def _pad_text(g: AxisGeometry) -> str:
    return f"padding {g.pad_before} before, {g.pad_after} after"


def describe_axis(g: AxisGeometry, kind: str) -> str:
    """A sentence with every number the 1-D picture shows."""
    parts = [
        f"{kind} over an input of {g.input_size} cells with kernel {g.kernel_size}, "
        f"stride {g.stride}"
        + (f", dilation {g.dilation}" if g.dilation != 1 else "")
        + f" and {_pad_text(g)}: {g.output_size} window positions give "
        f"{g.output_size} output cells."
    ]
    if g.unvisited_inputs:
        cells = ", ".join(str(i) for i in g.unvisited_inputs)
        parts.append(f"No window reads input cell(s) {cells} (0-based).")
    if g.overhang:
        parts.append(
            f"With ceil_mode the last window hangs {g.overhang} cell(s) past the end."
        )
    return " ".join(parts)


def window(
    input_size: int | AxisGeometry,
    kernel_size: int | None = None,
    stride: int | None = None,
    padding: Any = 0,
    dilation: int = 1,
    *,
    pool: bool = False,
    ceil_mode: bool = False,
    id: str | None = None,
) -> Figure:
    """A window sliding along one axis: input, padding, every window, the output.

    Draws the padded input (padding before and after in two colours, so TensorFlow's
    asymmetric ``"same"`` shows), one row per window position with its taps (dilation's
    holes visible), the input cells no window reads, the part of a ``ceil_mode`` window
    that hangs past the end, and the output cells, each under the centre of its window.
    Every number comes from [`conv_geometry`][convdims.conv_geometry] or
    [`pool_geometry`][convdims.pool_geometry].

    Args:
        input_size: I, or an [`AxisGeometry`][convdims.AxisGeometry] to draw as is.
        kernel_size: k (required unless a geometry is given).
        stride: S; None means 1 for a convolution and ``kernel_size`` for pooling.
        padding: as [`conv_geometry`][convdims.conv_geometry] (pooling: as
            [`pool_geometry`][convdims.pool_geometry]).
        dilation: d.
        pool: use pooling's rules (PyTorch padding limit, stride default).
        ceil_mode: PyTorch's ceil_mode (implies pooling).
        id: the figure's id, the prefix of every id inside; default derived from the
            arguments.

    Returns:
        A [`Figure`][convdims.draw.Figure].

    Examples:
        >>> fig = window(11, 2, stride=2)
        >>> fig.svg.startswith("<svg") and 'role="img"' in fig.svg
        True
    """
    check_ints(
        MAX_AXIS_CELLS,
        "cells on the padded axis",
        unbounded=("stride",),
        input_size=input_size,
        kernel_size=kernel_size,
        stride=stride,
        padding=padding,
        dilation=dilation,
    )
    g = _geometry(input_size, kernel_size, stride, padding, dilation, pool, ceil_mode)
    check_axis(g, MAX_AXIS_CELLS)
    check_size(
        "kernel_size",
        g.kernel_size,
        g.output_size * g.kernel_size,
        MAX_AXIS_TAPS,
        "taps (windows times kernel size)",
    )
    kind = "Pooling window" if (pool or ceil_mode or g.ceil_mode) else "Convolution window"
    fig = figure_id("window", g, id)
    label_w = 56
    x0 = label_w + 8
    cells = g.padded_size + g.overhang
    starts = g.window_starts
    y_head = 10
    y_in = 26
    y_idx = y_in + CELL + 7
    y_w = y_idx + 10
    y_out = y_w + len(starts) * ROW + 6
    y_oidx = y_out + CELL + 7

    def x(cell: float) -> float:
        return x0 + cell * PITCH

    body: list[str] = []
    head = (
        f"I={g.input_size}  k={g.kernel_size}  S={g.stride}"
        + (f"  d={g.dilation}" if g.dilation != 1 else "")
        + f"  padding {g.pad_before}|{g.pad_after}"
        + ("  ceil_mode" if g.ceil_mode else "")
        + f"  \u2192  O={g.output_size}"
    )
    body.append(text(x0, y_head, head, "h"))

    # The padded input.
    unvisited = set(g.unvisited_inputs)
    cell_rects: list[str] = []
    labels: list[str] = []
    for cell in range(cells):
        if cell < g.pad_before:
            cls = "pb"
        elif cell < g.pad_before + g.input_size:
            i = cell - g.pad_before
            cls = "sk" if i in unvisited else "c"
            labels.append(text(x(cell) + CELL / 2, y_idx, str(i), "sm m"))
        elif cell < g.padded_size:
            cls = "pa"
        else:
            cls = "ov"
        cell_rects.append(rect(x(cell), y_in, CELL, CELL, cls))
    body.append(text(label_w, y_in + CELL / 2, "input", "e"))
    body.append(group("input", cell_rects))
    body.append(group("index", labels))

    # One row per window.
    rows: list[str] = []
    partial_cells = set(range(g.padded_size, cells))
    for n, start in enumerate(starts):
        y = y_w + n * ROW
        taps = g.taps(start)
        marks = [el_line(x(taps[0]) + CELL / 2, x(taps[-1]) + CELL / 2, y + ROW / 2)]
        inside = [tap for tap in taps if tap not in partial_cells]
        outside = [tap for tap in taps if tap in partial_cells]
        yt = y + (ROW - TAP) / 2
        marks.append(tap_path(inside, x, yt, "tap"))
        if outside:
            marks.append(tap_path(outside, x, yt, "tx"))
        partial = bool(outside)
        rows.append(group("w partial" if partial else "w", marks, data_start=start))
    body.append(text(label_w, y_w + ROW / 2, "windows", "e"))
    body.append(group("windows", rows))

    # The output, each cell under the centre of its window.
    outs: list[str] = []
    oidx: list[str] = []
    half = (g.effective_kernel - 1) / 2
    for n, start in enumerate(starts):
        cx = x(start + half)
        partial = any(tap in partial_cells for tap in g.taps(start))
        outs.append(rect(cx, y_out, CELL, CELL, "op" if partial else "o"))
        oidx.append(text(cx + CELL / 2, y_oidx, str(n), "sm m"))
    body.append(text(label_w, y_out + CELL / 2, "output", "e"))
    body.append(group("output", outs))
    body.append(group("index", oidx))

    right = max(x(cells), max(x(s + half) for s in starts) + PITCH)
    width = max(right + 8, x0 + text_width(head, 12) + 8)
    items = []
    if g.pad_before:
        items.append(("pb", "padding before"))
    if g.pad_after:
        items.append(("pa", "padding after"))
    items.append(("tap", "window taps"))
    if unvisited:
        items.append(("sk", "never read"))
    if g.overhang:
        items.append(("ov", "past the end (ceil_mode)"))
    items.append(("o", "output"))
    leg, leg_h = legend(x0, y_oidx + 12, items, width - x0 - 8)
    body.extend(leg)
    height = y_oidx + 12 + leg_h + 4
    title = (
        f"{kind}: I={g.input_size}, k={g.kernel_size}, S={g.stride} gives O={g.output_size}"
    )
    return render(
        fig, width, height, title, describe_axis(g, kind), RULES, body, x0=x0, pitch=PITCH
    )


def tap_path(cells: list[int], x: Any, y: float, cls: str) -> str:
    """One path of CELL x TAP squares, one subpath per tap (smaller than rects)."""
    d = "".join(f"M{num(x(cell))} {num(y)}h{CELL}v{TAP}h-{CELL}z" for cell in cells)
    return el("path", d=d, class_=cls)


def el_line(x1: float, x2: float, y: float, cls: str = "span") -> str:
    return el("line", x1=x1, y1=y, x2=x2, y2=y, class_=cls)


def _per_axis(value: Any, name: str) -> tuple[Any, Any]:
    """A value for both axes, or a (height, width) pair."""
    if isinstance(value, (tuple, list)):
        if len(value) != 2:
            raise ArgumentError(
                f"{name}={brief(value)} must be one value or a (height, width) pair",
                argument=name,
                value=value,
                valid="one value or a (height, width) pair",
            )
        return value[0], value[1]
    return value, value


def window2d(
    input_size: Any,
    kernel_size: Any = None,
    stride: Any = None,
    padding: Any = 0,
    dilation: Any = 1,
    *,
    pool: bool = False,
    ceil_mode: bool = False,
    id: str | None = None,
) -> Figure:
    """A window sliding over a 2-D grid.

    Draws the padded grid (padding before, i.e. top and left, and after, i.e. bottom and
    right, in two colours), the rows and columns no window reads, the first and the last
    window with their taps, a dot at the first tap of every window position, and the
    output grid with the two highlighted windows' cells.

    Args:
        input_size: an int (square), a (height, width) pair, or a pair of
            [`AxisGeometry`][convdims.AxisGeometry] (then the other arguments are ignored).
        kernel_size: an int or a (height, width) pair.
        stride: an int or a (height, width) pair; default: 1.
        padding: one padding for both axes, or a (height, width) pair of paddings
            (each an int, a (before, after) pair or a word). As in PyTorch, a pair of
            ints means height and width, not before and after.
        dilation: an int or a (height, width) pair.
        pool: draw a pooling window (PyTorch's padding rules; the stride defaults to
            the window).
        ceil_mode: as for [`window`][convdims.draw.window].
        id: as for [`window`][convdims.draw.window].

    Returns:
        A [`Figure`][convdims.draw.Figure].

    Examples:
        >>> window2d(5, 3, padding=1).svg.count('class="dot"')
        1
    """
    if (
        isinstance(input_size, (tuple, list))
        and len(input_size) == 2
        and all(isinstance(v, AxisGeometry) for v in input_size)
    ):
        gh, gw = input_size
    else:
        check_ints(
            MAX_GRID_CELLS,
            "cells along each axis of the padded grid",
            unbounded=("stride",),
            input_size=input_size,
            kernel_size=kernel_size,
            stride=stride,
            padding=padding,
            dilation=dilation,
        )
        sizes = _per_axis(input_size, "input_size")
        kernels = _per_axis(kernel_size, "kernel_size")
        strides = _per_axis(stride, "stride")
        if isinstance(padding, (tuple, list)) and len(padding) == 2:
            paddings = (padding[0], padding[1])
        else:
            paddings = (padding, padding)
        dilations = _per_axis(dilation, "dilation")
        gh, gw = (
            _geometry(
                sizes[a], kernels[a], strides[a], paddings[a], dilations[a], pool, ceil_mode
            )
            for a in (0, 1)
        )
    check_axis(gh, MAX_GRID_CELLS, "cells along the height of the padded grid")
    check_axis(gw, MAX_GRID_CELLS, "cells along the width of the padded grid")
    check_size(
        "kernel_size",
        (gh.kernel_size, gw.kernel_size),
        gh.kernel_size * gw.kernel_size,
        MAX_GRID_TAPS,
        "taps in one window",
    )
    pooled = pool or ceil_mode or gh.ceil_mode or gw.ceil_mode
    kind = "Pooling window" if pooled else "Convolution window"
    fig = figure_id("window2d", (gh, gw), id)
    rows_n, cols_n = gh.padded_size + gh.overhang, gw.padded_size + gw.overhang
    c = max(4, min(18, 432 // max(rows_n, cols_n)))
    x0, y0 = 8, 44
    out_gap = 36
    ox = x0 + cols_n * c + out_gap
    oc = c

    def px(col: float) -> float:
        return x0 + col * c

    def py(row: float) -> float:
        return y0 + row * c

    body: list[str] = []
    head = (
        f"{gh.input_size}\u00d7{gw.input_size}  k={gh.kernel_size}\u00d7{gw.kernel_size}  "
        f"S={gh.stride}\u00d7{gw.stride}"
        + (
            f"  d={gh.dilation}\u00d7{gw.dilation}"
            if (gh.dilation, gw.dilation) != (1, 1)
            else ""
        )
        + f"  \u2192  {gh.output_size}\u00d7{gw.output_size}"
    )
    body.append(text(x0, 10, head, "h"))
    body.append(text(x0, 30, "input (padded)", ""))
    body.append(text(ox, 30, "output", ""))

    # Regions: input, padding bands (top/bottom full width, left/right beside the input),
    # overhang bands, unvisited rows and columns.
    regions: list[str] = []
    ih, iw = gh.input_size, gw.input_size
    top, left = gh.pad_before, gw.pad_before
    regions.append(rect(px(left), py(top), iw * c, ih * c, "c"))
    if gh.pad_before:
        regions.append(rect(px(0), py(0), gw.padded_size * c, top * c, "pb", data_axis="h"))
    if gh.pad_after:
        regions.append(
            rect(
                px(0),
                py(top + ih),
                gw.padded_size * c,
                gh.pad_after * c,
                "pa",
                data_axis="h",
            )
        )
    if gw.pad_before:
        regions.append(rect(px(0), py(top), left * c, ih * c, "pb", data_axis="w"))
    if gw.pad_after:
        regions.append(
            rect(px(left + iw), py(top), gw.pad_after * c, ih * c, "pa", data_axis="w")
        )
    if gh.overhang:
        regions.append(
            rect(
                px(0), py(gh.padded_size), cols_n * c, gh.overhang * c, "ov", data_axis="h"
            )
        )
    if gw.overhang:
        regions.append(
            rect(
                px(gw.padded_size), py(0), gw.overhang * c, rows_n * c, "ov", data_axis="w"
            )
        )
    for i in gh.unvisited_inputs:
        regions.append(rect(px(left), py(top + i), iw * c, c, "sk", data_axis="h"))
    for j in gw.unvisited_inputs:
        regions.append(rect(px(left + j), py(top), c, ih * c, "sk", data_axis="w"))
    body.append(group("input", regions))

    # Grid lines over the padded area, one path.
    d = [f"M{px(0)} {py(r)}h{cols_n * c}" for r in range(rows_n + 1)]
    d += [f"M{px(k)} {py(0)}v{rows_n * c}" for k in range(cols_n + 1)]
    body.append(el("path", d="".join(d), class_="grid"))

    # Every window position: a dot on its first tap.
    dots = [
        f"M{px(sw) + c / 2:g} {py(sh) + c / 2:g}h0"
        for sh in gh.window_starts
        for sw in gw.window_starts
    ]
    body.append(el("path", d="".join(dots), class_="dot"))

    # The first and the last window, with their taps.
    picks = [(0, 0, "1")]
    last = (gh.output_size - 1, gw.output_size - 1)
    if last != (0, 0):
        picks.append((last[0], last[1], "2"))
    for n_h, n_w, tag in picks:
        sh, sw = gh.window_starts[n_h], gw.window_starts[n_w]
        taps = [
            rect(
                px(tw) + 2,
                py(th) + 2,
                c - 4,
                c - 4,
                "tx"
                if th >= gh.padded_size or tw >= gw.padded_size
                else ("tap" if tag == "1" else "w2"),
            )
            for th in gh.taps(sh)
            for tw in gw.taps(sw)
        ]
        taps.append(
            rect(
                px(sw),
                py(sh),
                gw.effective_kernel * c,
                gh.effective_kernel * c,
                "wb" if tag == "1" else "wb2",
            )
        )
        body.append(group("w", taps, data_start=f"{sh} {sw}", data_index=f"{n_h} {n_w}"))

    # The output grid.
    outs = [rect(ox, y0, gw.output_size * oc, gh.output_size * oc, "o")]
    for n_h, n_w, tag in picks:
        outs.append(rect(ox + n_w * oc, y0 + n_h * oc, oc, oc, "o" + tag))
    od = [f"M{ox} {y0 + r * oc}h{gw.output_size * oc}" for r in range(gh.output_size + 1)]
    od += [f"M{ox + k * oc} {y0}v{gh.output_size * oc}" for k in range(gw.output_size + 1)]
    outs.append(el("path", d="".join(od), class_="grid"))
    body.append(group("output", outs))

    width = max(ox + gw.output_size * oc + 8, x0 + text_width(head, 12) + 8)
    bottom = y0 + max(rows_n * c, gh.output_size * oc) + 10
    items = []
    if gh.pad_before or gw.pad_before:
        items.append(("pb", "padding before (top, left)"))
    if gh.pad_after or gw.pad_after:
        items.append(("pa", "padding after (bottom, right)"))
    if gh.unvisited_inputs or gw.unvisited_inputs:
        items.append(("sk", "never read"))
    if gh.overhang or gw.overhang:
        items.append(("ov", "past the end (ceil_mode)"))
    items.append(("tap", "first window"))
    if len(picks) > 1:
        items.append(("w2", "last window"))
    leg, leg_h = legend(x0, bottom, items, width - x0 - 8)
    body.extend(leg)
    height = bottom + leg_h + 4
    title = (
        f"{kind} on a {gh.input_size}\u00d7{gw.input_size} grid gives "
        f"{gh.output_size}\u00d7{gw.output_size}"
    )
    desc = (
        f"Height: {describe_axis(gh, kind)} Width: {describe_axis(gw, kind)} "
        f"Dots mark the first tap of every window position "
        f"({gh.output_size}\u00d7{gw.output_size})."
    )
    return render(fig, width, height, title, desc, RULES, body, x0=x0, y0=y0, cell=c, ox=ox)

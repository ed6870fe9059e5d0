"""Transposed convolution: the stretched input, implicit padding, output_padding."""

from __future__ import annotations

from convdims.draw._limits import MAX_AXIS_CELLS, MAX_AXIS_TAPS, check_ints, check_size
from convdims.draw._svg import (
    Figure,
    el,
    figure_id,
    group,
    legend,
    rect,
    render,
    text,
    text_width,
)
from convdims.draw._window import CELL, PITCH, ROW, RULES, TAP, el_line, tap_path
from convdims.errors import ArgumentTypeError
from convdims.transposed_geometry import TransposedGeometry, transposed_geometry

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any


def describe_transposed(g: TransposedGeometry) -> str:
    """A sentence with every number the picture shows."""
    parts = [
        f"Transposed convolution of an input of {g.input_size} cells with kernel "
        f"{g.kernel_size}, stride {g.stride}"
        + (f", dilation {g.dilation}" if g.dilation != 1 else "")
        + f": {g.inserted_zeros} zeros are inserted between the input cells, giving a "
        f"stretched input of {g.stretched_size} cells; implicit padding adds "
        f"{g.implicit_before} cell(s) before and {g.implicit_after} after"
    ]
    if g.output_padding:
        parts.append(f" ({g.output_padding} of them from output_padding)")
    parts.append(
        f". A stride-1 window of kernel {g.kernel_size} slides over it: "
        f"{g.output_size} window positions give {g.output_size} output cells."
    )
    return "".join(parts)


def _check_cells(g: TransposedGeometry, cells: int) -> None:
    """Refuse a stretched axis too long to draw, naming what makes it long: the input
    (or the stride, which spreads it) when it outweighs the implicit padding on both
    sides, else the kernel (or its dilation)."""
    what = "cells on the stretched axis"
    if g.stretched_size >= 2 * (g.effective_kernel - 1):
        name, value = (
            ("input_size", g.input_size)
            if g.input_size >= g.stride
            else ("stride", g.stride)
        )
    else:
        name, value = (
            ("kernel_size", g.kernel_size)
            if g.kernel_size >= g.dilation
            else ("dilation", g.dilation)
        )
    check_size(name, value, cells, MAX_AXIS_CELLS, what)
    check_size(
        "kernel_size",
        g.kernel_size,
        g.output_size * g.kernel_size,
        MAX_AXIS_TAPS,
        "taps (windows times kernel size)",
    )


def transpose(
    input_size: int | TransposedGeometry,
    kernel_size: int | None = None,
    stride: int = 1,
    padding: Any = 0,
    output_padding: int | None = None,
    dilation: int = 1,
    *,
    id: str | None = None,
) -> Figure:
    """A transposed convolution drawn as a stride-1 convolution over a stretched input.

    Rows, top to bottom: the input; the stretched input (S - 1 zeros between cells) with
    its implicit padding before and after (the cells ``output_padding`` adds in their own
    colour, cells cropped by a large ``padding`` struck out); one row per window; the
    output. Every number comes from
    [`transposed_geometry`][convdims.transposed_geometry.transposed_geometry].

    Args:
        input_size: I, or a
            [`TransposedGeometry`][convdims.transposed_geometry.TransposedGeometry].
        kernel_size: k, as in
            [`conv_transpose_output_size`][convdims.conv_transpose_output_size].
        stride: S.
        padding: an int, a (before, after) pair, ``"valid"`` or ``"same"``.
        output_padding: extra cells after; None and 0 differ for the Keras words.
        dilation: d.
        id: the figure's id; default derived from the arguments.

    Returns:
        A [`Figure`][convdims.draw.Figure].

    Examples:
        >>> fig = transpose(3, 3, stride=2)
        >>> fig.svg.count('class="w"')
        7
    """
    if isinstance(input_size, TransposedGeometry):
        g = input_size
    else:
        if kernel_size is None:
            raise ArgumentTypeError(
                "kernel_size is required unless the first argument is a TransposedGeometry",
                argument="kernel_size",
                value=None,
                valid="an integer of at least 1",
            )
        check_ints(
            MAX_AXIS_CELLS,
            "cells on the stretched axis",
            unbounded=("stride", "padding"),
            input_size=input_size,
            kernel_size=kernel_size,
            stride=stride,
            padding=padding,
            output_padding=output_padding,
            dilation=dilation,
        )
        g = transposed_geometry(
            input_size, kernel_size, stride, padding, output_padding, dilation
        )
    lo = min(-g.implicit_before, 0)
    hi = max(g.stretched_size + g.implicit_after, g.stretched_size)  # exclusive
    _check_cells(g, hi - lo)
    fig = figure_id("transpose", g, id)
    label_w = 64
    x0 = label_w + 8

    def x(coord: float) -> float:
        return x0 + (coord - lo) * PITCH

    y_head, y_in = 10, 26
    y_st = y_in + CELL + 28
    y_idx = y_st + CELL + 7
    y_w = y_idx + 10
    y_out = y_w + g.output_size * ROW + 6
    y_oidx = y_out + CELL + 7

    body: list[str] = []
    head = (
        f"I={g.input_size}  k={g.kernel_size}  S={g.stride}"
        + (f"  d={g.dilation}" if g.dilation != 1 else "")
        + f"  crop {g.crop_before}|{g.crop_after}  output_padding {g.output_padding}"
        + f"  \u2192  O={g.output_size}"
    )
    body.append(text(x0, y_head, head, "h"))

    # The input, compact, with a link to where each cell lands.
    ins: list[str] = []
    links: list[str] = []
    for i, pos in enumerate(g.input_positions):
        ins.append(rect(x(i), y_in, CELL, CELL, "c"))
        ins.append(text(x(i) + CELL / 2, y_in + CELL / 2, str(i), "sm m"))
        links.append(
            el(
                "line",
                x1=x(i) + CELL / 2,
                y1=y_in + CELL,
                x2=x(pos) + CELL / 2,
                y2=y_st,
                class_="link",
            )
        )
    body.append(text(label_w, y_in + CELL / 2, "input", "e"))
    body.append(group("input", ins))
    body.append(group("links", links))

    # The stretched input and its implicit padding.
    placed = {pos: i for i, pos in enumerate(g.input_positions)}
    names: list[str] = []
    op_from = g.stretched_size + g.implicit_after - g.output_padding
    cells: list[str] = []
    for coord in range(lo, hi):
        if coord < 0:
            cls = "pb"
        elif coord >= g.stretched_size:
            cls = "opd" if coord >= op_from else "pa"
        elif coord < -g.implicit_before or coord >= g.stretched_size + g.implicit_after:
            cls = "crop"
        else:
            cls = "c" if coord in placed else "zero"
        cells.append(rect(x(coord), y_st, CELL, CELL, cls, data_at=coord))
        if cls == "c":
            names.append(
                text(x(coord) + CELL / 2, y_st + CELL / 2, str(placed[coord]), "sm m")
            )
    body.append(text(label_w, y_st + CELL / 2, "stretched", "e"))
    body.append(group("stretched", cells))
    body.append(group("index", names))

    # One stride-1 window per output cell.
    rows: list[str] = []
    for n, start in enumerate(g.window_starts):
        y = y_w + n * ROW
        taps = g.taps(start)
        marks = [el_line(x(taps[0]) + CELL / 2, x(taps[-1]) + CELL / 2, y + ROW / 2)]
        marks.append(tap_path(list(taps), x, y + (ROW - TAP) / 2, "tap"))
        rows.append(group("w", marks, data_start=start))
    body.append(text(label_w, y_w + ROW / 2, "windows", "e"))
    body.append(group("windows", rows))

    outs: list[str] = []
    half = (g.effective_kernel - 1) / 2
    for n, start in enumerate(g.window_starts):
        cx = x(start + half)
        outs.append(rect(cx, y_out, CELL, CELL, "o"))
        outs.append(text(cx + CELL / 2, y_oidx, str(n), "sm m"))
    body.append(text(label_w, y_out + CELL / 2, "output", "e"))
    body.append(group("output", outs))

    width = max(
        x(hi) + 8, x(g.window_starts[-1] + half) + PITCH + 8, x0 + text_width(head, 12) + 8
    )
    items = [("c", "input cell"), ("zero", "inserted zero")]
    if g.implicit_before > 0:
        items.append(("pb", "implicit padding before"))
    if g.implicit_after - g.output_padding > 0:
        items.append(("pa", "implicit padding after"))
    if g.output_padding:
        items.append(("opd", "output_padding"))
    if g.implicit_before < 0 or g.implicit_after < 0:
        items.append(("crop", "cropped by padding"))
    items.append(("tap", "window taps"))
    items.append(("o", "output"))
    leg, leg_h = legend(x0, y_oidx + 12, items, width - x0 - 8)
    body.extend(leg)
    height = y_oidx + 12 + leg_h + 4
    title = (
        f"Transposed convolution: I={g.input_size}, k={g.kernel_size}, S={g.stride} "
        f"gives O={g.output_size}"
    )
    return render(
        fig,
        width,
        height,
        title,
        describe_transposed(g),
        RULES,
        body,
        x0=x0,
        pitch=PITCH,
        lo=lo,
    )

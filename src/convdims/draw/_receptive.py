"""Receptive field growth: which cells of every map one output cell depends on."""

from __future__ import annotations

from collections.abc import Iterable

from convdims._checks import positive_int
from convdims.convolution import conv_output_size
from convdims.draw._limits import (
    MAX_FIELD_CELLS,
    MAX_FIELD_LAYERS,
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
    rect,
    render,
    text,
    text_width,
)
from convdims.receptive import AxisLayer, LayerSpec, receptive_fields, receptive_trace

RULES = {
    ".pb": fill("pad-before", 0.3, "3 2"),
    ".pa": fill("pad-after", 0.3, "3 2"),
    ".rf": fill("field", 0.9),
    ".rfp": "fill:" + color("field") + ";fill-opacity:.45;stroke:" + color("field"),
    ".link": "stroke:" + color("field") + ";stroke-opacity:.45",
    ".span": "stroke:currentColor;stroke-opacity:.7;fill:none",
}


def _layer_text(layer: AxisLayer) -> str:
    out = f"k{layer.kernel_size} s{layer.stride}"
    if layer.pad_before or layer.pad_after:
        out += (
            f" p{layer.pad_before}"
            if layer.pad_before == layer.pad_after
            else f" p{layer.pad_before}|{layer.pad_after}"
        )
    if layer.dilation != 1:
        out += f" d{layer.dilation}"
    return out


def _stack(layers: Iterable[LayerSpec | AxisLayer]) -> tuple[AxisLayer, ...]:
    """The layers, read one by one: a stack deeper than the limit is refused before the
    rest of it is read."""
    stack: list[AxisLayer] = []
    for spec in layers:
        if len(stack) == MAX_FIELD_LAYERS:
            check_size(
                "layers",
                layers,
                MAX_FIELD_LAYERS + 1,
                MAX_FIELD_LAYERS,
                "layers (rows)",
                f"a stack of more than {MAX_FIELD_LAYERS} layers is refused as soon "
                "as it is seen; draw the first layers, or compute the field of the "
                "whole stack with convdims.receptive.receptive_field",
            )
        name = f"layers[{len(stack)}]"
        items = tuple(spec) if isinstance(spec, (tuple, list)) else (spec,)
        for position, item in enumerate(items[:4]):
            # (kernel, stride, padding, dilation): any stride draws.
            check_ints(
                MAX_FIELD_CELLS,
                "cells on one map",
                unbounded=(name,) if position == 1 else (),
                **{name: item},
            )
        stack.append(AxisLayer.of(spec))
    return tuple(stack)


def _check_maps(input_size: int, stack: tuple[AxisLayer, ...]) -> None:
    """Refuse a map (with the padding its layer adds) wider than the limit, from the
    sizes alone: nothing is traced before the picture is known to fit."""
    what = "cells on one map (padding included)"
    check_size("input_size", input_size, input_size, MAX_FIELD_CELLS, what)
    size = input_size
    for number, layer in enumerate(stack):
        check_size(
            f"layers[{number}] (padding)",
            (layer.pad_before, layer.pad_after),
            layer.pad_before + size + layer.pad_after,
            MAX_FIELD_CELLS,
            what,
        )
        try:
            size = conv_output_size(
                size,
                layer.kernel_size,
                layer.stride,
                (layer.pad_before, layer.pad_after),
                layer.dilation,
            )
        except ValueError:
            return  # a layer that leaves no window: receptive_trace says which


def receptive_field(
    input_size: int,
    layers: Iterable[LayerSpec | AxisLayer],
    index: int | None = None,
    *,
    id: str | None = None,
) -> Figure:
    """Receptive field growth along one axis: one output cell traced down to the input.

    One row per feature map, the input at the bottom and the last layer's output at the
    top; each cell sits over the centre of its own receptive field on the input, so the
    rows line up. Highlighted: the cells the chosen output cell depends on (and the
    padding its windows read), with lines from each cell to the cells its window reads,
    and under each row a bracket over the span given by the recurrences
    ([`receptive_field`][convdims.receptive.receptive_field]).

    Args:
        input_size: cells along the axis at the input.
        layers: the stack from input to output: kernel sizes or
            ``(kernel, stride, padding, dilation)`` tuples (trailing items optional).
        index: the output cell to trace; None picks the middle one.
        id: the figure's id; default derived from the arguments.

    Returns:
        A [`Figure`][convdims.draw.Figure].

    Examples:
        >>> fig = receptive_field(9, [3, 3])
        >>> fig.svg.count('class="rf" data-j')  # 5 input cells, 3 in layer 1, the output
        9
    """
    check_ints(MAX_FIELD_CELLS, "cells on one map", input_size=input_size)
    stack = _stack(layers)
    _check_maps(positive_int("input_size", input_size), stack)
    levels = receptive_trace(input_size, stack, index)
    fields = receptive_fields(stack)  # field of each map's cells on the input
    fig = figure_id("receptive", (input_size, stack, index), id)
    top_index = levels[-1].cells[0]

    # Horizontal position: a cell j of map l sits over the centre of its field.
    def centre(level: int, j: int) -> float:
        f = fields[level]
        return j * f.stride - f.padding + (f.size - 1) / 2

    lo = min(-stack[0].pad_before if stack else 0, 0)
    hi = input_size
    for level, lv in enumerate(levels):
        geometry = lv.geometry
        before = geometry.pad_before if geometry else 0
        after = geometry.pad_after if geometry else 0
        lo = min(lo, centre(level, -before))
        hi = max(hi, centre(level, lv.size + after - 1) + 1)
    span_cells = hi - lo
    pitch = max(3, min(20, int(640 // span_cells)))
    cell = pitch - 1 if pitch > 6 else pitch
    labels = [
        "input" if level == 0 else f"layer {level}: {_layer_text(stack[level - 1])}"
        for level in range(len(levels))
    ]
    label_w = max(text_width(s) for s in labels) + 8
    x0 = label_w + 10
    row_h = cell + 34
    y0 = 26
    depth = len(levels) - 1

    def x(level: int, j: int) -> float:
        return x0 + (centre(level, j) - lo) * pitch

    def y(level: int) -> float:
        return y0 + (depth - level) * row_h

    body: list[str] = []
    top = fields[-1]
    first, last = levels[0].field.span(top_index)
    head = (
        f"output cell {top_index} sees input cells {first}..{last}: "
        f"r={top.size}, jump {top.stride}, padding {top.padding}"
    )
    body.append(text(x0, 10, head, "h"))
    links: list[str] = []
    for level, lv in enumerate(levels):
        yy = y(level)
        # The padding around this map, as the layer above reads it.
        geometry = lv.geometry
        before = geometry.pad_before if geometry else 0
        after = geometry.pad_after if geometry else 0
        seen = set(lv.cells)
        padding_seen = set(lv.padding_cells)
        cells: list[str] = []
        for j in range(-before, lv.size + after):
            if j < 0:
                cls = "rfp" if j in padding_seen else "pb"
            elif j >= lv.size:
                cls = "rfp" if j in padding_seen else "pa"
            else:
                cls = "rf" if j in seen else "c"
            cells.append(rect(x(level, j), yy, cell, cell, cls, data_j=j))
        body.append(text(label_w, yy + cell / 2, labels[level], "e"))
        body.append(group("map", cells, data_level=level, data_size=lv.size))
        # The closed-form span of the top cell on this map, as a bracket under the row.
        if level < depth:
            f = lv.field
            a, b = f.span(top_index)
            xa, xb = x(level, a), x(level, b) + cell
            yb = yy + cell + 4
            body.append(
                el(
                    "path",
                    d=f"M{xa:g} {yb - 3:g}v3H{xb:g}v-3",
                    class_="span",
                    data_first=a,
                    data_last=b,
                )
            )
            body.append(text((xa + xb) / 2, yb + 8, f"r={f.size}", "sm m"))
        # Links from each traced cell of the map above to the cells its window reads.
        if level < depth:
            above = levels[level + 1]
            assert geometry is not None
            for j in above.cells:
                start = geometry.window_starts[j]
                for tap in geometry.taps(start):
                    k = tap - geometry.pad_before
                    links.append(
                        f"M{x(level + 1, j) + cell / 2:g} {y(level + 1) + cell:g}"
                        f"L{x(level, k) + cell / 2:g} {yy:g}"
                    )
    if links and len(links) <= 600:
        body.insert(1, el("path", d="".join(links), class_="link"))
    width = max(x0 + (hi - lo) * pitch + 8, x0 + text_width(head, 12) + 8)
    bottom = y(0) + row_h
    items = [("rf", "cells the output cell depends on")]
    if any(lv.padding_cells for lv in levels):
        items.append(("rfp", "padding it reads"))
    if any(lv.geometry and lv.geometry.pad_before for lv in levels):
        items.append(("pb", "padding before"))
    if any(lv.geometry and lv.geometry.pad_after for lv in levels):
        items.append(("pa", "padding after"))
    leg, leg_h = legend(x0, bottom - 8, items, width - x0 - 8)
    body.extend(leg)
    height = bottom - 8 + leg_h + 4
    sizes = " -> ".join(str(lv.size) for lv in levels)
    desc = (
        f"Receptive field along one axis of a stack of {len(stack)} layer(s) "
        f"({'; '.join(_layer_text(layer) for layer in stack) or 'none'}), map sizes "
        f"{sizes}. Output cell {top_index} of the last layer depends on "
        f"{len(levels[0].cells)} input cell(s) within the span {first}..{last}: "
        f"receptive field size {top.size}, effective stride {top.stride}, effective "
        f"padding {top.padding}."
    )
    title = f"Receptive field: {top.size} input cells for one output cell"
    return render(fig, width, height, title, desc, RULES, body, x0=x0, pitch=pitch, lo=lo)

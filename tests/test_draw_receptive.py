"""Receptive fields: the recurrences against brute force, and the picture against both."""

from __future__ import annotations

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from convdims import draw
from convdims.receptive import (
    AxisLayer,
    receptive_field,
    receptive_fields,
    receptive_trace,
)
from test_draw_svg import NS, classes, groups, parse

layer = st.tuples(
    st.integers(1, 5),  # kernel
    st.integers(1, 3),  # stride
    st.one_of(st.integers(0, 3), st.tuples(st.integers(0, 3), st.integers(0, 3))),
    st.integers(1, 3),  # dilation
)
stacks = st.lists(layer, min_size=0, max_size=5)


def unbounded_trace(layers, index):
    """Input positions output cell ``index`` reads, on an endless axis (brute force).

    Walks each window down by hand: output cell o of a layer reads the cells
    o*stride - pad_before + j*dilation of its input, j = 0..kernel-1.
    """
    seen = {index}
    for kernel, stride, padding, dilation in reversed(layers):
        before = padding[0] if isinstance(padding, tuple) else padding
        seen = {o * stride - before + j * dilation for o in seen for j in range(kernel)}
    return seen


@settings(max_examples=300, deadline=None)
@given(stacks, st.integers(0, 6))
def test_recurrences_equal_a_brute_force_trace(layers, index):
    field = receptive_field(layers)
    seen = unbounded_trace(layers, index)
    assert (min(seen), max(seen)) == field.span(index)
    assert max(seen) - min(seen) + 1 == field.size
    # Moving one output cell moves the field by the effective stride.
    assert min(unbounded_trace(layers, index + 1)) - min(seen) == field.stride
    assert -min(unbounded_trace(layers, 0)) == field.padding


def test_vgg16_to_pool5_matches_the_published_numbers():
    vgg = (
        [(3, 1, 1)] * 2
        + [(2, 2)]
        + [(3, 1, 1)] * 2
        + [(2, 2)]
        + ([(3, 1, 1)] * 3 + [(2, 2)]) * 3
    )
    field = receptive_field(vgg)
    assert (field.size, field.stride, field.padding) == (212, 32, 90)


@settings(max_examples=100, deadline=None)
@given(stacks)
def test_layer_by_layer_fields_are_the_fields_of_the_prefixes(layers):
    fields = receptive_fields(layers)
    assert len(fields) == len(layers) + 1
    assert fields[0].size == 1 and fields[-1] == receptive_field(layers)
    assert all(a.size <= b.size for a, b in zip(fields, fields[1:], strict=False))


def convolve(values, kernel, stride, before, after, dilation):
    """A plain all-ones convolution over a list (values are non-negative)."""
    padded = [0] * before + values + [0] * after
    span = dilation * (kernel - 1) + 1
    return [
        sum(padded[start + j * dilation] for j in range(kernel))
        for start in range(0, len(padded) - span + 1, stride)
    ]


def pad_pair(padding):
    return padding if isinstance(padding, tuple) else (padding, padding)


@settings(max_examples=200, deadline=None)
@given(st.integers(1, 24), st.lists(layer, min_size=1, max_size=4), st.data())
def test_trace_equals_impulse_responses(size, layers, data):
    """Cell c of map l is in the trace iff a one at c reaches the chosen output cell."""
    try:
        levels = receptive_trace(size, layers)
    except ValueError:
        assume(False)
    top = levels[-1].cells[0]
    assert top == (levels[-1].size - 1) // 2
    for level, lv in enumerate(levels[:-1]):
        expected = []
        for cell in range(lv.size):
            values = [0] * lv.size
            values[cell] = 1
            for kernel, stride, padding, dilation in layers[level:]:
                values = convolve(values, kernel, stride, *pad_pair(padding), dilation)
            assert len(values) == levels[-1].size
            if values[top]:
                expected.append(cell)
        assert lv.cells == tuple(expected)
        # Everything read, padding included, lies within the closed-form span.
        first, last = lv.field.span(top)
        assert all(first <= c <= last for c in lv.cells + lv.padding_cells)
        assert all(c < 0 or c >= lv.size for c in lv.padding_cells)


def test_trace_index_is_checked():
    with pytest.raises(ValueError, match="index=3"):
        receptive_trace(5, [3], index=3)


@pytest.mark.parametrize(
    ("spec", "error", "match"),
    [
        ((3, 1, 0, 1, 9), ValueError, "1 to 4 items"),
        ("3", TypeError, "kernel size"),
        ((0,), ValueError, "kernel_size"),
        ((3, 1, (1, 2, 3)), ValueError, "before, after"),
    ],
)
def test_bad_layers_are_refused(spec, error, match):
    with pytest.raises(error, match=match):
        AxisLayer.of(spec)


@settings(max_examples=100, deadline=None)
@given(st.integers(4, 24), st.lists(layer, min_size=1, max_size=3))
def test_picture_shows_the_trace_and_the_spans(size, layers):
    try:
        levels = receptive_trace(size, layers)
        fig = draw.receptive_field(size, layers)
    except ValueError:
        assume(False)
    root = parse(fig)
    maps = groups(root, "map")
    assert len(maps) == len(levels)
    spans = [p for p in root.iter(NS + "path") if classes(p) == ["span"]]
    assert len(spans) == len(levels) - 1
    top = levels[-1].cells[0]
    for g, lv in zip(maps, levels, strict=True):
        cells = {int(r.get("data-j")): classes(r)[0] for r in g.iter(NS + "rect")}
        assert int(g.get("data-size")) == lv.size
        assert tuple(j for j, k in sorted(cells.items()) if k == "rf") == lv.cells
        assert tuple(j for j, k in sorted(cells.items()) if k == "rfp") == lv.padding_cells
        pads = (lv.geometry.pad_before, lv.geometry.pad_after) if lv.geometry else (0, 0)
        assert sorted(cells) == list(range(-pads[0], lv.size + pads[1]))
    for span, lv in zip(spans, levels[:-1], strict=True):
        assert (int(span.get("data-first")), int(span.get("data-last"))) == lv.field.span(
            top
        )

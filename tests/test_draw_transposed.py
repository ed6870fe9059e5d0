"""Transposed convolution: the stretched-input geometry and its picture."""

from __future__ import annotations

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from convdims import conv_transpose_output_size, draw
from convdims.transposed_geometry import transposed_geometry
from test_draw_svg import NS, classes, find_group, groups, parse

args = st.tuples(
    st.integers(1, 8),  # input
    st.integers(1, 5),  # kernel
    st.integers(1, 4),  # stride
    st.one_of(
        st.integers(0, 5),
        st.tuples(st.integers(0, 4), st.integers(0, 4)),
        st.sampled_from(["valid", "same"]),
    ),
    st.none() | st.integers(0, 3),  # output_padding
    st.integers(1, 3),  # dilation
)


def geometry_or_skip(a):
    try:
        return transposed_geometry(*a)
    except ValueError:
        assume(False)


def scatter(g):
    """Brute force from the definition: input i, tap j lands on output i*S + j*d - crop."""
    hits = {}
    for i in range(g.input_size):
        for j in range(g.kernel_size):
            n = i * g.stride + j * g.dilation - g.crop_before
            if 0 <= n < g.output_size:
                hits.setdefault(n, set()).add((i, j))
    return hits


@settings(max_examples=300, deadline=None)
@given(args)
def test_geometry_agrees_with_the_output_size_and_the_scatter_definition(a):
    g = geometry_or_skip(a)
    assert g.output_size == conv_transpose_output_size(*a)
    assert g.padded_size - g.effective_kernel + 1 == g.output_size
    assert g.stretched_size == g.input_size + g.inserted_zeros
    # The stride-1 window over the stretched input reads exactly the (input, tap)
    # pairs the scatter definition sends to that output cell (kernel flipped).
    hits = scatter(g)
    where = {pos: i for i, pos in enumerate(g.input_positions)}
    for n, start in enumerate(g.window_starts):
        gathered = {
            (where[t], g.kernel_size - 1 - j)
            for j, t in enumerate(g.taps(start))
            if t in where
        }
        assert gathered == hits.get(n, set())


@pytest.mark.parametrize(
    ("a", "crops", "implicit"),
    [
        ((12, 3, 2, "valid"), (0, 0, 0), (2, 2)),
        ((12, 2, 3, "valid"), (0, 0, 1), (1, 2)),
        ((12, 3, 2, "same"), (0, 1, 0), (2, 1)),
        ((12, 3, 2, 1, 1), (1, 1, 1), (1, 2)),
    ],
)
def test_known_cases(a, crops, implicit):
    g = transposed_geometry(*a)
    assert (g.crop_before, g.crop_after, g.output_padding) == crops
    assert (g.implicit_before, g.implicit_after) == implicit


def stretched_cells(fig):
    root = parse(fig)
    return root, {
        int(r.get("data-at")): classes(r)[0]
        for r in find_group(root, "stretched").iter(NS + "rect")
    }


@settings(max_examples=200, deadline=None)
@given(args)
def test_picture_matches_the_geometry(a):
    g = geometry_or_skip(a)
    root, cells = stretched_cells(draw.transpose(*a))
    kinds = list(cells.values())
    crop = max(-g.implicit_before, 0) + max(-g.implicit_after, 0)
    assert kinds.count("pb") == max(g.implicit_before, 0)
    assert kinds.count("pa") + kinds.count("opd") == max(g.implicit_after, 0)
    assert kinds.count("opd") == min(g.output_padding, max(g.implicit_after, 0))
    assert kinds.count("crop") == min(crop, g.stretched_size)
    kept = [at for at, k in cells.items() if k == "c"]
    assert set(kept) <= set(g.input_positions)
    if not crop:
        assert kinds.count("c") == g.input_size and kinds.count("zero") == g.inserted_zeros
    assert len(find_group(root, "input").findall(NS + "rect")) == g.input_size
    windows = groups(root, "w")
    assert [int(w.get("data-start")) for w in windows] == list(g.window_starts)
    assert len(find_group(root, "output").findall(NS + "rect")) == g.output_size


def test_a_large_padding_crops_the_stretched_input():
    g = transposed_geometry(6, 2, 1, 2)  # implicit padding (2 - 1) - 2 = -1 on each side
    assert (g.implicit_before, g.implicit_after, g.output_size) == (-1, -1, 3)
    _, cells = stretched_cells(draw.transpose(g))
    assert [at for at, k in cells.items() if k == "crop"] == [0, 5]


@pytest.mark.oracle
@settings(max_examples=60, deadline=None)
@given(
    st.tuples(
        st.integers(1, 6),
        st.integers(1, 4),
        st.integers(1, 3),
        st.integers(0, 3),
        st.integers(0, 2),
        st.integers(1, 3),
    )
)
def test_pytorch_places_each_input_where_the_geometry_says(a):
    torch = pytest.importorskip("torch")
    size, kernel, stride, padding, extra, dilation = a
    try:
        g = transposed_geometry(size, kernel, stride, padding, extra, dilation)
    except ValueError:
        assume(False)
    weight = torch.ones(1, 1, kernel, dtype=torch.float64)
    where = {pos: i for i, pos in enumerate(g.input_positions)}
    for i in range(size):
        x = torch.zeros(1, 1, size, dtype=torch.float64)
        x[0, 0, i] = 1
        y = torch.nn.functional.conv_transpose1d(
            x,
            weight,
            stride=stride,
            padding=padding,
            output_padding=extra,
            dilation=dilation,
        )
        assert y.shape[-1] == g.output_size
        reached = {n for n in range(g.output_size) if y[0, 0, n] != 0}
        drawn = {
            n
            for n, start in enumerate(g.window_starts)
            if any(where.get(t) == i for t in g.taps(start))
        }
        assert reached == drawn

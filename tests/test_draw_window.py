"""The sliding-window pictures draw exactly what the core computes."""

from __future__ import annotations

import re

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

import bruteforce
from convdims import AxisGeometry, conv_geometry, draw, pool_geometry
from test_draw_svg import NS, classes, find_group, groups, parse

SUBPATH = re.compile(r"M([\d.]+) ([\d.]+)h")


def cell_of(x: float, root) -> int:
    """The padded-axis cell a drawn x coordinate stands for."""
    x0, pitch = float(root.get("data-x0")), float(root.get("data-pitch"))
    index = (x - x0) / pitch
    assert index == int(index), f"x={x} is not on the cell grid"
    return int(index)


def read_axis(fig):
    """What the 1-D picture shows, read back from the SVG alone."""
    root = parse(fig)
    cells = {}
    for r in find_group(root, "input").iter(NS + "rect"):
        cells[cell_of(float(r.get("x")), root)] = classes(r)[0]
    windows = []
    for g in groups(root, "w"):
        taps = sorted(
            cell_of(float(m.group(1)), root)
            for path in g.iter(NS + "path")
            for m in SUBPATH.finditer(path.get("d"))
        )
        windows.append((int(g.get("data-start")), tuple(taps), "partial" in classes(g)))
    outputs = list(find_group(root, "output").iter(NS + "rect"))
    return root, cells, windows, outputs


def check_axis(fig, g: AxisGeometry) -> None:
    root, cells, windows, outputs = read_axis(fig)
    kinds = [cells[i] for i in sorted(cells)]
    assert sorted(cells) == list(range(g.padded_size + g.overhang))
    assert (
        kinds.count("pb") == g.pad_before and kinds[: g.pad_before] == ["pb"] * g.pad_before
    )
    assert kinds.count("pa") == g.pad_after
    assert kinds.count("ov") == g.overhang
    skipped = tuple(i - g.pad_before for i, k in sorted(cells.items()) if k == "sk")
    assert skipped == g.unvisited_inputs
    assert kinds.count("c") + len(skipped) == g.input_size
    assert len(windows) == g.output_size == len(outputs)
    assert [w[0] for w in windows] == list(g.window_starts)
    for start, taps, partial in windows:
        assert taps == g.taps(start)
        assert partial == (taps[-1] >= g.padded_size)
    assert sum(w[2] for w in windows) == (1 if g.overhang else 0)
    # Every output cell sits under the centre of its window.
    for (_, taps, _), out in zip(windows, outputs, strict=True):
        centre = float(out.get("x")) + float(out.get("width")) / 2
        first = float(root.get("data-x0")) + taps[0] * float(root.get("data-pitch"))
        last = float(root.get("data-x0")) + taps[-1] * float(root.get("data-pitch"))
        assert abs(centre - (first + last + 2 * 10) / 2) < 1e-6


paddings = st.one_of(
    st.integers(0, 3),
    st.tuples(st.integers(0, 3), st.integers(0, 3)),
    st.sampled_from(["valid", "same", "full", "causal"]),
)


@settings(max_examples=200, deadline=None)
@given(
    st.integers(1, 20), st.integers(1, 6), st.integers(1, 4), paddings, st.integers(1, 3)
)
def test_convolution_window_matches_the_core(size, kernel, stride, padding, dilation):
    try:
        g = conv_geometry(size, kernel, stride, padding, dilation)
    except ValueError:
        assume(False)
    check_axis(draw.window(size, kernel, stride, padding, dilation), g)


@settings(max_examples=200, deadline=None)
@given(
    st.integers(1, 20),
    st.integers(1, 5),
    st.none() | st.integers(1, 4),
    st.integers(0, 2),
    st.integers(1, 2),
    st.booleans(),
)
def test_pooling_window_matches_the_core(size, pool, stride, padding, dilation, ceil):
    try:
        g = pool_geometry(size, pool, stride, padding, dilation, ceil)
    except ValueError:
        assume(False)
    check_axis(
        draw.window(size, pool, stride, padding, dilation, pool=True, ceil_mode=ceil), g
    )


@settings(max_examples=100, deadline=None)
@given(st.integers(1, 20), st.integers(1, 6), st.integers(1, 4), st.integers(0, 3))
def test_drawn_windows_and_skipped_cells_match_a_brute_force_count(size, k, s, p):
    """Independent of the core: count fitting windows and unread cells by enumeration."""
    assume(size + 2 * p >= k)
    _, cells, windows, _ = read_axis(draw.window(size, k, s, p))
    assert len(windows) == bruteforce.count_windows(size, k, s, p, p)
    read = {
        tap
        for start in range(0, size + 2 * p - k + 1, s)
        for tap in range(start, start + k)
    }
    never = [i for i in range(size) if i + p not in read]
    assert [i - p for i, kind in sorted(cells.items()) if kind == "sk"] == never


def test_the_article_case_skips_the_eleventh_cell():
    _, cells, windows, outputs = read_axis(draw.window(11, 2, stride=2))
    assert [i for i, k in cells.items() if k == "sk"] == [10]
    assert len(windows) == len(outputs) == 5


def test_same_padding_shows_tensorflows_extra_cell_after():
    _, cells, windows, _ = read_axis(draw.window(11, 2, stride=2, padding="same"))
    assert list(cells.values()).count("pb") == 0
    assert cells[11] == "pa" and len(windows) == 6
    _, cells, _, _ = read_axis(draw.window(224, 7, stride=2, padding="same"))
    kinds = list(cells.values())
    assert (kinds.count("pb"), kinds.count("pa")) == (2, 3)


def test_ceil_mode_draws_the_partial_last_window():
    fig = draw.window(11, 2, stride=2, ceil_mode=True)
    _, cells, windows, outputs = read_axis(fig)
    assert cells[11] == "ov" and len(windows) == len(outputs) == 6
    assert windows[-1] == (10, (10, 11), True)
    assert [classes(o)[0] for o in outputs][-1] == "op"
    assert "ceil_mode" in parse(fig)[1].text


def test_a_geometry_can_be_drawn_as_is_and_a_kernel_is_required_otherwise():
    g = pool_geometry(11, 2, stride=2, padding=1, ceil_mode=True)
    check_axis(draw.window(g), g)
    with pytest.raises(TypeError, match="kernel_size"):
        draw.window(11)


def test_core_errors_come_through():
    with pytest.raises(ValueError, match="larger than the padded input"):
        draw.window(3, 5)


# 2-D


def read_grid(fig):
    root = parse(fig)
    cell = float(root.get("data-cell"))
    regions = {}
    for r in find_group(root, "input").iter(NS + "rect"):
        key = (classes(r)[0], r.get("data-axis"))
        size = (float(r.get("height")) / cell, float(r.get("width")) / cell)
        regions.setdefault(key, []).append(size)
    dots = [
        tuple(map(float, m))
        for path in root.iter(NS + "path")
        if classes(path) == ["dot"]
        for m in re.findall(r"M([\d.]+) ([\d.]+)h0", path.get("d"))
    ]
    out = find_group(root, "output").find(NS + "rect")
    return root, cell, regions, dots, out


@settings(max_examples=150, deadline=None)
@given(
    st.integers(1, 14),
    st.integers(1, 14),
    st.integers(1, 4),
    st.integers(1, 4),
    st.integers(1, 3),
    st.integers(1, 3),
    paddings,
    paddings,
    st.booleans(),
)
def test_grid_window_matches_the_core(h, w, kh, kw, sh, sw, ph, pw, pooled):
    try:
        if pooled:
            gh = pool_geometry(h, kh, sh, 1 if ph else 0, ceil_mode=True)
            gw = pool_geometry(w, kw, sw, 0, ceil_mode=True)
            fig = draw.window2d(
                (h, w), (kh, kw), (sh, sw), (1 if ph else 0, 0), ceil_mode=True
            )
        else:
            gh = conv_geometry(h, kh, sh, ph)
            gw = conv_geometry(w, kw, sw, pw)
            fig = draw.window2d((h, w), (kh, kw), (sh, sw), (ph, pw))
    except ValueError:
        assume(False)
    root, cell, regions, dots, out = read_grid(fig)
    assert regions[("c", None)] == [(h, w)]
    expected = {
        ("pb", "h"): gh.pad_before and [(gh.pad_before, gw.padded_size)],
        ("pa", "h"): gh.pad_after and [(gh.pad_after, gw.padded_size)],
        ("pb", "w"): gw.pad_before and [(h, gw.pad_before)],
        ("pa", "w"): gw.pad_after and [(h, gw.pad_after)],
        ("ov", "h"): gh.overhang and [(gh.overhang, gw.padded_size + gw.overhang)],
        ("ov", "w"): gw.overhang and [(gh.padded_size + gh.overhang, gw.overhang)],
        ("sk", "h"): gh.unvisited_inputs and [(1, w)] * len(gh.unvisited_inputs),
        ("sk", "w"): gw.unvisited_inputs and [(h, 1)] * len(gw.unvisited_inputs),
    }
    for key, value in expected.items():
        assert regions.get(key, 0) == (value or 0), key
    # A dot on the first tap of every window position.
    x0, y0 = float(root.get("data-x0")), float(root.get("data-y0"))
    starts = sorted(
        ((y - y0 - cell / 2) / cell, (x - x0 - cell / 2) / cell) for x, y in dots
    )
    assert starts == sorted((a, b) for a in gh.window_starts for b in gw.window_starts)
    assert (float(out.get("height")) / cell, float(out.get("width")) / cell) == (
        gh.output_size,
        gw.output_size,
    )
    # The first and the last window have k_h * k_w taps each.
    for g in groups(root, "w"):
        taps = [r for r in g.iter(NS + "rect") if classes(r)[0] in ("tap", "w2", "tx")]
        assert len(taps) == kh * kw


def test_grid_with_asymmetric_same_padding():
    root, cell, regions, dots, out = read_grid(draw.window2d(224, 7, 2, "same"))
    assert regions[("pb", "h")] == [(2, 229)] and regions[("pa", "h")] == [(3, 229)]
    assert len(dots) == 112 * 112


def test_grid_accepts_two_geometries():
    gh, gw = conv_geometry(6, 3, 1, 1, 2), conv_geometry(9, 2, 2, "same")
    _, _, regions, dots, _ = read_grid(draw.window2d((gh, gw)))
    assert len(dots) == gh.output_size * gw.output_size
    assert regions[("pa", "w")] == [(6, gw.pad_after)]

"""AxisGeometry: which input cells the windows read, in closed form and by brute force.

The closed forms (``unvisited_count``, ``first_unvisited``) and the listings
(``visited_inputs``, ``unvisited_inputs``) must agree with
[`read_cells`][bruteforce.read_cells], which enumerates every tap of every window; and the
closed forms must not build anything per cell, whatever the sizes.
"""

from __future__ import annotations

import pytest
from hypothesis import given, reject, settings
from hypothesis import strategies as st

import bruteforce
from convdims import conv_geometry, conv_output_size, pool_geometry, pool_output_size
from convdims.geometry import AxisGeometry, _floor_sum

paddings = st.one_of(
    st.integers(0, 4),
    st.tuples(st.integers(0, 4), st.integers(0, 4)),
    st.sampled_from(["valid", "same", "full", "causal"]),
)


def geometries() -> st.SearchStrategy[AxisGeometry]:
    """Convolution and pooling geometries (ceil_mode included) of small random sizes."""
    conv = st.builds(
        conv_geometry,
        st.integers(1, 60),
        st.integers(1, 7),
        st.integers(1, 9),
        paddings,
        st.integers(1, 5),
    )
    pool = st.builds(
        pool_geometry,
        st.integers(1, 60),
        st.integers(1, 6),
        st.none() | st.integers(1, 9),
        st.integers(0, 3),
        st.integers(1, 4),
        st.booleans(),
    )
    return st.one_of(conv, pool)


@settings(max_examples=400, deadline=None)
@given(st.data())
def test_the_cells_read_agree_with_brute_force(data):
    try:
        g = data.draw(geometries())
    except ValueError:
        reject()  # arguments the core refuses
    read = bruteforce.read_cells(
        g.input_size, g.kernel_size, g.stride, g.pad_before, g.output_size, g.dilation
    )
    unread = [cell for cell in range(g.input_size) if cell not in read]
    assert list(g.visited_inputs) == read
    assert list(g.unvisited_inputs) == unread
    assert g.unvisited_count == len(unread)
    assert list(g.first_unvisited(8)) == unread[:8]
    assert list(g.first_unvisited(len(unread) + 3)) == unread
    assert g.last_start == g.window_starts[-1]


@settings(max_examples=300, deadline=None)
@given(st.integers(0, 40), st.integers(1, 30), st.integers(0, 50), st.integers(0, 50))
def test_floor_sum_is_the_sum_it_names(n, m, a, b):
    assert _floor_sum(n, m, a, b) == sum((a * i + b) // m for i in range(n))


class _NoCells:
    """Stands in for the per-cell listings: touching one fails the test."""

    def __get__(self, obj, owner=None):
        raise AssertionError("a per-cell listing was built")


@pytest.mark.parametrize(
    "make",
    [
        lambda: conv_geometry(10**32, 3),
        lambda: conv_geometry(10**32 + 7, 2, stride=5),
        lambda: conv_geometry(10**40, 3, stride=4, dilation=2, padding="same"),
        lambda: pool_geometry(10**30 + 1, 2, ceil_mode=True, padding=1),
        lambda: conv_geometry(10**18, 10**15, stride=10**12 + 1, dilation=3),
    ],
)
def test_closed_forms_build_nothing_per_cell(make, monkeypatch):
    g = make()
    for name in ("window_starts", "visited_inputs", "unvisited_inputs"):
        monkeypatch.setattr(AxisGeometry, name, _NoCells())
    monkeypatch.setattr(AxisGeometry, "taps", _NoCells())
    monkeypatch.setattr(AxisGeometry, "_read_mask", _NoCells())
    count = g.unvisited_count
    first = g.first_unvisited(8)
    assert 0 <= count <= g.input_size and len(first) == min(8, count)
    assert list(first) == sorted(set(first)) and all(0 <= c < g.input_size for c in first)
    assert g.overhang >= 0 and g.last_start == (g.output_size - 1) * g.stride


def test_huge_closed_forms_match_their_small_period():
    # Stride 5, kernel 2: cells 2, 3, 4 of every 5 are never read, and the tail.
    g = conv_geometry(10**30, 2, stride=5)
    assert g.first_unvisited(6) == (2, 3, 4, 7, 8, 9)
    assert g.unvisited_count == 3 * (10**30 // 5)
    # Dilation 2, stride 2: the odd cells.
    h = conv_geometry(10**30 + 1, 3, stride=2, dilation=2)
    assert h.unvisited_count == 10**30 // 2 and h.first_unvisited(3) == (1, 3, 5)


def test_windows_longer_than_sys_maxsize_are_counted_too():
    # A window of 10**30 cells over one input cell (rounding up keeps it): the count of
    # its taps is no len() of a range, which stops at sys.maxsize.
    g = pool_geometry(1, 10**30, ceil_mode=True)
    assert (g.output_size, g.unvisited_count, g.first_unvisited(2)) == (1, 0, ())
    wide = conv_geometry(10**40 + 7, 10**35, stride=10**20, dilation=10**5)
    assert wide.unvisited_count == wide.input_size - 10**35


@pytest.mark.parametrize("size", [1, 2, 7, 32])
@pytest.mark.parametrize("kernel", [1, 2, 3])
def test_geometries_default_as_the_output_size_functions_do(size, kernel):
    # No stride, padding or dilation given: a convolution slides by one over the bare
    # input, a pooling window by its own size; the geometry says the same sizes.
    if kernel <= size:
        conv = conv_geometry(size, kernel)
        assert (conv.stride, conv.pad_before, conv.pad_after, conv.dilation) == (1, 0, 0, 1)
        assert conv.output_size == conv_output_size(size, kernel) == size - kernel + 1
        pool = pool_geometry(size, kernel)
        assert pool.stride == kernel
        assert pool.output_size == pool_output_size(size, kernel) == size // kernel

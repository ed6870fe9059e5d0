"""convdims.resampling: adaptive pooling windows and upsampling sizes, against definitions
that share no code with the formulas (tests/oracle/test_docs_teaching.py asks PyTorch and
Keras)."""

from __future__ import annotations

import math
from fractions import Fraction

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from convdims.resampling import (
    adaptive_pool_output_size,
    adaptive_pool_windows,
    upsample_output_size,
)

sizes = st.integers(min_value=1, max_value=120)


def overlapping_cells(input_size: int, output_size: int, i: int) -> tuple[int, int]:
    """Input cells j whose extent [j, j + 1) overlaps output cell i's share of the axis,
    [i*I/O, (i+1)*I/O), found by trying every cell."""
    low = Fraction(i * input_size, output_size)
    high = Fraction((i + 1) * input_size, output_size)
    cells = [j for j in range(input_size) if j < high and j + 1 > low]
    return cells[0], cells[-1] + 1


@settings(deadline=None)  # brute force over Fractions: slow on a busy machine, not wrong
@given(sizes, sizes)
def test_adaptive_windows_are_the_cells_each_output_share_overlaps(input_size, output_size):
    windows = adaptive_pool_windows(input_size, output_size)
    assert len(windows) == output_size
    for i, window in enumerate(windows):
        assert window == overlapping_cells(input_size, output_size, i)


@given(sizes, sizes)
def test_adaptive_windows_cover_the_input_in_order(input_size, output_size):
    windows = adaptive_pool_windows(input_size, output_size)
    assert windows[0][0] == 0 and windows[-1][1] == input_size
    for (start, end), (next_start, _) in zip(windows, windows[1:], strict=False):
        assert start < end and next_start <= end  # no gap; overlap allowed


def test_adaptive_windows_overlap_and_widen_when_o_does_not_divide_i():
    assert adaptive_pool_windows(10, 4) == ((0, 3), (2, 5), (5, 8), (7, 10))
    assert adaptive_pool_windows(12, 4) == ((0, 3), (3, 6), (6, 9), (9, 12))


def test_adaptive_output_size():
    assert adaptive_pool_output_size(13, 7) == 7
    assert adaptive_pool_output_size(13, None) == 13


@given(sizes, st.integers(min_value=1, max_value=8))
def test_integer_factor_repeats_each_cell(input_size, factor):
    assert upsample_output_size(input_size, factor) == input_size * factor


@given(
    sizes,
    st.fractions(min_value=Fraction(1, 64), max_value=Fraction(10), max_denominator=64),
)
def test_fractional_factor_rounds_down(input_size, factor):
    exact = input_size * float(factor)
    if math.floor(exact) < 1:
        with pytest.raises(ValueError, match="at least 1"):
            upsample_output_size(input_size, float(factor))
    else:
        out = upsample_output_size(input_size, float(factor))
        assert out <= exact < out + 1


def test_size_is_returned_as_given():
    assert upsample_output_size(7, size=5) == 5


@pytest.mark.parametrize(
    ("args", "kwargs", "error", "message"),
    [
        ((7,), {}, ValueError, "exactly one of scale_factor and size"),
        ((7, 2), {"size": 5}, ValueError, "exactly one of scale_factor and size"),
        ((7, 0), {}, ValueError, "scale_factor must be a positive finite number, got 0"),
        ((7, -1.5), {}, ValueError, "positive finite"),
        ((7, float("inf")), {}, ValueError, "positive finite"),
        ((7, "2"), {}, TypeError, "scale_factor must be a number, got '2' of type str"),
        ((7, True), {}, TypeError, "scale_factor must be a number"),
        ((3, 0.1), {}, ValueError, r"floor\(3 \* 0.1\) = 0 cells"),
        ((0, 2), {}, ValueError, "input_size must be at least 1, got 0"),
        ((7.0, 2), {}, TypeError, "input_size must be an integer"),
        ((7,), {"size": 0}, ValueError, "size must be at least 1, got 0"),
    ],
)
def test_upsample_errors_name_the_argument(args, kwargs, error, message):
    with pytest.raises(error, match=message):
        upsample_output_size(*args, **kwargs)


@pytest.mark.parametrize(
    ("args", "message"),
    [((0, 3), "input_size must be at least 1"), ((5, 0), "output_size must be at least 1")],
)
def test_adaptive_errors_name_the_argument(args, message):
    with pytest.raises(ValueError, match=message):
        adaptive_pool_windows(*args)
    with pytest.raises(TypeError, match="output_size must be an integer"):
        adaptive_pool_windows(5, 2.0)

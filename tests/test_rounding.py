"""The core's rounding option (convolution.py, pooling.py): ``floor``, ``ceil`` and
``round`` against a brute-force count of window starts that shares no code with the
formula."""

from __future__ import annotations

import itertools

import pytest

from convdims import ArgumentError, conv_output_size, pool_output_size


def _brute(padded: int, reach: int, stride: int, rounding: str) -> int:
    """Windows start at 0, S, 2S, ...; floor keeps those that end inside the padded
    input, ceil those that start before the last cell a window could start on plus one
    stride, round those whose start is at most half a stride past it."""
    last = padded - reach  # the last start of a window that fits (may be negative)
    count = 0
    for n in range(padded + 2 * stride + 2):
        start = n * stride
        if rounding == "floor":
            kept = start <= last
        elif rounding == "ceil":
            kept = start < last + stride
        else:
            kept = 2 * start <= 2 * last + stride  # halves up
        count += kept
    return count


@pytest.mark.parametrize("rounding", ["floor", "ceil", "round"])
def test_rounding_counts_the_window_starts(rounding):
    for size, kernel, stride, padding, dilation in itertools.product(
        range(1, 10), range(1, 6), range(1, 5), range(0, 3), (1, 2)
    ):
        reach = dilation * (kernel - 1) + 1
        expected = _brute(size + 2 * padding, reach, stride, rounding)
        try:
            conv = conv_output_size(size, kernel, stride, padding, dilation, rounding)
        except ArgumentError:
            conv = 0
        assert conv == expected, (size, kernel, stride, padding, dilation, rounding)
        if padding < reach:
            try:
                pool = pool_output_size(
                    size, kernel, stride, padding, dilation, rounding=rounding,
                    last_window="keep",
                )  # fmt: skip
            except ArgumentError:
                pool = 0
            assert pool == expected


def test_defaults_keep_todays_answers_and_refusals():
    assert conv_output_size(11, 2, 2) == 5 and pool_output_size(11, 2, 2) == 5
    with pytest.raises(ArgumentError, match="no window fits"):
        conv_output_size(3, 4)
    with pytest.raises(ArgumentError, match="hold padding only"):
        pool_output_size(5, 2, 1, padding=2)
    assert pool_output_size(5, 2, 1, padding=2, padding_only=True) == 8


@pytest.mark.parametrize("bad", ["up", None, 1])
def test_an_unknown_rounding_is_refused_by_name(bad):
    with pytest.raises(ArgumentError) as caught:
        conv_output_size(8, 3, 2, 1, rounding=bad)
    assert caught.value.argument == "rounding"
    with pytest.raises(ArgumentError) as caught:
        pool_output_size(8, 3, 2, 1, rounding=bad)
    assert caught.value.argument == "rounding"
    with pytest.raises(ArgumentError, match="ceil_mode=True is rounding='ceil'"):
        pool_output_size(8, 3, 2, 1, ceil_mode=True, rounding="round")

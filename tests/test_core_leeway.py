"""The core's two leeway keywords some engines need (OpenVINO's): pooling's
``padding_only`` (a pad as large as the window) and the transposed convolution's
``output_padding_bound=False``, against the brute-force definitions of bruteforce.py."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import bruteforce
from convdims import conv_transpose_output_size, pool_geometry, pool_output_size

EXAMPLES = settings(max_examples=1000, deadline=None)


def _windows(size, kernel, stride, before, after, dilation, ceil_mode, last_window):
    """Window starts 0, S, 2S, ... on the padded axis: every window that fits, and with
    ceil_mode one that overhangs the end by less than a stride (even one that starts
    past the end, as OpenVINO's ceil counts); under "drop", a last
    window that starts in the end padding is then dropped (PyTorch's rule, which
    OpenVINO's ceil_torch keeps even for windows of padding only)."""
    length = before + size + after
    reach = dilation * (kernel - 1) + 1
    starts = []
    for start in range(0, length + stride, stride):
        overhang = max(0, start + reach - length)
        if overhang == 0 or (ceil_mode and overhang < stride):
            starts.append(start)
    if ceil_mode and last_window == "drop" and starts and starts[-1] >= before + size:
        starts.pop()
    return len(starts)


@EXAMPLES
@given(
    st.integers(1, 20),
    st.integers(1, 5),
    st.integers(1, 4),
    st.integers(0, 8),
    st.integers(0, 8),
    st.integers(1, 3),
    st.booleans(),
    st.sampled_from(["drop", "keep"]),
)
def test_padding_only_count_windows_of_padding_only(
    size, kernel, stride, before, after, dilation, ceil_mode, last_window
):
    expected = _windows(
        size, kernel, stride, before, after, dilation, ceil_mode, last_window
    )
    try:
        got = pool_output_size(
            size, kernel, stride, (before, after), dilation, ceil_mode, last_window,
            padding_only=True,
        )  # fmt: skip
    except ValueError:
        got = 0
    assert got == expected
    if not ceil_mode:
        assert got == bruteforce.count_windows(
            size, kernel, stride, before, after, dilation
        )


def test_padding_only_is_off_by_default():
    with pytest.raises(ValueError, match="padding only"):
        pool_output_size(2, 1, padding=1)
    assert pool_geometry(2, 1, padding=1, padding_only=True).output_size == 4
    with pytest.raises(TypeError) as caught:
        pool_output_size(2, 1, padding=1, padding_only="yes")
    assert caught.value.argument == "padding_only"


@EXAMPLES
@given(
    st.integers(1, 12),
    st.integers(1, 5),
    st.integers(1, 4),
    st.integers(0, 6) | st.tuples(st.integers(0, 6), st.integers(0, 6)),
    st.integers(0, 9),
    st.integers(1, 3),
)
def test_unbounded_output_padding_extends_the_scatter(
    size, kernel, stride, padding, output_padding, dilation
):
    expected = bruteforce.transpose_size(
        size, kernel, stride, padding, output_padding, dilation
    )
    try:
        got = conv_transpose_output_size(
            size, kernel, stride, padding, output_padding, dilation,
            output_padding_bound=False,
        )  # fmt: skip
    except ValueError:
        got = None
    assert got == expected


def test_output_padding_bound_is_on_by_default():
    with pytest.raises(ValueError, match="smaller than either stride"):
        conv_transpose_output_size(4, 3, 1, 1, 3)
    assert conv_transpose_output_size(4, 3, 1, 1, 3, output_padding_bound=False) == 7
    with pytest.raises(TypeError) as caught:
        conv_transpose_output_size(4, 3, 1, 1, 0, output_padding_bound=None)
    assert caught.value.argument == "output_padding_bound"

"""The page-only arithmetic in docs/_lib/pages.py, against convdims and brute force."""

from __future__ import annotations

import sys
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from convdims import pool_output_size

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "docs" / "_lib"))

import pages  # noqa: E402

small = st.integers(min_value=1, max_value=6)


@given(st.integers(min_value=1, max_value=60), small, small, st.integers(0, 3))
def test_caffes_size_is_ceil_mode_except_k_below_s_without_padding(
    size, kernel, stride, pad
):
    if size + 2 * pad < kernel or pad > kernel // 2:
        return
    caffe = pages.caffe_pool_output_size(size, kernel, stride, pad)
    ceil = pool_output_size(size, kernel, stride, pad, ceil_mode=True)
    if pad == 0 and kernel < stride:
        assert caffe - ceil in (0, 1)
    else:
        assert caffe == ceil


@given(
    st.integers(min_value=1, max_value=40),
    small,
    small,
    st.integers(0, 3),
    st.integers(0, 3),
)
def test_the_unread_rule_counts_what_brute_force_finds(size, kernel, stride, before, after):
    if size + before + after < kernel:
        return
    unread = pages.unread_cells(size, kernel, stride, before, after)
    rule = pages.unread_rule(size, kernel, stride, before, after)
    lost = list(range(size - rule["lost_at_end"], size))
    if rule["gap"] == 0:  # windows touch or overlap: only the end is lost
        assert unread == lost
    else:  # K < S: the end, and S - K cells after every window
        assert unread[len(unread) - len(lost) :] == lost


def test_padded_rows():
    rows = pages.padded_rows([1, 2, 3, 4], 2)
    assert rows == {
        "zeros": [0, 0, 1, 2, 3, 4, 0, 0],
        "reflect": [3, 2, 1, 2, 3, 4, 3, 2],
        "replicate": [1, 1, 1, 2, 3, 4, 4, 4],
        "circular": [3, 4, 1, 2, 3, 4, 1, 2],
    }


def test_avg_pool_divisors_leave_out_the_overhang():
    assert pages.avg_pool_divisors(6, 3, 2, 0, ceil_mode=True) == [3, 3, 2]
    assert pages.avg_pool_divisors(6, 3, 2, 1, ceil_mode=True) == [3, 3, 3, 2]
    assert pages.avg_pool_divisors(6, 3, 2, 1, count_include_pad=False) == [2, 3, 3]


@given(st.integers(min_value=1, max_value=200), small, small)
def test_ceil_mode_and_keras_same_agree_when_the_kernel_is_no_wider_than_the_stride(
    size, kernel, stride
):
    """The stride page's claim; tests/oracle/test_docs_teaching.py checks both frameworks
    give these sizes."""
    if kernel > stride or kernel > size:
        return
    same = pool_output_size(size, kernel, stride, "same")
    assert same == pool_output_size(size, kernel, stride, ceil_mode=True)

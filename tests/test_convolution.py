"""conv_output_size and conv_geometry: the seed article's and REFERENCE.md's cases."""

from __future__ import annotations

import pytest

from convdims import conv_geometry, conv_output_size


def test_seed_article_example():
    assert conv_output_size(32, 3) == 30  # 32x32x3, F=3, S=1, P=0 -> 30x30x5


def test_seed_article_p3_done_right():
    assert conv_output_size(32, 3, padding=3) == 36


def test_odd_size_floor_and_same():
    assert conv_output_size(11, 2, stride=2) == 5
    geometry = conv_geometry(11, 2, stride=2, padding="same")
    assert geometry.output_size == 6
    assert (geometry.pad_before, geometry.pad_after) == (0, 1)


def test_odd_size_skips_the_last_cell():
    assert conv_geometry(11, 2, stride=2).unvisited_inputs == (10,)


def test_alexnet_227_vs_224():
    assert conv_output_size(227, 11, stride=4) == 55
    assert conv_output_size(224, 11, stride=4) == 54


@pytest.mark.parametrize(
    ("padding", "expected"),
    [("valid", 8), ("same", 10), ("full", 12), ("causal", 10), (1, 10), ((2, 0), 10)],
)
def test_padding_forms(padding, expected):
    assert conv_output_size(10, 3, padding=padding) == expected


def test_same_is_ceil_for_any_stride():
    for stride in range(1, 8):
        assert conv_output_size(20, 5, stride, "same") == -(-20 // stride)


def test_dilation_widens_the_kernel():
    assert conv_output_size(10, 3, dilation=2) == 6  # K = 5
    assert conv_geometry(10, 3, dilation=2).effective_kernel == 5


def test_geometry_taps_and_starts():
    geometry = conv_geometry(7, 3, stride=2, padding=1, dilation=2)
    assert geometry.window_starts == (0, 2, 4)
    assert geometry.taps(2) == (2, 4, 6)
    assert geometry.padded_size == 9

"""pool_output_size: defaults, PyTorch's ceil_mode rule and padding limit, Keras words."""

from __future__ import annotations

import pytest

from convdims import conventions, pool_geometry, pool_output_size


def test_seed_article_pooling():
    assert pool_output_size(30, 2) == 15


def test_stride_defaults_to_pool_size():
    assert pool_output_size(30, 3) == pool_output_size(30, 3, stride=3) == 10


def test_odd_size_question():
    assert pool_output_size(11, 2, 2) == 5
    assert pool_output_size(11, 2, 2, padding="same") == 6
    assert pool_output_size(11, 2, 2, ceil_mode=True) == 6


def test_last_window_rule():
    # The naive ceil formula gives 7; the window that would start in the right padding
    # is dropped.
    assert pool_output_size(11, 2, 2, padding=1, ceil_mode=True) == 6
    assert (((11 + 2 - 2) + (2 - 1)) // 2) + 1 == 7


def test_resnet_stem_pool():
    assert pool_output_size(112, 3, 2, 1) == 56
    assert pool_output_size(112, 3, 2, 1, ceil_mode=True) == 57


def test_ceil_mode_partial_window_is_reported():
    geometry = pool_geometry(11, 2, 2, ceil_mode=True)
    assert geometry.window_starts[-1] == 10
    assert geometry.overhang == 1


def test_padding_limit_uses_the_raw_pool_size():
    # PyTorch's bound is half the raw pool size, even with dilation: a framework rule.
    torch = conventions.get("torch")
    with pytest.raises(ValueError, match=r"at most half of pool_size=2"):
        torch.output_size("pool", 20, 2, padding=2, dilation=3)
    assert torch.output_size("pool", 20, 2, padding=1, dilation=3) == 10


def test_core_refuses_only_a_window_of_padding():
    # The core's own bound: a side of padding as wide as the (effective) window would
    # make a window of padding only.
    assert pool_output_size(20, 2, padding=2, dilation=3) == 11
    with pytest.raises(ValueError, match=r"would then hold padding only"):
        pool_output_size(20, 2, padding=4, dilation=3)
    with pytest.raises(ValueError, match=r"0\.\.1"):
        pool_output_size(20, 2, padding=(0, 2))
    # The error says what is valid: 0 up to one cell less than the effective window.
    pool, dilation = 3, 2
    reach = dilation * (pool - 1) + 1
    with pytest.raises(ValueError) as caught:
        pool_output_size(20, pool, padding=reach, dilation=dilation)
    error = caught.value
    assert (error.argument, error.value, error.valid) == (
        "padding",
        reach,
        f"0..{reach - 1}",
    )


def test_pool_rejects_conv_only_words():
    with pytest.raises(ValueError, match="'full'"):
        pool_output_size(10, 2, padding="full")

"""Parameter counts."""

from __future__ import annotations

import pytest

from convdims import conv_params, dense_params, depthwise_conv_params, separable_conv_params


def test_seed_article_parameters():
    assert conv_params(3, 3, 5) == 140 == (3 * 3 * 3 + 1) * 5


def test_pytorch_reference_counts():
    assert conv_params(3, 32, 64) == 18_496
    assert conv_params(3, 32, 64, groups=4) == 4_672
    assert conv_params(3, 32, 64, use_bias=False) == 18_432


def test_int_kernel_is_square_tuple_is_per_axis():
    assert conv_params(5, 1, 6) == conv_params((5, 5), 1, 6) == 156  # LeNet-5 C1
    assert conv_params((5,), 1, 6) == 36
    assert conv_params((3, 3, 3), 1, 1) == 28


def test_alexnet_first_layer():
    assert conv_params(11, 3, 96) == 34_944


def test_depthwise_and_separable():
    assert depthwise_conv_params(3, 32) == 3 * 3 * 32 + 32
    assert depthwise_conv_params(3, 32, depth_multiplier=2, use_bias=False) == 576
    assert separable_conv_params(3, 32, 64) == 3 * 3 * 32 + 32 * 64 + 64


def test_dense():
    assert dense_params(4096, 1000) == 4_097_000
    assert dense_params(10, 3, use_bias=False) == 30


@pytest.mark.parametrize(("in_channels", "filters"), [(6, 4), (4, 6)])
def test_groups_must_divide_both(in_channels, filters):
    with pytest.raises(ValueError, match="groups=4 must divide"):
        conv_params(3, in_channels, filters, groups=4)


def test_use_bias_must_be_bool():
    with pytest.raises(TypeError, match="use_bias"):
        conv_params(3, 3, 5, use_bias=1)

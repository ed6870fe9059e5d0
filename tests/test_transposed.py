"""conv_transpose_output_size: PyTorch's formula, Keras's None-versus-0 output_padding."""

from __future__ import annotations

import pytest

from convdims import conv_output_size, conv_transpose_output_size


def test_keras_words_k3_s2():
    assert conv_transpose_output_size(12, 3, 2, "valid") == 25
    assert conv_transpose_output_size(12, 3, 2, "same") == 24
    assert conv_transpose_output_size(12, 3, 2, "same", output_padding=0) == 23


def test_keras_valid_with_small_kernel_fills_the_stride():
    # op = max(K, S) - K when None: a 2x kernel with stride 3 still gives I*S cells
    assert conv_transpose_output_size(5, 2, 3, "valid") == 15
    assert conv_transpose_output_size(5, 2, 3, "valid", output_padding=0) == 14


def test_pytorch_formula():
    assert conv_transpose_output_size(12, 3, 2, 1) == 23
    assert conv_transpose_output_size(12, 3, 2, 1, output_padding=1) == 24
    assert conv_transpose_output_size(12, 3, 2, 1, dilation=2) == 25


def test_ambiguity_both_23_and_24_map_to_12():
    assert conv_output_size(23, 3, 2, 1) == conv_output_size(24, 3, 2, 1) == 12


def test_output_padding_limits():
    with pytest.raises(ValueError, match="smaller than either stride=2 or dilation=1"):
        conv_transpose_output_size(12, 3, 2, 1, output_padding=2)
    assert conv_transpose_output_size(12, 3, 1, 0, output_padding=1, dilation=2) == 17
    with pytest.raises(ValueError, match="smaller than stride=2"):
        conv_transpose_output_size(12, 3, 2, "same", output_padding=2)


def test_output_below_one_is_an_error():
    with pytest.raises(ValueError, match="at least 1"):
        conv_transpose_output_size(1, 1, 1, 1)


@pytest.mark.parametrize(("size", "kernel"), [(1, 1), (12, 3), (7, 4)])
def test_the_defaults_are_stride_1_no_padding_no_output_padding(size, kernel):
    # PyTorch's ConvTranspose defaults: O = (I - 1)*1 - 0 + k + 0.
    expected = size - 1 + kernel
    assert conv_transpose_output_size(size, kernel) == expected
    assert conv_transpose_output_size(size, kernel, 1, 0, None, 1) == expected


def test_padding_of_the_input_allows_an_output_of_one_cell_and_no_fewer():
    # XLA's transposed convolution: the padding goes around the stride-dilated input,
    # then the kernel slides over it: (1 - 1)*2 + 1 + 1 + 1 - 3 + 1 = 1 cell.
    assert conv_transpose_output_size(1, 3, 2, (1, 1), padding_of="input") == 1
    assert conv_transpose_output_size(1, 1, padding_of="input") == 1
    with pytest.raises(ValueError, match="would have output size 0"):
        conv_transpose_output_size(1, 3, 2, (1, 0), padding_of="input")


@pytest.mark.parametrize(("stride", "dilation"), [(2, 3), (3, 2), (4, 1)])
def test_an_output_padding_too_large_is_told_the_valid_range(stride, dilation):
    # PyTorch: smaller than stride or dilation, whichever is larger; Keras's words: than
    # the stride.
    top = max(stride, dilation) - 1
    with pytest.raises(ValueError) as caught:
        conv_transpose_output_size(
            12, 3, stride, 1, output_padding=top + 1, dilation=dilation
        )
    assert caught.value.valid == f"0..{top}" and str(caught.value).endswith(f"use 0..{top}")
    with pytest.raises(ValueError) as caught:
        conv_transpose_output_size(12, 3, stride, "same", output_padding=stride)
    assert caught.value.valid == f"0..{stride - 1} or None"
    assert f"use 0..{stride - 1} or None" in str(caught.value)

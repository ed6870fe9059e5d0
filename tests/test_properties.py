"""The core formulas against the brute-force definitions in bruteforce.py.

Sizes are small enough for the brute force to be quick and large enough to reach every
branch: kernels wider than the input, strides wider than the kernel, dilation holes,
padding on one side only. Each test runs at least 2,000 examples.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import bruteforce
from convdims import (
    conv_geometry,
    conv_output_size,
    conv_transpose_output_size,
    pool_geometry,
    pool_output_size,
    same_padding,
)

EXAMPLES = settings(max_examples=2000, deadline=None)

sizes = st.integers(1, 40)
kernels = st.integers(1, 9)
strides = st.integers(1, 6)
dilations = st.integers(1, 4)
explicit = st.integers(0, 6) | st.tuples(st.integers(0, 6), st.integers(0, 6))
conv_paddings = explicit | st.sampled_from(["valid", "same", "full", "causal"])


def outcome(function, *args, **kwargs):
    """The size a function returns, or None when it raises ValueError."""
    try:
        return function(*args, **kwargs)
    except ValueError:
        return None


@EXAMPLES
@given(sizes, kernels, strides, conv_paddings, dilations)
def test_conv_counts_the_windows_that_fit(size, kernel, stride, padding, dilation):
    expected = bruteforce.conv_size(size, kernel, stride, padding, dilation)
    assert outcome(conv_output_size, size, kernel, stride, padding, dilation) == expected


@EXAMPLES
@given(sizes, kernels, strides, dilations)
def test_same_padding_is_the_least_padding_giving_ceil(size, kernel, stride, dilation):
    assert same_padding(size, kernel, stride, dilation) == bruteforce.tf_same_split(
        size, kernel, stride, dilation
    )


@EXAMPLES
@given(
    sizes,
    kernels,
    strides | st.none(),
    st.integers(0, 5)
    | st.tuples(st.integers(0, 5), st.integers(0, 5))
    | st.sampled_from(["valid", "same"]),
    dilations,
    st.booleans(),
)
def test_pool_counts_full_and_allowed_partial_windows(
    size, kernel, stride, padding, dilation, ceil_mode
):
    step = kernel if stride is None else stride
    expected = bruteforce.pool_size(size, kernel, step, padding, dilation, ceil_mode)
    got = outcome(pool_output_size, size, kernel, stride, padding, dilation, ceil_mode)
    assert got == expected


@EXAMPLES
@given(sizes, kernels, strides, st.integers(0, 5), dilations, st.booleans())
def test_pool_geometry_windows_start_inside(
    size, kernel, stride, padding, dilation, ceil_mode
):
    """Every window, partial ones included, starts inside the input or the left padding."""
    try:
        geometry = pool_geometry(size, kernel, stride, padding, dilation, ceil_mode)
    except ValueError:
        return
    assert all(start < padding + size for start in geometry.window_starts)
    assert geometry.overhang < geometry.stride or geometry.overhang == 0


@EXAMPLES
@given(
    sizes,
    kernels,
    strides,
    st.integers(0, 6) | st.tuples(st.integers(0, 6), st.integers(0, 6)),
    st.integers(0, 5) | st.none(),
    dilations,
)
def test_transpose_with_explicit_padding_scatters_like_pytorch(
    size, kernel, stride, padding, output_padding, dilation
):
    got = outcome(
        conv_transpose_output_size, size, kernel, stride, padding, output_padding, dilation
    )
    if output_padding is not None and output_padding >= max(stride, dilation):
        assert got is None  # PyTorch: smaller than stride or dilation
        return
    assert got == bruteforce.transpose_size(
        size, kernel, stride, padding, output_padding, dilation
    )


@EXAMPLES
@given(
    sizes,
    kernels,
    strides,
    st.sampled_from(["valid", "same"]),
    st.integers(0, 5) | st.none(),
    dilations,
)
def test_transpose_with_keras_words(
    size, kernel, stride, padding, output_padding, dilation
):
    got = outcome(
        conv_transpose_output_size, size, kernel, stride, padding, output_padding, dilation
    )
    if output_padding is not None and output_padding >= stride:
        assert got is None  # Keras: output_padding must be smaller than the stride
        return
    assert got == bruteforce.transpose_size(
        size, kernel, stride, padding, output_padding, dilation
    )


@pytest.mark.parametrize("size", range(1, 30))
def test_same_inverts_transpose_same(size):
    """A 'same' transposed conv of I gives I*S cells; a 'same' conv takes them back to I."""
    for stride in (1, 2, 3):
        for kernel in (1, 2, 3, 4):
            up = conv_transpose_output_size(size, kernel, stride, "same")
            assert conv_output_size(up, kernel, stride, "same") == size


@EXAMPLES
@given(sizes, kernels, strides, conv_paddings, dilations)
def test_conv_geometry_pads_each_side_as_defined(size, kernel, stride, padding, dilation):
    """Not only the size: the cells added before and after match the definitions."""
    try:
        geometry = conv_geometry(size, kernel, stride, padding, dilation)
    except ValueError:
        return
    expected = bruteforce.padding_pair(padding, size, kernel, stride, dilation)
    assert (geometry.pad_before, geometry.pad_after) == expected

"""window.py: the one window value and the one effective-kernel formula."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from convdims import ArgumentError, ArgumentTypeError, conv_geometry
from convdims.receptive import AxisLayer
from convdims.window import AxisWindow, effective_kernel


@given(st.integers(1, 50), st.integers(1, 9))
def test_effective_kernel_spans_the_taps(kernel, dilation):
    taps = [j * dilation for j in range(kernel)]
    assert effective_kernel(kernel, dilation) == taps[-1] - taps[0] + 1


def test_the_receptive_layer_is_the_shared_window():
    assert AxisLayer is AxisWindow
    assert AxisWindow.of((3, 2, (0, 1), 2)) == AxisWindow(3, 2, 0, 1, 2)


def test_geometry_gives_back_its_window():
    g = conv_geometry(11, 3, stride=2, padding="same", dilation=2)
    assert g.window == AxisWindow(3, 2, g.pad_before, g.pad_after, 2)
    assert g.window.effective_kernel == g.effective_kernel == 5


@pytest.mark.parametrize(
    ("spec", "error", "argument"),
    [
        ((), ArgumentError, "layer"),
        ((1, 2, 3, 4, 5), ArgumentError, "layer"),
        ((3, 1, (1, 2, 3)), ArgumentError, "padding"),
        ("3", ArgumentTypeError, "layer"),
        ((0,), ArgumentError, "kernel_size"),
        ((3, 1, -1), ArgumentError, "pad_before"),
    ],
)
def test_bad_specs_name_what_is_wrong(spec, error, argument):
    with pytest.raises(error) as caught:
        AxisWindow.of(spec)
    assert caught.value.argument == argument

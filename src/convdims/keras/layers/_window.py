"""The windows a Keras layer call slides, per spatial axis, for its layer record.

A convolution or pooling layer's [`LayerCall`][convdims.description.LayerCall] carries
one [`AxisWindow`][convdims.AxisWindow] per spatial axis: kernel, stride,
dilation and the cells Keras pads before and after for the padding word. The cells come
from the core ([`explicit_padding`][convdims.explicit_padding]).

>>> axis_windows("same", (11, 11), (2, 2), (2, 2), (1, 1))[0]
AxisWindow(kernel_size=2, stride=2, pad_before=0, pad_after=1, dilation=1)
"""

from __future__ import annotations

from collections.abc import Sequence

from convdims.padding import explicit_padding
from convdims.window import AxisWindow, effective_kernel


def _pads(word: str, size: int | None, kernel: int, stride: int, dilation: int) -> tuple:
    if size is not None:
        return explicit_padding(word, size, kernel, stride, dilation)
    if word == "valid":
        return (0, 0)
    # An axis of unknown size: 'causal' does not depend on it; for 'same', the split
    # at stride 1.
    total = effective_kernel(kernel, dilation) - 1
    if word == "causal":
        return (total, 0)
    return (total // 2, total - total // 2)


def axis_windows(
    padding: str,
    sizes: Sequence[int | None],
    kernels: Sequence[int],
    strides: Sequence[int],
    dilations: Sequence[int],
) -> tuple[AxisWindow, ...]:
    """One window per axis for a Keras padding word (``"valid"``, ``"same"``,
    ``"causal"``) on inputs of ``sizes`` (None: unknown)."""
    return tuple(
        AxisWindow(k, s, *_pads(padding, size, k, s, d), d)
        for size, k, s, d in zip(sizes, kernels, strides, dilations, strict=False)
    )


def transposed_windows(
    padding: str,
    kernels: Sequence[int],
    strides: Sequence[int],
    dilations: Sequence[int],
) -> tuple[AxisWindow, ...]:
    """The windows of the convolution a transposed convolution is the transpose of:
    for ``"same"``, TensorFlow's split of ``K - 1``."""
    windows = []
    for k, s, d in zip(kernels, strides, dilations, strict=False):
        total = effective_kernel(k, d) - 1 if padding == "same" else 0
        windows.append(AxisWindow(k, s, total // 2, total - total // 2, d))
    return tuple(windows)

"""The derivation of a convolution's output size along one axis."""

from __future__ import annotations

from convdims.convolution import conv_geometry
from convdims.render._derivation import Derivation
from convdims.render._expression import check_digits
from convdims.render._window import window_derivation

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any


def conv_derivation(
    input_size: int,
    kernel_size: int,
    stride: int = 1,
    padding: Any = 0,
    dilation: int = 1,
    rounding: str = "floor",
    *,
    framework: str | None = None,
) -> Derivation:
    """Derive the output size of a convolution along one axis.

    Arguments and errors as [`conv_output_size`][convdims.conv_output_size];
    ``framework`` is the title of the framework whose rules gave the arguments, named
    in the notes (None: the core's rules). The
    general formula is ``O = floor((I - K + P_b + P_a)/S) + 1`` with
    ``K = d(k - 1) + 1``; it is written with k when d = 1 and with 2P when the padding is
    symmetric.

    Examples:
        >>> d = conv_derivation(11, 2, stride=2, padding="same")
        >>> d.result
        6
        >>> print(d.render_text())  # doctest: +NORMALIZE_WHITESPACE
        O = ceil(I/S) = ceil(11/2) = 6
        P_b + P_a = max((O - 1)*S + k - I, 0) = max((6 - 1)*2 + 2 - 11, 0) = 1
        O = floor((I - k + P_b + P_a)/S) + 1
          = floor((11 - 2 + 0 + 1)/2) + 1 = 6
        where I = 11 (input size), k = 2 (kernel size), S = 2 (stride),
          P_b = 0 (padding before), P_a = 1 (padding after)
        note: padding='same' (Keras/TensorFlow; PyTorch at stride 1) keeps O = ceil(I/S)
          and pads max((O - 1)*S + k - I, 0) = 1 cell(s) in total: P_b = 0 before,
          P_a = 1 after; the odd cell goes after (right/bottom), as TensorFlow does.
        >>> conv_derivation(32, 3, dilation=2).steps[0].text
        'K = d(k - 1) + 1 = 2*(3 - 1) + 1 = 5'
        >>> conv_derivation(8, 3, 2, 1, rounding="round").substituted
        'floor((8 - 3 + 2*1)/2 + 1/2) + 1 = 5'
    """
    check_digits(
        input_size=input_size,
        kernel_size=kernel_size,
        stride=stride,
        padding=padding,
        dilation=dilation,
    )
    geometry = conv_geometry(input_size, kernel_size, stride, padding, dilation, rounding)
    return window_derivation(
        geometry, padding, "kernel size", "convolution", None, rounding, framework
    )

"""Output size of a convolution along one axis."""

from __future__ import annotations

from convdims._checks import positive_int
from convdims.errors import ArgumentError
from convdims.geometry import AxisGeometry
from convdims.padding import Padding, explicit_padding
from convdims.window import effective_kernel


def no_window_error(
    kernel_size: int, dilation: int, input_size: int, before: int, after: int, what: str
) -> ArgumentError:
    """The refusal of a window that does not fit in the padded input (about ``what``,
    the kernel's argument name)."""
    padded = input_size + before + after
    return ArgumentError(
        _no_window_message(kernel_size, dilation, input_size, before, after, what),
        argument=what,
        value=kernel_size,
        valid=f"an effective kernel of at most {padded}",
    )


def _no_window_message(
    kernel_size: int, dilation: int, input_size: int, before: int, after: int, what: str
) -> str:
    effective = effective_kernel(kernel_size, dilation)
    padded = input_size + before + after
    kernel = f"{what}={kernel_size}"
    if dilation != 1:
        kernel += f" (effective {effective} with dilation={dilation})"
    return (
        f"{kernel} is larger than the padded input {padded} "
        f"(input_size={input_size} + padding {before} before + {after} after), so no "
        f"window fits and the output would be empty; use an effective kernel of at most "
        f"{padded} or pad at least {effective - padded} more cell(s)"
    )


def conv_geometry(
    input_size: int,
    kernel_size: int,
    stride: int = 1,
    padding: Padding = 0,
    dilation: int = 1,
) -> AxisGeometry:
    """The full geometry of a convolution along one axis.

    See [`AxisGeometry`][convdims.AxisGeometry].

    Same arguments and errors as [`conv_output_size`][convdims.conv_output_size].

    Examples:
        >>> g = conv_geometry(11, 2, stride=2, padding="same")
        >>> g.output_size, (g.pad_before, g.pad_after)
        (6, (0, 1))
    """
    size = positive_int("input_size", input_size)
    kernel = positive_int("kernel_size", kernel_size)
    step = positive_int("stride", stride)
    dil = positive_int("dilation", dilation)
    before, after = explicit_padding(padding, size, kernel, step, dil)
    span = size + before + after - effective_kernel(kernel, dil)
    if span < 0:
        raise no_window_error(kernel, dil, size, before, after, "kernel_size")
    return AxisGeometry(
        input_size=size,
        kernel_size=kernel,
        stride=step,
        dilation=dil,
        pad_before=before,
        pad_after=after,
        output_size=span // step + 1,
    )


def conv_output_size(
    input_size: int,
    kernel_size: int,
    stride: int = 1,
    padding: Padding = 0,
    dilation: int = 1,
) -> int:
    """Output size of a convolution along one axis.

    ``O = floor((I + P_before + P_after - K) / S) + 1`` with ``K = d*(k - 1) + 1``.
    With ``padding="same"`` (TensorFlow's meaning) this is ``ceil(I / S)`` for any
    stride.

    Args:
        input_size: I, cells along the axis.
        kernel_size: k.
        stride: S.
        padding: an int P (P cells on each side), a ``(before, after)`` pair, or one of
            ``"valid"`` (none), ``"same"`` (TensorFlow's split, extra cell after),
            ``"full"`` (K - 1 each side), ``"causal"`` (K - 1 before, none after).
        dilation: d, the step between the kernel's taps.

    Returns:
        O, at least 1.

    Raises:
        TypeError: an argument is not an integer (bools and floats included).
        ValueError: a size, stride or dilation below 1, negative padding, an unknown
            padding word, or a kernel that does not fit in the padded input.

    Examples:
        >>> conv_output_size(32, 3)
        30
        >>> conv_output_size(32, 3, padding=3)
        36
        >>> (conv_output_size(11, 2, stride=2),
        ...  conv_output_size(11, 2, stride=2, padding="same"))
        (5, 6)
        >>> conv_output_size(227, 11, stride=4)
        55
    """
    return conv_geometry(input_size, kernel_size, stride, padding, dilation).output_size

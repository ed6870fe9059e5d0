"""Output size of a convolution along one axis."""

from __future__ import annotations

from convdims._checks import positive_int, shown
from convdims.errors import ArgumentError
from convdims.geometry import AxisGeometry
from convdims.padding import Padding, explicit_padding
from convdims.window import effective_kernel

#: How a division of the span by the stride may be rounded: down (every framework's
#: default), up, or to the nearest integer with halves up (TF.js's ``dimRoundingMode``).
ROUNDINGS = ("floor", "ceil", "round")


def rounded_count(span: int, stride: int, rounding: str = "floor") -> int:
    """``R(span / stride) + 1``: how many windows start every ``stride`` cells over a
    ``span`` (the padded input minus the window), ``R`` the ``rounding``.

    ``"ceil"`` and ``"round"`` (halves up) count a last window that reaches past the
    padded input; the result may be 0 or negative when the span is negative.

    Raises:
        ArgumentError: an unknown rounding.

    Examples:
        >>> [rounded_count(5, 2, r) for r in ROUNDINGS]
        [3, 4, 4]
        >>> rounded_count(-1, 3, "ceil"), rounded_count(-1, 2, "round")
        (1, 1)
    """
    if rounding == "floor":
        return span // stride + 1
    if rounding == "ceil":
        return -(-span // stride) + 1
    if rounding == "round":
        return (2 * span + stride) // (2 * stride) + 1
    raise ArgumentError(
        f"rounding={shown(rounding)} is not a rounding; use 'floor', 'ceil' or 'round'",
        argument="rounding",
        value=rounding,
        valid="'floor', 'ceil' or 'round'",
    )


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
    rounding: str = "floor",
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
    output = rounded_count(span, step, rounding)
    if output < 1 or (span < 0 and rounding == "floor"):
        raise no_window_error(kernel, dil, size, before, after, "kernel_size")
    return AxisGeometry(
        input_size=size,
        kernel_size=kernel,
        stride=step,
        dilation=dil,
        pad_before=before,
        pad_after=after,
        output_size=output,
    )


def conv_output_size(
    input_size: int,
    kernel_size: int,
    stride: int = 1,
    padding: Padding = 0,
    dilation: int = 1,
    rounding: str = "floor",
) -> int:
    """Output size of a convolution along one axis.

    ``O = floor((I + P_before + P_after - K) / S) + 1`` with ``K = d*(k - 1) + 1``.
    With ``padding="same"`` (TensorFlow's meaning) this is ``ceil(I / S)`` for any
    stride. ``rounding="ceil"`` or ``"round"`` (halves up) rounds the division
    otherwise, counting a last window that reaches past the padded input (TF.js's
    ``dimRoundingMode``).

    Args:
        input_size: I, cells along the axis.
        kernel_size: k.
        stride: S.
        padding: an int P (P cells on each side), a ``(before, after)`` pair, or one of
            ``"valid"`` (none), ``"same"`` (TensorFlow's split, extra cell after),
            ``"full"`` (K - 1 each side), ``"causal"`` (K - 1 before, none after).
        dilation: d, the step between the kernel's taps.
        rounding: ``"floor"`` (the default), ``"ceil"`` or ``"round"``.

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
        >>> conv_output_size(8, 3, 2, 1), conv_output_size(8, 3, 2, 1, rounding="ceil")
        (4, 5)
        >>> conv_output_size(3, 2, 2), conv_output_size(3, 2, 2, rounding="round")
        (1, 2)
    """
    return conv_geometry(
        input_size, kernel_size, stride, padding, dilation, rounding
    ).output_size

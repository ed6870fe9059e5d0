"""Output size of a pooling window along one axis."""

from __future__ import annotations

from convdims._checks import positive_int, shown
from convdims.convolution import ROUNDINGS, no_window_error, rounded_count
from convdims.errors import ArgumentError, ArgumentTypeError
from convdims.geometry import AxisGeometry
from convdims.padding import Padding, explicit_padding
from convdims.window import effective_kernel

POOL_PADDING_WORDS = ("valid", "same", "same_lower")

#: What rounding up does with a last window that starts in the padding after the input:
#: ``"drop"`` it (PyTorch, ONNX) or ``"keep"`` it (MXNet's ``full``).
LAST_WINDOW_RULES = ("drop", "keep")


def pool_geometry(
    input_size: int,
    pool_size: int,
    stride: int | None = None,
    padding: Padding = 0,
    dilation: int = 1,
    ceil_mode: bool = False,
    last_window: str = "drop",
    rounding: str = "floor",
    *,
    padding_only: bool = False,
) -> AxisGeometry:
    """The full geometry of a pooling window along one axis.

    See [`AxisGeometry`][convdims.AxisGeometry].

    Same arguments and errors as [`pool_output_size`][convdims.pool_output_size].

    Examples:
        >>> g = pool_geometry(11, 2, stride=2, padding=1, ceil_mode=True)
        >>> g.output_size, g.window_starts, g.overhang
        (6, (0, 2, 4, 6, 8, 10), 0)
        >>> pool_geometry(2, 1, padding=1, padding_only=True).window_starts
        (0, 1, 2, 3)
    """
    size = positive_int("input_size", input_size)
    pool = positive_int("pool_size", pool_size)
    step = pool if stride is None else positive_int("stride", stride)
    dil = positive_int("dilation", dilation)
    if not isinstance(ceil_mode, bool):
        raise ArgumentTypeError(
            f"ceil_mode must be True or False, got {shown(ceil_mode)}",
            argument="ceil_mode",
            value=ceil_mode,
            valid="True or False",
        )
    if last_window not in LAST_WINDOW_RULES:
        raise ArgumentError(
            f"last_window={shown(last_window)} is not a rule; use 'drop' or 'keep'",
            argument="last_window",
            value=last_window,
            valid="'drop' or 'keep'",
        )
    if rounding not in ROUNDINGS or (ceil_mode and rounding == "round"):
        raise ArgumentError(
            f"rounding={shown(rounding)} is not a rounding that goes with "
            f"ceil_mode={ceil_mode}; use 'floor', 'ceil' or 'round' (ceil_mode=True "
            "is rounding='ceil')",
            argument="rounding",
            value=rounding,
            valid="'floor', 'ceil' or 'round'",
        )
    rounding = "ceil" if ceil_mode else rounding
    before, after = explicit_padding(
        padding, size, pool, step, dil, words=POOL_PADDING_WORDS
    )
    reach = effective_kernel(pool, dil)
    if not isinstance(padding_only, bool):
        raise ArgumentTypeError(
            f"padding_only must be True or False, got {shown(padding_only)}",
            argument="padding_only",
            value=padding_only,
            valid="True or False",
        )
    for side, amount in (("before", before), ("after", after)):
        if amount >= reach and not padding_only:
            raise ArgumentError(
                f"padding={shown(padding)} puts {amount} cell(s) {side} the input, but a "
                f"pooling window of pool_size={pool}"
                + (f" (effective {reach} with dilation={dil})" if dil != 1 else "")
                + f" would then hold padding only; use a padding of 0..{reach - 1} "
                "(frameworks may allow less: see convdims.conventions)",
                argument="padding",
                value=padding,
                valid=f"0..{reach - 1}",
            )
    span = size + before + after - reach
    if rounding == "floor":
        if span < 0:
            raise no_window_error(pool, dil, size, before, after, "pool_size")
        output = span // step + 1
    else:
        # Round up (or to the nearest); under "drop" the last window must start inside
        # the input or the left padding (with no window, (output - 1)*step < 0: kept).
        output = rounded_count(span, step, rounding)
        if last_window == "drop" and (output - 1) * step >= size + before:
            output -= 1
        if output < 1:
            raise no_window_error(pool, dil, size, before, after, "pool_size")
    return AxisGeometry(
        input_size=size,
        kernel_size=pool,
        stride=step,
        dilation=dil,
        pad_before=before,
        pad_after=after,
        output_size=output,
        ceil_mode=ceil_mode,
        last_window=last_window,
    )


def pool_output_size(
    input_size: int,
    pool_size: int,
    stride: int | None = None,
    padding: Padding = 0,
    dilation: int = 1,
    ceil_mode: bool = False,
    last_window: str = "drop",
    rounding: str = "floor",
    *,
    padding_only: bool = False,
) -> int:
    """Output size of max or average pooling along one axis.

    ``O = floor((I + 2P - K) / S) + 1`` with ``K = d*(F - 1) + 1``. With
    ``ceil_mode=True`` (PyTorch) the division rounds up, but a last window that would
    start in the right padding is dropped: if ``(O - 1)*S >= I + P`` then ``O -= 1``.

    Args:
        input_size: I.
        pool_size: F, the window's extent.
        stride: S; ``None`` means ``pool_size`` (both Keras and PyTorch default to it).
        padding: an int P on each side (PyTorch: at most ``pool_size // 2``), a
            ``(before, after)`` pair under the same rule, or Keras's ``"valid"`` /
            ``"same"`` (``ceil(I / S)``, extra padding after).
        dilation: d (PyTorch's MaxPool).
        ceil_mode: round up instead of down (PyTorch).
        last_window: with ``ceil_mode``, ``"drop"`` (PyTorch's rule above) or
            ``"keep"`` (no such rule: MXNet's ``pooling_convention="full"``).
        rounding: ``"floor"``, ``"ceil"`` (what ``ceil_mode=True`` means) or
            ``"round"`` (halves up; TF.js's ``dimRoundingMode``); ``last_window``
            applies to both of the latter.
        padding_only: take padding as wide as the window or wider, whose windows then
            hold padding only (XLA's ``reduce_window``, so JAX and Flax, and TF.js count
            them); by default such padding is refused.

    Returns:
        O, at least 1.

    Raises:
        TypeError: an argument is not an integer, or ceil_mode is not a bool.
        ValueError: a value below its minimum, padding above ``pool_size // 2``, an
            unknown padding word, or no window that fits.

    Examples:
        >>> pool_output_size(30, 2)
        15
        >>> pool_output_size(11, 2, stride=2), pool_output_size(11, 2, 2, padding="same")
        (5, 6)
        >>> (pool_output_size(11, 2, 2, ceil_mode=True),
        ...  pool_output_size(11, 2, 2, 1, ceil_mode=True))
        (6, 6)
        >>> pool_output_size(112, 3, 2, 1), pool_output_size(112, 3, 2, 1, ceil_mode=True)
        (56, 57)
        >>> pool_output_size(5, 1, 3, ceil_mode=True, last_window="keep")
        3
        >>> pool_output_size(1, 2, 1, (3, 0), padding_only=True)
        3
        >>> pool_output_size(7, 2, 2, rounding="round", last_window="keep")
        4
    """
    return pool_geometry(
        input_size,
        pool_size,
        stride,
        padding,
        dilation,
        ceil_mode,
        last_window,
        rounding,
        padding_only=padding_only,
    ).output_size

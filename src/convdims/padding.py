"""Padding: the words frameworks use, and the cells they add on each side of an axis."""

from __future__ import annotations

from convdims._checks import non_negative_int, positive_int, shown
from convdims.errors import ArgumentError, ArgumentTypeError
from convdims.window import effective_kernel as _effective_kernel

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

#: What ``padding`` may be: cells on each side, a ``(before, after)`` pair, or a word.
Padding = int | tuple[int, int] | str

#: The padding words the core understands, in the order the docs explain them.
#: ``"same_lower"`` is ``"same"`` with the odd cell before; ``"circular"`` pads
#: ``(K - 1)//2`` before and ``K//2`` after whatever the stride (wrapped values).
PADDING_WORDS = ("valid", "same", "same_lower", "full", "causal", "circular")


def same_padding(
    input_size: int,
    kernel_size: int,
    stride: int = 1,
    dilation: int = 1,
    *,
    lower: bool = False,
) -> tuple[int, int]:
    """The ``(before, after)`` padding of ``padding="same"``: ``ceil(I / S)`` outputs.

    The output is ``O = ceil(I / S)``; the total padding is
    ``max((O - 1)*S + K - I, 0)`` with ``K = d*(k - 1) + 1``. When it is odd the extra
    cell goes after (right or bottom: TensorFlow and Keras), or before with
    ``lower=True`` (``SAME_LOWER``).

    Args:
        input_size: I, cells along the axis.
        kernel_size: k, the kernel's extent.
        stride: S.
        dilation: d.
        lower: put the odd cell before instead of after.

    Returns:
        The cells added before and after the input.

    Raises:
        TypeError: an argument is not an integer.
        ValueError: an argument is below 1.

    Examples:
        >>> same_padding(11, 2, stride=2), same_padding(11, 2, stride=2, lower=True)
        ((0, 1), (1, 0))
        >>> same_padding(32, 3)
        (1, 1)
        >>> same_padding(224, 7, stride=2)
        (2, 3)
    """
    size = positive_int("input_size", input_size)
    kernel = positive_int("kernel_size", kernel_size)
    step = positive_int("stride", stride)
    dil = positive_int("dilation", dilation)
    output = -(-size // step)
    total = max((output - 1) * step + _effective_kernel(kernel, dil) - size, 0)
    small, large = total // 2, total - total // 2
    return (large, small) if lower else (small, large)


def explicit_padding(
    padding: Any,
    input_size: int,
    kernel_size: int,
    stride: int = 1,
    dilation: int = 1,
    *,
    words: tuple[str, ...] = PADDING_WORDS,
) -> tuple[int, int]:
    """Turn any accepted ``padding`` into the ``(before, after)`` cells it adds.

    - an int P: P on each side;
    - a pair ``(before, after)``;
    - ``"valid"``: none; ``"same"``: TensorFlow's split
      ([`same_padding`][convdims.same_padding]), ``"same_lower"`` the same total with
      the odd cell before;
      ``"full"``: K - 1 on each side; ``"causal"``: K - 1 before, none after;
      ``"circular"``: ``(K - 1)//2`` before, ``K//2`` after,
      where ``K = d*(k - 1) + 1``.

    Args:
        padding: the padding as a layer would take it.
        input_size: I.
        kernel_size: k.
        stride: S (only ``"same"`` depends on it).
        dilation: d.
        words: the padding words the caller accepts.

    Returns:
        The cells added before and after the input.

    Raises:
        TypeError: padding is not an int, a pair of ints or a string.
        ValueError: a negative amount or an unknown word.

    Examples:
        >>> explicit_padding("causal", 10, 3, dilation=2)
        (4, 0)
        >>> explicit_padding("full", 10, 3)
        (2, 2)
        >>> explicit_padding((0, 1), 10, 3)
        (0, 1)
        >>> explicit_padding("circular", 10, 4), explicit_padding("same_lower", 10, 4)
        ((1, 2), (2, 1))
    """
    size = positive_int("input_size", input_size)
    kernel = positive_int("kernel_size", kernel_size)
    step = positive_int("stride", stride)
    dil = positive_int("dilation", dilation)
    if isinstance(padding, str):
        word = padding
        if word not in words:
            listed = ", ".join(repr(w) for w in words)
            valid = f"one of {listed}, an int or a (before, after) pair"
            raise ArgumentError(
                f"padding={shown(padding)} is not a padding word known here; use {valid}",
                argument="padding",
                value=padding,
                valid=valid,
            )
        reach = _effective_kernel(kernel, dil) - 1
        if word == "valid":
            return 0, 0
        if word in ("same", "same_lower"):
            return same_padding(size, kernel, step, dil, lower=word == "same_lower")
        if word == "full":
            return reach, reach
        if word == "circular":
            return reach // 2, reach - reach // 2
        return reach, 0  # causal
    if isinstance(padding, (tuple, list)):
        if len(padding) != 2:
            raise ArgumentError(
                f"padding={shown(padding)} must be a (before, after) pair of 2 ints, "
                f"got {len(padding)} values",
                argument="padding",
                value=padding,
                valid="a (before, after) pair of 2 ints",
            )
        return (
            non_negative_int("padding[0] (before)", padding[0]),
            non_negative_int("padding[1] (after)", padding[1]),
        )
    if isinstance(padding, bool) or not hasattr(padding, "__index__"):
        listed = ", ".join(repr(w) for w in words)
        valid = f"an int, a (before, after) pair or one of {listed}"
        raise ArgumentTypeError(
            f"padding must be {valid}; got {shown(padding)} of type "
            f"{type(padding).__name__}",
            argument="padding",
            value=padding,
            valid=valid,
        )
    amount = non_negative_int("padding", padding)
    return amount, amount

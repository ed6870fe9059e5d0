"""Argument checks shared by the core functions.

Every check raises [`ArgumentTypeError`][convdims.ArgumentTypeError] (a TypeError) for a
value
of the wrong kind and [`ArgumentError`][convdims.ArgumentError] (a ValueError) for a value
out of range, with a message that names the argument, the rule and what would be valid.
"""

from __future__ import annotations

import numbers

from convdims.errors import ArgumentError, ArgumentTypeError

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

_INTEGER = "an integer"


#: Integers with more bits than this have more decimal digits than Python prints by
#: default (4,300); no size or count is that large, and a message could not show it.
_MAX_BITS = 14_000


def shown(value: Any) -> str:
    """``repr(value)``, shortened for a message: a huge number is not echoed whole (Python
    refuses to print integers of more than 4,300 digits), nor a long container.

    >>> shown(3), shown(10**60), shown((1, 10**5000))
    ('3', '1000000000...000000000 (61 digits)', '(1, an integer of about 5,000 digits)')
    """
    if isinstance(value, int) and not isinstance(value, bool):
        if -(10**40) < value < 10**40:
            return repr(value)
        if value.bit_length() > _MAX_BITS:
            return (
                f"an integer of about {round(value.bit_length() * 0.30103, -2):,.0f} digits"
            )
        text = str(abs(value))
        sign = "-" if value < 0 else ""
        return f"{sign}{text[:10]}...{text[-9:]} ({len(text)} digits)"
    if isinstance(value, (tuple, list)):
        items = [shown(v) for v in value[:8]]
        if len(value) > 8:
            items.append("...")
        inner = ", ".join(items)
        if isinstance(value, tuple):
            return f"({inner},)" if len(value) == 1 else f"({inner})"
        return f"[{inner}]"
    try:
        text = repr(value)
    except ValueError:  # an object whose repr prints a huge int
        text = f"<{type(value).__name__}>"
    return text if len(text) <= 80 else text[:77] + "..."


def as_int(name: str, value: Any) -> int:
    """Return ``value`` as a plain int, or raise TypeError (ValueError for an integer
    too long to print).

    Accepts ``int`` and integer types that register as ``numbers.Integral``
    (NumPy's integers do). Rejects ``bool`` and every float, even ``3.0``.
    """
    if type(value) is int:
        number = value
    elif isinstance(value, bool) or not isinstance(value, numbers.Integral):
        raise ArgumentTypeError(
            f"{name} must be an integer, got {shown(value)} of type {type(value).__name__}",
            argument=name,
            value=value,
            valid=_INTEGER,
        )
    else:
        number = int(value)
    if number.bit_length() > _MAX_BITS:
        raise ArgumentError(
            f"{name} is {shown(number)}; no layer has sizes or counts that large "
            "(at most about 4,200 digits)",
            argument=name,
            value=value,
            valid="an integer of at most about 4,200 digits",
        )
    return number


def positive_int(name: str, value: Any) -> int:
    """An integer of at least 1 (sizes, strides, dilations, channels)."""
    number = as_int(name, value)
    if number < 1:
        raise ArgumentError(
            f"{name} must be at least 1, got {shown(number)}",
            argument=name,
            value=value,
            valid="an integer of at least 1",
        )
    return number


def non_negative_int(name: str, value: Any) -> int:
    """An integer of at least 0 (padding, output padding)."""
    number = as_int(name, value)
    if number < 0:
        raise ArgumentError(
            f"{name} must be 0 or more, got {shown(number)}",
            argument=name,
            value=value,
            valid="an integer of 0 or more",
        )
    return number


def kernel_extent(name: str, value: Any) -> tuple[int, ...]:
    """A kernel size given as an int or a non-empty tuple/list of ints, each at least 1."""
    if isinstance(value, (tuple, list)):
        if not value:
            raise ArgumentError(
                f"{name} must hold at least one size, got {value!r}",
                argument=name,
                value=value,
                valid="an integer of at least 1 or a non-empty tuple of them",
            )
        return tuple(positive_int(f"{name}[{i}]", v) for i, v in enumerate(value))
    return (positive_int(name, value),)

"""Argument checks shared by the core functions.

Every check raises TypeError for a value of the wrong kind and ValueError for a value out
of range, with a message that names the argument, the rule and what would be valid.
"""

from __future__ import annotations

import numbers
from typing import Any


def as_int(name: str, value: Any) -> int:
    """Return ``value`` as a plain int, or raise TypeError.

    Accepts ``int`` and integer types that register as :class:`numbers.Integral`
    (NumPy's integers do). Rejects ``bool`` and every float, even ``3.0``.
    """
    if isinstance(value, bool) or not isinstance(value, numbers.Integral):
        raise TypeError(
            f"{name} must be an integer, got {value!r} of type {type(value).__name__}"
        )
    return int(value)


def positive_int(name: str, value: Any) -> int:
    """An integer of at least 1 (sizes, strides, dilations, channels)."""
    number = as_int(name, value)
    if number < 1:
        raise ValueError(f"{name} must be at least 1, got {number}")
    return number


def non_negative_int(name: str, value: Any) -> int:
    """An integer of at least 0 (padding, output padding)."""
    number = as_int(name, value)
    if number < 0:
        raise ValueError(f"{name} must be 0 or more, got {number}")
    return number


def kernel_extent(name: str, value: Any) -> tuple[int, ...]:
    """A kernel size given as an int or a non-empty tuple/list of ints, each at least 1."""
    if isinstance(value, (tuple, list)):
        if not value:
            raise ValueError(f"{name} must hold at least one size, got {value!r}")
        return tuple(positive_int(f"{name}[{i}]", v) for i, v in enumerate(value))
    return (positive_int(name, value),)

"""Errors that carry data: the argument at fault, the value given and what is valid.

Every refusal of the core (and of the conventions) raises one of these. They are plain
ValueError and TypeError subclasses, so ``except ValueError`` keeps working; callers that
need to know *which* argument was wrong (the command line, which names its option) read
the attributes instead of parsing the message.

>>> from convdims import conv_output_size
>>> try:
...     conv_output_size(32, 0)
... except ArgumentError as error:
...     error.argument, error.value, error.valid
('kernel_size', 0, 'an integer of at least 1')
"""

from __future__ import annotations

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any


class _Carrying:
    """The data both error classes carry (a mixin: no behaviour of its own)."""

    argument: str
    value: Any
    valid: str

    def _keep(self, argument: str, value: Any, valid: str) -> None:
        self.argument = argument
        self.value = value
        self.valid = valid


class ArgumentError(_Carrying, ValueError):
    """A value of the right type that is out of range or breaks a rule.

    Examples:
        >>> from convdims import pool_output_size
        >>> try:
        ...     pool_output_size(11, 2, padding=2)
        ... except ArgumentError as error:
        ...     error.argument, error.valid
        ('padding', '0..1')

    Attributes:
        argument: the name of the argument at fault (as the function or layer calls
            it, e.g. ``"padding"`` or ``"padding[0] (before)"``).
        value: the value that was given.
        valid: what would be accepted, in words.
    """

    def __init__(self, message: str, *, argument: str, value: Any, valid: str) -> None:
        super().__init__(message)
        self._keep(argument, value, valid)


class ArgumentTypeError(_Carrying, TypeError):
    """A value of the wrong type: the TypeError twin of
    [`ArgumentError`][convdims.ArgumentError].

    Examples:
        >>> from convdims import conv_output_size
        >>> try:
        ...     conv_output_size(32, 3.0)
        ... except TypeError as error:
        ...     type(error).__name__, error.argument, error.valid
        ('ArgumentTypeError', 'kernel_size', 'an integer')

    Attributes:
        argument: the name of the argument at fault.
        value: the value that was given.
        valid: what would be accepted, in words.
    """

    def __init__(self, message: str, *, argument: str, value: Any, valid: str) -> None:
        super().__init__(message)
        self._keep(argument, value, valid)


def base_argument(argument: str) -> str:
    """The argument's own name without an index or a note: ``"padding[0] (before)"``
    is about ``"padding"``.

    >>> base_argument("padding[0] (before)"), base_argument("stride")
    ('padding', 'stride')
    """
    for mark in ("[", " ", "("):
        argument = argument.split(mark, 1)[0]
    return argument

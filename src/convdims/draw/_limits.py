"""How large a picture may be (the table in ``convdims.draw``'s docstring): beyond
these, a figure is refused before anything is built per cell."""

from __future__ import annotations

from convdims.errors import ArgumentError

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

MAX_AXIS_CELLS = 512
MAX_AXIS_TAPS = 16_384
MAX_GRID_CELLS = 256
MAX_GRID_TAPS = 4_096
MAX_FIELD_CELLS = 512
MAX_FIELD_LAYERS = 32
MAX_VOLUMES = 600
MAX_LABEL = 100
MAX_SIDE = 10**9
MAX_PARAMS = 10**15

_SHOWN_DIGITS = 40


def brief(value: Any) -> str:
    """``repr(value)``, except that an int too long to read is described by its length
    (Python refuses to print ints of more than 4,300 digits at all)."""
    if isinstance(value, int) and not isinstance(value, bool):
        if value.bit_length() > _SHOWN_DIGITS * 3.33:
            digits = int(value.bit_length() * 0.30103) + 1
            return f"a {'negative ' if value < 0 else ''}number of about {digits:,} digits"
        return repr(value)
    text = repr(value)
    return text if len(text) <= 80 else text[:77] + "..."


def check_size(
    argument: str, value: Any, count: int, limit: int, what: str, hint: str = ""
) -> None:
    """Refuse a picture that would draw more than ``limit`` of ``what``.

    Raises:
        ArgumentError: ``count > limit``, naming ``argument``.
    """
    if count <= limit:
        return
    raise ArgumentError(
        f"{argument}={brief(value)} makes a picture of {brief(count)} {what}, more than "
        f"the {limit} a figure draws (larger ones are too big to read or to load); "
        + (hint or "draw a smaller case with the same settings")
        + ".",
        argument=argument,
        value=value,
        valid=f"a picture of at most {limit} {what}",
    )


#: Bits of the longest int a figure writes as text (about 900 digits; Python writes
#: 4,300 at most).
_MAX_BITS = 3_000


def check_ints(
    limit: int, what: str, *, unbounded: tuple[str, ...] = (), **arguments: Any
) -> None:
    """Refuse, before any geometry is computed, an int argument (or an int in a tuple of
    them) that no picture within ``limit`` could hold: a size, kernel, dilation or
    padding beyond the limit, or a negative one of that length (the core would refuse
    it anyway; this says so without writing out a number too long to read). Arguments
    named in ``unbounded`` (a stride: any stride draws) are only refused when too long
    to write in the figure.

    Raises:
        ArgumentError: naming the argument.
    """
    for name, value in arguments.items():
        items = value if isinstance(value, (tuple, list)) else (value,)
        for item in items:
            if isinstance(item, bool) or not isinstance(item, int):
                continue
            if name in unbounded:
                if item.bit_length() > _MAX_BITS:
                    raise ArgumentError(
                        f"{name}={brief(value)} is too long to write in a figure",
                        argument=name,
                        value=value,
                        valid=f"an int of at most {int(_MAX_BITS * 0.30103)} digits",
                    )
                continue
            if item > limit:
                raise ArgumentError(
                    f"{name}={brief(value)} is more than the {limit} {what} a figure "
                    f"draws (larger ones are too big to read or to load); draw a smaller "
                    f"case with the same settings.",
                    argument=name,
                    value=value,
                    valid=f"a picture of at most {limit} {what}",
                )
            if item < -limit:
                raise ArgumentError(
                    f"{name}={brief(value)} must not be negative",
                    argument=name,
                    value=value,
                    valid="a non-negative int",
                )

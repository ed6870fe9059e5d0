"""The derivation of a pooling layer's output size along one axis."""

from __future__ import annotations

from convdims.pooling import pool_geometry
from convdims.render._derivation import Derivation
from convdims.render._expression import check_digits
from convdims.render._window import window_derivation

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any


def pool_derivation(
    input_size: int,
    pool_size: int,
    stride: int | None = None,
    padding: Any = 0,
    dilation: int = 1,
    ceil_mode: bool = False,
    last_window: str = "drop",
    rounding: str = "floor",
    *,
    padding_only: bool = False,
    framework: str | None = None,
) -> Derivation:
    """Derive the output size of max or average pooling along one axis.

    Arguments and errors as [`pool_output_size`][convdims.pool_output_size]: the
    stride defaults to the pool size, ``ceil_mode`` rounds up under PyTorch's
    last-window rule (``last_window="keep"``: without it). ``framework`` is the title of
    the framework whose rules gave the arguments, named in the notes (None: the core's
    rules, PyTorch's for ceil_mode).

    Examples:
        >>> d = pool_derivation(30, 2)
        >>> d.text
        'O = floor((I - k + 2P)/S) + 1 = floor((30 - 2 + 2*0)/2) + 1 = 15'
        >>> pool_derivation(112, 3, 2, 1, ceil_mode=True).substituted
        'ceil((112 - 3 + 2*1)/2) + 1 = 57'
        >>> pool_derivation(7, 2, 2, rounding="ceil", last_window="keep").substituted
        'ceil((7 - 2 + 2*0)/2) + 1 = 4'
    """
    check_digits(
        input_size=input_size,
        pool_size=pool_size,
        stride=stride,
        padding=padding,
        dilation=dilation,
    )
    geometry = pool_geometry(
        input_size,
        pool_size,
        stride,
        padding,
        dilation,
        ceil_mode,
        last_window,
        rounding,
        padding_only=padding_only,
    )
    return window_derivation(
        geometry, padding, "pool size", "pooling", stride, rounding, framework
    )

"""``torch.nn.modules.utils``: PyTorch's int-or-tuple helpers, as PyTorch writes them
(an iterable becomes a tuple, anything else is repeated).

>>> _pair(3), _pair([1, 2]), _triple(1)
((3, 3), (1, 2), (1, 1, 1))
"""

from __future__ import annotations

import collections.abc
from collections.abc import Callable
from itertools import repeat

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

__all__ = ["_ntuple", "_pair", "_quadruple", "_reverse_repeat_tuple", "_single", "_triple"]


def _ntuple(n: int, name: str = "parse") -> Callable[[Any], tuple[Any, ...]]:
    def parse(x: Any) -> tuple[Any, ...]:
        if isinstance(x, collections.abc.Iterable):
            return tuple(x)
        return tuple(repeat(x, n))

    parse.__name__ = name
    return parse


_single = _ntuple(1, "_single")
_pair = _ntuple(2, "_pair")
_triple = _ntuple(3, "_triple")
_quadruple = _ntuple(4, "_quadruple")


def _reverse_repeat_tuple(t: Any, n: int) -> tuple[Any, ...]:
    """``(a, b)`` to ``(b, b, a, a)`` for ``n=2``: F.pad's order of a layer's padding."""
    return tuple(x for x in reversed(t) for _ in range(n))

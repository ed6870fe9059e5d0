"""``torch.jit.annotations``: the type names TorchScript code imports.

``BroadcastingList2[int]`` declares an argument that is an int or a list of two; as in
PyTorch, indexing it gives None at run time (only the compiler reads it).

>>> BroadcastingList2[int] is None
True
"""

from __future__ import annotations

from typing import Any, Dict, List, Optional, Tuple, Union  # noqa: UP035 - PyTorch's names

__all__ = [
    "Any",
    "BroadcastingList1",
    "BroadcastingList2",
    "BroadcastingList3",
    "Dict",
    "List",
    "Optional",
    "Tuple",
    "Union",
]


class _BroadcastingList:
    """An argument that is a value or a list of N values (TorchScript's
    ``BroadcastingListN``); ``[type]`` gives None, as PyTorch's does."""

    def __getitem__(self, types: Any) -> None:
        return None


BroadcastingList1 = _BroadcastingList()
BroadcastingList2 = _BroadcastingList()
BroadcastingList3 = _BroadcastingList()

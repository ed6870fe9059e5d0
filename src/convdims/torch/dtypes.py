"""Element types: a name and a size in bytes are all that shapes and memory need.

>>> float32.itemsize, float16
(4, torch.float16)
"""

from __future__ import annotations


class dtype:  # noqa: N801 - PyTorch's spelling, as in ``torch.dtype``
    """An element type."""

    __slots__ = ("is_floating_point", "itemsize", "name")

    def __init__(self, name: str, itemsize: int, is_floating_point: bool) -> None:
        self.name = name
        self.itemsize = itemsize
        self.is_floating_point = is_floating_point

    def __repr__(self) -> str:
        return f"torch.{self.name}"


float32 = dtype("float32", 4, True)
float64 = dtype("float64", 8, True)
float16 = dtype("float16", 2, True)
bfloat16 = dtype("bfloat16", 2, True)
int64 = dtype("int64", 8, False)
int32 = dtype("int32", 4, False)
int16 = dtype("int16", 2, False)
int8 = dtype("int8", 1, False)
uint8 = dtype("uint8", 1, False)

#: PyTorch's other names for the same types (``torch.float``, ``torch.long``...).
ALIASES = {
    "float": float32,
    "double": float64,
    "half": float16,
    "long": int64,
    "int": int32,
    "short": int16,
    "bool": dtype("bool", 1, False),
}

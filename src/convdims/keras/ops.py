"""``keras.ops`` for shapes: the symbolic operations model code calls on tensors.

On a ``KerasTensor`` each returns a ``KerasTensor`` of the shape Keras infers
(``None`` stays unknown). Functions that need values (``convert_to_numpy``) refuse.

>>> from convdims import keras
>>> from convdims.keras import ops
>>> x = keras.Input((4, 6))
>>> ops.reshape(x, (-1, 24)).shape, ops.shape(x), ops.cast(x, "int32").dtype
((None, 24), (None, 4, 6), 'int32')
"""

from __future__ import annotations

import math

from convdims.keras._graph import KerasTensor

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

__all__ = [
    "cast",
    "concatenate",
    "convert_to_numpy",
    "convert_to_tensor",
    "floor",
    "reshape",
    "shape",
    "split",
    "stack",
]


def _tensor(shape: Any, dtype: Any = "float32") -> KerasTensor:
    return KerasTensor(tuple(shape), str(getattr(dtype, "name", dtype)))


def _shape(x: Any) -> tuple:
    if isinstance(x, KerasTensor):
        return x.shape
    if hasattr(x, "shape"):
        return tuple(x.shape)
    if isinstance(x, (list, tuple)):
        return (len(x), *(_shape(x[0]) if x else ()))
    return ()


def shape(x: Any) -> tuple:
    """``keras.ops.shape``: the shape (``None`` for unknown sizes)."""
    return _shape(x)


def _record(class_name: str, inputs: Any, outputs: Any) -> Any:
    from convdims.keras._operations import record

    return record(class_name, inputs, outputs)


def cast(x: Any, dtype: Any) -> KerasTensor:
    """``keras.ops.cast``: the same shape in ``dtype``."""
    return _record("Cast", x, _tensor(_shape(x), dtype))


def floor(x: Any) -> Any:
    """``keras.ops.floor``: the same shape."""
    if not isinstance(x, KerasTensor):
        return x
    return _record("Floor", x, _tensor(x.shape, x.dtype))


def convert_to_tensor(
    x: Any, dtype: Any = None, sparse: Any = None, ragged: Any = None
) -> Any:
    """``keras.ops.convert_to_tensor``: a symbolic tensor stays as it is; data becomes
    a tensor of its shape."""
    if isinstance(x, KerasTensor):
        return x if dtype is None else cast(x, dtype)
    return _tensor(_shape(x), dtype or "float32")


def convert_to_numpy(x: Any) -> Any:
    """Refused: a symbolic tensor has no values.

    Raises:
        Unsupported: always.
    """
    from convdims.standin import Unsupported

    raise Unsupported("keras.ops.convert_to_numpy")


def reshape(x: Any, newshape: Any) -> KerasTensor:
    """``keras.ops.reshape``: one size may be -1 (inferred when the rest is known)."""
    sizes = list(newshape)
    known = _shape(x)
    if -1 in sizes and None not in known:
        rest = math.prod(s for s in sizes if s != -1)
        total = math.prod(known)
        if rest == 0 or total % rest:
            raise ValueError(
                "The total size of the tensor must be unchanged. Received: "
                f"input_shape={known}, newshape={tuple(newshape)}"
            )
        sizes[sizes.index(-1)] = total // rest
    elif -1 in sizes:
        sizes[sizes.index(-1)] = None
    return _record("Reshape", x, _tensor(sizes, getattr(x, "dtype", "float32")))


def _axis(axis: int, rank: int) -> int:
    if not -rank <= axis < rank:
        raise ValueError(f"axis {axis} is out of bounds for a tensor of rank {rank}")
    return axis % rank


def concatenate(xs: Any, axis: int = 0) -> KerasTensor:
    """``keras.ops.concatenate``: the sizes along ``axis`` add up (None if one is)."""
    shapes = [_shape(x) for x in xs]
    first = list(shapes[0])
    at = _axis(axis, len(first))
    sizes = [s[at] for s in shapes]
    first[at] = None if None in sizes else sum(sizes)
    return _record(
        "Concatenate", list(xs), _tensor(first, getattr(xs[0], "dtype", "float32"))
    )


def stack(x: Any, axis: int = 0) -> KerasTensor:
    """``keras.ops.stack``: equal shapes, joined on a new axis."""
    shapes = [_shape(t) for t in x]
    first = list(shapes[0])
    at = _axis(axis, len(first) + 1)
    first.insert(at, len(shapes))
    return _record("Stack", list(x), _tensor(first, getattr(x[0], "dtype", "float32")))


def split(x: Any, indices_or_sections: Any, axis: int = 0) -> list[KerasTensor]:
    """``keras.ops.split``: equal sections, or pieces between indices."""
    own = list(_shape(x))
    at = _axis(axis, len(own))
    size = own[at]
    if isinstance(indices_or_sections, int):
        if size is not None and size % indices_or_sections:
            raise ValueError("array split does not result in an equal division")
        piece = None if size is None else size // indices_or_sections
        sizes = [piece] * indices_or_sections
    else:
        bounds = [0, *indices_or_sections, size]
        sizes = [
            None if b is None else b - a for a, b in zip(bounds, bounds[1:], strict=False)
        ]
    parts = []
    for piece in sizes:
        shape_ = list(own)
        shape_[at] = piece
        parts.append(_tensor(shape_, getattr(x, "dtype", "float32")))
    return _record("Split", x, parts)

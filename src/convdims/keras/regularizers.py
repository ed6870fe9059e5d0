"""``keras.regularizers``: penalties a layer adds to the loss for its weights. Nothing
is computed here (convdims keeps shapes only), but a layer takes the same regularizers
(``kernel_regularizer=regularizers.l2(1e-4)``), each checks its arguments as Keras's
does, and ``get`` resolves names and saved configs as Keras's does, errors included.

>>> get("l2").get_config(), L1L2(l1=0.1).get_config()
({'l2': 0.01}, {'l1': 0.1, 'l2': 0.0})
>>> get("l1_l2")  # Keras's snake-case name of L1L2 is "l1l2"
Traceback (most recent call last):
    ...
ValueError: Could not interpret regularizer identifier: l1_l2

Ported from ``keras/src/regularizers/regularizers.py`` and
``keras/src/regularizers/__init__.py`` of Keras 3.15.
"""

from __future__ import annotations

import math
import struct

from convdims.keras import _identifiers

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any


def _float32(value: float) -> float:
    """``value`` rounded to float32, as Keras keeps ``l1`` and ``factor`` (a tensor)."""
    return struct.unpack("f", struct.pack("f", value))[0]


def _validate_float_arg(value: Any, name: str) -> float:
    """A penalty factor as a float: a finite number, at least 0.

    Raises:
        ValueError: anything else (Keras's message, its missing space included).

    >>> _validate_float_arg(1, "l2")
    1.0
    >>> _validate_float_arg(-0.1, "l2")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
        ...
    ValueError: Invalid value for argument l2: expected a non-negative ...: l2=-0.1
    """
    if (
        not isinstance(value, (float, int))
        or (math.isinf(value) or math.isnan(value))
        or value < 0
    ):
        raise ValueError(
            f"Invalid value for argument {name}: expected a non-negative float."
            f"Received: {name}={value}"
        )
    return float(value)


class Regularizer:
    """``keras.regularizers.Regularizer``: the base of every regularizer; a subclass
    of the user's defines ``__call__`` and ``get_config``."""

    def __call__(self, x: Any) -> Any:
        """The penalty of the base class: 0."""
        return 0.0

    @classmethod
    def from_config(cls, config: dict[str, Any]) -> Any:
        """The regularizer of a config, ``cls(**config)``."""
        return cls(**config)

    def get_config(self) -> dict[str, Any]:
        """The arguments of the regularizer, as Keras saves them.

        Raises:
            NotImplementedError: the base class has none (as in Keras).
        """
        raise NotImplementedError(f"{self} does not implement get_config()")


class _Penalty(Regularizer):
    def __call__(self, x: Any) -> Any:
        """Refused: the penalty needs the weights' values.

        Raises:
            Unsupported: always.
        """
        from convdims.standin import Unsupported

        raise Unsupported(f"{type(self).__name__}.__call__")


class L1L2(_Penalty):
    """``l1 * sum(|x|) + l2 * sum(x**2)``; None counts as 0."""

    def __init__(self, l1: Any = 0.0, l2: Any = 0.0) -> None:
        l1 = 0.0 if l1 is None else l1
        l2 = 0.0 if l2 is None else l2
        self.l1 = _validate_float_arg(l1, name="l1")
        self.l2 = _validate_float_arg(l2, name="l2")

    def get_config(self) -> dict[str, Any]:
        return {"l1": self.l1, "l2": self.l2}


class L1(_Penalty):
    """``l1 * sum(|x|)``; None means the default 0.01. ``l1`` is kept in float32, as
    Keras keeps it (a tensor)."""

    def __init__(self, l1: Any = 0.01) -> None:
        l1 = 0.01 if l1 is None else l1
        self.l1 = _float32(_validate_float_arg(l1, name="l1"))

    def get_config(self) -> dict[str, Any]:
        return {"l1": float(self.l1)}


class L2(_Penalty):
    """``l2 * sum(x**2)``; None means the default 0.01."""

    def __init__(self, l2: Any = 0.01) -> None:
        l2 = 0.01 if l2 is None else l2
        self.l2 = _validate_float_arg(l2, name="l2")

    def get_config(self) -> dict[str, Any]:
        return {"l2": self.l2}


_MODES = ("rows", "columns")


class OrthogonalRegularizer(_Penalty):
    """``factor`` times the mean absolute dot product of the normalized rows (or
    columns) of a rank-2 weight; ``mode`` is ``"rows"`` or ``"columns"``."""

    def __init__(self, factor: Any = 0.01, mode: str = "rows") -> None:
        _validate_float_arg(factor, name="factor")
        self.factor = _float32(float(factor))
        if mode not in _MODES:
            raise ValueError(
                "Invalid value for argument `mode`. Expected one of "
                f'{{"rows", "columns"}}. Received: mode={mode}'
            )
        self.mode = mode

    def get_config(self) -> dict[str, Any]:
        return {"factor": float(self.factor), "mode": self.mode}


l1 = L1
l2 = L2
l1_l2 = L1L2
orthogonal_regularizer = OrthogonalRegularizer

#: Keras's ``ALL_OBJECTS_DICT``: each class by name and snake-case name.
_BY_NAME = _identifiers.objects_by_name((Regularizer, L1, L2, L1L2, OrthogonalRegularizer))


def get(identifier: Any) -> Any:
    """The regularizer ``identifier`` names: None, a name (``"l2"``, ``"L1"``,
    ``"orthogonal_regularizer"``: a fresh instance of defaults), a saved config dict, a
    class (an instance of it), or a regularizer or function (taken as it is).

    Raises:
        ValueError: anything else (``Could not interpret regularizer identifier``).
    """
    return _identifiers.get(_BY_NAME, "regularizer", identifier)


def serialize(regularizer: Any) -> Any:
    """``{"module": "keras.regularizers", "class_name", "config", "registered_name"}``,
    as Keras saves a regularizer."""
    return _identifiers.serialize(regularizer, "keras.regularizers")


def deserialize(config: Any, custom_objects: Any = None) -> Any:
    """The regularizer of a saved config or name (an unknown name comes back as it
    is, as in Keras)."""
    return _identifiers.deserialize(_BY_NAME, config)


__all__ = [
    "L1",
    "L1L2",
    "L2",
    "OrthogonalRegularizer",
    "Regularizer",
    "deserialize",
    "get",
    "l1",
    "l1_l2",
    "l2",
    "orthogonal_regularizer",
    "serialize",
]

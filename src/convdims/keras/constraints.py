"""``keras.constraints``: projections Keras applies to a layer's weights after each
training step. Nothing is projected here (convdims keeps shapes only), but a layer
takes the same constraints (``kernel_constraint=constraints.MaxNorm(3)``) and ``get``
resolves names and saved configs as Keras's does, errors included.

>>> get("max_norm").get_config(), MinMaxNorm(0.5).get_config()
({'max_value': 2, 'axis': 0}, {'min_value': 0.5, 'max_value': 1.0, 'rate': 1.0, 'axis': 0})

Ported from ``keras/src/constraints/constraints.py`` and
``keras/src/constraints/__init__.py`` of Keras 3.15.
"""

from __future__ import annotations

from convdims.keras import _identifiers

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any


class Constraint:
    """``keras.constraints.Constraint``: the base of every constraint; the base one
    leaves the weight as it is."""

    def __call__(self, w: Any) -> Any:
        """The weight, unchanged (the base class)."""
        return w

    def get_config(self) -> dict[str, Any]:
        """The arguments of the constraint, as Keras saves them."""
        return {}

    @classmethod
    def from_config(cls, config: dict[str, Any]) -> Any:
        """The constraint of a config, ``cls(**config)``."""
        return cls(**config)


class _Projection(Constraint):
    def __call__(self, w: Any) -> Any:
        """Refused: the projection needs the weight's values.

        Raises:
            Unsupported: always.
        """
        from convdims.standin import Unsupported

        raise Unsupported(f"{type(self).__name__}.__call__")


class MaxNorm(_Projection):
    """Scale each slice along ``axis`` down to a norm of at most ``max_value``."""

    def __init__(self, max_value: Any = 2, axis: Any = 0) -> None:
        self.max_value = max_value
        self.axis = axis

    def get_config(self) -> dict[str, Any]:
        return {"max_value": self.max_value, "axis": self.axis}


class NonNeg(_Projection):
    """Clip the weights at 0 from below."""


class UnitNorm(_Projection):
    """Scale each slice along ``axis`` to norm 1."""

    def __init__(self, axis: Any = 0) -> None:
        self.axis = axis

    def get_config(self) -> dict[str, Any]:
        return {"axis": self.axis}


class MinMaxNorm(_Projection):
    """Move each slice's norm along ``axis`` into ``[min_value, max_value]``, by the
    fraction ``rate`` per step."""

    def __init__(
        self, min_value: Any = 0.0, max_value: Any = 1.0, rate: Any = 1.0, axis: Any = 0
    ) -> None:
        self.min_value = min_value
        self.max_value = max_value
        self.rate = rate
        self.axis = axis

    def get_config(self) -> dict[str, Any]:
        return {
            "min_value": self.min_value,
            "max_value": self.max_value,
            "rate": self.rate,
            "axis": self.axis,
        }


max_norm = MaxNorm
non_neg = NonNeg
unit_norm = UnitNorm
min_max_norm = MinMaxNorm

#: Keras's ``ALL_OBJECTS_DICT``: each class by name and snake-case name.
_BY_NAME = _identifiers.objects_by_name((Constraint, MaxNorm, MinMaxNorm, NonNeg, UnitNorm))


def get(identifier: Any) -> Any:
    """The constraint ``identifier`` names: None, a name (``"max_norm"``,
    ``"NonNeg"``: a fresh instance of defaults), a saved config dict, a class (an
    instance of it), or a constraint or function (taken as it is).

    Raises:
        ValueError: anything else (``Could not interpret constraint identifier``).
    """
    return _identifiers.get(_BY_NAME, "constraint", identifier)


def serialize(constraint: Any) -> Any:
    """``{"module": "keras.constraints", "class_name", "config", "registered_name"}``,
    as Keras saves a constraint."""
    return _identifiers.serialize(constraint, "keras.constraints")


def deserialize(config: Any, custom_objects: Any = None) -> Any:
    """The constraint of a saved config or name (an unknown name comes back as it is,
    as in Keras)."""
    return _identifiers.deserialize(_BY_NAME, config)


__all__ = [
    "Constraint",
    "MaxNorm",
    "MinMaxNorm",
    "NonNeg",
    "UnitNorm",
    "deserialize",
    "get",
    "max_norm",
    "min_max_norm",
    "non_neg",
    "serialize",
    "unit_norm",
]

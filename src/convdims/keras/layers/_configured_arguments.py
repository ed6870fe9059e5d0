"""What the new layers do with their initializer, regularizer and constraint arguments:
resolve them at construction with Keras's ``get`` functions, so that a name Keras does
not know fails where Keras fails (``kernel_regularizer="l3"``: ValueError at once)."""

from __future__ import annotations

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any


def resolve(**arguments: Any) -> dict[str, Any]:
    """Each ``<x>_initializer``, ``<x>_regularizer`` and ``<x>_constraint`` argument
    resolved by the module of its kind, in the order given (Keras resolves them in its
    ``__init__`` order, so the first bad one is the one reported).

    >>> resolved = resolve(kernel_initializer="zeros", kernel_regularizer=None)
    >>> type(resolved["kernel_initializer"]).__name__, resolved["kernel_regularizer"]
    ('Zeros', None)
    """
    from convdims.keras import constraints, initializers, regularizers

    modules = {
        "initializer": initializers,
        "regularizer": regularizers,
        "constraint": constraints,
    }
    resolved = {}
    for name, value in arguments.items():
        kind = name.rsplit("_", 1)[-1]
        resolved[name] = modules[kind].get(value)
    return resolved

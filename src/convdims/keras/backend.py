"""``keras.backend``: the parts that matter without a backend.

>>> from convdims import keras
>>> keras.backend.is_keras_tensor(keras.Input((4,))), keras.backend.floatx()
(True, 'float32')
"""

from __future__ import annotations

from convdims.keras import _naming
from convdims.keras._naming import reset_uids
from convdims.keras.config import image_data_format, set_image_data_format

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any


def clear_session(free_memory: bool = True) -> None:
    """Reset the name counters, so the next Conv2D is ``conv2d`` again, as in Keras."""
    reset_uids()


def get_uid(prefix: str = "") -> int:
    """The next number of ``prefix`` (1 first), from the counters that name layers, as
    Keras shares them: after ``get_uid("conv2d")``, an unnamed Conv2D is ``conv2d_1``.

    >>> clear_session(); get_uid("block0"), get_uid("block0")
    (1, 2)
    """
    _naming._uids[prefix] += 1
    return _naming._uids[prefix]


def is_keras_tensor(x: Any) -> bool:
    """Whether ``x`` is a symbolic tensor (``keras.Input(...)`` or a layer's output)."""
    from convdims.keras._graph import KerasTensor

    return isinstance(x, KerasTensor)


def backend() -> str:
    """The backend Keras would run on: convdims answers for the torch backend, with
    which the oracle tests compare it."""
    return "torch"


def floatx() -> str:
    """The default float type: ``"float32"``."""
    return "float32"


def epsilon() -> float:
    """Keras's fuzz factor, ``1e-07``."""
    return 1e-07


__all__ = [
    "backend",
    "clear_session",
    "epsilon",
    "floatx",
    "get_uid",
    "image_data_format",
    "is_keras_tensor",
    "set_image_data_format",
]

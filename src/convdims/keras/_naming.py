"""Auto-generated names, with Keras's process-wide counters.

Keras names an unnamed layer after its class in snake case (``Conv2D`` becomes
``conv2d``) and appends ``_1``, ``_2``... to later ones. The counters are global to the
process and shared by every model, as in Keras; ``reset_uids`` (called by
``keras.backend.clear_session()``) starts them again.
"""

from __future__ import annotations

import re
from collections import defaultdict
from functools import lru_cache

_uids: defaultdict[str, int] = defaultdict(int)

_NON_WORD = re.compile(r"\W+")
_CAPITALISED_WORD = re.compile("(.)([A-Z][a-z]+)")
_LOWER_UPPER = re.compile("([a-z])([A-Z])")


@lru_cache(maxsize=256)
def to_snake_case(name: str) -> str:
    """Keras's snake case: ``"MaxPooling2D"`` becomes ``"max_pooling2d"``.

    >>> [to_snake_case(name) for name in ("MaxPooling2D", "ReLU", "Conv2DTranspose")]
    ['max_pooling2d', 're_lu', 'conv2d_transpose']
    """
    name = _NON_WORD.sub("", name)
    name = _CAPITALISED_WORD.sub(r"\1_\2", name)
    return _LOWER_UPPER.sub(r"\1_\2", name).lower()


def uniquify(name: str) -> str:
    """The first use of ``name`` returns it unchanged, the next ``name_1``, ``name_2``..."""
    count = _uids[name]
    _uids[name] = count + 1
    return f"{name}_{count}" if count else name


def auto_name(class_name: str) -> str:
    """The name Keras gives an unnamed object of class ``class_name``."""
    return uniquify(to_snake_case(class_name))


def reset_uids() -> None:
    """Forget every counter, as ``keras.backend.clear_session()`` does."""
    _uids.clear()

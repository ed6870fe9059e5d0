"""Auto-generated names, with Keras's process-wide counters.

Keras names an unnamed layer after its class in snake case (``Conv2D`` becomes
``conv2d``) and appends ``_1``, ``_2``... to later ones. The counters are global to the
process and shared by every model, as in Keras; ``reset_uids`` (called by
``keras.backend.clear_session()``) starts them again.
"""

from __future__ import annotations

from collections import defaultdict
from functools import lru_cache

_uids: defaultdict[str, int] = defaultdict(int)

_UPPER = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZ")
_LOWER = frozenset("abcdefghijklmnopqrstuvwxyz")


@lru_cache(maxsize=256)
def to_snake_case(name: str) -> str:
    """Keras's snake case: ``"MaxPooling2D"`` becomes ``"max_pooling2d"``.

    Keras writes it as three regular expressions: ``re.sub(r"\\W+", "", name)``, then
    ``re.sub("(.)([A-Z][a-z]+)", r"\\1_\\2", ...)``, then
    ``re.sub("([a-z])([A-Z])", r"\\1_\\2", ...).lower()``. The same scans are written
    out here, so that ``import convdims.keras`` needs no ``re`` (a tenth of its import
    time); tests/test_keras_naming.py checks them against those expressions.

    >>> [to_snake_case(name) for name in ("MaxPooling2D", "ReLU", "Conv2DTranspose")]
    ['max_pooling2d', 're_lu', 'conv2d_transpose']
    """
    # \W+ removed: every character that is not alphanumeric or an underscore.
    text = "".join(c for c in name if c.isalnum() or c == "_")
    # (.)([A-Z][a-z]+): a character, a capital and a run of small letters, left to
    # right without overlaps.
    out: list[str] = []
    i, n = 0, len(text)
    while i < n:
        if i + 2 < n and text[i + 1] in _UPPER and text[i + 2] in _LOWER:
            end = i + 3
            while end < n and text[end] in _LOWER:
                end += 1
            out.append(f"{text[i]}_{text[i + 1 : end]}")
            i = end
        else:
            out.append(text[i])
            i += 1
    text = "".join(out)
    # ([a-z])([A-Z]): a small letter before a capital.
    out = []
    i, n = 0, len(text)
    while i < n:
        if i + 1 < n and text[i] in _LOWER and text[i + 1] in _UPPER:
            out.append(f"{text[i]}_{text[i + 1]}")
            i += 2
        else:
            out.append(text[i])
            i += 1
    return "".join(out).lower()


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

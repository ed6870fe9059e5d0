"""``keras.backend``: the parts that matter without a backend."""

from __future__ import annotations

from convdims.keras._naming import reset_uids
from convdims.keras.config import image_data_format, set_image_data_format


def clear_session(free_memory: bool = True) -> None:
    """Reset the name counters, so the next Conv2D is ``conv2d`` again, as in Keras."""
    reset_uids()


__all__ = ["clear_session", "image_data_format", "set_image_data_format"]

"""Global settings that change how layers read their arguments (``keras.config``).

Only the image data format matters to shapes: layers created with ``data_format=None``
take this value when they are built, as in Keras. Unlike Keras, convdims does not read
``~/.keras/keras.json``; the default is always ``"channels_last"``.

>>> from convdims.keras import config
>>> config.image_data_format()
'channels_last'
"""

from __future__ import annotations

__all__ = ["image_data_format", "set_image_data_format"]

_DATA_FORMATS = ("channels_last", "channels_first")
_state = {"image_data_format": "channels_last"}


def image_data_format() -> str:
    """The default ``data_format`` of layers: ``"channels_last"`` unless changed."""
    return _state["image_data_format"]


def set_image_data_format(data_format: str) -> None:
    """Set the default ``data_format`` for layers created afterwards.

    Raises:
        ValueError: not ``"channels_last"`` or ``"channels_first"``.
    """
    value = str(data_format).lower()
    if value not in _DATA_FORMATS:
        raise ValueError(
            "The `data_format` argument must be one of "
            "{'channels_first', 'channels_last'}. "
            f"Received: data_format={data_format}"
        )
    _state["image_data_format"] = value

"""Keras's adaptive poolings: ``AdaptiveAveragePooling1D/2D/3D`` and
``AdaptiveMaxPooling1D/2D/3D`` (Keras's ``pooling/adaptive_*``): the output has
``output_size`` cells per spatial axis, whatever the input's, and the input's
channels; no weights.

>>> from convdims import keras
>>> from convdims.keras import layers
>>> layers.AdaptiveAveragePooling2D((7, 7))(keras.Input((32, 30, 3))).shape
(None, 7, 7, 3)
"""

from __future__ import annotations

from convdims.description import Kind
from convdims.keras import config
from convdims.keras.layers._layer import Layer

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any, ClassVar


class _AdaptivePooling(Layer):
    _kind: ClassVar[Kind] = Kind.ADAPTIVE_POOL
    _rank: ClassVar[int] = 2

    def __init__(self, output_size: Any, data_format: Any = None, **kwargs: Any) -> None:
        rank = self._rank
        if isinstance(output_size, int):
            sizes = (output_size,) * rank
        elif rank == 1 and isinstance(output_size, (tuple, list)):
            if len(output_size) != 1:
                raise ValueError(
                    "For 1D input, `output_size` tuple must have length 1. "
                    f"Received: {output_size}"
                )
            sizes = tuple(output_size)
        elif isinstance(output_size, (tuple, list)) and len(output_size) == rank:
            sizes = tuple(output_size)
        else:
            what = {
                1: "an integer or tuple of 1 integer",
                2: "an integer or (height, width) tuple",
                3: "an integer or (depth, height, width) tuple",
            }[rank]
            raise TypeError(
                f"`output_size` must be {what}. Received: {output_size} of type "
                f"{type(output_size)}"
            )
        super().__init__(**kwargs)
        self.output_size = sizes
        self.data_format = data_format or config.image_data_format()
        if self.data_format not in {"channels_first", "channels_last"}:
            raise ValueError(
                f"Invalid data_format: {self.data_format}. Expected 'channels_first' or "
                "'channels_last'."
            )
        self.built = True

    def compute_output_shape(self, input_shape: Any) -> tuple:
        batch_size = input_shape[0]
        if self.data_format == "channels_last":
            return (batch_size, *self.output_size, input_shape[-1])
        return (batch_size, input_shape[1], *self.output_size)

    def _record_fields(self, input_shape: tuple, output_shape: tuple) -> dict[str, Any]:
        channel = -1 if self.data_format == "channels_last" else 1
        return {
            "in_channels": input_shape[channel] or 0,
            "out_channels": output_shape[channel] or 0,
        }


class AdaptiveAveragePooling1D(_AdaptivePooling):
    """Average over ``output_size`` adaptive windows of ``(batch, steps, channels)``."""

    _rank = 1

    def __init__(self, output_size: Any, data_format: Any = None, **kwargs: Any) -> None:
        super().__init__(output_size, data_format, **kwargs)


class AdaptiveAveragePooling2D(_AdaptivePooling):
    """Average over ``output_size`` adaptive windows per spatial axis of images."""

    _rank = 2

    def __init__(self, output_size: Any, data_format: Any = None, **kwargs: Any) -> None:
        super().__init__(output_size, data_format, **kwargs)


class AdaptiveAveragePooling3D(_AdaptivePooling):
    """Average over ``output_size`` adaptive windows per spatial axis of volumes."""

    _rank = 3

    def __init__(self, output_size: Any, data_format: Any = None, **kwargs: Any) -> None:
        super().__init__(output_size, data_format, **kwargs)


class AdaptiveMaxPooling1D(AdaptiveAveragePooling1D):
    """The maximum over ``output_size`` adaptive windows of sequences."""


class AdaptiveMaxPooling2D(AdaptiveAveragePooling2D):
    """The maximum over ``output_size`` adaptive windows per spatial axis of images."""


class AdaptiveMaxPooling3D(AdaptiveAveragePooling3D):
    """The maximum over ``output_size`` adaptive windows per axis of volumes."""


__all__ = [
    "AdaptiveAveragePooling1D",
    "AdaptiveAveragePooling2D",
    "AdaptiveAveragePooling3D",
    "AdaptiveMaxPooling1D",
    "AdaptiveMaxPooling2D",
    "AdaptiveMaxPooling3D",
]

"""Layers that move cells around without weights: padding, cropping, upsampling,
flattening and reshaping."""

from __future__ import annotations

import math

from convdims.description import Kind
from convdims.keras.layers._arguments import standardize_data_format, standardize_tuple
from convdims.keras.layers._layer import InputSpec, Layer
from convdims.window import AxisWindow

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any, ClassVar


def _pairs(value: Any, what: str) -> tuple[tuple[int, int], tuple[int, int]]:
    """Keras's ``((top, bottom), (left, right))`` from an int, 2 ints or 2 pairs."""
    if isinstance(value, int):
        return ((value, value), (value, value))
    if hasattr(value, "__len__"):
        if len(value) != 2:
            raise ValueError(
                f"`{what}` should have two elements. Received: {what}={value}."
            )
        height = standardize_tuple(value[0], 2, f"1st entry of {what}", allow_zero=True)
        width = standardize_tuple(value[1], 2, f"2nd entry of {what}", allow_zero=True)
        return (height, width)
    raise ValueError(
        f"`{what}` should be either an int, a tuple of 2 ints "
        "(symmetric_height_crop, symmetric_width_crop), or a tuple of 2 tuples of 2 ints "
        "((top_crop, bottom_crop), (left_crop, right_crop)). "
        f"Received: {what}={value}."
    )


class ZeroPadding2D(Layer):
    """Add rows and columns of zeros around an image: what Conv2D cannot say with an int.

    >>> from convdims import keras
    >>> from convdims.keras import layers
    >>> layers.ZeroPadding2D(3)(keras.Input((32, 32, 3))).shape
    (None, 38, 38, 3)
    """

    _kind: ClassVar[Kind] = Kind.PADDING

    def __init__(
        self, padding: Any = (1, 1), data_format: str | None = None, **kwargs: Any
    ):
        super().__init__(**kwargs)
        self.data_format = standardize_data_format(data_format)
        self.padding = _pairs(padding, "padding")
        self.input_spec = InputSpec(ndim=4)

    def compute_output_shape(self, input_shape: tuple) -> tuple:
        shape = list(input_shape)
        offset = 2 if self.data_format == "channels_first" else 1
        for index in range(2):
            if shape[index + offset] is not None:
                shape[index + offset] += self.padding[index][0] + self.padding[index][1]
        return tuple(shape)

    def _record_fields(self, input_shape: tuple, output_shape: tuple) -> dict[str, Any]:
        return {"window": tuple(AxisWindow(1, 1, a, b) for a, b in self.padding)}


class Cropping2D(Layer):
    """Remove rows and columns from the edges of an image."""

    _kind: ClassVar[Kind] = Kind.CROPPING

    def __init__(
        self,
        cropping: Any = ((0, 0), (0, 0)),
        data_format: str | None = None,
        **kwargs: Any,
    ):
        super().__init__(**kwargs)
        self.data_format = standardize_data_format(data_format)
        if isinstance(cropping, int) and cropping < 0:
            raise ValueError(
                f"`cropping` cannot be negative. Received: cropping={cropping}."
            )
        self.cropping = _pairs(cropping, "cropping")
        self.input_spec = InputSpec(ndim=4)

    def compute_output_shape(self, input_shape: tuple) -> tuple:
        input_shape = tuple(input_shape)
        offset = 2 if self.data_format == "channels_first" else 1
        sizes = [input_shape[offset], input_shape[offset + 1]]
        for size, crop in zip(sizes, self.cropping, strict=False):
            if size is not None and sum(crop) >= size:
                raise ValueError(
                    "Values in `cropping` argument should be smaller than the "
                    "corresponding spatial dimension of the input. Received: "
                    f"input_shape={input_shape}, cropping={self.cropping}"
                )
        cropped = [
            None if size is None else size - crop[0] - crop[1]
            for size, crop in zip(sizes, self.cropping, strict=False)
        ]
        if offset == 2:
            return (input_shape[0], input_shape[1], *cropped)
        return (input_shape[0], *cropped, input_shape[3])

    def _record_fields(self, input_shape: tuple, output_shape: tuple) -> dict[str, Any]:
        return {"window": tuple(AxisWindow(1, 1, a, b) for a, b in self.cropping)}


class UpSampling2D(Layer):
    """Repeat rows and columns ``size`` times."""

    _kind: ClassVar[Kind] = Kind.UPSAMPLING

    def __init__(
        self,
        size: Any = (2, 2),
        data_format: str | None = None,
        interpolation: str = "nearest",
        **kwargs: Any,
    ):
        super().__init__(**kwargs)
        self.data_format = standardize_data_format(data_format)
        self.size = standardize_tuple(size, 2, "size")
        self.interpolation = interpolation.lower()
        self.input_spec = InputSpec(ndim=4)

    def compute_output_shape(self, input_shape: tuple) -> tuple:
        input_shape = tuple(input_shape)
        offset = 2 if self.data_format == "channels_first" else 1
        height, width = (
            None
            if input_shape[offset + i] is None
            else self.size[i] * input_shape[offset + i]
            for i in range(2)
        )
        if offset == 2:
            return (input_shape[0], input_shape[1], height, width)
        return (input_shape[0], height, width, input_shape[3])


class Flatten(Layer):
    """Everything but the batch axis in one axis."""

    _kind: ClassVar[Kind] = Kind.FLATTEN

    def __init__(self, data_format: str | None = None, **kwargs: Any):
        super().__init__(**kwargs)
        self.data_format = standardize_data_format(data_format)
        self.input_spec = InputSpec(min_ndim=1)

    def compute_output_shape(self, input_shape: tuple) -> tuple:
        rest = tuple(input_shape)[1:]
        if not rest:
            size = 1
        elif any(d is None for d in rest):
            size = None
        else:
            size = math.prod(rest)
        return (input_shape[0], size)


def _validate_target(shape: tuple) -> None:
    unknown = 0
    for dim in shape:
        if not isinstance(dim, int):
            continue
        if dim < -1:
            raise ValueError(
                "Each dimension in `target_shape` must be a non-negative integer, or `-1` "
                f"for a single unknown dimension. Received: target_shape={shape}."
            )
        if dim == -1:
            unknown += 1
    if unknown > 1:
        raise ValueError(
            "There must be at most one unknown dimension (-1) in `target_shape`. "
            f"Received: target_shape={shape}."
        )


class Reshape(Layer):
    """Give the non-batch axes a new shape with the same number of cells (one may be -1)."""

    _kind: ClassVar[Kind] = Kind.RESHAPE

    def __init__(self, target_shape: Any, **kwargs: Any):
        super().__init__(**kwargs)
        target_shape = tuple(target_shape)
        _validate_target(target_shape)
        self.target_shape = target_shape
        self.built = True

    def compute_output_shape(self, input_shape: tuple) -> tuple:
        sizes = tuple(input_shape)[1:]
        target = tuple(d if isinstance(d, int) else None for d in self.target_shape)
        if None in sizes or None in target:
            return (input_shape[0], *(None if d == -1 else d for d in target))
        cells = math.prod(sizes)
        if -1 not in target:
            if cells != math.prod(target):
                raise ValueError(
                    "The total size of the tensor must be unchanged. Received: "
                    f"input_shape={sizes}, target_shape={target}"
                )
            return (input_shape[0], *target)
        known = math.prod(d for d in target if d != -1)
        if known == 0 or cells % known != 0:
            raise ValueError(
                "The total size of the tensor must be unchanged, however, the input size "
                "cannot by divided by the specified dimensions in target_shape. Received: "
                f"input_shape={sizes}, target_shape={target}"
            )
        return (input_shape[0], *(cells // known if d == -1 else d for d in target))

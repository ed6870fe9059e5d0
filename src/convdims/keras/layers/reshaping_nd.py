"""The 1-D and 3-D forms of padding, cropping and upsampling, and the layers that
reorder or repeat axes: ``Permute``, ``RepeatVector``.

>>> from convdims import keras
>>> from convdims.keras import layers
>>> layers.UpSampling3D()(keras.Input((4, 4, 4, 8))).shape
(None, 8, 8, 8, 8)
>>> layers.Permute((2, 1))(keras.Input((10, 64))).shape
(None, 64, 10)
"""

from __future__ import annotations

from convdims.description import Kind
from convdims.keras.layers._arguments import standardize_data_format, standardize_tuple
from convdims.keras.layers._layer import InputSpec, Layer
from convdims.window import AxisWindow

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any, ClassVar


def _spatial_axes(data_format: str, dims: int) -> list[int]:
    first = 2 if data_format == "channels_first" else 1
    return list(range(first, first + dims))


class UpSampling1D(Layer):
    """Repeat each step ``size`` times: ``(batch, steps, features)``."""

    _kind: ClassVar[Kind] = Kind.UPSAMPLING

    def __init__(self, size: int = 2, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.size = int(size)
        self.input_spec = InputSpec(ndim=3)

    def compute_output_shape(self, input_shape: tuple) -> tuple:
        steps = input_shape[1]
        return (
            input_shape[0],
            None if steps is None else steps * self.size,
            input_shape[2],
        )


class UpSampling3D(Layer):
    """Repeat each cell of a volume ``size`` times along each axis."""

    _kind: ClassVar[Kind] = Kind.UPSAMPLING

    def __init__(
        self, size: Any = (2, 2, 2), data_format: str | None = None, **kwargs: Any
    ) -> None:
        super().__init__(**kwargs)
        self.data_format = standardize_data_format(data_format)
        self.size = standardize_tuple(size, 3, "size")
        self.input_spec = InputSpec(ndim=5)

    def compute_output_shape(self, input_shape: tuple) -> tuple:
        shape = list(input_shape)
        for factor, axis in zip(self.size, _spatial_axes(self.data_format, 3), strict=True):
            if shape[axis] is not None:
                shape[axis] *= factor
        return tuple(shape)


def _pair(value: Any, what: str) -> tuple[int, int]:
    if isinstance(value, int):
        return (value, value)
    return standardize_tuple(value, 2, what, allow_zero=True)


def _triple_pairs(value: Any, what: str) -> tuple[tuple[int, int], ...]:
    """Keras's three ``(before, after)`` pairs from an int, 3 ints or 3 pairs."""
    if isinstance(value, int):
        return ((value, value),) * 3
    if hasattr(value, "__len__"):
        if len(value) != 3:
            raise ValueError(f"`{what}` should have 3 elements. Received: {value}.")
        pairs = []
        for index, item in enumerate(value):
            ordinal = ("1st", "2nd", "3rd")[index]
            pairs.append(_pair(item, f"{ordinal} entry of {what}"))
        return tuple(pairs)
    raise ValueError(
        f"`{what}` should be either an int, a tuple of 3 ints (symmetric_dim1_{what}, "
        f"symmetric_dim2_{what}, symmetric_dim3_{what}), or a tuple of 3 tuples of 2 "
        f"ints ((left_dim1_{what}, right_dim1_{what}), (left_dim2_{what}, "
        f"right_dim2_{what}), (left_dim3_{what}, right_dim2_{what})). Received: {what}="
        f"{value}."
    )


class _PadOrCrop(Layer):
    _sign: ClassVar[int] = 1
    _ndim: ClassVar[int] = 3
    _amounts: tuple[tuple[int, int], ...]
    data_format: str

    def compute_output_shape(self, input_shape: tuple) -> tuple:
        shape = list(input_shape)
        axes = _spatial_axes(self.data_format, len(self._amounts))
        for (before, after), axis in zip(self._amounts, axes, strict=True):
            if shape[axis] is None:
                continue
            if self._sign < 0 and before + after >= shape[axis] and self._ndim == 3:
                raise ValueError(
                    f"`cropping` parameter of `{type(self).__name__}` layer must be "
                    "smaller than the input length. Received: input_shape="
                    f"{tuple(input_shape)}, cropping={self._amounts[0]}"
                )
            if self._sign < 0 and before + after >= shape[axis]:
                raise ValueError(
                    "Values in `cropping` argument should be smaller than the "
                    "corresponding spatial dimension of the input. Received: "
                    f"input_shape={tuple(input_shape)}, cropping={self._amounts}"
                )
            shape[axis] += self._sign * (before + after)
        return tuple(shape)

    def _record_fields(self, input_shape: tuple, output_shape: tuple) -> dict[str, Any]:
        return {"window": tuple(AxisWindow(1, 1, a, b) for a, b in self._amounts)}


class ZeroPadding1D(_PadOrCrop):
    """Add zeros before and after the steps: ``padding`` is an int or ``(left,
    right)``."""

    _kind: ClassVar[Kind] = Kind.PADDING

    def __init__(self, padding: Any = 1, data_format: str | None = None, **kwargs: Any):
        super().__init__(**kwargs)
        self.data_format = standardize_data_format(data_format)
        self.padding = _pair(padding, "padding")
        self._amounts = (self.padding,)
        self.input_spec = InputSpec(ndim=3)


class ZeroPadding3D(_PadOrCrop):
    """Add zeros around a volume: an int, 3 ints, or 3 ``(before, after)`` pairs."""

    _ndim = 5

    _kind: ClassVar[Kind] = Kind.PADDING

    def __init__(
        self,
        padding: Any = ((1, 1), (1, 1), (1, 1)),
        data_format: str | None = None,
        **kwargs: Any,
    ):
        super().__init__(**kwargs)
        self.data_format = standardize_data_format(data_format)
        self.padding = _triple_pairs(padding, "padding")
        self._amounts = self.padding
        self.input_spec = InputSpec(ndim=5)


class Cropping1D(_PadOrCrop):
    """Remove steps at the start and end: ``cropping`` is an int or ``(start, end)``."""

    _kind: ClassVar[Kind] = Kind.CROPPING
    _sign = -1

    def __init__(self, cropping: Any = (1, 1), **kwargs: Any):
        super().__init__(**kwargs)
        self.data_format = "channels_last"
        self.cropping = _pair(cropping, "cropping")
        self._amounts = (self.cropping,)
        self.input_spec = InputSpec(ndim=3)


class Cropping3D(_PadOrCrop):
    """Remove cells from the faces of a volume."""

    _ndim = 5

    _kind: ClassVar[Kind] = Kind.CROPPING
    _sign = -1

    def __init__(
        self,
        cropping: Any = ((1, 1), (1, 1), (1, 1)),
        data_format: str | None = None,
        **kwargs: Any,
    ):
        super().__init__(**kwargs)
        self.data_format = standardize_data_format(data_format)
        self.cropping = _triple_pairs(cropping, "cropping")
        self._amounts = self.cropping
        self.input_spec = InputSpec(ndim=5)


class Permute(Layer):
    """Reorder the non-batch axes: ``dims`` is a permutation of ``1..n``."""

    _kind: ClassVar[Kind] = Kind.RESHAPE

    def __init__(self, dims: Any, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.dims = tuple(dims)
        if sorted(self.dims) != list(range(1, len(self.dims) + 1)):
            raise ValueError(
                "Invalid permutation argument `dims` for Permute Layer. The set of "
                "indices in `dims` must be consecutive and start from 1. "
                f"Received dims={dims}"
            )
        self.input_spec = InputSpec(ndim=len(self.dims) + 1)

    def compute_output_shape(self, input_shape: tuple) -> tuple:
        return (input_shape[0], *(input_shape[d] for d in self.dims))


class RepeatVector(Layer):
    """Repeat a vector ``n`` times: ``(batch, features) -> (batch, n, features)``."""

    _kind: ClassVar[Kind] = Kind.RESHAPE

    def __init__(self, n: int, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        if not isinstance(n, int):
            raise TypeError(f"Expected an integer value for `n`, got {type(n)}.")
        self.n = n
        self.input_spec = InputSpec(ndim=2)

    def compute_output_shape(self, input_shape: tuple) -> tuple:
        return (input_shape[0], self.n, input_shape[1])

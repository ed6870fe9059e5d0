"""Keras's augmentation and noise layers (``RandomFlip``, ``RandomRotation``,
``RandomZoom``, ``RandomContrast``, ``RandomTranslation``, ``RandomBrightness``,
``GaussianNoise``, ``GaussianDropout``, ``AlphaDropout``, ``ActivityRegularization``,
``Identity``) and the resizing ones (``Resizing``, ``CenterCrop``, ``RandomCrop``).

The first kind changes values only while training: the output has the input's shape and
no weights. The resizing layers give ``(height, width)`` on the spatial axes (the last
two but one with ``channels_last``, the last two with ``channels_first``). Keras's
checks of the arguments when the layer is built are kept.

>>> from convdims import keras
>>> from convdims.keras import layers
>>> flip, turn = layers.RandomFlip("horizontal"), layers.RandomRotation(0.1)
>>> augment = keras.Sequential([flip, turn])
>>> model = keras.Sequential([keras.Input((64, 64, 3)), augment, layers.Resizing(32, 32)])
>>> model.output_shape, model.count_params()
((None, 32, 32, 3), 0)
"""

from __future__ import annotations

from convdims.description import Kind
from convdims.keras.layers._arguments import standardize_data_format
from convdims.keras.layers._layer import Layer

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any, ClassVar

__all__ = [
    "ActivityRegularization",
    "AlphaDropout",
    "CenterCrop",
    "GaussianDropout",
    "GaussianNoise",
    "Identity",
    "RandomBrightness",
    "RandomContrast",
    "RandomCrop",
    "RandomFlip",
    "RandomRotation",
    "RandomTranslation",
    "RandomZoom",
    "Resizing",
]


def _rate(rate: Any) -> Any:
    if not 0 <= rate <= 1:
        raise ValueError(
            "Invalid value received for argument `rate`. Expected a float value between "
            f"0 and 1. Received: rate={rate}"
        )
    return rate


def _factor_range(factor: Any, name: str, low: float = -1.0, high: float = 1.0) -> Any:
    """A factor or a ``(lower, upper)`` pair, each within ``[low, high]`` (Keras's
    check of rotation, zoom and translation factors)."""
    values = tuple(factor) if isinstance(factor, (tuple, list)) else (-factor, factor)
    if len(values) != 2:
        raise ValueError(
            f"The `{name}` argument should be a number (or a list of two numbers) in the "
            f"range [{low}, {high}]. Received: {name}={factor}"
        )
    for value in values:
        if not low <= value <= high:
            raise ValueError(
                f"The `{name}` argument should be a number (or a list of two numbers) in "
                f"the range [{low}, {high}]. Received: {name}={factor}"
            )
    return factor


class _ShapeKeeping(Layer):
    """A layer whose output has its input's shape and which holds no weights."""

    _kind: ClassVar[Kind] = Kind.IDENTITY

    def _keep(self, **settings: Any) -> None:
        self.__dict__.update(settings)
        self.built = True


class RandomFlip(_ShapeKeeping):
    """Flips images horizontally and/or vertically while training."""

    def __init__(
        self,
        mode: str = "horizontal_and_vertical",
        seed: int | None = None,
        data_format: str | None = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(**kwargs)
        self._keep(mode=mode, seed=seed, data_format=standardize_data_format(data_format))


class RandomRotation(_ShapeKeeping):
    """Rotates images by a random fraction of a full turn while training."""

    def __init__(
        self,
        factor: Any,
        fill_mode: str = "reflect",
        interpolation: str = "bilinear",
        seed: int | None = None,
        fill_value: float = 0.0,
        data_format: str | None = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(**kwargs)
        _check_fill(fill_mode, interpolation)
        self._keep(
            factor=factor,
            fill_mode=fill_mode,
            interpolation=interpolation,
            seed=seed,
            fill_value=fill_value,
            data_format=standardize_data_format(data_format),
        )


def _check_fill(fill_mode: str, interpolation: str) -> None:
    if fill_mode not in ("reflect", "wrap", "constant", "nearest", "crop"):
        raise NotImplementedError(
            f"Unknown `fill_mode` {fill_mode}. Expected of one "
            "('reflect', 'wrap', 'constant', 'nearest', 'crop')."
        )
    if interpolation not in ("nearest", "bilinear"):
        raise NotImplementedError(
            f"Unknown `interpolation` {interpolation}. Expected of one "
            "('nearest', 'bilinear')."
        )


class RandomZoom(_ShapeKeeping):
    """Zooms images in or out by a random factor while training."""

    def __init__(
        self,
        height_factor: Any,
        width_factor: Any = None,
        fill_mode: str = "reflect",
        interpolation: str = "bilinear",
        seed: int | None = None,
        fill_value: float = 0.0,
        data_format: str | None = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(**kwargs)
        _factor_range(height_factor, "height_factor", -1.0, float("inf"))
        if width_factor is not None:
            _factor_range(width_factor, "width_factor", -1.0, float("inf"))
        _check_fill(fill_mode, interpolation)
        self._keep(
            height_factor=height_factor,
            width_factor=width_factor,
            fill_mode=fill_mode,
            interpolation=interpolation,
            seed=seed,
            fill_value=fill_value,
            data_format=standardize_data_format(data_format),
        )


class RandomTranslation(_ShapeKeeping):
    """Shifts images by a random fraction of their size while training."""

    def __init__(
        self,
        height_factor: Any,
        width_factor: Any,
        fill_mode: str = "reflect",
        interpolation: str = "bilinear",
        seed: int | None = None,
        fill_value: float = 0.0,
        data_format: str | None = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(**kwargs)
        _factor_range(height_factor, "height_factor")
        _factor_range(width_factor, "width_factor")
        _check_fill(fill_mode, interpolation)
        self._keep(
            height_factor=height_factor,
            width_factor=width_factor,
            fill_mode=fill_mode,
            interpolation=interpolation,
            seed=seed,
            fill_value=fill_value,
            data_format=standardize_data_format(data_format),
        )


class RandomContrast(_ShapeKeeping):
    """Changes the contrast of images by a random factor while training."""

    def __init__(
        self,
        factor: Any,
        value_range: Any = (0, 255),
        seed: int | None = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(**kwargs)
        values = factor if isinstance(factor, (tuple, list)) else (factor, factor)
        if min(values) < 0.0 or max(values) > 1.0:
            raise ValueError(
                "The `factor` argument should be a number (or a list of two numbers) in "
                f"the range [0.0, 1.0]. Received: factor={factor}"
            )
        self._keep(factor=factor, value_range=value_range, seed=seed)


class RandomBrightness(_ShapeKeeping):
    """Changes the brightness of images by a random factor while training."""

    def __init__(
        self,
        factor: Any,
        value_range: Any = (0, 255),
        seed: int | None = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(**kwargs)
        _factor_range(factor, "factor")
        self._keep(factor=factor, value_range=value_range, seed=seed)


class GaussianNoise(_ShapeKeeping):
    """Adds zero-mean Gaussian noise of ``stddev`` while training."""

    _kind: ClassVar[Kind] = Kind.DROPOUT

    def __init__(self, stddev: float, seed: int | None = None, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        if not 0 <= stddev <= 1:
            raise ValueError(
                "Invalid value received for argument `stddev`. Expected a float value "
                f"between 0 and 1. Received: stddev={stddev}"
            )
        self._keep(stddev=stddev, seed=seed)


class GaussianDropout(_ShapeKeeping):
    """Multiplies by Gaussian noise of mean 1 while training."""

    _kind: ClassVar[Kind] = Kind.DROPOUT

    def __init__(self, rate: float, seed: int | None = None, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self._keep(rate=_rate(rate), seed=seed)


class AlphaDropout(_ShapeKeeping):
    """Dropout that keeps a self-normalizing network's mean and variance."""

    _kind: ClassVar[Kind] = Kind.DROPOUT

    def __init__(
        self,
        rate: float,
        noise_shape: Any = None,
        seed: int | None = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(**kwargs)
        self._keep(rate=_rate(rate), noise_shape=noise_shape, seed=seed)


class ActivityRegularization(_ShapeKeeping):
    """Adds an L1/L2 penalty of its input to the loss; the output is the input."""

    def __init__(self, l1: float = 0.0, l2: float = 0.0, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self._keep(l1=l1, l2=l2)


class Identity(_ShapeKeeping):
    """Passes its input through."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self._keep()


class _Resize(Layer):
    """A layer whose output is ``height`` by ``width`` on the spatial axes."""

    _kind: ClassVar[Kind] = Kind.RESHAPE

    def _size(self, height: Any, width: Any, data_format: Any) -> None:
        self.height, self.width = height, width
        self.data_format = standardize_data_format(data_format)
        self.built = True

    def compute_output_shape(self, input_shape: Any) -> Any:
        shape = list(input_shape)
        if len(shape) not in (3, 4):
            raise ValueError(
                f"{type(self).__name__} expects images of rank 3 or 4, got an input of "
                f"shape {tuple(input_shape)}"
            )
        rows = len(shape) - (2 if self.data_format == "channels_first" else 3)
        shape[rows], shape[rows + 1] = self.height, self.width
        return tuple(shape)


class Resizing(_Resize):
    """Resizes images to ``(height, width)``."""

    def __init__(
        self,
        height: int,
        width: int,
        interpolation: str = "bilinear",
        crop_to_aspect_ratio: bool = False,
        pad_to_aspect_ratio: bool = False,
        fill_mode: str = "constant",
        fill_value: float = 0.0,
        antialias: bool = False,
        data_format: str | None = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(**kwargs)
        self.interpolation = interpolation
        self.crop_to_aspect_ratio = crop_to_aspect_ratio
        self.pad_to_aspect_ratio = pad_to_aspect_ratio
        self.fill_mode, self.fill_value, self.antialias = fill_mode, fill_value, antialias
        self._size(height, width, data_format)


class CenterCrop(_Resize):
    """Crops the central ``(height, width)`` of images (resizing smaller ones)."""

    def __init__(
        self, height: int, width: int, data_format: str | None = None, **kwargs: Any
    ) -> None:
        super().__init__(**kwargs)
        self._size(height, width, data_format)


class RandomCrop(_Resize):
    """Crops a random ``(height, width)`` window while training (the centre when not)."""

    def __init__(
        self,
        height: int,
        width: int,
        seed: int | None = None,
        data_format: str | None = None,
        name: str | None = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(name=name, **kwargs)
        self.seed = seed
        self._size(height, width, data_format)

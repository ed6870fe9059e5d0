"""Upsampling without weights: ``nn.Upsample`` (and its two fixed-mode forms),
``F.interpolate``, and the pixel shuffles that trade channels for space.

``F.interpolate`` takes exactly one of ``size`` (the output, as given) and
``scale_factor``, for which each spatial axis becomes ``floor(I * scale_factor)``,
whatever the mode (see [`upsample_output_size`][convdims.resampling.upsample_output_size]).
``PixelShuffle(r)`` turns ``(N, C*r*r, H, W)`` into ``(N, C, H*r, W*r)``.

>>> from convdims.torch import empty, nn
>>> nn.Upsample(scale_factor=2)(empty(1, 8, 7, 7)).shape
torch.Size([1, 8, 14, 14])
>>> nn.PixelShuffle(2)(empty(1, 12, 5, 5)).shape
torch.Size([1, 3, 10, 10])
"""

from __future__ import annotations

import math
import numbers

from convdims.description import Kind
from convdims.torch.errors import ArgumentTypeError, ShapeError
from convdims.torch.nn.module import Module
from convdims.torch.tensor import Tensor

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

#: The modes F.interpolate knows, and the input rank each interpolating mode needs.
_MODES = (
    "nearest | linear | bilinear | bicubic | trilinear | lanczos | area | nearest-exact"
)
_RANK_OF_MODE = {"linear": 3, "bilinear": 4, "bicubic": 4, "lanczos": 4, "trilinear": 5}
_ALIGNING = ("linear", "bilinear", "bicubic", "trilinear")
_AXIS_LETTERS = ("D", "H", "W")


def _is_integer(value: Any) -> bool:
    return isinstance(value, numbers.Integral)


def interpolate_shape(
    input: Tensor,  # noqa: A002 - PyTorch's name
    size: Any = None,
    scale_factor: Any = None,
    mode: str = "nearest",
    align_corners: bool | None = None,
    recompute_scale_factor: bool | None = None,
    antialias: bool = False,
) -> Tensor:
    """The output of ``F.interpolate``, with PyTorch 2.13's checks in its order."""
    if not isinstance(input, Tensor):
        raise ArgumentTypeError(
            f"interpolate(): argument 'input' must be Tensor, not {type(input).__name__}",
            argument="input",
            value=input,
            valid="a tensor",
        )
    dim = input.ndim - 2
    spatial = list(input.shape[2:])
    if size is not None and scale_factor is not None:
        raise ValueError("only one of size or scale_factor should be defined")
    if size is not None:
        if isinstance(size, (list, tuple)):
            if len(size) != dim:
                raise ValueError(
                    "Input and output must have the same number of spatial dimensions, "
                    f"but got input with spatial dimensions of {spatial} and output size "
                    f"of {size}. Please provide input tensor in (N, C, d1, d2, ...,dK) "
                    "format and output size in (o1, o2, ...,oK) format."
                )
            if not all(_is_integer(x) for x in size):
                raise TypeError(
                    "expected size to be one of int or Tuple[int] or Tuple[int, int] or "
                    "Tuple[int, int, int], but got size with types "
                    f"{[type(x) for x in size]}"
                )
            output = [int(x) for x in size]
        else:
            output = [size] * dim
    elif scale_factor is not None:
        if isinstance(scale_factor, (list, tuple)):
            if len(scale_factor) != dim:
                raise ValueError(
                    "Input and scale_factor must have the same number of spatial "
                    f"dimensions, but got input with spatial dimensions of {spatial} and "
                    f"scale_factor of shape {scale_factor}. Please provide input tensor "
                    "in (N, C, d1, d2, ...,dK) format and scale_factor in "
                    "(s1, s2, ...,sK) format."
                )
            factors = list(scale_factor)
        else:
            factors = [scale_factor] * dim
        output = [
            math.floor(float(i) * float(f)) for i, f in zip(spatial, factors, strict=True)
        ]
    else:
        raise ValueError("either size or scale_factor should be defined")
    if recompute_scale_factor and size is not None:
        raise ValueError("recompute_scale_factor is not meaningful with an explicit size.")
    if align_corners is not None and mode not in _ALIGNING:
        raise ValueError(
            "align_corners option can only be set with the interpolating modes: "
            "linear | bilinear | bicubic | trilinear"
        )
    if antialias and not (mode in ("bilinear", "bicubic", "lanczos") and input.ndim == 4):
        raise ValueError(
            "Anti-alias option is restricted to bilinear, bicubic, and lanczos modes and "
            "requires a 4-D tensor as input"
        )
    needs = _RANK_OF_MODE.get(mode)
    known = mode in ("nearest", "nearest-exact", "area") or needs is not None
    if not known or input.ndim not in (3, 4, 5):
        raise NotImplementedError(
            f"Input Error: Only 3D, 4D and 5D input Tensors supported (got {input.ndim}D) "
            f"for the modes: {_MODES} (got {mode})"
        )
    if needs is not None and input.ndim != needs:
        raise NotImplementedError(
            f"Got {input.ndim}D input, but {mode} mode needs {needs}D input"
        )
    if min(output) <= 0 or min(spatial) <= 0:
        letters = _AXIS_LETTERS[-dim:]
        given = ", ".join(f"{a}: {s}" for a, s in zip(letters, spatial, strict=True))
        made = ", ".join(f"{a}: {s}" for a, s in zip(letters, output, strict=True))
        raise ShapeError(
            f"Input and output sizes should be greater than 0, but got input ({given}) "
            f"output ({made})",
            argument="size" if size is not None else "scale_factor",
            value=size if size is not None else scale_factor,
            valid="an output of at least 1 cell on every axis",
        )
    return input._like((*input.shape[:2], *output))


def _number(value: Any) -> Any:
    """nn.Upsample keeps a scale factor as float (a tuple of floats)."""
    if isinstance(value, tuple):
        return tuple(float(v) for v in value)
    return float(value) if value is not None else None


class Upsample(Module):
    """``torch.nn.Upsample``: ``F.interpolate`` as a layer (no parameters).

    >>> from convdims.torch import empty
    >>> Upsample(size=(3, 4), mode="bilinear")(empty(1, 2, 8, 8)).shape
    torch.Size([1, 2, 3, 4])
    """

    _kind = Kind.UPSAMPLING

    def __init__(
        self,
        size: Any = None,
        scale_factor: Any = None,
        mode: str = "nearest",
        align_corners: bool | None = None,
        recompute_scale_factor: bool | None = None,
    ) -> None:
        super().__init__()
        self.name = type(self).__name__
        self.size = size
        self.scale_factor = _number(scale_factor)
        self.mode = mode
        self.align_corners = align_corners
        self.recompute_scale_factor = recompute_scale_factor

    def forward(self, input: Tensor) -> Tensor:  # noqa: A002 - PyTorch's name
        return interpolate_shape(
            input,
            self.size,
            self.scale_factor,
            self.mode,
            self.align_corners,
            recompute_scale_factor=self.recompute_scale_factor,
        )

    def extra_repr(self) -> str:
        if self.scale_factor is not None:
            info = f"scale_factor={self.scale_factor!r}"
        else:
            info = f"size={self.size!r}"
        return info + f", mode={self.mode!r}"


class UpsamplingNearest2d(Upsample):
    """``torch.nn.UpsamplingNearest2d``: ``Upsample`` in mode ``nearest``."""

    def __init__(self, size: Any = None, scale_factor: Any = None) -> None:
        super().__init__(size, scale_factor, mode="nearest")


class UpsamplingBilinear2d(Upsample):
    """``torch.nn.UpsamplingBilinear2d``: ``Upsample`` in mode ``bilinear`` with
    ``align_corners=True``."""

    def __init__(self, size: Any = None, scale_factor: Any = None) -> None:
        super().__init__(size, scale_factor, mode="bilinear", align_corners=True)


def pixel_shuffle_shape(input: Tensor, upscale_factor: int) -> Tensor:  # noqa: A002
    """``(*, C*r*r, H, W) -> (*, C, H*r, W*r)``, refused as PyTorch refuses."""
    r = upscale_factor
    if input.ndim < 3:
        raise ShapeError(
            "pixel_shuffle expects input to have at least 3 dimensions, but got input "
            f"with {input.ndim} dimension(s)"
        )
    if r <= 0:
        raise ShapeError(
            f"pixel_shuffle expects a positive upscale_factor, but got {r}",
            argument="upscale_factor",
            value=r,
            valid="an int of at least 1",
        )
    channels, height, width = input.shape[-3:]
    if channels % (r * r):
        raise ShapeError(
            "pixel_shuffle expects its input's 'channel' dimension to be divisible by the "
            f"square of upscale_factor, but input.size(-3)={channels} is not divisible by "
            f"{r * r}",
            argument="upscale_factor",
            value=r,
            valid=f"a factor whose square divides the {channels} channels",
        )
    return input._like((*input.shape[:-3], channels // (r * r), height * r, width * r))


def pixel_unshuffle_shape(input: Tensor, downscale_factor: int) -> Tensor:  # noqa: A002
    """``(*, C, H*r, W*r) -> (*, C*r*r, H, W)``, refused as PyTorch refuses."""
    r = downscale_factor
    if input.ndim < 3:
        raise ShapeError(
            "pixel_unshuffle expects input to have at least 3 dimensions, but got input "
            f"with {input.ndim} dimension(s)"
        )
    if r <= 0:
        raise ShapeError(
            f"pixel_unshuffle expects a positive downscale_factor, but got {r}",
            argument="downscale_factor",
            value=r,
            valid="an int of at least 1",
        )
    channels, height, width = input.shape[-3:]
    for name, size in (("height", height), ("width", width)):
        if size % r:
            axis = -2 if name == "height" else -1
            raise ShapeError(
                f"pixel_unshuffle expects {name} to be divisible by downscale_factor, but "
                f"input.size({axis})={size} is not divisible by {r}",
                argument="downscale_factor",
                value=r,
                valid=f"a factor that divides the {name}",
            )
    return input._like((*input.shape[:-3], channels * r * r, height // r, width // r))


class PixelShuffle(Module):
    """``torch.nn.PixelShuffle``: ``(N, C*r*r, H, W) -> (N, C, H*r, W*r)``."""

    _kind = Kind.RESHAPE

    def __init__(self, upscale_factor: int) -> None:
        super().__init__()
        self.upscale_factor = upscale_factor

    def forward(self, input: Tensor) -> Tensor:  # noqa: A002 - PyTorch's name
        return pixel_shuffle_shape(input, self.upscale_factor)

    def extra_repr(self) -> str:
        return f"upscale_factor={self.upscale_factor}"


class PixelUnshuffle(Module):
    """``torch.nn.PixelUnshuffle``: ``(N, C, H*r, W*r) -> (N, C*r*r, H, W)``."""

    _kind = Kind.RESHAPE

    def __init__(self, downscale_factor: int) -> None:
        super().__init__()
        self.downscale_factor = downscale_factor

    def forward(self, input: Tensor) -> Tensor:  # noqa: A002 - PyTorch's name
        return pixel_unshuffle_shape(input, self.downscale_factor)

    def extra_repr(self) -> str:
        return f"downscale_factor={self.downscale_factor}"

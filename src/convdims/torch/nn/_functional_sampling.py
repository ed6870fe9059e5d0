"""Lookups, resampling and mixing in ``torch.nn.functional``: ``F.one_hot``,
``F.embedding``, ``F.bilinear``, ``F.channel_shuffle``, ``F.grid_sample``,
``F.affine_grid`` and the deprecated ``F.upsample_nearest`` / ``F.upsample_bilinear``.

``F.one_hot`` with ``num_classes=-1`` takes the class count from the largest value:
known values answer it, unknown ones are refused (never guessed).

>>> from convdims import torch
>>> from convdims.torch.nn import functional as F
>>> F.one_hot(torch.zeros(4, dtype=torch.long), 10).shape
torch.Size([4, 10])
>>> F.one_hot(torch.tensor([0, 2, 1])).shape
torch.Size([3, 3])
"""

from __future__ import annotations

import warnings

from convdims.torch.dtypes import int32, int64
from convdims.torch.errors import ShapeError
from convdims.torch.nn.upsampling import (
    interpolate_shape,
    pixel_shuffle_shape,
    pixel_unshuffle_shape,
)
from convdims.torch.tensor import Tensor

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

__all__ = [
    "affine_grid",
    "bilinear",
    "channel_shuffle",
    "embedding",
    "grid_sample",
    "native_channel_shuffle",
    "one_hot",
    "upsample_bilinear",
    "upsample_nearest",
]


def one_hot(tensor: Tensor, num_classes: int = -1) -> Tensor:
    """``F.one_hot``: int64 of shape ``(*, num_classes)`` for int64 class indices.

    ``num_classes=-1`` means one more than the largest value: answered when the values
    are known, else refused with ``convdims.standin.Unsupported``.

    >>> from convdims.torch import empty
    >>> one_hot(empty(2, 3).long(), 5).shape
    torch.Size([2, 3, 5])
    """
    if not isinstance(tensor, Tensor):
        from convdims.errors import ArgumentTypeError

        raise ArgumentTypeError(
            f"one_hot(): argument 'input' (position 1) must be Tensor, not "
            f"{type(tensor).__name__}",
            argument="tensor",
            value=tensor,
            valid="a Tensor of int64 class indices",
        )
    if tensor.dtype is not int64:
        raise ShapeError(
            "one_hot is only applicable to index tensor of type LongTensor.",
            argument="tensor",
            value=tensor.dtype,
            valid="class indices of dtype torch.long",
        )
    classes = num_classes
    if classes == -1:
        values = getattr(tensor, "_values", None)
        if tensor.numel() == 0:
            raise ShapeError(
                "Can not infer total number of classes from empty tensor.",
                argument="num_classes",
                value=num_classes,
                valid="the number of classes (an empty tensor has no largest value)",
            )
        if values is None:
            from convdims.standin import Unsupported

            raise Unsupported(
                "F.one_hot with num_classes=-1 (the class count is the largest of the "
                "values; pass num_classes=)"
            )
        classes = max(values) + 1
    elif classes < 1 and tensor.numel():
        raise ShapeError(
            "Class values must be smaller than num_classes.",
            argument="num_classes",
            value=num_classes,
            valid="a class count of at least 1 (or -1: from the values)",
        )
    return tensor._plain((*tensor.shape, classes), int64)


def embedding(
    input: Tensor,  # noqa: A002
    weight: Tensor,
    padding_idx: int | None = None,
    max_norm: float | None = None,
    norm_type: float = 2.0,
    scale_grad_by_freq: bool = False,
    sparse: bool = False,
) -> Tensor:
    """``F.embedding``: the rows of the 2-D ``weight`` at integer indices of any shape:
    ``(*, embedding_dim)``.

    >>> from convdims.torch import empty
    >>> embedding(empty(2, 3).long(), empty(10, 4)).shape
    torch.Size([2, 3, 4])
    """
    if weight.ndim != 2:
        raise ShapeError(
            "'weight' must be 2-D",
            argument="weight",
            value=tuple(weight.shape),
            valid="a 2-D (num_embeddings, embedding_dim) tensor",
        )
    if padding_idx is not None:
        rows = weight.shape[0]
        if not -rows <= padding_idx < rows:
            raise AssertionError("Padding_idx must be within num_embeddings")
    if input.dtype not in (int64, int32):
        kind = {"float32": "Float", "float64": "Double", "float16": "Half"}.get(
            input.dtype.name, input.dtype.name
        )
        raise ShapeError(
            "Expected tensor for argument #1 'indices' to have one of the following "
            f"scalar types: Long, Int; but got torch.{kind}Tensor instead (while "
            "checking arguments for embedding)",
            argument="input",
            value=input.dtype,
            valid="indices of dtype torch.long or torch.int",
        )
    return weight._like((*input.shape, weight.shape[1]))


def bilinear(
    input1: Tensor, input2: Tensor, weight: Tensor, bias: Tensor | None = None
) -> Tensor:
    """``F.bilinear``: ``x1^T A x2 + b`` with ``weight`` of shape ``(out, in1, in2)``:
    ``(*, in1)`` and ``(*, in2)`` give ``(*, out)``.

    >>> from convdims.torch import empty
    >>> bilinear(empty(5, 3), empty(5, 4), empty(6, 3, 4)).shape
    torch.Size([5, 6])
    """
    if weight.ndim != 3:
        raise ShapeError(
            f"bilinear(): weight must be 3-dimensional, but got {weight.ndim}",
            argument="weight",
        )
    if input1.ndim != input2.ndim:
        raise ShapeError(
            f"bilinear(): input dimensions do not match: got {input1.ndim} and "
            f"{input2.ndim}",
            argument="input2",
        )
    for d in range(input1.ndim - 1):
        if input1.shape[d] != input2.shape[d]:
            raise ShapeError(
                f"bilinear(): input batch dimensions do not match at dim {d}: got "
                f"{input1.shape[d]} and {input2.shape[d]}",
                argument="input2",
                value=tuple(input2.shape),
                valid=f"the batch axes of input1, {list(input1.shape[:-1])}",
            )
    for name, tensor, axis in (("input1", input1, 1), ("input2", input2, 2)):
        if tensor.shape[-1] != weight.shape[axis]:
            raise ShapeError(
                f"bilinear(): {name} size does not match weight size: got "
                f"{tensor.shape[-1]} but expected {weight.shape[axis]}",
                argument=name,
                value=tuple(tensor.shape),
                valid=f"a last axis of {weight.shape[axis]}",
            )
    if bias is not None and (bias.ndim != 1 or bias.shape[0] != weight.shape[0]):
        raise ShapeError(
            f"bilinear(): bias size does not match weight size: got "
            f"{bias.shape[0] if bias.ndim else 0} but expected {weight.shape[0]}",
            argument="bias",
        )
    return input1._like((*input1.shape[:-1], weight.shape[0]))


def channel_shuffle(input: Tensor, groups: int) -> Tensor:  # noqa: A002
    """``F.channel_shuffle``: the input's shape; ``groups`` must divide the channels
    (axis 1) of an input of more than 2 dimensions.

    >>> from convdims.torch import empty
    >>> channel_shuffle(empty(2, 6, 4, 4), 3).shape
    torch.Size([2, 6, 4, 4])
    """
    if input.ndim <= 2:
        raise ShapeError(
            "channel_shuffle expects input with > 2 dims, but got input with sizes "
            f"{list(input.shape)}",
            value=tuple(input.shape),
            valid="a tensor of more than 2 dimensions",
        )
    if groups <= 0:
        raise ShapeError(
            "Number of groups to divide channels in must be positive. Value of "
            f"groups:{groups}",
            argument="groups",
            value=groups,
            valid="an int of at least 1",
        )
    channels = input.shape[1]
    if channels % groups:
        raise ShapeError(
            f"Number of channels must be divisible by groups. Got {channels} channels "
            f"and {groups} groups.",
            argument="groups",
            value=groups,
            valid=f"a divisor of the {channels} channels",
        )
    return input._like(input.shape)


native_channel_shuffle = channel_shuffle


_ALIGN_WARNING = (
    "Default grid_sample and affine_grid behavior has changed to align_corners=False "
    "since 1.3.0. Please specify align_corners=True if the old behavior is desired. "
    "See the documentation of grid_sample for details."
)


def grid_sample(
    input: Tensor,  # noqa: A002
    grid: Tensor,
    mode: str = "bilinear",
    padding_mode: str = "zeros",
    align_corners: bool | None = None,
) -> Tensor:
    """``F.grid_sample``: ``(N, C, H, W)`` sampled at a grid ``(N, H', W', 2)`` gives
    ``(N, C, H', W')`` (5-D: a grid ``(N, D', H', W', 3)``).

    >>> from convdims.torch import empty
    >>> grid_sample(empty(1, 3, 8, 8), empty(1, 5, 6, 2), align_corners=False).shape
    torch.Size([1, 3, 5, 6])
    """
    if mode not in ("bilinear", "nearest", "bicubic"):
        raise ValueError(
            f"nn.functional.grid_sample(): expected mode to be 'bilinear', 'nearest' or "
            f"'bicubic', but got: '{mode}'"
        )
    if padding_mode not in ("zeros", "border", "reflection"):
        raise ValueError(
            "nn.functional.grid_sample(): expected padding_mode to be 'zeros', "
            f"'border', or 'reflection', but got: '{padding_mode}'"
        )
    if align_corners is None:
        warnings.warn(_ALIGN_WARNING, UserWarning, stacklevel=2)
    spatial = input.ndim - 2
    if input.ndim not in (4, 5) or grid.ndim != input.ndim:
        raise ShapeError(
            f"grid_sampler(): expected 4D or 5D input and grid with same number of "
            f"dimensions, but got input with sizes {list(input.shape)} and grid with "
            f"sizes {list(grid.shape)}",
            argument="grid",
        )
    if input.shape[0] != grid.shape[0]:
        raise ShapeError(
            "grid_sampler(): expected grid and input to have same batch size, but got "
            f"input with sizes {list(input.shape)} and grid with sizes "
            f"{list(grid.shape)}",
            argument="grid",
        )
    if grid.shape[-1] != spatial:
        raise ShapeError(
            f"grid_sampler(): expected grid to have size {spatial} in last dimension, "
            f"but got grid with sizes {list(grid.shape)}",
            argument="grid",
        )
    return input._like((*input.shape[:2], *grid.shape[1:-1]))


def affine_grid(
    theta: Tensor, size: list[int], align_corners: bool | None = None
) -> Tensor:
    """``F.affine_grid``: the sampling grid of ``size`` ``(N, C, H, W)`` for affine
    matrices ``(N, 2, 3)``: ``(N, H, W, 2)`` (5-D sizes: ``(N, 3, 4)`` matrices).

    >>> from convdims.torch import empty
    >>> affine_grid(empty(2, 2, 3), [2, 3, 8, 8], align_corners=False).shape
    torch.Size([2, 8, 8, 2])
    """
    if align_corners is None:
        warnings.warn(_ALIGN_WARNING, UserWarning, stacklevel=2)
        align_corners = False
    if not theta.dtype.is_floating_point:
        raise ValueError(
            f"Expected theta to have floating point type, but got {theta.dtype}"
        )
    size = list(size)
    rows, cols = (2, 3) if len(size) == 4 else (3, 4)
    if len(size) not in (4, 5):
        raise NotImplementedError(
            "affine_grid only supports 4D and 5D sizes, for 2D and 3D affine "
            f"transforms, respectively. Got size {size}."
        )
    if theta.ndim != 3 or tuple(theta.shape[-2:]) != (rows, cols):
        raise ValueError(
            f"Expected a batch of {len(size) - 2}D affine matrices of shape "
            f"Nx{rows}x{cols} for size {size}. Got {theta.shape}."
        )
    spatial = size[2:]
    if align_corners and min(spatial) == 1:
        warnings.warn(
            "Since version 1.3.0, affine_grid behavior has changed for unit-size grids "
            "when align_corners=True. This is not an intended use case of affine_grid. "
            "See the documentation of affine_grid for details.",
            UserWarning,
            stacklevel=2,
        )
    elif min(size) <= 0:
        raise ValueError(f"Expected non-zero, positive output size. Got {size}")
    if theta.shape[0] != size[0]:
        raise ShapeError(
            "Expected size for first two dimensions of batch2 tensor to be: "
            f"[{size[0]}, {cols}] but got: [{theta.shape[0]}, {cols}].",
            argument="size",
            value=size,
            valid=f"a batch of {theta.shape[0]}, as theta's",
        )
    return theta._like((size[0], *spatial, len(spatial)))


def upsample_nearest(input, size=None, scale_factor=None):  # type: ignore[no-untyped-def]  # noqa: A002, ANN001, ANN201
    """``F.upsample_nearest``: ``F.interpolate(..., mode="nearest")``, with PyTorch's
    deprecation warning."""
    warnings.warn(
        "`nn.functional.upsample_nearest` is deprecated. Use `nn.functional.interpolate` "
        "instead.",
        UserWarning,
        stacklevel=2,
    )
    return interpolate(input, size, scale_factor, mode="nearest")


def upsample_bilinear(input, size=None, scale_factor=None):  # type: ignore[no-untyped-def]  # noqa: A002, ANN001, ANN201
    """``F.upsample_bilinear``: ``F.interpolate(..., mode="bilinear",
    align_corners=True)``, with PyTorch's deprecation warning."""
    warnings.warn(
        "`nn.functional.upsample_bilinear` is deprecated. Use "
        "`nn.functional.interpolate` instead.",
        UserWarning,
        stacklevel=2,
    )
    return interpolate(input, size, scale_factor, mode="bilinear", align_corners=True)


# Resizing (F.interpolate and its older names) -----------------------------------------


def interpolate(
    input: Tensor,  # noqa: A002
    size: int | None = None,
    scale_factor: Any = None,
    mode: str = "nearest",
    align_corners: bool | None = None,
    recompute_scale_factor: bool | None = None,
    antialias: bool = False,
) -> Tensor:
    """``F.interpolate``: each spatial axis becomes ``size`` or ``floor(I * scale_factor)``.

    >>> from convdims.torch import empty
    >>> interpolate(empty(1, 3, 7, 7), scale_factor=1.5, mode="bilinear").shape
    torch.Size([1, 3, 10, 10])
    """
    return interpolate_shape(
        input, size, scale_factor, mode, align_corners, recompute_scale_factor, antialias
    )


def upsample(
    input: Tensor,  # noqa: A002
    size: Any = None,
    scale_factor: Any = None,
    mode: str = "nearest",
    align_corners: bool | None = None,
) -> Tensor:
    """``F.upsample``: PyTorch's older name of ``F.interpolate`` (it warns there)."""
    return interpolate_shape(input, size, scale_factor, mode, align_corners)


def pixel_shuffle(input: Tensor, upscale_factor: int) -> Tensor:  # noqa: A002
    """``F.pixel_shuffle``: ``(*, C*r*r, H, W) -> (*, C, H*r, W*r)``."""
    return pixel_shuffle_shape(input, upscale_factor)


def pixel_unshuffle(input: Tensor, downscale_factor: int) -> Tensor:  # noqa: A002
    """``F.pixel_unshuffle``: ``(*, C, H*r, W*r) -> (*, C*r*r, H, W)``."""
    return pixel_unshuffle_shape(input, downscale_factor)

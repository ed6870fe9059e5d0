"""The normalizations of ``torch.nn.functional`` that take their statistics and
weights as arguments (``F.batch_norm``, ``F.instance_norm``, ``F.local_response_norm``,
``F.rms_norm``): the input's shape, after PyTorch's checks of the sizes.

>>> from convdims.torch import empty
>>> from convdims.torch.nn import functional as F
>>> F.batch_norm(empty(2, 3, 4), empty(3), empty(3)).shape
torch.Size([2, 3, 4])
"""

from __future__ import annotations

import math

from convdims.torch.errors import ShapeError
from convdims.torch.tensor import Tensor

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

__all__ = ["batch_norm", "instance_norm", "local_response_norm", "rms_norm"]


def _check_statistic(name: str, value: Any, channels: int) -> None:
    if isinstance(value, Tensor) and value.numel() != channels:
        raise ShapeError(
            f"{name} should contain {channels} elements not {value.numel()}",
            argument=name,
            value=tuple(value.shape),
            valid=f"{channels} elements, one per channel",
        )


def batch_norm(
    input: Tensor,  # noqa: A002
    running_mean: Tensor | None,
    running_var: Tensor | None,
    weight: Tensor | None = None,
    bias: Tensor | None = None,
    training: bool = False,
    momentum: float = 0.1,
    eps: float = 1e-05,
) -> Tensor:
    """``F.batch_norm``: the input's shape; the statistics and weights hold one value
    per channel (axis 1), and training needs more than one value per channel."""
    if training:
        size = tuple(input.shape)
        values = size[0] * math.prod(size[2:]) if size else 1
        if values == 1:
            raise ValueError(
                "Expected more than 1 value per channel when training, got input size "
                f"{input.shape}"
            )
    elif running_mean is None:
        raise ShapeError(
            "running_mean must be defined in evaluation mode",
            argument="running_mean",
            valid="a tensor of one mean per channel (or training=True)",
        )
    channels = input.shape[1] if input.ndim > 1 else 0
    for name, value in (
        ("running_mean", running_mean),
        ("running_var", running_var),
        ("weight", weight),
        ("bias", bias),
    ):
        _check_statistic(name, value, channels)
    return input


def instance_norm(
    input: Tensor,  # noqa: A002
    running_mean: Tensor | None = None,
    running_var: Tensor | None = None,
    weight: Tensor | None = None,
    bias: Tensor | None = None,
    use_input_stats: bool = True,
    momentum: float = 0.1,
    eps: float = 1e-05,
) -> Tensor:
    """``F.instance_norm``: the input's shape; with the input's statistics it needs
    more than one spatial element; running statistics hold one value per sample and
    channel."""
    size = tuple(input.shape)
    if use_input_stats and math.prod(size[2:]) == 1:
        raise ValueError(
            "Expected more than 1 spatial element when training, got input size "
            f"{input.shape}"
        )
    if len(size) > 1:
        batch, channels = size[0], size[1]
        for name, value in (("running_mean", running_mean), ("running_var", running_var)):
            if isinstance(value, Tensor) and value.numel() != channels:
                # PyTorch repeats the statistics over the batch, then checks them.
                raise ShapeError(
                    f"running_mean should contain {batch * channels} elements not "
                    f"{batch * value.numel()}",
                    argument=name,
                    value=tuple(value.shape),
                    valid=f"{channels} elements, one per channel",
                )
    return input


def local_response_norm(
    input: Tensor,  # noqa: A002
    size: int,
    alpha: float = 0.0001,
    beta: float = 0.75,
    k: float = 1.0,
) -> Tensor:
    """``F.local_response_norm``: the input's shape (3 or more dimensions)."""
    if input.ndim < 3:
        raise ValueError(
            "Expected 3D or higher dimensionality                          input (got "
            f"{input.ndim} dimensions)"
        )
    return input


def rms_norm(
    input: Tensor,  # noqa: A002
    normalized_shape: Any,
    weight: Tensor | None = None,
    eps: float | None = None,
) -> Tensor:
    """``F.rms_norm``: the input's shape; its last axes must be ``normalized_shape``,
    and ``weight`` must have that shape."""
    normalized = (
        (normalized_shape,)
        if isinstance(normalized_shape, int)
        else tuple(normalized_shape)
    )
    if (
        tuple(input.shape[input.ndim - len(normalized) :]) != normalized
        or len(normalized) > input.ndim
    ):
        raise ShapeError(
            f"Given normalized_shape={list(normalized)}, expected input with shape "
            f"[*{', '.join(map(str, normalized))}], but got input of size"
            f"{list(input.shape)}",
            argument="normalized_shape",
            value=normalized_shape,
            valid=f"the last axes of the input, {list(input.shape)}",
        )
    if isinstance(weight, Tensor) and tuple(weight.shape) != normalized:
        raise ShapeError(
            "Expected weight to be of same shape as normalized_shape, but got weight of "
            f"shape {list(weight.shape)} and normalized_shape = {list(normalized)}",
            argument="weight",
            value=tuple(weight.shape),
            valid=f"the shape {list(normalized)}",
        )
    return input

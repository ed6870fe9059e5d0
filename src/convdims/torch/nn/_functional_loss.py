"""The loss functions of ``torch.nn.functional``: a loss is one number (``reduction``
``'mean'`` or ``'sum'``) or one per element (``'none'``): the broadcast shape of input
and target for the elementwise losses; for ``cross_entropy`` and ``nll_loss``, the input
without its class axis (axis 1, or 0 unbatched).

>>> from convdims.torch import empty, zeros, long
>>> from convdims.torch.nn import functional as F
>>> F.mse_loss(empty(4, 3), empty(4, 3)).shape
torch.Size([])
>>> F.cross_entropy(empty(4, 10, 5), zeros(4, 5, dtype=long), reduction="none").shape
torch.Size([4, 5])
"""

from __future__ import annotations

import warnings

from convdims.torch.errors import ShapeError
from convdims.torch.tensor import Tensor, broadcast_shapes

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

_REDUCTIONS = ("none", "mean", "sum")


def _legacy(size_average: Any, reduce: Any, reduction: str) -> str:
    """PyTorch's deprecated ``size_average``/``reduce`` pair, turned into a reduction."""
    if size_average is None and reduce is None:
        return reduction
    warnings.warn(
        "size_average and reduce args will be deprecated, please use reduction='"
        + ("none" if reduce is False else "sum" if size_average is False else "mean")
        + "' instead.",
        UserWarning,
        stacklevel=3,
    )
    if reduce is False:
        return "none"
    return "sum" if size_average is False else "mean"


def _reduced(shape: tuple[int, ...], like: Tensor, reduction: str, op: str) -> Tensor:
    if reduction not in _REDUCTIONS:
        raise ValueError(f"{reduction} is not a valid value for reduction")
    return like._like(shape if reduction == "none" else ())


def _check(op: str, **tensors: Any) -> None:
    for name, value in tensors.items():
        if not isinstance(value, Tensor):
            raise TypeError(
                f"{op}(): argument '{name}' must be Tensor, not {type(value).__name__}"
            )


def _elementwise(op: str, input: Tensor, target: Tensor, reduction: str) -> Tensor:  # noqa: A002
    _check(op, input=input, target=target)
    if tuple(input.shape) != tuple(target.shape):
        warnings.warn(
            f"Using a target size ({target.shape}) that is different to the input size "
            f"({input.shape}). This will likely lead to incorrect results due to "
            "broadcasting. Please ensure they have the same size.",
            UserWarning,
            stacklevel=3,
        )
    try:
        shape = broadcast_shapes(tuple(input.shape), tuple(target.shape))
    except ValueError as error:
        raise ShapeError(
            f"{op}: The size of tensor a ({list(input.shape)}) must match the size of "
            f"tensor b ({list(target.shape)})",
            argument="target",
            value=tuple(target.shape),
            valid=f"a shape that broadcasts with {list(input.shape)}",
        ) from error
    return _reduced(tuple(shape), input, reduction, op)


def mse_loss(
    input: Tensor,  # noqa: A002 - PyTorch's name
    target: Tensor,
    size_average: bool | None = None,
    reduce: bool | None = None,
    reduction: str = "mean",
    weight: Tensor | None = None,
) -> Tensor:
    """``F.mse_loss``."""
    return _elementwise("mse_loss", input, target, _legacy(size_average, reduce, reduction))


def l1_loss(
    input: Tensor,  # noqa: A002 - PyTorch's name
    target: Tensor,
    size_average: bool | None = None,
    reduce: bool | None = None,
    reduction: str = "mean",
    weight: Tensor | None = None,
) -> Tensor:
    """``F.l1_loss``."""
    return _elementwise("l1_loss", input, target, _legacy(size_average, reduce, reduction))


def smooth_l1_loss(
    input: Tensor,  # noqa: A002 - PyTorch's name
    target: Tensor,
    size_average: bool | None = None,
    reduce: bool | None = None,
    reduction: str = "mean",
    beta: float = 1.0,
) -> Tensor:
    """``F.smooth_l1_loss``."""
    reduction = _legacy(size_average, reduce, reduction)
    return _elementwise("smooth_l1_loss", input, target, reduction)


def huber_loss(
    input: Tensor,  # noqa: A002 - PyTorch's name
    target: Tensor,
    reduction: str = "mean",
    delta: float = 1.0,
    weight: Tensor | None = None,
) -> Tensor:
    """``F.huber_loss``."""
    return _elementwise("huber_loss", input, target, reduction)


def binary_cross_entropy(
    input: Tensor,  # noqa: A002 - PyTorch's name
    target: Tensor,
    weight: Tensor | None = None,
    size_average: bool | None = None,
    reduce: bool | None = None,
    reduction: str = "mean",
) -> Tensor:
    """``F.binary_cross_entropy`` (input and target of one shape, as PyTorch wants)."""
    _check("binary_cross_entropy", input=input, target=target)
    if tuple(input.shape) != tuple(target.shape):
        raise ShapeError(
            f"Using a target size ({target.shape}) that is different to the input size "
            f"({input.shape}) is deprecated. Please ensure they have the same size.",
            argument="target",
            value=tuple(target.shape),
            valid=f"the input's shape {list(input.shape)}",
        )
    reduction = _legacy(size_average, reduce, reduction)
    return _reduced(tuple(input.shape), input, reduction, "binary_cross_entropy")


def binary_cross_entropy_with_logits(
    input: Tensor,  # noqa: A002 - PyTorch's name
    target: Tensor,
    weight: Tensor | None = None,
    size_average: bool | None = None,
    reduce: bool | None = None,
    reduction: str = "mean",
    pos_weight: Tensor | None = None,
) -> Tensor:
    """``F.binary_cross_entropy_with_logits``."""
    _check("binary_cross_entropy_with_logits", input=input, target=target)
    if tuple(input.shape) != tuple(target.shape):
        raise ShapeError(
            f"Target size ({target.shape}) must be the same as input size ({input.shape})",
            argument="target",
            value=tuple(target.shape),
            valid=f"the input's shape {list(input.shape)}",
        )
    reduction = _legacy(size_average, reduce, reduction)
    return _reduced(
        tuple(input.shape), input, reduction, "binary_cross_entropy_with_logits"
    )


def _class_loss(op: str, input: Tensor, target: Tensor, reduction: str) -> Tensor:  # noqa: A002
    _check(op, input=input, target=target)
    if input.ndim < 1:
        raise ShapeError(
            f"{op}: input of shape {list(input.shape)} has no class axis",
            argument="input",
            value=tuple(input.shape),
            valid="(C,), (N, C) or (N, C, d1, ...)",
        )
    class_axis = 0 if input.ndim == 1 else 1
    expected = tuple(input.shape[:class_axis]) + tuple(input.shape[class_axis + 1 :])
    if target.dtype.is_floating_point and tuple(target.shape) == tuple(input.shape):
        per_element = expected  # class probabilities as the target
    elif tuple(target.shape) == expected:
        per_element = expected
    else:
        raise ShapeError(
            f"{op}: Expected target size {list(expected)}, got {list(target.shape)}",
            argument="target",
            value=tuple(target.shape),
            valid=f"class indices of shape {list(expected)}, or probabilities of the "
            f"input's shape {list(input.shape)}",
        )
    return _reduced(per_element, input, reduction, op)


def cross_entropy(
    input: Tensor,  # noqa: A002 - PyTorch's name
    target: Tensor,
    weight: Tensor | None = None,
    size_average: bool | None = None,
    ignore_index: int = -100,
    reduce: bool | None = None,
    reduction: str = "mean",
    label_smoothing: float = 0.0,
) -> Tensor:
    """``F.cross_entropy``: class indices or class probabilities as the target."""
    return _class_loss(
        "cross_entropy", input, target, _legacy(size_average, reduce, reduction)
    )


def nll_loss(
    input: Tensor,  # noqa: A002 - PyTorch's name
    target: Tensor,
    weight: Tensor | None = None,
    size_average: bool | None = None,
    ignore_index: int = -100,
    reduce: bool | None = None,
    reduction: str = "mean",
) -> Tensor:
    """``F.nll_loss``: class indices as the target."""
    return _class_loss("nll_loss", input, target, _legacy(size_average, reduce, reduction))


def kl_div(
    input: Tensor,  # noqa: A002 - PyTorch's name
    target: Tensor,
    size_average: bool | None = None,
    reduce: bool | None = None,
    reduction: str = "mean",
    log_target: bool = False,
) -> Tensor:
    """``F.kl_div`` (``reduction='batchmean'`` gives one number too)."""
    reduction = _legacy(size_average, reduce, reduction)
    if reduction == "batchmean":
        reduction = "sum"
    return _elementwise("kl_div", input, target, reduction)


__all__ = [
    "binary_cross_entropy",
    "binary_cross_entropy_with_logits",
    "cross_entropy",
    "huber_loss",
    "kl_div",
    "l1_loss",
    "mse_loss",
    "nll_loss",
    "smooth_l1_loss",
]

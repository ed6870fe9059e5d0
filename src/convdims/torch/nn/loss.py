"""Loss modules (``torch.nn.CrossEntropyLoss`` ...) and their functional forms
(``F.cross_entropy`` ...): no parameters; the shape of the loss, from the shapes of the
input and the target, as PyTorch gives it (a scalar under ``reduction='mean'`` or
``'sum'``; under ``'none'``, one value per element, per sample or per target).

>>> from convdims import torch
>>> from convdims.torch import nn
>>> nn.CrossEntropyLoss()(torch.zeros(8, 10), torch.zeros(8, dtype=torch.long)).shape
torch.Size([])
>>> nn.CrossEntropyLoss(reduction="none")(torch.zeros(8, 10, 4, 4),
...                                       torch.zeros(8, 4, 4, dtype=torch.long)).shape
torch.Size([8, 4, 4])
>>> nn.MSELoss(reduction="none")(torch.zeros(4, 3), torch.zeros(4, 3)).shape
torch.Size([4, 3])
"""

from __future__ import annotations

import warnings

from convdims.description import Kind
from convdims.torch.nn.module import Module
from convdims.torch.tensor import Tensor, broadcast_shapes

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

_REDUCTIONS = ("none", "mean", "sum")


def _legacy_reduction(size_average: Any, reduce: Any) -> str:
    """PyTorch's ``_Reduction.legacy_get_string``, with its deprecation warning."""
    size_average = True if size_average is None else size_average
    reduce = True if reduce is None else reduce
    reduction = "mean" if size_average and reduce else "sum" if reduce else "none"
    warnings.warn(
        "size_average and reduce args will be deprecated, please use "
        f"reduction='{reduction}' instead.",
        UserWarning,
        stacklevel=3,
    )
    return reduction


def _reduced(
    like: Tensor, shape: Any, reduction: str, extra: tuple[str, ...] = ()
) -> Tensor:
    """The loss: ``shape`` under ``'none'``, a scalar otherwise."""
    if reduction not in (*_REDUCTIONS, *extra):
        raise ValueError(f"{reduction} is not a valid value for reduction")
    return like._like(tuple(shape) if reduction == "none" else ())


def _elementwise(
    input: Tensor, target: Tensor, reduction: str, warn: bool = True
) -> Tensor:  # noqa: A002
    if warn and tuple(target.shape) != tuple(input.shape):
        warnings.warn(
            f"Using a target size ({target.shape}) that is different to the input size "
            f"({input.shape}). This will likely lead to incorrect results due to "
            "broadcasting. Please ensure they have the same size.",
            UserWarning,
            stacklevel=3,
        )
    return _reduced(input, broadcast_shapes(input.shape, target.shape), reduction)


def _per_class(
    input: Tensor,  # noqa: A002
    target: Tensor,
    reduction: str,
    probabilities: bool = True,
) -> Tensor:
    """Cross entropy and NLL: the class axis is 1 (0 for an unbatched input); a target
    of class indices has the other axes, a target of probabilities (cross entropy only)
    the input's."""
    shape = tuple(input.shape)
    rest = () if len(shape) == 1 else (shape[0], *shape[2:])
    target_shape = tuple(target.shape)
    if target.dtype.is_floating_point:
        if probabilities and target_shape == shape:
            return _reduced(input, rest, reduction)
        raise RuntimeError(
            f"expected scalar type Long but found {target.dtype}"
            if not probabilities
            else f"Expected floating point type for target with class probabilities, "
            f"and a target of the input's shape {list(shape)}, got {list(target_shape)}"
        )
    if shape and len(shape) > 1 and target_shape[:1] != shape[:1]:
        raise ValueError(
            f"Expected input batch_size ({shape[0]}) to match target batch_size "
            f"({target_shape[0] if target_shape else 0})."
        )
    if target_shape != rest:
        raise RuntimeError(
            f"Expected target size {list(rest)}, got {list(target_shape)}"
            if len(shape) > 2
            else f"expected target of shape {list(rest)}, got {list(target_shape)}"
        )
    return _reduced(input, rest, reduction)


def _per_sample(input: Tensor, reduction: str) -> Tensor:  # noqa: A002
    return _reduced(input, tuple(input.shape)[:1] if input.ndim > 1 else (), reduction)


class _Loss(Module):
    """PyTorch's ``_Loss``: the reduction (from the legacy ``size_average`` and
    ``reduce`` when they are given)."""

    _kind = Kind.LOSS

    def __init__(
        self, size_average: Any = None, reduce: Any = None, reduction: str = "mean"
    ) -> None:
        super().__init__()
        if size_average is not None or reduce is not None:
            reduction = _legacy_reduction(size_average, reduce)
        self.reduction = reduction


class _WeightedLoss(_Loss):
    """PyTorch's ``_WeightedLoss``: a per-class ``weight`` buffer (None: equal)."""

    def __init__(
        self,
        weight: Any = None,
        size_average: Any = None,
        reduce: Any = None,
        reduction: str = "mean",
    ) -> None:
        super().__init__(size_average, reduce, reduction)
        self.register_buffer("weight", weight)


class L1Loss(_Loss):
    """``torch.nn.L1Loss``: mean absolute error."""

    def forward(self, input: Tensor, target: Tensor) -> Tensor:  # noqa: A002
        return _elementwise(input, target, self.reduction)


class MSELoss(_Loss):
    """``torch.nn.MSELoss``: mean squared error."""

    def forward(self, input: Tensor, target: Tensor) -> Tensor:  # noqa: A002
        return _elementwise(input, target, self.reduction)


class SmoothL1Loss(_Loss):
    """``torch.nn.SmoothL1Loss``."""

    def __init__(
        self,
        size_average: Any = None,
        reduce: Any = None,
        reduction: str = "mean",
        beta: float = 1.0,
    ) -> None:
        super().__init__(size_average, reduce, reduction)
        self.beta = beta

    def forward(self, input: Tensor, target: Tensor) -> Tensor:  # noqa: A002
        return _elementwise(input, target, self.reduction)


class HuberLoss(_Loss):
    """``torch.nn.HuberLoss``."""

    def __init__(self, reduction: str = "mean", delta: float = 1.0) -> None:
        super().__init__(reduction=reduction)
        self.delta = delta

    def forward(self, input: Tensor, target: Tensor) -> Tensor:  # noqa: A002
        return _elementwise(input, target, self.reduction)


class BCELoss(_WeightedLoss):
    """``torch.nn.BCELoss``: binary cross entropy of probabilities."""

    def forward(self, input: Tensor, target: Tensor) -> Tensor:  # noqa: A002
        if tuple(target.shape) != tuple(input.shape):
            raise ValueError(
                f"Using a target size ({target.shape}) that is different to the input "
                f"size ({input.shape}) is deprecated. Please ensure they have the same "
                "size."
            )
        return _reduced(input, input.shape, self.reduction)


class BCEWithLogitsLoss(_Loss):
    """``torch.nn.BCEWithLogitsLoss``: binary cross entropy of logits."""

    def __init__(
        self,
        weight: Any = None,
        size_average: Any = None,
        reduce: Any = None,
        reduction: str = "mean",
        pos_weight: Any = None,
    ) -> None:
        super().__init__(size_average, reduce, reduction)
        self.register_buffer("weight", weight)
        self.register_buffer("pos_weight", pos_weight)

    def forward(self, input: Tensor, target: Tensor) -> Tensor:  # noqa: A002
        if tuple(target.shape) != tuple(input.shape):
            raise ValueError(
                f"Target size ({target.shape}) must be the same as input size "
                f"({input.shape})"
            )
        return _reduced(input, input.shape, self.reduction)


class NLLLoss(_WeightedLoss):
    """``torch.nn.NLLLoss``."""

    def __init__(
        self,
        weight: Any = None,
        size_average: Any = None,
        ignore_index: int = -100,
        reduce: Any = None,
        reduction: str = "mean",
    ) -> None:
        super().__init__(weight, size_average, reduce, reduction)
        self.ignore_index = ignore_index

    def forward(self, input: Tensor, target: Tensor) -> Tensor:  # noqa: A002
        return _per_class(input, target, self.reduction, probabilities=False)


class CrossEntropyLoss(_WeightedLoss):
    """``torch.nn.CrossEntropyLoss``."""

    def __init__(
        self,
        weight: Any = None,
        size_average: Any = None,
        ignore_index: int = -100,
        reduce: Any = None,
        reduction: str = "mean",
        label_smoothing: float = 0.0,
    ) -> None:
        super().__init__(weight, size_average, reduce, reduction)
        self.ignore_index = ignore_index
        self.label_smoothing = label_smoothing

    def forward(self, input: Tensor, target: Tensor) -> Tensor:  # noqa: A002
        return _per_class(input, target, self.reduction)


class KLDivLoss(_Loss):
    """``torch.nn.KLDivLoss`` (``reduction='batchmean'`` too)."""

    def __init__(
        self,
        size_average: Any = None,
        reduce: Any = None,
        reduction: str = "mean",
        log_target: bool = False,
    ) -> None:
        super().__init__(size_average, reduce, reduction)
        self.log_target = log_target

    def forward(self, input: Tensor, target: Tensor) -> Tensor:  # noqa: A002
        if self.reduction == "mean":
            warnings.warn(
                "reduction: 'mean' divides the total loss by both the batch size and the "
                "support size.'batchmean' divides only by the batch size, and aligns with "
                "the KL div math definition.'mean' will be changed to behave the same as "
                "'batchmean' in the next major release.",
                UserWarning,
                stacklevel=2,
            )
        shape = broadcast_shapes(input.shape, target.shape)
        return _reduced(input, shape, self.reduction, ("batchmean",))


class SoftMarginLoss(_Loss):
    """``torch.nn.SoftMarginLoss``: the target of the input's shape."""

    def forward(self, input: Tensor, target: Tensor) -> Tensor:  # noqa: A002
        # The target broadcasts into the input's shape, never beyond it.
        if broadcast_shapes(input.shape, target.shape) != tuple(input.shape):
            raise RuntimeError(
                f"output with shape {list(input.shape)} doesn't match the broadcast "
                f"shape {list(broadcast_shapes(input.shape, target.shape))}"
            )
        return _reduced(input, input.shape, self.reduction)


class MultiLabelSoftMarginLoss(_WeightedLoss):
    """``torch.nn.MultiLabelSoftMarginLoss``: one value per sample."""

    def forward(self, input: Tensor, target: Tensor) -> Tensor:  # noqa: A002
        return _per_sample(input, self.reduction)


# The functional forms (torch.nn.functional re-exports them) ---------------------------


def _reduction(size_average: Any, reduce: Any, reduction: str) -> str:
    if size_average is not None or reduce is not None:
        return _legacy_reduction(size_average, reduce)
    return reduction


def l1_loss(
    input: Tensor,  # noqa: A002
    target: Tensor,
    size_average: Any = None,
    reduce: Any = None,
    reduction: str = "mean",
    weight: Any = None,
) -> Tensor:
    """``F.l1_loss``."""
    return _elementwise(input, target, _reduction(size_average, reduce, reduction))


def mse_loss(
    input: Tensor,  # noqa: A002
    target: Tensor,
    size_average: Any = None,
    reduce: Any = None,
    reduction: str = "mean",
    weight: Any = None,
) -> Tensor:
    """``F.mse_loss``."""
    return _elementwise(input, target, _reduction(size_average, reduce, reduction))


def smooth_l1_loss(
    input: Tensor,  # noqa: A002
    target: Tensor,
    size_average: Any = None,
    reduce: Any = None,
    reduction: str = "mean",
    beta: float = 1.0,
) -> Tensor:
    """``F.smooth_l1_loss``."""
    return _elementwise(input, target, _reduction(size_average, reduce, reduction))


def huber_loss(
    input: Tensor,  # noqa: A002
    target: Tensor,
    reduction: str = "mean",
    delta: float = 1.0,
    weight: Any = None,
) -> Tensor:
    """``F.huber_loss``."""
    return _elementwise(input, target, reduction)


def binary_cross_entropy(
    input: Tensor,  # noqa: A002
    target: Tensor,
    weight: Any = None,
    size_average: Any = None,
    reduce: Any = None,
    reduction: str = "mean",
) -> Tensor:
    """``F.binary_cross_entropy``."""
    loss = BCELoss(reduction=_reduction(size_average, reduce, reduction))
    return loss.forward(input, target)


def binary_cross_entropy_with_logits(
    input: Tensor,  # noqa: A002
    target: Tensor,
    weight: Any = None,
    size_average: Any = None,
    reduce: Any = None,
    reduction: str = "mean",
    pos_weight: Any = None,
) -> Tensor:
    """``F.binary_cross_entropy_with_logits``."""
    loss = BCEWithLogitsLoss(reduction=_reduction(size_average, reduce, reduction))
    return loss.forward(input, target)


def nll_loss(
    input: Tensor,  # noqa: A002
    target: Tensor,
    weight: Any = None,
    size_average: Any = None,
    ignore_index: int = -100,
    reduce: Any = None,
    reduction: str = "mean",
) -> Tensor:
    """``F.nll_loss``."""
    reduction = _reduction(size_average, reduce, reduction)
    return _per_class(input, target, reduction, probabilities=False)


def cross_entropy(
    input: Tensor,  # noqa: A002
    target: Tensor,
    weight: Any = None,
    size_average: Any = None,
    ignore_index: int = -100,
    reduce: Any = None,
    reduction: str = "mean",
    label_smoothing: float = 0.0,
) -> Tensor:
    """``F.cross_entropy``."""
    return _per_class(input, target, _reduction(size_average, reduce, reduction))


def kl_div(
    input: Tensor,  # noqa: A002
    target: Tensor,
    size_average: Any = None,
    reduce: Any = None,
    reduction: str = "mean",
    log_target: bool = False,
) -> Tensor:
    """``F.kl_div``."""
    loss = KLDivLoss(reduction=_reduction(size_average, reduce, reduction))
    return loss.forward(input, target)


__all__ = [
    "BCELoss",
    "BCEWithLogitsLoss",
    "CrossEntropyLoss",
    "HuberLoss",
    "KLDivLoss",
    "L1Loss",
    "MSELoss",
    "MultiLabelSoftMarginLoss",
    "NLLLoss",
    "SmoothL1Loss",
    "SoftMarginLoss",
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

"""The margin, ranking and embedding losses (``nn.CosineEmbeddingLoss``,
``nn.MarginRankingLoss``, ``nn.HingeEmbeddingLoss``, ``nn.TripletMarginLoss``,
``nn.TripletMarginWithDistanceLoss``, ``nn.MultiMarginLoss``,
``nn.MultiLabelMarginLoss``) and their functional forms: the loss's shape (a scalar
under ``'mean'`` and ``'sum'``; per sample, or per element, under ``'none'``), after
PyTorch's checks of the shapes.

>>> from convdims import torch
>>> from convdims.torch import nn
>>> nn.TripletMarginLoss(reduction="none")(*(torch.empty(4, 8),) * 3).shape
torch.Size([4])
>>> nn.MultiMarginLoss()(torch.empty(4, 5), torch.zeros(4, dtype=torch.long)).shape
torch.Size([])
"""

from __future__ import annotations

from convdims.torch._sizes import broadcast_shapes
from convdims.torch.dtypes import int64
from convdims.torch.errors import ShapeError
from convdims.torch.nn.loss import _Loss, _reduced, _reduction, _WeightedLoss
from convdims.torch.tensor import Tensor

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Callable
    from typing import Any

__all__ = [
    "CosineEmbeddingLoss",
    "HingeEmbeddingLoss",
    "MarginRankingLoss",
    "MultiLabelMarginLoss",
    "MultiMarginLoss",
    "TripletMarginLoss",
    "TripletMarginWithDistanceLoss",
    "cosine_embedding_loss",
    "hinge_embedding_loss",
    "margin_ranking_loss",
    "multi_margin_loss",
    "multilabel_margin_loss",
    "triplet_margin_loss",
    "triplet_margin_with_distance_loss",
]


def _long_target(target: Tensor) -> None:
    if target.dtype is not int64:
        raise ShapeError(
            f"expected scalar type Long but found {_type_name(target)}",
            argument="target",
            value=target.dtype,
            valid="class indices of dtype torch.long",
        )


def _type_name(tensor: Tensor) -> str:
    names = {"float32": "Float", "float64": "Double", "float16": "Half", "int32": "Int"}
    return names.get(tensor.dtype.name, tensor.dtype.name)


def cosine_embedding_loss(
    input1: Tensor,
    input2: Tensor,
    target: Tensor,
    margin: float = 0,
    size_average: bool | None = None,
    reduce: bool | None = None,
    reduction: str = "mean",
) -> Tensor:
    """``F.cosine_embedding_loss``: ``(N, D)`` pairs and an ``(N)`` target of 1 or -1
    (or ``(D)`` and a 0-d target): ``(N)`` under ``'none'``."""
    how = _reduction(size_average, reduce, reduction)
    rank = target.ndim
    if rank == 1 and (input1.ndim != 2 or input2.ndim != 2):
        raise ShapeError(
            "1D target tensor expects 2D input tensors, but found inputs with sizes "
            f"{list(input1.shape)} and {list(input2.shape)}.",
            value=tuple(input1.shape),
            valid="inputs of shape (N, D)",
        )
    if rank == 0 and (input1.ndim != 1 or input2.ndim != 1):
        raise ShapeError(
            "0D target tensor expects 1D input tensors, but found inputs with sizes "
            f"{list(input1.shape)} and {list(input2.shape)}.",
            value=tuple(input1.shape),
            valid="inputs of shape (D)",
        )
    if rank > 1:
        raise ShapeError(
            "0D or 1D target tensor expected, multi-target not supported",
            argument="target",
            value=tuple(target.shape),
            valid="a target of shape (N) or ()",
        )
    pairs = broadcast_shapes(input1.shape, input2.shape)
    shape = broadcast_shapes(target.shape, pairs[:-1])
    return _reduced(input1, shape, how)


def margin_ranking_loss(
    input1: Tensor,
    input2: Tensor,
    target: Tensor,
    margin: float = 0,
    size_average: bool | None = None,
    reduce: bool | None = None,
    reduction: str = "mean",
) -> Tensor:
    """``F.margin_ranking_loss``: three tensors of one rank, broadcast together."""
    how = _reduction(size_average, reduce, reduction)
    if not input1.ndim == input2.ndim == target.ndim:
        raise ShapeError(
            "margin_ranking_loss : All input tensors should have same dimension but got "
            f"sizes: input1: {input1.shape}, input2: {input2.shape}, target: "
            f"{target.shape} ",
            value=tuple(input1.shape),
            valid="three tensors of one rank",
        )
    return _reduced(input1, broadcast_shapes(input1.shape, input2.shape, target.shape), how)


def hinge_embedding_loss(
    input: Tensor,  # noqa: A002 - PyTorch's name
    target: Tensor,
    margin: float = 1.0,
    size_average: bool | None = None,
    reduce: bool | None = None,
    reduction: str = "mean",
) -> Tensor:
    """``F.hinge_embedding_loss``: the broadcast shape of input and target under
    ``'none'``."""
    how = _reduction(size_average, reduce, reduction)
    return _reduced(input, broadcast_shapes(target.shape, input.shape), how)


def _triplet_shape(anchor: Tensor, positive: Tensor, negative: Tensor) -> Any:
    ranks = (anchor.ndim, positive.ndim, negative.ndim)
    if len(set(ranks)) != 1:
        raise ShapeError(
            "The anchor, positive, and negative tensors are expected to have the same "
            f"number of dimensions, but got: anchor {ranks[0]}D, positive {ranks[1]}D, "
            f"and negative {ranks[2]}D inputs",
            value=ranks,
            valid="three tensors of one rank",
        )
    shape = broadcast_shapes(anchor.shape, positive.shape, negative.shape)
    return shape[:-1] if shape else shape


def triplet_margin_loss(
    anchor: Tensor,
    positive: Tensor,
    negative: Tensor,
    margin: float = 1.0,
    p: float = 2,
    eps: float = 1e-06,
    swap: bool = False,
    size_average: bool | None = None,
    reduce: bool | None = None,
    reduction: str = "mean",
) -> Tensor:
    """``F.triplet_margin_loss``: one loss per triplet (the last axis is the
    embedding)."""
    how = _reduction(size_average, reduce, reduction)
    return _reduced(anchor, _triplet_shape(anchor, positive, negative), how)


def triplet_margin_with_distance_loss(
    anchor: Tensor,
    positive: Tensor,
    negative: Tensor,
    *,
    distance_function: Callable[[Tensor, Tensor], Tensor] | None = None,
    margin: float = 1.0,
    swap: bool = False,
    reduction: str = "mean",
) -> Tensor:
    """``F.triplet_margin_with_distance_loss``: the shape of the distances (the
    pairwise distance by default)."""
    if margin <= 0:
        raise ValueError(f"margin must be greater than 0, got {margin}")
    shape = _triplet_shape(anchor, positive, negative)
    if distance_function is not None:
        shape = broadcast_shapes(
            distance_function(anchor, positive).shape,
            distance_function(anchor, negative).shape,
        )
    return _reduced(anchor, shape, reduction)


def multi_margin_loss(
    input: Tensor,  # noqa: A002 - PyTorch's name
    target: Tensor,
    p: int = 1,
    margin: float = 1.0,
    weight: Tensor | None = None,
    size_average: bool | None = None,
    reduce: bool | None = None,
    reduction: str = "mean",
) -> Tensor:
    """``F.multi_margin_loss``: ``(N, C)`` scores and ``(N)`` class indices (or
    ``(C)`` and a 0-d target): ``(N)`` under ``'none'``."""
    how = _reduction(size_average, reduce, reduction)
    if p not in (1, 2):
        raise ValueError("only p == 1 and p == 2 supported")
    if input.ndim not in (1, 2) or input.numel() == 0 and input.ndim == 1:
        raise ShapeError(
            "Expected non-empty vector or matrix with optional 0-dim batch size, but "
            f"got: {list(input.shape)}",
            value=tuple(input.shape),
            valid="scores of shape (N, C) or (C)",
        )
    _long_target(target)
    samples = input.shape[0] if input.ndim == 2 else 1
    if target.numel() != samples or target.ndim > 1:
        raise ShapeError(
            "multi_margin_loss: target tensor should be 1-D with size equal to the "
            "number of input samples (batch size). Expected target size "
            f"[{samples}], but got {list(target.shape)}. Input has shape "
            f"{list(input.shape)}.",
            argument="target",
            value=tuple(target.shape),
            valid=f"{samples} class indices",
        )
    classes = input.shape[-1]
    if weight is not None and (weight.ndim != 1 or weight.numel() != classes):
        raise ShapeError(
            f"inconsistent weight size, expected {classes} but got {list(weight.shape)}",
            argument="weight",
            value=tuple(weight.shape),
            valid=f"{classes} class weights",
        )
    return _reduced(input, input.shape[:1] if input.ndim == 2 else (), how)


def multilabel_margin_loss(
    input: Tensor,  # noqa: A002 - PyTorch's name
    target: Tensor,
    size_average: bool | None = None,
    reduce: bool | None = None,
    reduction: str = "mean",
) -> Tensor:
    """``F.multilabel_margin_loss``: ``(N, C)`` scores and ``(N, C)`` class indices
    (padded with -1): ``(N)`` under ``'none'``."""
    how = _reduction(size_average, reduce, reduction)
    _long_target(target)
    if input.ndim not in (1, 2) or tuple(target.shape) != tuple(input.shape):
        raise ShapeError(
            f"inconsistent target size: {list(target.shape)} for input of size: "
            f"{list(input.shape)}",
            argument="target",
            value=tuple(target.shape),
            valid=f"the input's shape {list(input.shape)}",
        )
    return _reduced(input, input.shape[:1] if input.ndim == 2 else (), how)


class CosineEmbeddingLoss(_Loss):
    """``torch.nn.CosineEmbeddingLoss``."""

    def __init__(
        self,
        margin: float = 0.0,
        size_average: Any = None,
        reduce: Any = None,
        reduction: str = "mean",
    ) -> None:
        super().__init__(size_average, reduce, reduction)
        self.margin = margin

    def forward(self, input1: Tensor, input2: Tensor, target: Tensor) -> Tensor:
        return cosine_embedding_loss(
            input1, input2, target, margin=self.margin, reduction=self.reduction
        )


class MarginRankingLoss(_Loss):
    """``torch.nn.MarginRankingLoss``."""

    def __init__(
        self,
        margin: float = 0.0,
        size_average: Any = None,
        reduce: Any = None,
        reduction: str = "mean",
    ) -> None:
        super().__init__(size_average, reduce, reduction)
        self.margin = margin

    def forward(self, input1: Tensor, input2: Tensor, target: Tensor) -> Tensor:
        return margin_ranking_loss(
            input1, input2, target, margin=self.margin, reduction=self.reduction
        )


class HingeEmbeddingLoss(_Loss):
    """``torch.nn.HingeEmbeddingLoss``."""

    def __init__(
        self,
        margin: float = 1.0,
        size_average: Any = None,
        reduce: Any = None,
        reduction: str = "mean",
    ) -> None:
        super().__init__(size_average, reduce, reduction)
        self.margin = margin

    def forward(self, input: Tensor, target: Tensor) -> Tensor:  # noqa: A002
        return hinge_embedding_loss(
            input, target, margin=self.margin, reduction=self.reduction
        )


class TripletMarginLoss(_Loss):
    """``torch.nn.TripletMarginLoss``."""

    def __init__(
        self,
        margin: float = 1.0,
        p: float = 2.0,
        eps: float = 1e-06,
        swap: bool = False,
        size_average: Any = None,
        reduce: Any = None,
        reduction: str = "mean",
    ) -> None:
        super().__init__(size_average, reduce, reduction)
        if margin <= 0:
            raise ValueError(
                f"TripletMarginLoss: expected margin to be greater than 0, got {margin} "
                "instead"
            )
        self.margin = margin
        self.p = p
        self.eps = eps
        self.swap = swap

    def forward(self, anchor: Tensor, positive: Tensor, negative: Tensor) -> Tensor:
        return triplet_margin_loss(
            anchor,
            positive,
            negative,
            self.margin,
            self.p,
            self.eps,
            self.swap,
            reduction=self.reduction,
        )


class TripletMarginWithDistanceLoss(_Loss):
    """``torch.nn.TripletMarginWithDistanceLoss``: its distance function (a
    ``PairwiseDistance`` by default) is a child module when it is one."""

    def __init__(
        self,
        *,
        distance_function: Callable[[Tensor, Tensor], Tensor] | None = None,
        margin: float = 1.0,
        swap: bool = False,
        reduction: str = "mean",
    ) -> None:
        super().__init__(size_average=None, reduce=None, reduction=reduction)
        if margin <= 0:
            raise ValueError(
                "TripletMarginWithDistanceLoss: expected margin to be greater than 0, "
                f"got {margin} instead"
            )
        from convdims.torch.nn.distance import PairwiseDistance

        self.distance_function = (
            distance_function if distance_function is not None else PairwiseDistance()
        )
        self.margin = margin
        self.swap = swap

    def forward(self, anchor: Tensor, positive: Tensor, negative: Tensor) -> Tensor:
        return triplet_margin_with_distance_loss(
            anchor,
            positive,
            negative,
            distance_function=self.distance_function,
            margin=self.margin,
            swap=self.swap,
            reduction=self.reduction,
        )


class MultiMarginLoss(_WeightedLoss):
    """``torch.nn.MultiMarginLoss``."""

    def __init__(
        self,
        p: int = 1,
        margin: float = 1.0,
        weight: Tensor | None = None,
        size_average: Any = None,
        reduce: Any = None,
        reduction: str = "mean",
    ) -> None:
        super().__init__(weight, size_average, reduce, reduction)
        if p not in (1, 2):
            raise ValueError("only p == 1 and p == 2 supported")
        if weight is not None and weight.ndim != 1:
            raise ValueError(
                "MultiMarginLoss: expected weight to be None or 1D tensor, got "
                f"{weight.ndim}D instead"
            )
        self.p = p
        self.margin = margin

    def forward(self, input: Tensor, target: Tensor) -> Tensor:  # noqa: A002
        return multi_margin_loss(
            input,
            target,
            p=self.p,
            margin=self.margin,
            weight=self.weight,
            reduction=self.reduction,
        )


class MultiLabelMarginLoss(_Loss):
    """``torch.nn.MultiLabelMarginLoss``."""

    def forward(self, input: Tensor, target: Tensor) -> Tensor:  # noqa: A002
        return multilabel_margin_loss(input, target, reduction=self.reduction)

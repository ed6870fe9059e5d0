"""Distances and similarities: ``nn.CosineSimilarity`` and ``nn.PairwiseDistance``
and their functional forms (``F.cosine_similarity``, ``F.pairwise_distance``,
``F.pdist``): no parameters; the inputs broadcast, then one axis is reduced.

>>> from convdims import torch
>>> from convdims.torch import nn
>>> nn.CosineSimilarity(dim=1)(torch.empty(8, 128), torch.empty(8, 128)).shape
torch.Size([8])
>>> nn.PairwiseDistance(keepdim=True)(torch.empty(8, 3), torch.empty(3)).shape
torch.Size([8, 1])
"""

from __future__ import annotations

from convdims.description import Kind
from convdims.torch._sizes import broadcast_shapes, normalize_dim
from convdims.torch.errors import ShapeError
from convdims.torch.nn.module import Module
from convdims.torch.tensor import Tensor

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

__all__ = [
    "CosineSimilarity",
    "PairwiseDistance",
    "cosine_similarity",
    "pairwise_distance",
    "pdist",
]


def _tensor(value: Any, name: str, op: str) -> Tensor:
    if not isinstance(value, Tensor):
        from convdims.errors import ArgumentTypeError

        raise ArgumentTypeError(
            f"{op}(): argument '{name}' must be Tensor, not {type(value).__name__}",
            argument=name,
            value=value,
            valid="a Tensor",
        )
    return value


def cosine_similarity(x1: Tensor, x2: Tensor, dim: int = 1, eps: float = 1e-8) -> Tensor:
    """``F.cosine_similarity``: the inputs broadcast, then axis ``dim`` is reduced.

    >>> from convdims.torch import empty
    >>> cosine_similarity(empty(2, 3, 4), empty(3, 1), dim=0).shape
    torch.Size([3, 4])
    """
    a, b = _tensor(x1, "x1", "cosine_similarity"), _tensor(x2, "x2", "cosine_similarity")
    shape = list(broadcast_shapes(a.shape, b.shape))
    axis = normalize_dim(dim, len(shape))
    if shape:
        del shape[axis]
    return a._like(shape)


def pairwise_distance(
    x1: Tensor, x2: Tensor, p: float = 2.0, eps: float = 1e-6, keepdim: bool = False
) -> Tensor:
    """``F.pairwise_distance``: the p-norm of ``x1 - x2 + eps`` over the last axis
    (the inputs broadcast; kept as a size 1 with ``keepdim``).

    >>> from convdims.torch import empty
    >>> pairwise_distance(empty(4, 3), empty(4, 3)).shape
    torch.Size([4])
    """
    a, b = _tensor(x1, "x1", "pairwise_distance"), _tensor(x2, "x2", "pairwise_distance")
    shape = list(broadcast_shapes(a.shape, b.shape))
    if not shape:
        return a._like(())
    if keepdim:
        shape[-1] = 1
    else:
        del shape[-1]
    return a._like(shape)


def pdist(input: Tensor, p: float = 2) -> Tensor:  # noqa: A002 - PyTorch's name
    """``F.pdist``: the distance between every pair of rows of an ``(N, M)`` input,
    ``N * (N - 1) / 2`` values.

    >>> from convdims.torch import empty
    >>> pdist(empty(5, 3)).shape
    torch.Size([10])
    """
    x = _tensor(input, "input", "pdist")
    if x.ndim != 2:
        raise ShapeError(
            f"pdist only supports 2D tensors, got: {x.ndim}D",
            value=tuple(x.shape),
            valid="a 2-D tensor of rows",
        )
    if p < 0:
        raise ShapeError(
            "pdist only supports non-negative p values",
            argument="p",
            value=p,
            valid="a p of at least 0",
        )
    rows = x.shape[0]
    return x._like((rows * (rows - 1) // 2,))


class CosineSimilarity(Module):
    """``torch.nn.CosineSimilarity``: the cosine of the angle between ``x1`` and
    ``x2`` along ``dim``."""

    _kind = Kind.MERGE

    def __init__(self, dim: int = 1, eps: float = 1e-08) -> None:
        super().__init__()
        self.dim = dim
        self.eps = eps

    def forward(self, x1: Tensor, x2: Tensor) -> Tensor:
        return cosine_similarity(x1, x2, self.dim, self.eps)


class PairwiseDistance(Module):
    """``torch.nn.PairwiseDistance``: the p-norm distance between ``x1`` and ``x2``
    over the last axis."""

    _kind = Kind.MERGE

    def __init__(self, p: float = 2.0, eps: float = 1e-06, keepdim: bool = False) -> None:
        super().__init__()
        self.norm = p
        self.eps = eps
        self.keepdim = keepdim

    def forward(self, x1: Tensor, x2: Tensor) -> Tensor:
        return pairwise_distance(x1, x2, self.norm, self.eps, self.keepdim)

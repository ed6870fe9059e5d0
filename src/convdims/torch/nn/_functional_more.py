"""The last of ``torch.nn.functional``'s names model files call that the other files
lack: ``F.embedding_bag``, ``F.feature_alpha_dropout``, ``F.soft_margin_loss`` and
``F.multilabel_soft_margin_loss``; and ``nn.FeatureAlphaDropout``.

>>> from convdims import torch
>>> from convdims.torch.nn import functional as F
>>> F.embedding_bag(torch.zeros(2, 4, dtype=torch.long), torch.empty(10, 3)).shape
torch.Size([2, 3])
"""

from __future__ import annotations

from convdims.torch._sizes import broadcast_shapes
from convdims.torch.nn.dropout import AlphaDropout
from convdims.torch.nn.loss import _per_sample, _reduced, _reduction
from convdims.torch.tensor import Tensor

TYPE_CHECKING = False
if TYPE_CHECKING:
    pass

__all__ = [
    "FeatureAlphaDropout",
    "embedding_bag",
    "feature_alpha_dropout",
    "multilabel_soft_margin_loss",
    "soft_margin_loss",
]


def embedding_bag(
    input: Tensor,  # noqa: A002 - PyTorch's name
    weight: Tensor,
    offsets: Tensor | None = None,
    max_norm: float | None = None,
    norm_type: float = 2,
    scale_grad_by_freq: bool = False,
    mode: str = "mean",
    sparse: bool = False,
    per_sample_weights: Tensor | None = None,
    include_last_offset: bool = False,
    padding_idx: int | None = None,
) -> Tensor:
    """``F.embedding_bag``: ``nn.EmbeddingBag``'s bags of the rows of ``weight``:
    ``(bags, embedding_dim)``."""
    from convdims.torch.nn.sparse import EmbeddingBag

    rows, width = weight.shape
    bag = EmbeddingBag(
        rows, width, mode=mode, include_last_offset=include_last_offset, _weight=weight
    )
    return bag(input, offsets, per_sample_weights)


def feature_alpha_dropout(
    input: Tensor,  # noqa: A002 - PyTorch's name
    p: float = 0.5,
    training: bool = False,
    inplace: bool = False,
) -> Tensor:
    """``F.feature_alpha_dropout``: the input's shape; ``p`` must lie in ``[0, 1]``."""
    if p < 0.0 or p > 1.0:
        raise ValueError(f"dropout probability has to be between 0 and 1, but got {p}")
    return input


def soft_margin_loss(
    input: Tensor,  # noqa: A002 - PyTorch's name
    target: Tensor,
    size_average: bool | None = None,
    reduce: bool | None = None,
    reduction: str = "mean",
) -> Tensor:
    """``F.soft_margin_loss``: the broadcast shape under ``'none'``."""
    how = _reduction(size_average, reduce, reduction)
    return _reduced(input, broadcast_shapes(target.shape, input.shape), how)


def multilabel_soft_margin_loss(
    input: Tensor,  # noqa: A002 - PyTorch's name
    target: Tensor,
    weight: Tensor | None = None,
    size_average: bool | None = None,
    reduce: bool | None = None,
    reduction: str = "mean",
) -> Tensor:
    """``F.multilabel_soft_margin_loss``: one value per sample under ``'none'``; the
    target broadcasts with the input."""
    how = _reduction(size_average, reduce, reduction)
    broadcast_shapes(target.shape, input.shape)
    return _per_sample(input, how)


class FeatureAlphaDropout(AlphaDropout):
    """``torch.nn.FeatureAlphaDropout``: alpha dropout of whole channels."""

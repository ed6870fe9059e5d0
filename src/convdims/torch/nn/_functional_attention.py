"""``F.scaled_dot_product_attention``: queries ``(..., L, E)`` attend to keys
``(..., S, E)`` and values ``(..., S, Ev)``; the output is ``(..., L, Ev)``, its leading
axes the broadcast of the three inputs' (grouped-query attention with ``enable_gqa``
shares each key and value head among several query heads).

>>> from convdims.torch import empty
>>> from convdims.torch.nn import functional as F
>>> query, key, value = empty(2, 3, 5, 8), empty(2, 1, 7, 8), empty(2, 1, 7, 4)
>>> F.scaled_dot_product_attention(query, key, value).shape
torch.Size([2, 3, 5, 4])
"""

from __future__ import annotations

from convdims.torch.errors import ShapeError
from convdims.torch.tensor import Tensor, broadcast_shapes

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any


def scaled_dot_product_attention(
    query: Tensor,
    key: Tensor,
    value: Tensor,
    attn_mask: Tensor | None = None,
    dropout_p: float = 0.0,
    is_causal: bool = False,
    scale: float | None = None,
    enable_gqa: bool = False,
) -> Tensor:
    """``F.scaled_dot_product_attention``: the shape ``(..., L, Ev)``."""
    for name, tensor in (("query", query), ("key", key), ("value", value)):
        if not isinstance(tensor, Tensor):
            raise TypeError(
                f"scaled_dot_product_attention(): argument '{name}' must be a Tensor, "
                f"not {type(tensor).__name__}"
            )
        if tensor.ndim < 2:
            raise ShapeError(
                f"scaled_dot_product_attention: {name} of shape {list(tensor.shape)} "
                "needs at least 2 dimensions (sequence, features)",
                argument=name,
                value=tuple(tensor.shape),
                valid="a tensor of 2 or more dimensions",
            )
    if key.shape[-1] != query.shape[-1]:
        raise ShapeError(
            f"scaled_dot_product_attention: query {list(query.shape)} and key "
            f"{list(key.shape)} must have the same last dimension (E)",
            argument="key",
            value=tuple(key.shape),
            valid=f"a last dimension of {query.shape[-1]}",
        )
    if key.shape[-2] != value.shape[-2]:
        raise ShapeError(
            f"scaled_dot_product_attention: key {list(key.shape)} and value "
            f"{list(value.shape)} must have the same sequence length (S)",
            argument="value",
            value=tuple(value.shape),
            valid=f"a sequence of {key.shape[-2]} on axis -2",
        )
    if not 0.0 <= dropout_p <= 1.0:
        raise ValueError(
            f"dropout probability has to be between 0 and 1, but got {dropout_p}"
        )
    key_lead: Any = tuple(key.shape[:-2])
    value_lead: Any = tuple(value.shape[:-2])
    query_lead = tuple(query.shape[:-2])
    if enable_gqa and len(query_lead) >= 1 and len(key_lead) >= 1 and key_lead[-1]:
        heads = query_lead[-1]
        if heads % key_lead[-1] == 0 and value_lead and heads % value_lead[-1] == 0:
            key_lead = (*key_lead[:-1], heads)
            value_lead = (*value_lead[:-1], heads)
    try:
        lead = broadcast_shapes(query_lead, key_lead, value_lead)
    except ValueError as error:
        raise ShapeError(
            f"scaled_dot_product_attention: the leading dimensions of query "
            f"{list(query.shape)}, key {list(key.shape)} and value {list(value.shape)} "
            f"do not broadcast ({error})",
            argument="key",
            value=tuple(key.shape),
            valid="leading dimensions that broadcast with the query's",
        ) from error
    return query._like((*lead, query.shape[-2], value.shape[-1]))

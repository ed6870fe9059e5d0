"""``nn.MultiheadAttention``: queries ``(L, N, E)`` attend to keys and values
``(S, N, kdim/vdim)`` (``batch_first``: ``(N, L, E)``); the output has the queries'
shape, the weights are ``(N, L, S)`` (per head, ``(N, heads, L, S)``, when not
averaged).

Its parameters are PyTorch's: one ``in_proj_weight (3E, E)`` (or ``q/k/v_proj_weight``
when ``kdim`` or ``vdim`` differ from ``E``), ``in_proj_bias (3E)``, optional
``bias_k``/``bias_v (1, 1, E)``, and ``out_proj``, a Linear of ``E`` to ``E``.

>>> from convdims.torch import empty, nn
>>> attention = nn.MultiheadAttention(16, 4)
>>> out, weights = attention(empty(5, 2, 16), empty(7, 2, 16), empty(7, 2, 16))
>>> out.shape, weights.shape, sum(p.numel() for p in attention.parameters())
(torch.Size([5, 2, 16]), torch.Size([2, 5, 7]), 1088)
"""

from __future__ import annotations

from convdims.description import Kind
from convdims.torch.errors import ShapeError
from convdims.torch.nn.linear import Linear
from convdims.torch.nn.module import Module, Parameter
from convdims.torch.tensor import Tensor

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any


class NonDynamicallyQuantizableLinear(Linear):
    """``torch.nn.modules.linear.NonDynamicallyQuantizableLinear``: the Linear of
    MultiheadAttention's output projection (a Linear in every respect here)."""


class MultiheadAttention(Module):
    """``torch.nn.MultiheadAttention``."""

    _kind = Kind.ATTENTION

    def __init__(
        self,
        embed_dim: int,
        num_heads: int,
        dropout: float = 0.0,
        bias: bool = True,
        add_bias_kv: bool = False,
        add_zero_attn: bool = False,
        kdim: int | None = None,
        vdim: int | None = None,
        batch_first: bool = False,
        device: Any = None,
        dtype: Any = None,
    ) -> None:
        if embed_dim <= 0 or num_heads <= 0:
            raise ValueError(
                f"embed_dim and num_heads must be greater than 0, got embed_dim={embed_dim}"
                f" and num_heads={num_heads} instead"
            )
        super().__init__()
        self.embed_dim = embed_dim
        self.kdim = kdim if kdim is not None else embed_dim
        self.vdim = vdim if vdim is not None else embed_dim
        self._qkv_same_embed_dim = self.kdim == embed_dim and self.vdim == embed_dim
        self.num_heads = num_heads
        self.dropout = dropout
        self.batch_first = batch_first
        self.head_dim = embed_dim // num_heads
        if self.head_dim * num_heads != embed_dim:
            raise AssertionError("embed_dim must be divisible by num_heads")
        if not self._qkv_same_embed_dim:
            self.q_proj_weight = Parameter._new((embed_dim, embed_dim), dtype)
            self.k_proj_weight = Parameter._new((embed_dim, self.kdim), dtype)
            self.v_proj_weight = Parameter._new((embed_dim, self.vdim), dtype)
            self.register_parameter("in_proj_weight", None)
        else:
            self.in_proj_weight = Parameter._new((3 * embed_dim, embed_dim), dtype)
            self.register_parameter("q_proj_weight", None)
            self.register_parameter("k_proj_weight", None)
            self.register_parameter("v_proj_weight", None)
        if bias:
            self.in_proj_bias = Parameter._new((3 * embed_dim,), dtype)
        else:
            self.register_parameter("in_proj_bias", None)
        self.out_proj = NonDynamicallyQuantizableLinear(
            embed_dim, embed_dim, bias=bias, dtype=dtype
        )
        if add_bias_kv:
            self.bias_k = Parameter._new((1, 1, embed_dim), dtype)
            self.bias_v = Parameter._new((1, 1, embed_dim), dtype)
        else:
            self.bias_k = self.bias_v = None
        self.add_zero_attn = add_zero_attn

    def forward(
        self,
        query: Tensor,
        key: Tensor,
        value: Tensor,
        key_padding_mask: Tensor | None = None,
        need_weights: bool = True,
        attn_mask: Tensor | None = None,
        average_attn_weights: bool = True,
        is_causal: bool = False,
    ) -> tuple[Tensor, Tensor | None]:
        batched = query.ndim == 3
        if query.ndim not in (2, 3) or key.ndim != query.ndim or value.ndim != query.ndim:
            raise AssertionError(
                f"query should be unbatched 2D or batched 3D tensor but received "
                f"{query.ndim}-D query tensor"
            )
        if batched and self.batch_first:
            batch, target, embed = query.shape
            source = key.shape[1]
        elif batched:
            target, batch, embed = query.shape
            source = key.shape[0]
        else:
            target, embed = query.shape
            source = key.shape[0]
        if embed != self.embed_dim:
            raise AssertionError(
                f"was expecting embedding dimension of {self.embed_dim}, but got {embed}"
            )
        if key.shape[-1] != self.kdim or value.shape[-1] != self.vdim:
            raise ShapeError(
                f"key and value must have {self.kdim} and {self.vdim} features, got "
                f"{key.shape[-1]} and {value.shape[-1]}",
                argument="key",
                value=(tuple(key.shape), tuple(value.shape)),
                valid=f"kdim={self.kdim}, vdim={self.vdim}",
            )
        if tuple(key.shape[:-1]) != tuple(value.shape[:-1]):
            raise AssertionError(
                f"key shape {key.shape} does not match value shape {value.shape}"
            )
        source += (self.bias_k is not None) + bool(self.add_zero_attn)
        output = query._like(query.shape)
        if not need_weights:
            return output, None
        heads = () if average_attn_weights else (self.num_heads,)
        if batched:
            weights = query._like((batch, *heads, target, source))
        else:
            weights = query._like((*heads, target, source))
        return output, weights

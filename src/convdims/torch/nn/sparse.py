"""``nn.Embedding``: a lookup table of ``num_embeddings`` vectors of ``embedding_dim``;
indices of any shape ``(*)`` become ``(*, embedding_dim)``.

>>> from convdims import torch
>>> from convdims.torch import nn
>>> table = nn.Embedding(10, 3)
>>> table(torch.empty(2, 5, dtype=torch.long)).shape, table.weight.shape
(torch.Size([2, 5, 3]), torch.Size([10, 3]))
"""

from __future__ import annotations

from convdims.description import Kind
from convdims.torch.dtypes import int32, int64
from convdims.torch.errors import ShapeError
from convdims.torch.nn._args import int_argument, nonnegative_size
from convdims.torch.nn.module import Module, Parameter
from convdims.torch.tensor import Tensor

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

_TYPE_NAMES = {
    "float32": "Float",
    "float64": "Double",
    "float16": "Half",
    "bfloat16": "BFloat16",
}


class Embedding(Module):
    """``torch.nn.Embedding``: ``num_embeddings * embedding_dim`` parameters.

    Indices must be an integer tensor (``torch.long`` or ``torch.int``), as in PyTorch.
    """

    _kind = Kind.EMBEDDING

    def __init__(
        self,
        num_embeddings: int,
        embedding_dim: int,
        padding_idx: int | None = None,
        max_norm: float | None = None,
        norm_type: float = 2.0,
        scale_grad_by_freq: bool = False,
        sparse: bool = False,
        _weight: Tensor | None = None,
        _freeze: bool = False,
        device: Any = None,
        dtype: Any = None,
    ) -> None:
        super().__init__()
        shape = (num_embeddings, embedding_dim)
        for name, value in (
            ("num_embeddings", num_embeddings),
            ("embedding_dim", embedding_dim),
        ):
            checked = int_argument(
                name, value, "Embedding", leading=name == "num_embeddings"
            )
            nonnegative_size(name, checked, "Embedding", shape)
        if padding_idx is not None:
            if padding_idx > 0 and padding_idx >= num_embeddings:
                raise ValueError("Padding_idx must be within num_embeddings")
            if padding_idx < 0:
                if padding_idx < -num_embeddings:
                    raise ValueError("Padding_idx must be within num_embeddings")
                padding_idx = num_embeddings + padding_idx
        self.num_embeddings = num_embeddings
        self.embedding_dim = embedding_dim
        self.padding_idx = padding_idx
        self.max_norm = max_norm
        self.norm_type = norm_type
        self.scale_grad_by_freq = scale_grad_by_freq
        self.sparse = sparse
        if _weight is None:
            self.weight = Parameter._new(shape, dtype)
        else:
            if tuple(_weight.shape) != shape:
                raise ValueError(
                    "Shape of weight does not match num_embeddings and embedding_dim"
                )
            self.weight = Parameter(_weight, requires_grad=not _freeze)

    def _call_fields(self) -> dict[str, Any]:
        return {"out_channels": self.embedding_dim}

    def extra_repr(self) -> str:
        text = f"{self.num_embeddings}, {self.embedding_dim}"
        if self.padding_idx is not None:
            text += f", padding_idx={self.padding_idx}"
        if self.max_norm is not None:
            text += f", max_norm={self.max_norm}"
        if self.norm_type != 2:
            text += f", norm_type={self.norm_type}"
        if self.scale_grad_by_freq is not False:
            text += ", scale_grad_by_freq=True"
        if self.sparse is not False:
            text += ", sparse=True"
        return text

    def forward(self, input: Tensor) -> Tensor:  # noqa: A002 - PyTorch's name
        if input.dtype not in (int64, int32):
            kind = _TYPE_NAMES.get(input.dtype.name, input.dtype.name)
            raise ShapeError(
                "Expected tensor for argument #1 'indices' to have one of the following "
                f"scalar types: Long, Int; but got torch.{kind}Tensor instead (while "
                "checking arguments for embedding)",
                argument="input",
                value=input.dtype,
                valid="indices of dtype torch.long or torch.int",
            )
        # The rows of the weight: its dtype, not the indices' (torchinfo sizes by it).
        return self.weight._like((*input.shape, self.embedding_dim))


class EmbeddingBag(Module):
    """``torch.nn.EmbeddingBag``: sums, means or maxima of bags of embeddings; a 2-D
    input ``(B, N)`` is ``B`` bags of ``N`` indices, a 1-D input with ``offsets`` is
    one bag per offset (one fewer with ``include_last_offset``): ``(bags,
    embedding_dim)``.

    >>> from convdims import torch
    >>> bag = EmbeddingBag(10, 3)
    >>> bag(torch.zeros(2, 4, dtype=torch.long)).shape
    torch.Size([2, 3])
    """

    _kind = Kind.EMBEDDING

    def __init__(
        self,
        num_embeddings: int,
        embedding_dim: int,
        max_norm: float | None = None,
        norm_type: float = 2.0,
        scale_grad_by_freq: bool = False,
        mode: str = "mean",
        sparse: bool = False,
        _weight: Tensor | None = None,
        include_last_offset: bool = False,
        padding_idx: int | None = None,
        device: Any = None,
        dtype: Any = None,
    ) -> None:
        super().__init__()
        shape = (num_embeddings, embedding_dim)
        for name, value in (
            ("num_embeddings", num_embeddings),
            ("embedding_dim", embedding_dim),
        ):
            checked = int_argument(
                name, value, "EmbeddingBag", leading=name == "num_embeddings"
            )
            nonnegative_size(name, checked, "EmbeddingBag", shape)
        if padding_idx is not None:
            if padding_idx > 0 and padding_idx >= num_embeddings:
                raise AssertionError("padding_idx must be within num_embeddings")
            if padding_idx < 0:
                if padding_idx < -num_embeddings:
                    raise AssertionError("padding_idx must be within num_embeddings")
                padding_idx = num_embeddings + padding_idx
        self.num_embeddings = num_embeddings
        self.embedding_dim = embedding_dim
        self.max_norm = max_norm
        self.norm_type = norm_type
        self.scale_grad_by_freq = scale_grad_by_freq
        if _weight is None:
            self.weight = Parameter._new(shape, dtype)
        else:
            if tuple(_weight.shape) != shape:
                raise AssertionError(
                    "Shape of weight does not match num_embeddings and embedding_dim"
                )
            self.weight = Parameter(_weight)
        self.mode = mode
        self.sparse = sparse
        self.include_last_offset = include_last_offset
        self.padding_idx = padding_idx

    def _call_fields(self) -> dict[str, Any]:
        return {"out_channels": self.embedding_dim}

    def extra_repr(self) -> str:
        text = f"{self.num_embeddings}, {self.embedding_dim}"
        if self.max_norm is not None:
            text += f", max_norm={self.max_norm}"
        if self.norm_type != 2:
            text += f", norm_type={self.norm_type}"
        if self.scale_grad_by_freq is not False:
            text += ", scale_grad_by_freq=True"
        text += f", mode={self.mode!r}"
        if self.padding_idx is not None:
            text += f", padding_idx={self.padding_idx}"
        return text

    def forward(
        self,
        input: Tensor,  # noqa: A002 - PyTorch's name
        offsets: Tensor | None = None,
        per_sample_weights: Tensor | None = None,
    ) -> Tensor:
        if input.ndim == 2:
            if offsets is not None:
                raise ValueError(
                    "if input is 2D, then offsets has to be None, as input is treated "
                    "is a mini-batch of fixed length sequences. However, found offsets "
                    f"of type {_type_name(offsets)}"
                )
            bags = input.shape[0]
        elif input.ndim == 1:
            if offsets is None:
                raise ValueError("offsets has to be a 1D Tensor but got None")
            if offsets.ndim != 1:
                raise ValueError("offsets has to be a 1D Tensor")
            bags = offsets.shape[0] - (1 if self.include_last_offset else 0)
        else:
            raise ValueError(
                f"input has to be 1D or 2D Tensor, but got Tensor of dimension {input.ndim}"
            )
        if self.mode not in ("sum", "mean", "max"):
            raise ValueError(f"mode has to be one of sum, mean or max, got {self.mode}")
        return self.weight._like((bags, self.embedding_dim))


def _type_name(value: Any) -> str:
    """How PyTorch prints a value's type in a message: ``<class 'torch.Tensor'>``."""
    if isinstance(value, Tensor):
        return "<class 'torch.Tensor'>"
    return str(type(value))

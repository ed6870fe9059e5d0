"""Dropout layers: shape-preserving, no parameters; ``p`` must lie in ``[0, 1]``.

>>> from convdims.torch import nn
>>> nn.Dropout(p=0.5)
Dropout(p=0.5, inplace=False)
"""

from __future__ import annotations

from convdims.description import Kind
from convdims.torch.nn.module import Module
from convdims.torch.tensor import Tensor


class _DropoutNd(Module):
    _kind = Kind.DROPOUT

    def __init__(self, p: float = 0.5, inplace: bool = False) -> None:
        super().__init__()
        if p < 0 or p > 1:
            raise ValueError(f"dropout probability has to be between 0 and 1, but got {p}")
        self.p = p
        self.inplace = inplace

    def extra_repr(self) -> str:
        return f"p={self.p}, inplace={self.inplace}"

    def forward(self, input: Tensor) -> Tensor:  # noqa: A002 - PyTorch's name
        return input


class Dropout(_DropoutNd):
    """``torch.nn.Dropout``."""


class Dropout1d(_DropoutNd):
    """``torch.nn.Dropout1d``."""


class Dropout2d(_DropoutNd):
    """``torch.nn.Dropout2d``."""


class Dropout3d(_DropoutNd):
    """``torch.nn.Dropout3d``."""


class AlphaDropout(_DropoutNd):
    """``torch.nn.AlphaDropout``."""

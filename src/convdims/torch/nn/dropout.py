"""Dropout layers: shape-preserving, no parameters; ``p`` must lie in ``[0, 1]``.

>>> from convdims.torch import nn
>>> nn.Dropout(p=0.5)
Dropout(p=0.5, inplace=False)
"""

from __future__ import annotations

import numbers

from convdims.description import Kind
from convdims.errors import ArgumentError
from convdims.torch.errors import ArgumentTypeError
from convdims.torch.nn.module import Module
from convdims.torch.tensor import Tensor


class _DropoutNd(Module):
    _kind = Kind.DROPOUT

    def __init__(self, p: float = 0.5, inplace: bool = False) -> None:
        super().__init__()
        if not isinstance(p, numbers.Real):
            raise ArgumentTypeError(
                f"dropout probability p must be a number between 0 and 1, got {p!r} of "
                f"type {type(p).__name__} (PyTorch raises TypeError comparing it with 0)",
                argument="p",
                value=p,
                valid="a number between 0 and 1",
            )
        if p < 0 or p > 1:
            raise ArgumentError(
                f"dropout probability has to be between 0 and 1, but got {p}",
                argument="p",
                value=p,
                valid="a number between 0 and 1",
            )
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

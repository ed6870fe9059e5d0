"""``nn.RMSNorm``: root-mean-square normalization over the last axes, with one weight
per element of ``normalized_shape`` (no bias) when ``elementwise_affine``.

>>> from convdims import torch
>>> from convdims.torch import nn
>>> norm = nn.RMSNorm(512)
>>> norm, norm(torch.empty(2, 16, 512)).shape, sum(p.numel() for p in norm.parameters())
(RMSNorm((512,), eps=None, elementwise_affine=True), torch.Size([2, 16, 512]), 512)
"""

from __future__ import annotations

import numbers

from convdims.description import Kind
from convdims.torch.nn._args import int_argument, nonnegative_size
from convdims.torch.nn._functional_norm import rms_norm
from convdims.torch.nn.module import Module, Parameter
from convdims.torch.tensor import Tensor

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

__all__ = ["RMSNorm"]


class RMSNorm(Module):
    """``torch.nn.RMSNorm``."""

    _kind = Kind.NORMALIZATION

    def __init__(
        self,
        normalized_shape: Any,
        eps: float | None = None,
        elementwise_affine: bool = True,
        device: Any = None,
        dtype: Any = None,
    ) -> None:
        super().__init__()
        if isinstance(normalized_shape, numbers.Integral):
            normalized_shape = (normalized_shape,)
        self.normalized_shape = tuple(normalized_shape)
        self.eps = eps
        self.elementwise_affine = elementwise_affine
        if elementwise_affine:
            for size in self.normalized_shape:
                int_argument("normalized_shape", size, "RMSNorm")
                nonnegative_size("normalized_shape", size, "RMSNorm", self.normalized_shape)
            self.weight = Parameter._new(self.normalized_shape, dtype)
        else:
            self.register_parameter("weight", None)

    def extra_repr(self) -> str:
        return (
            f"{self.normalized_shape}, eps={self.eps}, "
            f"elementwise_affine={self.elementwise_affine}"
        )

    def forward(self, x: Tensor) -> Tensor:
        return rms_norm(x, self.normalized_shape, self.weight, self.eps)

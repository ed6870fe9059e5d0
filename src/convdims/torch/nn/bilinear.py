"""``nn.Bilinear``: ``y = x1^T A x2 + b`` with ``A`` of shape
``(out_features, in1_features, in2_features)``: ``(*, in1)`` and ``(*, in2)`` give
``(*, out)``.

>>> from convdims import torch
>>> from convdims.torch import nn
>>> layer = nn.Bilinear(20, 30, 40)
>>> layer(torch.empty(128, 20), torch.empty(128, 30)).shape
torch.Size([128, 40])
>>> sum(p.numel() for p in layer.parameters())
24040
"""

from __future__ import annotations

from convdims.description import Kind
from convdims.torch.nn._args import int_argument, nonnegative_size
from convdims.torch.nn._functional_sampling import bilinear
from convdims.torch.nn.module import Module, Parameter
from convdims.torch.tensor import Tensor

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

__all__ = ["Bilinear"]


class Bilinear(Module):
    """``torch.nn.Bilinear``: ``out * in1 * in2`` weights and ``out`` biases."""

    _kind = Kind.MERGE

    def __init__(
        self,
        in1_features: int,
        in2_features: int,
        out_features: int,
        bias: bool = True,
        device: Any = None,
        dtype: Any = None,
    ) -> None:
        super().__init__()
        shape = (out_features, in1_features, in2_features)
        for name, size in (
            ("out_features", out_features),
            ("in1_features", in1_features),
            ("in2_features", in2_features),
        ):
            checked = int_argument(name, size, "Bilinear", leading=name == "out_features")
            nonnegative_size(name, checked, "Bilinear", shape)
        self.in1_features = in1_features
        self.in2_features = in2_features
        self.out_features = out_features
        self.weight = Parameter._new(shape, dtype)
        if bias:
            self.bias = Parameter._new((out_features,), dtype)
        else:
            self.register_parameter("bias", None)

    def _call_fields(self) -> dict[str, Any]:
        return {"out_channels": self.out_features}

    def extra_repr(self) -> str:
        return (
            f"in1_features={self.in1_features}, in2_features={self.in2_features}, "
            f"out_features={self.out_features}, bias={self.bias is not None}"
        )

    def forward(self, input1: Tensor, input2: Tensor) -> Tensor:
        return bilinear(input1, input2, self.weight, self.bias)

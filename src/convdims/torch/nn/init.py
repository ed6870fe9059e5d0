"""``torch.nn.init``: weight initializers, accepted and ignored (there are no values).

Model code such as torchvision's calls ``nn.init.kaiming_normal_(m.weight, ...)`` in
``__init__``; each function here returns its tensor unchanged.

>>> from convdims.torch import nn
>>> conv = nn.Conv2d(3, 8, 3)
>>> nn.init.kaiming_normal_(conv.weight, mode="fan_out", nonlinearity="relu") is conv.weight
True
"""

from __future__ import annotations

import math

from convdims.torch.tensor import Tensor

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any


def _keep(tensor: Tensor, *args: Any, **kwargs: Any) -> Tensor:
    return tensor


uniform_ = normal_ = trunc_normal_ = constant_ = ones_ = zeros_ = eye_ = dirac_ = _keep
xavier_uniform_ = xavier_normal_ = kaiming_uniform_ = kaiming_normal_ = _keep
orthogonal_ = sparse_ = _keep


def calculate_gain(nonlinearity: str, param: float | None = None) -> float:
    """The recommended gain for a nonlinearity, as PyTorch defines it."""
    if nonlinearity == "tanh":
        return 5.0 / 3
    if nonlinearity == "relu":
        return math.sqrt(2.0)
    if nonlinearity == "leaky_relu":
        slope = 0.01 if param is None else param
        return math.sqrt(2.0 / (1 + slope**2))
    if nonlinearity == "selu":
        return 3.0 / 4
    return 1.0


def _calculate_fan_in_and_fan_out(tensor: Tensor) -> tuple[int, int]:
    """Inputs and outputs one weight connects (used by initializers)."""
    if tensor.ndim < 2:
        raise ValueError(
            "Fan in and fan out can not be computed for tensor with fewer than 2 dimensions"
        )
    receptive = math.prod(tensor.shape[2:])
    return tensor.shape[1] * receptive, tensor.shape[0] * receptive

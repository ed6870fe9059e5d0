"""Elementwise activations: the output has the input's shape and there are no parameters.

>>> from convdims.torch import nn
>>> nn.ReLU(inplace=True)
ReLU(inplace=True)
"""

from __future__ import annotations

from convdims.description import Kind
from convdims.torch.nn.module import Module
from convdims.torch.tensor import Tensor, normalize_dim


class _Elementwise(Module):
    _kind = Kind.ACTIVATION

    def forward(self, input: Tensor) -> Tensor:  # noqa: A002 - PyTorch's name
        return input


class _Inplace(_Elementwise):
    def __init__(self, inplace: bool = False) -> None:
        super().__init__()
        self.inplace = inplace

    def extra_repr(self) -> str:
        return "inplace=True" if self.inplace else ""


class ReLU(_Inplace):
    """``torch.nn.ReLU``."""


class ReLU6(_Inplace):
    """``torch.nn.ReLU6``."""


class SiLU(_Inplace):
    """``torch.nn.SiLU`` (swish)."""


class Hardswish(_Inplace):
    """``torch.nn.Hardswish``."""


class Hardsigmoid(_Inplace):
    """``torch.nn.Hardsigmoid``."""


class Mish(_Inplace):
    """``torch.nn.Mish``."""


class LeakyReLU(_Elementwise):
    """``torch.nn.LeakyReLU``."""

    def __init__(self, negative_slope: float = 0.01, inplace: bool = False) -> None:
        super().__init__()
        self.negative_slope = negative_slope
        self.inplace = inplace

    def extra_repr(self) -> str:
        return f"negative_slope={self.negative_slope}" + (
            ", inplace=True" if self.inplace else ""
        )


class ELU(_Elementwise):
    """``torch.nn.ELU``."""

    def __init__(self, alpha: float = 1.0, inplace: bool = False) -> None:
        super().__init__()
        self.alpha = alpha
        self.inplace = inplace

    def extra_repr(self) -> str:
        return f"alpha={self.alpha}" + (", inplace=True" if self.inplace else "")


class GELU(_Elementwise):
    """``torch.nn.GELU``."""

    def __init__(self, approximate: str = "none") -> None:
        super().__init__()
        self.approximate = approximate

    def extra_repr(self) -> str:
        return f"approximate={self.approximate!r}"


class Sigmoid(_Elementwise):
    """``torch.nn.Sigmoid``."""


class Tanh(_Elementwise):
    """``torch.nn.Tanh``."""


class _Softmax(_Elementwise):
    def __init__(self, dim: int | None = None) -> None:
        super().__init__()
        self.dim = dim

    def extra_repr(self) -> str:
        return f"dim={self.dim}"

    def forward(self, input: Tensor) -> Tensor:  # noqa: A002 - PyTorch's name
        if self.dim is not None:
            normalize_dim(self.dim, input.ndim)
        return input


class Softmax(_Softmax):
    """``torch.nn.Softmax``."""


class LogSoftmax(_Softmax):
    """``torch.nn.LogSoftmax``."""

"""``nn.LPPool1d`` / ``2d`` / ``3d`` (``F.lp_pool1d`` ...): power-average pooling,
``(sum x^p)^(1/p)`` over each window; the output shape is average pooling's with no
padding (PyTorch computes it with ``avg_pool``).

>>> from convdims import torch
>>> from convdims.torch import nn
>>> nn.LPPool2d(2, 3, stride=2)(torch.empty(1, 3, 9, 9)).shape
torch.Size([1, 3, 4, 4])
"""

from __future__ import annotations

from convdims.description import Kind
from convdims.torch.nn.module import Module
from convdims.torch.nn.pooling import pool_shape
from convdims.torch.tensor import Tensor

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

__all__ = ["LPPool1d", "LPPool2d", "LPPool3d", "lp_pool1d", "lp_pool2d", "lp_pool3d"]


def _lp_pool(
    input: Tensor,  # noqa: A002
    dims: int,
    kernel_size: Any,
    stride: Any,
    ceil_mode: bool,
) -> Tensor:
    return pool_shape(input, dims, f"avg_pool{dims}d", kernel_size, stride, 0, 1, ceil_mode)


def lp_pool1d(
    input: Tensor,  # noqa: A002 - PyTorch's name
    norm_type: float,
    kernel_size: int,
    stride: Any = None,
    ceil_mode: bool = False,
) -> Tensor:
    """``F.lp_pool1d``: the shape of ``F.avg_pool1d`` without padding."""
    return _lp_pool(input, 1, kernel_size, stride, ceil_mode)


def lp_pool2d(
    input: Tensor,  # noqa: A002 - PyTorch's name
    norm_type: float,
    kernel_size: Any,
    stride: Any = None,
    ceil_mode: bool = False,
) -> Tensor:
    """``F.lp_pool2d``: the shape of ``F.avg_pool2d`` without padding."""
    return _lp_pool(input, 2, kernel_size, stride, ceil_mode)


def lp_pool3d(
    input: Tensor,  # noqa: A002 - PyTorch's name
    norm_type: float,
    kernel_size: Any,
    stride: Any = None,
    ceil_mode: bool = False,
) -> Tensor:
    """``F.lp_pool3d``: the shape of ``F.avg_pool3d`` without padding."""
    return _lp_pool(input, 3, kernel_size, stride, ceil_mode)


class _LPPoolNd(Module):
    _kind = Kind.POOL
    _dims = 2

    def __init__(
        self,
        norm_type: float,
        kernel_size: Any,
        stride: Any = None,
        ceil_mode: bool = False,
    ) -> None:
        super().__init__()
        self.norm_type = norm_type
        self.kernel_size = kernel_size
        self.stride = stride
        self.ceil_mode = ceil_mode

    def extra_repr(self) -> str:
        return (
            f"norm_type={self.norm_type}, kernel_size={self.kernel_size}, stride="
            f"{self.stride}, ceil_mode={self.ceil_mode}"
        )

    def forward(self, input: Tensor) -> Tensor:  # noqa: A002 - PyTorch's name
        return _lp_pool(input, self._dims, self.kernel_size, self.stride, self.ceil_mode)


class LPPool1d(_LPPoolNd):
    """``torch.nn.LPPool1d``."""

    _dims = 1


class LPPool2d(_LPPoolNd):
    """``torch.nn.LPPool2d``."""

    _dims = 2


class LPPool3d(_LPPoolNd):
    """``torch.nn.LPPool3d``."""

    _dims = 3

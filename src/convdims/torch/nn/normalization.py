"""Normalization layers: ``BatchNorm1d/2d/3d``, ``GroupNorm``, ``LayerNorm``.

PyTorch's BatchNorm has ``2*C`` parameters (weight and bias, when ``affine``); the
running mean and variance are buffers, not parameters, so torchinfo and ``parameters()``
do not count them (Keras counts them as non-trainable parameters: ``4*C`` in all).

>>> from convdims.torch import nn
>>> bn = nn.BatchNorm2d(64)
>>> sum(p.numel() for p in bn.parameters()), sum(b.numel() for b in bn.buffers())
(128, 129)
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Any

from convdims.description import Kind
from convdims.torch.dtypes import int64
from convdims.torch.errors import ShapeError
from convdims.torch.nn.module import Module, Parameter
from convdims.torch.tensor import Tensor


class _BatchNorm(Module):
    _kind = Kind.BATCH_NORM
    _ranks: tuple[int, ...] = ()

    def __init__(
        self,
        num_features: int,
        eps: float = 1e-5,
        momentum: float | None = 0.1,
        affine: bool = True,
        track_running_stats: bool = True,
        device: Any = None,
        dtype: Any = None,
        *,
        bias: bool = True,
    ) -> None:
        super().__init__()
        self.num_features = num_features
        self.eps = eps
        self.momentum = momentum
        self.affine = affine
        self.track_running_stats = track_running_stats
        if affine:
            self.weight = Parameter(Tensor((num_features,), dtype))
            if bias:
                self.bias = Parameter(Tensor((num_features,), dtype))
            else:
                self.register_parameter("bias", None)
        else:
            self.register_parameter("weight", None)
            self.register_parameter("bias", None)
        if track_running_stats:
            self.register_buffer("running_mean", Tensor((num_features,), dtype))
            self.register_buffer("running_var", Tensor((num_features,), dtype))
            self.register_buffer("num_batches_tracked", Tensor((), int64))
        else:
            self.register_buffer("running_mean", None)
            self.register_buffer("running_var", None)
            self.register_buffer("num_batches_tracked", None)

    def extra_repr(self) -> str:
        return (
            f"{self.num_features}, eps={self.eps}, momentum={self.momentum}, "
            f"affine={self.affine}, bias={self.bias is not None}, "
            f"track_running_stats={self.track_running_stats}"
        )

    def forward(self, input: Tensor) -> Tensor:  # noqa: A002 - PyTorch's name
        if input.ndim not in self._ranks:
            wanted = " or ".join(f"{r}D" for r in self._ranks)
            raise ValueError(f"expected {wanted} input (got {input.ndim}D input)")
        uses_batch_stats = self.training or (
            self.running_mean is None and self.running_var is None
        )
        if uses_batch_stats and input.shape[0] * math.prod(input.shape[2:]) == 1:
            raise ValueError(
                "Expected more than 1 value per channel when training, got input size "
                f"{input.shape}"
            )
        per_channel = [
            t for t in (self.running_mean, self.weight, self.bias) if t is not None
        ]
        if per_channel and input.shape[1] != self.num_features:
            raise ShapeError(
                f"running_mean should contain {input.shape[1]} elements not "
                f"{self.num_features} ({type(self).__name__}({self.num_features}) got an "
                f"input with {input.shape[1]} channels)"
            )
        return input


class BatchNorm1d(_BatchNorm):
    """``torch.nn.BatchNorm1d``: input ``(N, C)`` or ``(N, C, L)``."""

    _ranks = (2, 3)


class BatchNorm2d(_BatchNorm):
    """``torch.nn.BatchNorm2d``: input ``(N, C, H, W)``."""

    _ranks = (4,)


class BatchNorm3d(_BatchNorm):
    """``torch.nn.BatchNorm3d``: input ``(N, C, D, H, W)``."""

    _ranks = (5,)


class GroupNorm(Module):
    """``torch.nn.GroupNorm``: ``2*C`` parameters when ``affine``."""

    _kind = Kind.NORMALIZATION

    def __init__(
        self,
        num_groups: int,
        num_channels: int,
        eps: float = 1e-5,
        affine: bool = True,
        device: Any = None,
        dtype: Any = None,
        *,
        bias: bool = True,
    ) -> None:
        super().__init__()
        if num_channels % num_groups != 0:
            raise ValueError("num_channels must be divisible by num_groups")
        self.num_groups = num_groups
        self.num_channels = num_channels
        self.eps = eps
        self.affine = affine
        if affine:
            self.weight = Parameter(Tensor((num_channels,), dtype))
            if bias:
                self.bias = Parameter(Tensor((num_channels,), dtype))
            else:
                self.register_parameter("bias", None)
        else:
            self.register_parameter("weight", None)
            self.register_parameter("bias", None)

    def extra_repr(self) -> str:
        return (
            f"{self.num_groups}, {self.num_channels}, eps={self.eps}, "
            f"affine={self.affine}, bias={self.bias is not None}"
        )

    def forward(self, input: Tensor) -> Tensor:  # noqa: A002 - PyTorch's name
        if input.ndim < 2 or input.shape[1] != self.num_channels:
            raise ShapeError(
                f"Expected number of channels in input to be divisible by num_groups, but "
                f"got input of shape {list(input.shape)} and num_groups={self.num_groups}"
                if input.ndim >= 2 and input.shape[1] % self.num_groups
                else f"GroupNorm({self.num_groups}, {self.num_channels}) got an input of "
                f"shape {list(input.shape)}; it needs (N, {self.num_channels}, ...)"
            )
        return input


class LayerNorm(Module):
    """``torch.nn.LayerNorm``: normalizes the trailing ``normalized_shape`` axes."""

    _kind = Kind.NORMALIZATION

    def __init__(
        self,
        normalized_shape: int | Sequence[int],
        eps: float = 1e-5,
        elementwise_affine: bool = True,
        bias: bool = True,
        device: Any = None,
        dtype: Any = None,
    ) -> None:
        super().__init__()
        shape = (
            (normalized_shape,)
            if isinstance(normalized_shape, int)
            else tuple(normalized_shape)
        )
        self.normalized_shape = shape
        self.eps = eps
        self.elementwise_affine = elementwise_affine
        if elementwise_affine:
            self.weight = Parameter(Tensor(shape, dtype))
            if bias:
                self.bias = Parameter(Tensor(shape, dtype))
            else:
                self.register_parameter("bias", None)
        else:
            self.register_parameter("weight", None)
            self.register_parameter("bias", None)

    def extra_repr(self) -> str:
        return (
            f"{self.normalized_shape}, eps={self.eps}, "
            f"elementwise_affine={self.elementwise_affine}"
        )

    def forward(self, input: Tensor) -> Tensor:  # noqa: A002 - PyTorch's name
        n = len(self.normalized_shape)
        if tuple(input.shape[input.ndim - n :]) != self.normalized_shape or input.ndim < n:
            raise ShapeError(
                f"Given normalized_shape={list(self.normalized_shape)}, expected input "
                f"with shape [*, {', '.join(map(str, self.normalized_shape))}], but got "
                "input of "
                f"size{list(input.shape)}"
            )
        return input

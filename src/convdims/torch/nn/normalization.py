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
import numbers
from collections.abc import Sequence

from convdims.description import Kind
from convdims.errors import ArgumentError
from convdims.torch.dtypes import float32, int64
from convdims.torch.errors import ArgumentTypeError, DimensionError, ShapeError
from convdims.torch.nn._args import int_argument, nonnegative_size
from convdims.torch.nn._registry import _new_leaf
from convdims.torch.nn.module import Module, Parameter
from convdims.torch.tensor import Size, Tensor

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any


class _GroupsError(ArgumentError, ZeroDivisionError):
    """``GroupNorm(0, C)``: PyTorch's ``C % 0`` (a ZeroDivisionError, and a ValueError
    naming the argument)."""


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
        if type(num_features) is int and num_features >= 0:
            # The common case, stored as the checked path below stores it.
            kind = float32 if dtype is None else dtype
            features = (num_features,)
            if affine:
                params = {
                    "weight": Parameter._of(features, kind, True),
                    "bias": Parameter._of(features, kind, True) if bias else None,
                }
            else:
                params = {"weight": None, "bias": None}
            if track_running_stats:
                buffers = {
                    "running_mean": Tensor._of(features, kind),
                    "running_var": Tensor._of(features, kind),
                    "num_batches_tracked": Tensor._of((), int64),
                }
            else:
                buffers = {
                    "running_mean": None,
                    "running_var": None,
                    "num_batches_tracked": None,
                }
            values = {
                "num_features": num_features,
                "eps": eps,
                "momentum": momentum,
                "affine": affine,
                "track_running_stats": track_running_stats,
            }
            if _new_leaf(self, _BatchNorm, params, buffers, values):
                return
        super().__init__()
        layer = type(self).__name__
        stored = affine or track_running_stats
        num_features = int_argument("num_features", num_features, layer, stored)
        nonnegative_size("num_features", num_features, layer, (num_features,))
        self.__dict__.update(
            num_features=num_features,
            eps=eps,
            momentum=momentum,
            affine=affine,
            track_running_stats=track_running_stats,
        )
        if affine:
            self.weight = Parameter._new((num_features,), dtype)
            if bias:
                self.bias = Parameter._new((num_features,), dtype)
            else:
                self.register_parameter("bias", None)
        else:
            self.register_parameter("weight", None)
            self.register_parameter("bias", None)
        if track_running_stats:
            kind = float32 if dtype is None else dtype
            self.register_buffer("running_mean", Tensor._of((num_features,), kind))
            self.register_buffer("running_var", Tensor._of((num_features,), kind))
            self.register_buffer("num_batches_tracked", Tensor._of((), int64))
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
        # The common call, on what the checked path below reads: in eval mode with
        # running statistics, an input of the layer's rank and features.
        if (
            not self.training
            and isinstance(input, Tensor)
            and len(input._shape) in self._ranks
            and input._shape[1] == self.num_features != 0
            and self._buffers.get("running_mean") is not None
        ):
            return input
        return self._checked_forward(input)

    def _checked_forward(self, input: Tensor) -> Tensor:  # noqa: A002 - PyTorch's name
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
        if self.num_features == 0 and self.affine:
            raise DimensionError(
                f"{type(self).__name__}(0): select(): index 0 out of range for tensor of "
                "size [0] at dimension 0 (PyTorch builds a BatchNorm of 0 features and "
                "refuses it when it runs)",
                argument="num_features",
                value=0,
                valid="an int of at least 1",
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
        if not isinstance(num_groups, numbers.Real):
            raise ArgumentTypeError(
                f"GroupNorm: num_groups must be an int, got {num_groups!r} of type "
                f"{type(num_groups).__name__} (PyTorch's num_channels % num_groups "
                "raises TypeError)",
                argument="num_groups",
                value=num_groups,
                valid="an int",
            )
        num_channels = int_argument("num_channels", num_channels, "GroupNorm", affine)
        if num_groups == 0:
            raise _GroupsError(
                "GroupNorm: num_groups=0: integer modulo by zero (num_channels % "
                "num_groups; PyTorch raises ZeroDivisionError)",
                argument="num_groups",
                value=0,
                valid=f"a divisor of num_channels={num_channels}",
            )
        if num_channels % num_groups != 0:
            raise ArgumentError(
                f"num_channels must be divisible by num_groups (num_channels="
                f"{num_channels}, num_groups={num_groups})",
                argument="num_groups",
                value=num_groups,
                valid=f"a divisor of num_channels={num_channels}",
            )
        if affine:
            nonnegative_size("num_channels", num_channels, "GroupNorm", (num_channels,))
        self.__dict__.update(
            num_groups=num_groups, num_channels=num_channels, eps=eps, affine=affine
        )
        if affine:
            self.weight = Parameter._new((num_channels,), dtype)
            if bias:
                self.bias = Parameter._new((num_channels,), dtype)
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
        if not isinstance(self.num_groups, int) or isinstance(self.num_groups, bool):
            raise ArgumentTypeError(
                f"group_norm(): argument 'num_groups' must be int, not "
                f"{type(self.num_groups).__name__}",
                argument="num_groups",
                value=self.num_groups,
                valid="an int",
            )
        if self.num_groups < 0:
            raise ShapeError(
                f"Expected num groups to be greater than 0, got {self.num_groups}",
                argument="num_groups",
                value=self.num_groups,
                valid="an int of at least 1",
            )
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
        if isinstance(normalized_shape, int):
            shape: tuple[Any, ...] = (normalized_shape,)
        elif isinstance(normalized_shape, (tuple, list, Size)):
            shape = tuple(normalized_shape)
        else:
            raise ArgumentTypeError(
                f"LayerNorm: normalized_shape must be an int or a sequence of ints, got "
                f"{normalized_shape!r} of type {type(normalized_shape).__name__}",
                argument="normalized_shape",
                value=normalized_shape,
                valid="an int or a sequence of ints",
            )
        if elementwise_affine:
            for index, size in enumerate(shape):
                checked = int_argument("normalized_shape", size, "LayerNorm", index == 0)
                nonnegative_size("normalized_shape", checked, "LayerNorm", shape)
        self.__dict__.update(
            normalized_shape=shape, eps=eps, elementwise_affine=elementwise_affine
        )
        if elementwise_affine:
            self.weight = Parameter._new(shape, dtype)
            if bias:
                self.bias = Parameter._new(shape, dtype)
            else:
                self.register_parameter("bias", None)
        else:
            self.register_parameter("weight", None)
            self.register_parameter("bias", None)

    def extra_repr(self) -> str:
        return (
            f"{self.normalized_shape}, eps={self.eps}, "
            f"elementwise_affine={self.elementwise_affine}, bias={self.bias is not None}"
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


class _InstanceNorm(_BatchNorm):
    """The instance norms: BatchNorm's state, normalizing each sample alone.

    ``affine`` and ``track_running_stats`` default to False, so a default instance norm
    has no parameters and no buffers. It takes an input with or without the batch axis.
    """

    _kind = Kind.NORMALIZATION

    def __init__(
        self,
        num_features: int,
        eps: float = 1e-5,
        momentum: float = 0.1,
        affine: bool = False,
        track_running_stats: bool = False,
        device: Any = None,
        dtype: Any = None,
        *,
        bias: bool = True,
    ) -> None:
        super().__init__(
            num_features,
            eps,
            momentum,
            affine,
            track_running_stats,
            device,
            dtype,
            bias=bias,
        )

    def forward(self, input: Tensor) -> Tensor:  # noqa: A002 - PyTorch's name
        batched = self._ranks[-1]
        if input.ndim not in (batched - 1, batched):
            raise ValueError(
                f"expected {batched - 1}D or {batched}D input (got {input.ndim}D input)"
            )
        channel_axis = 1 if input.ndim == batched else 0
        channels = input.shape[channel_axis]
        if channels != self.num_features and self.affine:
            raise ValueError(
                f"expected input's size at dim={channel_axis} to match num_features "
                f"({self.num_features}), but got: {channels}."
            )
        if math.prod(input.shape[channel_axis + 1 :]) <= 1 and (
            self.training or not self.track_running_stats
        ):
            raise ValueError(
                "Expected more than 1 spatial element when training, got input size "
                f"{input.shape}"
            )
        return input


class InstanceNorm1d(_InstanceNorm):
    """``torch.nn.InstanceNorm1d``: input ``(N, C, L)`` or ``(C, L)``."""

    _ranks = (3,)


class InstanceNorm2d(_InstanceNorm):
    """``torch.nn.InstanceNorm2d``: input ``(N, C, H, W)`` or ``(C, H, W)``."""

    _ranks = (4,)


class InstanceNorm3d(_InstanceNorm):
    """``torch.nn.InstanceNorm3d``: input ``(N, C, D, H, W)`` or ``(C, D, H, W)``."""

    _ranks = (5,)


class LocalResponseNorm(Module):
    """``torch.nn.LocalResponseNorm``: normalizes over ``size`` neighbouring channels
    (AlexNet's and GoogLeNet's original form); no parameters, the input's shape."""

    _kind = Kind.NORMALIZATION

    def __init__(
        self, size: int, alpha: float = 1e-4, beta: float = 0.75, k: float = 1.0
    ) -> None:
        super().__init__()
        self.size = size
        self.alpha = alpha
        self.beta = beta
        self.k = k

    def extra_repr(self) -> str:
        return f"{self.size}, alpha={self.alpha}, beta={self.beta}, k={self.k}"

    def forward(self, input: Tensor) -> Tensor:  # noqa: A002 - PyTorch's name
        if input.ndim < 3:
            raise ValueError(
                f"Expected 3D or higher dimensionality input (got {input.ndim} dimensions)"
            )
        return input

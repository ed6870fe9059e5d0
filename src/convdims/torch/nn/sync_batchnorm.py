"""``nn.SyncBatchNorm``: BatchNorm whose statistics are shared across processes in
distributed training; on one process (always, here) it is BatchNorm over an input of
2 or more dimensions. ``SyncBatchNorm.convert_sync_batchnorm(model)`` replaces every
BatchNorm of a model with one, sharing its parameters, as PyTorch does.

>>> from convdims.torch import nn
>>> model = nn.Sequential(nn.Conv2d(3, 8, 3), nn.BatchNorm2d(8))
>>> nn.SyncBatchNorm.convert_sync_batchnorm(model)[1]
SyncBatchNorm(8, eps=1e-05, momentum=0.1, affine=True, bias=True, track_running_stats=True)
"""

from __future__ import annotations

from convdims.torch.nn.module import Module
from convdims.torch.nn.normalization import _BatchNorm, _InstanceNorm
from convdims.torch.tensor import Tensor

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

__all__ = ["SyncBatchNorm"]


class SyncBatchNorm(_BatchNorm):
    """``torch.nn.SyncBatchNorm``."""

    #: Any input of 2 or more dimensions (PyTorch's ``_check_input_dim``).
    _ranks = tuple(range(2, 65))

    def __init__(
        self,
        num_features: int,
        eps: float = 1e-05,
        momentum: float | None = 0.1,
        affine: bool = True,
        track_running_stats: bool = True,
        process_group: Any | None = None,
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
        self.process_group = process_group

    def forward(self, input: Tensor) -> Tensor:  # noqa: A002 - PyTorch's name
        if input.ndim < 2:
            raise ValueError(f"expected at least 2D input (got {input.ndim}D input)")
        if input.shape[1] == 0:
            raise ValueError("SyncBatchNorm number of input channels should be non-zero")
        if input.shape[1] != self.num_features and (self.affine or self.running_mean):
            from convdims.torch.errors import ShapeError

            raise ShapeError(
                f"running_mean should contain {input.shape[1]} elements not "
                f"{self.num_features}",
                value=tuple(input.shape),
                valid=f"an input of {self.num_features} channels (axis 1)",
            )
        return super().forward(input)

    @classmethod
    def convert_sync_batchnorm(cls, module: Module, process_group: Any = None) -> Module:
        """The model with every ``BatchNorm*d`` replaced by a ``SyncBatchNorm`` of the
        same settings, sharing its parameters and buffers."""
        output = module
        if isinstance(module, _BatchNorm) and not isinstance(module, _InstanceNorm):
            output = SyncBatchNorm(
                module.num_features,
                module.eps,
                module.momentum,
                module.affine,
                module.track_running_stats,
                process_group,
                bias=module.bias is not None,
            )
            if module.affine:
                output.weight = module.weight
                output.bias = module.bias
            output.running_mean = module.running_mean
            output.running_var = module.running_var
            output.num_batches_tracked = module.num_batches_tracked
            output.training = module.training
            if hasattr(module, "qconfig"):
                output.qconfig = module.qconfig
        for name, child in module.named_children():
            output.add_module(name, cls.convert_sync_batchnorm(child, process_group))
        return output

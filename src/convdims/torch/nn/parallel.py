"""``torch.nn.parallel`` for shapes: with no GPU, ``DataParallel`` runs its module as it
is (as PyTorch does on a CPU machine); ``DistributedDataParallel`` needs a process group,
which there is none of here.

>>> from convdims import torch
>>> from convdims.torch import nn
>>> model = nn.DataParallel(nn.Linear(4, 2))
>>> model.device_ids, tuple(model(torch.zeros(3, 4)).shape)
([], (3, 2))
"""

from __future__ import annotations

from convdims.torch.nn.module import Module

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any


class DataParallel(Module):
    """``torch.nn.DataParallel``: the module, run whole (no GPU to split it over)."""

    def __init__(
        self,
        module: Module,
        device_ids: Any = None,
        output_device: Any = None,
        dim: int = 0,
    ) -> None:
        super().__init__()
        self.module = module
        self.device_ids: list[Any] = []
        self.output_device = output_device
        self.dim = dim

    def forward(self, *inputs: Any, **kwargs: Any) -> Any:
        return self.module(*inputs, **kwargs)


class DistributedDataParallel(Module):
    """``torch.nn.parallel.DistributedDataParallel``: refused as PyTorch refuses it
    without ``torch.distributed.init_process_group``."""

    def __init__(self, module: Module, *args: Any, **kwargs: Any) -> None:
        raise ValueError(
            "Default process group has not been initialized, please make sure to call "
            "init_process_group."
        )


def data_parallel(
    module: Module,
    inputs: Any,
    device_ids: Any = None,
    output_device: Any = None,
    dim: int = 0,
    module_kwargs: Any = None,
) -> Any:
    """``torch.nn.parallel.data_parallel``: the module on the inputs, whole."""
    inputs = inputs if isinstance(inputs, tuple) else (inputs,)
    return module(*inputs, **(module_kwargs or {}))


__all__ = ["DataParallel", "DistributedDataParallel", "data_parallel"]

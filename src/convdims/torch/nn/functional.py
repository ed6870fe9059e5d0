"""``torch.nn.functional`` for shapes: pooling, activations, dropout, flatten.

Functional calls are not modules, so a summary does not list them (as in torchinfo).

>>> from convdims.torch import empty
>>> from convdims.torch.nn import functional as F
>>> F.max_pool2d(F.relu(empty(1, 8, 11, 11)), 2, ceil_mode=True).shape
torch.Size([1, 8, 6, 6])
>>> F.adaptive_avg_pool2d(empty(1, 8, 11, 11), 1).shape
torch.Size([1, 8, 1, 1])
"""

from __future__ import annotations

from typing import Any

from convdims.torch.nn.pooling import adaptive_shape, pool_shape
from convdims.torch.tensor import Tensor, flatten

__all__ = [
    "adaptive_avg_pool1d",
    "adaptive_avg_pool2d",
    "adaptive_avg_pool3d",
    "adaptive_max_pool1d",
    "adaptive_max_pool2d",
    "adaptive_max_pool3d",
    "avg_pool1d",
    "avg_pool2d",
    "avg_pool3d",
    "dropout",
    "dropout1d",
    "dropout2d",
    "dropout3d",
    "elu",
    "flatten",
    "gelu",
    "hardsigmoid",
    "hardswish",
    "leaky_relu",
    "log_softmax",
    "max_pool1d",
    "max_pool2d",
    "max_pool3d",
    "relu",
    "relu_",
    "relu6",
    "sigmoid",
    "silu",
    "softmax",
    "tanh",
]


def _same(input: Tensor, *args: Any, **kwargs: Any) -> Tensor:  # noqa: A002
    return input


relu = relu_ = relu6 = leaky_relu = elu = gelu = silu = hardswish = hardsigmoid = _same
sigmoid = tanh = softmax = log_softmax = _same
dropout = dropout1d = dropout2d = dropout3d = _same


def _max_pool(dims: int):  # type: ignore[no-untyped-def]
    def max_pool(
        input: Tensor,  # noqa: A002
        kernel_size: Any,
        stride: Any | None = None,
        padding: Any = 0,
        dilation: Any = 1,
        ceil_mode: bool = False,
        return_indices: bool = False,
    ) -> Any:
        output = pool_shape(
            input,
            dims,
            f"max_pool{dims}d",
            kernel_size,
            stride,
            padding,
            dilation,
            ceil_mode,
        )
        return (output, output) if return_indices else output

    max_pool.__name__ = f"max_pool{dims}d"
    max_pool.__doc__ = (
        f"``F.max_pool{dims}d``: the pooled shape (stride defaults to the kernel)."
    )
    return max_pool


def _avg_pool(dims: int):  # type: ignore[no-untyped-def]
    def avg_pool(
        input: Tensor,  # noqa: A002
        kernel_size: Any,
        stride: Any | None = None,
        padding: Any = 0,
        ceil_mode: bool = False,
        count_include_pad: bool = True,
        divisor_override: int | None = None,
    ) -> Tensor:
        return pool_shape(
            input, dims, f"avg_pool{dims}d", kernel_size, stride, padding, 1, ceil_mode
        )

    avg_pool.__name__ = f"avg_pool{dims}d"
    avg_pool.__doc__ = (
        f"``F.avg_pool{dims}d``: the pooled shape (stride defaults to the kernel)."
    )
    return avg_pool


def _adaptive(kind: str, dims: int):  # type: ignore[no-untyped-def]
    def adaptive(input: Tensor, output_size: Any, return_indices: bool = False) -> Any:  # noqa: A002
        output = adaptive_shape(input, dims, f"adaptive_{kind}_pool{dims}d", output_size)
        return (output, output) if return_indices else output

    adaptive.__name__ = f"adaptive_{kind}_pool{dims}d"
    adaptive.__doc__ = f"``F.adaptive_{kind}_pool{dims}d``: the shape is ``output_size``."
    return adaptive


max_pool1d, max_pool2d, max_pool3d = (_max_pool(d) for d in (1, 2, 3))
avg_pool1d, avg_pool2d, avg_pool3d = (_avg_pool(d) for d in (1, 2, 3))
adaptive_avg_pool1d, adaptive_avg_pool2d, adaptive_avg_pool3d = (
    _adaptive("avg", d) for d in (1, 2, 3)
)
adaptive_max_pool1d, adaptive_max_pool2d, adaptive_max_pool3d = (
    _adaptive("max", d) for d in (1, 2, 3)
)

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

from convdims.torch.nn.pooling import adaptive_shape, pool_shape
from convdims.torch.tensor import Tensor, flatten, normalize_dim

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

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


def _check_p(p: float) -> None:
    if p < 0.0 or p > 1.0:
        raise ValueError(f"dropout probability has to be between 0 and 1, but got {p}")


# Elementwise: the output has the input's shape. Each has PyTorch's signature.


def relu(input: Tensor, inplace: bool = False) -> Tensor:  # noqa: A002
    """``F.relu``: the input's shape."""
    return input


def relu6(input: Tensor, inplace: bool = False) -> Tensor:  # noqa: A002
    """``F.relu6``: the input's shape."""
    return input


def silu(input: Tensor, inplace: bool = False) -> Tensor:  # noqa: A002
    """``F.silu``: the input's shape."""
    return input


def hardswish(input: Tensor, inplace: bool = False) -> Tensor:  # noqa: A002
    """``F.hardswish``: the input's shape."""
    return input


def hardsigmoid(input: Tensor, inplace: bool = False) -> Tensor:  # noqa: A002
    """``F.hardsigmoid``: the input's shape."""
    return input


def leaky_relu(
    input: Tensor,  # noqa: A002
    negative_slope: float = 0.01,
    inplace: bool = False,
) -> Tensor:
    """``F.leaky_relu``: the input's shape."""
    return input


def elu(input: Tensor, alpha: float = 1.0, inplace: bool = False) -> Tensor:  # noqa: A002
    """``F.elu``: the input's shape."""
    return input


def gelu(input: Tensor, approximate: str = "none") -> Tensor:  # noqa: A002
    """``F.gelu``: the input's shape."""
    return input


def sigmoid(input):  # type: ignore[no-untyped-def]  # noqa: A002, ANN001, ANN201
    """``F.sigmoid``: the input's shape."""
    return input


def tanh(input):  # type: ignore[no-untyped-def]  # noqa: A002, ANN001, ANN201
    """``F.tanh``: the input's shape."""
    return input


def softmax(
    input: Tensor,  # noqa: A002
    dim: int | None = None,
    _stacklevel: int = 3,
    dtype: Any = None,
) -> Tensor:
    """``F.softmax``: the input's shape (``dim`` must be one of its axes)."""
    if dim is not None:
        normalize_dim(dim, input.ndim)
    return input


def log_softmax(
    input: Tensor,  # noqa: A002
    dim: int | None = None,
    _stacklevel: int = 3,
    dtype: Any = None,
) -> Tensor:
    """``F.log_softmax``: the input's shape (``dim`` must be one of its axes)."""
    if dim is not None:
        normalize_dim(dim, input.ndim)
    return input


def dropout(
    input: Tensor,  # noqa: A002
    p: float = 0.5,
    training: bool = True,
    inplace: bool = False,
) -> Tensor:
    """``F.dropout``: the input's shape; ``p`` must lie in ``[0, 1]``."""
    _check_p(p)
    return input


def dropout2d(
    input: Tensor,  # noqa: A002
    p: float = 0.5,
    training: bool = True,
    inplace: bool = False,
) -> Tensor:
    """``F.dropout2d``: the input's shape; ``p`` must lie in ``[0, 1]``."""
    _check_p(p)
    return input


relu_ = relu
dropout1d = dropout3d = dropout2d


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
            input,
            dims,
            f"avg_pool{dims}d",
            kernel_size,
            stride,
            padding,
            1,
            ceil_mode,
            count_include_pad,
            divisor_override if dims > 1 else None,
        )

    avg_pool.__name__ = f"avg_pool{dims}d"
    avg_pool.__doc__ = (
        f"``F.avg_pool{dims}d``: the pooled shape (stride defaults to the kernel)."
    )
    return avg_pool


def _adaptive(kind: str, dims: int):  # type: ignore[no-untyped-def]
    name = f"adaptive_{kind}_pool{dims}d"

    def adaptive_max(
        input: Tensor,  # noqa: A002
        output_size: Any,
        return_indices: bool = False,
    ) -> Any:
        output = adaptive_shape(input, dims, name, output_size)
        return (output, output) if return_indices else output

    def adaptive_avg(input: Tensor, output_size: Any) -> Any:  # noqa: A002
        return adaptive_shape(input, dims, name, output_size)

    adaptive = adaptive_max if kind == "max" else adaptive_avg
    adaptive.__name__ = name
    adaptive.__doc__ = f"``F.{name}``: the shape is ``output_size``."
    return adaptive


max_pool1d, max_pool2d, max_pool3d = (_max_pool(d) for d in (1, 2, 3))
avg_pool1d, avg_pool2d, avg_pool3d = (_avg_pool(d) for d in (1, 2, 3))
adaptive_avg_pool1d, adaptive_avg_pool2d, adaptive_avg_pool3d = (
    _adaptive("avg", d) for d in (1, 2, 3)
)
adaptive_max_pool1d, adaptive_max_pool2d, adaptive_max_pool3d = (
    _adaptive("max", d) for d in (1, 2, 3)
)

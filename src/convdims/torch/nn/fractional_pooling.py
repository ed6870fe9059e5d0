"""``nn.FractionalMaxPool2d`` / ``3d`` (``F.fractional_max_pool2d`` ...): max pooling
to an ``output_size`` given, or to ``floor(size * output_ratio)``, over windows of
``kernel_size`` at pseudo-random positions; the window must fit:
``output + kernel - 1 <= input`` on each axis.

>>> from convdims import torch
>>> from convdims.torch import nn
>>> nn.FractionalMaxPool2d(3, output_ratio=(0.5, 0.7))(torch.empty(1, 3, 10, 11)).shape
torch.Size([1, 3, 5, 7])
"""

from __future__ import annotations

from convdims.description import Kind
from convdims.torch._sizes import normalize_dim
from convdims.torch.dtypes import int64
from convdims.torch.errors import ShapeError
from convdims.torch.nn.module import Module
from convdims.torch.tensor import Tensor

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

__all__ = [
    "FractionalMaxPool2d",
    "FractionalMaxPool3d",
    "fractional_max_pool2d",
    "fractional_max_pool2d_with_indices",
    "fractional_max_pool3d",
    "fractional_max_pool3d_with_indices",
]

_AXES = {2: ("height", "width"), 3: ("time", "height", "width")}


def _ntuple(value: Any, n: int) -> tuple[Any, ...]:
    return tuple(value) if isinstance(value, (tuple, list)) else (value,) * n


def _pool(
    input: Tensor,  # noqa: A002
    dims: int,
    kernel_size: Any,
    output_size: Any,
    output_ratio: Any,
    return_indices: bool,
) -> Any:
    name = f"fractional_max_pool{dims}d"
    if output_size is None and output_ratio is None:
        raise ValueError(
            f"{name} requires specifying either an output_size or an output_ratio"
        )
    normalize_dim(-dims - 1, input.ndim)  # PyTorch reads the channels axis first
    kernel = _ntuple(kernel_size, dims)
    if output_size is None:
        ratio = _ntuple(output_ratio, dims)
        sizes = tuple(int(input.shape[d - dims] * ratio[d]) for d in range(dims))
    else:
        sizes = _ntuple(output_size, dims)
    if input.ndim not in (dims + 1, dims + 2):
        raise ShapeError(
            f"{name}(): Expected {dims + 1}D or {dims + 2}D tensor, but got: "
            f"{list(input.shape)}",
            value=tuple(input.shape),
            valid=f"a {dims + 1}-D or {dims + 2}-D tensor",
        )
    for d, axis in enumerate(_AXES[dims]):
        size = input.shape[d - dims]
        if sizes[d] + kernel[d] - 1 > size:
            kernel_op = f"{name}_out" if dims == 3 else name
            raise ShapeError(
                f"{kernel_op}(): pool {axis} {kernel[d]} too large relative to input "
                f"{axis} {size}",
                argument="kernel_size",
                value=kernel_size,
                valid=f"windows that fit: output + kernel - 1 <= {size}",
            )
    output = input._like((*input.shape[:-dims], *sizes))
    if return_indices:
        return output, output._plain(tuple(output.shape), int64)
    return output


def _functional(dims: int, with_indices: bool) -> Any:
    def fractional_max_pool(
        input: Tensor,  # noqa: A002 - PyTorch's name
        kernel_size: Any,
        output_size: Any = None,
        output_ratio: Any = None,
        return_indices: bool = False,
        _random_samples: Tensor | None = None,
    ) -> Any:
        return _pool(
            input,
            dims,
            kernel_size,
            output_size,
            output_ratio,
            return_indices or with_indices,
        )

    name = f"fractional_max_pool{dims}d" + ("_with_indices" if with_indices else "")
    fractional_max_pool.__name__ = fractional_max_pool.__qualname__ = name
    fractional_max_pool.__doc__ = (
        f"``F.{name}``: the pooled shape, ``output_size`` or "
        "``floor(size * output_ratio)`` per axis."
    )
    return fractional_max_pool


fractional_max_pool2d = _functional(2, False)
fractional_max_pool2d_with_indices = _functional(2, True)
fractional_max_pool3d = _functional(3, False)
fractional_max_pool3d_with_indices = _functional(3, True)


class _FractionalMaxPoolNd(Module):
    _kind = Kind.POOL
    _dims = 2

    def __init__(
        self,
        kernel_size: Any,
        output_size: Any = None,
        output_ratio: Any = None,
        return_indices: bool = False,
        _random_samples: Any = None,
    ) -> None:
        super().__init__()
        dims = self._dims
        name = type(self).__name__
        self.kernel_size = _ntuple(kernel_size, dims)
        self.return_indices = return_indices
        self.register_buffer("_random_samples", _random_samples)
        self.output_size = _ntuple(output_size, dims) if output_size is not None else None
        self.output_ratio = (
            _ntuple(output_ratio, dims) if output_ratio is not None else None
        )
        if output_size is None and output_ratio is None:
            raise ValueError(
                f"{name} requires specifying either an output size, or a pooling ratio"
            )
        if output_size is not None and output_ratio is not None:
            raise ValueError("only one of output_size and output_ratio may be specified")
        if self.output_ratio is not None and not all(0 < r < 1 for r in self.output_ratio):
            raise ValueError(f"output_ratio must be between 0 and 1 (got {output_ratio})")

    def forward(self, input: Tensor) -> Any:  # noqa: A002 - PyTorch's name
        return _pool(
            input,
            self._dims,
            self.kernel_size,
            self.output_size,
            self.output_ratio,
            self.return_indices,
        )


class FractionalMaxPool2d(_FractionalMaxPoolNd):
    """``torch.nn.FractionalMaxPool2d``."""

    _dims = 2


class FractionalMaxPool3d(_FractionalMaxPoolNd):
    """``torch.nn.FractionalMaxPool3d``."""

    _dims = 3

"""``nn.MaxUnpool1d`` / ``2d`` / ``3d`` (``F.max_unpool1d`` ...): the partial inverse
of max pooling, given the pooled values and their indices (``return_indices=True``).

Each spatial axis becomes ``(size - 1) * stride - 2 * padding + kernel_size``, or the
``output_size`` given, which must lie strictly within ``stride`` of that size.

>>> from convdims import torch
>>> from convdims.torch import nn
>>> pool, unpool = nn.MaxPool2d(2, return_indices=True), nn.MaxUnpool2d(2)
>>> values, indices = pool(torch.empty(1, 3, 9, 9))
>>> unpool(values, indices).shape, unpool(values, indices, output_size=(9, 9)).shape
(torch.Size([1, 3, 8, 8]), torch.Size([1, 3, 9, 9]))
"""

from __future__ import annotations

from convdims.description import Kind
from convdims.torch.dtypes import int64
from convdims.torch.errors import ShapeError
from convdims.torch.nn.module import Module
from convdims.torch.tensor import Tensor

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

__all__ = [
    "MaxUnpool1d",
    "MaxUnpool2d",
    "MaxUnpool3d",
    "max_unpool1d",
    "max_unpool2d",
    "max_unpool3d",
]


def _ntuple(value: Any, n: int) -> tuple[Any, ...]:
    if isinstance(value, (tuple, list)):
        return tuple(value)
    return (value,) * n


def _unpool(
    input: Tensor,  # noqa: A002
    indices: Tensor,
    dims: int,
    kernel_size: Any,
    stride: Any,
    padding: Any,
    output_size: Any,
) -> Tensor:
    kernel = _ntuple(kernel_size, dims)
    steps = kernel if stride is None else _ntuple(stride, dims)
    pads = _ntuple(padding, dims)
    # PyTorch's 1-D unpooling is its 2-D one on an added axis of size 1.
    rank = 2 if dims == 1 else dims
    shape = tuple(input.shape) + ((1,) if dims == 1 else ())
    index_shape = tuple(indices.shape) + ((1,) if dims == 1 else ())
    if indices.dtype is not int64:
        name = {"float32": "Float", "float64": "Double"}.get(
            indices.dtype.name, indices.dtype.name
        )
        raise ShapeError(
            f"elements in indices should be type int64 but got: {name}",
            argument="indices",
            value=indices.dtype,
            valid="the int64 indices of max pooling",
        )
    if len(shape) not in (rank + 1, rank + 2):
        raise ShapeError(
            f"Input to max_unpooling{rank}d should be a {rank + 1}d or {rank + 2}d "
            f"Tensor, but got a tensor with {len(shape)} dimensions.",
            value=tuple(input.shape),
            valid=f"a {dims + 1}-D or {dims + 2}-D tensor",
        )
    if index_shape != shape:
        raise ShapeError(
            "Expected shape of indices to be same as that of the input tensor "
            f"({list(shape)}) but got indices tensor with shape: {list(index_shape)}",
            argument="indices",
            value=tuple(indices.shape),
            valid=f"the input's shape {list(input.shape)}",
        )
    spatial = tuple(input.shape[-dims:])
    default = [(spatial[d] - 1) * steps[d] + kernel[d] - 2 * pads[d] for d in range(dims)]
    if output_size is None:
        sizes = default
    else:
        wanted = list(output_size)
        if len(wanted) == dims + 2:
            wanted = wanted[2:]
        if len(wanted) != dims:
            raise ValueError(
                f"output_size should be a sequence containing {dims} or {dims + 2} "
                f"elements, but it has a length of '{len(wanted)}'"
            )
        for d in range(dims):
            low, high = default[d] - steps[d], default[d] + steps[d]
            if not low < wanted[d] < high:
                raise ValueError(
                    f'invalid output_size "{output_size}" (dim {d} must be between '
                    f"{low} and {high})"
                )
        sizes = wanted
    for d, size in enumerate(sizes):
        if size <= 0:
            raise ShapeError(
                f"max_unpooling{rank}d(): output_size must contain positive spatial "
                f"dimensions, but got output_size[{d}]={size}",
                argument="output_size",
                value=tuple(sizes),
                valid="positive sizes",
            )
    return input._like((*input.shape[:-dims], *sizes))


def _functional(dims: int) -> Any:
    def max_unpool(
        input: Tensor,  # noqa: A002 - PyTorch's name
        indices: Tensor,
        kernel_size: Any,
        stride: Any = None,
        padding: Any = 0,
        output_size: Any = None,
    ) -> Tensor:
        return _unpool(input, indices, dims, kernel_size, stride, padding, output_size)

    max_unpool.__name__ = max_unpool.__qualname__ = f"max_unpool{dims}d"
    max_unpool.__doc__ = (
        f"``F.max_unpool{dims}d``: each spatial axis becomes ``(size - 1) * stride - "
        f"2 * padding + kernel_size`` (or ``output_size``)."
    )
    return max_unpool


max_unpool1d, max_unpool2d, max_unpool3d = (_functional(d) for d in (1, 2, 3))


class _MaxUnpoolNd(Module):
    _kind = Kind.UPSAMPLING
    _dims = 2

    def __init__(self, kernel_size: Any, stride: Any = None, padding: Any = 0) -> None:
        super().__init__()
        dims = self._dims
        self.kernel_size = _ntuple(kernel_size, dims)
        self.stride = _ntuple(stride if stride is not None else kernel_size, dims)
        self.padding = _ntuple(padding, dims)

    def extra_repr(self) -> str:
        return (
            f"kernel_size={self.kernel_size}, stride={self.stride}, padding={self.padding}"
        )

    def forward(
        self,
        input: Tensor,  # noqa: A002 - PyTorch's name
        indices: Tensor,
        output_size: Any = None,
    ) -> Tensor:
        return _unpool(
            input,
            indices,
            self._dims,
            self.kernel_size,
            self.stride,
            self.padding,
            output_size,
        )


class MaxUnpool1d(_MaxUnpoolNd):
    """``torch.nn.MaxUnpool1d``."""

    _dims = 1


class MaxUnpool2d(_MaxUnpoolNd):
    """``torch.nn.MaxUnpool2d``."""

    _dims = 2


class MaxUnpool3d(_MaxUnpoolNd):
    """``torch.nn.MaxUnpool3d``."""

    _dims = 3

"""``torch.nn.functional``'s pooling: max, average and adaptive, with indices or not.

>>> from convdims.torch import empty
>>> max_pool2d(empty(1, 3, 11, 11), 2, ceil_mode=True).shape
torch.Size([1, 3, 6, 6])
"""

from __future__ import annotations

from convdims.torch.dtypes import int64
from convdims.torch.nn.pooling import adaptive_shape, pool_shape

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

    from convdims.torch.tensor import Tensor


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
        if return_indices:
            return output, output._plain(tuple(output.shape), int64)
        return output

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
        if return_indices:
            return output, output._plain(tuple(output.shape), int64)
        return output

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


def _max_pool_with_indices(dims: int) -> Any:
    pool = _max_pool(dims)

    def with_indices(
        input: Tensor,  # noqa: A002
        kernel_size: Any,
        stride: Any | None = None,
        padding: Any = 0,
        dilation: Any = 1,
        ceil_mode: bool = False,
        return_indices: bool = False,
    ) -> Any:
        return pool(input, kernel_size, stride, padding, dilation, ceil_mode, True)

    with_indices.__name__ = with_indices.__qualname__ = f"max_pool{dims}d_with_indices"
    with_indices.__doc__ = (
        f"``F.max_pool{dims}d_with_indices``: ``(output, indices)``, the indices int64 "
        "of the output's shape."
    )
    return with_indices


def _adaptive_max_pool_with_indices(dims: int) -> Any:
    pool = _adaptive("max", dims)

    def with_indices(
        input: Tensor,  # noqa: A002
        output_size: Any,
        return_indices: bool = False,
    ) -> Any:
        return pool(input, output_size, True)

    name = f"adaptive_max_pool{dims}d_with_indices"
    with_indices.__name__ = with_indices.__qualname__ = name
    with_indices.__doc__ = (
        f"``F.{name}``: ``(output, indices)``, the indices int64 of the output's shape."
    )
    return with_indices


max_pool1d_with_indices, max_pool2d_with_indices, max_pool3d_with_indices = (
    _max_pool_with_indices(d) for d in (1, 2, 3)
)
(
    adaptive_max_pool1d_with_indices,
    adaptive_max_pool2d_with_indices,
    adaptive_max_pool3d_with_indices,
) = (_adaptive_max_pool_with_indices(d) for d in (1, 2, 3))

"""``nn.Unfold`` and ``nn.Fold`` (``F.unfold``, ``F.fold``): sliding blocks of a 2-D
input laid out as columns, and back.

``Unfold`` turns ``(N, C, H, W)`` into ``(N, C * kh * kw, L)``, ``L`` the number of
block positions (each axis: ``floor((size + 2 p - d (k - 1) - 1) / s) + 1``, the
convolution's output size); ``Fold`` turns ``(N, C * kh * kw, L)`` into
``(N, C, *output_size)`` and requires ``L`` to be that count for ``output_size``.

>>> from convdims import torch
>>> from convdims.torch import nn
>>> nn.Unfold(kernel_size=3, padding=1)(torch.empty(2, 3, 8, 8)).shape
torch.Size([2, 27, 64])
>>> nn.Fold(output_size=(4, 5), kernel_size=2)(torch.empty(2, 12, 12)).shape
torch.Size([2, 3, 4, 5])
"""

from __future__ import annotations

import math

from convdims.description import Kind
from convdims.torch.errors import ShapeError
from convdims.torch.nn.module import Module
from convdims.torch.tensor import Tensor

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

__all__ = ["Fold", "Unfold", "fold", "unfold"]


def _pair(value: Any, name: str) -> tuple[int, int]:
    if isinstance(value, (tuple, list)):
        if len(value) != 2:
            raise ShapeError(
                f"It is expected {name} equals to 2, but got size {len(value)}",
                argument=name,
                value=value,
                valid="an int or a pair of ints",
            )
        return int(value[0]), int(value[1])
    return int(value), int(value)


def _check(kernel: Any, dilation: Any, padding: Any, stride: Any) -> tuple[Any, ...]:
    k, d = _pair(kernel, "kernel_size"), _pair(dilation, "dilation")
    p, s = _pair(padding, "padding"), _pair(stride, "stride")
    for name, (h, w), rule, ok in (
        ("kernel_size", k, "greater than zero", min(k) > 0),
        ("stride", s, "greater than zero", min(s) > 0),
        ("dilation", d, "greater than zero", min(d) > 0),
        ("padding", p, "non-negative", min(p) >= 0),
    ):
        if not ok:
            short = {"kernel_size": "kernel", "padding": "pad"}.get(name, name)
            raise ShapeError(
                f"{name} should be {rule}, but got {short}_height: {h} {short}_width: {w}",
                argument=name,
                value=(h, w),
                valid=f"ints {rule}",
            )
    return k, d, p, s


def _blocks(
    size: tuple[int, int],
    k: tuple[int, int],
    d: tuple[int, int],
    p: tuple[int, int],
    s: tuple[int, int],
) -> tuple[int, int]:
    return tuple(  # type: ignore[return-value]
        (size[i] + 2 * p[i] - d[i] * (k[i] - 1) - 1) // s[i] + 1 for i in range(2)
    )


def unfold(
    input: Tensor,  # noqa: A002 - PyTorch's name
    kernel_size: Any,
    dilation: Any = 1,
    padding: Any = 0,
    stride: Any = 1,
) -> Tensor:
    """``F.unfold``: ``(N, C, H, W)`` (or unbatched ``(C, H, W)``) to
    ``(N, C * kh * kw, L)``.

    >>> from convdims.torch import empty
    >>> unfold(empty(2, 3, 8, 8), 3).shape
    torch.Size([2, 27, 36])
    """
    k, d, p, s = _check(kernel_size, dilation, padding, stride)
    if input.ndim not in (3, 4):
        raise ShapeError(
            "Expected 3D or 4D (batch mode) tensor with possibly 0 batch size and other "
            f"non-zero dimensions for input, but got: {list(input.shape)}",
            value=tuple(input.shape),
            valid="a (N, C, H, W) or (C, H, W) tensor",
        )
    size = tuple(input.shape[-2:])
    blocks = _blocks(size, k, d, p, s)  # type: ignore[arg-type]
    if min(blocks) < 1:
        raise ShapeError(
            f"Given input with spatial size ({size[0]}, {size[1]}), kernel_size=({k[0]}, "
            f"{k[1]}), dilation=({d[0]}, {d[1]}), padding=({p[0]}, {p[1]}), calculated "
            f"shape of the array of sliding blocks as ({blocks[0]}, {blocks[1]}), but "
            "its components must be at least one.",
            argument="kernel_size",
            value=kernel_size,
            valid=f"a window that fits the padded input ({size[0]}, {size[1]})",
        )
    channels = input.shape[-3] * k[0] * k[1]
    return input._like((*input.shape[:-3], channels, blocks[0] * blocks[1]))


def fold(
    input: Tensor,  # noqa: A002 - PyTorch's name
    output_size: Any,
    kernel_size: Any,
    dilation: Any = 1,
    padding: Any = 0,
    stride: Any = 1,
) -> Tensor:
    """``F.fold``: ``(N, C * kh * kw, L)`` (or unbatched) to ``(N, C, *output_size)``.

    >>> from convdims.torch import empty
    >>> fold(empty(12, 12), (4, 5), 2).shape
    torch.Size([3, 4, 5])
    """
    out = _pair(output_size, "output_size")
    k, d, p, s = _check(kernel_size, dilation, padding, stride)
    if input.ndim not in (2, 3):
        raise ShapeError(
            "Expected 2D or 3D (batch mode) tensor for input with possibly 0 batch size "
            f"and non-zero dimensions for input, but got: {list(input.shape)}",
            value=tuple(input.shape),
            valid="a (N, C * kh * kw, L) or (C * kh * kw, L) tensor",
        )
    columns, count = input.shape[-2], input.shape[-1]
    area = k[0] * k[1]
    if columns % area:
        raise ShapeError(
            "Expected size of input's dimension 1 to be divisible by the product of "
            f"kernel_size, but got input.size(1)={columns} and kernel_size=({k[0]}, "
            f"{k[1]}).",
            argument="kernel_size",
            value=kernel_size,
            valid=f"a kernel whose area divides {columns}",
        )
    blocks = _blocks(out, k, d, p, s)
    if math.prod(blocks) != count or min(blocks) < 1:
        raise ShapeError(
            f"Given output_size=({out[0]}, {out[1]}), kernel_size=({k[0]}, {k[1]}), "
            f"dilation=({d[0]}, {d[1]}), padding=({p[0]}, {p[1]}), stride=({s[0]}, "
            f"{s[1]}), expected size of input's dimension 2 to match the calculated "
            f"number of sliding blocks {blocks[0]} * {blocks[1]} = "
            f"{blocks[0] * blocks[1]}, but got input.size(2)={count}.",
            argument="output_size",
            value=output_size,
            valid=f"an output_size whose blocks number {count}",
        )
    return input._like((*input.shape[:-2], columns // area, *out))


class Unfold(Module):
    """``torch.nn.Unfold``: ``F.unfold`` as a module (no parameters)."""

    _kind = Kind.RESHAPE

    def __init__(
        self, kernel_size: Any, dilation: Any = 1, padding: Any = 0, stride: Any = 1
    ) -> None:
        super().__init__()
        self.kernel_size = kernel_size
        self.dilation = dilation
        self.padding = padding
        self.stride = stride

    def extra_repr(self) -> str:
        return (
            f"kernel_size={self.kernel_size}, dilation={self.dilation}, padding="
            f"{self.padding}, stride={self.stride}"
        )

    def forward(self, input: Tensor) -> Tensor:  # noqa: A002 - PyTorch's name
        return unfold(input, self.kernel_size, self.dilation, self.padding, self.stride)


class Fold(Module):
    """``torch.nn.Fold``: ``F.fold`` as a module (no parameters)."""

    _kind = Kind.RESHAPE

    def __init__(
        self,
        output_size: Any,
        kernel_size: Any,
        dilation: Any = 1,
        padding: Any = 0,
        stride: Any = 1,
    ) -> None:
        super().__init__()
        self.output_size = output_size
        self.kernel_size = kernel_size
        self.dilation = dilation
        self.padding = padding
        self.stride = stride

    def extra_repr(self) -> str:
        return (
            f"output_size={self.output_size}, kernel_size={self.kernel_size}, "
            f"dilation={self.dilation}, padding={self.padding}, stride={self.stride}"
        )

    def forward(self, input: Tensor) -> Tensor:  # noqa: A002 - PyTorch's name
        return fold(
            input,
            self.output_size,
            self.kernel_size,
            self.dilation,
            self.padding,
            self.stride,
        )

"""``torch.nn.functional.pad``: the padded shape, with PyTorch's checks of ``pad``'s
length and of the modes' input ranks.

>>> from convdims.torch import empty
>>> pad(empty(1, 3, 8, 8), (1, 1, 2, 0)).shape
torch.Size([1, 3, 10, 10])
"""

from __future__ import annotations

import operator

from convdims.torch.tensor import Tensor

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any


#: For each length of ``pad`` a non-constant mode takes, the input ranks it takes.
_NON_CONSTANT_RANKS = {2: (2, 3), 4: (3, 4), 6: (4, 5)}


def _pad_amount(amount: Any) -> Any:
    """A one-value integer tensor counts as its int, as in PyTorch (``__index__``):
    milesial's U-Net pads by ``torch.tensor([diff]) // 2``."""
    if isinstance(amount, Tensor) and not isinstance(amount, bool):
        try:
            return operator.index(amount)
        except (TypeError, ValueError):
            return amount
    return amount


def pad(
    input: Tensor,  # noqa: A002
    pad: Any,
    mode: str = "constant",
    value: float | None = None,
) -> Tensor:
    """``F.pad``: ``pad = (left, right, top, bottom, ...)`` grows the last axis by
    ``left + right``, the one before by ``top + bottom``...; constant padding may be
    negative (it crops).

    >>> from convdims.torch import empty
    >>> pad(empty(1, 3, 4, 5), (1, 2)).shape, pad(empty(1, 3, 4, 5), (1, 1, 2, 2)).shape
    (torch.Size([1, 3, 4, 8]), torch.Size([1, 3, 8, 7]))
    """
    from convdims.torch.errors import ArgumentTypeError, ShapeError

    amounts = tuple(_pad_amount(amount) for amount in pad)
    for index, amount in enumerate(amounts):
        if not isinstance(amount, int):
            raise ArgumentTypeError(
                "pad(): argument 'pad' (position 2) must be tuple of ints, but found "
                f"element of type {type(amount).__name__} at pos {index}",
                argument="pad",
                value=pad,
                valid="a tuple of ints",
            )
    if len(amounts) % 2:
        raise ShapeError(
            "Padding length must be divisible by 2",
            argument="pad",
            value=pad,
            valid="pairs (before, after) per axis, from the last",
        )
    if len(amounts) // 2 > input.ndim:
        raise ShapeError(
            "Padding length should be less than or equal to two times the input "
            f"dimension but got padding length {len(amounts)} and input of dimension "
            f"{input.ndim}",
            argument="pad",
            value=pad,
            valid=f"at most {2 * input.ndim} numbers",
        )
    if mode != "constant":
        if mode not in ("reflect", "replicate", "circular"):
            raise NotImplementedError(f"Unrecognised padding mode {mode}")
        if input.ndim not in _NON_CONSTANT_RANKS.get(len(amounts), ()):
            raise NotImplementedError(
                f"Padding size {len(amounts)} is not supported for {input.ndim}D input "
                "tensor.\nSupported combinations for non-constant padding:\n"
                "  - 2D or 3D input: padding size = 2 (pads last dimension)\n"
                "  - 3D or 4D input: padding size = 4 (pads last 2 dimensions)\n"
                "  - 4D or 5D input: padding size = 6 (pads last 3 dimensions)"
            )
    shape = list(input.shape)
    for axis in range(len(amounts) // 2):
        before, after = amounts[2 * axis], amounts[2 * axis + 1]
        index = input.ndim - 1 - axis
        size = shape[index]
        if mode == "reflect" and (before >= size or after >= size):
            raise ShapeError(
                "Argument #4: Padding size should be less than the corresponding input "
                f"dimension, but got: padding ({before}, {after}) at dimension {index} of "
                f"input {list(input.shape)}",
                argument="pad",
                value=pad,
                valid=f"reflect padding below the {size} cells of dimension {index}",
            )
        grown = size + before + after
        if grown < 0:
            raise ShapeError(
                "narrow(): length must be non-negative.",
                argument="pad",
                value=pad,
                valid=f"cropping at most the {size} cells of dimension {index}",
            )
        shape[index] = grown
    return input._like(shape)

"""Padding layers: ``ZeroPad``, ``ConstantPad``, ``ReflectionPad``, ``ReplicationPad``.

A padding of ``(left, right, top, bottom, front, back)`` grows the last axis by
``left + right``, the one before by ``top + bottom``, and so on; an int pads every side.
Zero and constant padding may be negative (cropping).
"""

from __future__ import annotations

from convdims.description import Kind
from convdims.torch.errors import ArgumentTypeError, ShapeError
from convdims.torch.nn._args import Refusal, check_input
from convdims.torch.nn.module import Module
from convdims.torch.tensor import Tensor
from convdims.window import AxisWindow

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any


class _PadNd(Module):
    _kind = Kind.PADDING
    _dims = 2
    _mode = "constant"

    def __init__(self, padding: Any) -> None:
        super().__init__()
        sides = 2 * self._dims
        if isinstance(padding, (tuple, list)):
            if len(padding) != sides:
                raise ValueError(
                    f"padding must be an int or a tuple of {sides} ints "
                    f"(left, right, ...), got {tuple(padding)!r}"
                )
            amounts = tuple(padding)
        else:
            amounts = (padding,) * sides
        refusal = None
        for index, value in enumerate(amounts):
            # PyTorch's parser takes a bool as an int, except as the first item.
            if not isinstance(value, int) or (index == 0 and isinstance(value, bool)):
                # PyTorch keeps any padding and refuses it when it pads.
                refusal = Refusal(
                    ArgumentTypeError,
                    f"pad(): argument 'pad' must be tuple of ints, but found element of "
                    f"type {type(value).__name__} (padding={padding!r})",
                    "padding",
                    padding,
                    "ints",
                )
                break
        self.__dict__["_refusal"] = refusal
        if refusal is not None:
            self.__dict__["padding"] = amounts
            return
        amounts = tuple(int(value) for value in amounts)
        if self._mode != "constant" and min(amounts) < 0:
            name = type(self).__name__
            raise ValueError(f"{name} padding must be 0 or more, got {amounts}")
        self.padding = amounts

    def extra_repr(self) -> str:
        return f"{self.padding}"

    def _call_fields(self) -> dict[str, Any]:
        """The cells added (a padding) or removed (a cropping) on each side of each
        spatial axis; a mix of both is ``OTHER``."""
        dims = self._dims
        before = tuple(self.padding[2 * (dims - 1 - axis)] for axis in range(dims))
        after = tuple(self.padding[2 * (dims - 1 - axis) + 1] for axis in range(dims))
        if min(before + after) >= 0:
            kind, sign = Kind.PADDING, 1
        elif max(before + after) <= 0:
            kind, sign = Kind.CROPPING, -1
        else:
            return {"kind": Kind.OTHER}
        window = tuple(
            AxisWindow(1, 1, sign * b, sign * a) for b, a in zip(before, after, strict=True)
        )
        return {"kind": kind, "window": window}

    def forward(self, input: Tensor) -> Tensor:  # noqa: A002 - PyTorch's name
        if self._refusal is not None:
            self._refusal.raise_()
        op = f"{self._mode}_pad{self._dims}d"
        check_input(input, self._dims, op)
        shape = list(input.shape)
        for axis in range(self._dims):
            before, after = self.padding[2 * axis], self.padding[2 * axis + 1]
            index = len(shape) - 1 - axis
            size = shape[index]
            if self._mode == "reflect" and (before >= size or after >= size):
                raise ShapeError(
                    f"Argument #4: Padding size should be less than the corresponding "
                    f"input dimension, but got: padding ({before}, {after}) at dimension "
                    f"{index} of input {list(input.shape)}"
                )
            grown = size + before + after
            remaining = size
            for cut in (before, after):  # negative padding crops, one side after the other
                if cut < 0 and -cut > remaining:
                    raise ShapeError(
                        f"padding ({before}, {after}) crops more than the {size} cells of "
                        f"dimension {index} of input {list(input.shape)}"
                    )
                remaining += min(cut, 0)
            if grown < 1:
                raise ShapeError(
                    f"The input size {size}, plus padding {before} and {after}, leaves "
                    f"{grown} cells in dimension {index} of input {list(input.shape)}; "
                    f"the output would be empty"
                )
            shape[index] = grown
        return input._like(shape)


class _ConstantPadNd(_PadNd):
    def __init__(self, padding: Any, value: float) -> None:
        super().__init__(padding)
        self.value = value

    def extra_repr(self) -> str:
        return f"padding={self.padding}, value={self.value}"


class ZeroPad1d(_PadNd):
    """``torch.nn.ZeroPad1d``."""

    _dims = 1


class ZeroPad2d(_PadNd):
    """``torch.nn.ZeroPad2d``: ``(left, right, top, bottom)``.

    Examples:
        >>> from convdims.torch import empty, nn
        >>> nn.ZeroPad2d((2, 3, 2, 3))(empty(1, 3, 224, 224)).shape
        torch.Size([1, 3, 229, 229])
    """

    _dims = 2


class ZeroPad3d(_PadNd):
    """``torch.nn.ZeroPad3d``."""

    _dims = 3


class ConstantPad1d(_ConstantPadNd):
    """``torch.nn.ConstantPad1d``."""

    _dims = 1


class ConstantPad2d(_ConstantPadNd):
    """``torch.nn.ConstantPad2d``."""

    _dims = 2


class ConstantPad3d(_ConstantPadNd):
    """``torch.nn.ConstantPad3d``."""

    _dims = 3


class ReflectionPad1d(_PadNd):
    """``torch.nn.ReflectionPad1d``."""

    _dims = 1
    _mode = "reflect"


class ReflectionPad2d(_PadNd):
    """``torch.nn.ReflectionPad2d``."""

    _dims = 2
    _mode = "reflect"


class ReplicationPad1d(_PadNd):
    """``torch.nn.ReplicationPad1d``."""

    _dims = 1
    _mode = "replicate"


class ReplicationPad2d(_PadNd):
    """``torch.nn.ReplicationPad2d``."""

    _dims = 2
    _mode = "replicate"


class ReflectionPad3d(_PadNd):
    """``torch.nn.ReflectionPad3d``: ``(left, right, top, bottom, front, back)``."""

    _dims = 3
    _mode = "reflect"


class ReplicationPad3d(_PadNd):
    """``torch.nn.ReplicationPad3d``: ``(left, right, top, bottom, front, back)``."""

    _dims = 3
    _mode = "replicate"


class _CircularPadNd(_PadNd):
    """Circular padding wraps the input around: a side may take at most the whole
    axis (PyTorch's ``F.pad(mode="circular")``)."""

    _mode = "circular"

    def forward(self, input: Tensor) -> Tensor:  # noqa: A002 - PyTorch's name
        if self._refusal is None and isinstance(input, Tensor):
            check_input(input, self._dims, f"circular_pad{self._dims}d")
            for axis in range(self._dims):
                size = input.shape[input.ndim - 1 - axis]
                before, after = self.padding[2 * axis], self.padding[2 * axis + 1]
                if before > size or after > size:
                    raise ShapeError(
                        "Padding value causes wrapping around more than once.",
                        argument="padding",
                        value=self.padding,
                        valid=f"at most {size} cells on each side of dimension "
                        f"{input.ndim - 1 - axis}",
                    )
        return super().forward(input)


class CircularPad1d(_CircularPadNd):
    """``torch.nn.CircularPad1d``: ``(left, right)``, taken from the other end.

    >>> from convdims.torch import empty
    >>> CircularPad1d((1, 2))(empty(1, 3, 4)).shape
    torch.Size([1, 3, 7])
    """

    _dims = 1


class CircularPad2d(_CircularPadNd):
    """``torch.nn.CircularPad2d``: ``(left, right, top, bottom)``."""

    _dims = 2


class CircularPad3d(_CircularPadNd):
    """``torch.nn.CircularPad3d``: ``(left, right, top, bottom, front, back)``."""

    _dims = 3

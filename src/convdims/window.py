"""One layer's window along one axis: kernel, stride, dilation and the padding applied.

The value the rest of the library shares: the geometry of an axis
([`AxisGeometry`][convdims.AxisGeometry]) has one, receptive fields
([`convdims.receptive`][convdims.receptive]) are computed from a stack of them, and a layer
call of
[`convdims.description`][convdims.description] carries one per spatial axis.

>>> w = AxisWindow(3, stride=2, pad_before=1, pad_after=1, dilation=2)
>>> w.effective_kernel, effective_kernel(3, 2)
(5, 5)
"""

from __future__ import annotations

from convdims._checks import non_negative_int, positive_int, shown
from convdims._values import value


def effective_kernel(kernel_size: int, dilation: int = 1) -> int:
    """``K = d*(k - 1) + 1``: the cells one window spans, the holes of dilation included.

    The one place the library writes this formula; arguments are not checked here (the
    callers have checked them).

    Examples:
        >>> effective_kernel(3), effective_kernel(3, dilation=2), effective_kernel(1, 5)
        (3, 5, 1)
    """
    return dilation * (kernel_size - 1) + 1


@value
class AxisWindow:
    """A sliding window along one axis.

    Attributes:
        kernel_size: k, the taps of the window.
        stride: S, the step between windows.
        pad_before: cells of padding before the input (for a transposed convolution:
            of the convolution it is the transpose of).
        pad_after: cells of padding after the input.
        dilation: d, the step between taps.

    Examples:
        >>> AxisWindow.of((3, 2, 1))
        AxisWindow(kernel_size=3, stride=2, pad_before=1, pad_after=1, dilation=1)
        >>> AxisWindow.of(3).effective_kernel, AxisWindow(3, dilation=2).effective_kernel
        (3, 5)
    """

    kernel_size: int
    stride: int = 1
    pad_before: int = 0
    pad_after: int = 0
    dilation: int = 1

    def __post_init__(self) -> None:
        positive_int("kernel_size", self.kernel_size)
        positive_int("stride", self.stride)
        non_negative_int("pad_before", self.pad_before)
        non_negative_int("pad_after", self.pad_after)
        positive_int("dilation", self.dilation)

    @property
    def effective_kernel(self) -> int:
        """K = d*(k - 1) + 1."""
        return effective_kernel(self.kernel_size, self.dilation)

    @classmethod
    def of(cls, spec: object) -> AxisWindow:
        """Read a window given as an AxisWindow, a kernel size, or a tuple.

        The tuple is ``(kernel, stride, padding, dilation)``, trailing items optional;
        padding is an int (each side) or a ``(before, after)`` pair.

        Raises:
            TypeError: the spec is not one of these forms.
            ValueError: a value out of range, or more than 4 items.
        """
        from convdims.errors import ArgumentError, ArgumentTypeError

        if isinstance(spec, AxisWindow):
            return spec
        if isinstance(spec, (tuple, list)):
            if not 1 <= len(spec) <= 4:
                raise ArgumentError(
                    f"a layer must be (kernel, stride, padding, dilation) with 1 to 4 "
                    f"items, got {len(spec)} items: {shown(spec)}",
                    argument="layer",
                    value=spec,
                    valid="1 to 4 items: (kernel, stride, padding, dilation)",
                )
            kernel, stride, padding, dilation = (*spec, *(None, 1, 0, 1)[len(spec) :])
            if isinstance(padding, (tuple, list)):
                if len(padding) != 2:
                    raise ArgumentError(
                        f"padding={shown(padding)} must be an int or a (before, after) "
                        "pair",
                        argument="padding",
                        value=padding,
                        valid="an int or a (before, after) pair",
                    )
                before, after = padding
            else:
                before = after = padding
            return cls(kernel, stride, before, after, dilation)
        if isinstance(spec, bool) or not hasattr(spec, "__index__"):
            raise ArgumentTypeError(
                f"a layer must be a kernel size or a (kernel, stride, padding, dilation) "
                f"tuple, got {shown(spec)} of type {type(spec).__name__}",
                argument="layer",
                value=spec,
                valid="a kernel size or a (kernel, stride, padding, dilation) tuple",
            )
        return cls(spec)  # type: ignore[arg-type]

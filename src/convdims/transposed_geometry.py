"""The geometry of a transposed convolution along one axis, as plain data.

A transposed convolution with stride S is an ordinary stride-1 convolution over a
*stretched* input: S - 1 zeros inserted between neighbouring input cells, then implicit
padding on both sides. The layer's ``padding`` crops cells off the full output (it takes
implicit padding away) and ``output_padding`` adds cells after (it adds implicit padding
on the right). [`TransposedGeometry`][convdims.transposed_geometry.TransposedGeometry] holds
those numbers for renderers and tables.
"""

from __future__ import annotations

from convdims._checks import positive_int
from convdims._values import value
from convdims.padding import Padding, explicit_padding
from convdims.transposed import TRANSPOSE_PADDING_WORDS, conv_transpose_output_size
from convdims.window import effective_kernel


@value
class TransposedGeometry:
    """One axis of a transposed convolution, seen as a stride-1 convolution.

    Coordinates are on the stretched input: input cell ``i`` sits at ``i*stride``, so the
    stretched input occupies ``0 .. stretched_size - 1``; implicit padding before has
    negative coordinates, padding after starts at ``stretched_size``. A negative
    implicit padding means cells of the stretched input are cropped.

    Attributes:
        input_size: I.
        kernel_size: k.
        stride: S.
        dilation: d.
        crop_before: the layer's padding before: cells removed from the start of the
            full output ``(I - 1)*S + K``.
        crop_after: the same at the end.
        output_padding: cells added at the end of the output (resolved: never None).
        output_size: O, as
            [`conv_transpose_output_size`][convdims.conv_transpose_output_size] computes it.

    Examples:
        >>> g = transposed_geometry(3, 3, stride=2)
        >>> g.stretched_size, g.input_positions, (g.implicit_before, g.implicit_after)
        (5, (0, 2, 4), (2, 2))
        >>> g.output_size, g.window_starts
        (7, (-2, -1, 0, 1, 2, 3, 4))
    """

    input_size: int
    kernel_size: int
    stride: int
    dilation: int
    crop_before: int
    crop_after: int
    output_padding: int
    output_size: int

    @property
    def effective_kernel(self) -> int:
        """K = d*(k - 1) + 1."""
        return effective_kernel(self.kernel_size, self.dilation)

    @property
    def stretched_size(self) -> int:
        """(I - 1)*S + 1: the input with S - 1 zeros between neighbouring cells."""
        return (self.input_size - 1) * self.stride + 1

    @property
    def inserted_zeros(self) -> int:
        """(I - 1)*(S - 1) zeros inserted between input cells."""
        return (self.input_size - 1) * (self.stride - 1)

    @property
    def input_positions(self) -> tuple[int, ...]:
        """Where each input cell lands on the stretched axis: ``i*S``."""
        return tuple(i * self.stride for i in range(self.input_size))

    @property
    def implicit_before(self) -> int:
        """Zero cells added before the stretched input: ``K - 1 - crop_before``."""
        return self.effective_kernel - 1 - self.crop_before

    @property
    def implicit_after(self) -> int:
        """Zero cells added after: ``K - 1 - crop_after + output_padding``."""
        return self.effective_kernel - 1 - self.crop_after + self.output_padding

    @property
    def padded_size(self) -> int:
        """Stretched input plus implicit padding on both sides."""
        return self.implicit_before + self.stretched_size + self.implicit_after

    @property
    def window_starts(self) -> tuple[int, ...]:
        """Stretched-axis coordinate where each output cell's window starts (stride 1)."""
        return tuple(n - self.implicit_before for n in range(self.output_size))

    def taps(self, start: int) -> tuple[int, ...]:
        """Stretched-axis cells a window starting at ``start`` reads (every d-th cell)."""
        return tuple(start + j * self.dilation for j in range(self.kernel_size))


def _tf_split(
    kernel: int, step: int, effective: int, padding: str, extra: int | None
) -> tuple[int, int, int]:
    """TensorFlow/JAX's implicit padding (left, right) and the resolved output_padding."""
    if padding == "valid":
        resolved = max(effective, step) - effective if extra is None else extra
        return effective - 1, effective - 1 + resolved, resolved
    if extra is None:
        total = step + effective - 2
        resolved = max(step - effective, 0)
    else:
        total = effective + effective % 2 - 2 + extra
        resolved = extra
    left = min(total // 2 + total % 2, effective - 1)
    return left, total - left, resolved


def transposed_geometry(
    input_size: int,
    kernel_size: int,
    stride: int = 1,
    padding: Padding = 0,
    output_padding: int | None = None,
    dilation: int = 1,
) -> TransposedGeometry:
    """The full geometry of a transposed convolution along one axis.

    Same arguments and errors as
    [`conv_transpose_output_size`][convdims.conv_transpose_output_size]. An int or a
    ``(before, after)`` pair is PyTorch's padding (cells cropped off the full output);
    the Keras words ``"valid"`` and ``"same"`` follow TensorFlow's (and JAX's) split of
    the implicit padding. Keras on the PyTorch backend gives the same sizes but may
    align ``"same"`` one cell differently (Keras warns about it).

    Examples:
        >>> g = transposed_geometry(12, 3, 2, "same")
        >>> g.output_size, (g.crop_before, g.crop_after, g.output_padding)
        (24, (0, 1, 0))
        >>> g = transposed_geometry(12, 3, 2, 1, output_padding=1)
        >>> g.output_size, (g.implicit_before, g.implicit_after)
        (24, (1, 2))
    """
    output = conv_transpose_output_size(
        input_size, kernel_size, stride, padding, output_padding, dilation
    )
    size = positive_int("input_size", input_size)
    kernel = positive_int("kernel_size", kernel_size)
    step = positive_int("stride", stride)
    dil = positive_int("dilation", dilation)
    effective = effective_kernel(kernel, dil)
    if isinstance(padding, str):
        explicit_padding(padding, size, kernel, step, dil, words=TRANSPOSE_PADDING_WORDS)
        left, right, extra = _tf_split(kernel, step, effective, padding, output_padding)
        before = effective - 1 - left
        after = effective - 1 - right + extra
    else:
        before, after = explicit_padding(padding, size, kernel, step, dil)
        extra = output_padding or 0
    return TransposedGeometry(
        input_size=size,
        kernel_size=kernel,
        stride=step,
        dilation=dil,
        crop_before=before,
        crop_after=after,
        output_padding=extra,
        output_size=output,
    )


__all__ = [
    "TransposedGeometry",
    "transposed_geometry",
]

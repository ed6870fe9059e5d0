"""Resizing without a sliding kernel: adaptive pooling windows and upsampling sizes.

Adaptive pooling asks for an output size and lets the framework choose the windows:
output cell ``i`` of ``O`` pools the input cells from ``floor(i*I/O)`` up to, not
including, ``ceil((i+1)*I/O)``. The windows differ in width and overlap when ``O`` does
not divide ``I``. Upsampling (``nn.Upsample``, ``F.interpolate``, Keras's
``UpSampling*D``) takes a target size or a scale factor: PyTorch's output is
``floor(I * scale_factor)``; Keras repeats each cell an integer number of times.

Examples:
    >>> from convdims.resampling import adaptive_pool_windows, upsample_output_size
    >>> adaptive_pool_windows(10, 4)
    ((0, 3), (2, 5), (5, 8), (7, 10))
    >>> upsample_output_size(7, 1.5), upsample_output_size(7, size=5)
    (10, 5)
"""

from __future__ import annotations

import math
import numbers

from convdims._checks import positive_int

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

__all__ = ["adaptive_pool_output_size", "adaptive_pool_windows", "upsample_output_size"]


def adaptive_pool_windows(input_size: int, output_size: int) -> tuple[tuple[int, int], ...]:
    """The window of each output cell of an adaptive pooling layer along one axis.

    PyTorch's rule (``AdaptiveAvgPool*d``, ``AdaptiveMaxPool*d``): output cell ``i``
    pools the input cells ``start <= j < end`` with

    ``start = floor(i * I / O)`` and ``end = ceil((i + 1) * I / O)``.

    Neighbouring windows overlap by a cell where ``i * I / O`` is not an integer, and
    an output larger than the input repeats input cells.

    Args:
        input_size: I, the input's length along the axis.
        output_size: O, the size asked for.

    Returns:
        ``(start, end)`` for each of the O output cells, 0-based, end exclusive.

    Raises:
        TypeError: a size that is not an integer.
        ValueError: a size below 1.

    Examples:
        >>> adaptive_pool_windows(7, 3)
        ((0, 3), (2, 5), (4, 7))
        >>> adaptive_pool_windows(8, 4)  # O divides I: plain pooling with k = S = 2
        ((0, 2), (2, 4), (4, 6), (6, 8))
        >>> adaptive_pool_windows(3, 4)
        ((0, 1), (0, 2), (1, 3), (2, 3))
    """
    size = positive_int("input_size", input_size)
    out = positive_int("output_size", output_size)
    return tuple(((i * size) // out, -((-(i + 1) * size) // out)) for i in range(out))


def adaptive_pool_output_size(input_size: int, output_size: int | None) -> int:
    """O of adaptive pooling: the size asked for, or the input's with ``None``.

    Examples:
        >>> adaptive_pool_output_size(13, 7), adaptive_pool_output_size(13, None)
        (7, 13)
    """
    size = positive_int("input_size", input_size)
    if output_size is None:
        return size
    return positive_int("output_size", output_size)


def upsample_output_size(
    input_size: int, scale_factor: Any = None, *, size: int | None = None
) -> int:
    """Output size of upsampling along one axis, given a scale factor or a size.

    PyTorch's ``nn.Upsample`` and ``F.interpolate`` (every mode) take exactly one of
    ``size`` (the output, as given) and ``scale_factor``, for which

    ``O = floor(I * scale_factor)``

    in double precision, so a fractional factor rounds down and a factor below 1
    shrinks. Keras's ``UpSampling1D/2D/3D`` takes only integer factors: ``O = I * size``.

    Args:
        input_size: I.
        scale_factor: a positive number (int or float).
        size: the output size instead of a factor (keyword only).

    Returns:
        O, at least 1.

    Raises:
        TypeError: a size that is not an integer, or a factor that is not a number.
        ValueError: neither or both of ``scale_factor`` and ``size``, a factor that is
            not positive, or an output of 0 cells.

    Examples:
        >>> upsample_output_size(7, 2), upsample_output_size(7, 1.5)
        (14, 10)
        >>> upsample_output_size(10, 0.5), upsample_output_size(5, 0.3)
        (5, 1)
        >>> try:
        ...     upsample_output_size(3, 0.1)
        ... except ValueError as error:
        ...     print(str(error)[:53])
        scale_factor=0.1 on input_size=3 gives floor(3 * 0.1)
    """
    cells = positive_int("input_size", input_size)
    if (scale_factor is None) == (size is None):
        raise ValueError(
            "give exactly one of scale_factor and size "
            f"(got scale_factor={scale_factor!r}, size={size!r})"
        )
    if size is not None:
        return positive_int("size", size)
    if isinstance(scale_factor, bool) or not isinstance(scale_factor, numbers.Real):
        raise TypeError(
            "scale_factor must be a number, got "
            f"{scale_factor!r} of type {type(scale_factor).__name__}"
        )
    factor = float(scale_factor)
    if not factor > 0 or math.isinf(factor):
        raise ValueError(f"scale_factor must be a positive finite number, got {factor!r}")
    out = math.floor(cells * factor)
    if out < 1:
        raise ValueError(
            f"scale_factor={scale_factor!r} on input_size={cells} gives "
            f"floor({cells} * {scale_factor!r}) = {out} cells; the output must have at "
            f"least 1, so use a factor of at least 1/{cells} or give size"
        )
    return out

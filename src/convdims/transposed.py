"""Output size of a transposed convolution along one axis."""

from __future__ import annotations

from convdims._checks import non_negative_int, positive_int, shown
from convdims.errors import ArgumentError, ArgumentTypeError
from convdims.padding import Padding, explicit_padding
from convdims.window import effective_kernel

TRANSPOSE_PADDING_WORDS = ("valid", "same")

#: What a transposed convolution's explicit padding is the padding of: the forward
#: convolution's (cropped from the output) or the stride-dilated input's.
PADDING_OF = ("output", "input")


def conv_transpose_output_size(
    input_size: int,
    kernel_size: int,
    stride: int = 1,
    padding: Padding = 0,
    output_padding: int | None = None,
    dilation: int = 1,
    *,
    padding_of: str = "output",
    output_padding_bound: bool = True,
) -> int:
    """Output size of a transposed convolution along one axis.

    With ``K = d*(k - 1) + 1``:

    - int padding P (PyTorch): ``O = (I - 1)*S - 2P + K + output_padding``, where
      ``None`` counts as 0 and output_padding must be smaller than stride or dilation.
      A ``(before, after)`` pair subtracts ``before + after`` instead of ``2P``.
    - ``"valid"`` (Keras): ``O = I*S + max(K - S, 0)`` when output_padding is None,
      else ``(I - 1)*S + K + output_padding``.
    - ``"same"`` (Keras): ``O = I*S`` when output_padding is None, else
      ``(I - 1)*S + (K mod 2) + output_padding``. Keras requires output_padding < stride.

    - ``padding_of="input"``: an int or a ``(before, after)`` pair is not cropped from
      the output but added to the stride-dilated input (``(I - 1)*S + 1`` cells), which
      a stride-1 convolution then reads: ``O = (I - 1)*S + 1 + P_b + P_a - K + 1``
      (XLA's and ``jax.lax.conv_transpose``'s explicit padding). There is no
      output_padding then (add the cells to ``P_a``).

    Several input sizes give the same forward-convolution output, so the transpose has
    to pick one: ``output_padding`` is how you choose.

    Args:
        input_size: I.
        kernel_size: k.
        stride: S.
        padding: an int, a ``(before, after)`` pair, ``"valid"`` or ``"same"``.
        output_padding: extra cells added after; ``None`` is not the same as 0 for the
            Keras words.
        dilation: d.
        padding_of: ``"output"`` (the padding of the forward convolution, cropped from
            the full output) or ``"input"`` (cells added to the stride-dilated input).
        output_padding_bound: with int or pair padding, hold output_padding below the
            stride or the dilation; False lets it be any number of cells (some engines
            take any).

    Returns:
        O, at least 1.

    Raises:
        TypeError: an argument is not an integer.
        ValueError: a value below its minimum, output_padding too large, an unknown
            padding word, a word or an output_padding with ``padding_of="input"``, or
            an output below 1.

    Examples:
        >>> [conv_transpose_output_size(12, 3, 2, p) for p in ("valid", "same")]
        [25, 24]
        >>> conv_transpose_output_size(12, 3, 2, "same", output_padding=0)
        23
        >>> (conv_transpose_output_size(12, 3, 2, 1),
        ...  conv_transpose_output_size(12, 3, 2, 1, 1))
        (23, 24)
        >>> conv_transpose_output_size(12, 3, 2, (1, 2), padding_of="input")
        24
        >>> conv_transpose_output_size(12, 3, 2, 1, 3, output_padding_bound=False)
        26
    """
    if padding_of not in PADDING_OF:
        raise ArgumentError(
            f"padding_of={shown(padding_of)} is not a rule; use 'output' or 'input'",
            argument="padding_of",
            value=padding_of,
            valid="'output' or 'input'",
        )
    size = positive_int("input_size", input_size)
    kernel = positive_int("kernel_size", kernel_size)
    step = positive_int("stride", stride)
    dil = positive_int("dilation", dilation)
    effective = effective_kernel(kernel, dil)
    extra = (
        None
        if output_padding is None
        else non_negative_int("output_padding", output_padding)
    )

    if padding_of == "input":
        return _input_padded(size, kernel, step, padding, extra, dil)
    if isinstance(padding, str):
        explicit_padding(padding, size, kernel, step, dil, words=TRANSPOSE_PADDING_WORDS)
        if extra is None:
            if padding == "valid":
                output = size * step + max(effective - step, 0)
            else:
                output = size * step
        else:
            if extra >= step:
                raise ArgumentError(
                    f"output_padding={extra} must be smaller than stride={step} "
                    f"(Keras's rule for padding={shown(padding)}); use 0..{step - 1} "
                    "or None",
                    argument="output_padding",
                    value=output_padding,
                    valid=f"0..{step - 1} or None",
                )
            removed = 0 if padding == "valid" else 2 * (effective // 2)
            output = (size - 1) * step + effective - removed + extra
        what = f"padding={shown(padding)}, output_padding={shown(output_padding)}"
    else:
        before, after = explicit_padding(padding, size, kernel, step, dil)
        extra = extra or 0
        if not isinstance(output_padding_bound, bool):
            raise ArgumentTypeError(
                "output_padding_bound must be True or False, got "
                f"{shown(output_padding_bound)}",
                argument="output_padding_bound",
                value=output_padding_bound,
                valid="True or False",
            )
        if extra >= step and extra >= dil and output_padding_bound:
            raise ArgumentError(
                f"output_padding={extra} must be smaller than either stride={step} or "
                f"dilation={dil} (PyTorch's rule); use 0..{max(step, dil) - 1}",
                argument="output_padding",
                value=output_padding,
                valid=f"0..{max(step, dil) - 1}",
            )
        output = (size - 1) * step - before - after + effective + extra
        what = f"padding {before} before + {after} after, output_padding={extra}"
    if output < 1:
        raise ArgumentError(
            f"a transposed convolution of input_size={size} with kernel_size={kernel}, "
            f"stride={step}, dilation={dil} and {what} would have output size {output}; "
            f"it must be at least 1, so use less padding or a larger input",
            argument="padding",
            value=padding,
            valid="less padding, or a larger input",
        )
    return output


def _input_padded(
    size: int, kernel: int, step: int, padding: Padding, extra: int | None, dil: int
) -> int:
    """``padding_of="input"``: the padding is added to the stride-dilated input."""
    if isinstance(padding, str):
        raise ArgumentError(
            f"padding={shown(padding)} is a word, but padding_of='input' takes cells: an "
            "int or a (before, after) pair added to the stride-dilated input",
            argument="padding",
            value=padding,
            valid="an int or a (before, after) pair",
        )
    if extra:
        raise ArgumentError(
            f"output_padding={extra} has no meaning with padding_of='input': add the "
            "cells to the padding after instead",
            argument="output_padding",
            value=extra,
            valid="0 or None",
        )
    before, after = explicit_padding(padding, size, kernel, step, dil)
    dilated = (size - 1) * step + 1
    output = dilated + before + after - effective_kernel(kernel, dil) + 1
    if output < 1:
        raise ArgumentError(
            f"a transposed convolution of input_size={size} with kernel_size={kernel}, "
            f"stride={step}, dilation={dil} and padding {before} before + {after} after "
            f"the stride-dilated input ({dilated} cells) would have output size {output}; "
            "it must be at least 1, so pad more or use a larger input",
            argument="padding",
            value=padding,
            valid="more padding, or a larger input",
        )
    return output

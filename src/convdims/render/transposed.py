"""The derivation of a transposed convolution's output size along one axis."""

from __future__ import annotations

from convdims.render._derivation import Derivation, Symbol
from convdims.render._expression import (
    ONE,
    TWO,
    Const,
    Max,
    Mod,
    Node,
    Product,
    Var,
    add,
    assemble,
    check_digits,
    equation,
    signed,
)
from convdims.render._window import kernel_term
from convdims.transposed import conv_transpose_output_size
from convdims.window import effective_kernel

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

#: How many sizes the note on the forward convolution lists one by one; more are written
#: as a range (``23, 24, ..., 1000022``).
_LISTED = 8


def conv_transpose_derivation(
    input_size: int,
    kernel_size: int,
    stride: int = 1,
    padding: Any = 0,
    output_padding: int | None = None,
    dilation: int = 1,
    *,
    padding_of: str = "output",
    output_padding_bound: bool = True,
    framework: str | None = None,
) -> Derivation:
    """Derive the output size of a transposed convolution along one axis.

    Arguments and errors as
    [`conv_transpose_output_size`][convdims.conv_transpose_output_size]. An int (or a
    ``(before, after)`` pair) is PyTorch's padding: ``O = (I - 1)S - 2P + K + a``; the
    words ``"valid"`` and ``"same"`` are Keras's, where ``output_padding=None`` and 0
    differ. ``framework`` is the title of the framework whose rules gave the
    arguments, named in the notes (None: the core's rules, as above).

    Examples:
        >>> conv_transpose_derivation(12, 3, 2, 1).text
        'O = (I - 1)*S - 2P + k + a = (12 - 1)*2 - 2*1 + 3 + 0 = 23'
        >>> conv_transpose_derivation(12, 3, 2, "same").text
        'O = I*S = 12*2 = 24'
        >>> conv_transpose_derivation(12, 3, 2, "same", output_padding=0).text
        'O = (I - 1)*S + (k mod 2) + a = (12 - 1)*2 + (3 mod 2) + 0 = 23'
        >>> conv_transpose_derivation(12, 3, 2, (1, 2), padding_of="input").text
        'O = (I - 1)*S + 1 + P_b + P_a - k + 1 = (12 - 1)*2 + 1 + 1 + 2 - 3 + 1 = 24'
    """
    check_digits(
        input_size=input_size,
        kernel_size=kernel_size,
        stride=stride,
        padding=padding,
        output_padding=output_padding,
        dilation=dilation,
    )
    output = conv_transpose_output_size(
        input_size,
        kernel_size,
        stride,
        padding,
        output_padding,
        dilation,
        padding_of=padding_of,
        output_padding_bound=output_padding_bound,
    )
    size, kernel_cells, step, dil = input_size, kernel_size, stride, dilation
    effective = effective_kernel(kernel_cells, dil)
    i = Symbol("I", "I", "input size", size)
    k = Symbol("k", "k", "kernel size", kernel_cells)
    s = Symbol("S", "S", "stride", step)
    kernel, legend, steps = kernel_term(k, dil, effective)
    legend = [i, *legend, s]
    i_minus_1_s = Product((signed((1, Var(i)), (-1, ONE)), Var(s)))
    notes: list[str] = []
    what = "the transposed convolution size"
    if padding_of == "input":
        if isinstance(padding, (tuple, list)):
            before, after = int(padding[0]), int(padding[1])
        else:
            before = after = int(padding)
        pb = Symbol("P_b", "P_b", "padding before the stride-dilated input", before)
        pa = Symbol("P_a", "P_a", "padding after the stride-dilated input", after)
        legend += [pb, pa]
        expression = signed(
            (1, i_minus_1_s), (1, ONE), (1, Var(pb)), (1, Var(pa)), (-1, kernel), (1, ONE)
        )
        notes.append(
            "the padding is added to the stride-dilated input ((I - 1)*S + 1 cells, S - 1 "
            "zeros between cells), which a stride-1 convolution then reads (XLA, "
            "jax.lax.conv_transpose): it is not cropped from the output."
        )
        main = equation("O", "O", expression, output, what)
        return assemble(main, "output size", steps, legend, notes)
    if isinstance(padding, str):
        if output_padding is None:
            if padding == "valid":
                expression: Node = add(
                    Product((Var(i), Var(s))),
                    Max(signed((1, kernel), (-1, Var(s))), Const(0)),
                )
            else:
                expression = Product((Var(i), Var(s)))
            other = _other_size(size, kernel_cells, step, padding, 0, dil)
            if framework in (None, "Keras"):
                notes.append(
                    f"Keras with output_padding=None (its default) infers the extra "
                    f"cells; output_padding=0 {_would_give(other, output)}"
                )
            elif padding == "valid":
                notes.append(
                    f"padding='valid' ({framework}) crops nothing: the output is the "
                    "whole (I - 1)*S + K, or I*S when the kernel is shorter than the "
                    "stride."
                )
            else:
                notes.append(
                    f"padding={padding!r} ({framework}) makes the output I*S, the size "
                    f"a 'same' convolution of stride S would take back to I."
                )
        else:
            a = Symbol("a", "a", "output padding", output_padding)
            legend.append(a)
            if padding == "valid":
                expression = add(i_minus_1_s, kernel, Var(a))
            else:
                expression = add(i_minus_1_s, Mod(kernel, TWO), Var(a))
            other = _other_size(size, kernel_cells, step, padding, None, dil)
            if framework in (None, "Keras"):
                notes.append(
                    f"Keras: output_padding={output_padding} is not the same as None "
                    f"(the default), which {_would_give(other, output)}"
                )
    else:
        if isinstance(padding, (tuple, list)):
            before, after = int(padding[0]), int(padding[1])
        else:
            before = after = int(padding)
        a = Symbol("a", "a", "output padding", output_padding or 0)
        if before == after:
            p = Symbol("P", "P", "padding (cropped from each side)", before)
            legend.append(p)
            crop: list[tuple[int, Node]] = [(-1, Product((TWO, Var(p))))]
        else:
            pb = Symbol("P_b", "P_b", "padding cropped before", before)
            pa = Symbol("P_a", "P_a", "padding cropped after", after)
            legend += [pb, pa]
            crop = [(-1, Var(pb)), (-1, Var(pa))]
        legend.append(a)
        expression = signed((1, i_minus_1_s), *crop, (1, kernel), (1, Var(a)))
        bound = (
            " and must be smaller than the stride or the dilation"
            if output_padding_bound
            else ""
        )
        notes.append(
            f"{framework or 'PyTorch'}: padding crops cells off both ends of the full "
            "output "
            f"(I - 1)*S + K; output_padding (a) adds cells at the end{bound}."
        )
    main = equation("O", "O", expression, output, what)
    notes += _preimage_note(size, kernel_cells, step, padding, dil, output)
    return assemble(main, "output size", steps, legend, notes)


def _other_size(
    size: int, kernel: int, stride: int, padding: Any, extra: int | None, dilation: int
) -> int | None:
    """The core's size for another output_padding, or None where the core rejects it."""
    try:
        return conv_transpose_output_size(size, kernel, stride, padding, extra, dilation)
    except ValueError:
        return None


def _would_give(other: int | None, output: int) -> str:
    if other is None:
        return "would leave no output at all here."
    return f"would give {other}" + (" (the same here)." if other == output else ".")


def _forward_preimage(
    size: int, kernel: int, stride: int, padding: Any, dilation: int
) -> tuple[int, int]:
    """The input sizes n >= 1 that a forward convolution with these settings maps to
    ``size`` cells, as ``(first, last)``, in closed form: no search, whatever the sizes
    (empty when ``first > last``).

    ``floor((n + P_b + P_a - K)/S) + 1 = size`` holds exactly for
    ``(size - 1)*S + K - P_b - P_a <= n <= size*S - 1 + K - P_b - P_a``;
    ``"same"`` (``ceil(n/S) = size``) for ``(size - 1)*S + 1 <= n <= size*S``.

    Examples:
        >>> _forward_preimage(12, 3, 2, 1, 1), _forward_preimage(12, 3, 2, "same", 1)
        ((23, 24), (23, 24))
    """
    if padding == "same":
        return (size - 1) * stride + 1, size * stride
    if padding == "valid":
        total = 0
    elif isinstance(padding, (tuple, list)):
        total = int(padding[0]) + int(padding[1])
    else:
        total = 2 * int(padding)
    reach = effective_kernel(kernel, dilation) - total
    return max(1, (size - 1) * stride + reach), size * stride - 1 + reach


def _listed(first: int, last: int) -> str:
    count = last - first + 1
    if count <= _LISTED:
        return ", ".join(str(n) for n in range(first, last + 1))
    return f"{first}, {first + 1}, ..., {last} ({count:,} sizes)"


def _preimage_note(
    size: int, kernel: int, stride: int, padding: Any, dilation: int, output: int
) -> list[str]:
    """Which sizes a forward convolution with the same settings maps back to I."""
    if stride == 1:
        return []
    first, last = _forward_preimage(size, kernel, stride, padding, dilation)
    if last - first + 1 < 2:
        return []
    listed = _listed(first, last)
    if first <= output <= last:
        return [
            f"a forward convolution with these settings maps each of {listed} to "
            f"{size}, so the transpose must choose: this picks {output}."
        ]
    return [
        f"a forward convolution with these settings maps each of {listed} to "
        f"{size}; this output ({output}) is none of them."
    ]

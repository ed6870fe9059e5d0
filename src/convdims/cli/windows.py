"""``conv``, ``pool`` and ``transpose``: one derivation per spatial axis.

The arithmetic is the core's (through the derivations of
[`convdims.render.formula`][convdims.render.formula]); ``--framework`` adds that
framework's rules from [`convdims.conventions`][convdims.conventions]. Either refusal
is an [`ArgumentError`][convdims.errors.ArgumentError] whose ``argument`` names the
option to blame.
"""

from __future__ import annotations

import argparse

from convdims import conventions
from convdims.cli.errors import CommandError, from_argument_error
from convdims.convolution import conv_geometry
from convdims.pooling import pool_geometry
from convdims.render.formula import (
    Derivation,
    conv_derivation,
    conv_transpose_derivation,
    pool_derivation,
)

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

# What one axis's padding may be once parsed: a word, P on each side, or (before, after).
AxisPadding = str | int | tuple[int, int]


def spread(values: tuple[Any, ...] | None, axes: int, option: str) -> list[Any]:
    """One value for every axis: a single value is repeated, otherwise counts must match.

    >>> spread((3,), 2, "-k/--kernel-size"), spread(None, 1, "-s/--stride")
    ([3, 3], [None])
    """
    if values is None:
        return [None] * axes
    if len(values) == 1:
        return list(values) * axes
    if len(values) != axes:
        raise CommandError(
            f"{len(values)} values for {axes} input ax{'is' if axes == 1 else 'es'}; "
            "give one value, or one per axis joined by 'x'",
            option=option,
            value=list(values),
            valid=f"1 or {axes} values",
        )
    return list(values)


def _axis_paddings(
    command: str, spec: Any, axes: int, framework: str | None
) -> list[AxisPadding]:
    if spec is None:
        if framework is None:
            return [0] * axes
        return [conventions.get(framework).default_padding[command]] * axes
    if isinstance(spec, str):
        return [spec] * axes
    return spread(spec, axes, "-p/--padding")


def window_command(args: argparse.Namespace) -> dict[str, Any]:
    """conv, pool and transpose: the answer and one derivation per axis."""
    command = args.command
    sizes = list(args.input_size)
    axes = len(sizes)
    kernels = spread(args.kernel_size, axes, "-k/--kernel-size")
    strides = spread(args.stride, axes, "-s/--stride")
    dilations = [
        d if d is not None else 1 for d in spread(args.dilation, axes, "-d/--dilation")
    ]
    paddings = _axis_paddings(command, args.padding, axes, args.framework)
    extras: list[int | None] = [None] * axes
    if command == "transpose":
        extras = spread(args.output_padding, axes, "--output-padding")
        if (
            args.framework is not None
            and not conventions.get(args.framework).output_padding_none
        ):
            extras = [0 if e is None else e for e in extras]
    if command != "pool":
        strides = [s if s is not None else 1 for s in strides]
    if args.framework is not None:
        _check_framework(args, paddings, strides, dilations, kernels)
    records = [
        _axis_record(args, axis, axes, *values)
        for axis, values in enumerate(
            zip(sizes, kernels, strides, paddings, dilations, extras, strict=True)
        )
    ]
    return {
        "command": command,
        "framework": args.framework,
        "input_size": sizes,
        "output_size": [r["output_size"] for r in records],
        "axes": records,
    }


def _check_framework(
    args: argparse.Namespace,
    paddings: list[AxisPadding],
    strides: list[int | None],
    dilations: list[int],
    kernels: list[int],
) -> None:
    """Refuse what ``--framework`` refuses, naming the option of the rule's argument."""
    command, axes = args.command, len(paddings)
    convention = conventions.get(args.framework)
    try:
        convention.check(
            command,
            paddings=paddings,
            strides=strides,
            dilations=dilations,
            kernel_sizes=kernels,
            ceil_mode=getattr(args, "ceil_mode", False),
            output_paddings=(
                _given(args.output_padding, axes) if command == "transpose" else None
            ),
        )
    except (TypeError, ValueError) as error:
        refused = from_argument_error(error)
        # A kind of padding this framework never takes here (not a word it takes on
        # other inputs, such as 'causal' on 1-D ones): the arithmetic alone would answer.
        anywhere = convention.causal_axes or axes
        if refused.argument == "padding" and not convention.takes_padding(
            command, refused.value, anywhere
        ):
            refused = CommandError(
                f"{refused.message} (or leave out --framework)",
                option=refused.option,
                argument=refused.argument,
                value=refused.value,
                valid=refused.valid,
            )
        raise refused from None


def _given(values: tuple[int | None, ...] | None, axes: int) -> list[int | None]:
    """The output padding as given (None where not given: for the conventions)."""
    if values is None:
        return [0] * axes
    return spread(values, axes, "--output-padding")


def _axis_record(
    args: argparse.Namespace,
    axis: int,
    axes: int,
    size: int,
    kernel: int,
    stride: int | None,
    padding: AxisPadding,
    dilation: int,
    extra: int | None,
) -> dict[str, Any]:
    command = args.command
    record: dict[str, Any] = {
        "axis": axis,
        "input_size": size,
        "kernel_size": kernel,
        "stride": stride,
        "dilation": dilation,
        "padding": list(padding) if isinstance(padding, tuple) else padding,
    }
    try:
        if command == "conv":
            derivation = conv_derivation(size, kernel, stride, padding, dilation)
            geometry = conv_geometry(size, kernel, stride, padding, dilation)
        elif command == "pool":
            derivation = pool_derivation(
                size, kernel, stride, padding, dilation, args.ceil_mode
            )
            geometry = pool_geometry(
                size, kernel, stride, padding, dilation, args.ceil_mode
            )
            record["stride"] = geometry.stride
            record["ceil_mode"] = args.ceil_mode
        else:
            derivation = conv_transpose_derivation(
                size, kernel, stride, padding, extra, dilation
            )
            geometry = None
            record["output_padding"] = extra
    except (TypeError, ValueError) as error:
        raise from_argument_error(error, axis, axes) from None
    record["pad_before"] = geometry.pad_before if geometry else None
    record["pad_after"] = geometry.pad_after if geometry else None
    record["output_size"] = derivation.result
    record["derivation"] = derivation
    return record


def _indent(text: str, spaces: int) -> str:
    pad = " " * spaces
    return "\n".join(pad + line if line else line for line in text.splitlines())


def window_text(result: dict[str, Any]) -> str:
    """The answer first, then each axis's derivation."""
    sizes = "x".join(str(o) for o in result["output_size"])
    axes = result["axes"]
    lines = [f"output size: {sizes}"]
    if len(axes) > 1:
        lines[0] += f" (input {'x'.join(str(i) for i in result['input_size'])})"
    for record in axes:
        derivation: Derivation = record["derivation"]
        lines.append("")
        if len(axes) == 1:
            lines.append(derivation.render_text())
        else:
            lines.append(
                f"axis {record['axis']}: {record['input_size']} -> {record['output_size']}"
            )
            lines.append(_indent(derivation.render_text(width=86), 2))
    return "\n".join(lines)

"""``conv``, ``pool`` and ``transpose``: one derivation per spatial axis.

The arithmetic is the core's (through the derivations of
[`convdims.render.formula`][convdims.render.formula]); ``--framework`` adds that
framework's rules from [`convdims.conventions`][convdims.conventions]. Either refusal
is an [`ArgumentError`][convdims.errors.ArgumentError] whose ``argument`` names the
option to blame.
"""

from __future__ import annotations

import argparse
import textwrap

from convdims import conventions
from convdims.cli.errors import CommandError, from_argument_error
from convdims.convolution import conv_geometry
from convdims.padding import explicit_padding
from convdims.pooling import pool_geometry
from convdims.render.formula import (
    Derivation,
    conv_derivation,
    conv_transpose_derivation,
    pool_derivation,
)
from convdims.window import effective_kernel

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
    if args.framework is None:
        for option in ("rounding", "output_shape"):
            if getattr(args, option, None) is not None:
                raise CommandError(
                    f"--{option.replace('_', '-')} is a framework's own option: give "
                    "--framework too (see --help for which take it)",
                    option=f"--{option.replace('_', '-')}",
                    argument=option,
                    value=getattr(args, option),
                    valid="with --framework",
                )
    extras: list[Any] = [None] * axes
    if command == "transpose":
        extras = spread(args.output_padding, axes, "--output-padding")
    if args.framework is not None:
        rules = _framework_rules(args, sizes, kernels, strides, paddings, dilations)
    else:
        if command != "pool":
            strides = [s if s is not None else 1 for s in strides]
        rules = [
            _neutral_rule(command, *values, getattr(args, "ceil_mode", False))
            for values in zip(
                sizes, kernels, strides, paddings, dilations, extras, strict=True
            )
        ]
    records = [
        _axis_record(args, axis, axes, rule, size, stride is None)
        for axis, (rule, size, stride) in enumerate(zip(rules, sizes, strides, strict=True))
    ]
    return {
        "command": command,
        "framework": args.framework,
        "input_size": sizes,
        "output_size": [r["output_size"] for r in records],
        "axes": records,
    }


def _neutral_rule(
    command: str,
    size: int,
    kernel: int,
    stride: int | None,
    padding: AxisPadding,
    dilation: int,
    extra: int | None,
    ceil_mode: bool,
) -> conventions.AxisRule:
    """One axis as given, with no framework's rules or defaults (the core's own)."""
    return conventions.AxisRule(
        framework="",
        family=conventions.Family(command),
        input_size=size,
        kernel_size=kernel,
        stride=stride,  # type: ignore[arg-type]  # pooling: None is the window
        padding=padding,
        dilation=dilation,
        ceil_mode=ceil_mode,
        output_padding=extra,
    )


def _framework_rules(
    args: argparse.Namespace,
    sizes: list[int],
    kernels: list[int],
    strides: list[int | None],
    paddings: list[AxisPadding],
    dilations: list[int],
) -> list[conventions.AxisRule]:
    """Each axis as ``--framework`` computes it: its defaults, its refusals, its words."""
    command, axes = args.command, len(sizes)
    convention = conventions.get(args.framework)
    given = args.output_padding is not None if command == "transpose" else False
    if command == "transpose" and given:
        extras: list[Any] = spread(args.output_padding, axes, "--output-padding")
    else:
        extras = ["default"] * axes
    defaults = [convention.default_padding[command]] * axes
    _check_framework(
        args,
        defaults if args.padding is None else paddings,
        strides,
        dilations,
        kernels,
        [0 if e == "default" else e for e in extras],
    )
    layer = convention.layer_options(
        command, defaults if args.padding is None else paddings, dilations
    )
    shapes: list[Any] = [None] * axes
    if getattr(args, "output_shape", None) is not None:
        if not _takes(convention, "output_shape"):
            raise CommandError(
                f"{convention.title} takes no output_shape: its transposed "
                "convolution's size follows from the padding and --output-padding",
                option="--output-shape",
                argument="output_shape",
                value=list(args.output_shape),
                valid="no --output-shape with this framework",
            )
        shapes = spread(args.output_shape, axes, "--output-shape")
    rules = []
    for axis, (size, kernel, stride, padding, dilation, extra, shape) in enumerate(
        zip(sizes, kernels, strides, paddings, dilations, extras, shapes, strict=True)
    ):
        options = dict(layer) if shape is None else {**layer, "output_shape": shape}
        try:
            rules.append(
                convention.resolve(
                    command,
                    size,
                    kernel,
                    stride,
                    None if args.padding is None else padding,
                    dilation,
                    getattr(args, "ceil_mode", False),
                    extra,
                    axes=axes,
                    rounding=getattr(args, "rounding", None),
                    **options,
                )
            )
            rules[-1].output_size  # noqa: B018 - the core's refusal, in axis order
        except (TypeError, ValueError) as error:
            raise from_argument_error(error, axis, axes) from None
    return rules


def _takes(convention: conventions.Convention, option: str) -> bool:
    """Whether the framework's ``resolve`` has the keyword ``option``."""
    code = type(convention).resolve.__code__
    return option in code.co_varnames[: code.co_argcount + code.co_kwonlyargcount]


def _check_framework(
    args: argparse.Namespace,
    paddings: list[AxisPadding],
    strides: list[int | None],
    dilations: list[int],
    kernels: list[int],
    output_paddings: list[Any],
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
            output_paddings=output_paddings if command == "transpose" else None,
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


def _axis_record(
    args: argparse.Namespace,
    axis: int,
    axes: int,
    rule: conventions.AxisRule,
    given_size: int,
    stride_left_out: bool = False,
) -> dict[str, Any]:
    command = args.command
    record: dict[str, Any] = {
        "axis": axis,
        "input_size": given_size,
        "kernel_size": rule.kernel_size,
        "stride": rule.stride,
        "dilation": rule.dilation,
        "padding": list(rule.padding) if isinstance(rule.padding, tuple) else rule.padding,
    }
    if command == "pool":
        record["ceil_mode"] = rule.ceil_mode
    if command == "transpose":
        record["output_padding"] = rule.output_padding
    # The derivations' notes name the framework whose rules gave the arguments; for
    # Keras and PyTorch the core's own wording already does (and the calculator's
    # script says the same).
    title = (
        conventions.get(rule.framework).title
        if rule.framework not in ("", "keras", "torch")
        else None
    )
    try:
        if rule.empty:
            geometry, derivation = None, None
        elif command == "conv":
            derivation = conv_derivation(**rule.core_arguments(), framework=title)
            geometry = conv_geometry(**rule.core_arguments())
        elif command == "pool":
            arguments = rule.core_arguments()
            window_default = (
                not rule.framework or conventions.get(rule.framework).pool_stride_window
            )
            if stride_left_out and window_default and rule.stride == rule.kernel_size:
                arguments["stride"] = None  # the derivation says S is the window's
            derivation = pool_derivation(**arguments, framework=title)
            geometry = pool_geometry(**rule.core_arguments())
            record["stride"] = geometry.stride
        else:
            derivation = conv_transpose_derivation(**rule.core_arguments(), framework=title)
            geometry = None
    except (TypeError, ValueError) as error:
        raise from_argument_error(error, axis, axes) from None
    if rule.empty:
        before, after = explicit_padding(
            rule.padding, rule.input_size, rule.kernel_size, rule.stride, rule.dilation
        )
        record["pad_before"], record["pad_after"] = before, after
    else:
        record["pad_before"] = geometry.pad_before if geometry else None
        record["pad_after"] = geometry.pad_after if geometry else None
    if derivation is not None and derivation.result != rule.output_size:
        derivation = None  # an output_shape taken as given (TF.js): no formula gives it
    record["output_size"] = rule.output_size if derivation is None else derivation.result
    record["empty"] = rule.empty
    if derivation is not None and rule.input_size != given_size:
        cut = given_size - rule.input_size
        import dataclasses  # a value class's replace; only for this rare note

        derivation = dataclasses.replace(
            derivation,
            notes=(
                f"{title} crops the input by {cut} cell(s) first (its padding would be "
                f"negative): I = {given_size} - {cut} = {rule.input_size}.",
                *derivation.notes,
            ),
        )
    record["derivation"] = derivation
    return record


def _indent(text: str, spaces: int) -> str:
    pad = " " * spaces
    return "\n".join(pad + line if line else line for line in text.splitlines())


def _empty_text(framework: str, command: str, record: dict[str, Any]) -> str:
    convention = conventions.get(framework)
    before, after = record["pad_before"], record["pad_after"]
    size, stride = record["input_size"], record["stride"]
    window = (
        f"the window (kernel {record['kernel_size']}, dilation {record['dilation']}) is "
        "longer than the padded"
    )
    if command != "transpose":
        why = f"{window} input ({before} + {size} + {after})"
    elif convention.transpose_pads_input:
        why = (
            f"{window} stride-dilated input (P_b + (I - 1)*S + 1 + P_a = {before} + "
            f"{(size - 1) * stride + 1} + {after})"
        )
    else:
        extra = record.get("output_padding") or 0
        full = (size - 1) * stride + effective_kernel(
            record["kernel_size"], record["dilation"]
        )
        why = (
            f"cropping {before} + {after} cell(s) leaves nothing of the full output "
            f"(I - 1)*S + K{' + a' if extra else ''} = {full + extra}"
            if full + extra <= before + after
            else "output_shape 0 is taken as given"
        )
    return textwrap.fill(
        f"axis {record['axis']}: {size} -> 0, an empty output, not an error: {why}, and "
        f"{convention.title} then gives an axis of size 0",
        width=88,
        subsequent_indent="  ",
    )


def window_text(result: dict[str, Any]) -> str:
    """The answer first, then each axis's derivation."""
    sizes = "x".join(str(o) for o in result["output_size"])
    axes = result["axes"]
    lines = [f"output size: {sizes}"]
    if len(axes) > 1:
        lines[0] += f" (input {'x'.join(str(i) for i in result['input_size'])})"
    for record in axes:
        derivation: Derivation | None = record["derivation"]
        lines.append("")
        if derivation is None and not record["empty"]:
            title = conventions.get(result["framework"]).title
            lines.append(
                f"axis {record['axis']}: {record['input_size']} -> "
                f"{record['output_size']}: {title} takes output_shape as the output "
                "size, as given (no formula gives it)"
            )
        elif derivation is None:
            lines.append(_empty_text(result["framework"], result["command"], record))
        elif len(axes) == 1:
            lines.append(derivation.render_text())
        else:
            lines.append(
                f"axis {record['axis']}: {record['input_size']} -> {record['output_size']}"
            )
            lines.append(_indent(derivation.render_text(width=86), 2))
    return "\n".join(lines)

"""The ``convdims`` command: output sizes and parameter counts in the terminal, derived.

Every command prints the answer first, then the formula with the numbers substituted
(from :mod:`convdims.render.formula`). ``--json`` prints the same as data for scripts. Bad
input ends with one line on stderr, ``convdims: error: ...``, and exit status 2.

>>> main(["conv", "32", "-k", "3"])
output size: 30
<BLANKLINE>
O = floor((I - k + 2P)/S) + 1
  = floor((32 - 3 + 2*0)/1) + 1 = 30
where I = 32 (input size), k = 3 (kernel size), S = 1 (stride),
  P = 0 (padding on each side)
0
"""

from __future__ import annotations

import argparse
import contextlib
import inspect
import io
import json
import math
import os
import re
import runpy
import sys
import traceback
from collections.abc import Callable, Sequence
from typing import Any, NoReturn

from convdims import standin
from convdims.convolution import conv_geometry
from convdims.pooling import pool_geometry
from convdims.render.formula import (
    Derivation,
    conv_derivation,
    conv_params_derivation,
    conv_transpose_derivation,
    dense_params_derivation,
    depthwise_conv_params_derivation,
    pool_derivation,
    separable_conv_params_derivation,
)

PROG = "convdims"
FRAMEWORKS = ("keras", "torch")

# What one axis's padding may be once parsed: a word, P on each side, or (before, after).
AxisPadding = str | int | tuple[int, int]


class CommandError(Exception):
    """Bad input: printed as one line ``convdims: error: <message>``, exit status 2."""


class _Parser(argparse.ArgumentParser):
    """argparse, but an error is one line naming the argument, never the usage block."""

    def error(self, message: str) -> NoReturn:
        raise CommandError(f"{message} (see '{self.prog} --help')")


# --------------------------------------------------------------------------------------
# Values on the command line


def _ints(text: str, what: str, example: str) -> tuple[int, ...]:
    parts = text.lower().split("x")
    try:
        return tuple(int(part) for part in parts)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"expected {what} such as {example}, got {text!r}"
        ) from None


def _sizes(text: str) -> tuple[int, ...]:
    """``32`` or ``32x24``: one integer per axis, joined by ``x``."""
    return _ints(text, "an integer or one per axis joined by 'x'", "32 or 32x24")


def _per_axis(text: str) -> tuple[int, ...]:
    return _ints(text, "an integer or one per axis joined by 'x'", "3 or 3x5")


def _padding(text: str) -> str | tuple[int | tuple[int, int], ...]:
    """A word (valid, same, full, causal), ``N``, ``B,A``, or one per axis: ``1x0,1``."""
    word = text.strip().lower()
    if word.isalpha():
        return word
    axes: list[int | tuple[int, int]] = []
    for part in word.split("x"):
        try:
            values = tuple(int(v) for v in part.split(","))
        except ValueError:
            raise argparse.ArgumentTypeError(
                f"expected a word (valid, same, full, causal), N cells on each side, "
                f"B,A cells before and after, or one per axis joined by 'x' "
                f"(1x0,1); got {text!r}"
            ) from None
        if len(values) == 1:
            axes.append(values[0])
        elif len(values) == 2:
            axes.append((values[0], values[1]))
        else:
            raise argparse.ArgumentTypeError(
                f"B,A takes 2 numbers (cells before, after), got {part!r} in {text!r}"
            )
    return tuple(axes)


def _output_padding(text: str) -> tuple[int | None, ...]:
    """``none`` (Keras's default, not the same as 0), an integer, or one per axis."""
    values: list[int | None] = []
    for part in text.lower().split("x"):
        if part == "none":
            values.append(None)
            continue
        try:
            values.append(int(part))
        except ValueError:
            raise argparse.ArgumentTypeError(
                f"expected 'none', an integer or one per axis joined by 'x' (1x0); "
                f"got {text!r}"
            ) from None
    return tuple(values)


def _spread(values: tuple[Any, ...] | None, axes: int, option: str) -> list[Any]:
    """One value for every axis: a single value is repeated, otherwise counts must match."""
    if values is None:
        return [None] * axes
    if len(values) == 1:
        return list(values) * axes
    if len(values) != axes:
        raise CommandError(
            f"argument {option}: {len(values)} values for {axes} input "
            f"ax{'is' if axes == 1 else 'es'}; give one value, or one per axis "
            "joined by 'x'"
        )
    return list(values)


def _axis_paddings(spec: Any, axes: int, framework: str | None) -> list[AxisPadding]:
    if spec is None:
        spec = "valid" if framework == "keras" else (0,)
    if isinstance(spec, str):
        return [spec] * axes
    return _spread(spec, axes, "-p/--padding")


def _shown(padding: AxisPadding) -> str:
    if isinstance(padding, tuple):
        return f"{padding[0]},{padding[1]}"
    return str(padding)


# --------------------------------------------------------------------------------------
# Framework rules (what Keras 3 and PyTorch accept beyond the core's arithmetic)


def _or(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " or " + items[-1]


def _check_keras_padding(
    paddings: list[AxisPadding], allowed: tuple[str, ...], layer: str
) -> None:
    for padding in paddings:
        if isinstance(padding, str) and padding in allowed:
            continue
        words = _or([repr(w) for w in allowed])
        hint = (
            f"; for explicit padding put ZeroPadding{len(paddings)}D({_shown(padding)}) "
            f"before the layer"
            if not isinstance(padding, str)
            else ""
        )
        raise CommandError(
            f"argument -p/--padding: Keras {layer} take padding {words}, not "
            f"{_shown(padding)!r}{hint} (or leave out --framework)"
        )


def _check_keras_dilation(strides: list[int], dilations: list[int]) -> None:
    if max(strides) > 1 and max(dilations) > 1:
        raise CommandError(
            f"argument -d/--dilation: Keras rejects strides > 1 together with "
            f"dilation_rate > 1 (got stride {'x'.join(map(str, strides))}, dilation "
            f"{'x'.join(map(str, dilations))}); use stride 1 or dilation 1"
        )


def _check_torch_padding(
    paddings: list[AxisPadding], allowed: tuple[str, ...], layer: str
) -> None:
    for padding in paddings:
        if isinstance(padding, int) or (isinstance(padding, str) and padding in allowed):
            continue
        accepted = _or(["an int", *(repr(w) for w in allowed)])
        hint = (
            "; PyTorch pads both sides equally: pad B,A with nn.ZeroPad first"
            if isinstance(padding, tuple)
            else ""
        )
        raise CommandError(
            f"argument -p/--padding: PyTorch {layer} take padding {accepted}, not "
            f"{_shown(padding)!r}{hint} (or leave out --framework)"
        )


def _framework_rules(
    command: str,
    framework: str | None,
    paddings: list[AxisPadding],
    strides: list[int | None],
    dilations: list[int],
    args: argparse.Namespace,
) -> None:
    if framework is None:
        return
    concrete = [s if s is not None else 1 for s in strides]
    axes = len(paddings)
    if framework == "keras":
        if command == "conv":
            _check_keras_padding(paddings, ("valid", "same", "causal"), "convolutions")
            if "causal" in paddings and axes != 1:
                raise CommandError(
                    f"argument -p/--padding: Keras accepts 'causal' only in Conv1D, and "
                    f"this input has {axes} axes"
                )
            _check_keras_dilation(concrete, dilations)
        elif command == "pool":
            _check_keras_padding(paddings, ("valid", "same"), "pooling layers")
            if args.ceil_mode:
                raise CommandError(
                    "argument --ceil-mode: Keras pooling has no ceil_mode (it is "
                    "PyTorch's); padding 'same' is how Keras keeps the last window"
                )
            if max(dilations) > 1:
                raise CommandError(
                    "argument -d/--dilation: Keras pooling layers have no dilation"
                )
        else:
            _check_keras_padding(paddings, ("valid", "same"), "transposed convolutions")
            _check_keras_dilation(concrete, dilations)
    else:
        if command == "conv":
            _check_torch_padding(paddings, ("valid", "same"), "convolutions")
            if "same" in paddings and max(concrete) > 1:
                raise CommandError(
                    "argument -p/--padding: PyTorch rejects padding='same' when a "
                    "stride is not 1; give the padding as an int instead"
                )
        elif command == "pool":
            _check_torch_padding(paddings, (), "pooling layers")
        else:
            _check_torch_padding(paddings, (), "transposed convolutions")
            if any(op is None for op in (args.output_padding or ())):
                raise CommandError(
                    "argument --output-padding: PyTorch has no output_padding=None "
                    "(that is Keras); its default is 0"
                )


# --------------------------------------------------------------------------------------
# Commands


# The core's argument names, and the options that set them.
_OPTIONS = {
    "input_size": "INPUT",
    "kernel_size": "-k/--kernel-size",
    "pool_size": "-k/--kernel-size",
    "stride": "-s/--stride",
    "padding": "-p/--padding",
    "dilation": "-d/--dilation",
    "output_padding": "--output-padding",
    "ceil_mode": "--ceil-mode",
    "in_channels": "-c/--in-channels",
    "filters": "-f/--filters",
    "groups": "-g/--groups",
    "depth_multiplier": "-m/--depth-multiplier",
    "in_features": "-i/--in-features",
    "units": "-u/--units",
}


def _core_error(error: Exception, axis: int = 0, axes: int = 1) -> CommandError:
    """The core's message, prefixed with the option it is about (and the axis)."""
    message = str(error)
    match = re.match(r"[a-z_]+", message)
    option = _OPTIONS.get(match.group(0)) if match else None
    where = f"axis {axis} of {axes}: " if axes > 1 else ""
    prefix = f"argument {option}: " if option else ""
    return CommandError(prefix + where + message)


def _window_command(args: argparse.Namespace) -> dict[str, Any]:
    """conv, pool and transpose: one derivation per axis."""
    command = args.command
    sizes = list(args.input_size)
    axes = len(sizes)
    kernels = _spread(args.kernel_size, axes, "-k/--kernel-size")
    strides = _spread(args.stride, axes, "-s/--stride")
    dilations = [
        d if d is not None else 1 for d in _spread(args.dilation, axes, "-d/--dilation")
    ]
    paddings = _axis_paddings(args.padding, axes, args.framework)
    extras: list[int | None] = [None] * axes
    if command == "transpose":
        extras = _spread(args.output_padding, axes, "--output-padding")
        if args.framework == "torch":
            extras = [0 if e is None else e for e in extras]
    if command != "pool":
        strides = [s if s is not None else 1 for s in strides]
    _framework_rules(command, args.framework, paddings, strides, dilations, args)

    records = []
    for axis, (size, kernel, stride, padding, dilation, extra) in enumerate(
        zip(sizes, kernels, strides, paddings, dilations, extras, strict=True)
    ):
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
            raise _core_error(error, axis, axes) from None
        record["pad_before"] = geometry.pad_before if geometry else None
        record["pad_after"] = geometry.pad_after if geometry else None
        record["output_size"] = derivation.result
        record["derivation"] = derivation
        records.append(record)
    return {
        "command": command,
        "framework": args.framework,
        "input_size": sizes,
        "output_size": [r["output_size"] for r in records],
        "axes": records,
    }


def _indent(text: str, spaces: int) -> str:
    pad = " " * spaces
    return "\n".join(pad + line if line else line for line in text.splitlines())


def _window_text(result: dict[str, Any]) -> str:
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


def _kernel_for_params(args: argparse.Namespace) -> int | tuple[int, ...]:
    sizes = args.kernel_size
    if args.ndim is None:
        return sizes[0] if len(sizes) == 1 else tuple(sizes)
    if len(sizes) == 1:
        return tuple(sizes) * args.ndim
    if len(sizes) != args.ndim:
        raise CommandError(
            f"argument -k/--kernel-size: {len(sizes)} sizes for --ndim {args.ndim}; "
            f"give one size or {args.ndim}"
        )
    return tuple(sizes)


def _params_command(args: argparse.Namespace) -> dict[str, Any]:
    layer = args.layer
    bias = not args.no_bias
    arguments: dict[str, Any]
    try:
        if layer == "dense":
            arguments = {
                "in_features": args.in_features,
                "units": args.units,
                "use_bias": bias,
            }
            derivation = dense_params_derivation(args.in_features, args.units, bias)
        else:
            kernel = _kernel_for_params(args)
            arguments = {
                "kernel_size": list(kernel) if isinstance(kernel, tuple) else kernel,
                "in_channels": args.in_channels,
            }
            if layer == "conv":
                arguments.update(filters=args.filters, groups=args.groups, use_bias=bias)
                derivation = conv_params_derivation(
                    kernel, args.in_channels, args.filters, bias, args.groups
                )
            elif layer == "depthwise":
                arguments.update(depth_multiplier=args.depth_multiplier, use_bias=bias)
                derivation = depthwise_conv_params_derivation(
                    kernel, args.in_channels, args.depth_multiplier, bias
                )
            else:
                arguments.update(
                    filters=args.filters,
                    depth_multiplier=args.depth_multiplier,
                    use_bias=bias,
                )
                derivation = separable_conv_params_derivation(
                    kernel, args.in_channels, args.filters, args.depth_multiplier, bias
                )
    except (TypeError, ValueError) as error:
        raise _core_error(error) from None
    return {
        "command": "params",
        "layer": layer,
        "arguments": arguments,
        "params": derivation.result,
        "derivation": derivation,
    }


def _params_text(result: dict[str, Any]) -> str:
    derivation: Derivation = result["derivation"]
    return f"parameters: {result['params']:,}\n\n{derivation.render_text()}"


# --------------------------------------------------------------------------------------
# summary FILE.py[:NAME]


def _split_target(target: str) -> tuple[str, str]:
    path, sep, name = target.rpartition(":")
    if sep and name.isidentifier() and path:
        return path, name
    return target, "model"


def _where(error: BaseException, path: str) -> str:
    """`` (line N)`` for the deepest frame of the traceback that is in ``path``."""
    line = None
    if (
        isinstance(error, SyntaxError)
        and error.filename
        and os.path.abspath(error.filename) == path
    ):
        line = error.lineno
    for frame in traceback.extract_tb(error.__traceback__):
        if os.path.abspath(frame.filename) == path:
            line = frame.lineno
    return f" (line {line})" if line else ""


def _raised(error: BaseException, what: str, path: str) -> CommandError:
    message = str(error).strip().splitlines()[0] if str(error).strip() else ""
    detail = f": {message}" if message else ""
    return CommandError(
        f"{what} raised {type(error).__name__}{detail}{_where(error, path)}"
    )


def _load_model(target: str) -> tuple[str, str, Any]:
    path, name = _split_target(target)
    full = os.path.abspath(path)
    if not os.path.isfile(full):
        raise CommandError(f"argument FILE: no such file: {path}")
    folder = os.path.dirname(full)
    sys.path.insert(0, folder)
    try:
        # a file written for the real frameworks runs too: convdims stands in for them
        with standin.frameworks():
            namespace = runpy.run_path(full, run_name="__convdims_summary__")
    except (Exception, SystemExit) as error:
        raise _raised(error, path, full) from None
    finally:
        with contextlib.suppress(ValueError):
            sys.path.remove(folder)
    if name not in namespace:
        found = sorted(
            key
            for key, value in namespace.items()
            if not key.startswith("_") and _dialect(value) is not None
        )
        hint = f"; models found: {', '.join(found)}" if found else ""
        raise CommandError(
            f"argument FILE: {path} defines no {name!r}{hint} (pick one with {path}:NAME)"
        )
    obj = namespace[name]
    if _dialect(obj) is None and callable(obj):
        try:
            obj = obj()
        except (Exception, SystemExit) as error:
            raise _raised(error, f"{name}() in {path}", full) from None
    return path, name, obj


def _dialect(obj: Any) -> str | None:
    """``"keras"`` for a model with ``.summary()``, ``"torch"`` for a module, else None."""
    if isinstance(obj, type):
        return None
    if callable(getattr(obj, "summary", None)):
        return "keras"
    if callable(getattr(obj, "forward", None)) and hasattr(obj, "named_modules"):
        return "torch"
    return None


def _accepts(function: Callable[..., Any], parameter: str) -> bool:
    try:
        signature = inspect.signature(function)
    except (TypeError, ValueError):
        return True
    return parameter in signature.parameters or any(
        p.kind is inspect.Parameter.VAR_KEYWORD for p in signature.parameters.values()
    )


def _count(obj: Any, *names: str) -> int | None:
    for name in names:
        value = getattr(obj, name, None)
        if callable(value):
            with contextlib.suppress(Exception):
                value = value()
        if isinstance(value, int) and not isinstance(value, bool):
            return value
    return None


def _weights_count(weights: Any) -> int | None:
    """Elements in a list of weights (each with ``.size`` or ``.shape``), if it is one."""
    if not isinstance(weights, (list, tuple)):
        return None
    total = 0
    for weight in weights:
        size = getattr(weight, "size", None)
        if not isinstance(size, int):
            shape = getattr(weight, "shape", None)
            if shape is None:
                return None
            size = math.prod(int(n) for n in shape)
        total += size
    return total


def _run_command(args: argparse.Namespace) -> dict[str, Any]:
    full = os.path.abspath(args.script)
    if not os.path.isfile(full):
        raise CommandError(f"argument SCRIPT: no such file: {args.script}")
    try:
        output = standin.run(full)
    except (Exception, SystemExit) as error:
        raise _raised(error, args.script, full) from None
    return {"command": "run", "file": args.script, "output": output}


def _summary_command(args: argparse.Namespace) -> dict[str, Any]:
    path, name, model = _load_model(args.target)
    full = os.path.abspath(path)
    dialect = _dialect(model)
    if dialect is None:
        raise CommandError(
            f"argument FILE: {name} in {path} is a {type(model).__name__}, not a convdims "
            f"model (a Keras-dialect model with .summary() or a torch-dialect module)"
        )
    kwargs: dict[str, Any] = {}
    if args.columns:
        kwargs["columns"] = list(args.columns)
    stats: Any = None
    if dialect == "keras":
        if args.input_size is not None:
            raise CommandError(
                "argument --input-size: only for torch-dialect modules; a Keras model "
                "knows its input shape"
            )
        function: Callable[..., Any] = model.summary
        call: Callable[[], Any] = lambda: function(**kwargs)  # noqa: E731
    else:
        if args.input_size is None:
            raise CommandError(
                "argument --input-size: required for a torch-dialect module, "
                "for example --input-size 1x3x224x224"
            )
        try:
            from convdims.torch import summary as function
        except ImportError as error:
            raise CommandError(
                f"the torch dialect is not available here ({error})"
            ) from None
        size = tuple(args.input_size)
        call = lambda: function(model, input_size=size, **kwargs)  # noqa: E731
    if args.columns and not _accepts(function, "columns"):
        raise CommandError(
            "argument --columns: this summary takes no columns (the analysis columns "
            "are not available in this version of convdims)"
        )
    captured = io.StringIO()
    try:
        with contextlib.redirect_stdout(captured):
            stats = call()
    except (Exception, SystemExit) as error:
        failure = _raised(error, f"the summary of {name}", full)
        if args.columns and "column" in str(error):
            failure = CommandError(f"argument --columns: {failure}")
        raise failure from None
    text = captured.getvalue().rstrip("\n")
    if not text.strip() and stats is not None:
        text = str(stats).rstrip("\n")
    total = _count(model, "count_params") if dialect == "keras" else None
    if total is None:
        total = _count(stats, "total_params")
    trainable = _count(stats, "trainable_params")
    if trainable is None and dialect == "keras":
        trainable = _weights_count(getattr(model, "trainable_weights", None))
    return {
        "command": "summary",
        "file": path,
        "name": name,
        "dialect": dialect,
        "input_size": list(args.input_size) if args.input_size else None,
        "columns": list(args.columns) if args.columns else None,
        "total_params": total,
        "trainable_params": trainable,
        "summary": text,
    }


# --------------------------------------------------------------------------------------
# The parser: help that teaches by example


_JSON_WINDOW = """\
--json prints one object:
  {"command": "conv" | "pool" | "transpose",
   "framework": null | "keras" | "torch",
   "input_size": [int, ...], "output_size": [int, ...],
   "axes": [{"axis": int, "input_size": int, "kernel_size": int,
             "stride": int, "dilation": int,
             "padding": "valid" | "same" | "full" | "causal" | int | [before, after],
             "pad_before": int | null, "pad_after": int | null,
             "ceil_mode": bool (pool only), "output_padding": int | null (transpose only),
             "output_size": int, "derivation": DERIVATION}]}
  DERIVATION = {"quantity": str, "formula": str, "formula_latex": str,
                "substituted": str, "substituted_latex": str, "result": int,
                "steps": [{"formula", "formula_latex", "substituted",
                           "substituted_latex", "result"}],
                "legend": [{"symbol": str, "latex": str, "meaning": str, "value": int}],
                "notes": [str]}"""

_JSON_PARAMS = """\
--json prints one object:
  {"command": "params", "layer": "conv" | "depthwise" | "separable" | "dense",
   "arguments": {the layer's arguments by their Python names}, "params": int,
   "derivation": DERIVATION (see 'convdims conv --help')}"""

_JSON_SUMMARY = """\
--json prints one object:
  {"command": "summary", "file": str, "name": str, "dialect": "keras" | "torch",
   "input_size": [int, ...] | null, "columns": [str, ...] | null,
   "total_params": int | null, "trainable_params": int | null,
   "summary": str (the table as printed)}"""

_MAIN_EPILOG = """\
examples:
  convdims conv 32 -k 3                       30, and floor((32 - 3 + 2*0)/1) + 1
  convdims conv 11 -k 2 -s 2 -p same          Keras 'same': ceil(11/2) = 6
  convdims conv 224x224 -k 7 -s 2 -p 3 --framework torch
  convdims pool 11 -k 2 --ceil-mode           PyTorch's ceil_mode
  convdims transpose 12 -k 3 -s 2 -p same --output-padding none
  convdims params conv -k 3 -c 3 -f 5         (3*3*3 + 1)*5 = 140
  convdims summary model.py                   the variable `model` in model.py
  convdims conv 32 -k 3 --json                the same as JSON, for scripts

symbols: I input size, k kernel size, S stride, P padding on each side (P_b before,
P_a after), d dilation, K = d(k - 1) + 1 effective kernel, a output padding.
'convdims COMMAND --help' shows each command's options, examples and JSON schema."""

_CONV_EPILOG = f"""\
examples:
  convdims conv 32 -k 3                       no padding: 30
  convdims conv 32 -k 3 -p 3                  P = 3 on each side: 36
  convdims conv 11 -k 2 -s 2 -p same          TensorFlow's split: 0 before, 1 after
  convdims conv 32 -k 3 -p 0,1                P_b = 0 before, P_a = 1 after
  convdims conv 32x24 -k 3x5 -s 2             one value per axis, joined by 'x'
  convdims conv 32 -k 3 -d 2                  dilation: K = d(k - 1) + 1 = 5
  convdims conv 100 -k 3 -p causal --framework keras

--framework applies that framework's rules on top of the arithmetic: Keras takes
'valid', 'same' or 'causal' (Conv1D only) and rejects strides > 1 with dilation > 1;
PyTorch takes an int, 'valid' or 'same' (stride 1 only).

{_JSON_WINDOW}"""

_POOL_EPILOG = f"""\
examples:
  convdims pool 30 -k 2                       stride defaults to the pool size: 15
  convdims pool 11 -k 2 -p same --framework keras
  convdims pool 11 -k 2 -p 1 --ceil-mode      PyTorch's last-window rule: 6, not 7
  convdims pool 112 -k 3 -s 2 -p 1 --ceil-mode
  convdims pool 32x24 -k 2x3

Keras takes padding 'valid' or 'same'; PyTorch an int of at most k // 2, ceil_mode,
and dilation (MaxPool only). Without --framework, all of these are accepted.

{_JSON_WINDOW}"""

_TRANSPOSE_EPILOG = f"""\
examples:
  convdims transpose 12 -k 3 -s 2 -p same     Keras, output_padding=None: 24
  convdims transpose 12 -k 3 -s 2 -p same --output-padding 0      23: not the same
  convdims transpose 12 -k 3 -s 2 -p valid    Keras 'valid': 25
  convdims transpose 12 -k 3 -s 2 -p 1 --output-padding 1 --framework torch

An int padding is PyTorch's (cells cropped from each end); 'valid' and 'same' are
Keras's, where --output-padding none (the default) and 0 differ.

{_JSON_WINDOW}"""

_PARAMS_EPILOG = f"""\
examples:
  convdims params conv -k 3 -c 3 -f 5                 (3*3*3 + 1)*5 = 140
  convdims params conv -k 3 -c 32 -f 64 -g 4          groups: C/G channels per filter
  convdims params conv -k 5 --ndim 1 -c 1 -f 6        a 1-D kernel (Conv1D)
  convdims params conv -k 3x5 -c 2 -f 4 --no-bias
  convdims params depthwise -k 3 -c 32                (3*3 + 1)*32*1 = 320
  convdims params separable -k 3 -c 32 -f 64
  convdims params dense -i 25088 -u 4096              (25088 + 1)*4096

{_JSON_PARAMS}"""

_SUMMARY_EPILOG = f"""\
FILE.py is run as a script (its `if __name__ == "__main__":` block is skipped) and NAME
(default: model) is taken from it: a Keras-dialect model (convdims.keras), a
torch-dialect module (convdims.torch), or a function or class that returns one when
called with no arguments.

examples:
  convdims summary vgg.py                       the variable `model`
  convdims summary nets.py:build_lenet          calls build_lenet()
  convdims summary resnet.py:net --input-size 1x3x224x224   a torch-dialect module
  convdims summary vgg.py --columns macs,receptive_field     analysis columns, if any

{_JSON_SUMMARY}"""


_RUN_EPILOG = """\
SCRIPT.py is written for the real frameworks (import keras, from keras import layers,
import torch, from torch import nn, from torchinfo import summary) and runs unchanged:
convdims's dialects stand in for them, so it prints the shapes and summaries the
framework would, without the framework installed.

examples:
  convdims run my_keras_model.py             model.summary() as Keras prints it
  convdims run my_torch_model.py             torchinfo-style summary, shapes

JSON (--json): {"command": "run", "file": str, "output": str (everything printed)}"""


def _common(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--json", action="store_true", help="print JSON (schema below) instead of text"
    )


def _window_parser(
    commands: Any, name: str, help_text: str, epilog: str, kernel_help: str
) -> argparse.ArgumentParser:
    parser = commands.add_parser(
        name,
        help=help_text,
        description=help_text,
        epilog=epilog,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "input_size",
        type=_sizes,
        metavar="INPUT",
        help="input size I, one per axis joined by 'x': 32 or 224x224",
    )
    parser.add_argument(
        "-k", "--kernel-size", type=_per_axis, required=True, metavar="K", help=kernel_help
    )
    stride_help = (
        "stride S (default: the pool size)" if name == "pool" else "stride S (default: 1)"
    )
    parser.add_argument("-s", "--stride", type=_per_axis, metavar="S", help=stride_help)
    parser.add_argument(
        "-p",
        "--padding",
        type=_padding,
        metavar="P",
        help="valid, same"
        + (", full, causal" if name == "conv" else "")
        + ", N cells on each side, or B,A before and after (default: 0; "
        "'valid' with --framework keras)",
    )
    parser.add_argument(
        "-d", "--dilation", type=_per_axis, metavar="D", help="dilation d (default: 1)"
    )
    parser.add_argument(
        "--framework",
        choices=FRAMEWORKS,
        help="apply Keras's or PyTorch's rules (default: none, only the arithmetic)",
    )
    _common(parser)
    return parser


def build_parser() -> argparse.ArgumentParser:
    """The ``convdims`` argument parser (its ``--help`` is the command's manual)."""
    parser = _Parser(
        prog=PROG,
        description="Output sizes, padding and parameter counts of CNN layers, derived\n"
        "step by step, with the rules of Keras and PyTorch. Every command takes --json.",
        epilog=_MAIN_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    from convdims import __version__

    parser.add_argument("--version", action="version", version=f"{PROG} {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)

    _window_parser(
        commands, "conv", "output size of a convolution", _CONV_EPILOG, "kernel size k"
    )
    pool = _window_parser(
        commands,
        "pool",
        "output size of max or average pooling",
        _POOL_EPILOG,
        "pool size k",
    )
    pool.add_argument(
        "--ceil-mode",
        action="store_true",
        help="round up, under PyTorch's last-window rule",
    )
    transpose = _window_parser(
        commands,
        "transpose",
        "output size of a transposed convolution",
        _TRANSPOSE_EPILOG,
        "kernel size k",
    )
    transpose.add_argument(
        "--output-padding",
        type=_output_padding,
        metavar="A",
        help="cells added at the end: an int, or none (Keras's default, not the same "
        "as 0 for 'valid' and 'same')",
    )

    params = commands.add_parser(
        "params",
        help="parameter count of a layer, with its formula",
        description="Parameter count of a layer (weights and biases), with its formula.",
        epilog=_PARAMS_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    layers = params.add_subparsers(dest="layer", metavar="LAYER", required=True)
    for layer, help_text in (
        ("conv", "convolution: (k*k*C/G + 1)*D"),
        ("depthwise", "depthwise convolution: (k*k + 1)*C*m"),
        ("separable", "depthwise-separable convolution: k*k*C*m + C*m*D + D"),
        ("dense", "dense layer: (N + 1)*U"),
    ):
        sub = layers.add_parser(
            layer,
            help=help_text,
            description=f"Parameters of a {help_text}.",
            epilog=_PARAMS_EPILOG,
            formatter_class=argparse.RawDescriptionHelpFormatter,
        )
        if layer == "dense":
            sub.add_argument(
                "-i", "--in-features", type=int, required=True, metavar="N", help="inputs N"
            )
            sub.add_argument(
                "-u", "--units", type=int, required=True, metavar="U", help="units U"
            )
        else:
            sub.add_argument(
                "-k",
                "--kernel-size",
                type=_per_axis,
                required=True,
                metavar="K",
                help="kernel size: 3 (square, 2-D), 3x5, or 5 with --ndim 1",
            )
            sub.add_argument(
                "--ndim",
                type=int,
                choices=(1, 2, 3),
                help="spatial axes of the kernel (default: 2 for one size, else the count)",
            )
            sub.add_argument(
                "-c",
                "--in-channels",
                type=int,
                required=True,
                metavar="C",
                help="input channels C",
            )
            if layer in ("conv", "separable"):
                sub.add_argument(
                    "-f",
                    "--filters",
                    type=int,
                    required=True,
                    metavar="D",
                    help="filters D (output channels)",
                )
            if layer == "conv":
                sub.add_argument(
                    "-g",
                    "--groups",
                    type=int,
                    default=1,
                    metavar="G",
                    help="groups G (default: 1)",
                )
            else:
                sub.add_argument(
                    "-m",
                    "--depth-multiplier",
                    type=int,
                    default=1,
                    metavar="M",
                    help="depth multiplier m (default: 1)",
                )
        sub.add_argument("--no-bias", action="store_true", help="no bias (use_bias=False)")
        _common(sub)

    summary = commands.add_parser(
        "summary",
        help="summary table of a model written with convdims.keras or convdims.torch",
        description="Print the summary of a model built by a Python file with the "
        "convdims Keras or torch dialect.",
        epilog=_SUMMARY_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    summary.add_argument(
        "target", metavar="FILE.py[:NAME]", help="the file, and the model's name"
    )
    summary.add_argument(
        "--input-size",
        type=_sizes,
        metavar="SHAPE",
        help="input shape for a torch-dialect module, with batch: 1x3x224x224",
    )
    summary.add_argument(
        "--columns",
        type=lambda text: [c for c in text.split(",") if c],
        metavar="A,B",
        help="extra analysis columns, passed to the summary as columns=[...]",
    )
    _common(summary)

    run = commands.add_parser(
        "run",
        help="run a Keras or PyTorch script with convdims standing in for the framework",
        description="Run an unmodified Keras or PyTorch script without the framework: "
        "convdims's dialects answer its imports.",
        epilog=_RUN_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    run.add_argument("script", metavar="SCRIPT.py", help="the script to run")
    _common(run)
    return parser


# --------------------------------------------------------------------------------------
# Entry point


def _jsonable(value: Any) -> Any:
    if isinstance(value, Derivation):
        return value.as_dict()
    if isinstance(value, dict):
        return {key: _jsonable(item) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        return [_jsonable(item) for item in value]
    return value


def run(argv: Sequence[str]) -> str:
    """Run the command line ``argv`` and return what it prints.

    Raises:
        CommandError: bad input, with a one-line message.

    >>> print(run(["params", "conv", "-k", "3", "-c", "3", "-f", "5"]))
    parameters: 140
    <BLANKLINE>
    params = (k*k*C + 1)*D
           = (3*3*3 + 1)*5 = 140
    where k = 3 (kernel size on both axes), C = 3 (input channels), D = 5 (filters)
    note: 135 weights + 5 biases = 140.
    """
    args = build_parser().parse_args(list(argv))
    if args.command in ("conv", "pool", "transpose"):
        result = _window_command(args)
        text = _window_text
    elif args.command == "params":
        result = _params_command(args)
        text = _params_text
    elif args.command == "run":
        result = _run_command(args)
        text = lambda r: r["output"].rstrip("\n")  # noqa: E731
    else:
        result = _summary_command(args)
        text = lambda r: r["summary"]  # noqa: E731
    if args.json:
        return json.dumps(_jsonable(result), indent=2)
    return text(result)


def main(argv: Sequence[str] | None = None) -> int:
    """The console script: run ``argv`` (default: ``sys.argv[1:]``), return the exit status.

    0 on success; 2 on bad input, after one line ``convdims: error: ...`` on stderr.
    """
    try:
        output = run(sys.argv[1:] if argv is None else argv)
    except CommandError as error:
        message = " ".join(str(error).split())
        print(f"{PROG}: error: {message}", file=sys.stderr)
        return 2
    except SystemExit as exit_:  # --help and --version end here, after printing
        code = exit_.code
        return code if isinstance(code, int) else 0 if code is None else 2
    try:
        print(output)
        sys.stdout.flush()
    except BrokenPipeError:  # `convdims ... | head`: the reader left, which is fine
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    return 0

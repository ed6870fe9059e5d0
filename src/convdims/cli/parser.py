"""The options of every command, the values they take, and the help that teaches them.

[`build_parser`][convdims.cli.parser.build_parser] makes the whole ``argparse`` tree.
Every refusal of argparse (an unknown command, a missing or malformed option) becomes a
[`CommandError`][convdims.cli.errors.CommandError] that names the option: this parser
never prints a usage block and never exits the process.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from convdims.cli.argv import split_run
from convdims.cli.errors import CommandError
from convdims.cli.output import PROG, OutputFailed, describe_failure
from convdims.conventions import FRAMEWORKS

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any, NoReturn

# Python refuses to read integers of more than this many digits (sys.int_info).
_MAX_DIGITS = getattr(sys.int_info, "default_max_str_digits", 4300) or 4300


class _Refused(argparse.ArgumentTypeError):
    """A malformed option value, with the text that was given."""

    def __init__(self, message: str, value: str) -> None:
        super().__init__(message)
        self.value = value


class _Parser(argparse.ArgumentParser):
    """argparse, but an error is a CommandError naming the option, never a usage block."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("exit_on_error", False)
        kwargs.setdefault("formatter_class", argparse.RawDescriptionHelpFormatter)
        super().__init__(*args, **kwargs)

    def parse_known_args(  # type: ignore[override]
        self, args: Sequence[str] | None = None, namespace: Any = None
    ) -> tuple[argparse.Namespace, list[str]]:
        try:
            return super().parse_known_args(args, namespace)
        except argparse.ArgumentError as error:
            cause = error.__context__
            raise CommandError(
                f"{error} (see '{self.prog} --help')",
                option=error.argument_name,
                value=getattr(cause, "value", None),
            ) from None

    def error(self, message: str) -> NoReturn:
        raise CommandError(f"{message} (see '{self.prog} --help')")

    def _print_message(self, message: str, file: Any = None) -> None:
        # argparse ignores a failed write (the help lost, status 0): say so instead.
        if not message:
            return
        stream = file or sys.stderr
        if stream is None:
            raise OutputFailed("cannot write the output: standard output is closed")
        try:
            stream.write(message)
        except BrokenPipeError:
            raise
        except (OSError, ValueError) as error:
            raise OutputFailed(describe_failure(error)) from None


# --------------------------------------------------------------------------------------
# Values on the command line


def _shown(text: str) -> str:
    """The text as a message quotes it: a 5,000-digit argument is not echoed whole."""
    return repr(text) if len(text) <= 40 else f"{text[:20]!r}... ({len(text)} characters)"


def _integer(text: str) -> int:
    digits = text.strip().lstrip("+-")
    if digits.isdigit() and len(digits) > _MAX_DIGITS:
        raise _Refused(
            f"expected an integer of at most {_MAX_DIGITS} digits, got one of "
            f"{len(digits)} digits",
            text,
        )
    return int(text)


def _ints(text: str, what: str, example: str) -> tuple[int, ...]:
    try:
        return tuple(_integer(part) for part in text.lower().split("x"))
    except ValueError:
        raise _Refused(
            f"expected {what} such as {example}, got {_shown(text)}", text
        ) from None


def _sizes(text: str) -> tuple[int, ...]:
    """``32`` or ``32x24``: one integer per axis, joined by ``x``."""
    return _ints(text, "an integer or one per axis joined by 'x'", "32 or 32x24")


def _per_axis(text: str) -> tuple[int, ...]:
    return _ints(text, "an integer or one per axis joined by 'x'", "3 or 3x5")


def _count(text: str) -> int:
    """One integer (channels, filters, groups, units)."""
    try:
        return _integer(text)
    except ValueError:
        raise _Refused(f"expected an integer, got {_shown(text)}", text) from None


def _padding(text: str) -> str | tuple[int | tuple[int, int], ...]:
    """A word (valid, same, full, causal, or a framework's own, such as same_upper;
    lower-cased), ``N``, ``B,A``, or one per axis: ``1x0,1``."""
    word = text.strip().lower()
    if word.replace("_", "").isalpha():
        return word
    axes: list[int | tuple[int, int]] = []
    for part in word.split("x"):
        try:
            values = tuple(_integer(v) for v in part.split(","))
        except ValueError:
            raise _Refused(
                f"expected a word (valid, same, full, causal), N cells on each side, "
                f"B,A cells before and after, or one per axis joined by 'x' "
                f"(1x0,1); got {_shown(text)}",
                text,
            ) from None
        if len(values) == 1:
            axes.append(values[0])
        elif len(values) == 2:
            axes.append((values[0], values[1]))
        else:
            raise _Refused(
                f"B,A takes 2 numbers (cells before, after), got {part!r} in "
                f"{_shown(text)}",
                text,
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
            values.append(_integer(part))
        except ValueError:
            raise _Refused(
                f"expected 'none', an integer or one per axis joined by 'x' (1x0); "
                f"got {_shown(text)}",
                text,
            ) from None
    return tuple(values)


def _columns(text: str) -> list[str]:
    return [c for c in text.split(",") if c]


# --------------------------------------------------------------------------------------
# Help that teaches by example

_JSON_ERROR = """\
  A refusal (exit status 2) is one object instead, on standard output:
  {"error": {"message": str (the line printed without --json), "option": str | null,
             "argument": str | null, "value": any, "valid": str | null}}"""

_FRAMEWORK_NAMES = " | ".join(f'"{name}"' for name in FRAMEWORKS)

_JSON_WINDOW = f"""\
--json prints one object:
  {{"command": "conv" | "pool" | "transpose",
   "framework": null | {_FRAMEWORK_NAMES},
   "input_size": [int, ...], "output_size": [int, ...],
   "axes": [{{"axis": int, "input_size": int, "kernel_size": int,
             "stride": int, "dilation": int,
             "padding": "valid" | "same" | "full" | "causal" | int | [before, after],
             "pad_before": int | null, "pad_after": int | null,
             "ceil_mode": bool (pool only), "output_padding": int | null (transpose only),
             "output_size": int (0: an empty axis, with --framework only),
             "empty": bool, "derivation": DERIVATION | null (null when empty, or
             when an output_shape is taken as given)}}]}}
  DERIVATION = {{"quantity": str, "formula": str, "formula_latex": str,
                "substituted": str, "substituted_latex": str, "result": int,
                "steps": [{{"formula", "formula_latex", "substituted",
                           "substituted_latex", "result"}}],
                "legend": [{{"symbol": str, "latex": str, "meaning": str, "value": int}}],
                "notes": [str]}}
{_JSON_ERROR}"""

_JSON_PARAMS = f"""\
--json prints one object:
  {{"command": "params", "layer": "conv" | "depthwise" | "separable" | "dense",
   "arguments": {{the layer's arguments by their Python names}}, "params": int,
   "derivation": DERIVATION (see 'convdims conv --help')}}
{_JSON_ERROR}"""

_JSON_SUMMARY = f"""\
--json prints one object (what FILE.py itself prints goes to standard error):
  {{"command": "summary", "file": str, "name": str, "dialect": "keras" | "torch",
   "input_size": [int, ...] | null, "columns": [str, ...] | null,
   "total_params": int, "trainable_params": int (not running statistics),
   "summary": str (the table as printed)}}
{_JSON_ERROR}"""

_JSON_RUN = f"""\
--json prints one object when the script ends:
  {{"command": "run", "file": str, "argv": [str, ...] (the script's sys.argv),
   "output": str (everything it printed), "exit_status": int}}
{_JSON_ERROR}
  and, for a script that raised, also "file", "argv", "output" and "exit_status"."""

_SECURITY = """\
Security: FILE.py is executed as `python FILE.py` would execute it, with your
permissions; run only files you would run with Python."""

_MAIN_EPILOG = """\
examples:
  convdims conv 32 -k 3                       30, and floor((32 - 3 + 2*0)/1) + 1
  convdims conv 11 -k 2 -s 2 -p same          Keras 'same': ceil(11/2) = 6
  convdims conv 224x224 -k 7 -s 2 -p 3 --framework torch
  convdims pool 11 -k 2 --ceil-mode           PyTorch's ceil_mode
  convdims transpose 12 -k 3 -s 2 -p same --output-padding none
  convdims params conv -k 3 -c 3 -f 5         (3*3*3 + 1)*5 = 140
  convdims summary model.py                   the variable `model` in model.py
  convdims run model.py --size 16             the script, as Python runs it
  convdims conv 32 -k 3 --json                the same as JSON, for scripts

symbols: I input size, k kernel size, S stride, P padding on each side (P_b before,
P_a after), d dilation, K = d(k - 1) + 1 effective kernel, a output padding.
'convdims COMMAND --help' shows each command's options, examples and JSON schema.
summary and run execute the file you give them, as Python does."""

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
FILE.py runs as a script does, with its folder first on sys.path and sys.argv
[FILE.py] (its `if __name__ == "__main__":` block is skipped), and NAME (default:
model) is taken from it: a Keras-dialect model (convdims.keras), a torch-dialect
module (convdims.torch), or a function or class that returns one when called with no
arguments. Files written for the real Keras or PyTorch work too: convdims stands in.

examples:
  convdims summary vgg.py                       the variable `model`
  convdims summary nets.py:build_lenet          calls build_lenet()
  convdims summary resnet.py:net --input-size 1x3x224x224   a torch-dialect module
  convdims summary vgg.py --columns macs,receptive_field     analysis columns

{_SECURITY.replace("FILE.py", "FILE.py")}

{_JSON_SUMMARY}"""

_RUN_EPILOG = f"""\
SCRIPT.py is written for the real frameworks (import keras, from keras import layers,
import torch, from torch import nn, from torchinfo import summary) and runs unchanged:
convdims's dialects stand in for them, so it prints the shapes and summaries the
framework would, without the framework installed.

It runs as `python SCRIPT.py ARGS` runs it: its folder first on sys.path, sys.argv
[SCRIPT.py, ARGS...], `if __name__ == "__main__":` blocks run, and what it prints
appears as it prints it. sys.exit(N) ends convdims with status N (0 or None: success;
a message: printed, status 1). An exception, or a call convdims cannot answer (it
computes shapes and counts only: Model.fit is not available), is one line naming the
file and line, status 2. --json may come before or after SCRIPT.py; after `--`,
every argument goes to the script.

examples:
  convdims run my_keras_model.py             model.summary() as Keras prints it
  convdims run my_torch_model.py             torchinfo-style summary, shapes
  convdims run train.py --size 16            the script's own arguments
  convdims run train.py -- --json            --json for the script, not convdims

{_SECURITY.replace("FILE.py", "SCRIPT.py")}

{_JSON_RUN}"""


# --------------------------------------------------------------------------------------
# The parser


def _json_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--json", action="store_true", help="print JSON (schema below) instead of text"
    )


def _window_parser(
    commands: Any, name: str, help_text: str, epilog: str, kernel_help: str
) -> argparse.ArgumentParser:
    parser = commands.add_parser(name, help=help_text, description=help_text, epilog=epilog)
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
        + ", N cells on each side, or B,A before and after (default: 0; with "
        "--framework, that framework's default, in its own words: e.g. same_upper for "
        "onnx)",
    )
    parser.add_argument(
        "-d", "--dilation", type=_per_axis, metavar="D", help="dilation d (default: 1)"
    )
    parser.add_argument(
        "--framework",
        choices=FRAMEWORKS,
        help="apply that framework's rules and defaults (default: none, only the "
        "arithmetic)",
    )
    if name != "transpose":
        parser.add_argument(
            "--rounding",
            choices=("floor", "round", "ceil", "ceil_torch"),
            help="a framework's own rounding option, with --framework: TF.js's "
            "dimRoundingMode (floor, round, ceil), OpenVINO's rounding_type (floor, "
            "ceil, ceil_torch), Caffe's round_mode (ceil, floor)",
        )
    _json_option(parser)
    return parser


def _params_parsers(commands: Any) -> None:
    params = commands.add_parser(
        "params",
        help="parameter count of a layer, with its formula",
        description="Parameter count of a layer (weights and biases), with its formula.",
        epilog=_PARAMS_EPILOG,
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
        )
        if layer == "dense":
            sub.add_argument(
                "-i", "--in-features", type=_count, required=True, metavar="N",
                help="inputs N",
            )  # fmt: skip
            sub.add_argument(
                "-u", "--units", type=_count, required=True, metavar="U", help="units U"
            )
        else:
            sub.add_argument(
                "-k", "--kernel-size", type=_per_axis, required=True, metavar="K",
                help="kernel size: 3 (square, 2-D), 3x5, or 5 with --ndim 1",
            )  # fmt: skip
            sub.add_argument(
                "--ndim", type=_count, choices=(1, 2, 3),
                help="spatial axes of the kernel (default: 2 for one size, else the count)",
            )  # fmt: skip
            sub.add_argument(
                "-c", "--in-channels", type=_count, required=True, metavar="C",
                help="input channels C",
            )  # fmt: skip
            if layer in ("conv", "separable"):
                sub.add_argument(
                    "-f", "--filters", type=_count, required=True, metavar="D",
                    help="filters D (output channels)",
                )  # fmt: skip
            if layer == "conv":
                sub.add_argument(
                    "-g", "--groups", type=_count, default=1, metavar="G",
                    help="groups G (default: 1)",
                )  # fmt: skip
            else:
                sub.add_argument(
                    "-m", "--depth-multiplier", type=_count, default=1, metavar="M",
                    help="depth multiplier m (default: 1)",
                )  # fmt: skip
        sub.add_argument("--no-bias", action="store_true", help="no bias (use_bias=False)")
        _json_option(sub)


def _model_parsers(commands: Any) -> None:
    summary = commands.add_parser(
        "summary",
        help="summary table of a model written with convdims.keras or convdims.torch "
        "(executes the file)",
        description="Print the summary of the model a Python file builds (with the "
        "convdims Keras or torch dialect, or the real frameworks' imports). The file "
        "is executed, as Python would execute it.",
        epilog=_SUMMARY_EPILOG,
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
        type=_columns,
        metavar="A,B",
        help="extra analysis columns, passed to the summary as columns=[...]",
    )
    _json_option(summary)

    run = commands.add_parser(
        "run",
        help="run a Keras or PyTorch script with convdims standing in for the framework "
        "(executes the file)",
        description="Run an unmodified Keras or PyTorch script without the framework: "
        "convdims's dialects answer its imports. The script is executed as "
        "`python SCRIPT.py ARGS` would execute it.",
        epilog=_RUN_EPILOG,
    )
    _json_option(run)
    run.add_argument("script", metavar="SCRIPT.py", help="the script to run")
    run.add_argument(
        "script_args",
        nargs="*",
        metavar="ARGS",
        help="the script's own arguments (its sys.argv[1:]), options included",
    )


def build_parser() -> argparse.ArgumentParser:
    """The ``convdims`` argument parser (its ``--help`` is the command's manual).

    >>> build_parser().parse_args(["conv", "32", "-k", "3"]).kernel_size
    (3,)
    """
    parser = _Parser(
        prog=PROG,
        description="Output sizes, padding and parameter counts of CNN layers, derived\n"
        "step by step, with the rules of Keras and PyTorch. Every command takes --json.",
        epilog=_MAIN_EPILOG,
    )
    from convdims import __version__

    parser.add_argument("--version", action="version", version=f"{PROG} {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    _window_parser(
        commands, "conv", "output size of a convolution", _CONV_EPILOG, "kernel size k"
    )
    pool = _window_parser(
        commands, "pool", "output size of max or average pooling", _POOL_EPILOG,
        "pool size k",
    )  # fmt: skip
    pool.add_argument(
        "--ceil-mode",
        action="store_true",
        help="round up, under PyTorch's last-window rule",
    )
    transpose = _window_parser(
        commands, "transpose", "output size of a transposed convolution",
        _TRANSPOSE_EPILOG, "kernel size k",
    )  # fmt: skip
    transpose.add_argument(
        "--output-padding",
        type=_output_padding,
        metavar="A",
        help="cells added at the end: an int, or none (Keras's default, not the same "
        "as 0 for 'valid' and 'same')",
    )
    transpose.add_argument(
        "--output-shape",
        type=_per_axis,
        metavar="O",
        help="the output size to reach, with --framework onnx, openvino, tensorflow, "
        "tflite or tfjs (their output_shape); one per axis joined by 'x'",
    )
    _params_parsers(commands)
    _model_parsers(commands)
    return parser


def parse(argv: Sequence[str]) -> argparse.Namespace:
    """Parse a command line.

    After ``run SCRIPT.py`` every argument is the script's (its ``sys.argv[1:]``),
    except convdims's own ``--json`` before any ``--``; the first ``--`` is dropped
    ([`split_run`][convdims.cli.argv.split_run]).

    Raises:
        CommandError: bad input, naming the option.
        SystemExit: after ``--help`` or ``--version`` printed.

    >>> args = parse(["run", "model.py", "--size", "16", "--json", "--", "--json"])
    >>> args.script, args.script_args, args.json
    ('model.py', ['--size', '16', '--json'], True)
    """
    argv = list(argv)
    split = split_run(argv)
    if split is not None:
        argv = ["run", *split.options, split.script]
    args = build_parser().parse_args(argv)
    if args.command == "run":
        args.script_args = split.script_args if split is not None else []
    return args

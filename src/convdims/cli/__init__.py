"""The ``convdims`` command: output sizes and parameter counts in the terminal, derived.

Every command prints the answer first, then the formula with the numbers substituted
(from [`convdims.render.formula`][convdims.render.formula]). ``--json`` prints the same
as data for scripts. Bad input ends with one line on stderr, ``convdims: error: ...``,
and exit status 2 (under ``--json``: an ``{"error": ...}`` object on stdout).

>>> main(["conv", "32", "-k", "3"])
output size: 30
<BLANKLINE>
O = floor((I - k + 2P)/S) + 1
  = floor((32 - 3 + 2*0)/1) + 1 = 30
where I = 32 (input size), k = 3 (kernel size), S = 1 (stride),
  P = 0 (padding on each side)
0

The package, in the order to read it:

- ``argv.py``: the command line before argparse (``--json``, ``run``'s own arguments).
- ``parser.py``: every option, the values it takes, and the help with its examples.
- ``windows.py``: ``conv``, ``pool``, ``transpose``; ``--framework`` applies
  [`convdims.conventions`][convdims.conventions].
- ``params.py``: ``params``, a layer's parameter count and its formula.
- ``models.py``: ``summary`` and ``run``, files executed as Python executes them.
- ``errors.py``: [`CommandError`][convdims.cli.errors.CommandError], and which option
  an argument of the core belongs to.
- ``output.py``: text or JSON out, and a clear message when the output cannot go out.

This module only dispatches: each command's module is imported when it is asked for.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Sequence

from convdims.cli.argv import quick_run, wants_json
from convdims.cli.errors import OPTIONS, CommandError
from convdims.cli.output import (
    OUTPUT_FAILED,
    PROG,
    OutputFailed,
    any_digits,
    as_json,
    complain,
    emit,
    output_failed,
    refuse,
    silence_stdout,
)

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

# Kept importable from here: the option an argument of the core belongs to.
_OPTIONS = OPTIONS

#: Exit status after Ctrl-C, as a shell reports it.
INTERRUPTED = 130


def _answer(args: Any) -> tuple[dict[str, Any], Callable[[dict[str, Any]], str]]:
    """The command's result (what ``--json`` prints) and how to print it as text."""
    if args.command in ("conv", "pool", "transpose"):
        from convdims.cli.windows import window_command, window_text

        with any_digits():
            return window_command(args), _digits(window_text)
    if args.command == "params":
        from convdims.cli.params import params_command, params_text

        with any_digits():
            return params_command(args), _digits(params_text)
    from convdims.cli import models

    if args.command == "run":
        result, _ = models.run_command(args, stream=False)
        return result, lambda r: r["output"].rstrip("\n")
    return models.summary_command(args), lambda r: r["summary"]


def _digits(text: Callable[[dict[str, Any]], str]) -> Callable[[dict[str, Any]], str]:
    def render(result: dict[str, Any]) -> str:
        with any_digits():
            return text(result)

    return render


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
    args = _parse(list(argv))
    result, text = _answer(args)
    if args.json:
        return as_json(result)
    return text(result)


def _parse(argv: list[str]) -> Any:
    """The parsed command line; a plain ``run`` without building the parser."""
    quick = quick_run(argv)
    if quick is not None:
        from types import SimpleNamespace

        return SimpleNamespace(
            command="run", script=quick.script, script_args=quick.script_args,
            json=quick.json,
        )  # fmt: skip
    from convdims.cli.parser import parse

    return parse(argv)


def __getattr__(name: str) -> Any:
    # The parser is built only when a command needs it (``run`` does not).
    if name in ("build_parser", "parse"):
        from convdims.cli import parser

        return getattr(parser, name)
    if name == "FRAMEWORKS":  # kept importable from here: convdims.conventions's
        from convdims.conventions import FRAMEWORKS

        return FRAMEWORKS
    raise AttributeError(f"module 'convdims.cli' has no attribute {name!r}")


def _main(argv: list[str], json_output: bool) -> int:
    args = _parse(argv)
    if sys.stdout is None:  # started with standard output closed (`convdims ... >&-`)
        raise OutputFailed("cannot write the output: standard output is closed")
    if args.command == "run":
        from convdims.cli import models

        result, status = models.run_command(args, stream=not json_output)
        if json_output:
            return emit(as_json(result)) or status
        return emit(None) or status
    result, text = _answer(args)
    return emit(as_json(result) if args.json else text(result))


def main(argv: Sequence[str] | None = None) -> int:
    """The console script: run ``argv`` (default: ``sys.argv[1:]``), return the exit status.

    0 on success; 2 on bad input, after one line ``convdims: error: ...`` on stderr (or,
    under ``--json``, an ``{"error": ...}`` object on stdout); for ``run``, the script's
    own ``sys.exit`` status; 1 when the output cannot be written (a message says why).
    """
    arguments = list(sys.argv[1:] if argv is None else argv)
    json_output = wants_json(arguments)
    try:
        return _main(arguments, json_output)
    except CommandError as error:
        return refuse(error, json_output)
    except OutputFailed as failure:
        silence_stdout()
        complain(str(failure))
        return OUTPUT_FAILED
    except BrokenPipeError as error:  # the reader left (`convdims run x.py | head`)
        return output_failed(error)
    except SystemExit as exit_:  # --help and --version end here, after printing
        code = exit_.code
        status = code if isinstance(code, int) else 0 if code is None else 2
        return emit(None) or status
    except KeyboardInterrupt:
        complain("interrupted")
        return INTERRUPTED


__all__ = ["PROG", "CommandError", "build_parser", "main", "run"]

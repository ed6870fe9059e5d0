"""``summary FILE.py[:NAME]`` and ``run SCRIPT.py ARGS``: files run as Python runs them.

Both execute the file with [`convdims.standin.execute`][convdims.standin.execute] (its
folder on ``sys.path``, its ``sys.argv``, the dialects answering framework imports).
``run`` ends as ``python SCRIPT.py`` would: ``sys.exit(N)`` is the exit status, and what
the script printed before an error stays printed. An exception becomes one line naming
the file and line; a call convdims cannot answer says so ("convdims computes shapes and
counts only: Sequential.fit is not available"). ``summary`` reads the model through its
graph ([`convdims.analysis.describe`][convdims.analysis.describe]), which dispatches on
the model class's declared ``_dialect``.
"""

from __future__ import annotations

import contextlib
import io
import os
import sys
import types

from convdims import standin
from convdims.cli.errors import CommandError, from_argument_error
from convdims.cli.output import GuardedStream, OutputFailed, describe_failure

TYPE_CHECKING = False
if TYPE_CHECKING:
    import argparse
    from typing import Any

#: The dialects a model class may declare (``_dialect``), by the name ``--json`` gives.
DIALECTS = {"convdims.keras": "keras", "convdims.torch": "torch"}


# --------------------------------------------------------------------------------------
# Where an error happened, and what it was


def _user_frame(error: BaseException, script: str) -> tuple[str, int] | None:
    """The file and line of the deepest frame outside convdims and Python's own
    library (the script, or a module of the user's it imported)."""
    import sysconfig
    import traceback

    ours = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    library = os.path.abspath(sysconfig.get_paths()["stdlib"])
    found = None
    if isinstance(error, SyntaxError) and error.filename and error.lineno:
        found = (os.path.abspath(error.filename), error.lineno)
    for frame in traceback.extract_tb(error.__traceback__):
        filename = os.path.abspath(frame.filename)
        if frame.filename.startswith("<") or frame.lineno is None:
            continue
        if filename.startswith((ours + os.sep, library + os.sep)) and filename != script:
            continue
        found = (filename, frame.lineno)
    return found


def _where(error: BaseException, script: str, named: str | None = None) -> str:
    """`` (line N)`` in the script itself (`` (named, line N)`` if it is to be named),
    `` (other.py, line N)`` in another file."""
    frame = _user_frame(error, script)
    if frame is None:
        return f" ({named})" if named else ""
    filename, line = frame
    if filename == script:
        return f" ({named}, line {line})" if named else f" (line {line})"
    return f" ({os.path.relpath(filename)}, line {line})"


def raised(error: BaseException, what: str, script: str) -> CommandError:
    """The one line that reports an exception of the user's file (``what`` names it;
    ``script`` is its absolute path)."""
    missing = standin.unsupported(error)
    if missing is not None:
        detail = ""
        owner = getattr(error, "obj", None)
        if (
            isinstance(error, AttributeError)
            and not isinstance(owner, (type, types.ModuleType))
            and not type(owner).__module__.startswith("convdims.")
        ):
            # A class of the user's, built on a stand-in: perhaps the user's own typo.
            detail = f"; {type(error).__name__}: {error}"
        named = (
            os.path.relpath(script)
            if len(os.path.relpath(script)) < len(script)
            else script
        )
        return CommandError(
            f"convdims computes shapes and counts only: {missing} is not available"
            f"{detail}{_where(error, script, named)}",
            extra={"unsupported": missing},
        )
    message = str(error).strip().splitlines()[0] if str(error).strip() else ""
    if isinstance(error, SyntaxError) and error.msg:
        message = error.msg  # str() adds "(file, line N)", which _where says
    detail = f": {message}" if message else ""
    return CommandError(
        f"{what} raised {type(error).__name__}{detail}{_where(error, script)}"
    )


def _exit_status(code: Any) -> tuple[int, str | None]:
    """What Python does with ``sys.exit(code)``: the status, and a message to print.

    >>> _exit_status(None), _exit_status(3), _exit_status("bye")
    ((0, None), (3, None), (1, 'bye'))
    """
    if code is None:
        return 0, None
    if isinstance(code, int):
        return int(code), None
    return 1, str(code)


# --------------------------------------------------------------------------------------
# run SCRIPT.py ARGS


def run_command(args: argparse.Namespace, stream: bool) -> tuple[dict[str, Any], int]:
    """Run the script; its result and the exit status.

    Args:
        args: the parsed command line.
        stream: print what the script prints as it prints it (text output); else keep
            it for the result's ``"output"``.

    Raises:
        CommandError: no such script, or the script raised (``extra`` has what it
            printed); the exit status is 2.
        OutputFailed: standard output could not take what the script printed.
    """
    script = os.path.abspath(args.script)
    if not os.path.isfile(script):
        raise _not_a_file(args.script, "SCRIPT")
    argv = [args.script, *args.script_args]
    captured = io.StringIO()
    guard = GuardedStream(sys.stdout if stream else captured)  # type: ignore[arg-type]
    result: dict[str, Any] = {"command": "run", "file": args.script, "argv": argv}
    status, message, failure = 0, None, None
    try:
        with contextlib.redirect_stdout(guard):  # type: ignore[type-var]
            standin.execute(args.script, args.script_args)
    except SystemExit as exit_:
        status, message = _exit_status(exit_.code)
    except Exception as error:  # noqa: BLE001 - any error of the script is reported
        failure = raised(error, args.script, script)
    if stream:
        with contextlib.suppress(OSError, ValueError):
            guard.flush()  # a failure is kept by the guard
    if isinstance(guard.failure, BrokenPipeError):
        raise guard.failure  # the reader left (`| head`): not the script's failure
    if guard.failure is not None:
        raise OutputFailed(describe_failure(guard.failure))
    if message is not None:
        _to_stderr(message)
    result["output"] = captured.getvalue()
    if failure is not None:
        failure.extra = {**result, **failure.extra, "exit_status": 2}
        raise failure
    result["exit_status"] = status
    return result, status


def _to_stderr(message: str) -> None:
    if sys.stderr is not None:
        with contextlib.suppress(OSError, ValueError, UnicodeEncodeError):
            sys.stderr.write(message + "\n")
            sys.stderr.flush()


# --------------------------------------------------------------------------------------
# summary FILE.py[:NAME]


class _Capture(io.StringIO):
    """Kept output that says it will go to standard output's encoding (the Keras
    dialect, as rich does, draws its table in ASCII for an ASCII terminal)."""

    def __init__(self) -> None:
        super().__init__()
        self._encoding = getattr(sys.stdout, "encoding", None) or "utf-8"

    @property
    def encoding(self) -> str:  # type: ignore[override]
        return self._encoding


def _split_target(target: str) -> tuple[str, str]:
    path, sep, name = target.rpartition(":")
    if sep and name.isidentifier() and path:
        return path, name
    return target, "model"


def _declared(obj: Any) -> str | None:
    """The dialect a model's class declares (``"convdims.keras"``), or None."""
    if isinstance(obj, type):
        return None
    dialect = getattr(type(obj), "_dialect", None)
    return dialect if dialect in DIALECTS else None


def _not_a_file(path: str, option: str) -> CommandError:
    """The refusal of a path that is no file: missing, or a folder."""
    if os.path.isdir(path):
        return CommandError(
            f"{path} is a folder; give the Python file in it", option=option, value=path
        )
    return CommandError(f"no such file: {path}", option=option, value=path)


def _load_model(target: str, json_output: bool) -> tuple[str, str, Any]:
    path, name = _split_target(target)
    full = os.path.abspath(path)
    if not os.path.isfile(full):
        raise _not_a_file(path, "FILE")
    namespace: dict[str, Any] = {}
    # Under --json what the file prints goes to stderr: stdout is the JSON alone.
    prints = sys.stderr if json_output else sys.stdout
    try:
        with contextlib.redirect_stdout(prints):
            standin.execute(path, run_name="__convdims_summary__", namespace=namespace)
    except SystemExit as exit_:
        status, _ = _exit_status(exit_.code)
        if status != 0 or name not in namespace:
            raise raised(exit_, path, full) from None
    except Exception as error:  # noqa: BLE001 - any error of the file is reported
        raise raised(error, path, full) from None
    if name not in namespace:
        found = sorted(
            key
            for key, value in namespace.items()
            if not key.startswith("_") and _declared(value) is not None
        )
        hint = f"; models found: {', '.join(found)}" if found else ""
        raise CommandError(
            f"{path} defines no {name!r}{hint} (pick one with {path}:NAME)",
            option="FILE",
            value=target,
        )
    obj = namespace[name]
    if _declared(obj) is None and callable(obj):
        try:
            with contextlib.redirect_stdout(prints):
                obj = obj()
        except (Exception, SystemExit) as error:
            raise raised(error, f"{name}() in {path}", full) from None
    return path, name, obj


def _accepts_columns(function: Any) -> bool:
    import inspect

    try:
        parameters = inspect.signature(function).parameters
    except (TypeError, ValueError):
        return True
    return "columns" in parameters or any(
        p.kind is inspect.Parameter.VAR_KEYWORD for p in parameters.values()
    )


def _printer(model: Any, dialect: str, args: argparse.Namespace) -> Any:
    """The call that prints the dialect's own summary table."""
    kwargs: dict[str, Any] = {"columns": list(args.columns)} if args.columns else {}
    if dialect == "keras":
        function = model.summary
        call = lambda: function(**kwargs)  # noqa: E731
    else:
        import importlib

        function = importlib.import_module("convdims.torch").summary
        size = tuple(args.input_size)
        call = lambda: function(model, input_size=size, **kwargs)  # noqa: E731
    if args.columns and not _accepts_columns(function):
        raise CommandError(
            "this summary takes no columns (the analysis columns are not available in "
            "this version of convdims)",
            option="--columns",
            value=list(args.columns),
        )
    return call


def _works_without_columns(model: Any, dialect: str, args: argparse.Namespace) -> bool:
    """Whether the summary succeeds without ``--columns``: then they were the fault."""
    import argparse

    plain = argparse.Namespace(**{**vars(args), "columns": None})
    try:
        with contextlib.redirect_stdout(io.StringIO()):
            _printer(model, dialect, plain)()
    except Exception:  # noqa: BLE001 - only success or failure matters here
        return False
    return True


def _check_input_size(dialect: str, args: argparse.Namespace) -> None:
    if dialect == "keras" and args.input_size is not None:
        raise CommandError(
            "only for torch-dialect modules; a Keras model knows its input shape",
            option="--input-size",
            value=list(args.input_size),
        )
    if dialect == "torch" and args.input_size is None:
        raise CommandError(
            "required for a torch-dialect module, for example --input-size 1x3x224x224",
            option="--input-size",
        )


def summary_command(args: argparse.Namespace) -> dict[str, Any]:
    """The model's summary table as its dialect prints it, and its counts."""
    path, name, model = _load_model(args.target, args.json)
    full = os.path.abspath(path)
    declared = _declared(model)
    if declared is None:
        raise CommandError(
            f"{name} in {path} is a {type(model).__name__}, not a convdims model (a "
            f"Keras-dialect model or a torch-dialect module)",
            option="FILE",
            value=args.target,
        )
    dialect = DIALECTS[declared]
    _check_input_size(dialect, args)
    call = _printer(model, dialect, args)
    from convdims import analysis

    size = tuple(args.input_size) if args.input_size else None
    captured = _Capture()
    try:
        graph = analysis.describe(model, size)
        with contextlib.redirect_stdout(captured):
            stats = call()
    except (TypeError, ValueError) as error:
        argument = getattr(error, "argument", None)
        if argument is not None:
            # The summary's input_size is --input-size (INPUT is the window commands').
            option = "--input-size" if argument == "input_size" else None
            raise from_argument_error(error, option=option) from None
        if args.columns and _works_without_columns(model, dialect, args):
            raise CommandError(str(error), option="--columns", value=args.columns) from None
        raise raised(error, f"the summary of {name}", full) from None
    except Exception as error:  # noqa: BLE001 - any error of the model is reported
        raise raised(error, f"the summary of {name}", full) from None
    text = captured.getvalue().rstrip("\n")
    if not text.strip() and stats is not None:
        text = str(stats).rstrip("\n")
    total = sum(call.params for call in graph)
    statistics = sum(call.statistics for call in graph)
    return {
        "command": "summary",
        "file": path,
        "name": name,
        "dialect": dialect,
        "input_size": list(args.input_size) if args.input_size else None,
        "columns": list(args.columns) if args.columns else None,
        "total_params": total,
        "trainable_params": total - statistics,
        "summary": text,
    }

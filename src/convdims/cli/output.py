"""Printing the answer: text or JSON, and a clear message when the output cannot go out.

A terminal that cannot show a character (``PYTHONIOENCODING=ascii``), a closed standard
output, a full device (``> /dev/full``): each ends with one line on standard error and
exit status 1 ([`OUTPUT_FAILED`][convdims.cli.output.OUTPUT_FAILED]), never a traceback.
A reader that leaves early (``convdims ... | head``) is fine: status 0.
"""

from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Iterator

from convdims.cli.errors import REFUSED, CommandError

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any, TextIO

#: The program's name in every message (the one place it is written).
PROG = "convdims"

#: Exit status when the output could not be written.
OUTPUT_FAILED = 1


class OutputFailed(Exception):
    """Standard output could not take what was printed; the message says why."""


def describe_failure(error: BaseException) -> str:
    """Why writing failed, in words, with what to do.

    >>> print(describe_failure(UnicodeEncodeError("ascii", "\\u2501", 0, 1, "no")))
    ... # doctest: +NORMALIZE_WHITESPACE
    cannot print '━' (U+2501): standard output's encoding is ascii; set
    PYTHONIOENCODING=utf-8 (or a UTF-8 locale), or use --json
    """
    if isinstance(error, UnicodeEncodeError):
        character = error.object[error.start : error.start + 1]
        return (
            f"cannot print {character!r} (U+{ord(character):04X}): standard output's "
            f"encoding is {error.encoding}; set PYTHONIOENCODING=utf-8 (or a UTF-8 "
            "locale), or use --json"
        )
    if isinstance(error, ValueError) or (
        isinstance(error, OSError) and getattr(error, "errno", None) == 9
    ):
        return "cannot write the output: standard output is closed"
    if isinstance(error, OSError) and error.strerror:
        return f"cannot write the output: {error.strerror}"
    return f"cannot write the output: {error}"


class GuardedStream:
    """Standard output as a script sees it: writes go through, and the first failure
    to write (encoding, closed, full, a reader that left) is kept for the command line
    to report."""

    def __init__(self, stream: TextIO) -> None:
        self._stream = stream
        self.failure: BaseException | None = None

    def write(self, text: str) -> int:
        try:
            return self._stream.write(text)
        except (UnicodeEncodeError, OSError, ValueError) as error:
            self.failure = self.failure or error
            raise

    def flush(self) -> None:
        try:
            self._stream.flush()
        except (OSError, ValueError) as error:
            self.failure = self.failure or error
            raise

    def __getattr__(self, name: str) -> Any:
        return getattr(self._stream, name)


def silence_stdout() -> None:
    """Point standard output at the null device, so that Python's own flush at exit
    does not fail again (and print a traceback of its own)."""
    try:
        fileno = sys.__stdout__.fileno() if sys.__stdout__ else None
    except (OSError, ValueError, AttributeError):
        fileno = None
    if fileno is None:
        return
    devnull = os.open(os.devnull, os.O_WRONLY)
    try:
        os.dup2(devnull, fileno)
    except OSError:
        pass
    finally:
        os.close(devnull)


def complain(message: str) -> None:
    """One line ``convdims: error: message`` on standard error (if there is one)."""
    stream = sys.stderr
    if stream is None:
        return
    try:
        stream.write(f"{PROG}: error: {' '.join(message.split())}\n")
        stream.flush()
    except (OSError, ValueError):
        pass
    except UnicodeEncodeError:
        try:
            stream.write(f"{PROG}: error: {ascii(message)[1:-1]}\n")
            stream.flush()
        except (OSError, ValueError, UnicodeEncodeError):
            pass


def output_failed(error: BaseException) -> int:
    """Report a failed write, and the exit status to end with."""
    if isinstance(error, BrokenPipeError):
        silence_stdout()
        return 0
    silence_stdout()
    complain(describe_failure(error))
    return OUTPUT_FAILED


def emit(text: str | None) -> int:
    """Print ``text`` (and a newline) to standard output; the exit status: 0, or
    [`OUTPUT_FAILED`][convdims.cli.output.OUTPUT_FAILED] after a message."""
    stream = sys.stdout
    if stream is None:
        complain("cannot write the output: standard output is closed")
        return OUTPUT_FAILED
    try:
        if text is not None:
            stream.write(text + "\n")
        stream.flush()
    except (UnicodeEncodeError, OSError, ValueError) as error:
        return output_failed(error)
    return 0


@contextlib.contextmanager
def any_digits() -> Iterator[None]:
    """Inside the block, answers of any length can be printed: inputs are at most
    4,300 digits (Python's default limit), but a product of them has more, which Python
    would refuse to turn into text."""
    get = getattr(sys, "get_int_max_str_digits", None)
    if get is None:  # pragma: no cover - Pythons without the limit
        yield
        return
    before = get()
    sys.set_int_max_str_digits(0)
    try:
        yield
    finally:
        sys.set_int_max_str_digits(before)


def as_json(value: Any) -> str:
    """``value`` as indented JSON (derivations as their dicts; anything else that JSON
    has no form for, as its ``repr``)."""
    import json

    with any_digits():
        return json.dumps(_jsonable(value), indent=2)


def _jsonable(value: Any) -> Any:
    as_dict = getattr(value, "as_dict", None)
    if callable(as_dict) and not isinstance(value, type):
        return _jsonable(as_dict())
    if isinstance(value, dict):
        return {str(key): _jsonable(item) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        return [_jsonable(item) for item in value]
    if isinstance(value, bool) or value is None or isinstance(value, (str, float)):
        return value
    if isinstance(value, int):
        return value
    return repr(value)


def refuse(error: CommandError, json_output: bool) -> int:
    """A refusal: one line on standard error, or the ``{"error": ...}`` object on
    standard output under ``--json``; exit status 2 (unless the output fails)."""
    if json_output:
        status = emit(as_json({**error.extra, "error": error.as_dict()}))
        return status or REFUSED
    complain(error.message)
    return REFUSED

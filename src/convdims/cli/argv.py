"""The command line before argparse: whether ``--json`` was asked for, and which of
``run``'s arguments are the script's.

``convdims run`` is answered without building the parser at all when its arguments
are plain (``run [--json] SCRIPT.py ARGS...``): the script starts sooner.
"""

from __future__ import annotations

from collections.abc import Sequence


class RunArguments:
    """``run``'s command line, split (a plain class: no dataclass to build at import,
    this module is on the way to every script).

    Attributes:
        options: convdims's own options (before the script, and ``--json`` after it).
        script: the script, as named.
        script_args: the script's own arguments (its ``sys.argv[1:]``).
    """

    __slots__ = ("options", "script", "script_args")

    def __init__(self, options: tuple[str, ...], script: str, script_args: list[str]):
        self.options = options
        self.script = script
        self.script_args = script_args

    @property
    def json(self) -> bool:
        """Whether ``--json`` is among convdims's options."""
        return "--json" in self.options


def _split_double_dash(arguments: Sequence[str]) -> tuple[list[str], list[str]]:
    items = list(arguments)
    if "--" in items:
        at = items.index("--")
        return items[:at], items[at + 1 :]
    return items, []


def split_run(argv: Sequence[str]) -> RunArguments | None:
    """``run``'s options, script and script arguments (None: not ``run``, or no script).

    After the script, every argument is the script's except ``--json`` before any
    ``--``; the first ``--`` is dropped.

    >>> split = split_run(["run", "model.py", "--size", "16", "--json", "--", "--json"])
    >>> split.options, split.script, split.script_args
    (('--json',), 'model.py', ['--size', '16', '--json'])
    >>> split_run(["conv", "32"]) is None, split_run(["run", "--help"]) is None
    (True, True)
    """
    if not argv or argv[0] != "run":
        return None
    for at in range(1, len(argv)):
        if argv[at] == "-" or not argv[at].startswith("-"):
            own, rest = _split_double_dash(argv[at + 1 :])
            before = tuple(argv[1:at])
            after = ("--json",) if "--json" in own else ()
            return RunArguments(
                before + after, argv[at], [arg for arg in own if arg != "--json"] + rest
            )
    return None


def quick_run(argv: Sequence[str]) -> RunArguments | None:
    """``run``'s arguments when argparse has nothing to add (its only option before
    the script is ``--json``); None otherwise (``--help``, a typo: argparse answers).

    >>> quick_run(["run", "--json", "a.py", "-x"]).script_args, quick_run(["run", "-h"])
    (['-x'], None)
    """
    split = split_run(argv)
    if split is None or any(option != "--json" for option in split.options):
        return None
    return split


def wants_json(argv: Sequence[str]) -> bool:
    """Whether ``--json`` was asked for (before any ``--``): then a refusal of the
    parser itself is JSON too.

    >>> wants_json(["conv", "x", "--json"]), wants_json(["run", "a.py", "--", "--json"])
    (True, False)
    """
    own, _ = _split_double_dash(argv)
    return "--json" in own

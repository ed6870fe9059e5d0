"""How the command line refuses: one message that names the option, and its data.

Every refusal is a [`CommandError`][convdims.cli.errors.CommandError]: printed as one line
``convdims: error: argument -p/--padding: ...`` (exit status 2), or under ``--json`` as
``{"error": {"message", "option", "argument", "value", "valid"}}`` on standard output.
The core and the conventions raise [`ArgumentError`][convdims.errors.ArgumentError] and
[`ArgumentTypeError`][convdims.errors.ArgumentTypeError]; their ``argument`` attribute
says which option to name ([`OPTIONS`][convdims.cli.errors.OPTIONS]); no message is parsed.

>>> from convdims.errors import ArgumentError
>>> error = ArgumentError("stride must be at least 1, got 0", argument="stride",
...                       value=0, valid="an integer of at least 1")
>>> refused = from_argument_error(error, axis=1, axes=2)
>>> str(refused), refused.option
('argument -s/--stride: axis 1 of 2: stride must be at least 1, got 0', '-s/--stride')
"""

from __future__ import annotations

from convdims.errors import base_argument

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

#: The core's (and the conventions') argument names, and the options that set them.
OPTIONS = {
    "input_size": "INPUT",
    "kernel_size": "-k/--kernel-size",
    "pool_size": "-k/--kernel-size",
    "stride": "-s/--stride",
    "padding": "-p/--padding",
    "dilation": "-d/--dilation",
    "output_padding": "--output-padding",
    "output_shape": "--output-shape",
    "ceil_mode": "--ceil-mode",
    "rounding": "--rounding",
    "framework": "--framework",
    "in_channels": "-c/--in-channels",
    "filters": "-f/--filters",
    "groups": "-g/--groups",
    "depth_multiplier": "-m/--depth-multiplier",
    "in_features": "-i/--in-features",
    "units": "-u/--units",
    "columns": "--columns",
    "column": "--columns",
}

#: Exit status of a refusal (bad input, or a script that raised).
REFUSED = 2


class CommandError(Exception):
    """Bad input: one line ``convdims: error: <message>``, exit status 2.

    Attributes:
        message: the whole line after ``convdims: error:`` (the option prefix included).
        option: the option at fault as ``--help`` shows it (``-p/--padding``,
            ``INPUT``), or None.
        argument: the library's name for the argument (``padding``), or None.
        value: the value given, when known.
        valid: what would be accepted, in words, when known.
        extra: more fields for the ``--json`` object (``run``: what the script printed).
    """

    def __init__(
        self,
        message: str,
        *,
        option: str | None = None,
        argument: str | None = None,
        value: Any = None,
        valid: str | None = None,
        extra: dict[str, Any] | None = None,
    ) -> None:
        text = " ".join(message.split())
        if option and not text.startswith("argument "):
            text = f"argument {option}: {text}"
        super().__init__(text)
        self.message = text
        self.option = option
        self.argument = argument
        self.value = value
        self.valid = valid
        self.extra = dict(extra or {})

    def as_dict(self) -> dict[str, Any]:
        """The ``"error"`` object of ``--json``.

        >>> CommandError("no such file: x.py", option="FILE").as_dict()["message"]
        'argument FILE: no such file: x.py'
        """
        return {
            "message": self.message,
            "option": self.option,
            "argument": self.argument,
            "value": self.value,
            "valid": self.valid,
        }


def from_argument_error(
    error: Exception, axis: int = 0, axes: int = 1, option: str | None = None
) -> CommandError:
    """The refusal of the core (or of the conventions), named for its option.

    Args:
        error: an [`ArgumentError`][convdims.errors.ArgumentError] or
            [`ArgumentTypeError`][convdims.errors.ArgumentTypeError] (any other
            TypeError or ValueError keeps its message, with no option named).
        axis: the spatial axis it is about, when the input has several.
        axes: how many spatial axes the input has.
        option: the option to name, when the caller knows it better than the map.
    """
    argument = getattr(error, "argument", None)
    if option is None and isinstance(argument, str):
        option = OPTIONS.get(base_argument(argument))
    where = f"axis {axis} of {axes}: " if axes > 1 else ""
    return CommandError(
        where + str(error),
        option=option,
        argument=argument,
        value=getattr(error, "value", None),
        valid=getattr(error, "valid", None),
    )

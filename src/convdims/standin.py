"""Run code written for Keras or PyTorch with convdims's dialects standing in.

A script that does ``import keras`` or ``from torch import nn`` (and
``from torchinfo import summary``) runs unchanged: while :func:`frameworks` is active,
those imports resolve to :mod:`convdims.keras` and :mod:`convdims.torch`, so the script
prints the shapes and parameter counts the real framework would, without the framework.

Examples:
    >>> import sys
    >>> with frameworks():
    ...     import keras
    >>> keras.__name__, "keras" in sys.modules and sys.modules["keras"] is keras
    ('convdims.keras', False)
"""

from __future__ import annotations

import contextlib
import importlib
import io
import runpy
import sys
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

#: Framework module -> the convdims module that stands in for it.
STAND_INS = {
    "keras": "convdims.keras",
    "keras.layers": "convdims.keras.layers",
    "keras.models": "convdims.keras.models",
    "keras.backend": "convdims.keras.backend",
    "keras.utils": "convdims.keras.utils",
    "torch": "convdims.torch",
    "torch.nn": "convdims.torch.nn",
    "torchinfo": "convdims.torch",
}


@contextlib.contextmanager
def frameworks() -> Iterator[dict[str, ModuleType]]:
    """Make framework imports resolve to convdims's dialects inside the ``with`` block.

    Whatever those names meant before (the real framework, or nothing) is restored on exit.

    Yields:
        The modules standing in, by framework name.
    """
    saved = {name: sys.modules.get(name) for name in STAND_INS}
    installed = {
        name: importlib.import_module(target) for name, target in STAND_INS.items()
    }
    sys.modules.update(installed)
    try:
        yield installed
    finally:
        for name, module in saved.items():
            if module is None:
                sys.modules.pop(name, None)
            else:
                sys.modules[name] = module


def run(path: str | Path) -> str:
    """Run a Keras or PyTorch script with the dialects standing in; return what it printed.

    The script starts from a fresh Keras session, as in a new Python process, so layer
    names come out as the real framework would print them (``conv2d``, not ``conv2d_7``).

    Args:
        path: the script. It runs as ``__main__`` with its own globals.

    Returns:
        Everything the script wrote to standard output.

    Raises:
        FileNotFoundError: no such script.
        ValueError: the model in the script is invalid (as the framework would complain).
    """
    script = Path(path)
    if not script.is_file():
        raise FileNotFoundError(f"path={str(path)!r}: no such script")
    output = io.StringIO()
    with frameworks() as modules, contextlib.redirect_stdout(output):
        modules["keras.backend"].clear_session()
        runpy.run_path(str(script), run_name="__main__")
    return output.getvalue()


__all__ = [
    "STAND_INS",
    "frameworks",
    "run",
]

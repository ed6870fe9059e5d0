"""Run code written for Keras or PyTorch with convdims's dialects standing in.

A script that does ``import keras`` or ``from torch import nn`` (and
``from torchinfo import summary``) runs unchanged: while
[`frameworks`][convdims.standin.frameworks] is active, those imports resolve to
``convdims.keras``, ``convdims.torch`` and ``convdims.torchvision``, so the script
prints the shapes and parameter counts the real framework would, without the framework.
Only the dialect a script imports is loaded. [`execute`][convdims.standin.execute] runs
a file as ``python FILE ARGS`` would (its folder on ``sys.path``, its ``sys.argv``);
[`run`][convdims.standin.run] does that and returns what it printed.

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
import os
import sys
import types
from collections.abc import Iterator, Mapping, Sequence
from importlib.machinery import ModuleSpec

TYPE_CHECKING = False
if TYPE_CHECKING:
    from pathlib import Path
    from typing import Any

#: Framework module -> the convdims module that stands in for it. A submodule of a
#: framework not listed here (``torch.nn.functional``) is the same submodule of the
#: stand-in (``convdims.torch.nn.functional``), when convdims has it.
STAND_INS = {
    "keras": "convdims.keras",
    "keras.layers": "convdims.keras.layers",
    "keras.models": "convdims.keras.models",
    "keras.backend": "convdims.keras.backend",
    "keras.utils": "convdims.keras.utils",
    "tensorflow": "convdims.keras.tensorflow",
    "tensorflow.keras": "convdims.keras",
    "torch": "convdims.torch",
    "torch.nn": "convdims.torch.nn",
    "torchinfo": "convdims.torch",
    "torchvision": "convdims.torchvision",
}

_PACKAGES = ("convdims.keras", "convdims.torch", "convdims.torchvision")


class NotStoodIn(ModuleNotFoundError):
    """A framework module convdims has no stand-in for (``import torch.optim``).

    Examples:
        >>> with frameworks():
        ...     try:
        ...         import keras.no_such_module
        ...     except ImportError as error:
        ...         print(type(error).__name__, error.name)
        NotStoodIn keras.no_such_module
    """


class Unsupported(RuntimeError):
    """A framework function that a stand-in has but cannot carry out, called
    (``torch.hub.load_state_dict_from_url``: there are no weights to load). A script
    may import such a function and build its model; only the call is refused, with the
    framework's name of what was called in ``name``.

    Examples:
        >>> error = Unsupported("torch.hub.load")
        >>> error.name
        'torch.hub.load'
        >>> print(error)
        convdims computes shapes and counts only: torch.hub.load is not available
    """

    def __init__(self, name: str) -> None:
        super().__init__(
            f"convdims computes shapes and counts only: {name} is not available"
        )
        self.name = name


def stand_in_for(name: str) -> str | None:
    """The convdims module that stands in for the framework module ``name`` (None: not
    a framework module).

    >>> stand_in_for("torchinfo"), stand_in_for("torch.nn.functional"), stand_in_for("os")
    ('convdims.torch', 'convdims.torch.nn.functional', None)
    >>> stand_in_for("tensorflow.keras.layers")
    'convdims.keras.layers'

    """
    if name in STAND_INS:
        return STAND_INS[name]
    parts = name.split(".")
    for cut in range(len(parts) - 1, 0, -1):  # the longest framework name it is under
        base = STAND_INS.get(".".join(parts[:cut]))
        if base is not None:
            return ".".join([base, *parts[cut:]])
    return None


def framework_name(module: str) -> str | None:
    """The framework's name of a stand-in module (None: not a stand-in).

    >>> framework_name("convdims.torch"), framework_name("convdims.keras.layers.core")
    ('torch', 'keras.layers.core')
    """
    best = None
    for name, target in STAND_INS.items():
        if module == target or module.startswith(target + "."):
            if best is None or len(target) > len(STAND_INS[best]):
                best = name
    if best is None:
        return None
    return best + module[len(STAND_INS[best]) :]


class _Alias:
    """The loader of a framework name: it hands out the stand-in module itself."""

    def __init__(self, module: types.ModuleType) -> None:
        self.module = module
        self.spec = module.__spec__

    def create_module(self, spec: Any) -> types.ModuleType:
        return self.module

    def exec_module(self, module: types.ModuleType) -> None:
        # The import system has set the alias's spec on the module: give it its own.
        module.__spec__ = self.spec


class _Finder:
    """Answers the imports of framework modules (a ``sys.meta_path`` finder)."""

    def find_spec(self, fullname: str, path: Any = None, target: Any = None) -> Any:
        stand_in = stand_in_for(fullname)
        if stand_in is None:
            return None
        try:
            module = importlib.import_module(stand_in)
        except ModuleNotFoundError as error:
            if not (error.name and stand_in.startswith(error.name)):
                raise  # a module the stand-in itself needs is missing: not the script's
            raise NotStoodIn(
                f"convdims computes shapes and counts only: {fullname} is not available",
                name=fullname,
            ) from None
        return ModuleSpec(fullname, _Alias(module), is_package=hasattr(module, "__path__"))


class _StandIns(Mapping[str, types.ModuleType]):
    """The modules standing in, by framework name, imported when first asked for."""

    def __getitem__(self, name: str) -> types.ModuleType:
        return importlib.import_module(STAND_INS[name])

    def __iter__(self) -> Iterator[str]:
        return iter(STAND_INS)

    def __len__(self) -> int:
        return len(STAND_INS)


def _is_framework(name: str) -> bool:
    return name.partition(".")[0] in STAND_INS


def _framework_modules() -> list[str]:
    """The framework modules in ``sys.modules``: a C-level prefix test first, as a
    process with PyTorch or TensorFlow loaded holds thousands of modules."""
    roots = tuple({name.partition(".")[0] for name in STAND_INS})
    return [name for name in sys.modules if name.startswith(roots) and _is_framework(name)]


@contextlib.contextmanager
def frameworks() -> Iterator[Mapping[str, types.ModuleType]]:
    """Make framework imports resolve to convdims's dialects inside the ``with`` block.

    Whatever those names meant before (the real framework, or nothing) is restored on
    exit. A dialect is imported when the code first imports it.

    Yields:
        The modules standing in, by framework name (each imported when first looked up).
    """
    saved = {name: sys.modules[name] for name in _framework_modules()}
    for name in saved:
        del sys.modules[name]
    finder = _Finder()
    sys.meta_path.insert(0, finder)
    try:
        yield _StandIns()
    finally:
        with contextlib.suppress(ValueError):
            sys.meta_path.remove(finder)
        for name in _framework_modules():
            del sys.modules[name]
        sys.modules.update(saved)


def _fresh_session() -> None:
    """Start from a fresh Keras session, as a new process does (only if it was used)."""
    if "convdims.keras" in sys.modules:
        importlib.import_module("convdims.keras.backend").clear_session()


def execute(
    path: str | Path,
    argv: Sequence[str] = (),
    *,
    run_name: str = "__main__",
    namespace: dict[str, Any] | None = None,
) -> dict[str, Any]:
    """Run a file as ``python path argv...`` would, with the dialects standing in.

    The file's folder comes first on ``sys.path``, ``sys.argv`` is ``[path, *argv]``,
    ``__file__`` is its absolute path, and it runs as the module ``run_name`` (so its
    ``if __name__ == "__main__":`` block runs by default). Whatever it prints goes where
    ``sys.stdout`` goes. ``sys.argv``, ``sys.path`` and ``sys.modules`` are restored
    afterwards.

    Args:
        path: the file, as the user named it.
        argv: its own arguments.
        run_name: its ``__name__``.
        namespace: if given, receives the file's globals, also when it raised.

    Returns:
        The file's globals.

    Raises:
        FileNotFoundError: no such file.
        BaseException: whatever the file raises, ``SystemExit`` included.

    Examples:
        >>> import tempfile
        >>> from pathlib import Path
        >>> with tempfile.TemporaryDirectory() as folder:
        ...     script = Path(folder, "args.py")
        ...     _ = script.write_text("import sys\\nprint(sys.argv[1:])\\n")
        ...     _ = execute(script, ["--size", "16"])
        ['--size', '16']
    """
    shown = os.fspath(path)
    full = os.path.abspath(shown)
    if not os.path.isfile(full):
        raise FileNotFoundError(f"path={shown!r}: no such script")
    with open(full, "rb") as file:
        code = compile(file.read(), full, "exec", dont_inherit=True)
    module = types.ModuleType(run_name)
    module.__dict__.update(__file__=full, __cached__=None, __loader__=None, __spec__=None)
    folder = os.path.dirname(full)
    saved_argv, saved_main = sys.argv, sys.modules.get(run_name)
    sys.argv = [shown, *argv]
    sys.path.insert(0, folder)
    sys.modules[run_name] = module
    try:
        with frameworks():
            _fresh_session()
            exec(code, module.__dict__)  # noqa: S102 - running the user's file is the point
    finally:
        sys.argv = saved_argv
        with contextlib.suppress(ValueError):
            sys.path.remove(folder)
        if saved_main is None:
            sys.modules.pop(run_name, None)
        else:
            sys.modules[run_name] = saved_main
        if namespace is not None:
            namespace.update(module.__dict__)
    return module.__dict__


def run(path: str | Path, argv: Sequence[str] = ()) -> str:
    """Run a Keras or PyTorch script with the dialects standing in; return what it printed.

    The script starts from a fresh Keras session, as in a new Python process, so layer
    names come out as the real framework would print them (``conv2d``, not ``conv2d_7``).
    It runs as [`execute`][convdims.standin.execute] runs it.

    Args:
        path: the script. It runs as ``__main__`` with its own globals.
        argv: its own arguments (``sys.argv[1:]``).

    Returns:
        Everything the script wrote to standard output.

    Raises:
        FileNotFoundError: no such script.
        ValueError: the model in the script is invalid (as the framework would complain).
    """
    output = io.StringIO()
    with contextlib.redirect_stdout(output):
        execute(path, argv)
    return output.getvalue()


def _missing_attribute(error: AttributeError) -> str | None:
    name = getattr(error, "name", None)
    owner = getattr(error, "obj", None)
    if not isinstance(name, str) or name.startswith("_") or owner is None:
        return None
    if isinstance(owner, types.ModuleType):
        framework = framework_name(owner.__name__)
        return f"{framework}.{name}" if framework else None
    cls = owner if isinstance(owner, type) else type(owner)
    if any(base.__module__.startswith(_PACKAGES) for base in cls.__mro__):
        return f"{cls.__name__}.{name}"
    return None


def unsupported(error: BaseException) -> str | None:
    """What a script asked of a stand-in that convdims does not have, by the framework's
    name (``"Sequential.fit"``, ``"torch.optim"``); None for any other error.

    convdims computes shapes and counts only: a missing attribute of a stand-in object
    or module, or a framework module it has no stand-in for, is such a call.

    Examples:
        >>> with frameworks():
        ...     import torch
        ...     try:
        ...         torch.no_such_function()
        ...     except AttributeError as error:
        ...         unsupported(error)
        'torch.no_such_function'
    """
    if isinstance(error, (NotStoodIn, Unsupported)):
        return error.name
    if isinstance(error, AttributeError):
        return _missing_attribute(error)
    if isinstance(error, ImportError) and not isinstance(error, ModuleNotFoundError):
        framework = framework_name(error.name or "")
        missing = getattr(error, "name_from", None) or _imported_name(str(error))
        if framework and missing:
            return f"{framework}.{missing}"
    return None


def _imported_name(message: str) -> str | None:
    """The name of ``cannot import name 'X' from ...`` (Python 3.12 has ``name_from``)."""
    head = "cannot import name '"
    if not message.startswith(head):
        return None
    name = message[len(head) :].partition("'")[0]
    return name if name.isidentifier() else None


__all__ = [
    "STAND_INS",
    "NotStoodIn",
    "Unsupported",
    "execute",
    "framework_name",
    "frameworks",
    "run",
    "stand_in_for",
    "unsupported",
]

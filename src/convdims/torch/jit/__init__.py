"""``torch.jit`` for shapes: the TorchScript decorators and queries model code uses.

Model files mark methods for TorchScript (``@torch.jit.unused``, ``@torch.jit.export``,
``@torch.jit._overload_method``) and ask whether they are being compiled or traced
(``torch.jit.is_scripting()``). Nothing is compiled here: a script runs as Python, as it
does under PyTorch when it is not scripted, so the decorators hand back what they
decorate, ``is_scripting`` and ``is_tracing`` are False, and ``script`` returns its
argument (PyTorch would return a ``ScriptModule`` or ``ScriptFunction`` computing the
same shapes). What would save or load a compiled program refuses, as convdims runs no
values.

>>> from convdims import torch
>>> @torch.jit.unused
... def side_path(x):
...     return x
>>> torch.jit.is_scripting(), torch.jit.script(side_path) is side_path
(False, True)
"""

from collections.abc import Callable
from typing import Any, Final, TypeVar

import convdims.torch.jit.annotations as annotations  # noqa: PLR0402 - PyTorch's name

_F = TypeVar("_F")

__all__ = [
    "Final",
    "annotate",
    "annotations",
    "export",
    "ignore",
    "interface",
    "is_scripting",
    "is_tracing",
    "load",
    "save",
    "script",
    "script_if_tracing",
    "trace",
    "unused",
]


def script(
    obj: Any,
    optimize: None = None,
    _frames_up: int = 0,
    _rcb: Callable[[str], Any] | None = None,
    example_inputs: Any = None,
) -> Any:
    """``torch.jit.script``: returns ``obj`` itself (its Python code is what runs).

    >>> script(len) is len
    True
    """
    return obj


class _CompilationUnit:
    """Where TorchScript keeps compiled code (PyTorch's default for ``trace``); there
    is none here."""

    def __repr__(self) -> str:
        return "<torch.jit.CompilationUnit (none: convdims compiles nothing)>"


_NO_COMPILATION_UNIT = _CompilationUnit()


def trace(
    func: Any,
    example_inputs: Any = None,
    optimize: Any = None,
    check_trace: bool = True,
    check_inputs: Any = None,
    check_tolerance: float = 1e-05,
    strict: bool = True,
    _force_outplace: bool = False,
    _module_class: Any = None,
    _compilation_unit: Any = _NO_COMPILATION_UNIT,
    example_kwarg_inputs: Any = None,
    _store_inputs: bool = True,
) -> Any:
    """``torch.jit.trace``: returns ``func`` itself, after running it once on the
    example inputs as PyTorch does (so a shape error surfaces here too).

    >>> trace(abs, -1) is abs
    True
    """
    if example_inputs is not None:
        args = example_inputs if isinstance(example_inputs, tuple) else (example_inputs,)
        func(*args)
    elif example_kwarg_inputs is not None:
        func(**example_kwarg_inputs)
    return func


def ignore(drop: Any = False, **kwargs: Any) -> Any:
    """``torch.jit.ignore``, bare (``@ignore``) or called (``@ignore(drop=True)``):
    leaves the function as it is.

    >>> ignore(len) is len, ignore(drop=True)(len) is len
    (True, True)
    """
    if callable(drop):
        return drop

    def decorator(fn: _F) -> _F:
        return fn

    return decorator


def unused(fn: _F) -> _F:
    """``torch.jit.unused``: leaves the function as it is.

    >>> unused(len) is len
    True
    """
    return fn


def export(fn: _F) -> _F:
    """``torch.jit.export``: leaves the method as it is.

    >>> export(len) is len
    True
    """
    return fn


def interface(obj: _F) -> _F:
    """``torch.jit.interface``: leaves the class as it is.

    >>> interface(int) is int
    True
    """
    return obj


def _overload(func: _F) -> _F:
    """``torch.jit._overload``: a TorchScript overload declaration, left as it is."""
    return func


def _overload_method(func: _F) -> _F:
    """``torch.jit._overload_method``: a TorchScript overload declaration of a method.
    The real definition that follows it replaces it, as in PyTorch."""
    return func


def script_if_tracing(fn: _F) -> _F:
    """``torch.jit.script_if_tracing``: leaves the function as it is (nothing traces).

    >>> script_if_tracing(len) is len
    True
    """
    return fn


_script_if_tracing = script_if_tracing


def is_scripting() -> bool:
    """``torch.jit.is_scripting``: False (code runs as Python, never compiled).

    >>> is_scripting()
    False
    """
    return False


def is_tracing() -> bool:
    """``torch.jit.is_tracing``: False (nothing traces).

    >>> is_tracing()
    False
    """
    return False


def annotate(the_type: Any, the_value: Any) -> Any:
    """``torch.jit.annotate``: returns ``the_value`` (a type hint for TorchScript).

    >>> annotate(list, [])
    []
    """
    return the_value


def _refuse(name: str) -> Any:
    from convdims.standin import Unsupported

    raise Unsupported(f"torch.jit.{name}")


def save(m: Any, f: Any, _extra_files: Any = None) -> None:
    """``torch.jit.save``: refused; convdims computes shapes and counts only.

    Raises:
        Unsupported: always.
    """
    _refuse("save")


def load(
    f: Any,
    map_location: Any = None,
    _extra_files: Any = None,
    _restore_shapes: bool = False,
) -> Any:
    """``torch.jit.load``: refused; there is no compiled program to load.

    Raises:
        Unsupported: always.
    """
    return _refuse("load")

"""Stand-ins for torchvision's data-handling API (``transforms``, ``datasets``,
``utils``): a script imports, builds and composes them; the call that would touch data
raises [`Unsupported`][convdims.standin.Unsupported], naming what was called.

>>> Resize = stand_in_class("torchvision.transforms", "Resize")
>>> resize = Resize(256)
>>> resize
Resize(256)
>>> try:
...     resize("image.jpg")
... except RuntimeError as error:
...     print(error.name)
torchvision.transforms.Resize.__call__
"""

from __future__ import annotations

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any


def _unsupported(name: str) -> Exception:
    from convdims.standin import Unsupported

    return Unsupported(name)


class _Composable:
    """A transform: it keeps what it was built with (``Compose`` its list), prints as
    built, and refuses to run on data."""

    _framework = "torchvision.transforms"

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        self.args = args
        self.kwargs = kwargs
        if type(self).__name__ == "Compose":
            (self.transforms,) = args or (kwargs["transforms"],)

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        raise _unsupported(f"{self._framework}.{type(self).__name__}.__call__")

    forward = __call__

    def __repr__(self) -> str:
        if type(self).__name__ == "Compose":
            lines = "".join(f"\n    {t}" for t in self.transforms)
            return f"Compose({lines}\n)"
        items = [repr(a) for a in self.args]
        items += [f"{key}={value!r}" for key, value in self.kwargs.items()]
        return f"{type(self).__name__}({', '.join(items)})"


class _Dataset:
    """A dataset class: building one (which reads or downloads data) is refused."""

    _framework = "torchvision.datasets"

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        raise _unsupported(f"{self._framework}.{type(self).__name__}")


def stand_in_class(module: str, name: str, base: type = _Composable) -> type:
    """A class named ``name`` of the framework module ``module``, built from ``base``."""
    return type(name, (base,), {"_framework": module, "__module__": module})


def stand_in_function(module: str, name: str) -> Any:
    """A function ``module.name`` that refuses when called."""

    def refused(*args: Any, **kwargs: Any) -> Any:
        raise _unsupported(f"{module}.{name}")

    refused.__name__ = refused.__qualname__ = name
    refused.__module__ = module
    refused.__doc__ = (
        f"``{module}.{name}``: works on data, refused (shapes and counts only)."
    )
    return refused


def module_getattr(
    module: str, classes: frozenset, functions: frozenset, base: type
) -> Any:
    """A module ``__getattr__`` that makes each stand-in on first use (and caches it)."""
    import sys

    def __getattr__(name: str) -> Any:
        if name in classes:
            value = stand_in_class(module, name, base)
        elif name in functions:
            value = stand_in_function(module, name)
        else:
            raise AttributeError(f"module {module!r} has no attribute {name!r}")
        setattr(sys.modules[_owner(module)], name, value)
        return value

    return __getattr__


def _owner(module: str) -> str:
    return "convdims." + module


__all__ = ["module_getattr", "stand_in_class", "stand_in_function"]

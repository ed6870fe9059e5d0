"""``keras.saving``: the registration of a user's classes for serialization, which
model files apply as a decorator; loading and saving refuse (no weights here).

>>> @register_keras_serializable(package="my_package")
... class Block:
...     def get_config(self):
...         return {}
>>> get_registered_name(Block)
'my_package>Block'
"""

from __future__ import annotations

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

__all__ = [
    "get_custom_objects",
    "get_registered_name",
    "get_registered_object",
    "load_model",
    "register_keras_serializable",
    "save_model",
]

_registered: dict[str, Any] = {}
_names: dict[Any, str] = {}


def register_keras_serializable(package: str = "Custom", name: str | None = None) -> Any:
    """Register a class under ``package>name`` (its own name by default).

    Raises:
        ValueError: the object has no ``get_config`` (a class), as in Keras.
    """

    def decorator(arg: Any) -> Any:
        class_name = name if name is not None else arg.__name__
        registered = package + ">" + class_name
        if isinstance(arg, type) and not hasattr(arg, "get_config"):
            raise ValueError(
                "Cannot register a class that does not have a get_config() method."
            )
        _registered[registered] = arg
        _names[arg] = registered
        return arg

    return decorator


def get_registered_name(obj: Any) -> str:
    """The name ``obj`` was registered under (its own name if it was not)."""
    return _names.get(obj, getattr(obj, "__name__", str(obj)))


def get_registered_object(
    name: str, custom_objects: Any = None, module_objects: Any = None
) -> Any:
    """The object registered under ``name`` (None if none)."""
    if custom_objects and name in custom_objects:
        return custom_objects[name]
    return _registered.get(name)


def get_custom_objects() -> dict[str, Any]:
    """Every registered object by its registered name."""
    return _registered


def _refuse(what: str) -> Any:
    from convdims.standin import Unsupported

    raise Unsupported(f"keras.saving.{what}")


def load_model(
    filepath: Any, custom_objects: Any = None, compile: bool = True, safe_mode: bool = True
) -> Any:  # noqa: A002
    """Refused: convdims reads no saved models.

    Raises:
        Unsupported: always.
    """
    return _refuse("load_model")


def save_model(
    model: Any, filepath: Any, overwrite: bool = True, zipped: Any = None, **kwargs: Any
) -> Any:
    """Refused: convdims computes shapes and counts only.

    Raises:
        Unsupported: always.
    """
    return _refuse("save_model")

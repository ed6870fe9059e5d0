"""How Keras 3 turns an identifier into one of its configured objects (a regularizer, a
constraint): ``get`` of None, a name, a saved config dict, a class or an instance, and
``serialize`` / ``deserialize`` of the saved form, with Keras's errors.

Ported from ``keras/src/regularizers/__init__.py`` (``get``), the same function of
``keras/src/constraints/__init__.py``, and the module-objects branch of
``keras/src/saving/serialization_lib.py`` (``deserialize_keras_object``) of Keras 3.15.

>>> class Thing:
...     def __init__(self, size=1):
...         self.size = size
...     def __call__(self, x):
...         return x
>>> table = objects_by_name([Thing])
>>> sorted(table)
['Thing', 'thing']
>>> get(table, "thing", "thing").size
1
>>> get(table, "thing", {"class_name": "Thing", "config": {"size": 3}}).size
3
>>> get(table, "thing", "thig")
Traceback (most recent call last):
    ...
ValueError: Could not interpret thing identifier: thig
"""

from __future__ import annotations

import re

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any


def to_snake_case(name: str) -> str:
    """Keras's ``to_snake_case`` (``keras/src/utils/naming.py``): ``"L1L2"`` is
    ``"l1l2"``, ``"OrthogonalRegularizer"`` is ``"orthogonal_regularizer"``.

    >>> to_snake_case("L1L2"), to_snake_case("MinMaxNorm")
    ('l1l2', 'min_max_norm')
    """
    name = re.sub(r"\W+", "", name)
    name = re.sub("(.)([A-Z][a-z]+)", r"\1_\2", name)
    return re.sub("([a-z])([A-Z])", r"\1_\2", name).lower()


def objects_by_name(classes: Any) -> dict[str, type]:
    """Keras's ``ALL_OBJECTS_DICT``: each class by its name and its snake-case name."""
    table = {cls.__name__: cls for cls in classes}
    table.update({to_snake_case(cls.__name__): cls for cls in classes})
    return table


def deserialize(table: dict[str, type], config: Any) -> Any:
    """The object a saved ``config`` stands for (``deserialize_keras_object`` with
    ``module_objects=table``): a name or ``{"class_name": ..., "config": ...}`` of
    the table makes an instance; a name the table lacks comes back unchanged (``get``
    then refuses it).

    Raises:
        ValueError: a dict without ``class_name`` (Keras's message).
        TypeError: a dict whose ``module`` is None (a custom class Keras cannot find).
    """
    if config is None:
        return None
    if isinstance(config, (list, tuple)):
        return [deserialize(table, item) for item in config]
    inner: Any = None
    if isinstance(config, dict):
        if "config" in config:
            inner = config["config"]
        if "class_name" not in config:
            raise ValueError(f"Unknown `config` as a `dict`, config={config}")
        if config.get("module", "_") is None:
            name = config["class_name"]
            raise TypeError(
                f"Cannot deserialize object of type `{name}`. If `{name}` is a custom "
                "class, please register it using the "
                "`@keras.saving.register_keras_serializable()` decorator."
            )
        config = config["class_name"]
    if not isinstance(config, str) or config not in table:
        return config
    if inner is not None and not isinstance(inner, dict):
        raise TypeError(
            f"Expected 'config' to be a dict for {config},\ninstead got {type(inner)}\n"
        )
    return table[config](**(inner or {}))


def get(table: dict[str, type], kind: str, identifier: Any) -> Any:
    """The object ``identifier`` names, as Keras's ``get`` of a ``kind`` resolves it:
    None stays None; a dict is deserialized; a name is looked up; a class is
    instantiated; a callable (an instance, a function) is taken as it is.

    Raises:
        ValueError: anything else (``Could not interpret <kind> identifier: ...``).
    """
    if identifier is None:
        return None
    if isinstance(identifier, dict):
        found = deserialize(table, identifier)
    elif isinstance(identifier, str):
        found = table.get(identifier)
    else:
        found = identifier
    if callable(found):
        if isinstance(found, type):
            return found()
        return found
    raise ValueError(f"Could not interpret {kind} identifier: {identifier}")


def serialize(obj: Any, module: str) -> Any:
    """The saved form Keras writes (``serialize_keras_object``): None and plain values
    as they are, an object as ``{"module", "class_name", "config",
    "registered_name"}``."""
    if obj is None or isinstance(obj, (str, int, float, bool)):
        return obj
    return {
        "module": module,
        "class_name": type(obj).__name__,
        "config": obj.get_config(),
        "registered_name": None,
    }

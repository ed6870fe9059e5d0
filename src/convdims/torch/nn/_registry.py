"""A module's registries (``_parameters``, ``_buffers``, ``_modules``) and their mirrors
in the module's ``__dict__``, which let attribute lookup find an entry without
``Module.__getattr__``; and ``_new_leaf``, the one-go set-up of a new leaf module.
``Module`` itself is in ``convdims.torch.nn.module``, which binds it here.
"""

from __future__ import annotations

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any


#: ``Module``, once its file has defined it.
_MODULE: list[Any] = []

_MISSING: Any = object()
_STORES = ("_parameters", "_buffers", "_modules")

#: Per module class, the names its attribute lookup finds on the class (its own and
#: its bases' attributes, which shadow a registry entry of the same name), or None
#: for a class that does its own attribute access (no mirrors: see ``_Registry``).
_CLASS_ATTRIBUTES: dict[type, frozenset[str] | None] = {}


def _class_attributes(cls: type) -> frozenset[str] | None:
    names = _CLASS_ATTRIBUTES.get(cls, _MISSING)
    if names is _MISSING:
        if (
            cls.__getattr__ is not _MODULE[0].__getattr__
            or cls.__getattribute__ is not object.__getattribute__
        ):
            names = None
        else:
            names = frozenset().union(*(vars(base) for base in cls.__mro__))
        _CLASS_ATTRIBUTES[cls] = names
    return names


def _lookup(attributes: dict[str, Any], name: str) -> Any:
    """What ``Module.__getattr__`` answers for ``name`` (``_MISSING``: nothing)."""
    for store in _STORES:
        values = attributes.get(store)
        if values is not None and name in values:
            return values[name]
    return _MISSING


def _remirror(owner: Any, name: str, before: Any) -> None:
    """After a registry of ``owner`` changed under ``name`` (``before``: what
    ``__getattr__`` answered then), make the instance's mirror of it right again; a
    plain attribute of that name stays (it shadows the registries, as in PyTorch)."""
    names = _class_attributes(type(owner))
    if names is None or name in names:
        return
    attributes = owner.__dict__
    current = attributes.get(name, _MISSING)
    if current is not _MISSING and current is not before:
        return
    after = _lookup(attributes, name)
    if after is _MISSING:
        attributes.pop(name, None)
    else:
        attributes[name] = after


class _Registry(dict):  # type: ignore[type-arg]
    """A module's parameters, buffers or children (PyTorch's ``_parameters``,
    ``_buffers``, ``_modules``), ordered as registered.

    The module's ``__dict__`` also holds each entry under its name (its *mirror*),
    where plain attribute lookup finds it at once, instead of failing, raising an
    AttributeError and calling ``Module.__getattr__``, which gives the same answer:
    no entry is mirrored under a name that the module's class has (a class
    attribute shadows a registry entry, in PyTorch too), nor on a class with its own
    ``__getattr__`` or ``__getattribute__``, and a plain instance attribute is never
    replaced. ``Module``'s methods keep the mirrors as they register; these methods
    keep them when code changes the dict itself (``del module._parameters[name]``,
    ``module._modules.clear()``).
    """

    __slots__ = ("_owner",)

    def _change(self, names: list[Any], change: Any, *args: Any) -> Any:
        owner = getattr(self, "_owner", None)
        if owner is None:
            return change(self, *args)
        attributes = owner.__dict__
        before = [_lookup(attributes, name) for name in names]
        result = change(self, *args)
        for name, old in zip(names, before, strict=True):
            _remirror(owner, name, old)
        return result

    def __setitem__(self, name: str, value: Any) -> None:
        self._change([name], dict.__setitem__, name, value)

    def __delitem__(self, name: str) -> None:
        self._change([name], dict.__delitem__, name)

    def pop(self, name: str, *default: Any) -> Any:
        return self._change([name], dict.pop, name, *default)

    def popitem(self) -> tuple[str, Any]:
        if not self:
            return dict.popitem(self)
        return self._change([next(reversed(self))], dict.popitem)

    def clear(self) -> None:
        self._change(list(self), dict.clear)

    def setdefault(self, name: str, default: Any = None) -> Any:
        return self._change([name], dict.setdefault, name, default)

    def update(self, *args: Any, **kwargs: Any) -> None:
        items = dict(*args, **kwargs)
        self._change(list(items), dict.update, items)

    def __ior__(self, other: Any) -> _Registry:
        self.update(other)
        return self


_new_registry = dict.__new__
_put = dict.__setitem__


#: Per (module class, base): whether ``super(base, module).__init__()`` is
#: ``Module.__init__`` (no other class between).
_PLAIN_INIT: dict[tuple[type, type], bool] = {}


def _new_leaf(
    module: Any,
    base: type,
    params: dict[str, Any],
    buffers: dict[str, Any],
    values: dict[str, Any],
) -> bool:
    """Make a new module what ``super(base, module).__init__()`` and then registering
    ``params`` and ``buffers`` (assigned as attributes, or ``register_parameter``)
    and setting the plain attributes ``values`` would make it, in one go: the fast
    constructors of the common layers. False, with nothing done, when the instance is
    not new (an attribute set before) or another class's ``__init__`` would run
    between ``base`` and ``Module``: the caller then takes its checked path."""
    attributes = module.__dict__
    if attributes:
        return False
    cls = type(module)
    plain = _PLAIN_INIT.get((cls, base))
    if plain is None:
        mro = cls.__mro__
        plain = _PLAIN_INIT[cls, base] = mro[mro.index(base) + 1] is _MODULE[0]
    if not plain:
        return False
    registered = _Registry(params)
    held = _Registry(buffers)
    children = _new_registry(_Registry)
    registered._owner = held._owner = children._owner = module
    attributes["training"] = True
    attributes["_parameters"] = registered
    attributes["_buffers"] = held
    attributes["_modules"] = children
    attributes["_forward_hooks"] = {}
    attributes["_forward_pre_hooks"] = {}
    attributes.update(values)
    names = _CLASS_ATTRIBUTES.get(cls, _MISSING)
    if names is _MISSING:
        names = _class_attributes(cls)
    if names is not None:
        for entries in (params, buffers):
            for name, value in entries.items():
                if name not in names:
                    attributes[name] = value
    return True

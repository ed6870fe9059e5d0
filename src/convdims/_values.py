"""Frozen value classes without ``dataclasses``: ``@value`` is ``@dataclass(frozen=True)``
for the cases the library uses, at a fraction of the import cost.

``import dataclasses`` loads ``inspect`` (and with it ``ast``, ``dis``, ``tokenize``,
``re``...): a third of the time ``import convdims.keras`` took. ``@value`` reads the same
class body (annotated fields, defaults, [`field`][convdims._values.field] with
``default_factory``, ``compare`` and ``repr``, ``__post_init__``) and generates the same
methods as ``@dataclass(frozen=True)``: ``__init__``, ``__repr__``, ``__eq__`` and
``__hash__`` over the compared fields, ``__match_args__``, and a ``__setattr__`` and
``__delattr__`` that raise [`FrozenInstanceError`][convdims._values.FrozenInstanceError]
(an ``AttributeError``, as ``dataclasses.FrozenInstanceError`` is).

To ``dataclasses`` itself a value class is a frozen dataclass: ``is_dataclass``,
``fields``, ``replace`` and ``asdict`` work on it. Their ``__dataclass_fields__`` are
made on first look, by ``dataclasses`` (which whoever looks has imported).

>>> @value
... class Pair:
...     left: int
...     right: int = 0
>>> Pair(1), Pair(1) == Pair(1, 0), hash(Pair(1)) == hash((1, 0))
(Pair(left=1, right=0), True, True)
>>> Pair(1).left = 2
Traceback (most recent call last):
    ...
convdims._values.FrozenInstanceError: cannot assign to field 'left'
>>> import dataclasses
>>> dataclasses.replace(Pair(1), right=2), [f.name for f in dataclasses.fields(Pair)]
(Pair(left=1, right=2), ['left', 'right'])
"""

from __future__ import annotations

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Callable
    from typing import Any, TypeVar

    from typing_extensions import dataclass_transform

    T = TypeVar("T")
else:

    def dataclass_transform(**kwargs):
        return lambda function: function


class FrozenInstanceError(AttributeError):
    """Assigning to (or deleting) a field of a frozen value."""


class _Missing:
    def __repr__(self) -> str:
        return "MISSING"


MISSING: Any = _Missing()


class Field:
    """What [`field`][convdims._values.field] says about one field."""

    __slots__ = ("annotation", "compare", "default", "default_factory", "name", "repr")

    def __init__(
        self,
        default: Any = MISSING,
        default_factory: Callable[[], Any] | Any = MISSING,
        compare: bool = True,
        repr: bool = True,  # noqa: A002 - dataclasses.field's name
    ) -> None:
        if default is not MISSING and default_factory is not MISSING:
            raise ValueError("cannot specify both default and default_factory")
        self.default = default
        self.default_factory = default_factory
        self.compare = compare
        self.repr = repr
        self.name = ""
        self.annotation: Any = "Any"


def field(
    *,
    default: Any = MISSING,
    default_factory: Callable[[], Any] | Any = MISSING,
    compare: bool = True,
    repr: bool = True,  # noqa: A002 - dataclasses.field's name
) -> Any:
    """A field with options, as ``dataclasses.field`` (the options the library uses)."""
    return Field(default, default_factory, compare, repr)


def _is_class_var(annotation: Any) -> bool:
    text = annotation if isinstance(annotation, str) else repr(annotation)
    return text.startswith(("ClassVar", "typing.ClassVar"))


def _fields_of(cls: type) -> list[Field]:
    """The fields of ``cls``: those of its ``@value`` bases first, then its own, in the
    order of the class body."""
    fields: dict[str, Field] = {}
    for base in reversed(cls.__mro__[1:]):
        for item in base.__dict__.get("__value_fields__", ()):
            fields[item.name] = item
    for name, annotation in cls.__dict__.get("__annotations__", {}).items():
        if _is_class_var(annotation):
            continue
        default = cls.__dict__.get(name, MISSING)
        item = default if isinstance(default, Field) else Field(default)
        item.name = name
        item.annotation = annotation
        if isinstance(default, Field):
            if item.default is MISSING:
                delattr(cls, name)
            else:
                setattr(cls, name, item.default)
        fields[name] = item
    return list(fields.values())


class _DataclassView:
    """``__dataclass_fields__`` and ``__dataclass_params__`` of a value class, made on
    first look: the fields and parameters ``@dataclass(frozen=True)`` gives a class of
    the same fields (``dataclasses`` is imported then, by whoever looks)."""

    def __init__(self, attribute: str) -> None:
        self.attribute = attribute

    def __get__(self, instance: Any, owner: type) -> Any:
        import dataclasses

        fields = owner.__value_fields__
        namespace: dict[str, Any] = {
            "__annotations__": {item.name: item.annotation for item in fields},
            "__module__": owner.__module__,
            "__qualname__": owner.__qualname__,
        }
        for item in fields:
            namespace[item.name] = dataclasses.field(
                default=item.default
                if item.default is not MISSING
                else dataclasses.MISSING,
                default_factory=item.default_factory
                if item.default_factory is not MISSING
                else dataclasses.MISSING,
                compare=item.compare,
                repr=item.repr,
            )
        twin = dataclasses.dataclass(frozen=True)(type(owner.__name__, (), namespace))
        for attribute in ("__dataclass_fields__", "__dataclass_params__"):
            setattr(owner, attribute, getattr(twin, attribute))
        return getattr(twin, self.attribute)


def _init_source(fields: list[Field], post_init: bool) -> str:
    parameters, body, seen_default = ["self"], [], False
    for item in fields:
        if item.default is not MISSING:
            parameters.append(f"{item.name}=_default_{item.name}")
            seen_default = True
        elif item.default_factory is not MISSING:
            parameters.append(f"{item.name}=_MISSING")
            body.append(
                f"    if {item.name} is _MISSING: {item.name} = _factory_{item.name}()"
            )
            seen_default = True
        else:
            if seen_default:
                raise TypeError(
                    f"non-default argument {item.name!r} follows default argument"
                )
            parameters.append(item.name)
    assigned = ", ".join(f"{item.name!r}: {item.name}" for item in fields)
    body.append(f"    self.__dict__.update({{{assigned}}})")
    if post_init:
        body.append("    self.__post_init__()")
    return f"def __init__({', '.join(parameters)}) -> None:\n" + "\n".join(body) + "\n"


class _Generated:
    """A generated method of a value class, compiled the first time it is looked up.

    Compiling the methods of every value class cost a few milliseconds of each import
    (most classes are never compared, hashed or shown in a run); the first lookup (an
    instance made, ``hash``, ``repr``, ``inspect.signature``) compiles the method, puts
    the function on the class in this placeholder's stead and returns it, so every
    later call is a plain method call.
    """

    __slots__ = ("cls", "name", "namespace", "source")

    def __init__(self, cls: type, name: str, source: str, namespace: dict) -> None:
        self.cls, self.name, self.source, self.namespace = cls, name, source, namespace

    def __get__(self, instance: Any, owner: Any = None) -> Any:
        namespace = dict(self.namespace)
        exec(self.source, namespace)  # noqa: S102 - our own generated method, as dataclasses does
        function = namespace[self.name]
        function.__qualname__ = f"{self.cls.__qualname__}.{self.name}"
        setattr(self.cls, self.name, function)
        return function if instance is None else function.__get__(instance, owner)


@dataclass_transform(frozen_default=True, field_specifiers=(field,))
def value(cls: type[T]) -> type[T]:
    """Make ``cls`` a frozen value class, as ``@dataclass(frozen=True)`` does."""
    fields = _fields_of(cls)
    namespace: dict[str, Any] = {"_MISSING": MISSING}
    for item in fields:
        namespace[f"_default_{item.name}"] = item.default
        namespace[f"_factory_{item.name}"] = item.default_factory
    shown = [item.name for item in fields if item.repr]
    compared = [item.name for item in fields if item.compare]
    key = "(" + "".join(f"self.{name}," for name in compared) + ")"
    other_key = "(" + "".join(f"other.{name}," for name in compared) + ")"
    cells = ", ".join(f"{name}={{self.{name}!r}}" for name in shown)
    sources = {
        "__init__": _init_source(fields, hasattr(cls, "__post_init__")),
        "__repr__": "def __repr__(self) -> str:\n"
        f"    return f'{{self.__class__.__qualname__}}({cells})'\n",
        "__eq__": "def __eq__(self, other):\n"
        "    if other.__class__ is self.__class__:\n"
        f"        return {key} == {other_key}\n"
        "    return NotImplemented\n",
        "__hash__": f"def __hash__(self) -> int:\n    return hash({key})\n",
    }
    # As dataclasses does: a method the class body defines stays (a __hash__ of None
    # is Python's, set because the body defines __eq__).
    own_hash = cls.__dict__.get("__hash__")
    explicit_hash = own_hash is not None or (
        "__hash__" in cls.__dict__ and "__eq__" not in cls.__dict__
    )
    for name, source in sources.items():
        if name in cls.__dict__ and (name != "__hash__" or explicit_hash):
            continue
        setattr(cls, name, _Generated(cls, name, source, namespace))
    names = frozenset(item.name for item in fields)

    def __setattr__(self: Any, name: str, value: Any) -> None:
        if type(self) is cls or name in names:
            raise FrozenInstanceError(f"cannot assign to field {name!r}")
        super(cls, self).__setattr__(name, value)

    def __delattr__(self: Any, name: str) -> None:
        if type(self) is cls or name in names:
            raise FrozenInstanceError(f"cannot delete field {name!r}")
        super(cls, self).__delattr__(name)

    cls.__setattr__ = __setattr__  # type: ignore[method-assign,assignment]
    cls.__delattr__ = __delattr__  # type: ignore[method-assign,assignment]
    cls.__value_fields__ = tuple(fields)  # type: ignore[attr-defined]
    for attribute in ("__dataclass_fields__", "__dataclass_params__"):
        setattr(cls, attribute, _DataclassView(attribute))
    cls.__match_args__ = tuple(item.name for item in fields)  # type: ignore[attr-defined]
    return cls


__all__ = ["MISSING", "Field", "FrozenInstanceError", "field", "value"]

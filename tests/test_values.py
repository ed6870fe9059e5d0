"""``convdims._values.value``: what ``@dataclass(frozen=True)`` gives, made on first use."""

from __future__ import annotations

import dataclasses
import inspect
import types

import pytest

from convdims._values import FrozenInstanceError, field, value


def _fresh():
    """A new value class (none of its methods used yet), named as at module level."""

    class Window:
        kernel: int
        stride: int = 1
        notes: tuple[str, ...] = field(default=())
        cache: dict = field(default_factory=dict, compare=False, repr=False)

    Window.__qualname__ = "Window"
    return value(Window)


def _twin():
    """The same class as a frozen dataclass."""

    class Window:
        kernel: int
        stride: int = 1
        notes: tuple[str, ...] = dataclasses.field(default=())
        cache: dict = dataclasses.field(default_factory=dict, compare=False, repr=False)

    Window.__qualname__ = "Window"
    return dataclasses.dataclass(frozen=True)(Window)


def test_methods_are_compiled_on_first_use_then_plain_functions():
    window = _fresh()
    assert not isinstance(window.__dict__["__init__"], types.FunctionType)
    first = window(3)
    assert isinstance(window.__dict__["__init__"], types.FunctionType)
    assert not isinstance(window.__dict__["__repr__"], types.FunctionType)
    assert repr(first) == "Window(kernel=3, stride=1, notes=())"
    assert isinstance(window.__dict__["__repr__"], types.FunctionType)
    assert window.__init__.__qualname__.endswith("Window.__init__")


@pytest.mark.parametrize("first", ["hash", "eq", "repr", "signature", "init"])
def test_any_first_use_gives_what_a_frozen_dataclass_gives(first):
    ours, theirs = _fresh(), _twin()
    if first == "hash":
        assert hash(ours(3, 2)) == hash(theirs(3, 2))
    if first == "eq":
        assert (ours(3) == ours(3), ours(3) == ours(3, 2)) == (True, False)
    if first == "repr":
        assert repr(ours(3, 2)) == repr(theirs(3, 2))
    if first == "signature":
        ours_parameters = inspect.signature(ours).parameters.values()
        theirs_parameters = inspect.signature(theirs).parameters.values()
        assert [(p.name, p.kind) for p in ours_parameters] == [
            (p.name, p.kind) for p in theirs_parameters
        ]
        assert [p.default for p in ours_parameters][:3] == [
            p.default for p in theirs_parameters
        ][:3]
    a, b = ours(3, 2, ("n",)), theirs(3, 2, ("n",))
    assert (repr(a), hash(a), a == ours(3, 2, ("n",))) == (repr(b), hash(b), True)
    assert a.cache == {} and a.cache is not ours(3).cache
    assert dataclasses.replace(a, stride=4) == ours(3, 4, ("n",))
    assert [f.name for f in dataclasses.fields(a)] == [
        f.name for f in dataclasses.fields(b)
    ]
    with pytest.raises(FrozenInstanceError, match="cannot assign to field 'kernel'"):
        a.kernel = 5
    with pytest.raises(TypeError, match="missing 1 required positional argument"):
        ours()


def test_a_subclass_first_used_compiles_its_bases_methods_for_the_base():
    base = _fresh()

    class Named(base):
        label = "named"

    made = Named(5)
    assert (made.kernel, made.label) == (5, "named")
    assert repr(made).endswith(".Named(kernel=5, stride=1, notes=())")
    assert isinstance(base.__dict__["__init__"], types.FunctionType)
    assert "__init__" not in Named.__dict__
    assert base(5) != made  # equal only within one class, as dataclasses compares


def test_a_value_subclass_of_a_value_class_has_its_own_fields():
    base = _fresh()

    @value
    class Wider(base):
        groups: int = 1

    assert repr(Wider(3, groups=2)).endswith(
        ".Wider(kernel=3, stride=1, notes=(), groups=2)"
    )
    assert repr(base(3)) == "Window(kernel=3, stride=1, notes=())"


def test_methods_the_class_body_defines_stay():
    @value
    class Shown:
        size: int

        def __repr__(self) -> str:
            return f"<{self.size}>"

    assert repr(Shown(2)) == "<2>" and Shown(2) == Shown(2)

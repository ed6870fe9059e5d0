"""The lookalike's signatures against real PyTorch 2.13's.

A model written for PyTorch passes arguments by position and by name; the lookalike
takes them the same way only if every exported class of ``convdims.torch.nn``, every
function of ``convdims.torch.nn.functional`` and every top-level function of
``convdims.torch`` has PyTorch's parameters: the same names, in the same order, of the
same kinds, with the same defaults. Where PyTorch has no Python signature (a function
written in C++, such as ``torch.cat`` or ``F.avg_pool2d``), there is nothing to compare
and the case says so.
"""

from __future__ import annotations

import inspect

import pytest

from convdims import torch as cd_torch
from convdims.torch import nn as cd_nn
from convdims.torch.nn import functional as cd_functional

#: Names the lookalike exports that PyTorch does not have at that place (kept because
#: code written for convdims uses them): ``F.flatten`` is ``torch.flatten``.
NOT_IN_TORCH = {"functional.flatten"}

#: convdims.torch's own functions, not PyTorch's.
CONVDIMS_ONLY = {"summary", "describe"}


def _default(value: object) -> object:
    """A default as compared: a function by its name (``activation=F.relu`` is
    PyTorch's ``F.relu`` in PyTorch and convdims's in convdims)."""
    if inspect.isfunction(value):
        return ("function", value.__name__)
    return value


def _parameters(function) -> list[tuple[str, object, object]]:
    return [
        (p.name, p.kind, _default(p.default))
        for p in inspect.signature(function).parameters.values()
    ]


def _python_signature(function):
    """PyTorch's signature of ``function``, or None where it has none in Python.

    ``F.max_pool2d`` and friends are ``boolean_dispatch`` wrappers taking
    ``(*args, **kwargs)``; the signature is the one of their ``_with_indices`` form.
    """
    try:
        signature = inspect.signature(function)
    except (TypeError, ValueError):
        return None
    if str(signature) == "(*args, **kwargs)":
        return None
    return signature


def _classes():
    return [
        name
        for name in cd_nn.__all__
        if isinstance(getattr(cd_nn, name), type) and name not in ("Module", "Parameter")
    ]


def _functions(module) -> list[str]:
    return [
        name
        for name in module.__all__
        if name not in CONVDIMS_ONLY
        and callable(getattr(module, name))
        and not isinstance(getattr(module, name), type)
        and not isinstance(getattr(module, name), cd_torch.dtype)
    ]


@pytest.mark.parametrize("name", _classes())
def test_nn_class_signature_is_pytorchs(torch, name: str) -> None:
    theirs = getattr(torch.nn, name)
    assert _parameters(getattr(cd_nn, name)) == _parameters(theirs), (
        f"nn.{name}{inspect.signature(getattr(cd_nn, name))} differs from PyTorch's "
        f"{inspect.signature(theirs)}"
    )


@pytest.mark.parametrize("name", _functions(cd_functional))
def test_functional_signature_is_pytorchs(torch, name: str) -> None:
    if f"functional.{name}" in NOT_IN_TORCH:
        assert not hasattr(torch.nn.functional, name)
        return
    theirs = getattr(torch.nn.functional, name)
    signature = _python_signature(theirs)
    if signature is None and hasattr(torch.nn.functional, f"{name}_with_indices"):
        signature = _python_signature(getattr(torch.nn.functional, f"{name}_with_indices"))
    if signature is None:
        pytest.skip(f"F.{name} has no Python signature in PyTorch (written in C++)")
    ours = getattr(cd_functional, name)
    assert _parameters(ours) == [
        (p.name, p.kind, _default(p.default)) for p in signature.parameters.values()
    ], f"F.{name}{inspect.signature(ours)} differs from PyTorch's {signature}"


@pytest.mark.parametrize("name", _functions(cd_torch))
def test_top_level_function_signature_is_pytorchs(torch, name: str) -> None:
    signature = _python_signature(getattr(torch, name))
    if signature is None:
        pytest.skip(f"torch.{name} has no Python signature in PyTorch (written in C++)")
    ours = getattr(cd_torch, name)
    assert _parameters(ours) == [
        (p.name, p.kind, _default(p.default)) for p in signature.parameters.values()
    ], f"torch.{name}{inspect.signature(ours)} differs from PyTorch's {signature}"


def test_the_lookalike_exports_only_what_pytorch_has(torch) -> None:
    missing = [name for name in _classes() if not hasattr(torch.nn, name)]
    missing += [
        f"functional.{name}"
        for name in _functions(cd_functional)
        if not hasattr(torch.nn.functional, name)
        and f"functional.{name}" not in NOT_IN_TORCH
    ]
    missing += [name for name in _functions(cd_torch) if not hasattr(torch, name)]
    assert missing == []


#: The submodules of torch the lookalike stands in for (issue 13), by their name in
#: PyTorch: every function and class each exports takes PyTorch's arguments.
SUBMODULES = (
    "autograd",
    "cuda",
    "fx",
    "hub",
    "jit",
    "utils.checkpoint",
    "utils.model_zoo",
    "nn.modules.utils",
    "nn.utils",
    "nn.utils.parametrize",
    "nn.utils.parametrizations",
    "distributions",
    "_dynamo.utils",
)


def _submodule_names() -> list[tuple[str, str]]:
    import importlib

    pairs = []
    for module in SUBMODULES:
        ours = importlib.import_module(f"convdims.torch.{module}")
        for name in ours.__all__:
            value = getattr(ours, name)
            if callable(value) and not isinstance(value, type(importlib)):
                pairs.append((module, name))
    return pairs


@pytest.mark.parametrize(
    ("module", "name"), _submodule_names(), ids=[f"{m}.{n}" for m, n in _submodule_names()]
)
def test_submodule_signature_is_pytorchs(torch, module: str, name: str) -> None:
    import importlib

    theirs = getattr(importlib.import_module(f"torch.{module}"), name)
    ours = getattr(importlib.import_module(f"convdims.torch.{module}"), name)
    signature = _python_signature(theirs)
    if signature is None:
        pytest.skip(f"torch.{module}.{name} has no Python signature in PyTorch")

    def plain(parameters):
        """A default that is an object of PyTorch's own (a CompilationUnit, a
        function) is compared as "has a default"."""
        kinds = (type(None), bool, int, float, str, tuple)

        def own(d):
            if isinstance(d, tuple) and d[:1] == ("function",):
                return False
            return isinstance(d, kinds) or d is inspect.Parameter.empty

        return [(n, k, d if own(d) else "object") for n, k, d in parameters]

    theirs_parameters = [
        (p.name, p.kind, _default(p.default)) for p in signature.parameters.values()
    ]
    assert plain(_parameters(ours)) == plain(theirs_parameters), (
        f"torch.{module}.{name}{inspect.signature(ours)} differs from PyTorch's {signature}"
    )


def test_jit_queries_answer_as_pytorch_does_outside_scripting(torch) -> None:
    assert cd_torch.jit.is_scripting() is torch.jit.is_scripting() is False
    assert cd_torch.jit.is_tracing() is torch.jit.is_tracing() is False
    assert cd_torch.cuda.is_available() is torch.cuda.is_available() is False
    assert cd_torch.cuda.device_count() == torch.cuda.device_count() == 0
    assert (cd_torch.jit.annotations.BroadcastingList2[int] is None) and (
        torch.jit.annotations.BroadcastingList2[int] is None
    )
    for value in (3, [1, 2], (4, 5), "ab"):
        assert cd_torch.nn.modules.utils._pair(value) == torch.nn.modules.utils._pair(value)

"""Shared by the oracle tests of the lookalike's reach (test_torch_reach_*.py): run one
expression under real PyTorch and under convdims.torch, and compare what comes out
(shapes, dtypes, reprs, parameter counts) or what is raised (type and message)."""

from __future__ import annotations

import warnings
from typing import Any

from convdims import torch as cd_torch


def namespace(module: Any) -> dict[str, Any]:
    """Names an expression sees: ``torch``, ``nn``, ``F`` and tensor makers
    ``T(*shape)`` (float32), ``L(*shape)`` (int64), ``B(*shape)`` (bool)."""
    return {
        "torch": module,
        "nn": module.nn,
        "F": module.nn.functional,
        "T": lambda *shape: module.zeros(*shape),
        "L": lambda *shape: module.zeros(*shape, dtype=module.long),
        "B": lambda *shape: module.zeros(*shape, dtype=module.bool),
    }


def _shape(tensor: Any) -> Any:
    """A parameter's shape, or ``"uninitialized"`` (a lazy module's, before its first
    call, whose shape PyTorch refuses to give)."""
    try:
        return tuple(tensor.shape)
    except (RuntimeError, ValueError):
        return "uninitialized"


def describe(value: Any) -> Any:
    """What is compared of a result: a tensor's shape and dtype, a module's repr and
    parameter shapes, the items of a tuple or list, other values as they are."""
    if hasattr(value, "shape") and hasattr(value, "dtype"):
        return ("tensor", tuple(value.shape), str(value.dtype))
    if hasattr(value, "named_parameters"):
        params = [(n, _shape(p)) for n, p in value.named_parameters()]
        buffers = [(n, _shape(b)) for n, b in value.named_buffers() if b is not None]
        return ("module", repr(value), params, buffers)
    if isinstance(value, (tuple, list)):
        return ("sequence", [describe(v) for v in value])
    if isinstance(value, (bool, int, float, str, type(None))):
        return ("value", value)
    return ("value", str(value))


def outcome(module: Any, expression: str) -> tuple[Any, ...]:
    """``("ok", description)`` or ``("raised", kind, first line of the message)``."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            value = eval(expression, namespace(module))  # noqa: S307 - test expressions
        except Exception as error:  # noqa: BLE001 - any error is compared
            return ("raised", error, str(error).split("\n")[0])
    return ("ok", describe(value))


#: PyTorch's exception type and the convdims types that stand for it.
_KINDS = {
    TypeError: (TypeError,),
    IndexError: (IndexError,),
    RuntimeError: (RuntimeError, ValueError),
    ValueError: (ValueError,),
    AttributeError: (AttributeError,),
    AssertionError: (AssertionError,),
}


def check(torch: Any, expression: str, *, message: bool = True) -> None:
    """The same outcome under both: the same description, or an error of the type
    PyTorch raised (a ``convdims.standin.Unsupported`` where PyTorch answers with
    values), with the same message when ``message``."""
    theirs = outcome(torch, expression)
    ours = outcome(cd_torch, expression)
    if theirs[0] == "ok":
        assert ours[0] == "ok", f"{expression}: PyTorch gave {theirs[1]}, we raised {ours}"
        assert ours[1] == theirs[1], expression
        return
    assert ours[0] == "raised", (
        f"{expression}: PyTorch raised {theirs[1]!r}, we returned {ours[1]}"
    )
    kind = next(k for k in _KINDS if isinstance(theirs[1], k))
    assert isinstance(ours[1], _KINDS[kind]), (
        f"{expression}: PyTorch raised {type(theirs[1]).__name__}: {theirs[2]}; we "
        f"raised {type(ours[1]).__name__}: {ours[2]}"
    )
    if message:
        assert ours[2] == theirs[2], expression


def refused_for_values(torch: Any, expression: str) -> None:
    """PyTorch answers with a size or value that depends on the values; convdims
    refuses clearly (``Unsupported``, naming what was called)."""
    from convdims.standin import Unsupported

    theirs = outcome(torch, expression)
    assert theirs[0] == "ok", (expression, theirs)
    ours = outcome(cd_torch, expression)
    assert ours[0] == "raised" and isinstance(ours[1], Unsupported), (expression, ours)
    assert "values" in ours[2] or "mask" in ours[2], ours[2]

"""torch.optim and its schedulers (torch/optim/) against real PyTorch: the same names,
the same parameters, the same parameter groups and defaults, the same refusals."""

from __future__ import annotations

import ast
import inspect

import pytest

from convdims.torch import nn as cnn
from convdims.torch import optim as coptim


def _ours(cls) -> list[tuple[str, str, object]]:
    arguments = ast.parse(f"def f({cls._parameters}): pass").body[0].args
    empty = inspect.Parameter.empty
    out = []
    padded = [None] * (len(arguments.args) - len(arguments.defaults)) + list(
        arguments.defaults
    )
    for arg, default in zip(arguments.args, padded, strict=True):
        value = empty if default is None else ast.literal_eval(default)
        out.append((arg.arg, "POSITIONAL_OR_KEYWORD", value))
    for arg, default in zip(arguments.kwonlyargs, arguments.kw_defaults, strict=True):
        value = empty if default is None else ast.literal_eval(default)
        out.append((arg.arg, "KEYWORD_ONLY", value))
    return out


def _theirs(cls) -> list[tuple[str, str, object]]:
    params = list(inspect.signature(cls.__init__).parameters.values())[1:]
    return [(p.name, p.kind.name, p.default) for p in params]


@pytest.mark.parametrize("module", ["optim", "optim.lr_scheduler"])
def test_every_class_takes_pytorchs_parameters(torch, module):
    ours = coptim if module == "optim" else coptim.lr_scheduler
    theirs = torch.optim if module == "optim" else torch.optim.lr_scheduler
    for name in ours.__all__:
        if name == "lr_scheduler":
            continue
        assert _ours(getattr(ours, name)) == _theirs(getattr(theirs, name)), name


CASES = [
    ("SGD", {"lr": 0.1}),
    ("SGD", {"lr": 0.1, "momentum": 0.9, "nesterov": True}),
    ("SGD", {"lr": 0.1, "nesterov": True}),
    ("SGD", {"lr": -1}),
    ("SGD", {"lr": 0.1, "momentum": -1}),
    ("Adam", {}),
    ("Adam", {"betas": (1.5, 0.9)}),
    ("Adam", {"betas": (0.9, 1.0)}),
    ("Adam", {"eps": -1}),
    ("AdamW", {"lr": 3e-4, "weight_decay": 0.05}),
    ("Adam", {"weight_decay": -1}),
    ("RMSprop", {"lr": 0.01, "alpha": -0.5}),
    ("Adadelta", {"lr": 1.0, "rho": 0.9}),
    ("Adagrad", {"lr_decay": -1}),
    ("Adam", {"foo": 1}),
]


def _made(nn, optim, name, kwargs, groups):
    model = nn.Sequential(nn.Linear(4, 3), nn.Linear(3, 2))
    params = (
        [{"params": model[0].parameters()}, {"params": model[1].parameters(), "lr": 1.0}]
        if groups
        else model.parameters()
    )
    try:
        optimizer = getattr(optim, name)(params, **kwargs)
    except (TypeError, ValueError) as error:
        return (type(error).__name__, str(error))
    groups_seen = [
        ({k: v for k, v in g.items() if k != "params"}, len(g["params"]))
        for g in optimizer.param_groups
    ]
    return ("made", optimizer.defaults, groups_seen)


@pytest.mark.parametrize("groups", [False, True])
@pytest.mark.parametrize("case", CASES, ids=[f"{c[0]}-{i}" for i, c in enumerate(CASES)])
def test_optimizers_are_made_or_refused_as_pytorch_does(torch, case, groups):
    name, kwargs = case
    expected = _made(torch.nn, torch.optim, name, kwargs, groups)
    assert _made(cnn, coptim, name, kwargs, groups) == expected


def test_empty_parameters_and_a_non_optimizer_are_refused_as_pytorch_does(torch):
    for optim in (torch.optim, coptim):
        with pytest.raises(ValueError, match="^optimizer got an empty parameter list$"):
            optim.SGD([], lr=0.1)
        with pytest.raises(TypeError, match="^int is not an Optimizer$"):
            optim.lr_scheduler.StepLR(3, 2)

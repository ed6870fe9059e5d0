"""``torch.optim``'s optimizers, built as PyTorch builds them (parameter groups and
their defaults, PyTorch's checks of the arguments); ``step()`` refuses, as there are
no gradients to step with: a training script runs up to its first step and says so.

>>> from convdims.torch import nn, optim
>>> opt = optim.Adam(nn.Linear(4, 2).parameters(), lr=1e-3)
>>> len(opt.param_groups[0]["params"]), opt.param_groups[0]["betas"]
(2, (0.9, 0.999))
>>> opt.zero_grad()
>>> try:
...     opt.step()
... except RuntimeError as error:
...     print(error)
convdims computes shapes and counts only: torch.optim.Adam.step is not available
"""

from __future__ import annotations

import inspect

from convdims.standin import Unsupported
from convdims.torch.tensor import Tensor

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

__all__ = ["Optimizer"]

_KW = inspect.Parameter.KEYWORD_ONLY
_POS = inspect.Parameter.POSITIONAL_OR_KEYWORD


class Optimizer:
    """``torch.optim.Optimizer``: ``param_groups``, ``defaults`` and ``state``."""

    def __init__(self, params: Any, defaults: dict[str, Any]) -> None:
        self.defaults = defaults
        self.state: dict[Any, Any] = {}
        self.param_groups: list[dict[str, Any]] = []
        if isinstance(params, Tensor):
            raise TypeError(
                "params argument given to the optimizer should be an iterable of Tensors "
                f"or dicts, but got {type(params).__name__}"
            )
        groups = list(params)
        if len(groups) == 0:
            raise ValueError("optimizer got an empty parameter list")
        if not isinstance(groups[0], dict):
            groups = [{"params": groups}]
        for group in groups:
            self.add_param_group(group)

    def add_param_group(self, param_group: dict[str, Any]) -> None:
        """Add a group; its missing settings take the optimizer's defaults."""
        if not isinstance(param_group, dict):
            raise TypeError(
                f"param_group must be a dict, but got {type(param_group).__name__}"
            )
        params = param_group["params"]
        if isinstance(params, Tensor):
            params = [params]
        elif isinstance(params, set):
            raise TypeError(
                "optimizer parameters need to be organized in ordered collections, but "
                "the ordering of tensors in sets will change between runs. Please use a "
                "list instead."
            )
        else:
            params = list(params)
        named = [p for p in params if isinstance(p, tuple)]
        if named:
            param_group["param_names"] = [name for name, _ in named]
            params = [p for _, p in named]
        for param in params:
            if not isinstance(param, Tensor):
                raise TypeError(
                    "optimizer can only optimize Tensors, but one of the params is "
                    f"{type(param).__name__}"
                )
        param_group["params"] = params
        for name, default in self.defaults.items():
            param_group.setdefault(name, default)
        seen = {id(p) for group in self.param_groups for p in group["params"]}
        if any(id(p) in seen for p in params):
            raise ValueError("some parameters appear in more than one parameter group")
        self.param_groups.append(param_group)

    def zero_grad(self, set_to_none: bool = True) -> None:
        """``zero_grad``: there are no gradients to clear; accepted."""

    def step(self, closure: Any = None) -> Any:
        """``step``: refused (no gradients to step with)."""
        raise Unsupported(f"torch.optim.{type(self).__name__}.step")

    def state_dict(self) -> dict[str, Any]:
        """PyTorch's layout: no state, the groups with parameter indices."""
        index = 0
        groups = []
        for group in self.param_groups:
            packed = {k: v for k, v in group.items() if k != "params"}
            packed["params"] = list(range(index, index + len(group["params"])))
            index += len(group["params"])
            groups.append(packed)
        return {"state": {}, "param_groups": groups}

    def load_state_dict(self, state_dict: dict[str, Any]) -> None:
        raise Unsupported(f"torch.optim.{type(self).__name__}.load_state_dict")

    def __repr__(self) -> str:
        lines = [f"{type(self).__name__} ("]
        for index, group in enumerate(self.param_groups):
            lines.append(f"Parameter Group {index}")
            for key in sorted(group):
                if key != "params":
                    lines.append(f"    {key}: {group[key]}")
        lines.append(")")
        return "\n".join(lines)


def _optimizer(
    name: str,
    positional: list[tuple[str, Any]],
    keyword: list[tuple[str, Any]] = (),  # type: ignore[assignment]
    check: Any = None,
    after: Any = None,
) -> type[Optimizer]:
    """An optimizer class with PyTorch's signature ``(params, *positional, *,
    *keyword)``; ``check(settings)`` raises PyTorch's ValueError for a bad setting."""
    signature = inspect.Signature(
        [inspect.Parameter("params", _POS)]
        + [inspect.Parameter(n, _POS, default=d) for n, d in positional]
        + [inspect.Parameter(n, _KW, default=d) for n, d in keyword]
    )

    def __init__(self: Optimizer, *args: Any, **kwargs: Any) -> None:
        try:
            bound = signature.bind(*args, **kwargs)
        except TypeError as error:
            raise TypeError(f"{name}.__init__(): {error}") from None
        bound.apply_defaults()
        settings = dict(bound.arguments)
        params = settings.pop("params")
        _check_common(settings)
        if check is not None:
            check(settings)
        Optimizer.__init__(self, params, settings)
        if after is not None:
            after(self)

    __init__.__signature__ = inspect.Signature(  # type: ignore[attr-defined]
        [inspect.Parameter("self", _POS), *signature.parameters.values()]
    )
    return type(
        name,
        (Optimizer,),
        {"__init__": __init__, "__doc__": f"``torch.optim.{name}``."},
    )


def _check_common(settings: dict[str, Any]) -> None:
    lr = settings.get("lr")
    if isinstance(lr, (int, float)) and not 0.0 <= lr:
        raise ValueError(f"Invalid learning rate: {lr}")
    eps = settings.get("eps")
    if isinstance(eps, (int, float)) and not 0.0 <= eps:
        raise ValueError(f"Invalid epsilon value: {eps}")
    decay = settings.get("weight_decay")
    if isinstance(decay, (int, float)) and not 0.0 <= decay:
        raise ValueError(f"Invalid weight_decay value: {decay}")
    betas = settings.get("betas")
    if isinstance(betas, tuple) and len(betas) == 2:
        for index, beta in enumerate(betas):
            if isinstance(beta, (int, float)) and not 0.0 <= beta < 1.0:
                raise ValueError(f"Invalid beta parameter at index {index}: {beta}")


def _check_sgd(settings: dict[str, Any]) -> None:
    if settings["momentum"] < 0.0:
        raise ValueError(f"Invalid momentum value: {settings['momentum']}")
    if settings["nesterov"] and (settings["momentum"] <= 0 or settings["dampening"] != 0):
        raise ValueError("Nesterov momentum requires a momentum and zero dampening")


def _adamw_defaults(settings: dict[str, Any]) -> None:
    settings["decoupled_weight_decay"] = True  # AdamW is Adam with it, in PyTorch 2.13


def _lbfgs_defaults(settings: dict[str, Any]) -> None:
    if settings["max_eval"] is None:
        settings["max_eval"] = settings["max_iter"] * 5 // 4


def _lbfgs_one_group(optimizer: Optimizer) -> None:
    if len(optimizer.param_groups) != 1:
        raise ValueError("LBFGS doesn't support per-parameter options (parameter groups)")


SGD = _optimizer(
    "SGD",
    [
        ("lr", 0.001),
        ("momentum", 0),
        ("dampening", 0),
        ("weight_decay", 0),
        ("nesterov", False),
    ],
    [("maximize", False), ("foreach", None), ("differentiable", False), ("fused", None)],
    _check_sgd,
)
Adam = _optimizer(
    "Adam",
    [
        ("lr", 0.001),
        ("betas", (0.9, 0.999)),
        ("eps", 1e-08),
        ("weight_decay", 0),
        ("amsgrad", False),
    ],
    [
        ("foreach", None),
        ("maximize", False),
        ("capturable", False),
        ("differentiable", False),
        ("fused", None),
        ("decoupled_weight_decay", False),
    ],
)
AdamW = _optimizer(
    "AdamW",
    [
        ("lr", 0.001),
        ("betas", (0.9, 0.999)),
        ("eps", 1e-08),
        ("weight_decay", 0.01),
        ("amsgrad", False),
    ],
    [
        ("maximize", False),
        ("foreach", None),
        ("capturable", False),
        ("differentiable", False),
        ("fused", None),
    ],
    _adamw_defaults,
)
RMSprop = _optimizer(
    "RMSprop",
    [
        ("lr", 0.01),
        ("alpha", 0.99),
        ("eps", 1e-08),
        ("weight_decay", 0),
        ("momentum", 0),
        ("centered", False),
        ("capturable", False),
        ("foreach", None),
        ("maximize", False),
        ("differentiable", False),
    ],
)
Adagrad = _optimizer(
    "Adagrad",
    [
        ("lr", 0.01),
        ("lr_decay", 0),
        ("weight_decay", 0),
        ("initial_accumulator_value", 0),
        ("eps", 1e-10),
        ("foreach", None),
    ],
    [("maximize", False), ("differentiable", False), ("fused", None)],
)
Adadelta = _optimizer(
    "Adadelta",
    [("lr", 1.0), ("rho", 0.9), ("eps", 1e-06), ("weight_decay", 0), ("foreach", None)],
    [("capturable", False), ("maximize", False), ("differentiable", False)],
)
Adamax = _optimizer(
    "Adamax",
    [
        ("lr", 0.002),
        ("betas", (0.9, 0.999)),
        ("eps", 1e-08),
        ("weight_decay", 0),
        ("foreach", None),
    ],
    [("maximize", False), ("differentiable", False), ("capturable", False)],
)
NAdam = _optimizer(
    "NAdam",
    [
        ("lr", 0.002),
        ("betas", (0.9, 0.999)),
        ("eps", 1e-08),
        ("weight_decay", 0),
        ("momentum_decay", 0.004),
        ("decoupled_weight_decay", False),
    ],
    [
        ("foreach", None),
        ("maximize", False),
        ("capturable", False),
        ("differentiable", False),
    ],
)
RAdam = _optimizer(
    "RAdam",
    [
        ("lr", 0.001),
        ("betas", (0.9, 0.999)),
        ("eps", 1e-08),
        ("weight_decay", 0),
        ("decoupled_weight_decay", False),
    ],
    [
        ("foreach", None),
        ("maximize", False),
        ("capturable", False),
        ("differentiable", False),
    ],
)
LBFGS = _optimizer(
    "LBFGS",
    [
        ("lr", 1),
        ("max_iter", 20),
        ("max_eval", None),
        ("tolerance_grad", 1e-07),
        ("tolerance_change", 1e-09),
        ("history_size", 100),
        ("line_search_fn", None),
    ],
    check=_lbfgs_defaults,
    after=_lbfgs_one_group,
)

OPTIMIZERS = (
    "Adadelta",
    "Adagrad",
    "Adam",
    "AdamW",
    "Adamax",
    "LBFGS",
    "NAdam",
    "RAdam",
    "RMSprop",
    "SGD",
)

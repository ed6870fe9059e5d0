"""``torch.optim.lr_scheduler``: schedulers are built as PyTorch builds them (they
record each group's ``initial_lr``); ``step()`` refuses, as a script reaches it only
after an optimizer step, which refuses first.

>>> from convdims.torch import nn, optim
>>> opt = optim.SGD(nn.Linear(2, 2).parameters(), lr=0.1)
>>> optim.lr_scheduler.StepLR(opt, step_size=10).get_last_lr()
[0.1]
"""

from __future__ import annotations

import inspect

from convdims.standin import Unsupported
from convdims.torch.optim.optimizer import Optimizer

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

_POS = inspect.Parameter.POSITIONAL_OR_KEYWORD
_EMPTY = inspect.Parameter.empty


class LRScheduler:
    """``torch.optim.lr_scheduler.LRScheduler``."""

    def __init__(self, optimizer: Optimizer, last_epoch: int = -1) -> None:
        if not isinstance(optimizer, Optimizer):
            raise TypeError(f"{type(optimizer).__name__} is not an Optimizer")
        for group in optimizer.param_groups:
            group.setdefault("initial_lr", group["lr"])
        self.optimizer = optimizer
        self.last_epoch = last_epoch
        self.base_lrs = [group["initial_lr"] for group in optimizer.param_groups]
        self._last_lr = [group["lr"] for group in optimizer.param_groups]

    def get_last_lr(self) -> list[Any]:
        return self._last_lr

    def step(self, *args: Any, **kwargs: Any) -> None:
        raise Unsupported(f"torch.optim.lr_scheduler.{type(self).__name__}.step")

    def state_dict(self) -> dict[str, Any]:
        return {k: v for k, v in self.__dict__.items() if k != "optimizer"}


def _scheduler(name: str, parameters: list[tuple[str, Any]]) -> type[LRScheduler]:
    signature = inspect.Signature(
        [inspect.Parameter("optimizer", _POS)]
        + [inspect.Parameter(n, _POS, default=d) for n, d in parameters]
    )

    def __init__(self: LRScheduler, *args: Any, **kwargs: Any) -> None:
        try:
            bound = signature.bind(*args, **kwargs)
        except TypeError as error:
            raise TypeError(f"{name}.__init__(): {error}") from None
        bound.apply_defaults()
        settings = dict(bound.arguments)
        optimizer = settings.pop("optimizer")
        last_epoch = settings.get("last_epoch", -1)
        self.__dict__.update(settings)
        LRScheduler.__init__(self, optimizer, last_epoch)

    __init__.__signature__ = inspect.Signature(  # type: ignore[attr-defined]
        [inspect.Parameter("self", _POS), *signature.parameters.values()]
    )
    return type(name, (LRScheduler,), {"__init__": __init__, "__doc__": f"``{name}``."})


StepLR = _scheduler("StepLR", [("step_size", _EMPTY), ("gamma", 0.1), ("last_epoch", -1)])
MultiStepLR = _scheduler(
    "MultiStepLR", [("milestones", _EMPTY), ("gamma", 0.1), ("last_epoch", -1)]
)
ExponentialLR = _scheduler("ExponentialLR", [("gamma", _EMPTY), ("last_epoch", -1)])
CosineAnnealingLR = _scheduler(
    "CosineAnnealingLR", [("T_max", _EMPTY), ("eta_min", 0.0), ("last_epoch", -1)]
)
CosineAnnealingWarmRestarts = _scheduler(
    "CosineAnnealingWarmRestarts",
    [("T_0", _EMPTY), ("T_mult", 1), ("eta_min", 0.0), ("last_epoch", -1)],
)
LambdaLR = _scheduler("LambdaLR", [("lr_lambda", _EMPTY), ("last_epoch", -1)])
LinearLR = _scheduler(
    "LinearLR",
    [("start_factor", 1 / 3), ("end_factor", 1.0), ("total_iters", 5), ("last_epoch", -1)],
)
OneCycleLR = _scheduler(
    "OneCycleLR",
    [
        ("max_lr", _EMPTY),
        ("total_steps", None),
        ("epochs", None),
        ("steps_per_epoch", None),
        ("pct_start", 0.3),
        ("anneal_strategy", "cos"),
        ("cycle_momentum", True),
        ("base_momentum", 0.85),
        ("max_momentum", 0.95),
        ("div_factor", 25.0),
        ("final_div_factor", 10000.0),
        ("three_phase", False),
        ("last_epoch", -1),
    ],
)
ReduceLROnPlateau = _scheduler(
    "ReduceLROnPlateau",
    [
        ("mode", "min"),
        ("factor", 0.1),
        ("patience", 10),
        ("threshold", 0.0001),
        ("threshold_mode", "rel"),
        ("cooldown", 0),
        ("min_lr", 0),
        ("eps", 1e-08),
    ],
)

__all__ = [
    "CosineAnnealingLR",
    "CosineAnnealingWarmRestarts",
    "ExponentialLR",
    "LRScheduler",
    "LambdaLR",
    "LinearLR",
    "MultiStepLR",
    "OneCycleLR",
    "ReduceLROnPlateau",
    "StepLR",
]

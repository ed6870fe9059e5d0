"""``torch.optim``: how training would update the parameters. Nothing is trained here
(convdims keeps shapes only), but a script builds its optimizer from
``model.parameters()`` and its scheduler, as with PyTorch: each is kept as configured,
with PyTorch's checks of its arguments; ``step()`` is refused (it needs gradients).

Made from PyTorch 2.13's signatures: each class's ``_parameters`` is the real signature,
and an oracle test checks that it still is.

>>> from convdims.torch import nn, optim
>>> sgd = optim.SGD(nn.Linear(4, 2).parameters(), lr=0.1, momentum=0.9)
>>> sgd.defaults["momentum"], len(sgd.param_groups[0]["params"])
(0.9, 2)
"""

from __future__ import annotations

from convdims.torch.optim import lr_scheduler
from convdims.torch.optim._base import _Optimizer

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any


class Optimizer(_Optimizer):
    """``torch.optim.Optimizer``, kept as configured."""

    _parameters = "params, defaults"


class ASGD(Optimizer):
    """``torch.optim.ASGD``, kept as configured."""

    _parameters = (
        "params, lr=0.01, lambd=0.0001, alpha=0.75, t0=1000000.0, "
        "weight_decay=0, foreach=None, maximize=False, differentiable=False, "
        "capturable=False"
    )


class Adadelta(Optimizer):
    """``torch.optim.Adadelta``, kept as configured."""

    _parameters = (
        "params, lr=1.0, rho=0.9, eps=1e-06, weight_decay=0, foreach=None, *, "
        "capturable=False, maximize=False, differentiable=False"
    )


class Adafactor(Optimizer):
    """``torch.optim.Adafactor``, kept as configured."""

    _parameters = (
        "params, lr=0.01, beta2_decay=-0.8, eps=(None, 0.001), d=1.0, "
        "weight_decay=0.0, *, foreach=None, maximize=False"
    )


class Adagrad(Optimizer):
    """``torch.optim.Adagrad``, kept as configured."""

    _parameters = (
        "params, lr=0.01, lr_decay=0, weight_decay=0, "
        "initial_accumulator_value=0, eps=1e-10, foreach=None, *, "
        "maximize=False, differentiable=False, fused=None"
    )


class Adam(Optimizer):
    """``torch.optim.Adam``, kept as configured."""

    _parameters = (
        "params, lr=0.001, betas=(0.9, 0.999), eps=1e-08, weight_decay=0, "
        "amsgrad=False, *, foreach=None, maximize=False, capturable=False, "
        "differentiable=False, fused=None, decoupled_weight_decay=False"
    )


class AdamW(Optimizer):
    """``torch.optim.AdamW``, kept as configured."""

    _parameters = (
        "params, lr=0.001, betas=(0.9, 0.999), eps=1e-08, weight_decay=0.01, "
        "amsgrad=False, *, maximize=False, foreach=None, capturable=False, "
        "differentiable=False, fused=None"
    )

    _extra_defaults = {"decoupled_weight_decay": True}


class Adamax(Optimizer):
    """``torch.optim.Adamax``, kept as configured."""

    _parameters = (
        "params, lr=0.002, betas=(0.9, 0.999), eps=1e-08, weight_decay=0, "
        "foreach=None, *, maximize=False, differentiable=False, "
        "capturable=False"
    )


class LBFGS(Optimizer):
    """``torch.optim.LBFGS``, kept as configured."""

    _parameters = (
        "params, lr=1, max_iter=20, max_eval=None, tolerance_grad=1e-07, "
        "tolerance_change=1e-09, history_size=100, line_search_fn=None"
    )

    def _finish_defaults(self, params: list[Any]) -> None:
        if self.defaults["max_eval"] is None:  # PyTorch's: max_iter * 5 // 4
            self.defaults["max_eval"] = self.max_eval = self.defaults["max_iter"] * 5 // 4


class Muon(Optimizer):
    """``torch.optim.Muon``, kept as configured."""

    _parameters = (
        "params, lr=0.001, weight_decay=0.1, momentum=0.95, nesterov=True, "
        "ns_coefficients=(3.4445, -4.775, 2.0315), eps=1e-07, ns_steps=5, "
        "adjust_lr_fn=None"
    )

    def _finish_defaults(self, params: list[Any]) -> None:
        for group in params if isinstance(params[0], dict) else [{"params": params}]:
            members = group["params"]
            for p in [members] if hasattr(members, "shape") else list(members):
                if len(p.shape) != 2:
                    raise ValueError(
                        "Muon only supports 2D parameters whereas we found a parameter "
                        f"with size: torch.Size({list(p.shape)})"
                    )


class NAdam(Optimizer):
    """``torch.optim.NAdam``, kept as configured."""

    _parameters = (
        "params, lr=0.002, betas=(0.9, 0.999), eps=1e-08, weight_decay=0, "
        "momentum_decay=0.004, decoupled_weight_decay=False, *, foreach=None, "
        "maximize=False, capturable=False, differentiable=False"
    )


class RAdam(Optimizer):
    """``torch.optim.RAdam``, kept as configured."""

    _parameters = (
        "params, lr=0.001, betas=(0.9, 0.999), eps=1e-08, weight_decay=0, "
        "decoupled_weight_decay=False, *, foreach=None, maximize=False, "
        "capturable=False, differentiable=False"
    )


class RMSprop(Optimizer):
    """``torch.optim.RMSprop``, kept as configured."""

    _parameters = (
        "params, lr=0.01, alpha=0.99, eps=1e-08, weight_decay=0, momentum=0, "
        "centered=False, capturable=False, foreach=None, maximize=False, "
        "differentiable=False"
    )


class Rprop(Optimizer):
    """``torch.optim.Rprop``, kept as configured."""

    _parameters = (
        "params, lr=0.01, etas=(0.5, 1.2), step_sizes=(1e-06, 50), *, "
        "capturable=False, foreach=None, maximize=False, differentiable=False"
    )


class SGD(Optimizer):
    """``torch.optim.SGD``, kept as configured."""

    _parameters = (
        "params, lr=0.001, momentum=0, dampening=0, weight_decay=0, "
        "nesterov=False, *, maximize=False, foreach=None, differentiable=False,"
        " fused=None"
    )


class SparseAdam(Optimizer):
    """``torch.optim.SparseAdam``, kept as configured."""

    _parameters = "params, lr=0.001, betas=(0.9, 0.999), eps=1e-08, maximize=False"


__all__ = [
    "Adadelta",
    "Adafactor",
    "Adagrad",
    "Adam",
    "Adamax",
    "AdamW",
    "ASGD",
    "LBFGS",
    "lr_scheduler",
    "Muon",
    "NAdam",
    "Optimizer",
    "RAdam",
    "RMSprop",
    "Rprop",
    "SGD",
    "SparseAdam",
]

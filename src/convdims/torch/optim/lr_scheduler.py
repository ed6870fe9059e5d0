"""``torch.optim.lr_scheduler``: how the learning rate would change during training,
kept as configured (``step()`` is refused: convdims never trains).

>>> from convdims.torch import nn, optim
>>> sgd = optim.SGD(nn.Linear(4, 2).parameters(), lr=0.1)
>>> optim.lr_scheduler.StepLR(sgd, step_size=30, gamma=0.1).step_size
30
"""

from __future__ import annotations

from convdims.torch.optim._base import _LRScheduler


class LRScheduler(_LRScheduler):
    """``torch.optim.lr_scheduler.LRScheduler``, kept as configured."""

    _parameters = "optimizer, last_epoch=-1"


class ChainedScheduler(LRScheduler):
    """``torch.optim.lr_scheduler.ChainedScheduler``, kept as configured."""

    _parameters = "schedulers, optimizer=None"


class ConstantLR(LRScheduler):
    """``torch.optim.lr_scheduler.ConstantLR``, kept as configured."""

    _parameters = "optimizer, factor=0.3333333333333333, total_iters=5, last_epoch=-1"


class CosineAnnealingLR(LRScheduler):
    """``torch.optim.lr_scheduler.CosineAnnealingLR``, kept as configured."""

    _parameters = "optimizer, T_max, eta_min=0.0, last_epoch=-1"


class CosineAnnealingWarmRestarts(LRScheduler):
    """``torch.optim.lr_scheduler.CosineAnnealingWarmRestarts``, kept as configured."""

    _parameters = "optimizer, T_0, T_mult=1, eta_min=0.0, last_epoch=-1"


class CyclicLR(LRScheduler):
    """``torch.optim.lr_scheduler.CyclicLR``, kept as configured."""

    _parameters = (
        "optimizer, base_lr, max_lr, step_size_up=2000, step_size_down=None, "
        "mode='triangular', gamma=1.0, scale_fn=None, scale_mode='cycle', "
        "cycle_momentum=True, base_momentum=0.8, max_momentum=0.9, "
        "last_epoch=-1"
    )


class ExponentialLR(LRScheduler):
    """``torch.optim.lr_scheduler.ExponentialLR``, kept as configured."""

    _parameters = "optimizer, gamma, last_epoch=-1"


class LambdaLR(LRScheduler):
    """``torch.optim.lr_scheduler.LambdaLR``, kept as configured."""

    _parameters = "optimizer, lr_lambda, last_epoch=-1"


class LinearLR(LRScheduler):
    """``torch.optim.lr_scheduler.LinearLR``, kept as configured."""

    _parameters = (
        "optimizer, start_factor=0.3333333333333333, end_factor=1.0, "
        "total_iters=5, last_epoch=-1"
    )


class MultiStepLR(LRScheduler):
    """``torch.optim.lr_scheduler.MultiStepLR``, kept as configured."""

    _parameters = "optimizer, milestones, gamma=0.1, last_epoch=-1"


class MultiplicativeLR(LRScheduler):
    """``torch.optim.lr_scheduler.MultiplicativeLR``, kept as configured."""

    _parameters = "optimizer, lr_lambda, last_epoch=-1"


class OneCycleLR(LRScheduler):
    """``torch.optim.lr_scheduler.OneCycleLR``, kept as configured."""

    _parameters = (
        "optimizer, max_lr, total_steps=None, epochs=None, "
        "steps_per_epoch=None, pct_start=0.3, anneal_strategy='cos', "
        "cycle_momentum=True, base_momentum=0.85, max_momentum=0.95, "
        "div_factor=25.0, final_div_factor=10000.0, three_phase=False, "
        "last_epoch=-1"
    )


class PolynomialLR(LRScheduler):
    """``torch.optim.lr_scheduler.PolynomialLR``, kept as configured."""

    _parameters = "optimizer, total_iters=5, power=1.0, last_epoch=-1"


class ReduceLROnPlateau(LRScheduler):
    """``torch.optim.lr_scheduler.ReduceLROnPlateau``, kept as configured."""

    _parameters = (
        "optimizer, mode='min', factor=0.1, patience=10, threshold=0.0001, "
        "threshold_mode='rel', cooldown=0, min_lr=0, eps=1e-08"
    )


class SequentialLR(LRScheduler):
    """``torch.optim.lr_scheduler.SequentialLR``, kept as configured."""

    _parameters = "optimizer, schedulers, milestones, last_epoch=-1"


class StepLR(LRScheduler):
    """``torch.optim.lr_scheduler.StepLR``, kept as configured."""

    _parameters = "optimizer, step_size, gamma=0.1, last_epoch=-1"


__all__ = [
    "ChainedScheduler",
    "ConstantLR",
    "CosineAnnealingLR",
    "CosineAnnealingWarmRestarts",
    "CyclicLR",
    "ExponentialLR",
    "LambdaLR",
    "LinearLR",
    "LRScheduler",
    "MultiplicativeLR",
    "MultiStepLR",
    "OneCycleLR",
    "PolynomialLR",
    "ReduceLROnPlateau",
    "SequentialLR",
    "StepLR",
]

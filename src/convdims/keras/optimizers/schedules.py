"""``keras.optimizers.schedules``: how the learning rate would change during
training, kept as configured.

Made from Keras 3.15.1's signatures: each class's ``_parameters`` is the real signature,
and an oracle test checks that it still is.

>>> ExponentialDecay(0.1, decay_steps=1000, decay_rate=0.96).decay_rate
0.96
"""

from __future__ import annotations

from convdims.keras._training import _LearningRateSchedule


class LearningRateSchedule(_LearningRateSchedule):
    """``keras.optimizers.schedules.LearningRateSchedule``, kept as configured."""

    _parameters = ""


class CosineDecay(LearningRateSchedule):
    """``keras.optimizers.schedules.CosineDecay``, kept as configured."""

    _parameters = (
        "initial_learning_rate, decay_steps, alpha=0.0, name='CosineDecay', "
        "warmup_target=None, warmup_steps=0"
    )


class CosineDecayRestarts(LearningRateSchedule):
    """``keras.optimizers.schedules.CosineDecayRestarts``, kept as configured."""

    _parameters = (
        "initial_learning_rate, first_decay_steps, t_mul=2.0, m_mul=1.0, "
        "alpha=0.0, name='SGDRDecay'"
    )


class ExponentialDecay(LearningRateSchedule):
    """``keras.optimizers.schedules.ExponentialDecay``, kept as configured."""

    _parameters = (
        "initial_learning_rate, decay_steps, decay_rate, staircase=False, "
        "name='ExponentialDecay'"
    )


class InverseTimeDecay(LearningRateSchedule):
    """``keras.optimizers.schedules.InverseTimeDecay``, kept as configured."""

    _parameters = (
        "initial_learning_rate, decay_steps, decay_rate, staircase=False, "
        "name='InverseTimeDecay'"
    )


class PiecewiseConstantDecay(LearningRateSchedule):
    """``keras.optimizers.schedules.PiecewiseConstantDecay``, kept as configured."""

    _parameters = "boundaries, values, name='PiecewiseConstant'"


class PolynomialDecay(LearningRateSchedule):
    """``keras.optimizers.schedules.PolynomialDecay``, kept as configured."""

    _parameters = (
        "initial_learning_rate, decay_steps, end_learning_rate=0.0001, "
        "power=1.0, cycle=False, name='PolynomialDecay'"
    )


__all__ = [
    "CosineDecay",
    "CosineDecayRestarts",
    "ExponentialDecay",
    "InverseTimeDecay",
    "LearningRateSchedule",
    "PiecewiseConstantDecay",
    "PolynomialDecay",
]

"""``keras.optimizers``: how training would update the weights. Nothing is trained here
(convdims keeps shapes only), but a script builds its optimizer and passes it to
``Model.compile``, as with Keras; [`get`][convdims.keras.optimizers.get] resolves a name
as Keras does.

Made from Keras 3.15.1's signatures: each class's ``_parameters`` is the real signature,
and an oracle test checks that it still is.

>>> get("adam").learning_rate, SGD(0.1, momentum=0.9).momentum
(0.001, 0.9)
"""

from __future__ import annotations

from convdims.keras._training import _Optimizer, identifier_error
from convdims.keras.optimizers import schedules

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any


class Optimizer(_Optimizer):
    """``keras.optimizers.Optimizer``, kept as configured."""

    _parameters = (
        "learning_rate, weight_decay=None, clipnorm=None, clipvalue=None, "
        "global_clipnorm=None, use_ema=False, ema_momentum=0.99, "
        "ema_overwrite_frequency=None, loss_scale_factor=None, "
        "gradient_accumulation_steps=None, name=None, **kwargs"
    )


class Adadelta(Optimizer):
    """``keras.optimizers.Adadelta``, kept as configured."""

    _parameters = (
        "learning_rate=0.001, rho=0.95, epsilon=1e-07, weight_decay=None, "
        "clipnorm=None, clipvalue=None, global_clipnorm=None, use_ema=False, "
        "ema_momentum=0.99, ema_overwrite_frequency=None, "
        "loss_scale_factor=None, gradient_accumulation_steps=None, name=None, "
        "**kwargs"
    )


class Adafactor(Optimizer):
    """``keras.optimizers.Adafactor``, kept as configured."""

    _parameters = (
        "learning_rate=0.001, beta_2_decay=-0.8, epsilon_1=1e-30, "
        "epsilon_2=0.001, clip_threshold=1.0, relative_step=True, "
        "weight_decay=None, clipnorm=None, clipvalue=None, "
        "global_clipnorm=None, use_ema=False, ema_momentum=0.99, "
        "ema_overwrite_frequency=None, loss_scale_factor=None, "
        "gradient_accumulation_steps=None, name=None, **kwargs"
    )


class Adagrad(Optimizer):
    """``keras.optimizers.Adagrad``, kept as configured."""

    _parameters = (
        "learning_rate=0.001, initial_accumulator_value=0.1, epsilon=1e-07, "
        "weight_decay=None, clipnorm=None, clipvalue=None, "
        "global_clipnorm=None, use_ema=False, ema_momentum=0.99, "
        "ema_overwrite_frequency=None, loss_scale_factor=None, "
        "gradient_accumulation_steps=None, name=None, **kwargs"
    )


class Adam(Optimizer):
    """``keras.optimizers.Adam``, kept as configured."""

    _parameters = (
        "learning_rate=0.001, beta_1=0.9, beta_2=0.999, epsilon=1e-07, "
        "amsgrad=False, weight_decay=None, clipnorm=None, clipvalue=None, "
        "global_clipnorm=None, use_ema=False, ema_momentum=0.99, "
        "ema_overwrite_frequency=None, loss_scale_factor=None, "
        "gradient_accumulation_steps=None, name=None, **kwargs"
    )


class AdamW(Optimizer):
    """``keras.optimizers.AdamW``, kept as configured."""

    _parameters = (
        "learning_rate=0.001, weight_decay=0.004, beta_1=0.9, beta_2=0.999, "
        "epsilon=1e-07, amsgrad=False, clipnorm=None, clipvalue=None, "
        "global_clipnorm=None, use_ema=False, ema_momentum=0.99, "
        "ema_overwrite_frequency=None, loss_scale_factor=None, "
        "gradient_accumulation_steps=None, name=None, **kwargs"
    )


class Adamax(Optimizer):
    """``keras.optimizers.Adamax``, kept as configured."""

    _parameters = (
        "learning_rate=0.001, beta_1=0.9, beta_2=0.999, epsilon=1e-07, "
        "weight_decay=None, clipnorm=None, clipvalue=None, "
        "global_clipnorm=None, use_ema=False, ema_momentum=0.99, "
        "ema_overwrite_frequency=None, loss_scale_factor=None, "
        "gradient_accumulation_steps=None, name=None, **kwargs"
    )


class Ftrl(Optimizer):
    """``keras.optimizers.Ftrl``, kept as configured."""

    _parameters = (
        "learning_rate=0.001, learning_rate_power=-0.5, "
        "initial_accumulator_value=0.1, l1_regularization_strength=0.0, "
        "l2_regularization_strength=0.0, "
        "l2_shrinkage_regularization_strength=0.0, beta=0.0, weight_decay=None,"
        " clipnorm=None, clipvalue=None, global_clipnorm=None, use_ema=False, "
        "ema_momentum=0.99, ema_overwrite_frequency=None, "
        "loss_scale_factor=None, gradient_accumulation_steps=None, name=None, "
        "**kwargs"
    )


class Lamb(Optimizer):
    """``keras.optimizers.Lamb``, kept as configured."""

    _parameters = (
        "learning_rate=0.001, beta_1=0.9, beta_2=0.999, epsilon=1e-07, "
        "weight_decay=None, clipnorm=None, clipvalue=None, "
        "global_clipnorm=None, use_ema=False, ema_momentum=0.99, "
        "ema_overwrite_frequency=None, loss_scale_factor=None, "
        "gradient_accumulation_steps=None, name=None, **kwargs"
    )


class Lion(Optimizer):
    """``keras.optimizers.Lion``, kept as configured."""

    _parameters = (
        "learning_rate=0.001, beta_1=0.9, beta_2=0.99, weight_decay=None, "
        "clipnorm=None, clipvalue=None, global_clipnorm=None, use_ema=False, "
        "ema_momentum=0.99, ema_overwrite_frequency=None, "
        "loss_scale_factor=None, gradient_accumulation_steps=None, name=None, "
        "**kwargs"
    )


class Muon(Optimizer):
    """``keras.optimizers.Muon``, kept as configured."""

    _parameters = (
        "learning_rate=0.001, adam_beta_1=0.9, adam_beta_2=0.999, "
        "adam_weight_decay=0.004, epsilon=1e-07, weight_decay=0.004, "
        "clipnorm=None, clipvalue=None, global_clipnorm=None, use_ema=False, "
        "ema_momentum=0.99, ema_overwrite_frequency=None, "
        "loss_scale_factor=None, gradient_accumulation_steps=None, name=None, "
        "exclude_layers=None, exclude_embeddings=True, muon_a=3.4445, "
        "muon_b=-4.775, muon_c=2.0315, adam_lr_ratio=1, momentum=0.95, "
        "ns_steps=5, nesterov=True, rms_rate=0.2, **kwargs"
    )


class Nadam(Optimizer):
    """``keras.optimizers.Nadam``, kept as configured."""

    _parameters = (
        "learning_rate=0.001, beta_1=0.9, beta_2=0.999, epsilon=1e-07, "
        "weight_decay=None, clipnorm=None, clipvalue=None, "
        "global_clipnorm=None, use_ema=False, ema_momentum=0.99, "
        "ema_overwrite_frequency=None, loss_scale_factor=None, "
        "gradient_accumulation_steps=None, name=None, **kwargs"
    )


class RMSprop(Optimizer):
    """``keras.optimizers.RMSprop``, kept as configured."""

    _parameters = (
        "learning_rate=0.001, rho=0.9, momentum=0.0, epsilon=1e-07, "
        "centered=False, weight_decay=None, clipnorm=None, clipvalue=None, "
        "global_clipnorm=None, use_ema=False, ema_momentum=0.99, "
        "ema_overwrite_frequency=None, loss_scale_factor=None, "
        "gradient_accumulation_steps=None, name=None, **kwargs"
    )


class SGD(Optimizer):
    """``keras.optimizers.SGD``, kept as configured."""

    _parameters = (
        "learning_rate=0.01, momentum=0.0, nesterov=False, weight_decay=None, "
        "clipnorm=None, clipvalue=None, global_clipnorm=None, use_ema=False, "
        "ema_momentum=0.99, ema_overwrite_frequency=None, "
        "loss_scale_factor=None, gradient_accumulation_steps=None, name=None, "
        "**kwargs"
    )


class ScheduleFreeAdamW(Optimizer):
    """``keras.optimizers.ScheduleFreeAdamW``, kept as configured."""

    _parameters = (
        "learning_rate=0.0025, beta_1=0.9, beta_2=0.999, epsilon=1e-08, "
        "warmup_steps=0, weight_decay=None, clipnorm=None, clipvalue=None, "
        "global_clipnorm=None, use_ema=False, ema_momentum=0.99, "
        "ema_overwrite_frequency=None, loss_scale_factor=None, "
        "gradient_accumulation_steps=None, name=None, **kwargs"
    )


def get(identifier: Any) -> Any:
    """The optimizer a name (any case), a config dict or an instance stands for, as
    Keras resolves ``Model.compile(optimizer=...)``.

    Raises:
        ValueError: Keras's "Could not interpret optimizer identifier".
    """
    if identifier is None or isinstance(identifier, Optimizer):
        return identifier
    if isinstance(identifier, dict) and isinstance(identifier.get("class_name"), str):
        cls = _BY_NAME.get(identifier["class_name"].lower())
        if cls is not None:
            return cls(**identifier.get("config", {}))
    if isinstance(identifier, str) and identifier.lower() in _BY_NAME:
        return _BY_NAME[identifier.lower()]()
    raise identifier_error("optimizer", identifier)


_BY_NAME = {
    cls.__name__.lower(): cls
    for cls in (
        Adadelta, Adafactor, Adagrad, Adam, Adamax, AdamW, Ftrl, Lamb, Lion, Muon, Nadam,
        RMSprop, ScheduleFreeAdamW, SGD,
    )
}  # fmt: skip

__all__ = [
    "Adadelta",
    "Adafactor",
    "Adagrad",
    "Adam",
    "Adamax",
    "AdamW",
    "Ftrl",
    "get",
    "Lamb",
    "Lion",
    "Muon",
    "Nadam",
    "Optimizer",
    "RMSprop",
    "ScheduleFreeAdamW",
    "schedules",
    "SGD",
]

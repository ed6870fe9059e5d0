"""``keras.losses``: what training would minimise. A script names or builds its loss and
passes it to ``Model.compile``; calling one needs values, which convdims does not have.

Made from Keras 3.15.1's signatures: each class's ``_parameters`` is the real signature,
and an oracle test checks that it still is.

>>> get("mse").__name__, SparseCategoricalCrossentropy(from_logits=True).from_logits
('mean_squared_error', True)
"""

from __future__ import annotations

from convdims.keras._training import _Loss, _refused, identifier_error

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any


class Loss(_Loss):
    """``keras.losses.Loss``, kept as configured."""

    _parameters = "name=None, reduction='sum_over_batch_size', dtype=None"


class BinaryCrossentropy(Loss):
    """``keras.losses.BinaryCrossentropy``, kept as configured."""

    _parameters = (
        "from_logits=False, label_smoothing=0.0, axis=-1, "
        "reduction='sum_over_batch_size', name='binary_crossentropy', "
        "dtype=None"
    )


class BinaryFocalCrossentropy(Loss):
    """``keras.losses.BinaryFocalCrossentropy``, kept as configured."""

    _parameters = (
        "apply_class_balancing=False, alpha=0.25, gamma=2.0, from_logits=False,"
        " label_smoothing=0.0, axis=-1, reduction='sum_over_batch_size', "
        "name='binary_focal_crossentropy', dtype=None"
    )


class CTC(Loss):
    """``keras.losses.CTC``, kept as configured."""

    _parameters = "reduction='sum_over_batch_size', name='ctc', dtype=None"


class CategoricalCrossentropy(Loss):
    """``keras.losses.CategoricalCrossentropy``, kept as configured."""

    _parameters = (
        "from_logits=False, label_smoothing=0.0, axis=-1, "
        "reduction='sum_over_batch_size', name='categorical_crossentropy', "
        "dtype=None"
    )


class CategoricalFocalCrossentropy(Loss):
    """``keras.losses.CategoricalFocalCrossentropy``, kept as configured."""

    _parameters = (
        "alpha=0.25, gamma=2.0, from_logits=False, label_smoothing=0.0, "
        "axis=-1, reduction='sum_over_batch_size', "
        "name='categorical_focal_crossentropy', dtype=None"
    )


class CategoricalGeneralizedCrossEntropy(Loss):
    """``keras.losses.CategoricalGeneralizedCrossEntropy``, kept as configured."""

    _parameters = (
        "q=0.5, reduction='sum_over_batch_size', "
        "name='categorical_generalized_cross_entropy', dtype=None"
    )


class CategoricalHinge(Loss):
    """``keras.losses.CategoricalHinge``, kept as configured."""

    _parameters = "reduction='sum_over_batch_size', name='categorical_hinge', dtype=None"


class Circle(Loss):
    """``keras.losses.Circle``, kept as configured."""

    _parameters = (
        "gamma=80.0, margin=0.4, remove_diagonal=True, "
        "reduction='sum_over_batch_size', name='circle', dtype=None"
    )


class CosineSimilarity(Loss):
    """``keras.losses.CosineSimilarity``, kept as configured."""

    _parameters = (
        "axis=-1, reduction='sum_over_batch_size', name='cosine_similarity', dtype=None"
    )


class Dice(Loss):
    """``keras.losses.Dice``, kept as configured."""

    _parameters = "reduction='sum_over_batch_size', name='dice', axis=None, dtype=None"


class Hinge(Loss):
    """``keras.losses.Hinge``, kept as configured."""

    _parameters = "reduction='sum_over_batch_size', name='hinge', dtype=None"


class Huber(Loss):
    """``keras.losses.Huber``, kept as configured."""

    _parameters = (
        "delta=1.0, reduction='sum_over_batch_size', name='huber_loss', dtype=None"
    )


class KLDivergence(Loss):
    """``keras.losses.KLDivergence``, kept as configured."""

    _parameters = "reduction='sum_over_batch_size', name='kl_divergence', dtype=None"


class LogCosh(Loss):
    """``keras.losses.LogCosh``, kept as configured."""

    _parameters = "reduction='sum_over_batch_size', name='log_cosh', dtype=None"


class MeanAbsoluteError(Loss):
    """``keras.losses.MeanAbsoluteError``, kept as configured."""

    _parameters = "reduction='sum_over_batch_size', name='mean_absolute_error', dtype=None"


class MeanAbsolutePercentageError(Loss):
    """``keras.losses.MeanAbsolutePercentageError``, kept as configured."""

    _parameters = (
        "reduction='sum_over_batch_size', name='mean_absolute_percentage_error', dtype=None"
    )


class MeanSquaredError(Loss):
    """``keras.losses.MeanSquaredError``, kept as configured."""

    _parameters = "reduction='sum_over_batch_size', name='mean_squared_error', dtype=None"


class MeanSquaredLogarithmicError(Loss):
    """``keras.losses.MeanSquaredLogarithmicError``, kept as configured."""

    _parameters = (
        "reduction='sum_over_batch_size', name='mean_squared_logarithmic_error', dtype=None"
    )


class Poisson(Loss):
    """``keras.losses.Poisson``, kept as configured."""

    _parameters = "reduction='sum_over_batch_size', name='poisson', dtype=None"


class SparseCategoricalCrossentropy(Loss):
    """``keras.losses.SparseCategoricalCrossentropy``, kept as configured."""

    _parameters = (
        "from_logits=False, ignore_class=None, reduction='sum_over_batch_size',"
        " axis=-1, name='sparse_categorical_crossentropy', dtype=None"
    )


class SquaredHinge(Loss):
    """``keras.losses.SquaredHinge``, kept as configured."""

    _parameters = "reduction='sum_over_batch_size', name='squared_hinge', dtype=None"


class Tversky(Loss):
    """``keras.losses.Tversky``, kept as configured."""

    _parameters = (
        "alpha=0.5, beta=0.5, reduction='sum_over_batch_size', name='tversky', "
        "axis=None, dtype=None"
    )


def binary_crossentropy(
    y_true: Any,
    y_pred: Any,
    from_logits: Any = False,
    label_smoothing: Any = 0.0,
    axis: Any = -1,
) -> Any:
    """Refused when called: it needs values."""
    raise _refused("keras.losses.binary_crossentropy")


def binary_focal_crossentropy(
    y_true: Any,
    y_pred: Any,
    apply_class_balancing: Any = False,
    alpha: Any = 0.25,
    gamma: Any = 2.0,
    from_logits: Any = False,
    label_smoothing: Any = 0.0,
    axis: Any = -1,
) -> Any:
    """Refused when called: it needs values."""
    raise _refused("keras.losses.binary_focal_crossentropy")


def categorical_crossentropy(
    y_true: Any,
    y_pred: Any,
    from_logits: Any = False,
    label_smoothing: Any = 0.0,
    axis: Any = -1,
) -> Any:
    """Refused when called: it needs values."""
    raise _refused("keras.losses.categorical_crossentropy")


def categorical_focal_crossentropy(
    y_true: Any,
    y_pred: Any,
    alpha: Any = 0.25,
    gamma: Any = 2.0,
    from_logits: Any = False,
    label_smoothing: Any = 0.0,
    axis: Any = -1,
) -> Any:
    """Refused when called: it needs values."""
    raise _refused("keras.losses.categorical_focal_crossentropy")


def categorical_generalized_cross_entropy(y_true: Any, y_pred: Any, q: Any) -> Any:
    """Refused when called: it needs values."""
    raise _refused("keras.losses.categorical_generalized_cross_entropy")


def categorical_hinge(y_true: Any, y_pred: Any) -> Any:
    """Refused when called: it needs values."""
    raise _refused("keras.losses.categorical_hinge")


def circle(
    y_true: Any,
    y_pred: Any,
    ref_labels: Any = None,
    ref_embeddings: Any = None,
    remove_diagonal: Any = True,
    gamma: Any = 80,
    margin: Any = 0.4,
) -> Any:
    """Refused when called: it needs values."""
    raise _refused("keras.losses.circle")


def cosine_similarity(y_true: Any, y_pred: Any, axis: Any = -1) -> Any:
    """Refused when called: it needs values."""
    raise _refused("keras.losses.cosine_similarity")


def ctc(y_true: Any, y_pred: Any) -> Any:
    """Refused when called: it needs values."""
    raise _refused("keras.losses.ctc")


def dice(y_true: Any, y_pred: Any, axis: Any = None) -> Any:
    """Refused when called: it needs values."""
    raise _refused("keras.losses.dice")


def hinge(y_true: Any, y_pred: Any) -> Any:
    """Refused when called: it needs values."""
    raise _refused("keras.losses.hinge")


def huber(y_true: Any, y_pred: Any, delta: Any = 1.0) -> Any:
    """Refused when called: it needs values."""
    raise _refused("keras.losses.huber")


def kl_divergence(y_true: Any, y_pred: Any) -> Any:
    """Refused when called: it needs values."""
    raise _refused("keras.losses.kl_divergence")


def log_cosh(y_true: Any, y_pred: Any) -> Any:
    """Refused when called: it needs values."""
    raise _refused("keras.losses.log_cosh")


def mean_absolute_error(y_true: Any, y_pred: Any) -> Any:
    """Refused when called: it needs values."""
    raise _refused("keras.losses.mean_absolute_error")


def mean_absolute_percentage_error(y_true: Any, y_pred: Any) -> Any:
    """Refused when called: it needs values."""
    raise _refused("keras.losses.mean_absolute_percentage_error")


def mean_squared_error(y_true: Any, y_pred: Any) -> Any:
    """Refused when called: it needs values."""
    raise _refused("keras.losses.mean_squared_error")


def mean_squared_logarithmic_error(y_true: Any, y_pred: Any) -> Any:
    """Refused when called: it needs values."""
    raise _refused("keras.losses.mean_squared_logarithmic_error")


def poisson(y_true: Any, y_pred: Any) -> Any:
    """Refused when called: it needs values."""
    raise _refused("keras.losses.poisson")


def sparse_categorical_crossentropy(
    y_true: Any,
    y_pred: Any,
    from_logits: Any = False,
    ignore_class: Any = None,
    axis: Any = -1,
) -> Any:
    """Refused when called: it needs values."""
    raise _refused("keras.losses.sparse_categorical_crossentropy")


def squared_hinge(y_true: Any, y_pred: Any) -> Any:
    """Refused when called: it needs values."""
    raise _refused("keras.losses.squared_hinge")


def tversky(
    y_true: Any,
    y_pred: Any,
    alpha: Any = 0.5,
    beta: Any = 0.5,
    axis: Any = None,
) -> Any:
    """Refused when called: it needs values."""
    raise _refused("keras.losses.tversky")


def get(identifier: Any) -> Any:
    """The loss a name, a config dict, a class or a callable stands for, as Keras
    resolves it (names: ``"mse"``, ``"categorical_crossentropy"``, ``"Huber"`` ...).

    Raises:
        ValueError: Keras's "Could not interpret loss identifier".
    """
    if identifier is None or callable(identifier) and not isinstance(identifier, type):
        return identifier
    if isinstance(identifier, dict) and identifier.get("class_name") in _CLASSES:
        return _CLASSES[identifier["class_name"]](**identifier.get("config", {}))
    if isinstance(identifier, str):
        name = _ALIASES.get(identifier, identifier)
        found = globals().get(name)
        if name in _CLASSES:
            return _CLASSES[name]()
        if callable(found) and name in __all__ and name != "get":
            return found
    raise identifier_error("loss", identifier)


_CLASSES = {
    name: value
    for name, value in list(globals().items())
    if isinstance(value, type) and issubclass(value, Loss) and value is not Loss
}
_ALIASES = {
    "bce": "binary_crossentropy", "BCE": "binary_crossentropy",
    "kld": "kl_divergence", "KLD": "kl_divergence",
    "mae": "mean_absolute_error", "MAE": "mean_absolute_error",
    "mape": "mean_absolute_percentage_error", "MAPE": "mean_absolute_percentage_error",
    "mse": "mean_squared_error", "MSE": "mean_squared_error",
    "msle": "mean_squared_logarithmic_error", "MSLE": "mean_squared_logarithmic_error",
}  # fmt: skip

__all__ = [
    "binary_crossentropy",
    "binary_focal_crossentropy",
    "BinaryCrossentropy",
    "BinaryFocalCrossentropy",
    "categorical_crossentropy",
    "categorical_focal_crossentropy",
    "categorical_generalized_cross_entropy",
    "categorical_hinge",
    "CategoricalCrossentropy",
    "CategoricalFocalCrossentropy",
    "CategoricalGeneralizedCrossEntropy",
    "CategoricalHinge",
    "Circle",
    "circle",
    "cosine_similarity",
    "CosineSimilarity",
    "CTC",
    "ctc",
    "Dice",
    "dice",
    "get",
    "Hinge",
    "hinge",
    "Huber",
    "huber",
    "kl_divergence",
    "KLDivergence",
    "log_cosh",
    "LogCosh",
    "Loss",
    "mean_absolute_error",
    "mean_absolute_percentage_error",
    "mean_squared_error",
    "mean_squared_logarithmic_error",
    "MeanAbsoluteError",
    "MeanAbsolutePercentageError",
    "MeanSquaredError",
    "MeanSquaredLogarithmicError",
    "Poisson",
    "poisson",
    "sparse_categorical_crossentropy",
    "SparseCategoricalCrossentropy",
    "squared_hinge",
    "SquaredHinge",
    "Tversky",
    "tversky",
]

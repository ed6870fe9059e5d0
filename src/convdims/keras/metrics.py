"""``keras.metrics``: what training would report. A script builds its metrics (custom
models keep ``keras.metrics.Mean`` trackers) and passes them to ``Model.compile``;
updating one needs values, which convdims does not have.

Made from Keras 3.15.1's signatures: each class's ``_parameters`` is the real signature,
and an oracle test checks that it still is.

>>> Mean(name="total_loss").name, type(get("accuracy")).__name__
('total_loss', 'Accuracy')
"""

from __future__ import annotations

from convdims.keras._training import _Metric, _refused, identifier_error

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any


class Metric(_Metric):
    """``keras.metrics.Metric``, kept as configured."""

    _parameters = "dtype=None, name=None"


class AUC(Metric):
    """``keras.metrics.AUC``, kept as configured."""

    _parameters = (
        "num_thresholds=200, curve='ROC', summation_method='interpolation', "
        "name=None, dtype=None, thresholds=None, multi_label=False, "
        "num_labels=None, label_weights=None, from_logits=False"
    )


class Accuracy(Metric):
    """``keras.metrics.Accuracy``, kept as configured."""

    _parameters = "name='accuracy', dtype=None"


class BinaryAccuracy(Metric):
    """``keras.metrics.BinaryAccuracy``, kept as configured."""

    _parameters = "name='binary_accuracy', dtype=None, threshold=0.5"


class BinaryCrossentropy(Metric):
    """``keras.metrics.BinaryCrossentropy``, kept as configured."""

    _parameters = (
        "name='binary_crossentropy', dtype=None, from_logits=False, label_smoothing=0"
    )


class BinaryIoU(Metric):
    """``keras.metrics.BinaryIoU``, kept as configured."""

    _parameters = "target_class_ids=(0, 1), threshold=0.5, name=None, dtype=None"


class CategoricalAccuracy(Metric):
    """``keras.metrics.CategoricalAccuracy``, kept as configured."""

    _parameters = "name='categorical_accuracy', dtype=None"


class CategoricalCrossentropy(Metric):
    """``keras.metrics.CategoricalCrossentropy``, kept as configured."""

    _parameters = (
        "name='categorical_crossentropy', dtype=None, from_logits=False, "
        "label_smoothing=0, axis=-1"
    )


class CategoricalHinge(Metric):
    """``keras.metrics.CategoricalHinge``, kept as configured."""

    _parameters = "name='categorical_hinge', dtype=None"


class ConcordanceCorrelation(Metric):
    """``keras.metrics.ConcordanceCorrelation``, kept as configured."""

    _parameters = "name='concordance_correlation', dtype=None, axis=-1"


class CosineSimilarity(Metric):
    """``keras.metrics.CosineSimilarity``, kept as configured."""

    _parameters = "name='cosine_similarity', dtype=None, axis=-1"


class F1Score(Metric):
    """``keras.metrics.F1Score``, kept as configured."""

    _parameters = "average=None, threshold=None, name='f1_score', dtype=None"


class FBetaScore(Metric):
    """``keras.metrics.FBetaScore``, kept as configured."""

    _parameters = "average=None, beta=1.0, threshold=None, name='fbeta_score', dtype=None"


class FalseNegatives(Metric):
    """``keras.metrics.FalseNegatives``, kept as configured."""

    _parameters = "thresholds=None, name=None, dtype=None"


class FalsePositives(Metric):
    """``keras.metrics.FalsePositives``, kept as configured."""

    _parameters = "thresholds=None, name=None, dtype=None"


class Hinge(Metric):
    """``keras.metrics.Hinge``, kept as configured."""

    _parameters = "name='hinge', dtype=None"


class IoU(Metric):
    """``keras.metrics.IoU``, kept as configured."""

    _parameters = (
        "num_classes, target_class_ids, name=None, dtype=None, "
        "ignore_class=None, sparse_y_true=True, sparse_y_pred=True, axis=-1"
    )


class KLDivergence(Metric):
    """``keras.metrics.KLDivergence``, kept as configured."""

    _parameters = "name='kl_divergence', dtype=None"


class LogCoshError(Metric):
    """``keras.metrics.LogCoshError``, kept as configured."""

    _parameters = "name='logcosh', dtype=None"


class Mean(Metric):
    """``keras.metrics.Mean``, kept as configured."""

    _parameters = "name='mean', dtype=None"


class MeanAbsoluteError(Metric):
    """``keras.metrics.MeanAbsoluteError``, kept as configured."""

    _parameters = "name='mean_absolute_error', dtype=None"


class MeanAbsolutePercentageError(Metric):
    """``keras.metrics.MeanAbsolutePercentageError``, kept as configured."""

    _parameters = "name='mean_absolute_percentage_error', dtype=None"


class MeanIoU(Metric):
    """``keras.metrics.MeanIoU``, kept as configured."""

    _parameters = (
        "num_classes, name=None, dtype=None, ignore_class=None, "
        "sparse_y_true=True, sparse_y_pred=True, axis=-1"
    )


class MeanMetricWrapper(Metric):
    """``keras.metrics.MeanMetricWrapper``, kept as configured."""

    _parameters = "fn, name=None, dtype=None, **kwargs"


class MeanSquaredError(Metric):
    """``keras.metrics.MeanSquaredError``, kept as configured."""

    _parameters = "name='mean_squared_error', dtype=None"


class MeanSquaredLogarithmicError(Metric):
    """``keras.metrics.MeanSquaredLogarithmicError``, kept as configured."""

    _parameters = "name='mean_squared_logarithmic_error', dtype=None"


class OneHotIoU(Metric):
    """``keras.metrics.OneHotIoU``, kept as configured."""

    _parameters = (
        "num_classes, target_class_ids, name=None, dtype=None, "
        "ignore_class=None, sparse_y_pred=False, axis=-1"
    )


class OneHotMeanIoU(Metric):
    """``keras.metrics.OneHotMeanIoU``, kept as configured."""

    _parameters = (
        "num_classes, name=None, dtype=None, ignore_class=None, "
        "sparse_y_pred=False, axis=-1"
    )


class PearsonCorrelation(Metric):
    """``keras.metrics.PearsonCorrelation``, kept as configured."""

    _parameters = "name='pearson_correlation', dtype=None, axis=-1"


class Poisson(Metric):
    """``keras.metrics.Poisson``, kept as configured."""

    _parameters = "name='poisson', dtype=None"


class Precision(Metric):
    """``keras.metrics.Precision``, kept as configured."""

    _parameters = "thresholds=None, top_k=None, class_id=None, name=None, dtype=None"


class PrecisionAtRecall(Metric):
    """``keras.metrics.PrecisionAtRecall``, kept as configured."""

    _parameters = "recall, num_thresholds=200, class_id=None, name=None, dtype=None"


class R2Score(Metric):
    """``keras.metrics.R2Score``, kept as configured."""

    _parameters = (
        "class_aggregation='uniform_average', num_regressors=0, name='r2_score', dtype=None"
    )


class Recall(Metric):
    """``keras.metrics.Recall``, kept as configured."""

    _parameters = "thresholds=None, top_k=None, class_id=None, name=None, dtype=None"


class RecallAtPrecision(Metric):
    """``keras.metrics.RecallAtPrecision``, kept as configured."""

    _parameters = "precision, num_thresholds=200, class_id=None, name=None, dtype=None"


class RootMeanSquaredError(Metric):
    """``keras.metrics.RootMeanSquaredError``, kept as configured."""

    _parameters = "name='root_mean_squared_error', dtype=None"


class SensitivityAtSpecificity(Metric):
    """``keras.metrics.SensitivityAtSpecificity``, kept as configured."""

    _parameters = "specificity, num_thresholds=200, class_id=None, name=None, dtype=None"


class SparseCategoricalAccuracy(Metric):
    """``keras.metrics.SparseCategoricalAccuracy``, kept as configured."""

    _parameters = "name='sparse_categorical_accuracy', dtype=None"


class SparseCategoricalCrossentropy(Metric):
    """``keras.metrics.SparseCategoricalCrossentropy``, kept as configured."""

    _parameters = (
        "name='sparse_categorical_crossentropy', dtype=None, from_logits=False,"
        " ignore_class=None, axis=-1"
    )


class SparseTopKCategoricalAccuracy(Metric):
    """``keras.metrics.SparseTopKCategoricalAccuracy``, kept as configured."""

    _parameters = (
        "k=5, name='sparse_top_k_categorical_accuracy', dtype=None, from_sorted_ids=False"
    )


class SpecificityAtSensitivity(Metric):
    """``keras.metrics.SpecificityAtSensitivity``, kept as configured."""

    _parameters = "sensitivity, num_thresholds=200, class_id=None, name=None, dtype=None"


class SquaredHinge(Metric):
    """``keras.metrics.SquaredHinge``, kept as configured."""

    _parameters = "name='squared_hinge', dtype=None"


class Sum(Metric):
    """``keras.metrics.Sum``, kept as configured."""

    _parameters = "name='sum', dtype=None"


class TopKCategoricalAccuracy(Metric):
    """``keras.metrics.TopKCategoricalAccuracy``, kept as configured."""

    _parameters = "k=5, name='top_k_categorical_accuracy', dtype=None"


class TrueNegatives(Metric):
    """``keras.metrics.TrueNegatives``, kept as configured."""

    _parameters = "thresholds=None, name=None, dtype=None"


class TruePositives(Metric):
    """``keras.metrics.TruePositives``, kept as configured."""

    _parameters = "thresholds=None, name=None, dtype=None"


def binary_accuracy(y_true: Any, y_pred: Any, threshold: Any = 0.5) -> Any:
    """Refused when called: it needs values."""
    raise _refused("keras.metrics.binary_accuracy")


def binary_crossentropy(
    y_true: Any,
    y_pred: Any,
    from_logits: Any = False,
    label_smoothing: Any = 0.0,
    axis: Any = -1,
) -> Any:
    """Refused when called: it needs values."""
    raise _refused("keras.metrics.binary_crossentropy")


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
    raise _refused("keras.metrics.binary_focal_crossentropy")


def categorical_accuracy(y_true: Any, y_pred: Any) -> Any:
    """Refused when called: it needs values."""
    raise _refused("keras.metrics.categorical_accuracy")


def categorical_crossentropy(
    y_true: Any,
    y_pred: Any,
    from_logits: Any = False,
    label_smoothing: Any = 0.0,
    axis: Any = -1,
) -> Any:
    """Refused when called: it needs values."""
    raise _refused("keras.metrics.categorical_crossentropy")


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
    raise _refused("keras.metrics.categorical_focal_crossentropy")


def categorical_hinge(y_true: Any, y_pred: Any) -> Any:
    """Refused when called: it needs values."""
    raise _refused("keras.metrics.categorical_hinge")


def concordance_correlation(y_true: Any, y_pred: Any, axis: Any = -1) -> Any:
    """Refused when called: it needs values."""
    raise _refused("keras.metrics.concordance_correlation")


def hinge(y_true: Any, y_pred: Any) -> Any:
    """Refused when called: it needs values."""
    raise _refused("keras.metrics.hinge")


def huber(y_true: Any, y_pred: Any, delta: Any = 1.0) -> Any:
    """Refused when called: it needs values."""
    raise _refused("keras.metrics.huber")


def kl_divergence(y_true: Any, y_pred: Any) -> Any:
    """Refused when called: it needs values."""
    raise _refused("keras.metrics.kl_divergence")


def log_cosh(y_true: Any, y_pred: Any) -> Any:
    """Refused when called: it needs values."""
    raise _refused("keras.metrics.log_cosh")


def mean_absolute_error(y_true: Any, y_pred: Any) -> Any:
    """Refused when called: it needs values."""
    raise _refused("keras.metrics.mean_absolute_error")


def mean_absolute_percentage_error(y_true: Any, y_pred: Any) -> Any:
    """Refused when called: it needs values."""
    raise _refused("keras.metrics.mean_absolute_percentage_error")


def mean_squared_error(y_true: Any, y_pred: Any) -> Any:
    """Refused when called: it needs values."""
    raise _refused("keras.metrics.mean_squared_error")


def mean_squared_logarithmic_error(y_true: Any, y_pred: Any) -> Any:
    """Refused when called: it needs values."""
    raise _refused("keras.metrics.mean_squared_logarithmic_error")


def pearson_correlation(y_true: Any, y_pred: Any, axis: Any = -1) -> Any:
    """Refused when called: it needs values."""
    raise _refused("keras.metrics.pearson_correlation")


def poisson(y_true: Any, y_pred: Any) -> Any:
    """Refused when called: it needs values."""
    raise _refused("keras.metrics.poisson")


def sparse_categorical_accuracy(y_true: Any, y_pred: Any) -> Any:
    """Refused when called: it needs values."""
    raise _refused("keras.metrics.sparse_categorical_accuracy")


def sparse_categorical_crossentropy(
    y_true: Any,
    y_pred: Any,
    from_logits: Any = False,
    ignore_class: Any = None,
    axis: Any = -1,
) -> Any:
    """Refused when called: it needs values."""
    raise _refused("keras.metrics.sparse_categorical_crossentropy")


def sparse_top_k_categorical_accuracy(
    y_true: Any,
    y_pred: Any,
    k: Any = 5,
    from_sorted_ids: Any = False,
) -> Any:
    """Refused when called: it needs values."""
    raise _refused("keras.metrics.sparse_top_k_categorical_accuracy")


def squared_hinge(y_true: Any, y_pred: Any) -> Any:
    """Refused when called: it needs values."""
    raise _refused("keras.metrics.squared_hinge")


def top_k_categorical_accuracy(y_true: Any, y_pred: Any, k: Any = 5) -> Any:
    """Refused when called: it needs values."""
    raise _refused("keras.metrics.top_k_categorical_accuracy")


def get(identifier: Any) -> Any:
    """The metric a name, a config dict, a class or a callable stands for, as Keras
    resolves it (``"accuracy"``, ``"mae"``, ``"AUC"``, ``"precision"`` ...).

    Raises:
        ValueError: Keras's "Could not interpret metric identifier".
    """
    if identifier is None or callable(identifier) and not isinstance(identifier, type):
        return identifier
    if isinstance(identifier, dict) and identifier.get("class_name") in _CLASSES:
        return _CLASSES[identifier["class_name"]](**identifier.get("config", {}))
    if isinstance(identifier, str):
        from convdims.keras._naming import to_snake_case

        by_snake = {to_snake_case(name): cls for name, cls in _CLASSES.items()}
        cls = _CLASSES.get(_ALIASES.get(identifier, identifier)) or by_snake.get(identifier)
        if cls is not None:
            return cls()
    raise identifier_error("metric", identifier)


_CLASSES = {
    name: value
    for name, value in list(globals().items())
    if isinstance(value, type) and issubclass(value, Metric) and value is not Metric
}
_ALIASES = {
    "bce": "BinaryCrossentropy", "BCE": "BinaryCrossentropy",
    "mae": "MeanAbsoluteError", "MAE": "MeanAbsoluteError",
    "mape": "MeanAbsolutePercentageError", "MAPE": "MeanAbsolutePercentageError",
    "mse": "MeanSquaredError", "MSE": "MeanSquaredError",
    "msle": "MeanSquaredLogarithmicError", "MSLE": "MeanSquaredLogarithmicError",
}  # fmt: skip

__all__ = [
    "Accuracy",
    "AUC",
    "binary_accuracy",
    "binary_crossentropy",
    "binary_focal_crossentropy",
    "BinaryAccuracy",
    "BinaryCrossentropy",
    "BinaryIoU",
    "categorical_accuracy",
    "categorical_crossentropy",
    "categorical_focal_crossentropy",
    "categorical_hinge",
    "CategoricalAccuracy",
    "CategoricalCrossentropy",
    "CategoricalHinge",
    "concordance_correlation",
    "ConcordanceCorrelation",
    "CosineSimilarity",
    "F1Score",
    "FalseNegatives",
    "FalsePositives",
    "FBetaScore",
    "get",
    "Hinge",
    "hinge",
    "huber",
    "IoU",
    "kl_divergence",
    "KLDivergence",
    "log_cosh",
    "LogCoshError",
    "Mean",
    "mean_absolute_error",
    "mean_absolute_percentage_error",
    "mean_squared_error",
    "mean_squared_logarithmic_error",
    "MeanAbsoluteError",
    "MeanAbsolutePercentageError",
    "MeanIoU",
    "MeanMetricWrapper",
    "MeanSquaredError",
    "MeanSquaredLogarithmicError",
    "Metric",
    "OneHotIoU",
    "OneHotMeanIoU",
    "pearson_correlation",
    "PearsonCorrelation",
    "Poisson",
    "poisson",
    "Precision",
    "PrecisionAtRecall",
    "R2Score",
    "Recall",
    "RecallAtPrecision",
    "RootMeanSquaredError",
    "SensitivityAtSpecificity",
    "sparse_categorical_accuracy",
    "sparse_categorical_crossentropy",
    "sparse_top_k_categorical_accuracy",
    "SparseCategoricalAccuracy",
    "SparseCategoricalCrossentropy",
    "SparseTopKCategoricalAccuracy",
    "SpecificityAtSensitivity",
    "squared_hinge",
    "SquaredHinge",
    "Sum",
    "top_k_categorical_accuracy",
    "TopKCategoricalAccuracy",
    "TrueNegatives",
    "TruePositives",
]

"""``keras.random`` for shapes: each draw is a symbolic tensor of the shape asked for
(layers such as StochasticDepth draw only while training, which a summary never runs).

>>> uniform((2, 3)).shape, categorical(uniform((4, 10)), 5).shape
((2, 3), (4, 5))
"""

from __future__ import annotations

from convdims.keras._graph import KerasTensor

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

__all__ = [
    "SeedGenerator",
    "beta",
    "binomial",
    "categorical",
    "dropout",
    "gamma",
    "normal",
    "randint",
    "shuffle",
    "truncated_normal",
    "uniform",
]


class SeedGenerator:
    """``keras.random.SeedGenerator``: the state of a random stream (a seed)."""

    def __init__(self, seed: Any = None, name: str | None = None, **kwargs: Any) -> None:
        self.seed = seed
        self.name = name


def _draw(shape: Any, dtype: Any) -> KerasTensor:
    return KerasTensor(tuple(shape), str(dtype or "float32"))


def uniform(
    shape: Any,
    minval: float = 0.0,
    maxval: float = 1.0,
    dtype: Any = None,
    seed: Any = None,
) -> KerasTensor:
    """Uniform values in ``[minval, maxval)`` of ``shape``."""
    return _draw(shape, dtype)


def normal(
    shape: Any, mean: float = 0.0, stddev: float = 1.0, dtype: Any = None, seed: Any = None
) -> KerasTensor:
    """Normal values of ``shape``."""
    return _draw(shape, dtype)


def truncated_normal(
    shape: Any, mean: float = 0.0, stddev: float = 1.0, dtype: Any = None, seed: Any = None
) -> KerasTensor:
    """Normal values of ``shape``, redrawn beyond two deviations."""
    return _draw(shape, dtype)


def randint(
    shape: Any, minval: int, maxval: int, dtype: Any = "int32", seed: Any = None
) -> KerasTensor:
    """Integers in ``[minval, maxval)`` of ``shape``."""
    return _draw(shape, dtype)


def beta(
    shape: Any, alpha: Any, beta: Any, dtype: Any = None, seed: Any = None
) -> KerasTensor:
    """Beta-distributed values of ``shape``."""
    return _draw(shape, dtype)


def gamma(shape: Any, alpha: Any, dtype: Any = None, seed: Any = None) -> KerasTensor:
    """Gamma-distributed values of ``shape``."""
    return _draw(shape, dtype)


def binomial(
    shape: Any, counts: Any, probabilities: Any, dtype: Any = None, seed: Any = None
) -> KerasTensor:
    """Binomial draws of ``shape``."""
    return _draw(shape, dtype)


def categorical(
    logits: Any, num_samples: int, dtype: Any = "int32", seed: Any = None
) -> KerasTensor:
    """``num_samples`` class indices per row of 2-D ``logits``: ``(batch,
    num_samples)``."""
    shape = tuple(logits.shape)
    if len(shape) != 2:
        raise ValueError(
            "`logits` should be a 2-D tensor with shape [batch_size, num_classes]. "
            f"Received: logits={logits}"
        )
    return _draw((shape[0], num_samples), dtype)


def dropout(inputs: Any, rate: float, noise_shape: Any = None, seed: Any = None) -> Any:
    """The inputs' shape."""
    return inputs


def shuffle(x: Any, axis: int = 0, seed: Any = None) -> Any:
    """The input's shape."""
    return x

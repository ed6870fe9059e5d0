"""``keras.activations``: the activation functions, by name, as layers take them
(``Conv2D(..., activation="relu")``, ``Activation(keras.activations.swish)``).

Each keeps its input's shape, so each returns its input: on a symbolic tensor it has
nothing to compute. ``get`` resolves a name (or None, ``linear``) to the function, as
Keras does, and refuses an unknown one with Keras's message.

>>> get("softmax") is softmax, get(None) is linear, get(relu) is relu
(True, True, True)
>>> try:
...     get("sofmax")
... except ValueError as error:
...     print(error)
Could not interpret activation function identifier: sofmax
"""

from __future__ import annotations

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any


def celu(x: Any, alpha: Any = 1.0) -> Any:
    """``keras.activations.celu``: the input's shape."""
    return x


def elu(x: Any, alpha: Any = 1.0) -> Any:
    """``keras.activations.elu``: the input's shape."""
    return x


def exponential(x: Any) -> Any:
    """``keras.activations.exponential``: the input's shape."""
    return x


def gelu(x: Any, approximate: Any = False) -> Any:
    """``keras.activations.gelu``: the input's shape."""
    return x


def glu(x: Any, axis: int = -1) -> Any:
    """Gated linear unit: halves ``axis`` (which must be even) on a symbolic tensor."""
    shape = getattr(x, "shape", None)
    if shape is None or shape[axis] is None:
        return x
    if shape[axis] % 2:
        raise ValueError(
            f"axis size must be divisible by 2. Received: x.shape={shape} with axis={axis}"
        )
    from convdims.keras._graph import KerasTensor

    sizes = list(shape)
    sizes[axis] //= 2
    return KerasTensor(tuple(sizes), getattr(x, "dtype", "float32"))


def hard_shrink(x: Any, threshold: Any = 0.5) -> Any:
    """``keras.activations.hard_shrink``: the input's shape."""
    return x


def hard_sigmoid(x: Any) -> Any:
    """``keras.activations.hard_sigmoid``: the input's shape."""
    return x


def hard_silu(x: Any) -> Any:
    """``keras.activations.hard_silu``: the input's shape."""
    return x


def hard_tanh(x: Any) -> Any:
    """``keras.activations.hard_tanh``: the input's shape."""
    return x


def leaky_relu(x: Any, negative_slope: Any = 0.2) -> Any:
    """``keras.activations.leaky_relu``: the input's shape."""
    return x


def linear(x: Any) -> Any:
    """``keras.activations.linear``: the input's shape."""
    return x


def log_sigmoid(x: Any) -> Any:
    """``keras.activations.log_sigmoid``: the input's shape."""
    return x


def log_softmax(x: Any, axis: Any = -1) -> Any:
    """``keras.activations.log_softmax``: the input's shape."""
    return x


def mish(x: Any) -> Any:
    """``keras.activations.mish``: the input's shape."""
    return x


def relu(
    x: Any, negative_slope: Any = 0.0, max_value: Any = None, threshold: Any = 0.0
) -> Any:
    """``keras.activations.relu``: the input's shape."""
    return x


def relu6(x: Any) -> Any:
    """``keras.activations.relu6``: the input's shape."""
    return x


def selu(x: Any) -> Any:
    """``keras.activations.selu``: the input's shape."""
    return x


def sigmoid(x: Any) -> Any:
    """``keras.activations.sigmoid``: the input's shape."""
    return x


def silu(x: Any) -> Any:
    """``keras.activations.silu``: the input's shape."""
    return x


def soft_shrink(x: Any, threshold: Any = 0.5) -> Any:
    """``keras.activations.soft_shrink``: the input's shape."""
    return x


def softmax(x: Any, axis: Any = -1) -> Any:
    """``keras.activations.softmax``: the input's shape."""
    return x


def softplus(x: Any) -> Any:
    """``keras.activations.softplus``: the input's shape."""
    return x


def softsign(x: Any) -> Any:
    """``keras.activations.softsign``: the input's shape."""
    return x


def sparse_plus(x: Any) -> Any:
    """``keras.activations.sparse_plus``: the input's shape."""
    return x


def sparse_sigmoid(x: Any) -> Any:
    """``keras.activations.sparse_sigmoid``: the input's shape."""
    return x


def sparsemax(x: Any, axis: Any = -1) -> Any:
    """``keras.activations.sparsemax``: the input's shape."""
    return x


def squareplus(x: Any, b: Any = 4) -> Any:
    """``keras.activations.squareplus``: the input's shape."""
    return x


def tanh(x: Any) -> Any:
    """``keras.activations.tanh``: the input's shape."""
    return x


def tanh_shrink(x: Any) -> Any:
    """``keras.activations.tanh_shrink``: the input's shape."""
    return x


def threshold(x: Any, threshold: Any, default_value: Any) -> Any:
    """``keras.activations.threshold``: the input's shape."""
    return x


swish = silu
hard_swish = hard_silu

#: Every activation by name (Keras's ``ALL_OBJECTS_DICT``), ``swish`` and ``hard_swish``
#: as the aliases they are.
_BY_NAME = {
    name: value
    for name, value in dict(globals()).items()
    if callable(value) and not name.startswith("_") and name not in ("annotations", "Any")
}


def get(identifier: Any) -> Any:
    """The activation function ``identifier`` names: a name, None (``linear``) or a
    callable (itself).

    Raises:
        ValueError: an unknown name, or anything else (Keras's message).
    """
    if identifier is None:
        return linear
    if isinstance(identifier, str) and identifier in _BY_NAME:
        return _BY_NAME[identifier]
    if callable(identifier) and not isinstance(identifier, str):
        return identifier
    raise ValueError(f"Could not interpret activation function identifier: {identifier}")


def serialize(activation: Any) -> Any:
    """The name Keras saves for an activation function."""
    name = getattr(activation, "__name__", None)
    if name in _BY_NAME:
        return name
    raise ValueError(f"Could not serialize activation: {activation}")


def deserialize(config: Any, custom_objects: Any = None) -> Any:
    """The activation function of a saved name."""
    if isinstance(config, str) and config in _BY_NAME:
        return _BY_NAME[config]
    raise ValueError(f"Could not interpret serialized activation: {config}")


__all__ = sorted([*_BY_NAME, "deserialize", "get", "serialize"])

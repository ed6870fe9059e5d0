"""A Keras 3 lookalike that computes shapes, parameter counts and summaries only.

Change ``import keras`` to ``from convdims import keras`` (and ``from keras import
layers`` to ``from convdims.keras import layers``) and a model definition runs without
TensorFlow, PyTorch or JAX, in milliseconds: same argument names and defaults, same
layer names, same errors at the same moment, and ``model.summary()`` prints the table
Keras 3 prints.

>>> from convdims import keras
>>> from convdims.keras import layers
>>> model = keras.Sequential([
...     keras.Input((32, 32, 3)),
...     layers.Conv2D(5, 3),
...     layers.MaxPooling2D(2),
... ])
>>> [layer.output_shape for layer in model.layers], model.count_params()
([(None, 30, 30, 5), (None, 15, 15, 5)], 140)
"""

from __future__ import annotations

# ``_operations`` is imported for what it does: it installs ``KerasTensor``'s operators
# (``x + 1``), each an operation of the graph.
from convdims.keras import _operations, backend, config, layers, models, utils  # noqa: F401
from convdims.keras._graph import KerasTensor
from convdims.keras._scopes import name_scope
from convdims.keras.layers import Input, InputLayer, Layer
from convdims.keras.model import Functional, Model, Sequential

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

    from convdims.description import ModelGraph


# Modules that real scripts reach as ``keras.activations`` and the like, loaded on first
# use so that ``import convdims.keras`` stays fast.
_LAZY = (
    "activations",
    "applications",
    "callbacks",
    "constraints",
    "initializers",
    "losses",
    "metrics",
    "ops",
    "optimizers",
    "random",
    "regularizers",
    "saving",
)

#: Classes Keras also exports at its top level, from the module that holds them.
_LAZY_CLASSES = {"Regularizer": "regularizers"}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        import importlib

        module = importlib.import_module(f"convdims.keras.{name}")
        globals()[name] = module
        return module
    if name in _LAZY_CLASSES:
        value = getattr(__getattr__(_LAZY_CLASSES[name]), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def describe(model: Any, input_size: Any = None) -> ModelGraph:
    """The model as the library's one description, a ``ModelGraph`` of ``LayerCall``
    records: its inputs, then every layer call in the order Keras runs the graph
    (nested models expanded). See ``convdims.keras.description`` (loaded on first use,
    so ``import convdims.keras`` stays fast).

    Raises:
        ValueError: an ``input_size`` (a Keras model knows its input shape), or a
            Sequential model without an input shape.
    """
    from convdims.keras.description import describe as describe_model

    return describe_model(model, input_size)


__version__ = "3.15.1"
"""The Keras version whose behaviour this module reproduces."""

__all__ = [
    "Functional",
    "Input",
    "InputLayer",
    "KerasTensor",
    "Layer",
    "Model",
    "Regularizer",
    "Sequential",
    "activations",
    "applications",
    "backend",
    "callbacks",
    "config",
    "constraints",
    "describe",
    "initializers",
    "layers",
    "losses",
    "metrics",
    "models",
    "name_scope",
    "ops",
    "optimizers",
    "random",
    "regularizers",
    "saving",
    "utils",
]

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

from convdims.keras import backend, config, layers, models, utils
from convdims.keras._graph import KerasTensor
from convdims.keras.description import describe
from convdims.keras.layers import Input, InputLayer, Layer
from convdims.keras.model import Functional, Model, Sequential

__version__ = "3.15.1"
"""The Keras version whose behaviour this module reproduces."""

__all__ = [
    "Functional",
    "Input",
    "InputLayer",
    "KerasTensor",
    "Layer",
    "Model",
    "Sequential",
    "backend",
    "config",
    "describe",
    "layers",
    "models",
    "utils",
]

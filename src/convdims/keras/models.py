"""``keras.models``: the model classes under their other import path."""

from convdims.keras.model import Functional, Model, Sequential

__all__ = ["Functional", "Model", "Sequential"]

"""``keras.applications.resnet50``: ResNet50 and the functions it shares with
``keras.applications.resnet`` (Keras exports the same three objects under both)."""

from convdims.keras.applications.resnet import (
    ResNet50,
    decode_predictions,
    preprocess_input,
)

__all__ = ["ResNet50", "decode_predictions", "preprocess_input"]

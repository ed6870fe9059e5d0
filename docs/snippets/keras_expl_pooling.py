"""Pooling in Keras: strides default to pool_size; global pooling drops the grid."""

import keras
from keras import layers

model = keras.Sequential(
    [
        keras.Input(shape=(32, 32, 16)),
        layers.MaxPooling2D(3, name="max_pool"),  # strides=None means strides=3
        layers.AveragePooling2D(3, strides=1, padding="same", name="avg_pool"),
        layers.GlobalAveragePooling2D(name="global_avg"),
    ],
    name="pooling",
)
model.summary()

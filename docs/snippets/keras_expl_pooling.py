"""Pooling in Keras: strides default to pool_size."""

import keras
from keras import layers

model = keras.Sequential(
    [
        keras.Input(shape=(32, 32, 16)),
        # strides=None (the default) means strides=pool_size
        layers.MaxPooling2D(3, name="max_pool"),
        layers.AveragePooling2D(3, 1, padding="same", name="avg_pool"),
        layers.GlobalAveragePooling2D(name="global_avg"),
    ],
    name="pooling",
)
model.summary()

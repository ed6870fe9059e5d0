"""Parameter counts of Keras layers; BatchNormalization's statistics."""

import keras
from keras import layers

model = keras.Sequential(
    [
        keras.Input(shape=(32, 32, 32)),
        layers.Conv2D(64, 3, name="conv"),
        layers.BatchNormalization(name="batch_norm"),
        layers.DepthwiseConv2D(3, name="depthwise"),
        layers.SeparableConv2D(128, 3, name="separable"),
        layers.GlobalAveragePooling2D(name="global_pool"),
        layers.Dense(10, name="dense"),
    ],
    name="parameters",
)
model.summary()

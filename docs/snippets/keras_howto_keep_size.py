"""Keep 32x32 at stride 1 with padding="same"."""

import keras
from keras import layers

model = keras.Sequential(
    [
        keras.Input(shape=(32, 32, 3)),
        layers.Conv2D(16, 3, padding="same"),  # odd kernel
        layers.Conv2D(16, 4, padding="same"),  # even: extra cell after
        layers.Conv2D(16, 3, padding="same", dilation_rate=2),
        layers.MaxPooling2D(3, strides=1, padding="same"),
    ]
)
model.summary()

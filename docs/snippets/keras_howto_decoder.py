"""A stride-2 encoder and the Keras decoder that restores its input size."""

import keras
from keras import layers

for size, output_padding in ((15, 0), (16, None)):
    model = keras.Sequential(
        [
            keras.Input(shape=(size, size, 3)),
            layers.Conv2D(8, 3, strides=2, padding="same"),
            layers.Conv2DTranspose(
                3, 3, strides=2, padding="same", output_padding=output_padding
            ),
        ]
    )
    print(size, output_padding, model.output_shape)

"""Output shape of a Keras Conv2D: 5 filters of 3x3 over a 32x32 RGB image."""

import keras

conv = keras.layers.Conv2D(filters=5, kernel_size=3)  # strides=1, padding="valid"
print(conv.compute_output_shape((None, 32, 32, 3)))  # (batch, height, width, channels)

alexnet = keras.layers.Conv2D(filters=96, kernel_size=11, strides=4)  # first AlexNet layer
print(alexnet.compute_output_shape((None, 227, 227, 3)))

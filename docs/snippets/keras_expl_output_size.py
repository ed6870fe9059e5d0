"""Output shapes of Keras Conv2D layers."""

import keras

# 5 filters of 3x3 over a 32x32 RGB image; strides=1, padding="valid"
conv = keras.layers.Conv2D(filters=5, kernel_size=3)
print(conv.compute_output_shape((None, 32, 32, 3)))  # (batch, H, W, channels)

# AlexNet's first layer: 96 filters of 11x11, stride 4
alexnet = keras.layers.Conv2D(filters=96, kernel_size=11, strides=4)
print(alexnet.compute_output_shape((None, 227, 227, 3)))

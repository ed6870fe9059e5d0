"""An 11x11 input through a 2x2 window with stride 2, in Keras."""

from keras import layers

shape = (None, 11, 11, 8)
print(layers.Conv2D(8, 2, strides=2).compute_output_shape(shape))  # "valid": floor
print(layers.Conv2D(8, 2, strides=2, padding="same").compute_output_shape(shape))
print(layers.MaxPooling2D(2).compute_output_shape(shape))  # strides default to 2
print(layers.MaxPooling2D(2, padding="same").compute_output_shape(shape))

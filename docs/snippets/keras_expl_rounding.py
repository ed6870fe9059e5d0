"""An 11-pixel input through 2x2 pooling with stride 2, in Keras."""

from keras import layers

print(layers.MaxPooling2D(2).compute_output_shape((None, 11, 11, 8)))  # "valid": floor
print(layers.MaxPooling2D(2, padding="same").compute_output_shape((None, 11, 11, 8)))

"""An 11x11 input through 2x2 pooling with stride 2, in Keras."""

from keras import layers

print(layers.MaxPooling2D(2).compute_output_shape((None, 11, 11, 8)))  # floor
same = layers.MaxPooling2D(2, padding="same")
print(same.compute_output_shape((None, 11, 11, 8)))  # ceil(I / S)

"""A stride-2 7x7 convolution on 224x224 in Keras, padded two ways."""

from keras import layers

# TensorFlow's "same": the odd padding cell goes after (bottom, right)
same = layers.Conv2D(64, 7, strides=2, padding="same")
print(same.compute_output_shape((None, 224, 224, 3)))

# PyTorch's padding=3 in Keras: explicit zeros, then a "valid" convolution
pad = layers.ZeroPadding2D(3)
valid = layers.Conv2D(64, 7, strides=2)
padded = pad.compute_output_shape((None, 224, 224, 3))
print(padded, valid.compute_output_shape(padded))

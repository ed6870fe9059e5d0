"""A stride-2 7x7 convolution on 224x224 in Keras: padding="same", or 3 explicit cells."""

from keras import layers

same = layers.Conv2D(64, 7, strides=2, padding="same")  # TensorFlow pads 2 before, 3 after
print(same.compute_output_shape((None, 224, 224, 3)))

pad = layers.ZeroPadding2D(3)  # PyTorch's padding=3: 3 cells on every side
valid = layers.Conv2D(64, 7, strides=2)  # padding="valid"
print(valid.compute_output_shape(pad.compute_output_shape((None, 224, 224, 3))))

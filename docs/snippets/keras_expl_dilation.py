"""A dilated 3x3 convolution in Keras."""

from keras import layers

atrous = layers.Conv2D(8, 3, dilation_rate=2)  # strides must stay 1
print(atrous.compute_output_shape((None, 32, 32, 3)))

same = layers.Conv2D(8, 3, dilation_rate=2, padding="same")
print(same.compute_output_shape((None, 32, 32, 3)))

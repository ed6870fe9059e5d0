"""Halve an even and an odd size in Keras."""

from keras import layers

for size in (224, 225):
    for layer in (
        layers.Conv2D(8, 3, strides=2, padding="same"),  # ceil(I/2)
        layers.Conv2D(8, 2, strides=2),  # "valid": floor(I/2)
        layers.MaxPooling2D(2),  # strides = pool_size: floor(I/2)
        layers.MaxPooling2D(2, padding="same"),  # ceil(I/2)
    ):
        print(size, layer.compute_output_shape((None, size, size, 3)))

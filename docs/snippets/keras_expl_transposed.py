"""Conv2DTranspose(k=3, strides=2) on a 12x12 input, in Keras."""

from keras import layers

shape = (None, 12, 12, 16)
cases = [("valid", None), ("same", None), ("same", 0), ("same", 1)]
for padding, output_padding in cases:
    up = layers.Conv2DTranspose(
        8, 3, strides=2, padding=padding, output_padding=output_padding
    )
    print(f"{padding=}, {output_padding=}:", tuple(up.compute_output_shape(shape)))

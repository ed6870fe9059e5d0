"""An encoder of stride-2 "same" convolutions on an odd 75x75 input, and a decoder of
transposed convolutions that gives every skip connection its exact size back."""

import keras
from keras import layers

inputs = keras.Input(shape=(75, 75, 8))
x = inputs
skips = []
for level in range(1, 4):
    skips.append(x)
    x = layers.Conv2D(8, 3, strides=2, padding="same", name=f"down{level}")(x)
for level in range(3, 0, -1):
    skip = skips[level - 1]
    # "same" with output_padding=a gives (I - 1)*S + k % 2 + a; pick a to land on the skip.
    extra = skip.shape[1] - ((x.shape[1] - 1) * 2 + 3 % 2)
    x = layers.Conv2DTranspose(
        8, 3, strides=2, padding="same", output_padding=extra, name=f"up{level}"
    )(x)
    x = layers.Concatenate(name=f"merge{level}")([skip, x])
    x = layers.Conv2D(8, 1, name=f"fuse{level}")(x)

model = keras.Model(inputs, x, name="decoder")
model.summary()

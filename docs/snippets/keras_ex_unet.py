"""The original U-Net (Ronneberger et al., 2015) in Keras: a 572x572 input, unpadded 3x3
convolutions, 2x2 max pooling, 2x2 up-convolutions, and each skip connection cropped to
the size of the upsampled map before the two are concatenated."""

import keras
from keras import layers


def two_convs(x, filters, name):
    x = layers.Conv2D(filters, 3, activation="relu", name=f"{name}_conv1")(x)
    return layers.Conv2D(filters, 3, activation="relu", name=f"{name}_conv2")(x)


def up(x, skip, filters, name):
    x = layers.Conv2DTranspose(filters, 2, strides=2, name=f"{name}_upconv")(x)
    crop = (skip.shape[1] - x.shape[1]) // 2  # the skip is larger: cut its border
    skip = layers.Cropping2D(crop, name=f"{name}_crop")(skip)
    x = layers.Concatenate(name=f"{name}_concat")([skip, x])
    return two_convs(x, filters, name)


inputs = keras.Input(shape=(572, 572, 1))
x = inputs
skips = []
for level, filters in enumerate([64, 128, 256, 512], 1):
    x = two_convs(x, filters, f"down{level}")
    skips.append(x)
    x = layers.MaxPooling2D(2, name=f"down{level}_pool")(x)
x = two_convs(x, 1024, "bottom")
for level, filters in [(4, 512), (3, 256), (2, 128), (1, 64)]:
    x = up(x, skips[level - 1], filters, f"up{level}")
outputs = layers.Conv2D(2, 1, name="classes")(x)

model = keras.Model(inputs, outputs, name="unet")
model.summary()

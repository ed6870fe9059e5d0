"""One of MobileNet's 14x14x512 layers two ways, in Keras: a standard 3x3 convolution, and
the depthwise 3x3 plus pointwise 1x1 pair MobileNet uses (no biases: BatchNorm follows)."""

import keras
from keras import layers

standard = keras.Sequential(
    [
        keras.Input(shape=(14, 14, 512)),
        layers.Conv2D(512, 3, padding="same", use_bias=False),
    ]
)
separable = keras.Sequential(
    [
        keras.Input(shape=(14, 14, 512)),
        layers.DepthwiseConv2D(3, padding="same", use_bias=False),  # one 3x3 per channel
        layers.Conv2D(512, 1, use_bias=False),  # mixes channels, 1x1
    ]
)
standard.summary()
separable.summary()

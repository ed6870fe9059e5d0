"""AlexNet's first layer in Keras: 96 filters of 11x11, stride 4, no padding, on the
227x227 input that makes the arithmetic work and on the 224x224 the paper states."""

import keras
from keras import layers

for side in (227, 224):
    model = keras.Sequential(
        [keras.Input(shape=(side, side, 3)), layers.Conv2D(96, 11, strides=4)]
    )
    model.summary()

"""The source article's example: a 3x3 convolution with 5 filters on a 32x32 RGB
image, then 2x2 max pooling."""

import keras
from keras import layers

model = keras.Sequential(
    [
        keras.Input(shape=(32, 32, 3)),
        layers.Conv2D(5, 3),  # 5 filters of 3x3x3, stride 1, no padding
        layers.MaxPooling2D(2),  # strides default to pool_size
    ]
)
model.summary()

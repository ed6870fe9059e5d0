"""PyTorch's padding=3 in Keras, and Keras's "same" spelled out."""

import keras
from keras import layers

# PyTorch's nn.Conv2d(3, 64, 7, stride=2, padding=3)
torch_like = keras.Sequential(
    [
        keras.Input(shape=(224, 224, 3)),
        layers.ZeroPadding2D(3),  # 3 cells on every side
        layers.Conv2D(64, 7, strides=2),  # then "valid"
    ]
)
# padding="same" at stride 2: ((top, bottom), (left, right))
same_spelled_out = keras.Sequential(
    [
        keras.Input(shape=(224, 224, 3)),
        layers.ZeroPadding2D(((2, 3), (2, 3))),
        layers.Conv2D(64, 7, strides=2),
    ]
)
same = layers.Conv2D(64, 7, strides=2, padding="same")
print(torch_like.output_shape)
print(same_spelled_out.output_shape)
print(same.compute_output_shape((None, 224, 224, 3)))

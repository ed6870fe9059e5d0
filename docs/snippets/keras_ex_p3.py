"""The source article's example with the padding it announces: P = 3 on every side.

Conv2D only knows "valid" and "same", so the 3 pixels of zeros come from their own layer.
"""

import keras
from keras import layers

model = keras.Sequential(
    [
        keras.Input(shape=(32, 32, 3)),
        layers.ZeroPadding2D(3),  # 3 rows/columns of zeros on every side: 38x38x3
        layers.Conv2D(5, 3),  # "valid" (the default) on the padded input
    ]
)
model.summary()

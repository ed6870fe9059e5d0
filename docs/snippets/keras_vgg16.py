"""VGG16 (Simonyan & Zisserman, 2014), as keras.applications.VGG16 builds it:
224x224 RGB input, 1000 classes."""

import keras
from keras import layers

inputs = keras.Input(shape=(224, 224, 3))
x = inputs
for block, (filters, convs) in enumerate(
    [(64, 2), (128, 2), (256, 3), (512, 3), (512, 3)], 1
):
    for conv in range(1, convs + 1):
        x = layers.Conv2D(
            filters,
            (3, 3),
            activation="relu",
            padding="same",
            name=f"block{block}_conv{conv}",
        )(x)
    x = layers.MaxPooling2D((2, 2), strides=(2, 2), name=f"block{block}_pool")(x)
x = layers.Flatten(name="flatten")(x)
x = layers.Dense(4096, activation="relu", name="fc1")(x)
x = layers.Dense(4096, activation="relu", name="fc2")(x)
outputs = layers.Dense(1000, activation="softmax", name="predictions")(x)

model = keras.Model(inputs, outputs, name="vgg16")
model.summary()

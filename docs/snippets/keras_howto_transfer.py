"""Transfer learning as keras-io teaches it: a pretrained MobileNetV2 without its top,
frozen, with a new head for a two-class problem. weights=None here so that the real
Keras needs no download; convdims builds the same model for weights="imagenet" (it
checks the argument and loads nothing)."""

import keras

base_model = keras.applications.MobileNetV2(
    input_shape=(160, 160, 3), include_top=False, weights=None
)
base_model.trainable = False

inputs = keras.Input(shape=(160, 160, 3))
x = keras.applications.mobilenet_v2.preprocess_input(inputs)
x = base_model(x, training=False)
x = keras.layers.GlobalAveragePooling2D()(x)
x = keras.layers.Dropout(0.2)(x)
outputs = keras.layers.Dense(1)(x)
model = keras.Model(inputs, outputs)

model.compile(optimizer="adam", loss="binary_crossentropy", metrics=["accuracy"])
model.summary()

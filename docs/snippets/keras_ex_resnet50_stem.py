"""The stem of keras.applications.ResNet50: explicit zero padding, then "valid" layers,
so that it pads exactly as the original (and PyTorch) does."""

import keras
from keras import layers

inputs = keras.Input(shape=(224, 224, 3))
x = layers.ZeroPadding2D(padding=((3, 3), (3, 3)), name="conv1_pad")(inputs)
x = layers.Conv2D(64, 7, strides=2, name="conv1_conv")(x)
x = layers.BatchNormalization(epsilon=1.001e-5, name="conv1_bn")(x)
x = layers.Activation("relu", name="conv1_relu")(x)
x = layers.ZeroPadding2D(padding=((1, 1), (1, 1)), name="pool1_pad")(x)
x = layers.MaxPooling2D(3, strides=2, name="pool1_pool")(x)

model = keras.Model(inputs, x, name="resnet50_stem")
model.summary()

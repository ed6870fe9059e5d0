"""ResNet50 (He et al., 2015), 224x224 RGB input, 1000 classes, as
keras.applications.ResNet50 builds it: convolutions with biases, batch normalization
after each, and a 1x1 projection on the shortcut of each stage's first block."""

import keras
from keras import layers


def residual_block(x, filters, stride=1, conv_shortcut=True, name=None):
    """Bottleneck block: 1x1 (reduce), 3x3, 1x1 (expand to 4 * filters), plus shortcut."""
    if conv_shortcut:
        shortcut = layers.Conv2D(4 * filters, 1, strides=stride, name=f"{name}_0_conv")(x)
        shortcut = layers.BatchNormalization(epsilon=1.001e-5, name=f"{name}_0_bn")(
            shortcut
        )
    else:
        shortcut = x
    x = layers.Conv2D(filters, 1, strides=stride, name=f"{name}_1_conv")(x)
    x = layers.BatchNormalization(epsilon=1.001e-5, name=f"{name}_1_bn")(x)
    x = layers.Activation("relu", name=f"{name}_1_relu")(x)
    x = layers.Conv2D(filters, 3, padding="same", name=f"{name}_2_conv")(x)
    x = layers.BatchNormalization(epsilon=1.001e-5, name=f"{name}_2_bn")(x)
    x = layers.Activation("relu", name=f"{name}_2_relu")(x)
    x = layers.Conv2D(4 * filters, 1, name=f"{name}_3_conv")(x)
    x = layers.BatchNormalization(epsilon=1.001e-5, name=f"{name}_3_bn")(x)
    x = layers.Add(name=f"{name}_add")([shortcut, x])
    return layers.Activation("relu", name=f"{name}_out")(x)


def stage(x, filters, blocks, stride=2, name=None):
    x = residual_block(x, filters, stride=stride, name=f"{name}_block1")
    for i in range(2, blocks + 1):
        x = residual_block(x, filters, conv_shortcut=False, name=f"{name}_block{i}")
    return x


inputs = keras.Input(shape=(224, 224, 3))
x = layers.ZeroPadding2D(padding=((3, 3), (3, 3)), name="conv1_pad")(inputs)
x = layers.Conv2D(64, 7, strides=2, name="conv1_conv")(x)
x = layers.BatchNormalization(epsilon=1.001e-5, name="conv1_bn")(x)
x = layers.Activation("relu", name="conv1_relu")(x)
x = layers.ZeroPadding2D(padding=((1, 1), (1, 1)), name="pool1_pad")(x)
x = layers.MaxPooling2D(3, strides=2, name="pool1_pool")(x)
x = stage(x, 64, 3, stride=1, name="conv2")
x = stage(x, 128, 4, name="conv3")
x = stage(x, 256, 6, name="conv4")
x = stage(x, 512, 3, name="conv5")
x = layers.GlobalAveragePooling2D(name="avg_pool")(x)
outputs = layers.Dense(1000, activation="softmax", name="predictions")(x)

model = keras.Model(inputs, outputs, name="resnet50")
model.summary()

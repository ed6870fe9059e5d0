"""MobileNet v1 (Howard et al., 2017), width multiplier 1, 224x224 RGB input, 1000
classes, as keras.applications.MobileNet builds it."""

import keras
from keras import layers


def depthwise_block(x, filters, strides, block_id):
    """A 3x3 depthwise convolution and a 1x1 pointwise one, each with BN and ReLU6."""
    if strides == (1, 1):
        padding = "same"
    else:
        x = layers.ZeroPadding2D(((0, 1), (0, 1)), name=f"conv_pad_{block_id}")(x)
        padding = "valid"
    x = layers.DepthwiseConv2D(
        (3, 3), padding=padding, strides=strides, use_bias=False, name=f"conv_dw_{block_id}"
    )(x)
    x = layers.BatchNormalization(name=f"conv_dw_{block_id}_bn")(x)
    x = layers.ReLU(6.0, name=f"conv_dw_{block_id}_relu")(x)
    x = layers.Conv2D(
        filters, (1, 1), padding="same", use_bias=False, name=f"conv_pw_{block_id}"
    )(x)
    x = layers.BatchNormalization(name=f"conv_pw_{block_id}_bn")(x)
    return layers.ReLU(6.0, name=f"conv_pw_{block_id}_relu")(x)


inputs = keras.Input(shape=(224, 224, 3))
x = layers.Conv2D(32, (3, 3), padding="same", use_bias=False, strides=(2, 2), name="conv1")(
    inputs
)
x = layers.BatchNormalization(name="conv1_bn")(x)
x = layers.ReLU(6.0, name="conv1_relu")(x)
blocks = [(64, 1), (128, 2), (128, 1), (256, 2), (256, 1), (512, 2)]
blocks += [(512, 1)] * 5 + [(1024, 2), (1024, 1)]
for block_id, (filters, stride) in enumerate(blocks, 1):
    x = depthwise_block(x, filters, (stride, stride), block_id)
x = layers.GlobalAveragePooling2D(keepdims=True)(x)
x = layers.Dropout(1e-3, name="dropout")(x)
x = layers.Conv2D(1000, (1, 1), padding="same", name="conv_preds")(x)
x = layers.Reshape((1000,), name="reshape_2")(x)
outputs = layers.Activation("softmax", name="predictions")(x)

model = keras.Model(inputs, outputs, name="mobilenet_1.00_224")
model.summary()

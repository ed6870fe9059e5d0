"""Conv1D (with causal padding) and Conv3D in Keras."""

import keras
from keras import layers

model = keras.Sequential(
    [
        keras.Input(shape=(100, 8)),  # 100 time steps, 8 features
        layers.Conv1D(16, 3, padding="causal", dilation_rate=2, name="causal"),
        layers.Conv1D(16, 5, strides=2, name="strided"),
    ],
    name="sequence",
)
model.summary()

# kernel and strides per axis: (frames, height, width)
video = layers.Conv3D(32, (3, 5, 5), strides=(1, 2, 2))
print(video.compute_output_shape((None, 16, 64, 64, 3)))

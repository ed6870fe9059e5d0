"""Keras's layers, for shapes and parameter counts: ``from convdims.keras import layers``.

Every class takes the arguments of the Keras 3 class of the same name, with the same
defaults, and raises ValueError where Keras does.

>>> from convdims import keras
>>> from convdims.keras import layers
>>> x = keras.Input((32, 32, 3))
>>> y = layers.MaxPooling2D(2)(layers.Conv2D(5, 3)(x))
>>> y.shape
(None, 15, 15, 5)
"""

from convdims.keras.layers._layer import InputSpec, Layer, Weight
from convdims.keras.layers.convolutional import (
    Conv1D,
    Conv1DTranspose,
    Conv2D,
    Conv2DTranspose,
    Conv3D,
    Conv3DTranspose,
    DepthwiseConv2D,
    SeparableConv2D,
)
from convdims.keras.layers.core import Activation, Dense, Dropout, ReLU
from convdims.keras.layers.input_layer import Input, InputLayer
from convdims.keras.layers.merging import (
    Add,
    Average,
    Concatenate,
    Maximum,
    Minimum,
    Multiply,
    Subtract,
    add,
    average,
    concatenate,
    maximum,
    minimum,
    multiply,
    subtract,
)
from convdims.keras.layers.normalization import BatchNormalization
from convdims.keras.layers.pooling import (
    AveragePooling1D,
    AveragePooling2D,
    AveragePooling3D,
    GlobalAveragePooling1D,
    GlobalAveragePooling2D,
    GlobalAveragePooling3D,
    GlobalMaxPooling1D,
    GlobalMaxPooling2D,
    GlobalMaxPooling3D,
    MaxPooling1D,
    MaxPooling2D,
    MaxPooling3D,
)
from convdims.keras.layers.reshaping import (
    Cropping2D,
    Flatten,
    Reshape,
    UpSampling2D,
    ZeroPadding2D,
)

# Keras's aliases.
Convolution1D = Conv1D
Convolution2D = Conv2D
Convolution3D = Conv3D
Convolution2DTranspose = Conv2DTranspose
MaxPool1D = MaxPooling1D
MaxPool2D = MaxPooling2D
MaxPool3D = MaxPooling3D
AvgPool1D = AveragePooling1D
AvgPool2D = AveragePooling2D
AvgPool3D = AveragePooling3D
GlobalAvgPool1D = GlobalAveragePooling1D
GlobalAvgPool2D = GlobalAveragePooling2D
GlobalMaxPool1D = GlobalMaxPooling1D
GlobalMaxPool2D = GlobalMaxPooling2D
GlobalAvgPool3D = GlobalAveragePooling3D
GlobalMaxPool3D = GlobalMaxPooling3D
Convolution1DTranspose = Conv1DTranspose
Convolution3DTranspose = Conv3DTranspose
SeparableConvolution2D = SeparableConv2D


TYPE_CHECKING = False
if TYPE_CHECKING:
    from convdims.keras.layers.activation_layers import (
        ELU,
        PReLU,
        Softmax,
    )
    from convdims.keras.layers.adaptive_pooling import (
        AdaptiveAveragePooling1D,
        AdaptiveAveragePooling2D,
        AdaptiveAveragePooling3D,
        AdaptiveMaxPooling1D,
        AdaptiveMaxPooling2D,
        AdaptiveMaxPooling3D,
    )
    from convdims.keras.layers.attention import (
        AdditiveAttention,
        Attention,
        MultiHeadAttention,
    )
    from convdims.keras.layers.augmentation import (
        ActivityRegularization,
        AlphaDropout,
        CenterCrop,
        GaussianDropout,
        GaussianNoise,
        Identity,
        RandomBrightness,
        RandomContrast,
        RandomCrop,
        RandomFlip,
        RandomRotation,
        RandomTranslation,
        RandomZoom,
        Resizing,
    )
    from convdims.keras.layers.convolutional_1d import (
        DepthwiseConv1D,
        SeparableConv1D,
        SeparableConvolution1D,
    )
    from convdims.keras.layers.convolutional_recurrent import (
        ConvLSTM1D,
        ConvLSTM2D,
        ConvLSTM3D,
    )
    from convdims.keras.layers.dot_product import (
        Dot,
        dot,
    )
    from convdims.keras.layers.einsum_dense import (
        EinsumDense,
    )
    from convdims.keras.layers.embedding import (
        Embedding,
    )
    from convdims.keras.layers.lambda_layer import (
        Lambda,
    )
    from convdims.keras.layers.masking_encoding import (
        CategoryEncoding,
        Masking,
    )
    from convdims.keras.layers.normalization_more import (
        GroupNormalization,
        RMSNormalization,
        UnitNormalization,
    )
    from convdims.keras.layers.preprocessing import (
        LayerNormalization,
        LeakyReLU,
        Normalization,
        Rescaling,
        SpatialDropout1D,
        SpatialDropout2D,
        SpatialDropout3D,
    )
    from convdims.keras.layers.reshaping_nd import (
        Cropping1D,
        Cropping3D,
        Permute,
        RepeatVector,
        UpSampling1D,
        UpSampling3D,
        ZeroPadding1D,
        ZeroPadding3D,
    )
    from convdims.keras.layers.rnn import (
        GRU,
        LSTM,
        RNN,
        GRUCell,
        LSTMCell,
        SimpleRNN,
        SimpleRNNCell,
        StackedRNNCells,
    )
    from convdims.keras.layers.wrappers import (
        Bidirectional,
        SpectralNormalization,
        TimeDistributed,
        Wrapper,
    )

#: Layers loaded on first use, from the module that holds them: a model that uses none
#: of them does not pay for importing them (``import convdims.keras`` stays fast).
_LAZY = {
    "Lambda": "lambda_layer",
    "LayerNormalization": "preprocessing",
    "LeakyReLU": "preprocessing",
    "Normalization": "preprocessing",
    "Rescaling": "preprocessing",
    "SpatialDropout1D": "preprocessing",
    "SpatialDropout2D": "preprocessing",
    "SpatialDropout3D": "preprocessing",
    "Cropping1D": "reshaping_nd",
    "Cropping3D": "reshaping_nd",
    "Permute": "reshaping_nd",
    "RepeatVector": "reshaping_nd",
    "UpSampling1D": "reshaping_nd",
    "UpSampling3D": "reshaping_nd",
    "ZeroPadding1D": "reshaping_nd",
    "ZeroPadding3D": "reshaping_nd",
    "ActivityRegularization": "augmentation",
    "AlphaDropout": "augmentation",
    "CenterCrop": "augmentation",
    "GaussianDropout": "augmentation",
    "GaussianNoise": "augmentation",
    "Identity": "augmentation",
    "RandomBrightness": "augmentation",
    "RandomContrast": "augmentation",
    "RandomCrop": "augmentation",
    "RandomFlip": "augmentation",
    "RandomRotation": "augmentation",
    "RandomTranslation": "augmentation",
    "RandomZoom": "augmentation",
    "Resizing": "augmentation",
    "EinsumDense": "einsum_dense",
    "SpectralNormalization": "wrappers",
    "Dot": "dot_product",
    "dot": "dot_product",
    "AdaptiveAveragePooling1D": "adaptive_pooling",
    "AdaptiveAveragePooling2D": "adaptive_pooling",
    "AdaptiveAveragePooling3D": "adaptive_pooling",
    "AdaptiveMaxPooling1D": "adaptive_pooling",
    "AdaptiveMaxPooling2D": "adaptive_pooling",
    "AdaptiveMaxPooling3D": "adaptive_pooling",
    "CategoryEncoding": "masking_encoding",
    "Masking": "masking_encoding",
    "ConvLSTM1D": "convolutional_recurrent",
    "ConvLSTM2D": "convolutional_recurrent",
    "ConvLSTM3D": "convolutional_recurrent",
    "AdditiveAttention": "attention",
    "Attention": "attention",
    "MultiHeadAttention": "attention",
    "DepthwiseConv1D": "convolutional_1d",
    "SeparableConv1D": "convolutional_1d",
    "SeparableConvolution1D": "convolutional_1d",
    "ELU": "activation_layers",
    "PReLU": "activation_layers",
    "Softmax": "activation_layers",
    "GroupNormalization": "normalization_more",
    "RMSNormalization": "normalization_more",
    "UnitNormalization": "normalization_more",
    "Embedding": "embedding",
    "GRU": "rnn",
    "GRUCell": "rnn",
    "LSTM": "rnn",
    "LSTMCell": "rnn",
    "RNN": "rnn",
    "SimpleRNN": "rnn",
    "SimpleRNNCell": "rnn",
    "StackedRNNCells": "rnn",
    "Bidirectional": "wrappers",
    "TimeDistributed": "wrappers",
    "Wrapper": "wrappers",
}

__all__ = [
    "Activation",
    "Add",
    "Average",
    "AveragePooling1D",
    "AveragePooling2D",
    "AveragePooling3D",
    "AvgPool1D",
    "AvgPool2D",
    "AvgPool3D",
    "BatchNormalization",
    "Concatenate",
    "Conv1D",
    "Conv1DTranspose",
    "Conv2D",
    "Conv2DTranspose",
    "Conv3D",
    "Conv3DTranspose",
    "Convolution1D",
    "Convolution2D",
    "Convolution2DTranspose",
    "Convolution3D",
    "Cropping2D",
    "Dense",
    "DepthwiseConv2D",
    "Dropout",
    "Flatten",
    "GlobalAveragePooling1D",
    "GlobalAveragePooling2D",
    "GlobalAveragePooling3D",
    "GlobalAvgPool1D",
    "GlobalAvgPool2D",
    "GlobalMaxPool1D",
    "GlobalMaxPool2D",
    "GlobalMaxPooling1D",
    "GlobalMaxPooling2D",
    "GlobalMaxPooling3D",
    "Input",
    "InputLayer",
    "InputSpec",
    "Layer",
    "MaxPool1D",
    "MaxPool2D",
    "MaxPool3D",
    "MaxPooling1D",
    "MaxPooling2D",
    "MaxPooling3D",
    "Maximum",
    "Minimum",
    "Multiply",
    "ReLU",
    "Reshape",
    "SeparableConv2D",
    "Subtract",
    "UpSampling2D",
    "Weight",
    "ZeroPadding2D",
    "LayerNormalization",
    "LeakyReLU",
    "Normalization",
    "Rescaling",
    "SpatialDropout1D",
    "SpatialDropout2D",
    "SpatialDropout3D",
    "add",
    "average",
    "concatenate",
    "maximum",
    "minimum",
    "multiply",
    "subtract",
    "Cropping1D",
    "Cropping3D",
    "Permute",
    "RepeatVector",
    "UpSampling1D",
    "UpSampling3D",
    "ZeroPadding1D",
    "ZeroPadding3D",
    "Lambda",
    "ActivityRegularization",
    "AlphaDropout",
    "CenterCrop",
    "GaussianDropout",
    "GaussianNoise",
    "Identity",
    "RandomBrightness",
    "RandomContrast",
    "RandomCrop",
    "RandomFlip",
    "RandomRotation",
    "RandomTranslation",
    "RandomZoom",
    "Resizing",
    "EinsumDense",
    "SpectralNormalization",
    "Dot",
    "dot",
    "AdaptiveAveragePooling1D",
    "AdaptiveAveragePooling2D",
    "AdaptiveAveragePooling3D",
    "AdaptiveMaxPooling1D",
    "AdaptiveMaxPooling2D",
    "AdaptiveMaxPooling3D",
    "CategoryEncoding",
    "Masking",
    "ConvLSTM1D",
    "ConvLSTM2D",
    "ConvLSTM3D",
    "AdditiveAttention",
    "Attention",
    "MultiHeadAttention",
    "DepthwiseConv1D",
    "SeparableConv1D",
    "SeparableConvolution1D",
    "ELU",
    "PReLU",
    "Softmax",
    "GroupNormalization",
    "RMSNormalization",
    "UnitNormalization",
    "Embedding",
    "GRU",
    "GRUCell",
    "LSTM",
    "LSTMCell",
    "RNN",
    "SimpleRNN",
    "SimpleRNNCell",
    "StackedRNNCells",
    "Bidirectional",
    "TimeDistributed",
    "Wrapper",
    "Convolution1DTranspose",
    "Convolution3DTranspose",
    "GlobalAvgPool3D",
    "GlobalMaxPool3D",
    "SeparableConvolution2D",
]


def __getattr__(name: str):  # type: ignore[no-untyped-def]
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    import importlib

    value = getattr(importlib.import_module(f"{__name__}.{module}"), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *_LAZY})

"""convdims: the arithmetic of convolutional networks, exact and checked.

Output sizes, padding and parameter counts of convolution and pooling layers, one axis at
a time, with the conventions of Keras (TensorFlow) and PyTorch.

>>> import convdims
>>> convdims.conv_output_size(32, 3), convdims.conv_params(3, 3, 5)
(30, 140)
"""

from convdims.convolution import conv_geometry, conv_output_size
from convdims.errors import ArgumentError, ArgumentTypeError
from convdims.geometry import AxisGeometry
from convdims.padding import PADDING_WORDS, explicit_padding, same_padding
from convdims.parameters import (
    conv_params,
    dense_params,
    depthwise_conv_params,
    separable_conv_params,
)
from convdims.pooling import pool_geometry, pool_output_size
from convdims.transposed import conv_transpose_output_size
from convdims.window import AxisWindow, effective_kernel

__version__ = "0.1.0"

#: Submodules loaded on first use, so ``import convdims`` stays fast.
_LAZY = (
    "analysis",
    "conventions",
    "description",
    "draw",
    "keras",
    "receptive",
    "render",
    "resampling",
    "standin",
    "torch",
    "transposed_geometry",
)


def __getattr__(name: str):
    if name in _LAZY:
        import importlib

        return importlib.import_module(f"convdims.{name}")
    raise AttributeError(f"module 'convdims' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted({*globals(), *_LAZY})


__all__ = [
    "PADDING_WORDS",
    "ArgumentError",
    "ArgumentTypeError",
    "AxisGeometry",
    "AxisWindow",
    "conv_geometry",
    "conv_output_size",
    "conv_params",
    "conv_transpose_output_size",
    "dense_params",
    "depthwise_conv_params",
    "effective_kernel",
    "explicit_padding",
    "pool_geometry",
    "pool_output_size",
    "same_padding",
    "separable_conv_params",
]

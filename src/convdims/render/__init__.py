"""Renderers: turn core results into text and LaTeX. They read the core, never compute.

>>> from convdims.render import conv_derivation
>>> conv_derivation(32, 3).result
30
"""

from convdims.render.formula import (
    Derivation,
    Step,
    Symbol,
    conv_derivation,
    conv_params_derivation,
    conv_transpose_derivation,
    dense_params_derivation,
    depthwise_conv_params_derivation,
    pool_derivation,
    separable_conv_params_derivation,
)

__all__ = [
    "Derivation",
    "Step",
    "Symbol",
    "conv_derivation",
    "conv_params_derivation",
    "conv_transpose_derivation",
    "dense_params_derivation",
    "depthwise_conv_params_derivation",
    "pool_derivation",
    "separable_conv_params_derivation",
]

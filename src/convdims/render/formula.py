"""Derivations: the formula, the same formula with the numbers in it, and the result.

Each ``*_derivation`` function takes the arguments of the core function it explains
([`conv_output_size`][convdims.conv_output_size],
[`pool_output_size`][convdims.pool_output_size],
[`conv_transpose_output_size`][convdims.conv_transpose_output_size],
[`conv_params`][convdims.conv_params], ...) and returns a
[`Derivation`][convdims.render.formula.Derivation] in plain text (for terminals) and LaTeX
(for the site, which turns it into MathML at build time).

The numbers come from the core. The renderer only writes the formula down, once, as a
small expression tree that prints itself with symbols or with numbers; before returning,
it evaluates the printed numbers and checks that they give the core's result, so a typo
here or a broken formula in the core cannot go unnoticed.

A derivation costs the same whatever the sizes: it never walks the cells of an axis
(the input cells no window reads are counted in closed form), so
``conv_derivation(10**32, 3)`` answers at once.

Symbols, as on the site: I input size, k kernel size, S stride, P padding on each side
(P_b before and P_a after when they differ), d dilation, K = d(k - 1) + 1 the effective
kernel, a output padding, C input channels, D filters, G groups, m depth multiplier,
N input features, U units.

This module gathers the derivations under one name; each is written next to its kind:
``convdims.render.convolution``, ``pooling``, ``transposed`` and ``parameters`` (the
values in ``_derivation``, the expression tree in ``_expression``, what convolution and
pooling share in ``_window``).

Examples:
    >>> d = conv_derivation(32, 3)
    >>> print(d.formula)
    O = floor((I - k + 2P)/S) + 1
    >>> print(d.substituted)
    floor((32 - 3 + 2*0)/1) + 1 = 30
    >>> print(d.substituted_latex)
    \\left\\lfloor \\frac{32 - 3 + 2\\cdot 0}{1} \\right\\rfloor + 1 = 30
"""

from __future__ import annotations

from convdims.render._derivation import Derivation, Step, Symbol
from convdims.render.convolution import conv_derivation
from convdims.render.parameters import (
    conv_params_derivation,
    dense_params_derivation,
    depthwise_conv_params_derivation,
    separable_conv_params_derivation,
)
from convdims.render.pooling import pool_derivation
from convdims.render.transposed import conv_transpose_derivation

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

"""The derivations of parameter counts: convolution, depthwise, separable, dense."""

from __future__ import annotations

from convdims.parameters import (
    conv_params,
    dense_params,
    depthwise_conv_params,
    separable_conv_params,
)
from convdims.render._derivation import Derivation, Symbol
from convdims.render._expression import (
    ONE,
    Frac,
    Node,
    Product,
    Var,
    add,
    assemble,
    check_digits,
    equation,
)

_PARAMS_LHS, _PARAMS_LATEX = "params", "\\mathrm{params}"
_AXIS_NAMES = {1: ("",), 2: ("h", "w"), 3: ("d", "h", "w")}


def _kernel_factors(kernel_size: int | tuple[int, ...]) -> tuple[list[Node], list[Symbol]]:
    """k*k for an int (a square 2-D kernel, as the core reads it), k_h*k_w for a pair..."""
    if isinstance(kernel_size, (tuple, list)):
        sizes = tuple(kernel_size)
        names = _AXIS_NAMES.get(len(sizes), tuple(str(n + 1) for n in range(len(sizes))))
        symbols = [
            Symbol(
                f"k_{n}" if n else "k",
                f"k_{{{n}}}" if n else "k",
                f"kernel size{' along ' + n if n else ''}",
                v,
            )
            for n, v in zip(names, sizes, strict=True)
        ]
        return [Var(sym) for sym in symbols], symbols
    k = Symbol("k", "k", "kernel size on both axes", kernel_size)
    return [Var(k), Var(k)], [k]


def _split(total: int, weights: int, use_bias: bool) -> list[str]:
    if not use_bias:
        return [f"no bias: {total:,} weights."]
    return [f"{weights:,} weights + {total - weights:,} biases = {total:,}."]


def conv_params_derivation(
    kernel_size: int | tuple[int, ...],
    in_channels: int,
    filters: int,
    use_bias: bool = True,
    groups: int = 1,
) -> Derivation:
    """Derive the parameter count of a convolution.

    Arguments and errors as [`conv_params`][convdims.conv_params]:
    ``(k*k*C/G + 1)*D``, without the ``+ 1`` when there is no bias.

    Examples:
        >>> conv_params_derivation(3, 3, 5).text
        'params = (k*k*C + 1)*D = (3*3*3 + 1)*5 = 140'
        >>> conv_params_derivation(3, 32, 64, groups=4).substituted
        '(3*3*(32/4) + 1)*64 = 4672'
        >>> conv_params_derivation((3, 5), 2, 4, use_bias=False).text
        'params = k_h*k_w*C*D = 3*5*2*4 = 120'
    """
    check_digits(
        kernel_size=kernel_size, in_channels=in_channels, filters=filters, groups=groups
    )
    total = conv_params(kernel_size, in_channels, filters, use_bias, groups)
    weights = conv_params(kernel_size, in_channels, filters, False, groups)
    factors, legend = _kernel_factors(kernel_size)
    c = Symbol("C", "C", "input channels", in_channels)
    d = Symbol("D", "D", "filters", filters)
    legend += [c, d]
    channels: Node = Var(c)
    notes = []
    if groups != 1:
        g = Symbol("G", "G", "groups", groups)
        legend.append(g)
        channels = Frac(Var(c), Var(g))
        notes.append(
            f"groups: each filter sees C/G = {in_channels // groups} of the "
            f"{in_channels} input channels."
        )
    if use_bias:
        expression: Node = Product((add(Product((*factors, channels)), ONE), Var(d)))
    else:
        expression = Product((*factors, channels, Var(d)))
    notes += _split(total, weights, use_bias)
    main = equation(_PARAMS_LHS, _PARAMS_LATEX, expression, total, "the conv parameters")
    return assemble(main, "parameters", [], legend, notes)


def depthwise_conv_params_derivation(
    kernel_size: int | tuple[int, ...],
    in_channels: int,
    depth_multiplier: int = 1,
    use_bias: bool = True,
) -> Derivation:
    """Derive the parameter count of a depthwise convolution: ``(k*k + 1)*C*m``.

    Examples:
        >>> depthwise_conv_params_derivation(3, 32).text
        'params = (k*k + 1)*C*m = (3*3 + 1)*32*1 = 320'
    """
    check_digits(
        kernel_size=kernel_size,
        in_channels=in_channels,
        depth_multiplier=depth_multiplier,
    )
    total = depthwise_conv_params(kernel_size, in_channels, depth_multiplier, use_bias)
    weights = depthwise_conv_params(kernel_size, in_channels, depth_multiplier, False)
    factors, legend = _kernel_factors(kernel_size)
    c = Symbol("C", "C", "input channels", in_channels)
    m = Symbol("m", "m", "depth multiplier", depth_multiplier)
    legend += [c, m]
    if use_bias:
        expression: Node = Product((add(Product(tuple(factors)), ONE), Var(c), Var(m)))
    else:
        expression = Product((*factors, Var(c), Var(m)))
    notes = ["each of the C*m output channels has its own kernel over one input channel."]
    notes += _split(total, weights, use_bias)
    main = equation(
        _PARAMS_LHS, _PARAMS_LATEX, expression, total, "the depthwise parameters"
    )
    return assemble(main, "parameters", [], legend, notes)


def separable_conv_params_derivation(
    kernel_size: int | tuple[int, ...],
    in_channels: int,
    filters: int,
    depth_multiplier: int = 1,
    use_bias: bool = True,
) -> Derivation:
    """Derive the parameter count of a depthwise-separable convolution.

    ``k*k*C*m`` depthwise weights, ``C*m*D`` pointwise weights, ``D`` biases.

    Examples:
        >>> separable_conv_params_derivation(3, 32, 64).text
        'params = k*k*C*m + C*m*D + D = 3*3*32*1 + 32*1*64 + 64 = 2400'
    """
    check_digits(
        kernel_size=kernel_size,
        in_channels=in_channels,
        filters=filters,
        depth_multiplier=depth_multiplier,
    )
    total = separable_conv_params(
        kernel_size, in_channels, filters, depth_multiplier, use_bias
    )
    weights = separable_conv_params(
        kernel_size, in_channels, filters, depth_multiplier, False
    )
    factors, legend = _kernel_factors(kernel_size)
    c = Symbol("C", "C", "input channels", in_channels)
    m = Symbol("m", "m", "depth multiplier", depth_multiplier)
    d = Symbol("D", "D", "filters", filters)
    legend += [c, m, d]
    terms: list[Node] = [
        Product((*factors, Var(c), Var(m))),
        Product((Var(c), Var(m), Var(d))),
    ]
    if use_bias:
        terms.append(Var(d))
    notes = ["the depthwise step has no bias of its own; the pointwise step has D."]
    notes += _split(total, weights, use_bias)
    main = equation(
        _PARAMS_LHS, _PARAMS_LATEX, add(*terms), total, "the separable parameters"
    )
    return assemble(main, "parameters", [], legend, notes)


def dense_params_derivation(
    in_features: int, units: int, use_bias: bool = True
) -> Derivation:
    """Derive the parameter count of a dense layer: ``(N + 1)*U``.

    Examples:
        >>> dense_params_derivation(7 * 7 * 512, 4096).substituted
        '(25088 + 1)*4096 = 102764544'
    """
    check_digits(in_features=in_features, units=units)
    total = dense_params(in_features, units, use_bias)
    weights = dense_params(in_features, units, False)
    n = Symbol("N", "N", "input features", in_features)
    u = Symbol("U", "U", "units", units)
    if use_bias:
        expression: Node = Product((add(Var(n), ONE), Var(u)))
    else:
        expression = Product((Var(n), Var(u)))
    main = equation(_PARAMS_LHS, _PARAMS_LATEX, expression, total, "the dense parameters")
    return assemble(main, "parameters", [], [n, u], _split(total, weights, use_bias))

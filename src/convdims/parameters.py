"""Parameter counts of convolution and dense layers."""

from __future__ import annotations

from math import prod

from convdims._checks import kernel_extent, positive_int
from convdims.errors import ArgumentError, ArgumentTypeError

KernelSize = int | tuple[int, ...]


def _kernel_cells(kernel_size: KernelSize) -> int:
    """An int means a square 2-D kernel (k*k); a tuple gives each axis."""
    sizes = kernel_extent("kernel_size", kernel_size)
    if isinstance(kernel_size, (tuple, list)):
        return prod(sizes)
    return sizes[0] * sizes[0]


def _bias(use_bias: bool) -> bool:
    if not isinstance(use_bias, bool):
        raise ArgumentTypeError(
            f"use_bias must be True or False, got {use_bias!r}",
            argument="use_bias",
            value=use_bias,
            valid="True or False",
        )
    return use_bias


def conv_params(
    kernel_size: KernelSize,
    in_channels: int,
    filters: int,
    use_bias: bool = True,
    groups: int = 1,
) -> int:
    """Parameters of a convolution: ``prod(k) * (C / groups) * D + D`` (the bias).

    Args:
        kernel_size: an int k for a square 2-D kernel (k*k, as in Conv2D), or a tuple
            with one extent per axis: ``(k,)`` is 1-D, ``(k, k, k)`` is 3-D.
        in_channels: C.
        filters: D, the output channels.
        use_bias: one bias per filter.
        groups: G; C and D must both be divisible by it.

    Returns:
        The number of weights and biases.

    Raises:
        TypeError: a non-integer size, or use_bias not a bool.
        ValueError: a value below 1, or groups that do not divide the channels.

    Examples:
        >>> conv_params(3, 3, 5)
        140
        >>> (conv_params(3, 32, 64), conv_params(3, 32, 64, groups=4),
        ...  conv_params(3, 32, 64, False))
        (18496, 4672, 18432)
        >>> conv_params((5,), 1, 6), conv_params((3, 3, 3), 2, 4)
        (36, 220)
    """
    cells = _kernel_cells(kernel_size)
    channels = positive_int("in_channels", in_channels)
    outputs = positive_int("filters", filters)
    group_count = positive_int("groups", groups)
    for name, value in (("in_channels", channels), ("filters", outputs)):
        if value % group_count:
            raise ArgumentError(
                f"groups={group_count} must divide {name}={value}; "
                f"use a divisor of both in_channels={channels} and filters={outputs}",
                argument="groups",
                value=groups,
                valid=f"a divisor of both in_channels={channels} and filters={outputs}",
            )
    weights = cells * (channels // group_count) * outputs
    return weights + (outputs if _bias(use_bias) else 0)


def depthwise_conv_params(
    kernel_size: KernelSize,
    in_channels: int,
    depth_multiplier: int = 1,
    use_bias: bool = True,
) -> int:
    """Parameters of a depthwise convolution: ``prod(k) * C * m + C * m``.

    Examples:
        >>> depthwise_conv_params(3, 32)
        320
    """
    cells = _kernel_cells(kernel_size)
    channels = positive_int("in_channels", in_channels)
    multiplier = positive_int("depth_multiplier", depth_multiplier)
    outputs = channels * multiplier
    return cells * outputs + (outputs if _bias(use_bias) else 0)


def separable_conv_params(
    kernel_size: KernelSize,
    in_channels: int,
    filters: int,
    depth_multiplier: int = 1,
    use_bias: bool = True,
) -> int:
    """Parameters of a depthwise-separable convolution (Keras SeparableConv2D).

    ``prod(k) * C * m`` depthwise weights, ``C * m * D`` pointwise weights and ``D``
    biases: the depthwise step has no bias of its own.

    Examples:
        >>> separable_conv_params(3, 32, 64)
        2400
    """
    cells = _kernel_cells(kernel_size)
    channels = positive_int("in_channels", in_channels)
    outputs = positive_int("filters", filters)
    middle = channels * positive_int("depth_multiplier", depth_multiplier)
    return cells * middle + middle * outputs + (outputs if _bias(use_bias) else 0)


def dense_params(in_features: int, units: int, use_bias: bool = True) -> int:
    """Parameters of a dense (fully connected) layer: ``(in + 1) * units``.

    Examples:
        >>> dense_params(7 * 7 * 512, 4096)
        102764544
    """
    inputs = positive_int("in_features", in_features)
    outputs = positive_int("units", units)
    return inputs * outputs + (outputs if _bias(use_bias) else 0)

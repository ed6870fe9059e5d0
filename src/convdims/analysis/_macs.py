"""Multiply-accumulates of one layer, by formula and by the kind of a layer call.

``macs``: multiplications by a weight, each with its accumulation. A convolution makes
``k^d * C_in/groups`` of them per output value, a dense layer ``in_features`` per output
value, a transposed convolution ``k^d * C_out/groups`` per *input* value (each input
value is scattered through the kernel). Biases (an addition, no multiply), BatchNorm
(folded into the convolution before it at inference), pooling, activations and merges
count 0. FLOPs = 2 x MACs. This is the count behind torchvision's published figures.

``mult_adds``: torchinfo's rule, for comparison with its "Total mult-adds" (one
function, [`torchinfo_mult_adds`][convdims.analysis.torchinfo_mult_adds], that both
summaries and the analysis use).
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence

from convdims._checks import kernel_extent, non_negative_int, positive_int
from convdims.description import Kind, LayerCall
from convdims.errors import ArgumentError


def _prod(values: Iterable[int | None]) -> int:
    return math.prod(1 if v is None else v for v in values)


def _kernel_cells(kernel_size: Sequence[int]) -> int:
    return math.prod(kernel_extent("kernel_size", kernel_size))


def _grouped(name: str, channels: int, groups: int) -> int:
    if channels % groups:
        raise ArgumentError(
            f"groups={groups} must divide {name}={channels}; use a divisor of {channels}",
            argument="groups",
            value=groups,
            valid=f"a divisor of {name}={channels}",
        )
    return channels // groups


def conv_macs(
    output_positions: int,
    kernel_size: Sequence[int],
    in_channels: int,
    out_channels: int,
    groups: int = 1,
) -> int:
    """MACs of a convolution: ``positions * C_out * (C_in / groups) * prod(k)``.

    Each output value is a dot product of the ``prod(k) * C_in/groups`` inputs under the
    kernel with as many weights. Padding cells are multiplied like any other.

    Raises:
        TypeError, ValueError: a count that is not an integer, below its minimum, or
            groups that do not divide both channel counts.

    Examples:
        >>> conv_macs(224 * 224, (3, 3), 3, 64)  # VGG16's first convolution
        86704128
        >>> conv_macs(56 * 56, (3, 3), 128, 128, groups=32)  # ResNeXt's grouped 3x3
        14450688
    """
    positions = non_negative_int("output_positions", output_positions)
    cells = _kernel_cells(kernel_size)
    group_count = positive_int("groups", groups)
    inputs = _grouped(
        "in_channels", non_negative_int("in_channels", in_channels), group_count
    )
    outputs = non_negative_int("out_channels", out_channels)
    _grouped("out_channels", outputs, group_count)
    return positions * outputs * inputs * cells


def conv_transpose_macs(
    input_positions: int,
    kernel_size: Sequence[int],
    in_channels: int,
    out_channels: int,
    groups: int = 1,
) -> int:
    """MACs of a transposed convolution: ``I_positions * C_in * (C_out/groups) * prod(k)``.

    Every input value is multiplied by each of its ``prod(k) * C_out/groups`` weights and
    added into the output (products that land in the cropped border included).

    Examples:
        >>> conv_transpose_macs(12 * 12, (3, 3), 8, 4)
        41472
    """
    positions = non_negative_int("input_positions", input_positions)
    cells = _kernel_cells(kernel_size)
    group_count = positive_int("groups", groups)
    inputs = non_negative_int("in_channels", in_channels)
    _grouped("in_channels", inputs, group_count)
    outputs = _grouped(
        "out_channels", non_negative_int("out_channels", out_channels), group_count
    )
    return positions * inputs * outputs * cells


def depthwise_conv_macs(
    output_positions: int,
    kernel_size: Sequence[int],
    channels: int,
    depth_multiplier: int = 1,
) -> int:
    """MACs of a depthwise convolution: ``positions * C * m * prod(k)``.

    Examples:
        >>> depthwise_conv_macs(112 * 112, (3, 3), 32)  # MobileNet's first depthwise
        3612672
    """
    positions = non_negative_int("output_positions", output_positions)
    return (
        positions
        * non_negative_int("channels", channels)
        * positive_int("depth_multiplier", depth_multiplier)
        * _kernel_cells(kernel_size)
    )


def separable_conv_macs(
    output_positions: int,
    kernel_size: Sequence[int],
    channels: int,
    filters: int,
    depth_multiplier: int = 1,
) -> int:
    """MACs of a separable convolution: the depthwise step plus the 1x1 step.

    ``positions * C*m * prod(k) + positions * C*m * D``.

    Examples:
        >>> separable_conv_macs(10 * 10, (3, 3), 32, 64)
        233600
    """
    positions = non_negative_int("output_positions", output_positions)
    middle = non_negative_int("channels", channels) * positive_int(
        "depth_multiplier", depth_multiplier
    )
    return (
        positions
        * middle
        * (_kernel_cells(kernel_size) + non_negative_int("filters", filters))
    )


def dense_macs(in_features: int, units: int, vectors: int = 1) -> int:
    """MACs of a dense (fully connected) layer applied to ``vectors`` vectors.

    Examples:
        >>> dense_macs(7 * 7 * 512, 4096)  # VGG16's first fully connected layer
        102760448
    """
    return (
        non_negative_int("vectors", vectors)
        * non_negative_int("in_features", in_features)
        * non_negative_int("units", units)
    )


def layer_macs(call: LayerCall) -> int:
    """Multiply-accumulates of one call, by the convention of this module.

    Examples:
        >>> layer_macs(LayerCall("fc", "Dense", "dense", (None, 10), in_channels=84,
        ...                      out_channels=10))
        840
    """
    kind = call.kind
    if kind is Kind.CONV:
        return conv_macs(
            call.batch * _prod(call.output_spatial),
            call.kernel_size,
            call.in_channels,
            call.out_channels,
            call.groups,
        )
    if kind is Kind.CONV_TRANSPOSE:
        return conv_transpose_macs(
            call.batch * _prod(call.input_spatial),
            call.kernel_size,
            call.in_channels,
            call.out_channels,
            call.groups,
        )
    if kind is Kind.DEPTHWISE:
        return depthwise_conv_macs(
            call.batch * _prod(call.output_spatial),
            call.kernel_size,
            call.in_channels,
            call.depth_multiplier,
        )
    if kind is Kind.SEPARABLE:
        return separable_conv_macs(
            call.batch * _prod(call.output_spatial),
            call.kernel_size,
            call.in_channels,
            call.out_channels,
            call.depth_multiplier,
        )
    if kind is Kind.DENSE:
        return dense_macs(
            call.in_channels, call.out_channels, _prod(call.output_shape[:-1])
        )
    return 0


def torchinfo_mult_adds(call: LayerCall) -> int:
    """torchinfo's mult-adds for one call (its ``LayerInfo.calculate_macs``).

    torchinfo goes by the parameters' names and the class name. A parameter named
    ``weight`` or ``bias`` counts once per output position (``batch * spatial``: the
    output shape without its channel axis) in a layer whose class name holds ``"Conv"``,
    and once per sample in any other layer; a parameter whose name merely holds
    ``weight`` or ``bias`` (an LSTM's ``weight_ih_l0``, a container's ``0.weight``) counts
    once per ``batch * channels`` of the output; any other parameter counts 0. A call
    without [`param_counts`][convdims.description.LayerCall] (a Keras layer) counts its
    learned parameters as weights and biases; running statistics (Keras's BatchNorm
    moving mean and variance) are not learned and count 0.

    Examples:
        >>> torchinfo_mult_adds(LayerCall("bn", "BatchNormalization", "batch_norm",
        ...                               (None, 8, 8, 16), params=64, statistics=32))
        32
        >>> torchinfo_mult_adds(LayerCall("c", "Conv2d", "conv", (2, 5, 30, 30),
        ...                               output_spatial=(30, 30), params=140))
        252000
        >>> torchinfo_mult_adds(LayerCall("lstm", "LSTM", "other", (1, 7, 20),
        ...     param_counts=(("weight_ih_l0", 800), ("bias_ih_l0", 80), ("h0", 20))))
        6160
    """
    if call.param_counts:
        return _torchinfo_scaled(
            _torchinfo_factors(call.type, call.param_counts), call.output_shape
        )
    learned = call.params - call.statistics
    if "Conv" in call.type:
        return learned * call.batch * _prod(call.output_spatial)
    return learned * call.batch


def _torchinfo_named(name: str) -> bool:
    """Whether torchinfo's rule counts a parameter of this (dotted) name at all."""
    return "weight" in name or "bias" in name


def _torchinfo_factors(
    type_name: str, param_counts: Iterable[tuple[str, int]]
) -> tuple[int, int, int]:
    """torchinfo's rule before the output shape: the parameter elements that count once
    per output position (``weight`` and ``bias`` of a ``Conv`` class), once per sample
    (``weight`` and ``bias`` of any other class), and once per batch and channel (a
    name that merely holds ``weight`` or ``bias``). A module's factors do not change
    from call to call; [`torchinfo_mult_adds`][convdims.analysis.torchinfo_mult_adds]
    scales them by the call's output."""
    conv = "Conv" in type_name
    position = sample = channel = 0
    for name, count in param_counts:
        if name in ("weight", "bias"):
            if conv:
                position += count
            else:
                sample += count
        elif _torchinfo_named(name):
            channel += count
    return position, sample, channel


def _torchinfo_scaled(factors: tuple[int, int, int], shape: Sequence[int | None]) -> int:
    """torchinfo's mult-adds of a call whose parameters have these factors
    (``_torchinfo_factors``) and whose output has this shape."""
    position, sample, channel = factors
    sizes = [1 if v is None else v for v in shape]
    batch = sizes[0] if sizes else 1
    return (
        position * math.prod(sizes[:1] + sizes[2:])
        + sample * batch
        + channel * math.prod(sizes[:2])
    )

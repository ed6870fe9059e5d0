"""Receptive field of a stack of layers along one axis.

For a chain of convolution or pooling layers (kernel k, stride s, padding p, dilation d
along one axis), Araujo, Norris and Sim (Distill, 2019, doi:10.23915/distill.00021) give
three recurrences from the last layer L back to the input, with ``r_L = 1``,
``S_L = 1`` and ``P_L = 0``:

- size: ``r_{l-1} = s_l * r_l + (K_l - s_l)``,
- effective stride: ``S_{l-1} = s_l * S_l``,
- effective padding: ``P_{l-1} = s_l * P_l + p_l``,

where ``K_l = d_l*(k_l - 1) + 1`` is the effective kernel (dilation's holes included)
and ``p_l`` the padding before the input. Output cell ``n`` of layer L then spans the
input cells ``n*S_0 - P_0 .. n*S_0 - P_0 + r_0 - 1`` (negative indices and indices past
the end are padding). Inside that span a dilated kernel, or a stride larger than the
kernel below it, can leave holes: [`receptive_trace`][convdims.receptive.receptive_trace]
lists the cells actually read.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from convdims._checks import non_negative_int, positive_int, shown
from convdims._values import value
from convdims.convolution import conv_geometry
from convdims.errors import ArgumentError
from convdims.geometry import AxisGeometry
from convdims.window import AxisWindow

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

#: The most taps a [`receptive_trace`][convdims.receptive.receptive_trace] follows: a trace
#: names every cell it reads, so its cost grows with the fields it follows.
MAX_TRACE_CELLS = 1_000_000

#: One layer along one axis: ``kernel`` or ``(kernel, stride, padding, dilation)`` with
#: trailing items optional; padding is an int (each side) or a ``(before, after)`` pair.
LayerSpec = int | Sequence["Any"]  # a string: typing is not imported at run time


#: One layer's window along one axis, as the receptive-field recurrences need it: the
#: library's shared [`AxisWindow`][convdims.AxisWindow] (this name is kept for callers).
AxisLayer = AxisWindow


@value
class ReceptiveField:
    """The input cells one output cell of a layer stack depends on, in closed form.

    Attributes:
        size: r, the span of input cells one output cell sees (holes included).
        stride: the effective stride (jump): moving one output cell moves the span by
            this many input cells.
        padding: the effective padding: output cell 0's span starts this many cells
            before input cell 0.
    """

    size: int
    stride: int
    padding: int

    def span(self, index: int) -> tuple[int, int]:
        """First and last input cell (inclusive) output cell ``index`` sees.

        Negative values and values past the input's end lie in the padding.

        Examples:
            >>> receptive_field([(3, 1, 1), (2, 2)]).span(0)
            (-1, 2)
        """
        first = index * self.stride - self.padding
        return first, first + self.size - 1


def _layers(layers: Iterable[LayerSpec | AxisLayer]) -> tuple[AxisLayer, ...]:
    return tuple(AxisLayer.of(spec) for spec in layers)


def receptive_field(layers: Iterable[LayerSpec | AxisLayer]) -> ReceptiveField:
    """Receptive field size, effective stride and effective padding of a layer stack.

    Araujo et al.'s recurrences, run from the last layer back to the input:
    ``r <- s*r + (K - s)``, ``S <- s*S``, ``P <- s*P + p_before``, starting from
    ``r = S = 1, P = 0``; ``K = d*(k - 1) + 1``.

    Args:
        layers: the stack from input to output; each item a kernel size, a
            ``(kernel, stride, padding, dilation)`` tuple (trailing items optional) or an
            ``AxisLayer``. An empty stack is the identity.

    Returns:
        The [`ReceptiveField`][convdims.receptive.ReceptiveField] of one output cell of the
        last layer.

    Raises:
        TypeError, ValueError: a layer that cannot be read.

    VGG-16's convolutions (3x3, padding 1) and 2x2 poolings up to pool5:

    Examples:
        >>> vgg = [(3, 1, 1)] * 2 + [(2, 2)] + [(3, 1, 1)] * 2 + [(2, 2)] + (
        ...     [(3, 1, 1)] * 3 + [(2, 2)]) * 3
        >>> receptive_field(vgg)
        ReceptiveField(size=212, stride=32, padding=90)
        >>> receptive_field([(3, 1, 0, 2), (3, 1, 0, 4)]).size
        13
    """
    size, stride, padding = 1, 1, 0
    for layer in reversed(_layers(layers)):
        size = layer.stride * size + (layer.effective_kernel - layer.stride)
        stride = layer.stride * stride
        padding = layer.stride * padding + layer.pad_before
    return ReceptiveField(size, stride, padding)


def receptive_fields(layers: Iterable[LayerSpec | AxisLayer]) -> tuple[ReceptiveField, ...]:
    """The receptive field after each layer: entry ``l`` is that of layer ``l``'s output.

    Entry 0 is the input itself (size 1, stride 1, padding 0), so there is one more
    entry than layers.

    Examples:
        >>> [f.size for f in receptive_fields([3, 3, (2, 2), 3])]
        [1, 3, 5, 6, 10]
    """
    stack = _layers(layers)
    return tuple(receptive_field(stack[:depth]) for depth in range(len(stack) + 1))


@value
class TraceLevel:
    """The cells of one feature map that a chosen output cell depends on.

    Attributes:
        size: the feature map's length along the axis (level 0 is the input).
        cells: indices of the map (0-based) the output cell depends on, ascending.
        padding_cells: indices outside ``0 .. size - 1`` (negative: padding before;
            ``size`` and up: padding after) that the windows read.
        field: the closed-form [`ReceptiveField`][convdims.receptive.ReceptiveField] of the
            output cell on this map.
        geometry: the window of the layer that reads this map (None for the top level).
    """

    size: int
    cells: tuple[int, ...]
    padding_cells: tuple[int, ...]
    field: ReceptiveField
    geometry: AxisGeometry | None


def receptive_trace(
    input_size: int, layers: Iterable[LayerSpec | AxisLayer], index: int | None = None
) -> tuple[TraceLevel, ...]:
    """Which cells of every feature map one output cell depends on, layer by layer.

    Follows the windows down from output cell ``index`` of the last layer, using each
    layer's [`AxisGeometry`][convdims.AxisGeometry] (its window starts and taps).

    Args:
        input_size: cells along the axis at the input.
        layers: the stack, as for [`receptive_field`][convdims.receptive.receptive_field].
        index: the output cell of the last layer; None picks the middle one
            (``(O - 1) // 2``).

    Returns:
        One [`TraceLevel`][convdims.receptive.TraceLevel] per feature map, input first and
        the output last (whose
        ``cells`` is just ``(index,)``).

    Raises:
        ValueError: index outside the output, or a layer that leaves no window.

    Examples:
        >>> levels = receptive_trace(7, [(3, 1, 1), (3, 2)], index=2)
        >>> [lv.size for lv in levels], levels[0].cells, levels[0].padding_cells
        ([7, 7, 3], (3, 4, 5, 6), (7,))
    """
    stack = _layers(layers)
    # The walk reads each traced cell's taps: bounded by the fields it follows.
    work = sum(
        receptive_field(stack[level + 1 :]).size * stack[level].kernel_size
        for level in range(len(stack))
    )
    if work > MAX_TRACE_CELLS:
        widest = receptive_field(stack).size
        raise ArgumentError(
            f"one output cell of these layers sees {shown(widest)} input cells (a trace "
            f"of about {shown(work)} taps); a trace lists every cell it reads, so it is "
            f"limited to {MAX_TRACE_CELLS:,} taps (receptive_field gives the size, stride "
            "and padding in closed form)",
            argument="layers",
            value=layers,
            valid=f"layers whose trace reads at most {MAX_TRACE_CELLS:,} taps",
        )
    geometries: list[AxisGeometry] = []
    size = positive_int("input_size", input_size)
    sizes = [size]
    for layer in stack:
        geometry = conv_geometry(
            size,
            layer.kernel_size,
            layer.stride,
            (layer.pad_before, layer.pad_after),
            layer.dilation,
        )
        geometries.append(geometry)
        size = geometry.output_size
        sizes.append(size)
    if index is None:
        index = (size - 1) // 2
    index = non_negative_int("index", index)
    if index >= size:
        raise ArgumentError(
            f"index={index} is outside the output of {size} cell(s); use 0..{size - 1}",
            argument="index",
            value=index,
            valid=f"0..{size - 1}",
        )
    # Walk down: the field of the top cell on map l is that of the stack above l.
    levels: list[TraceLevel] = []
    seen = {index}
    depth = len(stack)
    levels.append(TraceLevel(size, (index,), (), ReceptiveField(1, 1, 0), None))
    for level in range(depth - 1, -1, -1):
        geometry = geometries[level]
        below = set()
        for cell in seen:
            start = cell * geometry.stride
            below.update(tap - geometry.pad_before for tap in geometry.taps(start))
        seen = {cell for cell in below if 0 <= cell < sizes[level]}
        outside = tuple(sorted(cell for cell in below if not 0 <= cell < sizes[level]))
        field = receptive_field(stack[level:])
        levels.append(
            TraceLevel(sizes[level], tuple(sorted(seen)), outside, field, geometry)
        )
    return tuple(reversed(levels))


__all__ = [
    "MAX_TRACE_CELLS",
    "AxisLayer",
    "LayerSpec",
    "ReceptiveField",
    "TraceLevel",
    "receptive_field",
    "receptive_fields",
    "receptive_trace",
]

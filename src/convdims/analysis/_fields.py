"""Receptive fields through a model graph, call by call.

Per spatial axis, the [`ReceptiveField`][convdims.receptive.ReceptiveField] of one output
cell
with respect to the model's input (Araujo, Norris and Sim, 2019), dilation through the
effective kernel. Where branches meet, the field is the union of the branches' spans
(for centred branches: the largest one). A dense layer after a flatten, and global
pooling, span the whole feature map. After an upsampling layer (a transposed convolution
with stride > 1, UpSampling) the field is None: the output is no longer a sliding window
over the input.
"""

from __future__ import annotations

from collections.abc import Sequence

from convdims._values import value
from convdims.description import Kind, LayerCall
from convdims.receptive import ReceptiveField

_UNCHANGED = frozenset(
    {
        Kind.ACTIVATION,
        Kind.DROPOUT,
        Kind.IDENTITY,
        Kind.BATCH_NORM,
        Kind.NORMALIZATION,
        Kind.MERGE,
    }
)
_SLIDING = frozenset({Kind.CONV, Kind.DEPTHWISE, Kind.SEPARABLE, Kind.POOL})


@value
class FieldState:
    """What the analysis knows of a tensor: its cells' fields and the map they lie on.

    ``flat`` marks a flattened tensor: ``sizes`` is the map before flattening, which a
    dense layer then spans whole.
    """

    fields: tuple[ReceptiveField, ...] | None
    sizes: tuple[int | None, ...]
    flat: bool = False


def _window(
    field_: ReceptiveField, kernel: int, stride: int, pad_before: int
) -> ReceptiveField:
    """The field after a window of ``kernel`` cells, stride and padding, on a map whose
    cells have ``field_`` (the forward form of Araujo et al.'s recurrences)."""
    return ReceptiveField(
        field_.size + (kernel - 1) * field_.stride,
        field_.stride * stride,
        field_.padding + pad_before * field_.stride,
    )


def union(fields: Sequence[ReceptiveField]) -> ReceptiveField:
    """The field of a cell that depends on cells with these fields (branches meeting).

    With equal effective strides: the union of the spans. Otherwise the largest field.

    Examples:
        >>> union([ReceptiveField(5, 1, 2), ReceptiveField(3, 1, 1)])
        ReceptiveField(size=5, stride=1, padding=2)
        >>> union([ReceptiveField(3, 1, 0), ReceptiveField(3, 1, 1)])
        ReceptiveField(size=4, stride=1, padding=1)
    """
    if len({f.stride for f in fields}) != 1:
        return max(fields, key=lambda f: (f.size, f.padding))
    start = min(-f.padding for f in fields)
    end = max(-f.padding + f.size - 1 for f in fields)
    return ReceptiveField(end - start + 1, fields[0].stride, -start)


def merge(states: Sequence[FieldState]) -> FieldState:
    """The state where branches meet (the inputs of one call)."""
    if not states:
        return FieldState((), ())
    if len(states) == 1:
        return states[0]
    first = states[0]
    if any(s.fields is None for s in states):
        return FieldState(None, first.sizes, first.flat)
    ranks = {len(s.fields or ()) for s in states}
    if len(ranks) != 1:
        return FieldState(None, first.sizes, first.flat)
    fields = tuple(
        union([s.fields[axis] for s in states])  # type: ignore[index]
        for axis in range(len(first.fields or ()))
    )
    return FieldState(fields, first.sizes, any(s.flat for s in states))


def _span_all(state: FieldState) -> FieldState:
    """A window over the whole map (dense after flatten, global pooling)."""
    if state.fields is None:
        return FieldState(None, tuple(1 for _ in state.sizes))
    fields = tuple(
        _window(f, 1 if size is None else size, 1 if size is None else size, 0)
        for f, size in zip(state.fields, state.sizes, strict=False)
    )
    return FieldState(fields, tuple(1 for _ in state.sizes))


def _adaptive(state: FieldState, out_sizes: Sequence[int | None]) -> FieldState:
    if state.fields is None:
        return FieldState(None, tuple(out_sizes))
    fields = []
    for f, size, out in zip(state.fields, state.sizes, out_sizes, strict=False):
        if size is None or out is None or out == size:
            fields.append(f)
            continue
        # Bin i covers floor(i*I/O) .. ceil((i+1)*I/O) - 1: the widest bin, the mean step.
        widest = max(-(-(i + 1) * size // out) - (i * size // out) for i in range(out))
        fields.append(_window(f, widest, max(size // out, 1), 0))
    return FieldState(tuple(fields), tuple(out_sizes))


def next_state(call: LayerCall, state: FieldState) -> FieldState:
    """The state of a call's output, from the (merged) state of its inputs."""
    kind = call.kind
    out = tuple(call.output_spatial)
    if kind is Kind.INPUT:
        return FieldState(tuple(ReceptiveField(1, 1, 0) for _ in out), out)
    if kind is Kind.FLATTEN or (kind is Kind.RESHAPE and not out):
        return FieldState(state.fields, state.sizes, True)
    if kind is Kind.DENSE:
        if state.flat or (not call.output_spatial and state.sizes):
            return _span_all(state)
        return state
    if kind in _UNCHANGED:
        return state
    if state.fields is None:
        return FieldState(None, out)
    if kind is Kind.GLOBAL_POOL:
        return _span_all(state)
    if kind is Kind.ADAPTIVE_POOL:
        return _adaptive(state, out)
    if state.flat or len(state.fields) != len(out):
        return FieldState(None, out)
    if kind in _SLIDING and len(call.window) == len(out):
        fields = tuple(
            _window(f, w.effective_kernel, w.stride, w.pad_before)
            for f, w in zip(state.fields, call.window, strict=True)
        )
        return FieldState(fields, out)
    if kind is Kind.CONV_TRANSPOSE and len(call.window) == len(out):
        if any(w.stride != 1 for w in call.window):
            return FieldState(None, out)
        fields = tuple(
            _window(f, w.effective_kernel, 1, w.effective_kernel - 1 - w.pad_before)
            for f, w in zip(state.fields, call.window, strict=True)
        )
        return FieldState(fields, out)
    if kind in (Kind.PADDING, Kind.CROPPING) and len(call.window) == len(out):
        sign = 1 if kind is Kind.PADDING else -1
        fields = tuple(
            _window(f, 1, 1, sign * w.pad_before)
            for f, w in zip(state.fields, call.window, strict=True)
        )
        return FieldState(fields, out)
    if kind is Kind.UPSAMPLING:
        return FieldState(None, out)
    # reshape, other: the field is known only if the map is unchanged.
    if tuple(state.sizes) == out:
        return FieldState(state.fields, out)
    return FieldState(None, out)

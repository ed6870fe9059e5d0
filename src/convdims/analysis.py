"""Multiply-accumulates, memory and receptive fields, layer by layer.

The dialects describe each layer call of a model as a framework-neutral
:class:`LayerCall` (what it is, its shapes, its window, which earlier calls feed it);
:func:`measure_calls` turns that list into one :class:`LayerMeasures` per call, and
:func:`measures` does both for a model of either dialect.

Conventions (the site's "MACs, memory and receptive fields" page explains them):

- ``macs``: multiplications by a weight, each with its accumulation. A convolution
  makes ``k^d * C_in/groups`` of them per output value, a dense layer ``in_features``
  per output value, a transposed convolution ``k^d * C_out/groups`` per *input* value
  (each input value is scattered through the kernel). Biases (an addition, no multiply),
  BatchNorm (folded into the convolution before it at inference), pooling, activations
  and merges count 0. FLOPs = 2 x MACs. This is the count behind torchvision's published
  figures.
- ``mult_adds``: torchinfo's rule, for comparison with its "Total mult-adds": every
  weight and bias of a convolution (transposed too) times the output positions; every
  learned parameter of any other layer (Linear, BatchNorm's scale and shift) once per
  sample.
- ``activations``: elements of the layer's output (a batch of ``None`` counts as 1);
  ``stored`` says whether cs231n's memory count includes it (activations, dropout and
  flatten/reshape act in place or make views and are not counted; the input is).
- ``weights``: parameters without the biases (cs231n's "weights").
- ``receptive_field``: per spatial axis, the :class:`~convdims.receptive.ReceptiveField`
  of one output cell with respect to the model's input (Araujo, Norris and Sim, 2019),
  dilation through the effective kernel ``K = d*(k - 1) + 1``. Where branches meet, the
  field is the union of the branches' spans (for centred branches: the largest one).
  A dense layer after a flatten, and global pooling, span the whole feature map. After
  an upsampling layer (a transposed convolution with stride > 1, UpSampling) the field
  is None: the output is no longer a sliding window over the input.

>>> calls = [
...     LayerCall("input", "Input", "input", (1, 3, 32, 32), output_spatial=(32, 32)),
...     LayerCall("conv", "Conv2d", "conv", (1, 5, 30, 30), input_spatial=(32, 32),
...               output_spatial=(30, 30), in_channels=3, out_channels=5,
...               kernel_size=(3, 3), params=140, bias_params=5, inputs=(0,)),
... ]
>>> conv = measure_calls(calls)[1]
>>> conv.macs, conv.flops, conv.mult_adds, conv.activations, conv.receptive_field[0]
(121500, 243000, 126000, 4500, ReceptiveField(size=3, stride=1, padding=0))
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from convdims.receptive import ReceptiveField

#: The layer kinds a :class:`LayerCall` may have.
KINDS = (
    "input",
    "conv",
    "conv_transpose",
    "depthwise",
    "separable",
    "dense",
    "pool",
    "adaptive_pool",
    "global_pool",
    "batch_norm",
    "normalization",
    "activation",
    "dropout",
    "identity",
    "flatten",
    "reshape",
    "padding",
    "cropping",
    "upsampling",
    "merge",
    "other",
)

#: Kinds that modify their input in place or return a view of it: cs231n's memory count
#: leaves them out.
NOT_STORED = frozenset({"activation", "dropout", "identity", "flatten", "reshape"})

_CONV_KINDS = frozenset({"conv", "conv_transpose", "depthwise", "separable"})


def _prod(values: Iterable[int | None]) -> int:
    return math.prod(1 if v is None else v for v in values)


# Multiply-accumulates of one layer ---------------------------------------------------


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

    Examples:
        >>> conv_macs(224 * 224, (3, 3), 3, 64)  # VGG16's first convolution
        86704128
        >>> conv_macs(56 * 56, (3, 3), 128, 128, groups=32)  # ResNeXt's grouped 3x3
        14450688
    """
    return output_positions * out_channels * (in_channels // groups) * _prod(kernel_size)


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
    return input_positions * in_channels * (out_channels // groups) * _prod(kernel_size)


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
    return output_positions * channels * depth_multiplier * _prod(kernel_size)


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
    middle = channels * depth_multiplier
    return output_positions * middle * (_prod(kernel_size) + filters)


def dense_macs(in_features: int, units: int, vectors: int = 1) -> int:
    """MACs of a dense (fully connected) layer applied to ``vectors`` vectors.

    Examples:
        >>> dense_macs(7 * 7 * 512, 4096)  # VGG16's first fully connected layer
        102760448
    """
    return vectors * in_features * units


# What the dialects hand over and what comes back -------------------------------------


@dataclass(frozen=True)
class LayerCall:
    """One call of one layer, described without its framework.

    Attributes:
        name: the layer's name in its model.
        type: its class name (``"Conv2D"``, ``"Conv2d"``).
        kind: one of :data:`KINDS`.
        output_shape: the (first) output's shape, batch first (``None`` allowed).
        input_spatial: the input's spatial sizes (``()`` when it has none).
        output_spatial: the output's spatial sizes.
        in_channels: channels (or features) in; for a dense layer the input features.
        out_channels: channels (or units) out.
        kernel_size: per spatial axis (for windows: conv, pooling).
        strides: per spatial axis.
        dilation: per spatial axis.
        pad_before: per spatial axis, the cells added before the input (negative for
            cropping); for a transposed convolution, the padding of the convolution it
            is the transpose of.
        groups: convolution groups.
        depth_multiplier: depthwise and separable convolutions.
        params: parameters as the framework counts them.
        bias_params: of which biases (the bias vector; BatchNorm's shift).
        statistics: of which running statistics, not learned (Keras's BatchNorm
            moving mean and variance).
        param_bytes: memory of the parameters.
        mult_adds: torchinfo's count when the dialect has it; None computes it.
        inputs: indices of the earlier calls whose outputs this call takes.
    """

    name: str
    type: str
    kind: str
    output_shape: tuple[int | None, ...]
    input_spatial: tuple[int | None, ...] = ()
    output_spatial: tuple[int | None, ...] = ()
    in_channels: int = 0
    out_channels: int = 0
    kernel_size: tuple[int, ...] = ()
    strides: tuple[int, ...] = ()
    dilation: tuple[int, ...] = ()
    pad_before: tuple[int, ...] = ()
    groups: int = 1
    depth_multiplier: int = 1
    params: int = 0
    bias_params: int = 0
    statistics: int = 0
    param_bytes: int = 0
    mult_adds: int | None = None
    inputs: tuple[int, ...] = ()

    def __post_init__(self) -> None:
        if self.kind not in KINDS:
            raise ValueError(f"kind={self.kind!r} is not one of {', '.join(KINDS)}")

    @property
    def batch(self) -> int:
        """The batch size (1 when unknown)."""
        first = self.output_shape[0] if self.output_shape else None
        return 1 if first is None else first


@dataclass(frozen=True)
class LayerMeasures:
    """What one layer call costs and sees.

    Attributes:
        name: the layer's name.
        type: its class name.
        kind: one of :data:`KINDS`.
        output_shape: the output's shape.
        params: parameters as the framework counts them.
        weights: parameters without biases (and without running statistics).
        param_bytes: memory of the parameters.
        macs: multiply-accumulates (see the module's conventions).
        mult_adds: torchinfo's mult-adds.
        activations: elements of the output.
        activation_bytes: ``activations`` times the bytes per element asked for.
        stored: cs231n's memory count includes this output.
        receptive_field: per spatial axis, the field of one output cell on the input;
            ``()`` without spatial axes; None where it is not defined (after upsampling).
    """

    name: str
    type: str
    kind: str
    output_shape: tuple[int | None, ...]
    params: int
    weights: int
    param_bytes: int
    macs: int
    mult_adds: int
    activations: int
    activation_bytes: int
    stored: bool
    receptive_field: tuple[ReceptiveField, ...] | None = field(default=())

    @property
    def flops(self) -> int:
        """Floating-point operations: 2 x MACs (one multiply, one add)."""
        return 2 * self.macs


@dataclass(frozen=True)
class Totals:
    """Sums over a model's layer calls.

    Attributes:
        macs, mult_adds, params, weights, param_bytes: sums over the calls.
        activations, activation_bytes: every output, the input included.
        stored_activations, stored_activation_bytes: cs231n's count: the input and
            every output that is not made in place or as a view.
    """

    macs: int
    mult_adds: int
    params: int
    weights: int
    param_bytes: int
    activations: int
    activation_bytes: int
    stored_activations: int
    stored_activation_bytes: int

    @property
    def flops(self) -> int:
        """2 x MACs."""
        return 2 * self.macs


# Receptive fields --------------------------------------------------------------------


@dataclass(frozen=True)
class _State:
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


def _merge(states: Sequence[_State]) -> _State:
    if not states:
        return _State((), ())
    if len(states) == 1:
        return states[0]
    first = states[0]
    if any(s.fields is None for s in states):
        return _State(None, first.sizes, first.flat)
    ranks = {len(s.fields or ()) for s in states}
    if len(ranks) != 1:
        return _State(None, first.sizes, first.flat)
    fields = tuple(
        union([s.fields[axis] for s in states])  # type: ignore[index]
        for axis in range(len(first.fields or ()))
    )
    return _State(fields, first.sizes, any(s.flat for s in states))


def _span_all(state: _State) -> _State:
    """A window over the whole map (dense after flatten, global pooling)."""
    if state.fields is None:
        return _State(None, tuple(1 for _ in state.sizes))
    fields = tuple(
        _window(f, 1 if size is None else size, 1 if size is None else size, 0)
        for f, size in zip(state.fields, state.sizes, strict=False)
    )
    return _State(fields, tuple(1 for _ in state.sizes))


def _adaptive(state: _State, out_sizes: Sequence[int | None]) -> _State:
    if state.fields is None:
        return _State(None, tuple(out_sizes))
    fields = []
    for f, size, out in zip(state.fields, state.sizes, out_sizes, strict=False):
        if size is None or out is None or out == size:
            fields.append(f)
            continue
        # Bin i covers floor(i*I/O) .. ceil((i+1)*I/O) - 1: the widest bin, the mean step.
        widest = max(-(-(i + 1) * size // out) - (i * size // out) for i in range(out))
        fields.append(_window(f, widest, max(size // out, 1), 0))
    return _State(tuple(fields), tuple(out_sizes))


def _next_state(call: LayerCall, state: _State) -> _State:
    kind = call.kind
    out = tuple(call.output_spatial)
    if kind == "input":
        return _State(tuple(ReceptiveField(1, 1, 0) for _ in out), out)
    if kind == "flatten" or (kind == "reshape" and not out):
        return _State(state.fields, state.sizes, True)
    if kind == "dense":
        if state.flat or (not call.output_spatial and state.sizes):
            return _span_all(state)
        return state
    if kind in (
        "activation",
        "dropout",
        "identity",
        "batch_norm",
        "normalization",
        "merge",
    ):
        return state
    if state.fields is None:
        return _State(None, out)
    if kind == "global_pool":
        return _span_all(state)
    if kind == "adaptive_pool":
        return _adaptive(state, out)
    if state.flat or len(state.fields) != len(out):
        return _State(None, out)
    rank = len(out)
    kernel = call.kernel_size or (1,) * rank
    strides = call.strides or (1,) * rank
    dilation = call.dilation or (1,) * rank
    pads = call.pad_before or (0,) * rank
    if kind in ("conv", "depthwise", "separable", "pool"):
        fields = tuple(
            _window(f, d * (k - 1) + 1, s, p)
            for f, k, s, p, d in zip(
                state.fields, kernel, strides, pads, dilation, strict=False
            )
        )
        return _State(fields, out)
    if kind == "conv_transpose":
        if any(s != 1 for s in strides):
            return _State(None, out)
        fields = tuple(
            _window(f, d * (k - 1) + 1, 1, d * (k - 1) - p)
            for f, k, p, d in zip(state.fields, kernel, pads, dilation, strict=False)
        )
        return _State(fields, out)
    if kind in ("padding", "cropping"):
        sign = 1 if kind == "padding" else -1
        fields = tuple(
            _window(f, 1, 1, sign * p) for f, p in zip(state.fields, pads, strict=False)
        )
        return _State(fields, out)
    if kind == "upsampling":
        return _State(None, out)
    # reshape, other: the field is known only if the map is unchanged.
    if tuple(state.sizes) == out:
        return _State(state.fields, out)
    return _State(None, out)


# MACs by kind ------------------------------------------------------------------------


def layer_macs(call: LayerCall) -> int:
    """Multiply-accumulates of one call, by the convention of this module.

    Examples:
        >>> layer_macs(LayerCall("fc", "Dense", "dense", (None, 10), in_channels=84,
        ...                      out_channels=10))
        840
    """
    batch = call.batch
    if call.kind == "conv":
        return conv_macs(
            batch * _prod(call.output_spatial),
            call.kernel_size,
            call.in_channels,
            call.out_channels,
            call.groups,
        )
    if call.kind == "conv_transpose":
        return conv_transpose_macs(
            batch * _prod(call.input_spatial),
            call.kernel_size,
            call.in_channels,
            call.out_channels,
            call.groups,
        )
    if call.kind == "depthwise":
        return depthwise_conv_macs(
            batch * _prod(call.output_spatial),
            call.kernel_size,
            call.in_channels,
            call.depth_multiplier,
        )
    if call.kind == "separable":
        return separable_conv_macs(
            batch * _prod(call.output_spatial),
            call.kernel_size,
            call.in_channels,
            call.out_channels,
            call.depth_multiplier,
        )
    if call.kind == "dense":
        return dense_macs(
            call.in_channels, call.out_channels, _prod(call.output_shape[:-1])
        )
    return 0


def torchinfo_mult_adds(call: LayerCall) -> int:
    """torchinfo's mult-adds for one call (its ``LayerInfo.calculate_macs``).

    Convolutions: parameters times ``batch * output positions``; other layers with
    parameters: learned parameters times the batch.

    Examples:
        >>> torchinfo_mult_adds(LayerCall("bn", "BatchNormalization", "batch_norm",
        ...                               (None, 8, 8, 16), params=64, statistics=32))
        32
    """
    learned = call.params - call.statistics
    if call.kind in _CONV_KINDS:
        return learned * call.batch * _prod(call.output_spatial)
    return learned * call.batch


# The whole list ----------------------------------------------------------------------


def measure_calls(
    calls: Sequence[LayerCall], bytes_per_element: int = 4
) -> list[LayerMeasures]:
    """Measure every call of a model, in order (a call's inputs come before it).

    Args:
        calls: the calls, inputs first, each naming the earlier calls it takes.
        bytes_per_element: for ``activation_bytes`` (4 for float32, 2 for float16).

    Returns:
        One :class:`LayerMeasures` per call.

    Raises:
        ValueError: a call takes a call that does not come before it.
    """
    states: list[_State] = []
    result: list[LayerMeasures] = []
    for index, call in enumerate(calls):
        for source in call.inputs:
            if not 0 <= source < index:
                raise ValueError(
                    f"call {index} ({call.name}) takes call {source}; inputs must be "
                    f"earlier calls (0..{index - 1})"
                )
        state = _next_state(call, _merge([states[i] for i in call.inputs]))
        states.append(state)
        elements = _prod(call.output_shape)
        result.append(
            LayerMeasures(
                name=call.name,
                type=call.type,
                kind=call.kind,
                output_shape=tuple(call.output_shape),
                params=call.params,
                weights=call.params - call.bias_params - call.statistics,
                param_bytes=call.param_bytes,
                macs=layer_macs(call),
                mult_adds=(
                    torchinfo_mult_adds(call) if call.mult_adds is None else call.mult_adds
                ),
                activations=elements,
                activation_bytes=elements * bytes_per_element,
                stored=call.kind not in NOT_STORED,
                receptive_field=state.fields,
            )
        )
    return result


def totals(layers: Iterable[LayerMeasures]) -> Totals:
    """Sum the measures of a model's calls.

    Examples:
        >>> calls = [LayerCall("x", "Input", "input", (None, 84)),
        ...          LayerCall("fc", "Dense", "dense", (None, 10), in_channels=84,
        ...                    out_channels=10, params=850, bias_params=10, inputs=(0,))]
        >>> t = totals(measure_calls(calls))
        >>> t.macs, t.flops, t.weights, t.activations
        (840, 1680, 840, 94)
    """
    items = list(layers)
    return Totals(
        macs=sum(m.macs for m in items),
        mult_adds=sum(m.mult_adds for m in items),
        params=sum(m.params for m in items),
        weights=sum(m.weights for m in items),
        param_bytes=sum(m.param_bytes for m in items),
        activations=sum(m.activations for m in items),
        activation_bytes=sum(m.activation_bytes for m in items),
        stored_activations=sum(m.activations for m in items if m.stored),
        stored_activation_bytes=sum(m.activation_bytes for m in items if m.stored),
    )


# Models of either dialect ------------------------------------------------------------

_DIALECTS: list[tuple[type, Callable[..., list[LayerCall]]]] = []


def register_dialect(model_type: type, describe: Callable[..., list[LayerCall]]) -> None:
    """Let :func:`measures` read models of ``model_type`` with ``describe``.

    ``describe(model, input_size)`` returns the model's :class:`LayerCall` list. The
    dialects register themselves when imported; the core imports none of them.
    """
    _DIALECTS[:] = [(t, d) for t, d in _DIALECTS if t is not model_type]
    _DIALECTS.append((model_type, describe))


def describe(model: Any, input_size: Any = None) -> list[LayerCall]:
    """The :class:`LayerCall` list of a model of either dialect.

    Raises:
        TypeError: not a model of a dialect that registered itself.
    """
    for model_type, function in _DIALECTS:
        if isinstance(model, model_type):
            return function(model, input_size)
    raise TypeError(
        f"model must be a convdims.keras model or a convdims.torch module, got "
        f"{type(model).__name__}"
    )


def measures(
    model: Any, input_size: Any = None, bytes_per_element: int = 4
) -> list[LayerMeasures]:
    """Per-call measures of a model of either dialect, inputs first.

    Args:
        model: a ``convdims.keras`` model, or a ``convdims.torch`` module.
        input_size: for a torch module, the input shape with the batch, e.g.
            ``(1, 3, 224, 224)`` (a Keras model knows its own).
        bytes_per_element: for the activation memory (4: float32).

    Returns:
        One :class:`LayerMeasures` per call: the inputs, then every layer (every leaf
        module for torch) in the order the forward pass runs them.

    Examples:
        >>> from convdims.torch import nn
        >>> rows = measures(nn.Sequential(nn.Conv2d(3, 5, 3), nn.MaxPool2d(2)),
        ...                 (1, 3, 32, 32))
        >>> [(m.type, m.macs, m.receptive_field[0].size) for m in rows]
        [('Input', 0, 1), ('Conv2d', 121500, 3), ('MaxPool2d', 0, 4)]
    """
    if (
        isinstance(bytes_per_element, bool)
        or not isinstance(bytes_per_element, int)
        or (bytes_per_element < 1)
    ):
        raise ValueError(
            f"bytes_per_element={bytes_per_element!r} must be a positive int "
            "(4 for float32)"
        )
    return measure_calls(describe(model, input_size), bytes_per_element)


def field_text(fields: tuple[ReceptiveField, ...] | None, what: str = "size") -> str:
    """One receptive-field attribute of a layer as a table cell: ``"212"``, ``"7x5"``.

    Equal values on every axis print once; ``""`` when there is none to show.

    Examples:
        >>> field_text((ReceptiveField(212, 32, 90),) * 2)
        '212'
        >>> field_text((ReceptiveField(7, 2, 3), ReceptiveField(5, 2, 2)), "padding")
        '3x2'
    """
    if not fields:
        return ""
    values = [getattr(f, what) for f in fields]
    if len(set(values)) == 1:
        return str(values[0])
    return "x".join(str(v) for v in values)


#: The analysis columns both dialects' summaries accept, with their titles (FLOPs are
#: 2 x MACs: no column of their own).
COLUMN_TITLES = {
    "macs": "MACs",
    "activations": "Activations",
    "activation_bytes": "Activation memory",
    "param_bytes": "Param memory",
    "receptive_field": "Receptive field",
    "effective_stride": "Effective stride",
    "effective_padding": "Effective padding",
}


def column_value(layer: LayerMeasures, column: str) -> int | str:
    """The value of an analysis column for one layer (an int, or the field's text).

    Examples:
        >>> m = LayerMeasures("c", "Conv2D", "conv", (None, 30, 30, 5), 140, 135, 560,
        ...                   121500, 126000, 4500, 18000, True,
        ...                   (ReceptiveField(3, 1, 0),) * 2)
        >>> column_value(m, "macs"), column_value(m, "receptive_field")
        (121500, '3')
    """
    if column == "receptive_field":
        return field_text(layer.receptive_field, "size")
    if column == "effective_stride":
        return field_text(layer.receptive_field, "stride")
    if column == "effective_padding":
        return field_text(layer.receptive_field, "padding")
    if column in COLUMN_TITLES:
        return getattr(layer, column)
    raise ValueError(
        f"unknown analysis column {column!r}; use any of {', '.join(COLUMN_TITLES)}"
    )

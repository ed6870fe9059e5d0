"""Per-call measures of a model graph: parameters, MACs, memory, receptive fields."""

from __future__ import annotations

import importlib
from collections.abc import Iterable, Sequence

from convdims._values import field, value
from convdims.analysis._fields import FieldState, merge, next_state
from convdims.analysis._macs import _prod, layer_macs, torchinfo_mult_adds
from convdims.description import NOT_STORED, Kind, LayerCall, ModelGraph
from convdims.errors import ArgumentError, ArgumentTypeError
from convdims.receptive import ReceptiveField

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any


@value
class LayerMeasures:
    """What one layer call costs and sees.

    Attributes:
        name: the layer's name.
        type: its class name.
        kind: its [`Kind`][convdims.description.Kind].
        output_shape: the output's shape.
        params: parameters as the framework counts them.
        weights: parameters without biases (and without running statistics).
        param_bytes: memory of the parameters.
        macs: multiply-accumulates (see the conventions of `convdims.analysis`).
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


@value
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


def measure_calls(
    calls: Sequence[LayerCall] | ModelGraph, bytes_per_element: int = 4
) -> list[LayerMeasures]:
    """Measure every call of a model, in order (a call's inputs come before it).

    Args:
        calls: a [`ModelGraph`][convdims.description.ModelGraph], or its calls, inputs
            first,
            each naming the earlier calls it takes.
        bytes_per_element: for ``activation_bytes`` (4 for float32, 2 for float16).

    Returns:
        One [`LayerMeasures`][convdims.analysis.LayerMeasures] per call.

    Raises:
        ValueError: a call takes a call that does not come before it.
    """
    graph = calls if isinstance(calls, ModelGraph) else ModelGraph(tuple(calls))
    states: list[FieldState] = []
    result: list[LayerMeasures] = []
    for call in graph.calls:
        state = next_state(call, merge([states[i] for i in call.inputs]))
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
                mult_adds=torchinfo_mult_adds(call),
                activations=elements,
                activation_bytes=elements * bytes_per_element,
                stored=call.kind not in NOT_STORED,
                receptive_field=state.fields,
            )
        )
    return result


def combine(
    parts: Sequence[LayerMeasures], end: LayerMeasures | None = None
) -> LayerMeasures:
    """One row's measures from several calls (a layer called twice, a nested model, a
    container): the sums of the counts, with the last call's shape and field.

    Examples:
        >>> a = LayerMeasures("c", "Conv2D", "conv", (None, 8), 10, 8, 40, 100, 110, 8,
        ...                   32, True)
        >>> combine([a, a]).macs, combine([a, a]).activations
        (200, 8)
    """
    last = end if end is not None else parts[-1]
    return LayerMeasures(
        name=last.name,
        type=last.type,
        kind=Kind.OTHER,
        output_shape=last.output_shape,
        params=sum(p.params for p in parts),
        weights=sum(p.weights for p in parts),
        param_bytes=sum(p.param_bytes for p in parts),
        macs=sum(p.macs for p in parts),
        mult_adds=sum(p.mult_adds for p in parts),
        activations=last.activations,
        activation_bytes=last.activation_bytes,
        stored=last.stored,
        receptive_field=last.receptive_field,
    )


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


def describe(model: Any, input_size: Any = None) -> ModelGraph:
    """The [`ModelGraph`][convdims.description.ModelGraph] of a model of either dialect.

    The same as ``convdims.keras.describe(model)`` or
    ``convdims.torch.describe(model, input_size)``; a graph is returned as it is.

    Raises:
        TypeError: not a model of a convdims dialect.
    """
    if isinstance(model, ModelGraph):
        return model
    dialect = getattr(type(model), "_dialect", None)
    if dialect not in ("convdims.keras", "convdims.torch"):
        raise ArgumentTypeError(
            f"model must be a convdims.keras model or a convdims.torch module, got "
            f"{type(model).__name__}",
            argument="model",
            value=model,
            valid="a convdims.keras model or a convdims.torch module",
        )
    return importlib.import_module(dialect).describe(model, input_size)


def measures(
    model: Any, input_size: Any = None, bytes_per_element: int = 4
) -> list[LayerMeasures]:
    """Per-call measures of a model of either dialect, inputs first.

    Args:
        model: a ``convdims.keras`` model, a ``convdims.torch`` module, or the
            [`ModelGraph`][convdims.description.ModelGraph] of one.
        input_size: for a torch module, the input shape with the batch, e.g.
            ``(1, 3, 224, 224)`` (a Keras model knows its own).
        bytes_per_element: for the activation memory (4: float32).

    Returns:
        One [`LayerMeasures`][convdims.analysis.LayerMeasures] per call: the inputs, then
        every layer (every leaf
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
        raise ArgumentError(
            f"bytes_per_element={bytes_per_element!r} must be a positive int "
            "(4 for float32)",
            argument="bytes_per_element",
            value=bytes_per_element,
            valid="a positive int",
        )
    return measure_calls(describe(model, input_size), bytes_per_element)

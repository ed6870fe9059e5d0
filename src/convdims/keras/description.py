"""A Keras-dialect model as the library's one description: a
[`ModelGraph`][convdims.description.ModelGraph] of
[`LayerCall`][convdims.description.LayerCall] records.

``describe`` walks the model's graph in the order Keras runs
it (nested models expanded in place) and asks each layer what it is: its class declares
its ``_kind`` and fills the fields only it knows (``_record_fields``: window, channels,
groups); the name, shapes and parameter counts are filled here, the same way for every
layer. The summary's analysis columns read the same graph
(``layer_measures``).

>>> from convdims import keras
>>> from convdims.keras import layers
>>> model = keras.Sequential([keras.Input((32, 32, 3)), layers.Conv2D(5, 3)])
>>> graph = describe(model)
>>> [(str(c.kind), c.output_shape, c.params) for c in graph]
[('input', (None, 32, 32, 3), 0), ('conv', (None, 30, 30, 5), 140)]
>>> graph[1].window[0]
AxisWindow(kernel_size=3, stride=1, pad_before=0, pad_after=0, dilation=1)
"""

from __future__ import annotations

from convdims.description import Kind, LayerCall, ModelGraph
from convdims.errors import ArgumentError
from convdims.keras import config
from convdims.keras.layers._convolution import spatial_of

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

    from convdims.analysis import LayerMeasures

_BIASES = frozenset({"bias", "beta"})
_STATISTICS = frozenset({"moving_mean", "moving_variance"})


def _call(layer: Any, node: Any, sources: tuple[int, ...], first: bool) -> LayerCall:
    """One call of a layer as a LayerCall: what every layer shares, then what its class
    declares."""
    in_shape = tuple(node.input_tensors[0].shape) if node.input_tensors else ()
    out_shape = tuple(node.outputs[0].shape)
    data_format = getattr(layer, "data_format", None) or config.image_data_format()
    weights = layer.weights if first else ()
    return LayerCall(
        layer.name,
        type(layer).__name__,
        layer._kind,
        out_shape,
        input_spatial=spatial_of(data_format, in_shape),
        output_spatial=spatial_of(data_format, out_shape),
        params=sum(w.size for w in weights),
        bias_params=sum(w.size for w in weights if w.name in _BIASES),
        statistics=sum(w.size for w in weights if w.name in _STATISTICS),
        param_bytes=int(sum(w.nbytes for w in weights)),
        inputs=sources,
        owner=layer,
        **layer._record_fields(in_shape, out_shape),
    )


def _input(layer: Any, node: Any) -> LayerCall:
    shape = tuple(node.outputs[0].shape)
    return LayerCall(
        layer.name,
        type(layer).__name__,
        Kind.INPUT,
        shape,
        output_spatial=tuple(shape[1:-1]) if len(shape) >= 3 else (),
        owner=layer,
    )


def _expand(
    graph: Any,
    produced: dict[int, int],
    calls: list[LayerCall],
    nested: dict[int, list[int]],
) -> None:
    """Append the calls of a functional graph, nested models expanded in place;
    ``nested`` gets, by id of each nested model, the indices of the calls made in it."""
    seen = {id(call.owner) for call in calls}
    for depth in sorted(graph._nodes_by_depth, reverse=True):
        for node in graph._nodes_by_depth[depth]:
            layer = node.operation
            if node.is_input:
                if all(id(t) in produced for t in node.outputs):
                    continue  # a nested model's input, already linked
                for tensor in node.outputs:
                    produced[id(tensor)] = len(calls)
                calls.append(_input(layer, node))
                continue
            if not all(id(x) in produced for x in node.input_tensors):
                continue
            inner = layer._inner_graph()
            if inner is not None:
                for inner_input, outer in zip(
                    inner.inputs, node.input_tensors, strict=False
                ):
                    produced[id(inner_input)] = produced[id(outer)]
                start = len(calls)
                _expand(inner, produced, calls, nested)
                for inner_output, outer in zip(inner.outputs, node.outputs, strict=False):
                    produced[id(outer)] = produced[id(inner_output)]
                nested.setdefault(id(layer), []).extend(range(start, len(calls)))
                seen.update(id(call.owner) for call in calls[start:])
                continue
            sources = tuple(sorted({produced[id(x)] for x in node.input_tensors}))
            first = id(layer) not in seen
            seen.add(id(layer))
            for tensor in node.outputs:
                produced[id(tensor)] = len(calls)
            calls.append(_call(layer, node, sources, first))


def _walk(model: Any) -> tuple[ModelGraph, dict[int, list[int]]]:
    calls: list[LayerCall] = []
    nested: dict[int, list[int]] = {}
    _expand(model._inner_graph(), {}, calls, nested)
    return ModelGraph(tuple(calls), model.name, "keras"), nested


def describe(model: Any, input_size: Any = None) -> ModelGraph:
    """The model as a [`ModelGraph`][convdims.description.ModelGraph]: its inputs, then
    every layer call in the order Keras runs the graph (nested models expanded).

    Args:
        model: a convdims.keras Sequential or functional model.
        input_size: not used (a Keras model knows its input shape); must be None.

    Raises:
        ValueError: an ``input_size``, or a Sequential model without an input shape.
    """
    if input_size is not None:
        raise ArgumentError(
            "input_size is for torch modules; a Keras model knows its input shape",
            argument="input_size",
            value=input_size,
            valid="None",
        )
    return _walk(model)[0]


def layer_measures(model: Any) -> dict[int, LayerMeasures]:
    """Each layer's measures, by ``id`` of the layer, for the summary's rows.

    The graph's calls grouped by their ``owner`` (a nested model owns every call made
    inside it): one call's measures, or the sums over the calls (a layer called twice,
    a nested model) with the last call's shape and field, by
    [`analysis.combine`][convdims.analysis.combine].
    """
    from convdims.analysis import combine, measure_calls

    graph, nested = _walk(model)
    measured = measure_calls(graph)
    groups: dict[int, list[int]] = {}
    for index, call in enumerate(graph):
        groups.setdefault(id(call.owner), []).append(index)
    groups.update(nested)
    return {
        key: measured[indices[0]]
        if len(indices) == 1
        else combine([measured[i] for i in indices])
        for key, indices in groups.items()
    }

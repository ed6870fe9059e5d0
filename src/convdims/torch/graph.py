"""A torch model as the framework-neutral [`ModelGraph`][convdims.description.ModelGraph].

The graph holds the model's inputs, then every call of a leaf module in the order the
calls return, each as the [`LayerCall`][convdims.description.LayerCall] its class fills
(``Module._layer_call``: the class declares its kind, window and channels). A call's
inputs are the calls that made the tensors it took; a tensor made outside modules
(``torch.flatten``, ``torch.cat``, ``x + y``) links to every module output not yet taken
that could have made it (the same elements, or the same batch and spatial sizes: the
branches that meet there), or else to the latest output.

>>> from convdims.torch import nn
>>> graph = describe(nn.Sequential(nn.Conv2d(3, 5, 3), nn.MaxPool2d(2)), (1, 3, 32, 32))
>>> [(call.type, str(call.kind), call.inputs) for call in graph]
[('Input', 'input', ()), ('Conv2d', 'conv', (0,)), ('MaxPool2d', 'pool', (1,))]
"""

from __future__ import annotations

import math

from convdims.analysis import torchinfo_mult_adds
from convdims.description import Kind, LayerCall, ModelGraph
from convdims.errors import ArgumentError
from convdims.torch.layer_info import LayerInfo
from convdims.torch.nn.module import Module
from convdims.torch.tensor import Tensor
from convdims.torch.tracing import Trace, input_tensors, trace

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any


def _could_make(shape: tuple[int | None, ...], tensor: Tensor) -> bool:
    """Whether a module output of ``shape`` may have become ``tensor`` outside modules:
    the same elements (a view, a flatten, an elementwise op) or the same batch and
    spatial sizes (a concatenation along the channels)."""
    target = tuple(tensor.shape)
    if math.prod(s or 1 for s in shape) == math.prod(target):
        return True
    return len(shape) == len(target) >= 3 and (
        shape[0] == target[0] and tuple(shape[2:]) == target[2:]
    )


def graph_of(recorded: Trace) -> ModelGraph:
    """The graph of a recorded forward pass; sets each row's ``call_index`` and its
    torchinfo ``mult_adds`` (the one rule,
    [`torchinfo_mult_adds`][convdims.analysis.torchinfo_mult_adds], on the call).
    """
    calls: list[LayerCall] = []
    produced: dict[int, int] = {}
    keep: list[Tensor] = []  # tensors stay alive, so their ids stay unique
    dangling: dict[int, None] = {}
    inputs = recorded.inputs
    for number, tensor in enumerate(inputs):
        shape = tuple(tensor.shape)
        produced[id(tensor)] = len(calls)
        calls.append(
            LayerCall(
                f"input{number}" if len(inputs) > 1 else "input",
                "Input",
                Kind.INPUT,
                shape,
                output_spatial=shape[2:],
            )
        )
        keep.append(tensor)
    for info in recorded.finished:
        if not info.is_leaf:
            out = info.out_tensors[0] if info.out_tensors else None
            info.call_index = None if out is None else produced.get(id(out))
            info.mult_adds = torchinfo_mult_adds(_container_call(info, recorded))
            continue
        sources: list[int] = []
        for tensor in info.in_tensors:
            source = produced.get(id(tensor))
            if source is not None:
                sources.append(source)
                continue
            fits = [i for i in dangling if _could_make(calls[i].output_shape, tensor)]
            if fits:
                sources.extend(fits)
            elif calls:
                sources.append(len(calls) - 1)
        if len(sources) > 1:
            sources = sorted(set(sources))
        for source in sources:
            dangling.pop(source, None)
        index = len(calls)
        call = info.module._layer_call(
            info.var_name,
            info.input_shape,
            info.output_shape,
            params=0 if info.is_recursive else info.num_params,
            param_bytes=0 if info.is_recursive else info.param_bytes,
            inputs=tuple(sources),
        )
        calls.append(call)
        info.call_index = index
        info.mult_adds = torchinfo_mult_adds(call)
        for tensor in info.out_tensors:
            produced[id(tensor)] = index
            keep.append(tensor)
        dangling[index] = None
    return ModelGraph(tuple(calls), type(recorded.model).__name__, "torch")


def _container_call(info: LayerInfo, recorded: Trace) -> LayerCall:
    """A container's call, for torchinfo's rule only: every parameter below it, by its
    dotted name (torchinfo counts a container's mult-adds, but totals only leaves')."""
    return LayerCall(
        info.var_name,
        info.class_name,
        Kind.OTHER,
        info.output_shape,
        param_counts=recorded.param_counts(info.module),
        owner=info.module,
    )


def describe(model: Module, input_size: Any = None) -> ModelGraph:
    """The model's [`ModelGraph`][convdims.description.ModelGraph]: its inputs, then
    every leaf call, from a forward pass on shape-only inputs of ``input_size``.

    Args:
        model: a convdims.torch module.
        input_size: the input shape with the batch, as for
            [`summary`][convdims.torch.summary], e.g. ``(1, 3, 224, 224)``, or a
            list of shapes for a model with several inputs.

    Raises:
        ValueError: no ``input_size`` (the description needs a forward pass), or one
            the model refuses.
    """
    if input_size is None:
        raise ArgumentError(
            "input_size is required to measure a torch module, e.g. (1, 3, 224, 224)",
            argument="input_size",
            value=None,
            valid="a shape with the batch, such as (1, 3, 224, 224)",
        )
    inputs, _ = input_tensors(input_size)
    return graph_of(trace(model, inputs))

"""What a volume diagram reads: one record per layer, from a list or from a model.

A model of either dialect (a ``convdims.keras`` model, a ``convdims.torch`` module) is
read through its description,
[`describe`][convdims.analysis.describe]'s
[`ModelGraph`][convdims.description.ModelGraph]: one record per layer call, its output
shape (channels last, whatever the framework's layout), its parameters and the calls that
feed it. Nothing here knows a framework's classes.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from convdims.description import Kind, LayerCall, ModelGraph
from convdims.draw._limits import MAX_LABEL, MAX_PARAMS, MAX_SIDE, MAX_VOLUMES, brief
from convdims.errors import ArgumentError, ArgumentTypeError

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any


@dataclass(frozen=True)
class Volume:
    """One layer as the volume diagram reads it.

    Attributes:
        label: the layer's name.
        shape: its output shape without the batch axis, channels last.
        params: its parameter count.
        inputs: labels of the layers it reads (empty: the previous record, if any).
    """

    label: str
    shape: tuple[int, ...]
    params: int
    inputs: tuple[str, ...] = ()


# --------------------------------------------------------------------------------------
# Checks: what a record may hold


def _label(raw: Any) -> str:
    """A label: printable text of at most MAX_LABEL characters."""
    label = str(raw)
    bad = next((c for c in label if unicodedata.category(c) in ("Cc", "Cs")), None)
    if bad is not None:
        raise ArgumentError(
            f"label {brief(label)} holds the control character U+{ord(bad):04X}; a "
            f"label must be printable text (it is drawn under the box)",
            argument="label",
            value=label,
            valid="printable text, no control characters",
        )
    if len(label) > MAX_LABEL:
        raise ArgumentError(
            f"label {brief(label)} has {len(label)} characters; a label is drawn under "
            f"its box and may have at most {MAX_LABEL}",
            argument="label",
            value=label,
            valid=f"at most {MAX_LABEL} characters",
        )
    return label


def _shape(raw: Any, channels: str, label: str) -> tuple[int, ...]:
    try:
        dims = list(raw)
    except TypeError:
        raise ArgumentTypeError(
            f"layer {label!r}: shape={brief(raw)} must be a sequence of sizes",
            argument="shape",
            value=raw,
            valid="a sequence of positive ints, after an optional leading None",
        ) from None
    if dims and dims[0] is None:
        dims = dims[1:]
    if not dims or any(
        isinstance(d, bool) or not isinstance(d, int) or d < 1 for d in dims
    ):
        raise ArgumentError(
            f"layer {label!r}: shape {brief(tuple(dims))} must be positive ints after an "
            f"optional leading None (the batch axis)",
            argument="shape",
            value=raw,
            valid="positive ints, after an optional leading None",
        )
    big = next((d for d in dims if d > MAX_SIDE), None)
    if big is not None:
        raise ArgumentError(
            f"layer {label!r}: a size of {brief(big)} in its shape is more than the "
            f"{MAX_SIDE:,} a volume diagram draws",
            argument="shape",
            value=raw,
            valid=f"sizes of at most {MAX_SIDE:,}",
        )
    if channels == "first" and len(dims) >= 2:
        dims = dims[1:] + dims[:1]
    return tuple(dims)


def _params(raw: Any, label: str) -> int:
    if isinstance(raw, bool) or not isinstance(raw, int) or not 0 <= raw <= MAX_PARAMS:
        raise ArgumentError(
            f"layer {label!r}: params={brief(raw)} must be an int of at least 0 (and at "
            f"most {MAX_PARAMS:,})",
            argument="params",
            value=raw,
            valid=f"an int from 0 to {MAX_PARAMS:,}",
        )
    return raw


def _count(n: int) -> None:
    if n > MAX_VOLUMES:
        raise ArgumentError(
            f"source has {n:,} layers; a volume diagram draws at most {MAX_VOLUMES} "
            f"boxes (a larger one is too wide to read): draw a part of the model",
            argument="source",
            value=n,
            valid=f"at most {MAX_VOLUMES} layers",
        )


# --------------------------------------------------------------------------------------
# Records given as a list


def _record(item: Any, channels: str) -> Volume:
    if isinstance(item, Volume):
        return Volume(
            _label(item.label),
            _shape(item.shape, "last", item.label),
            _params(item.params, item.label),
            tuple(item.inputs),
        )
    if isinstance(item, Mapping):
        label, shape, params = item["label"], item["shape"], item.get("params", 0)
        inputs = item.get("inputs", ())
    elif isinstance(item, Sequence) and not isinstance(item, str) and len(item) in (3, 4):
        label, shape, params = item[0], item[1], item[2]
        inputs = item[3] if len(item) == 4 else ()
    else:
        raise ArgumentTypeError(
            f"a layer record must be (label, shape, params) or (label, shape, params, "
            f"inputs), a mapping with those keys, or a Volume; got {brief(item)}",
            argument="source",
            value=item,
            valid="(label, shape, params[, inputs]) records, mappings or Volumes",
        )
    if isinstance(inputs, str):
        inputs = (inputs,)
    name = _label(label)
    return Volume(
        name,
        _shape(shape, channels, name),
        _params(params, name),
        tuple(str(i) for i in inputs),
    )


# --------------------------------------------------------------------------------------
# Records read from a model's description


def _layout(call: LayerCall, dialect: str, channels: str | None) -> str:
    """Where a call's channels are: the caller's word, else the graph's evidence (which
    end of the shape holds the spatial sizes), else the dialect's default."""
    if channels is not None:
        return channels
    shape = tuple(call.output_shape[1:])
    if call.kind is Kind.DENSE or len(shape) < 2:
        return "last"
    spatial = tuple(call.output_spatial)
    last = bool(spatial) and shape[:-1] == spatial
    first = bool(spatial) and shape[1:] == spatial
    if last != first:
        return "last" if last else "first"
    return "first" if dialect == "torch" else "last"


def _names(model: Any) -> dict[int, str]:
    """A torch module's qualified names (``features.0``) by module, where it has them."""
    named = getattr(model, "named_modules", None)
    if not callable(named):
        return {}
    return {id(module): name for name, module in named() if name}


def _unique(labels: list[str]) -> list[str]:
    """Labels made unique: a layer called again is ``name (call 2)``, and so on."""
    seen: dict[str, int] = {}
    taken = set(labels)
    out = []
    for label in labels:
        seen[label] = seen.get(label, 0) + 1
        if seen[label] == 1:
            out.append(label)
            continue
        n = seen[label]
        while f"{label} (call {n})" in taken:
            n += 1
        out.append(f"{label} (call {n})")
        taken.add(out[-1])
    return out


def _kinds(skip: Any) -> frozenset[Kind]:
    """The layer kinds to leave out, checked against [`Kind`][convdims.description.Kind]."""
    if isinstance(skip, str):
        skip = (skip,)
    try:
        words = list(skip)
    except TypeError:
        raise ArgumentTypeError(
            f"skip={brief(skip)} must be a collection of layer kinds",
            argument="skip",
            value=skip,
            valid=f"layer kinds: {', '.join(Kind)}",
        ) from None
    unknown = [w for w in words if w not in set(Kind)]
    if unknown:
        raise ArgumentError(
            f"skip={brief(skip)}: {brief(unknown[0])} is not a layer kind; the kinds are "
            f"{', '.join(Kind)}",
            argument="skip",
            value=skip,
            valid=f"layer kinds: {', '.join(Kind)}",
        )
    return frozenset(Kind(w) for w in words)


def from_graph(
    graph: ModelGraph,
    channels: str | None = None,
    names: dict[int, str] | None = None,
    skip: frozenset[Kind] = frozenset(),
) -> list[Volume]:
    """One record per call of a model graph, shapes channels last, inputs by label.

    Calls of a kind in ``skip`` are left out; a call they fed reads what fed them.
    """
    names = names or {}
    calls = graph.calls
    kept = [i for i, call in enumerate(calls) if call.kind not in skip]
    _count(len(kept))
    sources: list[tuple[int, ...]] = []  # per call: the kept calls that feed it
    for call in calls:
        feeds: list[int] = []
        for i in call.inputs:
            feeds.extend((i,) if calls[i].kind not in skip else sources[i])
        sources.append(tuple(dict.fromkeys(feeds)))
    labels = dict(
        zip(
            kept,
            _unique([_label(names.get(id(calls[i].owner), calls[i].name)) for i in kept]),
            strict=True,
        )
    )
    layouts = [_layout(call, graph.dialect, channels) for call in calls]
    for i, call in enumerate(calls):
        # An input is laid out as the layer that reads it (a Keras input's
        # description assumes channels last, even before a channels_first layer).
        if call.kind is Kind.INPUT and channels is None:
            readers = [
                j
                for j in graph.consumers(i)
                if len(calls[j].output_shape) == len(call.output_shape)
                and calls[j].kind is not Kind.INPUT
            ]
            if readers:
                layouts[i] = layouts[readers[0]]
    records = []
    for i in kept:
        call, label = calls[i], labels[i]
        layout = layouts[i]
        records.append(
            Volume(
                label,
                _shape(call.output_shape[1:], layout, label),
                _params(call.params, label),
                tuple(labels[j] for j in sources[i]),
            )
        )
    return records


def _from_layers(model: Any) -> list[Volume]:
    """Records from another object with ``.layers`` (a real Keras model, say): each
    layer's ``name``, ``output_shape`` (or ``output.shape``) and ``count_params()``, in
    order, drawn as a chain (its wiring is a framework's internals)."""
    layers = list(model.layers)
    _count(len(layers))
    records: list[Volume] = []
    for layer in layers:
        name = _label(getattr(layer, "name", type(layer).__name__))
        shape = getattr(layer, "output_shape", None)
        if shape is None:
            shape = getattr(getattr(layer, "output", None), "shape", None)
        if shape is None:
            raise ArgumentError(
                f"layer {name!r} has no output shape (build the model first)",
                argument="source",
                value=model,
                valid="a built model whose layers have output shapes",
            )
        if isinstance(shape, list) and len(shape) == 1:
            shape = shape[0]
        count = getattr(layer, "count_params", None)
        params = count() if callable(count) else getattr(layer, "params", 0)
        records.append(Volume(name, _shape(shape, "last", name), _params(params, name)))
    return records


def read(
    source: Any, input_size: Any, channels: str | None, skip: Any = ()
) -> tuple[list[Volume], str]:
    """The records of any source ``volumes`` accepts, checked and channels last, and the
    layout the caller gave them in (``"last"`` for a model: its records come out of the
    description channels last, whatever ``channels`` said)."""
    if channels not in (None, "last", "first"):
        raise ArgumentError(
            f"channels={brief(channels)} must be 'last' or 'first'",
            argument="channels",
            value=channels,
            valid="'last' or 'first'",
        )
    is_model = isinstance(source, ModelGraph) or hasattr(type(source), "_dialect")
    if input_size is not None and not is_model:
        raise ArgumentError(
            "input_size is for a convdims.torch module (the shape of its input); records "
            "and other models carry their shapes",
            argument="input_size",
            value=input_size,
            valid="None, unless source is a convdims.torch module",
        )
    kinds = _kinds(skip)
    if kinds and not is_model:
        raise ArgumentError(
            "skip leaves layer kinds out of a model's picture; records and other models "
            "carry no kinds (leave the records out instead)",
            argument="skip",
            value=skip,
            valid="() unless source is a convdims model or its ModelGraph",
        )
    if is_model:
        from convdims.analysis import describe

        graph = describe(source, input_size)
        records = from_graph(graph, channels, _names(source), kinds)
        given = "last"
    elif hasattr(source, "layers") and not isinstance(source, (list, tuple)):
        records = _from_layers(source)
        given = "last"
    else:
        if isinstance(source, (str, bytes, Mapping)) or not hasattr(source, "__iter__"):
            raise ArgumentTypeError(
                f"source must be a list of layer records or a model, got "
                f"{type(source).__name__}",
                argument="source",
                value=source,
                valid="a list of records, a convdims model or its ModelGraph",
            )
        items = []
        for item in source:
            items.append(_record(item, channels or "last"))
            _count(len(items))
        records = items
        given = channels or "last"
    _check_wiring(records)
    return records, given


def _check_wiring(records: list[Volume]) -> None:
    if not records:
        raise ArgumentError(
            "nothing to draw: give at least one layer record",
            argument="source",
            value=records,
            valid="at least one layer",
        )
    labels = [r.label for r in records]
    if len(set(labels)) != len(labels):
        raise ArgumentError(
            f"layer labels must be unique, got {brief(labels)}",
            argument="label",
            value=labels,
            valid="unique labels",
        )
    position = {label: n for n, label in enumerate(labels)}
    for n, r in enumerate(records):
        for parent in r.inputs:
            if position.get(parent, n) >= n:
                raise ArgumentError(
                    f"layer {r.label!r} reads {parent!r}, which is not an earlier record",
                    argument="inputs",
                    value=r.inputs,
                    valid="labels of earlier records",
                )

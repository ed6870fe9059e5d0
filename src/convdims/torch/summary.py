"""``summary(model, input_size=...)``: torchinfo's table, from shapes alone.

The driver, as torchinfo's ``torchinfo.py``: it reads the arguments, runs the forward
pass with the calls recorded ([`convdims.torch.tracing`][]), describes them
([`convdims.torch.graph`][]), adds them up ([`convdims.torch.model_statistics`][]) and
prints the table ([`convdims.torch.formatting`][]). The layout is torchinfo 1.8's: one
row per module call in the order the forward pass makes them, ``Layer
(type:depth-idx)``, ``Output Shape`` and ``Param #`` columns, totals, and the memory
estimate. The rows are also returned as plain records
([`LayerRow`][convdims.torch.LayerRow]) for code, and columns are a registry
([`COLUMNS`][convdims.torch.COLUMNS]) so more can be added.

>>> from convdims.torch import nn, summary
>>> model = nn.Sequential(nn.Conv2d(3, 5, 3), nn.MaxPool2d(2))
>>> stats = summary(model, input_size=(1, 3, 32, 32), verbose=0)
>>> stats.total_params, [row.output_shape for row in stats.rows]
(140, [(1, 5, 15, 15), (1, 5, 30, 30), (1, 5, 15, 15)])
"""

from __future__ import annotations

import sys
from collections.abc import Iterable, Sequence

from convdims.analysis import COLUMN_TITLES, LayerMeasures, combine, measure_calls
from convdims.errors import ArgumentError
from convdims.torch.formatting import COLUMNS, DEFAULT_COLUMNS, Column
from convdims.torch.graph import describe, graph_of
from convdims.torch.layer_info import LayerInfo, LayerRow
from convdims.torch.model_statistics import STORAGE_OBJECT_BYTES, ModelSummary, totals
from convdims.torch.nn.module import Module
from convdims.torch.tensor import Tensor
from convdims.torch.tracing import first_shape, input_tensors, trace

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

__all__ = [
    "COLUMNS",
    "STORAGE_OBJECT_BYTES",
    "Column",
    "LayerRow",
    "ModelSummary",
    "describe",
    "summary",
]

_ROW_SETTINGS = ("depth", "var_names", "ascii_only", "hide_recursive_layers")


def _refuse(argument: str, value: Any, message: str, valid: str) -> ArgumentError:
    return ArgumentError(message, argument=argument, value=value, valid=valid)


def summary(
    model: Module,
    input_size: Any = None,
    input_data: Any = None,
    batch_dim: int | None = None,
    columns: Iterable[str] | None = None,
    col_width: int = 25,
    depth: int = 3,
    dtypes: Sequence[Any] | None = None,
    mode: str | None = None,
    row_settings: Iterable[str] | None = None,
    verbose: int | None = None,
    col_names: Iterable[str] | None = None,
    **kwargs: Any,
) -> ModelSummary:
    """Summarize a convdims.torch model the way torchinfo's ``summary`` does.

    Besides torchinfo's columns, ``columns=`` takes the analysis columns of
    [`convdims.analysis`][] (``"macs"``, ``"receptive_field"``...): their rows then
    also carry [`LayerMeasures`][convdims.analysis.LayerMeasures] (``row.measures``).

    Runs the model's ``forward`` on shape-only tensors (in eval mode, like torchinfo),
    records every module call, prints the table (unless ``verbose=0``) and returns it.

    Args:
        model: the model (an ``nn.Module``).
        input_size: the input's shape including the batch, e.g. ``(1, 3, 224, 224)``, or
            a list of shapes for a model with several inputs.
        input_data: shape-only tensors to pass instead (``convdims.torch.empty(...)``).
        batch_dim: where to insert a batch axis of 1 into each ``input_size``.
        columns: column names from [`COLUMNS`][convdims.torch.COLUMNS]; default
            ``("output_size", "num_params")`` (``("num_params",)`` without an input).
            ``col_names`` is torchinfo's name for the same argument.
        col_width: width of each column.
        depth: rows deeper than this are not shown (their parameters still count).
        dtypes: one dtype per input (``convdims.torch.float16``...); default float32.
        mode: ``"eval"`` (default) or ``"train"``: the mode the forward pass runs in.
        row_settings: any of ``"depth"`` (default), ``"var_names"``, ``"ascii_only"``,
            ``"hide_recursive_layers"``.
        verbose: 0 prints nothing, 1 prints the table (default, 0 in an interactive
            interpreter, as torchinfo does).
        **kwargs: passed to ``model.forward``.

    Returns:
        A [`ModelSummary`][convdims.torch.ModelSummary]; ``str()`` of it is the table.

    Raises:
        ValueError: an unknown column, mode or row setting, both or wrong inputs, or a
            shape the model refuses (the model's own error).

    >>> from convdims.torch import nn, summary
    >>> result = summary(nn.Sequential(nn.Conv2d(3, 5, 3), nn.MaxPool2d(2)), (1, 3, 32, 32))
    ==========================================================================================
    Layer (type:depth-idx)                   Output Shape              Param #
    ==========================================================================================
    Sequential                               [1, 5, 15, 15]            --
    ├─Conv2d: 1-1                            [1, 5, 30, 30]            140
    ├─MaxPool2d: 1-2                         [1, 5, 15, 15]            --
    ==========================================================================================
    Total params: 140
    Trainable params: 140
    Non-trainable params: 0
    Total mult-adds (M): 0.13
    ==========================================================================================
    Input size (MB): 0.01
    Forward/backward pass size (MB): 0.04
    Params size (MB): 0.00
    Estimated Total Size (MB): 0.05
    ==========================================================================================
    """
    if columns is not None and col_names is not None:
        raise _refuse(
            "columns",
            columns,
            "pass columns= or its torchinfo name col_names=, not both",
            "columns= or col_names=",
        )
    chosen = columns if columns is not None else col_names
    has_input = input_size is not None or input_data is not None
    if input_size is not None and input_data is not None:
        raise _refuse(
            "input_data",
            input_data,
            "Only one of (input_data, input_size) should be specified.",
            "input_size or input_data",
        )
    if chosen is None:
        names = DEFAULT_COLUMNS if has_input else ("num_params",)
    else:
        names = tuple(str(getattr(name, "value", name)) for name in chosen)
    for name in names:
        if name not in COLUMNS:
            raise _refuse(
                "columns",
                name,
                f"unknown column {name!r}; use any of {', '.join(COLUMNS)}",
                ", ".join(COLUMNS),
            )
        if COLUMNS[name].needs_input and not has_input:
            raise _refuse(
                "columns",
                name,
                f"column {name!r} needs input_size or input_data (there is no forward "
                "pass without an input)",
                "input_size or input_data",
            )
    if col_width <= 0:
        raise _refuse(
            "col_width",
            col_width,
            f"Column width must be greater than 0: col_width={col_width}",
            "an int of at least 1",
        )
    settings = {"depth"} if row_settings is None else {str(s) for s in row_settings}
    if settings - set(_ROW_SETTINGS):
        raise _refuse(
            "row_settings",
            sorted(settings - set(_ROW_SETTINGS)),
            f"unknown row_settings {sorted(settings - set(_ROW_SETTINGS))}; use any of "
            f"{sorted(_ROW_SETTINGS)}",
            ", ".join(_ROW_SETTINGS),
        )
    run_mode = "eval" if mode is None else mode
    if run_mode not in ("eval", "train"):
        raise _refuse(
            "mode", mode, f"mode must be 'eval' or 'train', got {mode!r}", "eval, train"
        )
    if verbose is None:
        verbose = 0 if getattr(sys, "ps1", None) else 1
    if verbose not in (0, 1):
        raise _refuse(
            "verbose", verbose, "verbose must be 0 (quiet) or 1 (print the table)", "0, 1"
        )

    inputs: list[Tensor] | None = None
    reported: list[tuple[int, ...]] = []
    if input_size is not None:
        inputs, reported = input_tensors(input_size, dtypes, batch_dim)
    elif input_data is not None:
        inputs = [input_data] if isinstance(input_data, Tensor) else list(input_data)
        reported = [first_shape(t)[0] for t in inputs]

    recorded = trace(model, inputs, kwargs, run_mode)
    infos = recorded.infos
    if inputs is not None and any(name in COLUMN_TITLES for name in names):
        graph = graph_of(recorded)  # the analysis columns read the whole description
        bytes_per_element = inputs[0].element_size() if inputs else 4
        measured = measure_calls(graph, bytes_per_element)
        rows = tuple(info.record(_row_measures(info, measured)) for info in infos)
    else:
        # torchinfo's mult-adds are on the rows already: the trace computes each one
        # when its call returns.
        rows = tuple(info.record() for info in infos)
    sums = totals(infos)
    result = ModelSummary(
        model_name=type(model).__name__,
        rows=rows,
        input_shapes=tuple(reported),
        total_params=sums.total_params,
        trainable_params=sums.trainable_params,
        total_mult_adds=sums.total_mult_adds,
        input_bytes=sum(
            t.numel() * t.element_size() + STORAGE_OBJECT_BYTES
            for t in _nested_tensors(inputs or ())
        ),
        forward_backward_bytes=sums.forward_backward_bytes,
        param_bytes=sums.param_bytes,
        columns=names,
        depth=depth,
        col_width=col_width,
        show_depth="depth" in settings,
        show_var_name="var_names" in settings,
        ascii_only="ascii_only" in settings,
        hide_recursive="hide_recursive_layers" in settings,
    )
    if verbose:
        print(result)
    return result


def _row_measures(info: LayerInfo, measured: list[LayerMeasures]) -> LayerMeasures | None:
    """A row's measures: its own call's for a leaf; for a container, its leaf
    descendants' calls combined, ending in the call whose output it returned."""
    if info.call_index is None:
        return None
    own = measured[info.call_index]
    if info.is_leaf:
        return own
    parts = [
        measured[child.call_index]
        for child in info.children
        if child.is_leaf and child.call_index is not None
    ]
    mixed = combine(parts, end=own)
    return LayerMeasures(
        name=info.var_name,
        type=info.class_name,
        kind=mixed.kind,
        output_shape=tuple(info.output_shape),
        params=info.num_params,
        weights=mixed.weights,
        param_bytes=info.param_bytes,
        macs=mixed.macs,
        mult_adds=mixed.mult_adds,
        activations=mixed.activations,
        activation_bytes=mixed.activation_bytes,
        stored=mixed.stored,
        receptive_field=mixed.receptive_field,
    )


def _nested_tensors(data: Any) -> list[Tensor]:
    """The tensors in ``input_data``, however nested (an RNN's ``(h, c)`` state beside
    its input): torchinfo sizes every one of them."""
    if isinstance(data, Tensor):
        return [data]
    if isinstance(data, dict):
        data = list(data.values())
    if isinstance(data, (list, tuple)):
        return [t for item in data for t in _nested_tensors(item)]
    return []

"""``summary(model, input_size=...)``: torchinfo's table, from shapes alone.

The layout is torchinfo 1.8's: one row per module call in the order the forward pass makes
them, ``Layer (type:depth-idx)``, ``Output Shape`` and ``Param #`` columns, totals, and the
memory estimate. The rows are also returned as plain records (:class:`LayerRow`) for code,
and columns are a registry (:data:`COLUMNS`) so more can be added.

>>> from convdims.torch import nn, summary
>>> model = nn.Sequential(nn.Conv2d(3, 5, 3), nn.MaxPool2d(2))
>>> stats = summary(model, input_size=(1, 3, 32, 32), verbose=0)
>>> stats.total_params, [row.output_shape for row in stats.rows]
(140, [(1, 5, 15, 15), (1, 5, 30, 30), (1, 5, 15, 15)])
"""

from __future__ import annotations

import math
import sys
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Any

from convdims.analysis import (
    COLUMN_TITLES,
    LayerCall,
    LayerMeasures,
    ModelGraph,
    column_value,
    measure_calls,
)
from convdims.torch.dtypes import float32
from convdims.torch.nn.module import Module
from convdims.torch.tensor import Tensor
from convdims.window import AxisWindow

#: torchinfo measures each input with ``sys.getsizeof(tensor.untyped_storage())``: the
#: data plus the storage object's own 64 bytes (CPython 3.11, PyTorch 2.x). Kept so the
#: "Input size (MB)" line matches torchinfo's to the last digit.
STORAGE_OBJECT_BYTES = 64

_DEFAULT_NAME_WIDTH = 40
_ALIGN = 5


@dataclass(frozen=True)
class LayerRow:
    """One row of the summary: one call of one module (or a container never called).

    Attributes:
        class_name: the module's class, e.g. ``"Conv2d"``.
        var_name: the attribute name under its parent (the model's class name at depth 0).
        depth: 0 for the model, 1 for its children, and so on.
        depth_index: the row's number among the rows of the same depth (torchinfo's
            ``depth-idx``).
        input_shape: the first input's shape, ``()`` when not called.
        output_shape: the (first) output's shape, ``()`` when not called.
        kernel_size: the module's ``kernel_size`` (an int or a tuple), or None.
        num_params: every parameter of the module and its descendants.
        trainable_params: those with ``requires_grad``.
        own_params: parameters not already shown on a descendant's row (torchinfo's
            "leftover" parameters of a container).
        own_trainable_params: the trainable part of ``own_params``.
        is_leaf: the module has no children.
        is_recursive: the module already had a row (it is called again).
        executed: the forward pass called this module.
        mult_adds: torchinfo's multiply-accumulate count for this call (weights times
            output positions, biases included; 0 for layers without parameters).
        children_mult_adds: the sum over leaf descendants (shown at the depth limit).
        param_bytes: bytes of the parameters counted on this row.
        output_bytes: bytes of the output.
        measures: MACs, memory and receptive field of this call
            (:class:`convdims.analysis.LayerMeasures`), when an analysis column was
            asked for; for a container, its descendants' MACs and its output's field.
    """

    class_name: str
    var_name: str
    depth: int
    depth_index: int | None
    input_shape: tuple[int, ...]
    output_shape: tuple[int, ...]
    kernel_size: Any
    num_params: int
    trainable_params: int
    own_params: int
    own_trainable_params: int
    is_leaf: bool
    is_recursive: bool
    executed: bool
    mult_adds: int
    children_mult_adds: int
    param_bytes: int
    output_bytes: int
    measures: LayerMeasures | None = None

    def title(self, show_var_name: bool = False, show_depth: bool = True) -> str:
        """The text of the layer column without the tree lines: ``Conv2d: 1-1``."""
        name = self.class_name
        if show_var_name and self.var_name:
            name += f" ({self.var_name})"
        if show_depth and self.depth > 0:
            name += f": {self.depth}"
            if self.depth_index is not None:
                name += f"-{self.depth_index}"
        return name


def _dash(value: Any) -> str:
    return str(value) if value else "--"


def _shape_text(shape: tuple[int, ...]) -> str:
    return _dash(list(shape))


def _params_text(row: LayerRow, report: ModelSummary) -> str:
    if row.num_params == 0:
        return "--"
    if row.is_recursive:
        return "(recursive)"
    if row.depth == report.depth or row.is_leaf:
        text = f"{row.num_params:,}"
        return text if row.trainable_params else f"({text})"
    return f"{row.own_params:,}" if row.own_params > 0 else "--"


def _percent_text(row: LayerRow, report: ModelSummary) -> str:
    zero = "     --"
    if report.total_params == 0:
        return zero
    if row.is_recursive:
        return "(recursive)"
    params = row.num_params if row.depth == report.depth or row.is_leaf else row.own_params
    if params == 0:
        return zero
    return f"{params / report.total_params:>7.2%}"


def _macs_text(row: LayerRow, report: ModelSummary) -> str:
    if row.mult_adds <= 0:
        return "--"
    if row.is_leaf:
        return f"{row.mult_adds:,}"
    if row.depth == report.depth:
        return f"{row.children_mult_adds:,}"
    return "--"


def _trainable_text(row: LayerRow, report: ModelSummary) -> str:
    if row.num_params == 0:
        return "--"
    if row.trainable_params == 0:
        return "False"
    if row.trainable_params == row.num_params:
        return "True"
    return "Partial"


def _kernel_text(row: LayerRow, report: ModelSummary) -> str:
    kernel = row.kernel_size
    if isinstance(kernel, (tuple, list)):
        kernel = list(kernel)
    return _dash(kernel)


def _analysis_render(name: str) -> Callable[[LayerRow, ModelSummary], str]:
    """The cell of an analysis column (:data:`convdims.analysis.COLUMN_TITLES`)."""

    def render(row: LayerRow, report: ModelSummary) -> str:
        measured = row.measures
        if measured is None:
            return "--"
        if name in ("macs", "flops") and not row.is_leaf and row.depth != report.depth:
            return "--"  # as torchinfo's Mult-Adds: containers only at the depth limit
        value = column_value(measured, name)
        if isinstance(value, str):
            return value or "--"
        if not value:
            return "--"
        if name.endswith("_bytes"):
            return f"{value / 1e6:0.2f} MB"
        return f"{value:,}"

    return render


@dataclass(frozen=True)
class Column:
    """A summary column: its key (as passed in ``columns=``), its title, its cell text."""

    name: str
    title: str
    render: Callable[[LayerRow, ModelSummary], str]
    needs_input: bool = True


#: The columns ``summary(..., columns=[...])`` knows, by name: torchinfo's, then the
#: analysis columns of :mod:`convdims.analysis` (``macs``, ``activations``,
#: ``activation_bytes``, ``param_bytes``, ``receptive_field``, ``effective_stride``,
#: ``effective_padding``). Add a :class:`Column` here to offer a new one.
COLUMNS: dict[str, Column] = {
    column.name: column
    for column in (
        Column("kernel_size", "Kernel Shape", _kernel_text, needs_input=False),
        Column("input_size", "Input Shape", lambda r, s: _shape_text(r.input_shape)),
        Column("output_size", "Output Shape", lambda r, s: _shape_text(r.output_shape)),
        Column("num_params", "Param #", _params_text, needs_input=False),
        Column("params_percent", "Param %", _percent_text, needs_input=False),
        Column("mult_adds", "Mult-Adds", _macs_text),
        Column("trainable", "Trainable", _trainable_text, needs_input=False),
        *(Column(k, title, _analysis_render(k)) for k, title in COLUMN_TITLES.items()),
    )
}

_DEFAULT_COLUMNS = ("output_size", "num_params")


def _readable(number: int, units: str) -> str:
    """torchinfo's number format for the totals: ``: 140`` or `` (M): 0.13``."""
    if units == "auto":
        if number >= 1e12:
            units, value = "T", number / 1e12
        elif number >= 1e9:
            units, value = "G", number / 1e9
        else:
            units, value = "M", number / 1e6
    else:
        value = number / 1
    if float(value).is_integer():
        text = f"{int(value):,d}"
    else:
        text = f"{value:,.2f}"
    return (f" ({units})" if units else "") + f": {text}"


@dataclass(frozen=True)
class ModelSummary:
    """What :func:`summary` found: the rows, the totals and how to print them.

    ``str(result)`` (and ``repr``) is the table. ``non_trainable_params`` counts frozen
    parameters (``requires_grad=False``); BatchNorm's running statistics are buffers and
    are not counted, as in PyTorch.
    """

    model_name: str
    rows: tuple[LayerRow, ...]
    input_shapes: tuple[tuple[int, ...], ...]
    total_params: int
    trainable_params: int
    total_mult_adds: int
    input_bytes: int
    forward_backward_bytes: int
    param_bytes: int
    columns: tuple[str, ...] = _DEFAULT_COLUMNS
    depth: int = 3
    col_width: int = 25
    show_depth: bool = True
    show_var_name: bool = False
    ascii_only: bool = False
    hide_recursive: bool = False

    @property
    def non_trainable_params(self) -> int:
        """Frozen parameters."""
        return self.total_params - self.trainable_params

    @property
    def total_bytes(self) -> int:
        """torchinfo's "Estimated Total Size": input + forward/backward + parameters."""
        return self.input_bytes + self.forward_backward_bytes + self.param_bytes

    @property
    def name_width(self) -> int:
        """The width of the layer column (40, or wider for long names)."""
        longest = max(
            (
                len(row.title(self.show_var_name, self.show_depth)) + row.depth * _ALIGN + 1
                for row in self.rows
            ),
            default=0,
        )
        if longest >= _DEFAULT_NAME_WIDTH:
            return math.ceil(longest / _ALIGN) * _ALIGN
        return _DEFAULT_NAME_WIDTH

    def _line(self, name: str, cells: Sequence[str], width: int) -> str:
        text = f"{name:<{width}} " + "".join(f"{cell:<{self.col_width}} " for cell in cells)
        return text.rstrip() + "\n"

    def _tree(self, depth: int) -> str:
        if depth == 0:
            return ""
        if depth == 1:
            return "+ " if self.ascii_only else "├─"
        return ("|    " if self.ascii_only else "│    ") * (depth - 1) + (
            "+ " if self.ascii_only else "└─"
        )

    def visible_rows(self) -> list[LayerRow]:
        """The rows the table shows (those within ``depth``)."""
        return [
            row
            for row in self.rows
            if row.depth <= self.depth and not (self.hide_recursive and row.is_recursive)
        ]

    def __str__(self) -> str:
        width = self.name_width
        columns = [COLUMNS[name] for name in self.columns]
        divider = "=" * (len(columns) * self.col_width + width)
        header = "Layer (type"
        if self.show_var_name:
            header += " (var_name)"
        if self.show_depth:
            header += ":depth-idx"
        header += ")"
        text = f"{divider}\n" + self._line(header, [c.title for c in columns], width)
        text += f"{divider}\n"
        for row in self.visible_rows():
            name = self._tree(row.depth) + row.title(self.show_var_name, self.show_depth)
            text += self._line(name, [c.render(row, self) for c in columns], width)
        text += (
            f"{divider}\n"
            f"Total params{_readable(self.total_params, '')}\n"
            f"Trainable params{_readable(self.trainable_params, '')}\n"
            f"Non-trainable params{_readable(self.non_trainable_params, '')}\n"
        )
        if self.input_shapes:
            text += (
                f"Total mult-adds{_readable(self.total_mult_adds, 'auto')}\n{divider}\n"
                f"Input size (MB): {self.input_bytes / 1e6:0.2f}\n"
                "Forward/backward pass size (MB): "
                f"{self.forward_backward_bytes / 1e6:0.2f}\n"
                f"Params size (MB): {self.param_bytes / 1e6:0.2f}\n"
                f"Estimated Total Size (MB): {self.total_bytes / 1e6:0.2f}\n"
            )
        return text + divider

    __repr__ = __str__


class _Call:
    """A row under construction (torchinfo's LayerInfo)."""

    def __init__(self, var_name: str, module: Module, depth: int, parent: _Call | None):
        self.module = module
        self.var_name = var_name
        self.depth = depth
        self.parent = parent
        self.class_name = type(module).__name__
        self.is_leaf = not any(True for _ in module.children())
        self.depth_index: int | None = None
        self.children: list[_Call] = []
        self.is_recursive = False
        self.executed = False
        self.input_shape: tuple[int, ...] = ()
        self.output_shape: tuple[int, ...] = ()
        self.output_bytes = 0
        self.mult_adds = 0
        self.num_params = 0
        self.trainable_params = 0
        self.param_bytes = 0
        self.in_tensors: tuple[Tensor, ...] = ()
        self.out_tensors: tuple[Tensor, ...] = ()

    def count_params(self) -> None:
        self.num_params = self.trainable_params = self.param_bytes = 0
        for _, param in self.module.named_parameters():
            count = param.numel()
            self.num_params += count
            self.param_bytes += count * param.element_size()
            if param.requires_grad:
                self.trainable_params += count

    def count_mult_adds(self) -> None:
        """torchinfo's rule: a weight or bias times the output positions it serves."""
        shape = list(self.output_shape)
        batch = shape[0] if shape else 1
        for name, param in self.module.named_parameters():
            count = param.numel()
            if name in ("weight", "bias"):
                if "Conv" in self.class_name:
                    self.mult_adds += count * math.prod(shape[:1] + shape[2:])
                else:
                    self.mult_adds += batch * count
            elif "weight" in name or "bias" in name:
                self.mult_adds += math.prod(shape[:2]) * count

    def leftover(self) -> int:
        return self.num_params - sum(
            c.num_params if c.is_leaf else c.leftover()
            for c in self.children
            if not c.is_recursive
        )

    def leftover_trainable(self) -> int:
        return self.trainable_params - sum(
            c.trainable_params if c.is_leaf else c.leftover_trainable()
            for c in self.children
            if not c.is_recursive
        )

    def record(self) -> LayerRow:
        kernel = getattr(self.module, "kernel_size", None)
        if isinstance(kernel, list):
            kernel = tuple(kernel)
        return LayerRow(
            class_name=self.class_name,
            var_name=self.var_name,
            depth=self.depth,
            depth_index=self.depth_index,
            input_shape=self.input_shape,
            output_shape=self.output_shape,
            kernel_size=kernel,
            num_params=self.num_params,
            trainable_params=self.trainable_params,
            own_params=self.leftover(),
            own_trainable_params=self.leftover_trainable(),
            is_leaf=self.is_leaf,
            is_recursive=self.is_recursive,
            executed=self.executed,
            mult_adds=self.mult_adds,
            children_mult_adds=sum(c.mult_adds for c in self.children if c.is_leaf),
            param_bytes=self.param_bytes,
            output_bytes=self.output_bytes,
        )


def _first_shape(value: Any) -> tuple[tuple[int, ...], int]:
    """The shape torchinfo reports for a module's inputs or outputs, and its item size."""
    if isinstance(value, Tensor):
        return tuple(value.shape), value.element_size()
    if isinstance(value, Mapping):
        return _first_shape(list(value.values())[-1]) if value else ((), 0)
    if isinstance(value, (list, tuple)) and value:
        return _first_shape(value[0])
    return (), 0


def _input_shapes(input_size: Any) -> list[tuple[int, ...]]:
    """torchinfo's reading of ``input_size``: one shape, or a list/tuple of shapes."""
    if not isinstance(input_size, (list, tuple)):
        raise TypeError(
            f"input_size must be a tuple of ints such as (1, 3, 32, 32), or a list of such "
            f"tuples for several inputs; got {input_size!r}"
        )

    def flat(items: Iterable[Any]) -> Iterable[Any]:
        for item in items:
            if isinstance(item, (list, tuple)):
                yield from flat(item)
            else:
                yield item

    if not input_size or any(size <= 0 for size in flat(input_size)):
        raise ValueError(f"input_size={input_size!r} must hold sizes of at least 1")
    if isinstance(input_size[0], int):
        return [tuple(input_size)]
    return [tuple(shape) for shape in input_size]


def _tensors(value: Any) -> tuple[Tensor, ...]:
    """Every tensor in a module's arguments or outputs, in order."""
    if isinstance(value, Tensor):
        return (value,)
    if isinstance(value, Mapping):
        value = list(value.values())
    if isinstance(value, (list, tuple)):
        return tuple(t for item in value for t in _tensors(item))
    return ()


def _walk(
    model: Module, calls: list[_Call], run: bool, finished: list[_Call] | None = None
) -> tuple[set[int], list[Any]]:
    """Prepare a row maker for every module (hooks when running; rows directly if not).

    With ``finished``, also keep each call's input and output tensors and list the
    calls in the order they return (for the analysis).

    Returns the ids of the modules that have a row so far, and the hook handles.
    """
    seen_ids: set[int] = set()
    latest: dict[int, _Call] = {}
    handles: dict[int, tuple[Any, Any]] = {}
    stack: list[tuple[str, Module, int, _Call | None]] = [
        (type(model).__name__, model, 0, None)
    ]

    def make_pre_hook(
        var_name: str, depth: int, parent: _Call | None
    ) -> Callable[..., None]:
        def pre_hook(module: Module, args: Any) -> None:
            call = _Call(var_name, module, depth, parent)
            call.count_params()
            call.is_recursive = id(module) in seen_ids
            calls.append(call)
            seen_ids.add(id(module))
            latest[id(module)] = call
            if finished is not None:
                call.in_tensors = _tensors(args)

        return pre_hook

    def post_hook(module: Module, args: Any, output: Any) -> None:
        call = latest[id(module)]
        call.input_shape, _ = _first_shape(args)
        call.output_shape, item = _first_shape(output)
        call.output_bytes = item * math.prod(call.output_shape)
        call.executed = True
        call.count_mult_adds()
        if finished is not None:
            call.out_tensors = _tensors(output)
            finished.append(call)

    while stack:
        var_name, module, depth, parent = stack.pop()
        fallback = _Call(var_name, module, depth, parent)
        latest[id(module)] = fallback
        pre_hook = make_pre_hook(var_name, depth, parent)
        if not run:
            pre_hook(module, None)
        else:
            for handle in handles.pop(id(module), ()):
                handle.remove()
            handles[id(module)] = (
                module.register_forward_pre_hook(pre_hook),
                module.register_forward_hook(post_hook),
            )
        stack += [
            (name, child, depth + 1, fallback)
            for name, child in reversed(list(module._modules.items()))
            if child is not None
        ]
    return seen_ids, [handle for pair in handles.values() for handle in pair]


def _add_missing_containers(calls: list[_Call], seen_ids: set[int]) -> None:
    """Insert rows for containers whose children ran but which were not called."""
    current: dict[int, _Call] = {}
    index = 0
    while index < len(calls):
        call = calls[index]
        lineage: dict[int, _Call] = {}
        parent = call.parent
        while parent is not None and parent.depth > 0:
            lineage[parent.depth] = parent
            parent = parent.parent
        inserted = 0
        for depth in range(1, call.depth):
            missing = (
                depth not in current or current[depth].module is not lineage[depth].module
            )
            if missing and lineage[depth] is not calls[index + inserted - 1]:
                container = lineage[depth]
                container.count_params()
                container.is_recursive = id(container.module) in seen_ids
                calls.insert(index + inserted, container)
                seen_ids.add(id(container.module))
                current[depth] = container
                inserted += 1
        current[call.depth] = call
        deeper = call.depth + 1
        while deeper in current:
            current.pop(deeper)
            deeper += 1
        index += inserted + 1


def _link(calls: list[_Call]) -> None:
    counters: dict[int, int] = {}
    for i, call in enumerate(calls):
        counters[call.depth] = counters.get(call.depth, 0) + 1
        call.depth_index = counters[call.depth]
        descendants = []
        for later in calls[i + 1 :]:
            if later.depth <= call.depth:
                break
            descendants.append(later)
        call.children = descendants


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
    :mod:`convdims.analysis` (``"macs"``, ``"receptive_field"``...): their rows then
    also carry :class:`~convdims.analysis.LayerMeasures` (``row.measures``).

    Runs the model's ``forward`` on shape-only tensors (in eval mode, like torchinfo),
    records every module call, prints the table (unless ``verbose=0``) and returns it.

    Args:
        model: the model (an ``nn.Module``).
        input_size: the input's shape including the batch, e.g. ``(1, 3, 224, 224)``, or
            a list of shapes for a model with several inputs.
        input_data: shape-only tensors to pass instead (``convdims.torch.empty(...)``).
        batch_dim: where to insert a batch axis of 1 into each ``input_size``.
        columns: column names from :data:`COLUMNS`; default ``("output_size",
            "num_params")`` (``("num_params",)`` without an input). ``col_names`` is
            torchinfo's name for the same argument.
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
        A :class:`ModelSummary`; ``str()`` of it is the table.

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
        raise ValueError("pass columns= or its torchinfo name col_names=, not both")
    chosen = columns if columns is not None else col_names
    has_input = input_size is not None or input_data is not None
    if input_size is not None and input_data is not None:
        raise ValueError("Only one of (input_data, input_size) should be specified.")
    if chosen is None:
        names = _DEFAULT_COLUMNS if has_input else ("num_params",)
    else:
        names = tuple(str(getattr(name, "value", name)) for name in chosen)
    for name in names:
        if name not in COLUMNS:
            raise ValueError(f"unknown column {name!r}; use any of {', '.join(COLUMNS)}")
        if COLUMNS[name].needs_input and not has_input:
            raise ValueError(
                f"column {name!r} needs input_size or input_data (there is no forward pass "
                "without an input)"
            )
    if col_width <= 0:
        raise ValueError(f"Column width must be greater than 0: col_width={col_width}")
    settings = {"depth"} if row_settings is None else {str(s) for s in row_settings}
    known_settings = {"depth", "var_names", "ascii_only", "hide_recursive_layers"}
    if settings - known_settings:
        raise ValueError(
            f"unknown row_settings {sorted(settings - known_settings)}; use any of "
            f"{sorted(known_settings)}"
        )
    run_mode = "eval" if mode is None else mode
    if run_mode not in ("eval", "train"):
        raise ValueError(f"mode must be 'eval' or 'train', got {mode!r}")
    if verbose is None:
        verbose = 0 if getattr(sys, "ps1", None) else 1
    if verbose not in (0, 1):
        raise ValueError("verbose must be 0 (quiet) or 1 (print the table)")

    inputs: list[Tensor] = []
    if input_size is not None:
        shapes = _input_shapes(input_size)
        kinds = list(dtypes) if dtypes is not None else [float32] * len(shapes)
        for shape, kind in zip(shapes, kinds, strict=False):
            tensor = Tensor(shape, kind)
            inputs.append(tensor if batch_dim is None else tensor.unsqueeze(batch_dim))
        reported = [tuple(shape) for shape in shapes]
    elif input_data is not None:
        inputs = [input_data] if isinstance(input_data, Tensor) else list(input_data)
        reported = [_first_shape(t)[0] for t in inputs]
    else:
        reported = []

    analyze = any(name in COLUMN_TITLES for name in names)
    calls: list[_Call] = []
    finished: list[_Call] | None = [] if analyze or _describing else None
    seen_ids, hooks = _walk(model, calls, run=has_input, finished=finished)
    if has_input:
        was_training = model.training
        try:
            model.train(run_mode == "train")
            model(*inputs, **kwargs)
        finally:
            for handle in hooks:
                handle.remove()
            model.train(was_training)
        _add_missing_containers(calls, seen_ids)
    _link(calls)

    total = trainable = macs = param_bytes = output_bytes = 0
    for call in calls:
        if call.is_leaf:
            macs += call.mult_adds
            if call.num_params > 0:
                output_bytes += call.output_bytes * 2
            if call.is_recursive:
                continue
            total += max(call.num_params, 0)
            param_bytes += call.param_bytes
            trainable += max(call.trainable_params, 0)
        elif not call.is_recursive:
            total += max(call.leftover(), 0)
            trainable += max(call.leftover_trainable(), 0)

    rows = [call.record() for call in calls]
    if finished is not None:
        layer_calls, producers = _layer_calls(finished, inputs)
        if _describing:
            _describing[-1] = layer_calls
        if analyze:
            bytes_per_element = inputs[0].element_size() if inputs else 4
            measured = measure_calls(layer_calls, bytes_per_element)
            rows = [
                replace(row, measures=_row_measures(call, measured, producers))
                for row, call in zip(rows, calls, strict=True)
            ]
    result = ModelSummary(
        model_name=type(model).__name__,
        rows=tuple(rows),
        input_shapes=tuple(reported),
        total_params=total,
        trainable_params=trainable,
        total_mult_adds=macs,
        input_bytes=sum(
            t.numel() * t.element_size() + STORAGE_OBJECT_BYTES for t in inputs
        ),
        forward_backward_bytes=output_bytes,
        param_bytes=param_bytes,
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


# The analysis: every leaf call as a convdims.analysis.LayerCall --------------------

#: Set by :func:`describe` to ask :func:`summary` for its layer calls (a one-item list
#: that receives them).
_describing: list[Any] = []


def _kind(module: Module) -> tuple[str, dict[str, Any]]:
    """The analysis kind of a leaf module and the window arguments it has."""
    from convdims.torch.nn import activation, conv, dropout, linear, normalization, pooling
    from convdims.torch.nn import padding as pads
    from convdims.torch.nn._args import ntuple

    dims = getattr(module, "_dims", 0)
    if isinstance(module, conv._ConvNd):
        window = {
            "window": tuple(
                AxisWindow(k, s, before, after, d)
                for k, s, d, (before, after) in zip(
                    module.kernel_size,
                    module.stride,
                    module.dilation,
                    module._pads,
                    strict=False,
                )
            ),
            "groups": module.groups,
            "in_channels": module.in_channels,
            "out_channels": module.out_channels,
        }
        return ("conv_transpose" if module.transposed else "conv"), window
    if isinstance(module, (pooling._MaxPoolNd, pooling._AvgPoolNd)):
        kernel = ntuple(module.kernel_size, dims, "kernel_size")
        stride = module.stride if module.stride not in (None, (), []) else kernel
        return "pool", {
            "window": tuple(
                AxisWindow(k, s, p, p, d)
                for k, s, p, d in zip(
                    kernel,
                    ntuple(stride, dims, "stride"),
                    ntuple(module.padding, dims, "padding"),
                    ntuple(getattr(module, "dilation", 1), dims, "dilation"),
                    strict=False,
                )
            )
        }
    if isinstance(module, pooling._AdaptivePoolNd):
        return "adaptive_pool", {}
    if isinstance(module, linear.Linear):
        return "dense", {
            "in_channels": module.in_features,
            "out_channels": module.out_features,
        }
    if isinstance(module, normalization._BatchNorm):
        return "batch_norm", {}
    if isinstance(module, (normalization.GroupNorm, normalization.LayerNorm)):
        return "normalization", {}
    if isinstance(module, pads._PadNd):
        before = tuple(module.padding[2 * (dims - 1 - axis)] for axis in range(dims))
        after = tuple(module.padding[2 * (dims - 1 - axis) + 1] for axis in range(dims))
        if min(before + after) >= 0:
            kind, sign = "padding", 1
        elif max(before + after) <= 0:
            kind, sign = "cropping", -1
        else:
            return "other", {}
        return kind, {
            "window": tuple(
                AxisWindow(1, 1, sign * b, sign * a)
                for b, a in zip(before, after, strict=True)
            )
        }
    if isinstance(module, activation._Elementwise):
        return "activation", {}
    if isinstance(module, dropout._DropoutNd):
        return "dropout", {}
    if isinstance(module, linear.Identity):
        return "identity", {}
    if isinstance(module, linear.Flatten):
        return "flatten", {}
    if isinstance(module, linear.Unflatten):
        return "reshape", {}
    return "other", {}


def _spatial(shape: tuple[int, ...], dims: int) -> tuple[int, ...]:
    if dims:
        return tuple(shape[-dims:]) if len(shape) > dims else ()
    return tuple(shape[2:])


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


def _layer_calls(
    finished: list[_Call], inputs: list[Tensor]
) -> tuple[list[LayerCall], dict[int, int | None]]:
    """The model's inputs and leaf calls as LayerCalls, and each call's output producer.

    A module's input made by a module (or a model input) links to it. An input made
    outside modules (``torch.flatten``, ``torch.cat``, ``x + y``) links to every module
    output not yet taken by another module that could have made it (same elements, or
    same batch and spatial sizes: the branches that meet there), or else to the latest
    output.

    Returns:
        The calls, and for every summary call (by ``id``) the index of the call whose
        output it returned (None when unknown).
    """
    layer_calls: list[LayerCall] = []
    produced: dict[int, int] = {}
    keep: list[Tensor] = []  # tensors stay alive, so their ids stay unique
    dangling: dict[int, None] = {}
    for number, tensor in enumerate(inputs):
        shape = tuple(tensor.shape)
        produced[id(tensor)] = len(layer_calls)
        layer_calls.append(
            LayerCall(
                f"input{number}" if len(inputs) > 1 else "input",
                "Input",
                "input",
                shape,
                output_spatial=shape[2:],
            )
        )
        keep.append(tensor)
    producers: dict[int, int | None] = {}
    for call in finished:
        if not call.is_leaf:
            out = call.out_tensors[0] if call.out_tensors else None
            producers[id(call)] = None if out is None else produced.get(id(out))
            continue
        sources: list[int] = []
        for tensor in call.in_tensors:
            if id(tensor) in produced:
                sources.append(produced[id(tensor)])
                continue
            fits = [i for i in dangling if _could_make(layer_calls[i].output_shape, tensor)]
            if fits:
                sources.extend(fits)
            elif layer_calls:
                sources.append(len(layer_calls) - 1)
        sources = sorted(set(sources))
        for source in sources:
            dangling.pop(source, None)
        kind, window = _kind(call.module)
        dims = getattr(call.module, "_dims", 0)
        bias = getattr(call.module, "bias", None)
        index = len(layer_calls)
        layer_calls.append(
            LayerCall(
                call.var_name,
                call.class_name,
                kind,
                tuple(call.output_shape),
                input_spatial=_spatial(call.input_shape, dims),
                output_spatial=_spatial(call.output_shape, dims),
                params=0 if call.is_recursive else call.num_params,
                bias_params=(
                    0 if call.is_recursive or not isinstance(bias, Tensor) else bias.numel()
                ),
                param_bytes=0 if call.is_recursive else call.param_bytes,
                owner=call.module,
                inputs=tuple(sources),
                **window,
            )
        )
        producers[id(call)] = index
        for tensor in call.out_tensors:
            produced[id(tensor)] = index
            keep.append(tensor)
        dangling[index] = None
    return layer_calls, producers


def _row_measures(
    call: _Call, measured: list[LayerMeasures], producers: dict[int, int | None]
) -> LayerMeasures | None:
    """A row's measures: its own for a leaf; for a container, its descendants' sums."""
    index = producers.get(id(call))
    if index is None:
        return None
    own = measured[index]
    if call.is_leaf:
        return own
    parts = [
        measured[producers[id(c)]]  # type: ignore[index]
        for c in call.children
        if c.is_leaf and producers.get(id(c)) is not None
    ]
    elements = math.prod(call.output_shape)
    return LayerMeasures(
        name=call.var_name,
        type=call.class_name,
        kind="other",
        output_shape=tuple(call.output_shape),
        params=call.num_params,
        weights=sum(p.weights for p in parts),
        param_bytes=call.param_bytes,
        macs=sum(p.macs for p in parts),
        mult_adds=sum(p.mult_adds for p in parts),
        activations=elements,
        activation_bytes=elements * (own.activation_bytes // max(own.activations, 1)),
        stored=own.stored,
        receptive_field=own.receptive_field,
    )


def describe(model: Module, input_size: Any = None) -> ModelGraph:
    """The model's calls for :mod:`convdims.analysis`: its inputs, then every leaf call.

    Args:
        model: a convdims.torch module.
        input_size: the input shape with the batch, as for :func:`summary`.

    Raises:
        ValueError: no ``input_size`` (the analysis needs a forward pass).
    """
    if input_size is None:
        raise ValueError(
            "input_size is required to measure a torch module, e.g. (1, 3, 224, 224)"
        )
    _describing.append(None)
    try:
        summary(model, input_size=input_size, verbose=0)
        return ModelGraph(tuple(_describing[-1]), type(model).__name__, "torch")
    finally:
        _describing.pop()

"""The forward pass, recorded: which module ran, in what order, on what and to what.

[`trace`][convdims.torch.tracing.trace] places every module of the model in its tree
(name, depth, parent), in one walk that also counts each module's parameters and the
factors of torchinfo's mult-adds once, and keeps a
[`LayerInfo`][convdims.torch.layer_info.LayerInfo] per call of a module of the tree (a
copy of the module's place): the rows of the summary, in torchinfo's order, with the
shapes, the mult-adds and the tensors each call took and returned (from which
[`convdims.torch.graph`][] links the calls). For the length of the forward pass the
trace is what a pair of global forward hooks would be (PyTorch's
``register_module_forward_pre_hook`` / ``register_module_forward_hook``):
``Module.__call__`` calls its ``begin`` and ``end`` directly while it is the only one,
or it registers as that pair, after the hooks already there. Nothing here knows about
the table.

>>> from convdims.torch import empty, nn
>>> model = nn.Sequential(nn.Conv2d(3, 5, 3), nn.ReLU())
>>> recorded = trace(model, [empty(1, 3, 8, 8)])
>>> [(info.class_name, info.depth, info.output_shape) for info in recorded.infos]
[('Sequential', 0, (1, 5, 6, 6)), ('Conv2d', 1, (1, 5, 6, 6)), ('ReLU', 1, (1, 5, 6, 6))]
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from functools import lru_cache

from convdims.analysis._macs import _torchinfo_factors, _torchinfo_named, _torchinfo_scaled
from convdims.errors import ArgumentError, ArgumentTypeError
from convdims.torch.dtypes import float32
from convdims.torch.layer_info import LayerInfo
from convdims.torch.nn import module as _module
from convdims.torch.nn.module import Module
from convdims.torch.tensor import Tensor

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any


def first_shape(value: Any) -> tuple[tuple[int, ...], int]:
    """The shape torchinfo reports for a module's inputs or outputs, and its item size."""
    if type(value) is tuple and len(value) == 1 and type(value[0]) is Tensor:
        value = value[0]  # the common case: one tensor in
    if isinstance(value, Tensor):
        return tuple(value._shape), value.dtype.itemsize
    if isinstance(value, Mapping):
        return first_shape(list(value.values())[-1]) if value else ((), 0)
    if isinstance(value, (list, tuple)) and value:
        return first_shape(value[0])
    return (), 0


def tensors(value: Any) -> tuple[Tensor, ...]:
    """Every tensor in a module's arguments or outputs, in order."""
    if type(value) is tuple and len(value) == 1 and type(value[0]) is Tensor:
        return value  # the common case: one tensor in
    if isinstance(value, Tensor):
        return (value,)
    if isinstance(value, Mapping):
        value = list(value.values())
    if isinstance(value, (list, tuple)):
        return tuple(t for item in value for t in tensors(item))
    return ()


def input_shapes(input_size: Any) -> list[tuple[int, ...]]:
    """torchinfo's reading of ``input_size``: one shape, or a list/tuple of shapes.

    Raises:
        TypeError: not a tuple or list.
        ValueError: empty, or a size below 1.
    """
    if not isinstance(input_size, (list, tuple)):
        raise ArgumentTypeError(
            f"input_size must be a tuple of ints such as (1, 3, 32, 32), or a list of such "
            f"tuples for several inputs; got {input_size!r}",
            argument="input_size",
            value=input_size,
            valid="a tuple of ints, or a list of such tuples",
        )

    def flat(items: Iterable[Any]) -> Iterable[Any]:
        for item in items:
            if isinstance(item, (list, tuple)):
                yield from flat(item)
            else:
                yield item

    if not input_size or any(size <= 0 for size in flat(input_size)):
        raise ArgumentError(
            f"input_size={input_size!r} must hold sizes of at least 1",
            argument="input_size",
            value=input_size,
            valid="sizes of at least 1",
        )
    if isinstance(input_size[0], int):
        return [tuple(input_size)]
    return [tuple(shape) for shape in input_size]


def input_tensors(
    input_size: Any, dtypes: Sequence[Any] | None = None, batch_dim: int | None = None
) -> tuple[list[Tensor], list[tuple[int, ...]]]:
    """The shape-only tensors a forward pass takes for ``input_size`` (one per shape,
    of ``dtypes``, float32 by default, with a batch axis of 1 at ``batch_dim``), and the
    shapes as given."""
    shapes = input_shapes(input_size)
    kinds = list(dtypes) if dtypes is not None else [float32] * len(shapes)
    inputs = []
    for shape, kind in zip(shapes, kinds, strict=False):
        tensor = Tensor(shape, kind)
        inputs.append(tensor if batch_dim is None else tensor.unsqueeze(batch_dim))
    return inputs, shapes


_new_info = object.__new__
_STATS = ("num_params", "trainable_params", "param_bytes")
_NO_FACTORS = (0, 0, 0)
#: torchinfo's mult-adds of a call by its module's factors and its output shape (a pure
#: function of ints, remembered: the blocks of a model repeat the same few).
_scaled = lru_cache(maxsize=4096)(_torchinfo_scaled)


class Trace:
    """What [`trace`][convdims.torch.tracing.trace] recorded.

    Attributes:
        model: the model.
        inputs: the tensors the forward pass took.
        infos: one [`LayerInfo`][convdims.torch.layer_info.LayerInfo] per row, in
            torchinfo's order (calls as they start; containers that were not called
            but whose children were, before those children), linked: each knows its
            ``depth_index`` and its descendants' rows.
        finished: the calls in the order they returned.
    """

    def __init__(self, model: Module, inputs: Sequence[Tensor]) -> None:
        self.model = model
        self.inputs = list(inputs)
        self.infos: list[LayerInfo] = []
        self.finished: list[LayerInfo] = []
        self._places: dict[int, LayerInfo] = {}
        # The latest row of each module that had one (its key: the module was seen).
        self._latest: dict[int, LayerInfo] = {}
        self._stats: dict[int, tuple[int, int, int]] = {}
        self._counts: dict[int, tuple[tuple[str, int], ...]] = {}
        self._shared = False
        self._handles: tuple[Any, ...] = ()

    # The tree -----------------------------------------------------------------------

    def place(self) -> list[LayerInfo]:
        """Place every module of the tree; the places in depth-first order. Each place
        is also the template of its module's rows: its parameter counts and the
        factors of torchinfo's mult-adds, found once per module."""
        order: list[LayerInfo] = []
        visited: set[int] = set()
        param_ids: set[int] = set()
        places = self._places
        stats = self._stats
        new = _new_info

        def visit(
            var_name: str, module: Module, depth: int, parent: LayerInfo | None
        ) -> tuple[int, int, int, int]:
            """Place ``module`` and its subtree; the subtree's parameter elements, the
            trainable ones, their bytes, and the elements whose dotted name below
            ``module`` holds "weight" or "bias" (torchinfo's rule reads a container's
            parameters by those names)."""
            children = [
                (name, child)
                for name, child in module._modules.items()
                if child is not None
            ]
            place = new(LayerInfo)
            attributes = place.__dict__ = {
                "module": module,
                "var_name": var_name,
                "depth": depth,
                "parent": parent,
                "class_name": type(module).__name__,
                "is_leaf": not children,
                "children": [],
            }
            key = id(module)
            places[key] = place
            order.append(place)
            count = trainable = size = held = 0
            own = [(n, p) for n, p in module._parameters.items() if p is not None]
            if key in visited:
                self._shared = True
            else:
                visited.add(key)
                for name, param in own:
                    if id(param) in param_ids:
                        self._shared = True
                    param_ids.add(id(param))
                    elements = math.prod(param._shape)
                    count += elements
                    size += elements * param.dtype.itemsize
                    if param.requires_grad:
                        trainable += elements
                    if _torchinfo_named(name):
                        held += elements
            if own:
                factors = _torchinfo_factors(
                    attributes["class_name"],
                    [(name, math.prod(param._shape)) for name, param in own],
                )
            else:
                factors = _NO_FACTORS
            if children:
                channel = 0
                for name, child in children:
                    elements, learned, nbytes, named = visit(name, child, depth + 1, place)
                    count += elements
                    trainable += learned
                    size += nbytes
                    passed = elements if _torchinfo_named(name) else named
                    held += passed
                    channel += passed
                if channel:
                    factors = (factors[0], factors[1], factors[2] + channel)
            stats[key] = (count, trainable, size)
            attributes["num_params"] = count
            attributes["trainable_params"] = trainable
            attributes["param_bytes"] = size
            attributes["_factors"] = factors
            return count, trainable, size, held

        visit(type(self.model).__name__, self.model, 0, None)
        if self._shared:
            # A module or parameter in two places: counted as named_parameters()
            # counts, each once.
            stats.clear()
            for place in order:
                module = place.module
                place.__dict__.update(
                    zip(_STATS, self._param_stats(module), strict=True),
                    _factors=_torchinfo_factors(
                        place.class_name, self.param_counts(module)
                    ),
                )
        return order

    def _param_stats(self, module: Module) -> tuple[int, int, int]:
        """(parameters, trainable ones, bytes) of a module and its descendants, each
        parameter once (as ``named_parameters()`` counts them)."""
        key = id(module)
        stats = self._stats.get(key)
        if stats is not None:
            return stats
        count = trainable = size = 0
        if self._shared:
            params = [p for _, p in module.named_parameters()]
        else:
            params = [p for p in module._parameters.values() if p is not None]
        for param in params:
            elements = math.prod(param._shape)
            count += elements
            size += elements * param.dtype.itemsize
            if param.requires_grad:
                trainable += elements
        if not self._shared:
            for child in module._modules.values():
                if child is not None:
                    below = self._param_stats(child)
                    count += below[0]
                    trainable += below[1]
                    size += below[2]
        stats = self._stats[key] = (count, trainable, size)
        return stats

    def param_counts(self, module: Module) -> tuple[tuple[str, int], ...]:
        """``(dotted name, elements)`` of every parameter of a module and its
        descendants, in ``named_parameters()`` order, each parameter once."""
        key = id(module)
        counts = self._counts.get(key)
        if counts is not None:
            return counts
        if self._shared:
            counts = tuple((name, p.numel()) for name, p in module.named_parameters())
        else:
            items = [
                (name, math.prod(p._shape))
                for name, p in module._parameters.items()
                if p is not None
            ]
            for child_name, child in module._modules.items():
                if child is not None:
                    items += [
                        (f"{child_name}.{name}", count)
                        for name, count in self.param_counts(child)
                    ]
            counts = tuple(items)
        self._counts[key] = counts
        return counts

    def start(self, module: Module, place: LayerInfo | None = None) -> LayerInfo | None:
        """A row for a call of ``module`` that begins, at its (last) place in the tree
        or at ``place`` (None: not in the tree)."""
        key = id(module)
        if place is None:
            place = self._places.get(key)
            if place is None:
                return None
        info = _new_info(LayerInfo)
        attributes = info.__dict__ = place.__dict__.copy()
        latest = self._latest
        if key in latest:
            attributes["is_recursive"] = True
        latest[key] = info
        self.infos.append(info)
        return info

    def recount(self, module: Module) -> None:
        """``module`` has just taken its parameters (a lazy module at its first call):
        the counts and torchinfo's factors of every place that holds it (its own, its
        ancestors'), and of the rows begun so far that hold it, are found again, as
        torchinfo counts such a call again when it ends."""
        self._stats.clear()
        self._counts.clear()
        for row in [*self._places.values(), *self.infos]:
            if row.module is module:
                row.class_name = type(module).__name__  # the class it became
            if any(m is module for m in row.module.modules()):
                row.__dict__.update(
                    zip(_STATS, self._param_stats(row.module), strict=True),
                    _factors=_torchinfo_factors(
                        row.class_name, self.param_counts(row.module)
                    ),
                )

    def _count(self, info: LayerInfo) -> None:
        info.num_params, info.trainable_params, info.param_bytes = self._param_stats(
            info.module
        )

    # The calls ----------------------------------------------------------------------

    def begin(self, module: Module, args: tuple[Any, ...]) -> LayerInfo | None:
        """A call of ``module`` on ``args`` begins (where a global forward pre-hook
        runs): its row (``start``'s), or None for a module outside the tree."""
        key = id(module)
        place = self._places.get(key)
        if place is None:
            return None
        info = _new_info(LayerInfo)
        attributes = info.__dict__ = place.__dict__.copy()
        latest = self._latest
        if key in latest:
            attributes["is_recursive"] = True
        latest[key] = info
        self.infos.append(info)
        if len(args) == 1 and type(args[0]) is Tensor:
            attributes["in_tensors"] = args
        else:
            attributes["in_tensors"] = tensors(args)
        return info

    def end(self, row: LayerInfo, args: tuple[Any, ...], output: Any) -> None:
        """The call of ``row``'s module returned ``output`` (where a global forward hook
        runs): the row of the module's latest call takes the shapes, the bytes and
        torchinfo's mult-adds."""
        info = self._latest[id(row.module)]
        if type(output) is Tensor:
            output_shape = tuple(output._shape)
            outputs: tuple[Tensor, ...] = (output,)
            item = output.dtype.itemsize
        else:
            output_shape, item = first_shape(output)
            outputs = tensors(output)
        if len(args) == 1 and type(args[0]) is Tensor:
            first = args[0]
            input_shape = output_shape if first is output else tuple(first._shape)
        else:
            input_shape = first_shape(args)[0]
        attributes = info.__dict__
        attributes["input_shape"] = input_shape
        attributes["output_shape"] = output_shape
        attributes["output_bytes"] = item * math.prod(output_shape)
        attributes["executed"] = True
        attributes["out_tensors"] = outputs
        factors = attributes["_factors"]
        if factors != _NO_FACTORS:
            attributes["mult_adds"] = _scaled(factors, output_shape)
        self.finished.append(info)

    def _pre_hook(self, module: Module, args: Any) -> None:
        self.begin(module, args)

    def _post_hook(self, module: Module, args: Any, output: Any) -> None:
        if id(module) in self._places:
            self.end(self._latest[id(module)], args, output)

    def as_hooks(self) -> None:
        """Stand as the pair of global hooks (a global hook is being registered while
        this trace is the recorder): ``_module._recorder`` is cleared."""
        _module._recorder[0] = None
        self._handles = (
            _module.register_module_forward_pre_hook(self._pre_hook),
            _module.register_module_forward_hook(self._post_hook),
        )

    def run(self, kwargs: Mapping[str, Any], mode: str) -> None:
        """Run the forward pass with the calls recorded, in ``mode``; then restore the
        mode. The trace is the recorder ``Module.__call__`` calls, or, with global
        hooks already there, a pair of global hooks after them."""
        model = self.model
        was_training = model.training
        recorder = _module._recorder
        outer = recorder[0]
        if (
            outer is None
            and not _module._global_forward_pre_hooks
            and not _module._global_forward_hooks
        ):
            recorder[0] = self
        else:
            if outer is not None:
                outer.as_hooks()
            self.as_hooks()
        try:
            model.train(mode == "train")
            model(*self.inputs, **kwargs)
        finally:
            if recorder[0] is self:
                recorder[0] = None
            for handle in self._handles:
                handle.remove()
            model.train(was_training)

    # After the pass -----------------------------------------------------------------

    def add_missing_containers(self) -> None:
        """Insert rows for containers whose children ran but which were not called."""
        calls = self.infos
        current: dict[int, LayerInfo] = {}
        index = 0
        while index < len(calls):
            call = calls[index]
            lineage: dict[int, LayerInfo] = {}
            parent = call.parent
            while parent is not None and parent.depth > 0:
                lineage[parent.depth] = parent
                parent = parent.parent
            inserted = 0
            for depth in range(1, call.depth):
                missing = (
                    depth not in current
                    or current[depth].module is not lineage[depth].module
                )
                if missing and lineage[depth] is not calls[index + inserted - 1]:
                    container = lineage[depth]
                    self._count(container)
                    key = id(container.module)
                    container.is_recursive = key in self._latest
                    calls.insert(index + inserted, container)
                    self._latest.setdefault(key, container)
                    current[depth] = container
                    inserted += 1
            current[call.depth] = call
            deeper = call.depth + 1
            while deeper in current:
                current.pop(deeper)
                deeper += 1
            index += inserted + 1

    def link(self) -> None:
        """Number the rows by depth and give each row its descendants' rows."""
        counters: dict[int, int] = {}
        open_rows: list[LayerInfo] = []
        for info in self.infos:
            depth = info.depth
            counters[depth] = counters.get(depth, 0) + 1
            info.depth_index = counters[depth]
            info.children = []
            while open_rows and open_rows[-1].depth >= depth:
                open_rows.pop()
            for row in open_rows:
                row.children.append(info)
            open_rows.append(info)


def trace(
    model: Module,
    inputs: Sequence[Tensor] | None,
    kwargs: Mapping[str, Any] | None = None,
    mode: str = "eval",
) -> Trace:
    """Record the rows of ``model``: its forward pass on ``inputs``, or, with None,
    every module of the tree once, uncalled (torchinfo without an input).

    Raises:
        ValueError: whatever the model's forward pass raises for these inputs.
    """
    recorded = Trace(model, inputs or ())
    places = recorded.place()
    if inputs is None:
        for place in places:
            recorded.start(place.module, place)
    else:
        recorded.run(kwargs or {}, mode)
        recorded.add_missing_containers()
    recorded.link()
    return recorded

"""The forward pass, recorded: which module ran, in what order, on what and to what.

[`trace`][convdims.torch.tracing.trace] places every module of the model in its tree
(name, depth, parent), registers one pair of global forward hooks (PyTorch's
``register_module_forward_pre_hook`` / ``register_module_forward_hook``) for the length
of the forward pass, and keeps a [`LayerInfo`][convdims.torch.layer_info.LayerInfo] per
call of a module of the tree: the rows of the summary, in torchinfo's order, with the
tensors each call took and returned (from which [`convdims.torch.graph`][] links the
calls). Nothing here knows about the table.

>>> from convdims.torch import empty, nn
>>> model = nn.Sequential(nn.Conv2d(3, 5, 3), nn.ReLU())
>>> recorded = trace(model, [empty(1, 3, 8, 8)])
>>> [(info.class_name, info.depth, info.output_shape) for info in recorded.infos]
[('Sequential', 0, (1, 5, 6, 6)), ('Conv2d', 1, (1, 5, 6, 6)), ('ReLU', 1, (1, 5, 6, 6))]
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence

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
        self._latest: dict[int, LayerInfo] = {}
        self._seen: set[int] = set()
        self._stats: dict[int, tuple[int, int, int]] = {}
        self._counts: dict[int, tuple[tuple[str, int], ...]] = {}
        self._shared = False

    # The tree -----------------------------------------------------------------------

    def place(self) -> list[LayerInfo]:
        """Place every module of the tree; the places in depth-first order."""
        order: list[LayerInfo] = []
        visited: set[int] = set()
        param_ids: set[int] = set()
        stack: list[tuple[str, Module, int, LayerInfo | None]] = [
            (type(self.model).__name__, self.model, 0, None)
        ]
        while stack:
            var_name, module, depth, parent = stack.pop()
            place = LayerInfo(var_name, module, depth, parent)
            self._places[id(module)] = place
            order.append(place)
            if id(module) in visited:
                self._shared = True
            else:
                visited.add(id(module))
                for param in module._parameters.values():
                    if param is not None:
                        if id(param) in param_ids:
                            self._shared = True
                        param_ids.add(id(param))
            children = [
                (name, child, depth + 1, place)
                for name, child in module._modules.items()
                if child is not None
            ]
            children.reverse()
            stack += children
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
        if place is None:
            place = self._places.get(id(module))
            if place is None:
                return None
        info = LayerInfo(place.var_name, module, place.depth, place.parent, place.is_leaf)
        key = id(module)
        info.num_params, info.trainable_params, info.param_bytes = self._stats.get(
            key
        ) or self._param_stats(module)
        if key in self._seen:
            info.is_recursive = True
        else:
            self._seen.add(key)
        self.infos.append(info)
        self._latest[key] = info
        return info

    def _count(self, info: LayerInfo) -> None:
        info.num_params, info.trainable_params, info.param_bytes = self._param_stats(
            info.module
        )

    # The hooks ----------------------------------------------------------------------

    def _pre_hook(self, module: Module, args: Any) -> None:
        info = self.start(module)
        if info is not None:
            info.in_tensors = tensors(args)

    def _post_hook(self, module: Module, args: Any, output: Any) -> None:
        if id(module) not in self._places:
            return
        info = self._latest[id(module)]
        output_shape, item = first_shape(output)
        info.__dict__.update(
            input_shape=first_shape(args)[0],
            output_shape=output_shape,
            output_bytes=item * math.prod(output_shape),
            executed=True,
            out_tensors=tensors(output),
        )
        self.finished.append(info)

    def run(self, kwargs: Mapping[str, Any], mode: str) -> None:
        """Run the forward pass with the hooks on, in ``mode``; then restore the mode."""
        model = self.model
        was_training = model.training
        pre = _module.register_module_forward_pre_hook(self._pre_hook)
        post = _module.register_module_forward_hook(self._post_hook)
        try:
            model.train(mode == "train")
            model(*self.inputs, **kwargs)
        finally:
            pre.remove()
            post.remove()
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
                    container.is_recursive = id(container.module) in self._seen
                    calls.insert(index + inserted, container)
                    self._seen.add(id(container.module))
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

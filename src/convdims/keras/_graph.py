"""Symbolic tensors and the graph they record, as in Keras's functional API.

A ``KerasTensor`` holds only a shape and a dtype. Calling a
layer on one records a ``Node`` (the call) on the layer and returns new tensors whose
``_keras_history`` points back at it; ``map_graph`` walks that history from a model's
outputs to its inputs, in the order Keras uses for a model's layers and its summary
rows.
"""

from __future__ import annotations

import collections

from convdims.keras._naming import uniquify

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any


#: How many layer calls are computing their output shape (then nothing is recorded).
_inside_call = [0]


class _ShapesOnly:
    """The context manager ``shapes_only()`` returns (a class of its own: ``contextlib``
    would add to ``import convdims.keras``)."""

    __slots__ = ()

    def __enter__(self) -> None:
        _inside_call[0] += 1

    def __exit__(self, *exc: object) -> None:
        _inside_call[0] -= 1


_SHAPES_ONLY = _ShapesOnly()


def shapes_only() -> _ShapesOnly:
    """Operations inside this block compute shapes and record no graph node (a layer's
    ``call`` run on placeholder tensors to learn its output shape)."""
    return _SHAPES_ONLY


# A named tuple, as Keras's (``typing.NamedTuple`` would load ``typing`` at import).
KerasHistory = collections.namedtuple(
    "KerasHistory", ["operation", "node_index", "tensor_index"]
)
KerasHistory.__doc__ = "Which call of which layer produced a tensor."


_history = tuple.__new__  # KerasHistory without its Python-level __new__


class KerasTensor:
    """A symbolic tensor: a shape (``None`` for unknown sizes) and a dtype, no values.

    >>> from convdims import keras
    >>> x = keras.Input((32, 32, 3), name="image")
    >>> x.shape, x.ndim, x.dtype
    ((None, 32, 32, 3), 4, 'float32')
    """

    def __init__(
        self,
        shape: tuple,
        dtype: str = "float32",
        sparse: bool = False,
        ragged: bool = False,
        record_history: bool = True,
        name: str | None = None,
        **kwargs: Any,
    ) -> None:
        # sparse, ragged, record_history and Keras's other keywords are accepted as
        # Keras accepts them; nothing here depends on them.
        self._shape = tuple(shape)
        self._dtype = dtype
        self.name = name if name is not None else uniquify("keras_tensor")

    @property
    def shape(self) -> tuple:
        return self._shape

    @property
    def ndim(self) -> int:
        return len(self._shape)

    @property
    def dtype(self) -> str:
        return self._dtype

    @property
    def sparse(self) -> bool:
        return False

    def __repr__(self) -> str:
        return (
            f"<KerasTensor shape={self._shape}, dtype={self._dtype}, sparse=False, "
            f"ragged=False, name={self.name}>"
        )

    def __hash__(self) -> int:
        return id(self)

    # Arithmetic (``x + 1``, ``-x``, ``x[0]``...): each operator is an operation of the
    # graph, as in Keras 3. ``convdims.keras._operations`` defines the operations and
    # installs the operator methods on this class, so this module needs none of it.

    def __eq__(self, other: object) -> bool:
        return self is other


_new_object = object.__new__


def new_tensor(shape: tuple, dtype: str) -> KerasTensor:
    """``KerasTensor(shape, dtype)`` for a shape that is already a tuple (what every
    layer call makes), without the keyword handling of ``__init__``."""
    tensor = _new_object(KerasTensor)
    tensor._shape = shape
    tensor._dtype = dtype
    tensor.name = uniquify("keras_tensor")
    return tensor


def flatten(structure: Any) -> list:
    """Tensors (or anything else) from nested lists, tuples and dicts, in order."""
    if isinstance(structure, (list, tuple)):
        return [leaf for item in structure for leaf in flatten(item)]
    if isinstance(structure, dict):
        return [leaf for key in sorted(structure) for leaf in flatten(structure[key])]
    return [structure]


class Node:
    """One call of an operation: the tensors it took and the tensors it returned."""

    def __init__(self, operation: Any, inputs: Any = None, outputs: Any = None):
        self.operation = operation
        self.arguments = inputs
        if type(inputs) is KerasTensor and type(outputs) is KerasTensor:
            # One tensor in, one out (nearly every call): the steps below, unrolled.
            self.input_tensors = [inputs]
            self.outputs = [outputs]
            try:
                parent = inputs._keras_history[0]
            except AttributeError:
                inputs._keras_history = KerasHistory(None, 0, 0)
                parent = None
            inbound = operation._inbound_nodes
            inbound.append(self)
            if parent is not None:
                parent._outbound_nodes.append(self)
            outputs._keras_history = _history(
                KerasHistory, (operation, len(inbound) - 1, 0)
            )
            self.is_input = False
            return
        if type(inputs) is KerasTensor:  # the common case, without the walk
            self.input_tensors: list[KerasTensor] = [inputs]
        elif inputs is None:
            self.input_tensors = []
        else:
            self.input_tensors = [x for x in flatten(inputs) if isinstance(x, KerasTensor)]
        if type(outputs) is KerasTensor:
            self.outputs: list[KerasTensor] = [outputs]
        else:
            self.outputs = [] if outputs is None else flatten(outputs)
        for tensor in self.input_tensors:
            if not hasattr(tensor, "_keras_history"):
                tensor._keras_history = KerasHistory(None, 0, 0)
        operation._inbound_nodes.append(self)
        for tensor in self.input_tensors:
            parent = tensor._keras_history.operation
            if parent is not None:
                parent._outbound_nodes.append(self)
        index = len(operation._inbound_nodes) - 1
        for i, tensor in enumerate(self.outputs):
            tensor._keras_history = _history(KerasHistory, (operation, index, i))
        self.is_input = not self.input_tensors

    @property
    def output_tensors(self) -> list[KerasTensor]:
        return self.outputs

    @property
    def parent_nodes(self) -> list[Node]:
        parents = []
        for tensor in self.input_tensors:
            operation, index, _ = tensor._keras_history
            if operation is not None:
                parents.append(operation._inbound_nodes[index])
        return parents

    def __repr__(self) -> str:
        return f"<Node operation={self.operation.name}, id={id(self)}>"


def _build_map(inputs: list, outputs: list) -> tuple[list[Node], dict]:
    finished: set[Node] = set()
    in_progress: set[Node] = set()
    ordered: list[Node] = []
    indices: dict = {}
    input_ids = {id(x) for x in inputs}

    def visit(tensor: KerasTensor) -> None:
        operation, node_index, _ = tensor._keras_history
        if not operation:
            return
        node = operation._inbound_nodes[node_index]
        if node in finished:
            return
        if not node.is_input and id(tensor) in input_ids:
            finished.add(node)
            return
        if node in in_progress:
            raise ValueError(
                f"Tensor {tensor} from operation '{operation.name}' is part of a cycle."
            )
        if operation not in indices:
            indices[operation] = len(indices)
        in_progress.add(node)
        if not node.is_input:
            for parent in node.input_tensors:
                visit(parent)
        finished.add(node)
        in_progress.remove(node)
        ordered.append(node)

    for output in outputs:
        visit(output)
    return ordered, indices


def map_graph(inputs: list, outputs: list) -> tuple[set, dict, list, dict]:
    """Nodes and operations between ``inputs`` and ``outputs``, ordered by depth.

    Returns ``(node_keys, nodes_by_depth, operations, operations_by_depth)`` as Keras's
    ``map_graph`` does; ``operations`` is the order of a functional model's layers.

    Raises:
        ValueError: an output depends on a tensor that is not among the inputs, or two
            operations share a name.
    """
    ordered, indices = _build_map(inputs, outputs)
    in_graph = set(ordered)
    keys = {(id(n.operation), n.operation._inbound_nodes.index(n)) for n in ordered}
    node_depths: dict[Node, int] = {}
    operation_depths: dict = {}
    depth_of_node = node_depths.get
    depth_of_operation = operation_depths.get
    for node in reversed(ordered):
        # Keras's steps (setdefault, max), written so that a node enters node_depths
        # at the same moment, which orders the nodes of a depth.
        operation = node.operation
        depth = depth_of_node(node, 0)
        above = depth_of_operation(operation, 0)
        if above > depth:
            depth = above
        operation_depths[operation] = depth
        node_depths[node] = depth
        below = depth + 1
        for tensor in node.input_tensors:
            parent_operation, index, _ = tensor._keras_history
            if parent_operation is None:
                continue
            parent = parent_operation._inbound_nodes[index]
            if parent in in_graph and depth_of_node(parent, 0) < below:
                node_depths[parent] = below
    for tensor in inputs:
        operation = tensor._keras_history[0]
        if operation and operation not in operation_depths:
            index = tensor._keras_history.node_index
            node = operation._inbound_nodes[index]
            if node.is_input:
                operation_depths[operation] = 0
                indices[operation] = -1
                node_depths[node] = 0
                keys.add((id(operation), index))
    nodes_by_depth: dict[int, list[Node]] = collections.defaultdict(list)
    for node, depth in node_depths.items():
        nodes_by_depth[depth].append(node)
    operations_by_depth: dict[int, list] = collections.defaultdict(list)
    for operation, depth in operation_depths.items():
        operations_by_depth[depth].append(operation)
    operations = []
    for depth in sorted(operations_by_depth, reverse=True):
        level = operations_by_depth[depth]
        if len(level) > 1:
            level.sort(key=indices.__getitem__)
        operations.extend(level)
    computable = {id(x) for x in inputs}
    done: list[Node] = []
    for depth in sorted(nodes_by_depth, reverse=True):
        for node in nodes_by_depth[depth]:
            if computable.issuperset(map(id, node.input_tensors)):
                done.append(node)
                computable.update(map(id, node.outputs))
                continue
            for position, tensor in enumerate(node.input_tensors):
                if id(tensor) not in computable:
                    # Keras lists the operation once per input tensor accepted so far.
                    seen = [n.operation.name for n in done for _ in n.input_tensors]
                    seen += [node.operation.name] * position
                    raise ValueError(
                        f"Graph disconnected: cannot find parent for tensor {tensor} at "
                        f"operation '{node.operation.name}'. The following previous "
                        f"operations were accessed without issue: {seen}"
                    )
            done.append(node)
            computable.update(map(id, node.outputs))
    names = [operation.name for operation in operations]
    if len(set(names)) != len(names):
        counts = collections.Counter(names)
        for name in names:
            if counts[name] != 1:
                raise ValueError(
                    f'The name "{name}" is used {counts[name]} times in the model. '
                    "All operation names should be unique."
                )
    return keys, dict(nodes_by_depth), operations, dict(operations_by_depth)

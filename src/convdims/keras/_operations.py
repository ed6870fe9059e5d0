"""Keras's operations on symbolic tensors: ``x + 3.0``, ``-x``, ``x * y``.

In Keras 3 an arithmetic operator on a ``KerasTensor`` is an operation of the graph
(``keras.src.ops.numpy.Add``...): the model's summary lists it as a row of its own,
``add (Add)``, named from the same counters as the layers. The same operators inside a
layer's ``call`` only compute a shape (Keras runs ``call`` on placeholder tensors to
learn its output): there they record nothing.

>>> from convdims import keras
>>> x = keras.Input((4,))
>>> y = x + 1.0
>>> y.shape, y._keras_history.operation.name, type(y._keras_history.operation).__name__
((None, 4), 'add', 'Add')
"""

from __future__ import annotations

from convdims.description import Kind
from convdims.keras._graph import KerasTensor, Node, _inside_call, flatten
from convdims.keras.layers._layer import Layer

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any, ClassVar


def _shape(value: Any) -> tuple | None:
    if isinstance(value, KerasTensor):
        return value.shape
    shape = getattr(value, "shape", None)
    if shape is not None:
        return tuple(shape)
    if isinstance(value, (int, float, complex, bool)):
        return ()
    return None


def broadcast_shapes(first: tuple, second: tuple) -> tuple:
    """Keras's ``broadcast_shapes``: sizes of 1 stretch, an unknown size stays unknown
    unless the other is known and not 1.

    >>> broadcast_shapes((None, 4), (1,)), broadcast_shapes((None, 1), (None, 3))
    ((None, 4), (None, 3))
    """
    one, two = list(first), list(second)
    if len(one) < len(two):
        one = [1] * (len(two) - len(one)) + one
    else:
        two = [1] * (len(one) - len(two)) + two
    out = []
    for a, b in zip(one, two, strict=True):
        if a == 1:
            out.append(b)
        elif a is None:
            out.append(None if b == 1 else b)
        elif b == 1 or b is None or b == a:
            out.append(a)
        else:
            raise ValueError(
                "Cannot broadcast shape, the failure dim has value "
                f"{a}, which cannot be broadcasted to {b}. "
                f"Input shapes are: {list(first)} and {list(second)}."
            )
    return tuple(out)


class Operation(Layer):
    """An operation of the graph: no weights, one output of the broadcast shape of its
    inputs (tensors, weights or numbers)."""

    _kind: ClassVar[Kind] = Kind.MERGE

    #: Not a layer: ``model.layers`` leaves it out (the summary shows it).
    _is_operation: ClassVar[bool] = True

    def __init__(self, name: str | None = None) -> None:
        super().__init__(name=name)
        self.built = True

    def _output_shape(self, *args: Any) -> tuple:
        shapes = [s for s in (_shape(a) for a in args) if s is not None]
        result = shapes[0]
        for shape in shapes[1:]:
            result = broadcast_shapes(result, shape)
        return result

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        dtype = next((a.dtype for a in args if isinstance(a, KerasTensor)), "float32")
        output = KerasTensor(self._output_shape(*args), dtype)
        if not _inside_call[0]:
            Node(self, [a for a in args if isinstance(a, KerasTensor)], output)
        return output


class Add(Operation):
    """``x + y``."""


class Subtract(Operation):
    """``x - y``."""


class Multiply(Operation):
    """``x * y``."""


class TrueDivide(Operation):
    """``x / y``."""


class FloorDivide(Operation):
    """``x // y``."""


class Power(Operation):
    """``x ** y``."""


class Mod(Operation):
    """``x % y``."""


class Negative(Operation):
    """``-x``."""

    _kind: ClassVar[Kind] = Kind.OTHER


class Absolute(Operation):
    """``abs(x)``."""

    _kind: ClassVar[Kind] = Kind.OTHER


def binary(operation: type[Operation], left: Any, right: Any) -> Any:
    """``left <op> right`` on symbolic tensors: a new operation of the graph."""
    if _shape(left) is None or _shape(right) is None:
        return NotImplemented
    return operation()(left, right)


def unary(operation: type[Operation], value: Any) -> Any:
    """``<op> value`` on a symbolic tensor."""
    return operation()(value)


def _item_shape(shape: tuple, key: Any) -> tuple:
    """The shape of ``x[key]`` for basic indexing (ints, slices, ``...``, None); an
    unknown size sliced stays unknown."""
    items = list(key) if isinstance(key, tuple) else [key]
    named = sum(1 for item in items if item is not None and item is not Ellipsis)
    if named > len(shape):
        raise IndexError(f"too many indices for tensor of rank {len(shape)}: {key!r}")
    if Ellipsis in items:
        at = items.index(Ellipsis)
        items[at : at + 1] = [slice(None)] * (len(shape) - named)
    else:
        items += [slice(None)] * (len(shape) - named)
    out: list[Any] = []
    axis = 0
    for item in items:
        if item is None:
            out.append(1)
            continue
        size = shape[axis]
        if isinstance(item, slice):
            if size is None:
                out.append(None)
            else:
                out.append(len(range(*item.indices(size))))
        elif isinstance(item, int):
            if size is not None and not -size <= item < size:
                raise IndexError(
                    f"index {item} is out of bounds for axis {axis} with size {size}"
                )
        else:
            raise TypeError(
                f"convdims indexes symbolic tensors with ints, slices, ... and None; got "
                f"{item!r}"
            )
        axis += 1
    return tuple(out)


class GetItem(Operation):
    """``x[key]``: basic indexing of a symbolic tensor."""

    _kind: ClassVar[Kind] = Kind.OTHER

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        x, key = args
        output = KerasTensor(_item_shape(x.shape, key), x.dtype)
        if not _inside_call[0]:
            Node(self, [x], output)
        return output


_named_operations: dict[str, type[Operation]] = {}


def record(class_name: str, inputs: Any, outputs: Any) -> Any:
    """``outputs`` of the ``keras.ops`` function whose operation class is
    ``class_name`` (``Concatenate``, ``Split``...), recorded as a node of the graph
    when its inputs are symbolic tensors and no layer's call is running, as in Keras."""
    tensors = [x for x in flatten(inputs) if isinstance(x, KerasTensor)]
    if not tensors or _inside_call[0]:
        return outputs
    cls = _named_operations.get(class_name)
    if cls is None:
        cls = type(class_name, (Operation,), {"__doc__": f"``keras.ops``' {class_name}."})
        _named_operations[class_name] = cls
    Node(cls(), tensors, outputs)
    return outputs


def _binary_operator(operation: type[Operation], reflected: bool) -> Any:
    if reflected:

        def method(self: KerasTensor, other: Any) -> Any:
            return binary(operation, other, self)

    else:

        def method(self: KerasTensor, other: Any) -> Any:
            return binary(operation, self, other)

    return method


def _unary_operator(operation: type[Operation]) -> Any:
    def method(self: KerasTensor) -> Any:
        return unary(operation, self)

    return method


def _getitem(self: KerasTensor, key: Any) -> Any:
    return GetItem()(self, key)


def _install_operators() -> None:
    """Give ``KerasTensor`` its operators, each one the operation defined here (the
    tensor class knows nothing of the operations; they register themselves on it)."""
    binaries = {
        "add": Add,
        "sub": Subtract,
        "mul": Multiply,
        "truediv": TrueDivide,
        "floordiv": FloorDivide,
        "pow": Power,
        "mod": Mod,
    }
    reflected = {"add", "sub", "mul", "truediv"}
    methods: dict[str, Any] = {"__getitem__": _getitem}
    for name, operation in binaries.items():
        methods[f"__{name}__"] = _binary_operator(operation, reflected=False)
        if name in reflected:
            methods[f"__r{name}__"] = _binary_operator(operation, reflected=True)
    methods["__neg__"] = _unary_operator(Negative)
    methods["__abs__"] = _unary_operator(Absolute)
    for name, method in methods.items():
        method.__name__ = name
        method.__qualname__ = f"KerasTensor.{name}"
        setattr(KerasTensor, name, method)


_install_operators()

"""Layers that merge several tensors: element-wise (Add, Multiply...) and Concatenate."""

from __future__ import annotations

from convdims.description import Kind
from convdims.keras.layers._layer import Layer

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any, ClassVar


def _is_shape_list(input_shape: Any) -> bool:
    return (
        isinstance(input_shape, (list, tuple))
        and bool(input_shape)
        and isinstance(input_shape[0], (list, tuple))
    )


class Merge(Layer):
    """Element-wise merge of tensors whose shapes match or broadcast (sizes of 1)."""

    _kind: ClassVar[Kind] = Kind.MERGE

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)

    def _elementwise_shape(self, first: Any, second: Any) -> Any:
        if first is None or second is None:
            return None
        if len(first) < len(second):
            return self._elementwise_shape(second, first)
        if not second:
            return first
        shape = list(first[: -len(second)])
        for i, j in zip(first[-len(second) :], second, strict=False):
            if i is None or j is None:
                shape.append(None)
            elif i == 1:
                shape.append(j)
            elif j == 1:
                shape.append(i)
            else:
                if i != j:
                    raise ValueError(
                        f"Inputs have incompatible shapes. Received shapes {first} and "
                        f"{second}"
                    )
                shape.append(i)
        return tuple(shape)

    def _build(self, input_shape: Any) -> None:
        if not _is_shape_list(input_shape):
            raise ValueError(
                "A merge layer should be called on a list of inputs. "
                f"Received: input_shape={input_shape} (not a list of shapes)"
            )
        batch_sizes = {s[0] for s in input_shape if s} - {None}
        if len(batch_sizes) > 1:
            raise ValueError(
                "Cannot merge tensors with different batch sizes. Received tensors with "
                f"shapes {input_shape}"
            )
        self.compute_output_shape(input_shape)

    def compute_output_shape(self, input_shape: Any) -> tuple:
        if not _is_shape_list(input_shape):
            raise ValueError(
                "A merge layer should be called on a list of inputs. "
                f"Received: input_shape={input_shape} (not a list of shapes)"
            )
        shapes = [tuple(s) for s in input_shape]
        if shapes.count(shapes[0]) == len(shapes):
            return shapes[0]  # the same shape everywhere (a residual sum): that shape
        output = shapes[0][1:]
        for shape in shapes[1:]:
            output = self._elementwise_shape(output, shape[1:])
        batch_sizes = {s[0] for s in shapes} - {None}
        batch = next(iter(batch_sizes)) if len(batch_sizes) == 1 else None
        return (batch, *output)


class Add(Merge):
    """Sum of the inputs (a residual connection). Shapes must match or broadcast.

    >>> from convdims import keras
    >>> from convdims.keras import layers
    >>> x = keras.Input((8, 8, 16))
    >>> layers.Add()([x, layers.Conv2D(16, 3, padding="same")(x)]).shape
    (None, 8, 8, 16)
    """


class Subtract(Merge):
    """First input minus the second: exactly two inputs."""

    def _build(self, input_shape: Any) -> None:
        super()._build(input_shape)
        if len(input_shape) != 2:
            raise ValueError(
                "A `Subtract` layer should be called on exactly 2 inputs. "
                f"Received: input_shape={input_shape}"
            )


class Multiply(Merge):
    """Element-wise product of the inputs."""


class Average(Merge):
    """Element-wise mean of the inputs."""


class Maximum(Merge):
    """Element-wise maximum of the inputs."""


class Minimum(Merge):
    """Element-wise minimum of the inputs."""


class Concatenate(Merge):
    """Join inputs along ``axis``; every other axis must match (``None`` matches all).

    >>> from convdims import keras
    >>> from convdims.keras import layers
    >>> a, b = keras.Input((8, 8, 16)), keras.Input((8, 8, 4))
    >>> layers.Concatenate()([a, b]).shape
    (None, 8, 8, 20)
    """

    def __init__(self, axis: int = -1, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.axis = axis

    def _build(self, input_shape: Any) -> None:
        if not _is_shape_list(input_shape):
            raise ValueError(
                "A `Concatenate` layer should be called on a list of at least 1 input. "
                f"Received: input_shape={input_shape}"
            )
        reduced = []
        for shape in input_shape:
            remaining = list(shape)
            if len(remaining) > self.axis:
                del remaining[self.axis]
            reduced.append(tuple(remaining))
        if len(set(reduced)) == 1:
            return
        message = (
            "A `Concatenate` layer requires inputs with matching shapes except for the "
            f"concatenation axis. Received: input_shape={input_shape}"
        )
        if len({len(shape) for shape in reduced}) != 1:
            raise ValueError(message)
        for axis in range(len(reduced[0])):
            if len({shape[axis] for shape in reduced if shape[axis] is not None}) > 1:
                raise ValueError(message)

    def compute_output_shape(self, input_shape: Any) -> tuple:
        if not _is_shape_list(input_shape):
            raise ValueError(
                "A `Concatenate` layer should be called on a list of inputs. "
                f"Received: input_shape={input_shape}"
            )
        output = list(input_shape[0])
        try:
            for shape in input_shape[1:]:
                if output[self.axis] is None or shape[self.axis] is None:
                    output[self.axis] = None
                    break
                output[self.axis] += shape[self.axis]
        except IndexError:
            raise ValueError(
                f"Concatenate axis={self.axis} is out of range for inputs of shapes "
                f"{[tuple(s) for s in input_shape]}"
            ) from None
        return tuple(output)


# The functional forms: ``layers.add([a, b])`` is ``layers.Add()([a, b])``, as in Keras.


def add(inputs: Any, **kwargs: Any) -> Any:
    """``keras.layers.add``: ``Add(**kwargs)(inputs)``."""
    from convdims.keras.layers import Add

    return Add(**kwargs)(inputs)


def subtract(inputs: Any, **kwargs: Any) -> Any:
    """``keras.layers.subtract``: ``Subtract(**kwargs)(inputs)``."""
    from convdims.keras.layers import Subtract

    return Subtract(**kwargs)(inputs)


def multiply(inputs: Any, **kwargs: Any) -> Any:
    """``keras.layers.multiply``: ``Multiply(**kwargs)(inputs)``."""
    from convdims.keras.layers import Multiply

    return Multiply(**kwargs)(inputs)


def average(inputs: Any, **kwargs: Any) -> Any:
    """``keras.layers.average``: ``Average(**kwargs)(inputs)``."""
    from convdims.keras.layers import Average

    return Average(**kwargs)(inputs)


def maximum(inputs: Any, **kwargs: Any) -> Any:
    """``keras.layers.maximum``: ``Maximum(**kwargs)(inputs)``."""
    from convdims.keras.layers import Maximum

    return Maximum(**kwargs)(inputs)


def minimum(inputs: Any, **kwargs: Any) -> Any:
    """``keras.layers.minimum``: ``Minimum(**kwargs)(inputs)``."""
    from convdims.keras.layers import Minimum

    return Minimum(**kwargs)(inputs)


def concatenate(inputs: Any, axis: int = -1, **kwargs: Any) -> Any:
    """``keras.layers.concatenate``: ``Concatenate(axis=axis, **kwargs)(inputs)``."""
    from convdims.keras.layers import Concatenate

    return Concatenate(axis=axis, **kwargs)(inputs)

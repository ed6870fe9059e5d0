"""``Dot`` and ``dot``: the dot product of two tensors along one axis of each, per
sample (Keras's ``merging/dot.py``): the two axes go, the rest stay, the second
input's batch axis merged into the first's.

>>> from convdims import keras
>>> from convdims.keras import layers
>>> a, b = keras.Input((10, 8)), keras.Input((6, 8))
>>> layers.Dot(axes=(2, 2))([a, b]).shape, layers.dot([keras.Input((4,))] * 2, 1).shape
((None, 10, 6), (None, 1))
"""

from __future__ import annotations

from convdims.keras.layers.merging import Merge

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any


class Dot(Merge):
    """The dot product of ``[x1, x2]`` over ``axes`` (one int for both, or a pair);
    no weights."""

    def __init__(self, axes: Any, normalize: bool = False, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        if not isinstance(axes, int):
            if not isinstance(axes, (list, tuple)):
                raise TypeError(
                    "Invalid type for argument `axes`: it should be a list or an int. "
                    f"Received: axes={axes}"
                )
            if len(axes) != 2:
                raise ValueError(
                    "Invalid format for argument `axes`: it should contain two "
                    f"elements. Received: axes={axes}"
                )
            if not isinstance(axes[0], int) or not isinstance(axes[1], int):
                raise ValueError(
                    "Invalid format for argument `axes`: list elements should be "
                    f"integers. Received: axes={axes}"
                )
        self.axes = axes
        self.normalize = normalize

    def _axes(self, shape1: Any, shape2: Any) -> list[int]:
        if isinstance(self.axes, int):
            if self.axes < 0:
                return [self.axes % len(shape1), self.axes % len(shape2)]
            return [self.axes] * 2
        return list(self.axes)

    def _build(self, input_shape: Any) -> None:
        if not isinstance(input_shape[0], (tuple, list)) or len(input_shape) != 2:
            raise ValueError(
                "A `Dot` layer should be called on a list of 2 inputs. "
                f"Received: input_shape={input_shape}"
            )
        shape1, shape2 = input_shape
        axes = self._axes(shape1, shape2)
        try:
            first, second = shape1[axes[0]], shape2[axes[1]]
        except IndexError:
            raise ValueError(
                f"axes={self.axes} names an axis that inputs of shapes {shape1} and "
                f"{shape2} do not have; Keras fails here with IndexError"
            ) from None
        if first != second:
            raise ValueError(
                f"Incompatible input shapes: axis values {first} (at axis {axes[0]}) "
                f"!= {second} (at axis {axes[1]}). Full input shapes: {shape1}, "
                f"{shape2}"
            )

    def compute_output_shape(self, input_shape: Any) -> tuple:
        if not isinstance(input_shape, (tuple, list)) or len(input_shape) != 2:
            raise ValueError(
                "A `Dot` layer should be called on a list of 2 inputs. "
                f"Received: input_shape={input_shape}"
            )
        shape1, shape2 = list(input_shape[0]), list(input_shape[1])
        axes = self._axes(shape1, shape2)
        shape1.pop(axes[0])
        shape2.pop(axes[1])
        shape2.pop(0)
        output_shape = shape1 + shape2
        if len(output_shape) == 1:
            output_shape += [1]
        return tuple(output_shape)


def dot(inputs: Any, axes: Any = -1, **kwargs: Any) -> Any:
    """``Dot(axes=axes, **kwargs)(inputs)``."""
    return Dot(axes=axes, **kwargs)(inputs)


__all__ = ["Dot", "dot"]

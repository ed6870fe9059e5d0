"""Two layers that change no weights: ``Masking`` (skip the time steps whose values
all equal ``mask_value``; the shape stays) and ``CategoryEncoding`` (integer
categories to one-hot, multi-hot or count vectors of ``num_tokens``), as in Keras's
``core/masking.py`` and ``preprocessing/category_encoding.py``.

>>> from convdims import keras
>>> from convdims.keras import layers
>>> layers.Masking()(keras.Input((10, 3))).shape
(None, 10, 3)
>>> layers.CategoryEncoding(5, output_mode="one_hot")(keras.Input((1,))).shape
(None, 5)
"""

from __future__ import annotations

from convdims.description import Kind
from convdims.keras.layers._layer import Layer

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any, ClassVar


class Masking(Layer):
    """Mark the steps whose every value is ``mask_value`` as masked for the layers
    after it; the values and the shape pass through."""

    _kind: ClassVar[Kind] = Kind.IDENTITY

    def __init__(self, mask_value: Any = 0.0, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.mask_value = mask_value
        self.built = True


class CategoryEncoding(Layer):
    """Encode integer categories below ``num_tokens``: ``"one_hot"`` (the last axis,
    when of size 1, becomes ``num_tokens``; otherwise one is added), ``"multi_hot"``
    (``"binary"``) and ``"count"`` (the last axis becomes ``num_tokens``)."""

    _kind: ClassVar[Kind] = Kind.OTHER

    def __init__(
        self,
        num_tokens: Any = None,
        output_mode: str = "multi_hot",
        sparse: bool = False,
        **kwargs: Any,
    ) -> None:
        super().__init__(**kwargs)
        if output_mode == "binary":
            output_mode = "multi_hot"
        if output_mode not in ("count", "one_hot", "multi_hot"):
            raise ValueError(f"Unknown arg for output_mode: {output_mode}")
        if num_tokens is None:
            raise ValueError(
                "num_tokens must be set to use this layer. If the number of tokens is "
                "not known beforehand, use the IntegerLookup layer instead."
            )
        if num_tokens < 1:
            raise ValueError(
                f"`num_tokens` must be >= 1. Received: num_tokens={num_tokens}."
            )
        self.num_tokens = num_tokens
        self.output_mode = output_mode
        self.sparse = sparse
        self.built = True

    def compute_output_shape(self, input_shape: Any) -> tuple:
        if input_shape is not None and len(input_shape) == 0:
            return (self.num_tokens,)
        if self.output_mode == "one_hot":
            if input_shape[-1] != 1 or len(input_shape) == 1:
                return (*input_shape, self.num_tokens)
            return (*input_shape[:-1], self.num_tokens)
        return (*input_shape[:-1], self.num_tokens)


__all__ = ["CategoryEncoding", "Masking"]

"""``Embedding``: a lookup table of ``input_dim`` vectors of ``output_dim`` values
(Keras's ``core/embedding.py``); integer inputs of any shape get a last axis of
``output_dim``.

>>> from convdims import keras
>>> from convdims.keras import layers
>>> embed = layers.Embedding(1000, 64)
>>> embed(keras.Input((20,), dtype="int32")).shape, embed.count_params()
((None, 20, 64), 64000)
"""

from __future__ import annotations

from convdims.description import Kind
from convdims.keras.layers._configured_arguments import resolve
from convdims.keras.layers._convolution import enable_lora
from convdims.keras.layers._layer import Layer

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any, ClassVar


def _positive(name: str, value: Any) -> None:
    if not isinstance(value, int) or isinstance(value, bool) or value <= 0:
        raise ValueError(
            f"`{name}` must be a positive integer. Received: {name}={value} "
            f"(of type {type(value).__name__})."
        )


class Embedding(Layer):
    """Turn indices into dense vectors: an ``embeddings`` weight of
    ``(input_dim, output_dim)``.

    ``input_dim`` and ``output_dim`` must be positive ints (checked first, as Keras
    does); ``input_length`` (Keras 2) is taken with Keras's warning; ``weights`` builds
    the layer at once.
    """

    _kind: ClassVar[Kind] = Kind.EMBEDDING

    def __init__(
        self,
        input_dim: int,
        output_dim: int,
        embeddings_initializer: Any = "uniform",
        embeddings_regularizer: Any = None,
        embeddings_constraint: Any = None,
        mask_zero: bool = False,
        weights: Any = None,
        lora_rank: int | None = None,
        lora_alpha: float | None = None,
        quantization_config: Any = None,
        **kwargs: Any,
    ) -> None:
        _positive("input_dim", input_dim)
        _positive("output_dim", output_dim)
        if kwargs.pop("input_length", None) is not None:
            import warnings

            warnings.warn(
                "Argument `input_length` is deprecated. Just remove it.", stacklevel=2
            )
        super().__init__(**kwargs)
        self.input_dim = input_dim
        self.output_dim = output_dim
        vars(self).update(
            resolve(
                embeddings_initializer=embeddings_initializer,
                embeddings_regularizer=embeddings_regularizer,
                embeddings_constraint=embeddings_constraint,
            )
        )
        self.mask_zero = mask_zero
        self.lora_rank = lora_rank
        self.lora_alpha = lora_alpha if lora_alpha is not None else lora_rank
        if weights is not None:
            self.build()

    def _build(self, input_shape: Any = None) -> None:
        if self._weights:
            return
        shape = (self.input_dim, self.output_dim)
        self._add_weight("embeddings", shape, self.input_dim * self.output_dim)
        if self.lora_rank:
            enable_lora(self, shape, self.output_dim)

    def compute_output_shape(self, input_shape: Any) -> Any:
        return (*input_shape, self.output_dim)

    def _record_fields(self, input_shape: tuple, output_shape: tuple) -> dict[str, Any]:
        return {"in_channels": self.input_dim, "out_channels": self.output_dim}


__all__ = ["Embedding"]

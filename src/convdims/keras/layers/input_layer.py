"""Model inputs: ``keras.Input`` and the ``InputLayer`` behind it."""

from __future__ import annotations

from convdims.description import Kind
from convdims.keras._graph import KerasTensor, Node
from convdims.keras.layers._arguments import standardize_shape
from convdims.keras.layers._layer import Layer, standardize_dtype

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any, ClassVar


class InputLayer(Layer):
    """The layer that produces a model's input tensor; it has no weights.

    >>> from convdims.keras import layers
    >>> layers.InputLayer(shape=(28, 28, 1), name="image").batch_shape
    (None, 28, 28, 1)
    """

    _kind: ClassVar[Kind] = Kind.INPUT

    def __init__(
        self,
        shape: Any = None,
        batch_size: int | None = None,
        dtype: Any = None,
        sparse: bool | None = None,
        ragged: bool | None = None,
        batch_shape: Any = None,
        input_tensor: KerasTensor | None = None,
        optional: bool = False,
        name: str | None = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(name=name)
        if "input_shape" in kwargs:
            import warnings  # only here: a deprecated argument, rarely seen

            warnings.warn(
                "Argument `input_shape` is deprecated. Use `shape` instead.", stacklevel=2
            )
            shape = kwargs.pop("input_shape")
        if "batch_input_shape" in kwargs:
            batch_shape = kwargs.pop("batch_input_shape")
        if input_tensor is not None:
            if not isinstance(input_tensor, KerasTensor):
                raise ValueError(
                    "Argument `input_tensor` must be a KerasTensor. Received invalid "
                    f"type: input_tensor={input_tensor} (of type {type(input_tensor)})"
                )
            batch_shape = input_tensor.shape
            dtype = input_tensor.dtype
        else:
            if shape is not None and batch_shape is not None:
                raise ValueError(
                    "You cannot pass both `shape` and `batch_shape` at the same time."
                )
            if batch_size is not None and batch_shape is not None:
                raise ValueError(
                    "You cannot pass both `batch_size` and `batch_shape` at the same time."
                )
            if shape is None and batch_shape is None:
                raise ValueError("You must pass a `shape` argument.")
            if shape is not None:
                batch_shape = (batch_size,) + standardize_shape(shape)
        self._batch_shape = standardize_shape(batch_shape)
        self._input_dtype = standardize_dtype(dtype)
        self.sparse = bool(sparse)
        self.ragged = bool(ragged)
        if self.sparse or self.ragged:
            kind = "sparse" if self.sparse else "ragged"
            raise ValueError(f"`{kind}=True` is not supported with the torch backend")
        if input_tensor is None:
            input_tensor = KerasTensor(self._batch_shape, self._input_dtype, name=name)
        self._input_tensor = input_tensor
        Node(self, None, input_tensor)
        self.built = True
        self.optional = optional

    @property
    def batch_shape(self) -> tuple:
        """The input's shape, batch axis first (``None`` when free)."""
        return self._batch_shape

    @property
    def dtype(self) -> str:
        return self._input_dtype


def Input(  # noqa: N802 - Keras's name for a function that returns a tensor
    shape: Any = None,
    batch_size: int | None = None,
    dtype: Any = None,
    sparse: bool | None = None,
    ragged: bool | None = None,
    batch_shape: Any = None,
    name: str | None = None,
    tensor: KerasTensor | None = None,
    optional: bool = False,
) -> KerasTensor:
    """A symbolic input tensor: the start of a functional model.

    ``shape`` leaves out the batch axis; ``None`` marks a size free to vary.

    >>> from convdims import keras
    >>> keras.Input((224, 224, 3)).shape
    (None, 224, 224, 3)
    """
    layer = InputLayer(
        shape=shape,
        batch_size=batch_size,
        dtype=dtype,
        sparse=sparse,
        ragged=ragged,
        batch_shape=batch_shape,
        input_tensor=tensor,
        name=name,
        optional=optional,
    )
    return layer.output

"""Keras's attention layers: ``MultiHeadAttention`` (Vaswani 2017), ``Attention``
(Luong's dot-product) and ``AdditiveAttention`` (Bahdanau's), as in Keras's
``layers/attention/``.

``MultiHeadAttention(num_heads, key_dim)`` projects the query, key and value with
per-head kernels ``(features, num_heads, key_dim)`` (value: ``value_dim``) and biases
``(num_heads, dim)``, and projects the heads back with a kernel
``(num_heads, value_dim, out)`` and a bias ``(out,)``; ``out`` is the query's last
size unless ``output_shape`` says otherwise.

>>> from convdims import keras
>>> from convdims.keras import layers
>>> x = keras.Input((10, 64))
>>> mha = layers.MultiHeadAttention(num_heads=4, key_dim=16)
>>> mha(x, x).shape, mha.count_params()
((None, 10, 64), 16640)
"""

from __future__ import annotations

from convdims.description import Kind
from convdims.keras._naming import auto_name
from convdims.keras.layers._configured_arguments import resolve
from convdims.keras.layers._nested import Holder

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any, ClassVar


def _positive(name: str, value: Any, or_none: bool = False) -> None:
    if or_none and value is None:
        return
    if not isinstance(value, int) or value <= 0:
        if or_none:
            raise ValueError(
                f"Received an invalid value for argument `{name}`, expected a positive "
                f"integer or `None`. Received: {name}={value}"
            )
        raise ValueError(
            f"Received an invalid value for argument `{name}`, expected a positive "
            f"integer. Received: {name}={value}"
        )


class MultiHeadAttention(Holder):
    """Attention of ``num_heads`` heads of ``key_dim`` (queries and keys) and
    ``value_dim`` (values, ``key_dim`` when None); called as ``mha(query, value)`` or
    ``mha(query, value, key)`` (every tensor an input of the call), with
    ``return_attention_scores=True`` also the scores ``(batch, heads, Tq, Tq)``, as
    Keras's symbolic call gives them."""

    _kind: ClassVar[Kind] = Kind.ATTENTION

    def __init__(
        self,
        num_heads: int,
        key_dim: int,
        value_dim: int | None = None,
        dropout: float = 0.0,
        use_bias: bool = True,
        output_shape: Any = None,
        attention_axes: Any = None,
        sliding_window: Any = None,
        flash_attention: Any = None,
        kernel_initializer: Any = "glorot_uniform",
        bias_initializer: Any = "zeros",
        kernel_regularizer: Any = None,
        bias_regularizer: Any = None,
        activity_regularizer: Any = None,
        kernel_constraint: Any = None,
        bias_constraint: Any = None,
        use_gate: bool = False,
        seed: Any = None,
        **kwargs: Any,
    ) -> None:
        _positive("num_heads", num_heads)
        _positive("key_dim", key_dim)
        _positive("value_dim", value_dim, or_none=True)
        super().__init__(**kwargs)
        self._num_heads = num_heads
        self._key_dim = key_dim
        self._value_dim = value_dim if value_dim else key_dim
        self._dropout = dropout
        self._use_bias = use_bias
        self._use_gate = use_gate
        if output_shape:
            if isinstance(output_shape, int):
                output_shape = (output_shape,)
            try:
                output_shape = tuple(output_shape)
            except Exception:  # noqa: BLE001 - Keras's bare except
                raise ValueError(
                    f"Invalid `output_shape`: {output_shape}. When specified, the "
                    "`output_shape` should be of type tuple, list, or int."
                ) from None
        self._output_shape = output_shape
        self._flash_attention = flash_attention
        self._resolved = resolve(
            kernel_initializer=kernel_initializer,
            bias_initializer=bias_initializer,
            kernel_regularizer=kernel_regularizer,
            bias_regularizer=bias_regularizer,
            activity_regularizer=activity_regularizer,
            kernel_constraint=kernel_constraint,
            bias_constraint=bias_constraint,
        )
        if isinstance(attention_axes, int):
            attention_axes = (attention_axes,)
        elif attention_axes and not isinstance(attention_axes, (list, tuple)):
            raise ValueError(
                "`attention_axes` must be an int, list, or tuple."
                f"Received: attention_axes={attention_axes}"
            )
        self._attention_axes = attention_axes
        if sliding_window is not None and (
            not isinstance(sliding_window, int) or sliding_window <= 0
        ):
            raise ValueError(
                "`sliding_window` must be `None` or a positive integer. "
                f"Received: sliding_window={sliding_window}"
            )
        self._sliding_window = sliding_window
        self.seed = seed
        if self._flash_attention and self._dropout > 0.0:
            raise ValueError(
                "Dropout is not supported when flash attention is enabled. Please set "
                "dropout to 0.0 to use flash attention."
            )

    num_heads = property(lambda self: self._num_heads)
    key_dim = property(lambda self: self._key_dim)
    value_dim = property(lambda self: self._value_dim)
    dropout = property(lambda self: self._dropout)
    use_bias = property(lambda self: self._use_bias)
    attention_axes = property(lambda self: self._attention_axes)

    def __call__(
        self,
        query: Any,
        value: Any,
        key: Any = None,
        query_mask: Any = None,
        value_mask: Any = None,
        key_mask: Any = None,
        attention_mask: Any = None,
        return_attention_scores: bool = False,
        training: Any = None,
        use_causal_mask: bool = False,
        **kwargs: Any,
    ) -> Any:
        """Attend from ``query`` to ``value`` (keys ``key``, else ``value``)."""

        def compute(query_shape: Any, others: list) -> Any:
            output = self.compute_output_shape(query_shape, *others)
            if return_attention_scores:
                length = query_shape[1]
                scores = (query_shape[0], self._num_heads, length, length)
                return [output, scores]
            return output

        return self._call_with(query, [value, key], compute)

    def _projection(self, name: str, shape: tuple, dims: list) -> None:
        """An EinsumDense of Keras's: a kernel ``(shape[-1], *dims)`` and a bias of
        ``dims``."""
        kernel = self._weight_shape(f"{name}/kernel", (shape[-1], *dims))
        size = 1
        for d in kernel:
            size *= d
        self._add_weight(f"{name}/kernel", kernel, size)
        if self._use_bias:
            bias = 1
            for d in dims:
                bias *= d
            self._add_weight(f"{name}/bias", tuple(dims), bias)

    def _build_with(self, query_shape: Any, others: list) -> None:
        value_shape = others[0]
        key_shape = others[1] if len(others) > 1 else value_shape
        if tuple(value_shape[1:-1]) != tuple(key_shape[1:-1]):
            raise ValueError(
                "All dimensions of `value` and `key`, except the last one, must be "
                f"equal. Received: value_shape={value_shape} and key_shape={key_shape}"
            )
        heads = self._num_heads
        self._projection("query", query_shape, [heads, self._key_dim])
        self._projection("key", key_shape, [heads, self._key_dim])
        if self._use_gate:
            self._projection("gate", query_shape, [heads, self._value_dim])
        self._projection("value", value_shape, [heads, self._value_dim])
        out = list(self._output_shape) if self._output_shape else [query_shape[-1]]
        kernel = self._weight_shape(
            "attention_output/kernel", (heads, self._value_dim, *out)
        )
        size = 1
        for d in kernel:
            size *= d
        self._add_weight("attention_output/kernel", kernel, size)
        if self._use_bias:
            bias = 1
            for d in out:
                bias *= d
            self._add_weight("attention_output/bias", tuple(out), bias)
        # Keras's _build_attention makes a Softmax and a Dropout layer without names:
        # each takes the next auto-name of its kind (a later Dropout is dropout_1).
        auto_name("Softmax")
        auto_name("Dropout")

    def compute_output_shape(
        self, query_shape: Any, value_shape: Any = None, key_shape: Any = None
    ) -> Any:
        query_shape = tuple(query_shape)
        value_shape = tuple(value_shape) if value_shape is not None else query_shape
        key_shape = value_shape if key_shape is None else tuple(key_shape)
        if value_shape[1:-1] != key_shape[1:-1]:
            raise ValueError(
                "All dimensions of `value` and `key`, except the last one, must be "
                f"equal. Received: value_shape={value_shape} and key_shape={key_shape}"
            )
        if self._output_shape:
            query_shape = query_shape[:-1] + self._output_shape
        return query_shape

    def _record_fields(self, input_shape: tuple, output_shape: tuple) -> dict[str, Any]:
        return {
            "in_channels": input_shape[-1] or 0,
            "out_channels": output_shape[-1] or 0,
        }


class Attention(Holder):
    """Dot-product attention of ``[query, value]`` or ``[query, value, key]``: the
    output has the query's shape with the value's last size; ``use_scale`` adds a
    scalar ``scale`` weight, ``score_mode="concat"`` a scalar
    ``concat_score_weight``."""

    _kind: ClassVar[Kind] = Kind.ATTENTION

    def __init__(
        self,
        use_scale: bool = False,
        score_mode: str = "dot",
        dropout: float = 0.0,
        seed: Any = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(**kwargs)
        self.use_scale = use_scale
        self.score_mode = score_mode
        self.dropout = dropout
        self.seed = seed
        if self.score_mode not in ["dot", "concat"]:
            raise ValueError(
                "Invalid value for argument score_mode. Expected one of "
                f"{{'dot', 'concat'}}. Received: score_mode={score_mode}"
            )

    def _validate_inputs(self, inputs: Any, mask: Any = None) -> None:
        name = type(self).__name__
        if not isinstance(inputs, list):
            raise ValueError(
                f"{name} layer must be called on a list of inputs, namely [query, "
                f"value] or [query, value, key]. Received: inputs={inputs}."
            )
        if len(inputs) < 2 or len(inputs) > 3:
            raise ValueError(
                f"{name} layer accepts inputs list of length 2 or 3, namely [query, "
                f"value] or [query, value, key]. Received length: {len(inputs)}."
            )
        if mask is not None:
            if not isinstance(mask, list):
                raise ValueError(
                    f"{name} layer mask must be a list, namely [query_mask, "
                    f"value_mask]. Received: mask={mask}."
                )
            if len(mask) < 2 or len(mask) > 3:
                raise ValueError(
                    f"{name} layer accepts mask list of length 2 or 3. Received: "
                    f"inputs={inputs}, mask={mask}."
                )

    def __call__(
        self,
        inputs: Any,
        mask: Any = None,
        return_attention_scores: bool = False,
        training: Any = None,
        use_causal_mask: bool = False,
        **kwargs: Any,
    ) -> Any:
        """Attend from ``inputs[0]`` (query) to ``inputs[1]`` (value)."""

        def compute(shapes: Any, others: list) -> Any:
            self._validate_inputs(shapes, mask)
            query, value = shapes[0], shapes[1]
            key = shapes[2] if len(shapes) > 2 else value
            output = self.compute_output_shape([query, value, key])
            if return_attention_scores:
                return [output, (*query[:-1], key[-2])]
            return output

        return self._call_with(inputs, [], compute)

    def _build(self, input_shape: Any) -> None:
        self._validate_inputs(input_shape)
        if self.use_scale:
            self.add_weight(name="scale", shape=())
        if self.score_mode == "concat":
            self.add_weight(name="concat_score_weight", shape=())

    def compute_output_shape(self, input_shape: Any) -> Any:
        query_shape, value_shape = input_shape[0], input_shape[1]
        return (*query_shape[:-1], value_shape[-1])

    def _record_fields(self, input_shape: tuple, output_shape: tuple) -> dict[str, Any]:
        return {
            "in_channels": input_shape[-1] or 0,
            "out_channels": output_shape[-1] or 0,
        }


class AdditiveAttention(Attention):
    """Additive (Bahdanau) attention; ``use_scale`` (the default) learns a ``scale`` of
    the query's last size."""

    def __init__(self, use_scale: bool = True, dropout: float = 0.0, **kwargs: Any) -> None:
        super().__init__(use_scale=use_scale, dropout=dropout, **kwargs)

    def _build(self, input_shape: Any) -> None:
        self._validate_inputs(input_shape)
        if self.use_scale:
            self.add_weight(name="scale", shape=[input_shape[0][-1]])


__all__ = ["AdditiveAttention", "Attention", "MultiHeadAttention"]

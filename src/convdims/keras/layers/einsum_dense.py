"""``EinsumDense``: a dense layer written as an einsum equation (Keras's
``core/einsum_dense.py``); the equation, the input shape and ``output_shape`` decide
the kernel's shape and the bias's (``bias_axes``).

>>> from convdims import keras
>>> from convdims.keras import layers
>>> layer = layers.EinsumDense("abc,cd->abd", output_shape=(None, 64), bias_axes="d")
>>> layer(keras.Input((10, 32))).shape, layer.count_params()
((None, None, 64), 2112)
"""

from __future__ import annotations

import re

from convdims.description import Kind
from convdims.keras.layers._configured_arguments import resolve
from convdims.keras.layers._convolution import enable_lora
from convdims.keras.layers._layer import InputSpec, Layer

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any, ClassVar


def analyze_einsum_string(
    equation: str, bias_axes: Any, input_shape: Any, output_shape: Any
) -> tuple:
    """Keras's ``_analyze_einsum_string``: ``(kernel_shape, bias_shape, full output
    shape, input axes, output axes)`` of an equation of the form ``[X],[Y]->[Z]``,
    ``...[X],[Y]->...[Z]`` or ``[X]...,[Y]->[Z]...``.

    >>> analyze_einsum_string("ab,bc->ac", "c", (None, 4), (3,))[:3]
    ([4, 3], [3], [None, 3])

    Raises:
        ValueError: an equation of none of these forms, or dimensions that do not
            match (Keras's messages).
    """
    replaced = re.sub(r"\.\.\.", "0", equation)
    split = re.match("([a-zA-Z]+),([a-zA-Z]+)->([a-zA-Z]+)", replaced)
    if split:
        return _analyze_split(split, bias_axes, input_shape, output_shape)
    split = re.match("0([a-zA-Z]+),([a-zA-Z]+)->0([a-zA-Z]+)", replaced)
    if split:
        return _analyze_split(split, bias_axes, input_shape, output_shape, True)
    split = re.match("([a-zA-Z]{2,})0,([a-zA-Z]+)->([a-zA-Z]+)0", replaced)
    if split:
        return _analyze_split(split, bias_axes, input_shape, output_shape)
    raise ValueError(
        f"Invalid einsum equation '{equation}'. Equations must be in the form "
        "[X],[Y]->[Z], ...[X],[Y]->...[Z], or [X]...,[Y]->[Z]...."
    )


def _analyze_split(
    split: Any,
    bias_axes: Any,
    input_shape: Any,
    output_shape: Any,
    left_elided: bool = False,
) -> tuple:
    input_spec, weight_spec, output_spec = split.group(1), split.group(2), split.group(3)
    elided = len(input_shape) - len(input_spec)
    output = [output_shape] if isinstance(output_shape, int) else list(output_shape)
    output.insert(0, input_shape[0])
    if elided > 0 and left_elided:
        for i in range(1, elided):
            output.insert(1, input_shape[i])
    elif elided > 0 and not left_elided:
        for i in range(len(input_shape) - elided, len(input_shape)):
            output.append(input_shape[i])
    if left_elided:
        input_dim_map = {
            dim: (i + elided) - len(input_shape) for i, dim in enumerate(input_spec)
        }
        output_dim_map = {dim: (i + elided) for i, dim in enumerate(output_spec)}
    else:
        input_dim_map = {dim: i for i, dim in enumerate(input_spec)}
        output_dim_map = {dim: i for i, dim in enumerate(output_spec)}
    try:
        for dim in input_spec:
            at_input = input_shape[input_dim_map[dim]]
            if dim in output_dim_map:
                at_output = output[output_dim_map[dim]]
                if at_output is not None and at_output != at_input:
                    raise ValueError(
                        "Input shape and output shape do not match at shared dimension "
                        f"'{dim}'. Input shape is {at_input}, and output shape is "
                        f"{output[output_dim_map[dim]]}."
                    )
    except IndexError:
        raise ValueError(
            f"output_shape={output_shape} does not fit the output spec "
            f"'{output_spec}' for inputs of shape {tuple(input_shape)}; Keras fails "
            "here with IndexError"
        ) from None
    for dim in output_spec:
        if dim not in input_spec and dim not in weight_spec:
            raise ValueError(
                f"Dimension '{dim}' was specified in the output '{output_spec}' but has "
                f"no corresponding dim in the input spec '{input_spec}' or weight spec "
                f"'{output_spec}'"
            )
    weight_shape = []
    input_axes, output_axes = [], []
    for i, dim in enumerate(weight_spec):
        if dim in output_dim_map:
            weight_shape.append(output[output_dim_map[dim]])
            output_axes.append(i)
        elif dim in input_dim_map:
            weight_shape.append(input_shape[input_dim_map[dim]])
            input_axes.append(i)
        else:
            raise ValueError(
                f"Weight dimension '{dim}' did not have a match in either the input "
                f"spec '{input_spec}' or the output spec '{output_spec}'. For this "
                "layer, the weight must be fully specified."
            )
    bias_shape: Any = None
    if bias_axes is not None:
        num_left_elided = elided if left_elided else 0
        idx_map = {char: output[i + num_left_elided] for i, char in enumerate(output_spec)}
        for char in bias_axes:
            if char not in output_spec:
                raise ValueError(
                    f"Bias dimension '{char}' was requested, but is not part of the "
                    f"output spec '{output_spec}'"
                )
        first = min(output_spec.find(char) for char in bias_axes)
        bias_shape = [
            idx_map[char] if char in bias_axes else 1 for char in output_spec[first:]
        ]
        if not left_elided:
            bias_shape += [1] * elided
    return weight_shape, bias_shape, output, input_axes, output_axes


class EinsumDense(Layer):
    """A dense layer of any equation: ``kernel`` of the shape the equation gives,
    and a ``bias`` over ``bias_axes``."""

    _kind: ClassVar[Kind] = Kind.DENSE

    def __init__(
        self,
        equation: str,
        output_shape: Any,
        activation: Any = None,
        bias_axes: Any = None,
        kernel_initializer: Any = "glorot_uniform",
        bias_initializer: Any = "zeros",
        kernel_regularizer: Any = None,
        bias_regularizer: Any = None,
        kernel_constraint: Any = None,
        bias_constraint: Any = None,
        lora_rank: int | None = None,
        lora_alpha: float | None = None,
        gptq_unpacked_column_size: Any = None,
        quantization_config: Any = None,
        **kwargs: Any,
    ) -> None:
        from convdims.keras import activations

        super().__init__(**kwargs)
        self.equation = equation
        if isinstance(output_shape, int):
            self.partial_output_shape: tuple = (output_shape,)
        else:
            self.partial_output_shape = tuple(output_shape)
        self.bias_axes = bias_axes
        self.activation = activations.get(activation)
        vars(self).update(
            resolve(
                kernel_initializer=kernel_initializer,
                bias_initializer=bias_initializer,
                kernel_regularizer=kernel_regularizer,
                bias_regularizer=bias_regularizer,
                kernel_constraint=kernel_constraint,
                bias_constraint=bias_constraint,
            )
        )
        self.lora_rank = lora_rank
        self.lora_alpha = lora_alpha if lora_alpha is not None else lora_rank

    def _build(self, input_shape: Any) -> None:
        kernel, bias, _, _, _ = analyze_einsum_string(
            self.equation, self.bias_axes, input_shape, self.partial_output_shape
        )
        self.input_spec = InputSpec(ndim=len(input_shape))
        self.add_weight(name="kernel", shape=tuple(kernel))
        if bias is not None:
            self.add_weight(name="bias", shape=tuple(bias))
        if self.lora_rank:
            enable_lora(self, tuple(kernel), kernel[-1])

    def compute_output_shape(self, input_shape: Any) -> tuple:
        return tuple(
            analyze_einsum_string(
                self.equation, self.bias_axes, input_shape, self.partial_output_shape
            )[2]
        )

    def _record_fields(self, input_shape: tuple, output_shape: tuple) -> dict[str, Any]:
        return {"in_channels": input_shape[-1] or 0, "out_channels": output_shape[-1] or 0}


__all__ = ["EinsumDense"]

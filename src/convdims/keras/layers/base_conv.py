"""``BaseConv``: the N-D convolution behind Conv1D, Conv2D and Conv3D (Keras's
``keras/src/layers/convolutional/base_conv.py``)."""

from __future__ import annotations

from convdims.description import Kind
from convdims.keras.layers._convolution import (
    GLOROT,
    Convolution,
    conv_output_shape,
    conv_weights,
    enable_lora,
    positive,
)

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any, ClassVar


_counts: dict[tuple, tuple[int, int]] = {}


def _weight_counts(
    kernel: tuple, channels: int, filters: int, groups: int
) -> tuple[int, int]:
    """The kernel's scalars and the kernel's and bias's together, from the core's
    ``conv_params``. The kernel and filters come from a checked weight shape and
    ``groups`` is ``int(groups)``: plain ints, so the answers are remembered by the
    arguments themselves when the channels are a plain int too (a ``build()`` called
    by hand may pass anything); errors are not remembered."""
    key = (kernel, channels, filters, groups)
    counts = _counts.get(key) if type(channels) is int else None
    if counts is None:
        counts = (
            conv_weights(kernel, channels, filters, use_bias=False, groups=groups),
            conv_weights(kernel, channels, filters, groups=groups),
        )
        if type(channels) is int and len(_counts) < 8192:
            _counts[key] = counts
    return counts


class BaseConv(Convolution):
    """An N-D convolution (N = ``rank``); the public classes fix the rank.

    Stored: what decides shapes and parameter counts (``filters``, ``groups``, the
    window, ``use_bias``, ``lora_rank``); initializers, regularizers, constraints and
    the activation are accepted and not kept.
    """

    _kind: ClassVar[Kind] = Kind.CONV

    def __init__(
        self,
        rank: int,
        filters: int,
        kernel_size: Any,
        strides: Any = 1,
        padding: Any = "valid",
        data_format: str | None = None,
        dilation_rate: Any = 1,
        groups: int = 1,
        activation: Any = None,
        use_bias: bool = True,
        kernel_initializer: Any = GLOROT,
        bias_initializer: Any = "zeros",
        kernel_regularizer: Any = None,
        bias_regularizer: Any = None,
        activity_regularizer: Any = None,
        kernel_constraint: Any = None,
        bias_constraint: Any = None,
        lora_rank: int | None = None,
        lora_alpha: float | None = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(
            rank=rank,
            kernel_size=kernel_size,
            strides=strides,
            padding=padding,
            data_format=data_format,
            dilation_rate=dilation_rate,
            use_bias=use_bias,
            activity_regularizer=activity_regularizer,
            **kwargs,
        )
        self.filters = filters
        self.groups = groups
        self.lora_rank = lora_rank
        self.lora_alpha = lora_alpha if lora_alpha is not None else lora_rank
        positive("filters", filters)
        if groups <= 0:
            raise ValueError(
                "The number of groups must be a positive integer. "
                f"Received: groups={groups}."
            )
        if filters is not None and filters % groups != 0:
            raise ValueError(
                "The number of filters must be evenly divisible by the number of groups. "
                f"Received: groups={groups}, filters={filters}."
            )
        self._check_window()

    def _build(self, input_shape: tuple) -> None:
        _, channels = self._channels(input_shape)
        if channels % self.groups != 0:
            raise ValueError(
                "The number of input channels must be evenly divisible by the number of "
                f"groups. Received groups={self.groups}, but the input has {channels} "
                f"channels (full input shape is {input_shape})."
            )
        kernel_shape = (*self.kernel_size, channels // self.groups, self.filters)
        self.compute_output_shape(input_shape)
        shape = self._weight_shape("kernel", kernel_shape)
        kernel, filters = shape[: self.rank], shape[-1]
        groups = int(self.groups)
        count, total = _weight_counts(kernel, channels, filters, groups)
        self._add_weight("kernel", shape, count)
        if self.use_bias:
            self._add_weight("bias", (filters,), total - count)
        if self.lora_rank:
            enable_lora(self, shape, filters)

    def compute_output_shape(self, input_shape: tuple) -> tuple:
        return conv_output_shape(self, tuple(input_shape), self.filters, self.kernel_size)

    def _record_fields(self, input_shape: tuple, output_shape: tuple) -> dict[str, Any]:
        return {
            **super()._record_fields(input_shape, output_shape),
            "groups": int(self.groups),
        }

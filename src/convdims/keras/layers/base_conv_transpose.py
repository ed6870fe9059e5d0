"""``BaseConvTranspose``: the N-D transposed convolution behind Conv1DTranspose,
Conv2DTranspose and Conv3DTranspose (Keras's ``base_conv_transpose.py``)."""

from __future__ import annotations

from convdims.description import Kind
from convdims.keras.layers._arguments import arithmetic
from convdims.keras.layers._convolution import (
    GLOROT,
    Convolution,
    assemble,
    conv_transpose_size,
    conv_weights,
    positive,
    spatial_of,
)
from convdims.keras.layers._window import transposed_windows

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any, ClassVar


class BaseConvTranspose(Convolution):
    """An N-D transposed convolution; ``output_padding=None`` is not the same as 0."""

    _kind: ClassVar[Kind] = Kind.CONV_TRANSPOSE
    family: ClassVar[str] = "transpose"
    zero_messages = (
        "The argument `kernel_size` cannot contain 0. Received kernel_size={}.",
        "The argument `strides` cannot contains 0. Received strides={}.",
    )

    def __init__(
        self,
        rank: int,
        filters: int,
        kernel_size: Any,
        strides: Any = 1,
        padding: Any = "valid",
        output_padding: Any = None,
        data_format: str | None = None,
        dilation_rate: Any = 1,
        activation: Any = None,
        use_bias: bool = True,
        kernel_initializer: Any = GLOROT,
        bias_initializer: Any = "zeros",
        kernel_regularizer: Any = None,
        bias_regularizer: Any = None,
        activity_regularizer: Any = None,
        kernel_constraint: Any = None,
        bias_constraint: Any = None,
        trainable: bool = True,
        name: str | None = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(
            rank=rank,
            kernel_size=kernel_size,
            strides=strides,
            padding=padding,
            output_padding=output_padding,
            data_format=data_format,
            dilation_rate=dilation_rate,
            use_bias=use_bias,
            activity_regularizer=activity_regularizer,
            trainable=trainable,
            name=name,
            **kwargs,
        )
        self.filters = filters
        positive("filters", filters)
        self._check_window()

    def _build(self, input_shape: tuple) -> None:
        _, channels = self._channels(input_shape)
        shape = self._weight_shape("kernel", (*self.kernel_size, self.filters, channels))
        kernel, filters = shape[: self.rank], shape[-2]
        count = conv_weights(kernel, channels, filters, use_bias=False)
        self._add_weight("kernel", shape, count)
        if self.use_bias:
            total = conv_weights(kernel, channels, filters)
            self._add_weight("bias", (filters,), total - count)

    def compute_output_shape(self, input_shape: tuple) -> list:
        input_shape = tuple(input_shape)
        padding = self.padding
        if not isinstance(padding, str) or padding not in ("valid", "same"):
            raise ValueError(
                "The `padding` argument must be one of 'valid', 'same'. "
                f"Received: padding={padding}"
            )
        if len(input_shape) != self.rank + 2:
            raise ValueError(
                f"{type(self).__name__} expects inputs of rank {self.rank + 2} (batch, "
                f"{self.rank} spatial axes and channels); received input of shape "
                f"{input_shape}."
            )
        kernels = arithmetic(self.kernel_size)
        strides = arithmetic(self.strides)
        dilations = arithmetic(self.dilation_rate)
        extras = None if self.output_padding is None else arithmetic(self.output_padding)
        spatial = []
        for i, size in enumerate(spatial_of(self.data_format, input_shape)):
            if size is None:
                spatial.append(None)
                continue
            spatial.append(
                conv_transpose_size(
                    size,
                    kernels[i],
                    strides[i],
                    padding,
                    None if extras is None else extras[i],
                    dilations[i],
                )
            )
        # Keras's transposed convolutions answer with a list, the others with a tuple
        return list(assemble(self.data_format, input_shape, spatial, self.filters))

    def _record_fields(self, input_shape: tuple, output_shape: tuple) -> dict[str, Any]:
        return {
            **super()._record_fields(input_shape, output_shape),
            "window": transposed_windows(
                self.padding,
                arithmetic(self.kernel_size),
                arithmetic(self.strides),
                arithmetic(self.dilation_rate),
            ),
        }

"""Pooling layers: max and average over windows, and global pooling over whole axes.

As in Keras, ``strides`` defaults to ``pool_size`` and ``padding`` is only checked when
the layer is called (``"valid"`` or ``"same"``, lower case). Output sizes come from
[`pool_output_size`][convdims.pool_output_size].
"""

from __future__ import annotations

from convdims.description import Kind
from convdims.keras.layers._arguments import (
    arithmetic,
    keras_rules,
    standardize_data_format,
    standardize_tuple,
)
from convdims.keras.layers._convolution import pool_size as _pool_output_size
from convdims.keras.layers._convolution import spatial_of
from convdims.keras.layers._layer import InputSpec, Layer
from convdims.keras.layers._window import axis_windows

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any, ClassVar


class BasePooling(Layer):
    """Max or average pooling over ``pool_dimensions`` spatial axes."""

    _kind: ClassVar[Kind] = Kind.POOL

    def __init__(
        self,
        pool_size: Any,
        strides: Any,
        pool_dimensions: int,
        pool_mode: str = "max",
        padding: str = "valid",
        data_format: str | None = None,
        name: str | None = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(name=name, **kwargs)
        self.pool_size = standardize_tuple(pool_size, pool_dimensions, "pool_size")
        strides = pool_size if strides is None else strides
        self.strides = standardize_tuple(
            strides, pool_dimensions, "strides", allow_zero=True
        )
        self.pool_mode = pool_mode
        self.padding = padding
        self.data_format = standardize_data_format(data_format)
        self.input_spec = InputSpec(ndim=pool_dimensions + 2)
        self.built = True

    def compute_output_shape(self, input_shape: tuple) -> tuple:
        input_shape = tuple(input_shape)
        channels_last = self.data_format == "channels_last"
        spatial_shape = input_shape[1:-1] if channels_last else input_shape[2:]
        if not (
            isinstance(self.padding, str)
            and self.padding in keras_rules().padding_words["pool"]
        ):
            raise ValueError(
                "Argument `padding` must be either 'valid' or 'same'. Received: "
                f"padding={self.padding}"
            )
        spatial = []
        pools, strides = arithmetic(self.pool_size), arithmetic(self.strides)
        for size, pool, stride in zip(spatial_shape, pools, strides, strict=False):
            if size is None:
                spatial.append(None)
                continue
            try:
                spatial.append(_pool_output_size(size, pool, stride, self.padding))
            except ValueError as error:
                raise ValueError(
                    "Computed output size would be zero or negative. Received: "
                    f"`inputs.shape={input_shape}`, `pool_size={self.pool_size}`, "
                    f"`strides={self.strides}`, `padding={self.padding}`: {error}"
                ) from None
        if channels_last:
            return (input_shape[0], *spatial, input_shape[-1])
        return (input_shape[0], input_shape[1], *spatial)

    def _record_fields(self, input_shape: tuple, output_shape: tuple) -> dict[str, Any]:
        pools = arithmetic(self.pool_size)
        return {
            "window": axis_windows(
                self.padding,
                spatial_of(self.data_format, input_shape),
                pools,
                arithmetic(self.strides),
                (1,) * len(pools),
            )
        }


def _pooling_class(name: str, dimensions: int, mode: str, default: Any) -> type:
    def __init__(
        self: BasePooling,
        pool_size: Any = default,
        strides: Any = None,
        padding: str = "valid",
        data_format: str | None = None,
        name: str | None = None,
        **kwargs: Any,
    ) -> None:
        BasePooling.__init__(
            self,
            pool_size,
            strides,
            pool_dimensions=dimensions,
            pool_mode=mode,
            padding=padding,
            data_format=data_format,
            name=name,
            **kwargs,
        )

    if default is None:  # AveragePoolingND: pool_size is required

        def __init__(  # noqa: F811 - the required-argument variant
            self: BasePooling,
            pool_size: Any,
            strides: Any = None,
            padding: str = "valid",
            data_format: str | None = None,
            name: str | None = None,
            **kwargs: Any,
        ) -> None:
            BasePooling.__init__(
                self,
                pool_size,
                strides,
                pool_dimensions=dimensions,
                pool_mode=mode,
                padding=padding,
                data_format=data_format,
                name=name,
                **kwargs,
            )

    kind = "Maximum" if mode == "max" else "Average"
    doc = (
        f"{kind} pooling over {dimensions} spatial axis(es); strides default to pool_size."
    )
    return type(
        name, (BasePooling,), {"__init__": __init__, "__doc__": doc, "__module__": __name__}
    )


MaxPooling1D = _pooling_class("MaxPooling1D", 1, "max", 2)
MaxPooling2D = _pooling_class("MaxPooling2D", 2, "max", (2, 2))
MaxPooling3D = _pooling_class("MaxPooling3D", 3, "max", (2, 2, 2))
AveragePooling1D = _pooling_class("AveragePooling1D", 1, "average", None)
AveragePooling2D = _pooling_class("AveragePooling2D", 2, "average", None)
AveragePooling3D = _pooling_class("AveragePooling3D", 3, "average", None)


class BaseGlobalPooling(Layer):
    """Pooling over every spatial axis at once: ``(batch, channels)`` out."""

    _kind: ClassVar[Kind] = Kind.GLOBAL_POOL

    def __init__(
        self,
        pool_dimensions: int,
        data_format: str | None = None,
        keepdims: bool = False,
        **kwargs: Any,
    ) -> None:
        super().__init__(**kwargs)
        self.data_format = standardize_data_format(data_format)
        self.keepdims = keepdims
        self.input_spec = InputSpec(ndim=pool_dimensions + 2)
        self.built = True

    def compute_output_shape(self, input_shape: tuple) -> tuple:
        input_shape = tuple(input_shape)
        spatial = len(input_shape) - 2
        if self.data_format == "channels_last":
            if self.keepdims:
                return (input_shape[0], *(1,) * spatial, input_shape[-1])
            return (input_shape[0], input_shape[-1])
        if self.keepdims:
            return (input_shape[0], input_shape[1], *(1,) * spatial)
        return (input_shape[0], input_shape[1])


def _global_class(name: str, dimensions: int, kind: str) -> type:
    def __init__(
        self: BaseGlobalPooling,
        data_format: str | None = None,
        keepdims: bool = False,
        **kwargs: Any,
    ) -> None:
        BaseGlobalPooling.__init__(
            self,
            pool_dimensions=dimensions,
            data_format=data_format,
            keepdims=keepdims,
            **kwargs,
        )

    doc = f"Global {kind} pooling over {dimensions} spatial axis(es)."
    return type(
        name,
        (BaseGlobalPooling,),
        {"__init__": __init__, "__doc__": doc, "__module__": __name__},
    )


GlobalAveragePooling1D = _global_class("GlobalAveragePooling1D", 1, "average")
GlobalAveragePooling2D = _global_class("GlobalAveragePooling2D", 2, "average")
GlobalAveragePooling3D = _global_class("GlobalAveragePooling3D", 3, "average")
GlobalMaxPooling1D = _global_class("GlobalMaxPooling1D", 1, "max")
GlobalMaxPooling2D = _global_class("GlobalMaxPooling2D", 2, "max")
GlobalMaxPooling3D = _global_class("GlobalMaxPooling3D", 3, "max")

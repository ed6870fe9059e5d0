"""``torch.nn.modules.pooling``: PyTorch's file of these layers; the classes are
convdims.torch.nn's."""

from convdims.torch.nn.pooling import (  # noqa: F401 - re-exported
    AdaptiveAvgPool1d,
    AdaptiveAvgPool2d,
    AdaptiveAvgPool3d,
    AdaptiveMaxPool1d,
    AdaptiveMaxPool2d,
    AdaptiveMaxPool3d,
    AvgPool1d,
    AvgPool2d,
    AvgPool3d,
    MaxPool1d,
    MaxPool2d,
    MaxPool3d,
    _AdaptivePoolNd,
    _AvgPoolNd,
    _MaxPoolNd,
)

__all__ = [
    "AdaptiveAvgPool1d",
    "AdaptiveAvgPool2d",
    "AdaptiveAvgPool3d",
    "AdaptiveMaxPool1d",
    "AdaptiveMaxPool2d",
    "AdaptiveMaxPool3d",
    "AvgPool1d",
    "AvgPool2d",
    "AvgPool3d",
    "MaxPool1d",
    "MaxPool2d",
    "MaxPool3d",
    "_AdaptivePoolNd",
    "_AvgPoolNd",
    "_MaxPoolNd",
]

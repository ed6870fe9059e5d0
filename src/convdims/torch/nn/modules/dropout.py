"""``torch.nn.modules.dropout``: PyTorch's file of these layers; the classes are
convdims.torch.nn's."""

from convdims.torch.nn.dropout import (  # noqa: F401 - re-exported
    AlphaDropout,
    Dropout,
    Dropout1d,
    Dropout2d,
    Dropout3d,
    _DropoutNd,
)

__all__ = ["_DropoutNd", "AlphaDropout", "Dropout", "Dropout1d", "Dropout2d", "Dropout3d"]

"""``torch.nn.modules.transformer``: PyTorch's file of these layers; the classes are
convdims.torch.nn's."""

from convdims.torch.nn.transformer import (  # noqa: F401 - re-exported
    Transformer,
    TransformerDecoder,
    TransformerDecoderLayer,
    TransformerEncoder,
    TransformerEncoderLayer,
    _get_activation_fn,
    _get_clones,
)

__all__ = [
    "Transformer",
    "TransformerDecoder",
    "TransformerDecoderLayer",
    "TransformerEncoder",
    "TransformerEncoderLayer",
]

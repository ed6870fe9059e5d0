"""``torch.utils`` for shapes: ``checkpoint`` (activation checkpointing runs the
function as it is) and ``model_zoo`` (weights are refused, as in ``torch.hub``).

>>> from convdims.torch.utils import checkpoint
>>> checkpoint.checkpoint(lambda x: x * 2, 3, use_reentrant=False)
6
"""

from convdims.torch.utils import checkpoint, model_zoo

__all__ = ["checkpoint", "model_zoo"]

"""``torch.utils`` for shapes: ``checkpoint`` (activation checkpointing runs the
function as it is), ``data`` (datasets and loaders on shape-only tensors) and
``model_zoo`` (weights are refused, as in ``torch.hub``).

>>> from convdims.torch.utils import checkpoint
>>> checkpoint.checkpoint(lambda x: x * 2, 3, use_reentrant=False)
6
"""

from convdims.torch.utils import checkpoint, data, model_zoo

__all__ = ["checkpoint", "data", "model_zoo"]

"""``torch.backends`` for shapes: the flags scripts set (``cudnn.benchmark = True``)
are kept and change nothing; no accelerator is available.

>>> from convdims.torch.backends import cuda, cudnn, mps
>>> cudnn.benchmark = True
>>> cudnn.is_available(), mps.is_available(), cuda.matmul.allow_tf32
(False, False, False)
"""

from convdims.torch.backends import cuda, cudnn, mkldnn, mps

__all__ = ["cuda", "cudnn", "mkldnn", "mps"]

"""``torch.nn.modules``: where PyTorch defines its layers, by file (``conv``,
``batchnorm``, ``utils``...). Model code reaches into it for base classes
(``nn.modules.batchnorm._BatchNorm``) and helpers (``nn.modules.utils._pair``); the
classes are those of ``convdims.torch.nn``.

>>> from convdims.torch import nn
>>> nn.modules.Module is nn.Module, nn.modules.batchnorm._BatchNorm.__name__
(True, '_BatchNorm')
"""

from convdims.torch.nn import *  # noqa: F403 - torch.nn.modules has every layer
from convdims.torch.nn import __all__ as _layers
from convdims.torch.nn.modules import (
    activation,
    batchnorm,
    container,
    conv,
    dropout,
    instancenorm,
    linear,
    module,
    normalization,
    padding,
    pixelshuffle,
    pooling,
    transformer,
    upsampling,
    utils,
)

__all__ = [name for name in _layers if name not in ("functional", "init")]
__all__ += [
    "activation",
    "batchnorm",
    "container",
    "conv",
    "dropout",
    "instancenorm",
    "linear",
    "module",
    "normalization",
    "padding",
    "pixelshuffle",
    "pooling",
    "transformer",
    "upsampling",
    "utils",
]

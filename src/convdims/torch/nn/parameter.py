"""``torch.nn.parameter``: where PyTorch defines ``Parameter`` (and ``Buffer``).

>>> from convdims.torch import nn
>>> nn.parameter.Parameter is nn.Parameter
True
"""

from convdims.torch.nn.module import Parameter

__all__ = ["Parameter"]

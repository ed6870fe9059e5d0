"""``torch.optim``: optimizers and learning-rate schedulers that build as PyTorch's do
and refuse to step (convdims computes shapes and counts only).

>>> from convdims.torch import nn, optim
>>> optim.SGD(nn.Linear(2, 2).parameters(), lr=-1)
Traceback (most recent call last):
ValueError: Invalid learning rate: -1
"""

from convdims.torch.optim import lr_scheduler
from convdims.torch.optim.optimizer import (
    LBFGS,
    SGD,
    Adadelta,
    Adagrad,
    Adam,
    Adamax,
    AdamW,
    NAdam,
    Optimizer,
    RAdam,
    RMSprop,
)

__all__ = [
    "LBFGS",
    "SGD",
    "Adadelta",
    "Adagrad",
    "Adam",
    "AdamW",
    "Adamax",
    "NAdam",
    "Optimizer",
    "RAdam",
    "RMSprop",
    "lr_scheduler",
]

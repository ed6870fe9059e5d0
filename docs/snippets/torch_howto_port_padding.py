"""Keras's padding="same" at stride 2, in PyTorch."""

import torch
from torch import nn

x = torch.zeros(1, 3, 224, 224)
keras_same = nn.Sequential(
    nn.ZeroPad2d((2, 3, 2, 3)),  # (left, right, top, bottom)
    nn.Conv2d(3, 64, 7, stride=2),  # padding=0
)
# Same size, but every window starts one cell earlier:
symmetric = nn.Conv2d(3, 64, 7, stride=2, padding=3)
print(tuple(keras_same(x).shape))
print(tuple(symmetric(x).shape))

"""Floor and ceil_mode in PyTorch pooling."""

import torch
from torch import nn

x = torch.zeros(1, 8, 11, 11)
print(tuple(nn.MaxPool2d(2)(x).shape))  # floor
print(tuple(nn.MaxPool2d(2, ceil_mode=True)(x).shape))  # ceil
padded = nn.MaxPool2d(2, padding=1, ceil_mode=True)  # last-window rule
print(tuple(padded(x).shape))

y = torch.zeros(1, 64, 112, 112)
print(tuple(nn.MaxPool2d(3, stride=2, padding=1)(y).shape))
print(tuple(nn.MaxPool2d(3, stride=2, padding=1, ceil_mode=True)(y).shape))

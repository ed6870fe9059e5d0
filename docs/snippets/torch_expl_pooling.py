"""Pooling in PyTorch: stride defaults to kernel_size."""

import torch
from torch import nn

pool = nn.MaxPool2d(3)
print(pool)  # stride=None became stride=3

x = torch.zeros(1, 16, 32, 32)
print(tuple(pool(x).shape))
print(tuple(nn.AdaptiveAvgPool2d(1)(x).shape))  # global average pooling

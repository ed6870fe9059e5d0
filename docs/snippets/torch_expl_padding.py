"""Padding in PyTorch: an int on each side, or 'same' (stride 1 only)."""

import torch
from torch import nn

x = torch.zeros(1, 3, 224, 224)
stem = nn.Conv2d(3, 64, kernel_size=7, stride=2, padding=3)  # 3 cells on every side
print(tuple(stem(x).shape))

keep = nn.Conv2d(3, 64, kernel_size=4, padding="same")  # even kernel: 1 before, 2 after
print(tuple(keep(x).shape))

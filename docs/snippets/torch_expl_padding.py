"""Padding in PyTorch: an int on each side, or 'same' (stride 1 only)."""

import torch
from torch import nn

x = torch.zeros(1, 3, 224, 224)

# the same number of cells on every side
stem = nn.Conv2d(3, 64, kernel_size=7, stride=2, padding=3)
print(tuple(stem(x).shape))

# 'same' with an even kernel: the odd cell goes after (right, bottom)
keep = nn.Conv2d(3, 64, kernel_size=4, padding="same")
print(tuple(keep(x).shape))

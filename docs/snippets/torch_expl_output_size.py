"""Output shapes of PyTorch Conv2d layers."""

import torch
from torch import nn

# 5 filters of 3x3 over a 32x32 RGB image; stride=1, padding=0
conv = nn.Conv2d(in_channels=3, out_channels=5, kernel_size=3)
print(tuple(conv(torch.zeros(1, 3, 32, 32)).shape))  # (batch, channels, H, W)

# AlexNet's first layer: 96 filters of 11x11, stride 4
alexnet = nn.Conv2d(3, 96, kernel_size=11, stride=4)
print(tuple(alexnet(torch.zeros(1, 3, 227, 227)).shape))

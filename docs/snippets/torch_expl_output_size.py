"""Output shape of a PyTorch Conv2d: 5 filters of 3x3 over a 32x32 RGB image."""

import torch
from torch import nn

conv = nn.Conv2d(in_channels=3, out_channels=5, kernel_size=3)  # stride=1, padding=0
print(tuple(conv(torch.zeros(1, 3, 32, 32)).shape))  # (batch, channels, height, width)

strided = nn.Conv2d(3, 96, kernel_size=11, stride=4)  # AlexNet's first layer
print(tuple(strided(torch.zeros(1, 3, 227, 227)).shape))

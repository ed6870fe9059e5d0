"""Halve an even and an odd size in PyTorch."""

import torch
from torch import nn

for size in (224, 225):
    x = torch.zeros(1, 3, size, size)
    for layer in (
        nn.Conv2d(3, 8, 3, stride=2, padding=1),  # ceil(I/2)
        nn.Conv2d(3, 8, 2, stride=2),  # floor(I/2)
        nn.MaxPool2d(2),  # stride = kernel_size: floor(I/2)
        nn.MaxPool2d(2, ceil_mode=True),  # ceil(I/2)
    ):
        print(size, tuple(layer(x).shape))

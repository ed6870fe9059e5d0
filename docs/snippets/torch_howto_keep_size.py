"""Keep 32x32 at stride 1: padding=d*(k - 1)//2 (odd k), or "same"."""

import torch
from torch import nn

x = torch.zeros(1, 3, 32, 32)
for layer in (
    nn.Conv2d(3, 16, 3, padding=1),  # (k - 1)/2 on each side
    nn.Conv2d(3, 16, 3, padding="same"),  # the same, computed for you
    nn.Conv2d(3, 16, 3, padding=2, dilation=2),  # d*(k - 1)/2
    nn.Conv2d(3, 16, 3, padding="same", dilation=2),
    nn.MaxPool2d(3, stride=1, padding=1),  # stride 1 is not the default
):
    print(tuple(layer(x).shape))

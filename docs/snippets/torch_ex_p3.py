"""The source article's example with the padding it announces: P = 3 on every side."""

import torch
from torch import nn

conv = nn.Conv2d(in_channels=3, out_channels=5, kernel_size=3, padding=3)
x = torch.zeros(1, 3, 32, 32)  # a batch of one 32x32 RGB image, channels first
print(tuple(conv(x).shape))
print(sum(p.numel() for p in conv.parameters()))  # padding adds no parameters

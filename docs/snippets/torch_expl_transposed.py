"""ConvTranspose2d(k=3, stride=2, padding=1) on 12x12, and its convolution."""

import torch
from torch import nn

x = torch.zeros(1, 16, 12, 12)
for output_padding in (0, 1):
    up = nn.ConvTranspose2d(16, 8, 3, 2, 1, output_padding=output_padding)
    print(f"{output_padding=}:", tuple(up(x).shape))

down = nn.Conv2d(8, 16, 3, stride=2, padding=1)
for size in (23, 24):
    print(size, "->", tuple(down(torch.zeros(1, 8, size, size)).shape))

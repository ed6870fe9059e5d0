"""A stride-2 encoder and the PyTorch decoder that restores its input size."""

import torch
from torch import nn

encode = nn.Conv2d(3, 8, 3, stride=2, padding=1)
for size, extra in ((15, 0), (16, 1)):
    x = torch.zeros(1, 3, size, size)
    up = nn.ConvTranspose2d(8, 3, 3, stride=2, padding=1, output_padding=extra)
    print(size, extra, tuple(up(encode(x)).shape))

# Or let PyTorch pick output_padding: pass the size to restore.
up = nn.ConvTranspose2d(8, 3, 3, stride=2, padding=1)
for size in (15, 16):
    x = torch.zeros(1, 3, size, size)
    print(size, tuple(up(encode(x), output_size=x.shape).shape))

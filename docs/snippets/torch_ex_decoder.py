"""An encoder of stride-2 convolutions on an odd 75x75 input, and a decoder of transposed
convolutions whose output_padding gives every skip connection its exact size back."""

import torch
from torch import nn

x = torch.zeros(1, 8, 75, 75)
skips = []
for level in range(1, 4):
    skips.append(x)
    x = nn.Conv2d(8, 8, kernel_size=3, stride=2, padding=1)(x)
    print(f"down{level}", tuple(x.shape))
for level in range(3, 0, -1):
    skip = skips[level - 1]
    # (I - 1)*S - 2P + k is the size with output_padding=0; the rest is output_padding.
    extra = skip.shape[-1] - ((x.shape[-1] - 1) * 2 - 2 * 1 + 3)
    up = nn.ConvTranspose2d(8, 8, kernel_size=3, stride=2, padding=1, output_padding=extra)
    x = up(x)
    print(f"up{level}", tuple(x.shape), "output_padding", up.output_padding)
    x = nn.Conv2d(16, 8, kernel_size=1)(torch.cat([skip, x], dim=1))

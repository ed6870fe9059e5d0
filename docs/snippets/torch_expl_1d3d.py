"""Conv1d and Conv3d in PyTorch, with tuple kernels."""

import torch
from torch import nn

signal = torch.zeros(1, 8, 100)  # (batch, channels, length)
print(tuple(nn.Conv1d(8, 16, 5, stride=2)(signal).shape))

# (batch, channels, frames, height, width)
video = torch.zeros(1, 3, 16, 64, 64)
conv3d = nn.Conv3d(3, 32, kernel_size=(3, 5, 5), stride=(1, 2, 2))
print(tuple(conv3d(video).shape), sum(p.numel() for p in conv3d.parameters()))

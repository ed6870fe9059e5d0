"""A dilated 3x3 convolution in PyTorch, with and without a stride."""

import torch
from torch import nn

x = torch.zeros(1, 3, 32, 32)
print(tuple(nn.Conv2d(3, 8, 3, dilation=2)(x).shape))
strided = nn.Conv2d(3, 8, 3, stride=2, dilation=2)  # PyTorch allows both
print(tuple(strided(x).shape))

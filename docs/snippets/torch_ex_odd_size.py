"""An 11x11 input through a 2x2 window with stride 2, in PyTorch."""

import torch
from torch import nn

x = torch.zeros(1, 8, 11, 11)
print(tuple(nn.Conv2d(8, 8, kernel_size=2, stride=2)(x).shape))  # floor
print(tuple(nn.MaxPool2d(2)(x).shape))  # stride defaults to kernel_size: floor
print(tuple(nn.MaxPool2d(2, ceil_mode=True)(x).shape))  # ceil: a half window at the end
print(tuple(nn.MaxPool2d(2, padding=1, ceil_mode=True)(x).shape))  # last-window rule

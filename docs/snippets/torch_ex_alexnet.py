"""AlexNet's first layer in PyTorch: the paper's (96 filters, no padding) and torchvision's
(64 filters, padding 2)."""

import torch
from torch import nn

paper = nn.Conv2d(3, 96, kernel_size=11, stride=4)
torchvision = nn.Conv2d(3, 64, kernel_size=11, stride=4, padding=2)
for side in (227, 224):
    x = torch.zeros(1, 3, side, side)
    print(side, tuple(paper(x).shape), tuple(torchvision(x).shape))
print(sum(p.numel() for p in paper.parameters()))

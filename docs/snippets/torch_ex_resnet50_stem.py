"""The stem of torchvision's ResNet-50, and what ceil_mode would do to its max pooling."""

import torch
from torch import nn
from torchinfo import summary

stem = nn.Sequential(
    nn.Conv2d(3, 64, kernel_size=7, stride=2, padding=3, bias=False),
    nn.BatchNorm2d(64),
    nn.ReLU(inplace=True),
    nn.MaxPool2d(kernel_size=3, stride=2, padding=1),
)
summary(stem, input_size=(1, 3, 224, 224))

x = torch.zeros(1, 64, 112, 112)
print(tuple(nn.MaxPool2d(kernel_size=3, stride=2, padding=1, ceil_mode=True)(x).shape))

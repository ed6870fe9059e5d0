"""One of MobileNet's 14x14x512 layers two ways, in PyTorch: a standard 3x3 convolution,
and a depthwise 3x3 (groups = channels) plus a pointwise 1x1. torchinfo counts the
multiply-accumulates ("mult-adds")."""

from torch import nn
from torchinfo import summary

standard = nn.Conv2d(512, 512, kernel_size=3, padding=1, bias=False)
separable = nn.Sequential(
    nn.Conv2d(512, 512, kernel_size=3, padding=1, groups=512, bias=False),  # depthwise
    nn.Conv2d(512, 512, kernel_size=1, bias=False),  # pointwise
)
summary(standard, input_size=(1, 512, 14, 14))
summary(separable, input_size=(1, 512, 14, 14))

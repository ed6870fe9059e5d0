"""The source article's example in PyTorch: a 3x3 convolution with 5 filters on a
32x32 RGB image, then 2x2 max pooling."""

from torch import nn
from torchinfo import summary

model = nn.Sequential(
    nn.Conv2d(
        in_channels=3, out_channels=5, kernel_size=3
    ),  # 30x30x5, (3*3*3 + 1)*5 weights
    nn.MaxPool2d(kernel_size=2),  # stride defaults to kernel_size: 15x15x5
)

summary(model, input_size=(1, 3, 32, 32))

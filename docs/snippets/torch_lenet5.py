"""LeNet-5 (LeCun et al. 1998) in PyTorch: 32x32 grey images, average-pooling
subsampling, tanh, 10 classes. C3 is fully connected here (the paper's C3 connects each
map to a subset of S2's maps: 1,516 weights instead of 2,416)."""

import torch
from torch import nn
from torchinfo import summary


class LeNet5(nn.Module):
    def __init__(self, num_classes=10):
        super().__init__()
        self.c1 = nn.Conv2d(1, 6, kernel_size=5)
        self.s2 = nn.AvgPool2d(kernel_size=2)
        self.c3 = nn.Conv2d(6, 16, kernel_size=5)
        self.s4 = nn.AvgPool2d(kernel_size=2)
        self.c5 = nn.Conv2d(16, 120, kernel_size=5)
        self.f6 = nn.Linear(120, 84)
        self.output = nn.Linear(84, num_classes)

    def forward(self, x):
        x = torch.tanh(self.c1(x))
        x = self.s2(x)
        x = torch.tanh(self.c3(x))
        x = self.s4(x)
        x = torch.tanh(self.c5(x))
        x = torch.flatten(x, 1)
        x = torch.tanh(self.f6(x))
        return self.output(x)


model = LeNet5()
summary(model, input_size=(1, 1, 32, 32))

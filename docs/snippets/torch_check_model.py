"""The same network as a PyTorch module with a forward method, summarised by torchinfo."""

import torch
from torch import nn
from torchinfo import summary


class SmallNet(nn.Module):
    def __init__(self):
        super().__init__()
        self.stem = nn.Conv2d(3, 32, kernel_size=3, stride=2, padding=1)
        self.conv = nn.Conv2d(32, 32, kernel_size=3, padding=1, bias=False)
        self.bn = nn.BatchNorm2d(32)
        self.pool = nn.MaxPool2d(2)
        self.head = nn.Linear(32, 10)

    def forward(self, x):
        x = torch.relu(self.stem(x))
        x = self.bn(self.conv(x)) + x
        x = self.pool(x)
        x = torch.flatten(nn.functional.adaptive_avg_pool2d(x, 1), 1)
        return self.head(x)


summary(SmallNet(), input_size=(1, 3, 64, 64))

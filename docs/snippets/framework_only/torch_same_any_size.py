"""TensorFlow's padding="same" in PyTorch, for whatever input size comes in.

PyTorch's own padding="same" works at stride 1 only, and an integer padding fits one
input size. This layer works the padding out in forward, from the size it receives, as
TensorFlow does: the total that makes ceil(I / S) windows fit, the odd cell after.
"""

import math

import torch
import torch.nn as nn
import torch.nn.functional as F


def same_pads(size, kernel, stride, dilation=1):
    """TensorFlow's (before, after) padding of one axis."""
    out = math.ceil(size / stride)
    total = max((out - 1) * stride + dilation * (kernel - 1) + 1 - size, 0)
    return total // 2, total - total // 2


class Conv2dSame(nn.Conv2d):
    """nn.Conv2d with TensorFlow's "same" padding at any stride and any input size."""

    def forward(self, x):
        top, bottom = same_pads(
            x.shape[-2], self.kernel_size[0], self.stride[0], self.dilation[0]
        )
        left, right = same_pads(
            x.shape[-1], self.kernel_size[1], self.stride[1], self.dilation[1]
        )
        return super().forward(F.pad(x, (left, right, top, bottom)))


if __name__ == "__main__":
    conv = Conv2dSame(3, 8, 3, stride=2)
    for size in (224, 225, 15, 16):
        pads = same_pads(size, 3, 2)
        print(size, "pads", pads, "->", tuple(conv(torch.zeros(1, 3, size, size)).shape))

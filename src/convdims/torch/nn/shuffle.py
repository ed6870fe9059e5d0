"""``nn.ChannelShuffle``: the channels (axis 1) regrouped across ``groups`` (the
ShuffleNet block); the shape is kept, ``groups`` must divide the channels.

>>> from convdims import torch
>>> from convdims.torch import nn
>>> nn.ChannelShuffle(2)(torch.empty(1, 4, 8, 8)).shape
torch.Size([1, 4, 8, 8])
"""

from __future__ import annotations

from convdims.description import Kind
from convdims.torch.nn.module import Module
from convdims.torch.tensor import Tensor

__all__ = ["ChannelShuffle"]


class ChannelShuffle(Module):
    """``torch.nn.ChannelShuffle``."""

    _kind = Kind.RESHAPE

    def __init__(self, groups: int) -> None:
        super().__init__()
        self.groups = groups

    def extra_repr(self) -> str:
        return f"groups={self.groups}"

    def forward(self, input: Tensor) -> Tensor:  # noqa: A002 - PyTorch's name
        from convdims.torch.nn._functional_sampling import channel_shuffle

        return channel_shuffle(input, self.groups)

"""Models written the way public model files write them, using what the lookalike's
reach added (drop-path rates from ``torch.linspace(...).item()``, ``nn.ParameterList``
of prompts, ``torch.gather`` of the top-k tokens, ``masked_fill`` and ``flip``, SegNet's
``MaxUnpool2d``, im2col attention with ``Unfold``/``Fold``, a lazy head, RMSNorm,
``F.one_hot`` targets): each is built from the same code under real PyTorch and under
convdims, and torchinfo's summary must be printed byte for byte."""

from __future__ import annotations

import pytest

from convdims import torch as cd_torch
from test_torch_snippets import normalize_torchinfo


def _token_pruner(torch):
    nn, F = torch.nn, torch.nn.functional

    class Block(nn.Module):
        def __init__(self, dim, drop_path):
            super().__init__()
            self.norm = nn.RMSNorm(dim)
            self.mlp = nn.Sequential(
                nn.Linear(dim, 2 * dim), nn.GELU(), nn.Linear(2 * dim, dim)
            )
            self.drop_path = drop_path

        def forward(self, x):
            return x + self.mlp(self.norm(x))

    class Pruner(nn.Module):
        def __init__(self, dim=16, depth=3, keep=5, classes=7):
            super().__init__()
            rates = [x.item() for x in torch.linspace(0, 0.1, depth)]
            self.blocks = nn.ModuleList([Block(dim, r) for r in rates])
            self.prompts = nn.ParameterList(
                [nn.Parameter(torch.zeros(1, 2, dim)) for _ in range(depth)]
            )
            self.score = nn.Linear(dim, 1)
            self.keep = keep
            self.head = nn.LazyLinear(classes)
            self.classes = classes

        def forward(self, x, labels):
            for block, prompt in zip(self.blocks, self.prompts, strict=True):
                x = block(torch.cat([prompt.expand(x.shape[0], -1, -1), x], dim=1))
                x = x[:, 2:]
            scores = self.score(x).squeeze(-1)
            scores = scores.masked_fill(torch.zeros_like(scores).bool(), float("-inf"))
            index = torch.topk(scores, self.keep, dim=1).indices
            index = torch.sort(index, dim=1).values
            x = torch.gather(x, 1, index.unsqueeze(-1).expand(-1, -1, x.shape[-1]))
            x = torch.flip(x, dims=(1,)).cumsum(dim=1)
            logits = self.head(x.mean(1))
            target = F.one_hot(labels, self.classes).float()
            return logits - target

    return Pruner(), lambda: [torch.zeros(2, 9, 16), torch.zeros(2, dtype=torch.long)]


def _segnet(torch):
    nn = torch.nn

    class SegNet(nn.Module):
        def __init__(self):
            super().__init__()
            self.enc = nn.Sequential(
                nn.Conv2d(3, 8, 3, padding=1), nn.BatchNorm2d(8), nn.ReLU()
            )
            self.pool = nn.MaxPool2d(2, 2, return_indices=True)
            self.unpool = nn.MaxUnpool2d(2, 2)
            self.dec = nn.Sequential(nn.Conv2d(8, 4, 3, padding=1), nn.Softmax2d())

        def forward(self, x):
            size = x.size()
            x = self.enc(x)
            x, indices = self.pool(x)
            x = self.unpool(x, indices, output_size=(size[0], 8, size[2], size[3]))
            return self.dec(x)

    return SegNet(), lambda: [torch.zeros(1, 3, 9, 9)]


def _im2col_attention(torch):
    nn, F = torch.nn, torch.nn.functional

    class LocalAttention(nn.Module):
        def __init__(self, channels=6, kernel=3):
            super().__init__()
            self.kernel = kernel
            self.unfold = nn.Unfold(kernel, padding=kernel // 2)
            self.query = nn.Conv2d(channels, channels, 1)
            self.fold = nn.Fold((8, 8), 1)
            self.shuffle = nn.ChannelShuffle(2)
            self.pad = nn.CircularPad2d(1)
            self.pool = nn.LPPool2d(2, 3, stride=1)

        def forward(self, x):
            b, c, h, w = x.shape
            patches = self.unfold(x).view(b, c, self.kernel**2, h * w)
            q = self.query(x).view(b, c, 1, h * w)
            weights = F.softmax((q * patches).sum(1, keepdim=True), dim=2)
            out = (weights * patches).sum(2)
            out = self.fold(out)
            return self.pool(self.pad(self.shuffle(out)))

    return LocalAttention(), lambda: [torch.zeros(2, 6, 8, 8)]


def _siamese(torch):
    nn = torch.nn

    class Siamese(nn.Module):
        def __init__(self):
            super().__init__()
            self.embed = nn.Sequential(
                nn.LazyConv2d(4, 3),
                nn.LazyBatchNorm2d(),
                nn.Hardshrink(),
                nn.AdaptiveAvgPool2d(1),
                nn.Flatten(),
                nn.Linear(4, 8),
            )
            self.cos = nn.CosineSimilarity(dim=1)
            self.dist = nn.PairwiseDistance()
            self.loss = nn.TripletMarginLoss(margin=0.5)

        def forward(self, a, p, n):
            ea, ep, en = self.embed(a), self.embed(p), self.embed(n)
            return (
                self.loss(ea, ep, en) + self.cos(ea, ep).mean() + self.dist(ea, en).mean()
            )

    return Siamese(), lambda: [torch.zeros(2, 3, 8, 8)] * 3


MODELS = {
    "token_pruner": _token_pruner,
    "segnet": _segnet,
    "im2col_attention": _im2col_attention,
    "siamese": _siamese,
}


@pytest.mark.parametrize("name", sorted(MODELS))
def test_model_summary_is_torchinfos(torch, torchinfo, name: str) -> None:
    theirs, their_inputs = MODELS[name](torch)
    ours, our_inputs = MODELS[name](cd_torch)
    expected = torchinfo.summary(theirs, input_data=their_inputs(), verbose=0)
    got = cd_torch.summary(ours, input_data=our_inputs(), verbose=0)
    assert str(got) == normalize_torchinfo(str(expected))
    assert repr(ours) == repr(theirs)

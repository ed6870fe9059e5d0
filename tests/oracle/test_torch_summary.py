"""convdims.torch.summary against torchinfo.summary on real PyTorch models.

The example scripts run twice: as written, and with ``from torch import nn`` /
``from torchinfo import summary`` / ``import torch`` substituted; the printed tables must
be identical. Smaller models exercise torchinfo's options (columns, depth, row settings),
containers that are never called, modules called twice, frozen layers and several inputs.
"""

from __future__ import annotations

import pytest

from convdims import torch as cd_torch
from convdims.torch import nn as cd_nn
from test_torch_snippets import normalize_torchinfo


def _models(nn, torch_module):
    """Small models, defined once for both libraries (``torch_module`` gives flatten)."""

    class Block(nn.Module):
        def __init__(self, channels):
            super().__init__()
            self.conv1 = nn.Conv2d(channels, channels, 3, padding=1, bias=False)
            self.bn1 = nn.BatchNorm2d(channels)
            self.relu = nn.ReLU(inplace=True)
            self.conv2 = nn.Conv2d(channels, channels, 3, padding=1, bias=False)
            self.bn2 = nn.BatchNorm2d(channels)

        def forward(self, x):
            identity = x
            out = self.relu(self.bn1(self.conv1(x)))
            out = self.bn2(self.conv2(out))
            out += identity
            return self.relu(out)

    class Net(nn.Module):
        def __init__(self):
            super().__init__()
            self.stem = nn.Sequential(
                nn.Conv2d(3, 8, 7, 2, 3), nn.BatchNorm2d(8), nn.ReLU()
            )
            self.blocks = nn.ModuleList([Block(8), Block(8)])
            self.unused = nn.Linear(3, 3)
            self.pool = nn.AdaptiveAvgPool2d(1)
            self.head = nn.Linear(8, 10)

        def forward(self, x):
            x = self.stem(x)
            for block in self.blocks:
                x = block(x)
            x = torch_module.flatten(self.pool(x), 1)
            return self.head(x)

    class TwoInputs(nn.Module):
        def __init__(self):
            super().__init__()
            self.image = nn.Sequential(
                nn.Conv1d(2, 4, 3), nn.AdaptiveMaxPool1d(1), nn.Flatten()
            )
            self.extra = nn.Linear(5, 4)
            self.out = nn.Linear(8, 2)

        def forward(self, a, b):
            return self.out(torch_module.cat([self.image(a), self.extra(b)], 1))

    class Scaled(nn.Module):
        """A container with parameters of its own: one named neither weight nor bias,
        one whose name holds "weight" (torchinfo counts them by name)."""

        def __init__(self):
            super().__init__()
            self.conv = nn.Conv2d(2, 3, 3)
            self.gain = nn.Parameter(torch_module.empty(3))
            self.weight_extra = nn.Parameter(torch_module.empty(3, 2))

        def forward(self, x):
            return self.conv(x) * 1

    class Cell(nn.Module):
        """A leaf with an RNN's parameter names, and one named neither."""

        def __init__(self):
            super().__init__()
            self.weight_ih_l0 = nn.Parameter(torch_module.empty(8, 4))
            self.bias = nn.Parameter(torch_module.empty(8))
            self.h0 = nn.Parameter(torch_module.empty(8))

        def forward(self, x):
            return x

    shared = nn.Linear(6, 6)
    net = Net()
    net.stem[0].requires_grad_(False)
    return {
        "resnet_like": (net, (2, 3, 40, 40)),
        "shared_module": (nn.Sequential(shared, nn.ReLU(), shared), (1, 6)),
        "two_inputs": (TwoInputs(), [(1, 2, 9), (1, 5)]),
        "parameter_names": (nn.Sequential(Scaled(), Cell()), (2, 2, 6, 6)),
        "deep": (
            nn.Sequential(
                nn.Sequential(
                    nn.Sequential(
                        nn.Sequential(nn.Conv3d(1, 2, 3), nn.MaxPool3d(2, ceil_mode=True))
                    )
                )
            ),
            (1, 1, 9, 9, 9),
        ),
    }


OPTIONS = {
    "default": {},
    "all_columns": dict(
        col_names=(
            "input_size",
            "output_size",
            "num_params",
            "params_percent",
            "kernel_size",
            "mult_adds",
            "trainable",
        )
    ),
    "depth_1": dict(depth=1),
    "depth_2_var_names": dict(depth=2, row_settings=("depth", "var_names")),
    "ascii_no_depth": dict(row_settings=("ascii_only",), col_width=12),
    "hide_recursive": dict(row_settings=("depth", "hide_recursive_layers"), depth=6),
}


@pytest.mark.parametrize("option", sorted(OPTIONS))
@pytest.mark.parametrize(
    "model_name",
    ["resnet_like", "shared_module", "two_inputs", "deep", "parameter_names"],
)
def test_summary_options_match_torchinfo(
    torch, torchinfo, model_name: str, option: str
) -> None:
    with torch.device("meta"):
        theirs, size = _models(torch.nn, torch)[model_name]
    ours, _ = _models(cd_nn, cd_torch)[model_name]
    kwargs = OPTIONS[option]
    expected = torchinfo.summary(
        theirs, input_size=size, device="meta", verbose=0, **kwargs
    )
    got = cd_torch.summary(ours, input_size=size, verbose=0, **kwargs)
    assert str(got) == normalize_torchinfo(str(expected))
    assert (got.total_params, got.trainable_params) == (
        expected.total_params,
        expected.trainable_params,
    )
    assert got.total_mult_adds == expected.total_mult_adds


def test_summary_without_input_matches_torchinfo(torch, torchinfo) -> None:
    with torch.device("meta"):
        theirs, _ = _models(torch.nn, torch)["resnet_like"]
    ours, _ = _models(cd_nn, cd_torch)["resnet_like"]
    expected = torchinfo.summary(theirs, verbose=0)
    assert str(cd_torch.summary(ours, verbose=0)) == normalize_torchinfo(str(expected))


def test_module_repr_matches_pytorch(torch) -> None:
    with torch.device("meta"):
        theirs, _ = _models(torch.nn, torch)["resnet_like"]
    ours, _ = _models(cd_nn, cd_torch)["resnet_like"]
    assert repr(ours) == repr(theirs)
    assert [n for n, _ in ours.named_parameters()] == [
        n for n, _ in theirs.named_parameters()
    ]
    assert [n for n, _ in ours.named_buffers()] == [n for n, _ in theirs.named_buffers()]

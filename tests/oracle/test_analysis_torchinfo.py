"""convdims.analysis against torchinfo's mult-adds and PyTorch's own FLOP counter.

Random torch-dialect models (grouped, depthwise, dilated, strided and transposed
convolutions, BatchNorm, pooling, Linear) are built twice from one random recipe: with
real PyTorch and with convdims.torch. Per layer, convdims's ``mult_adds`` must equal
torchinfo's, and its ``macs`` must be half of what ``torch.utils.flop_counter`` counts
when the real model runs (PyTorch counts 2 FLOPs per multiply-accumulate of a
convolution or matrix product, biases and BatchNorm not included: the convention of
``macs``).
"""

from __future__ import annotations

import random

import pytest

from convdims.analysis import measures, totals
from convdims.torch import nn as cd_nn


def recipe(seed: int) -> tuple[list[tuple], tuple[int, ...]]:
    """A random valid stack of 2-D layers, as (class name, kwargs), and its input size."""
    rng = random.Random(seed)
    channels, size = rng.choice([2, 3, 4]), rng.randint(12, 20)
    shape = (rng.randint(1, 2), channels, size, size)
    layers: list[tuple] = []
    for _ in range(rng.randint(2, 6)):
        kind = rng.choice(["conv", "conv", "depthwise", "transpose", "bn", "pool", "avg"])
        if kind in ("conv", "depthwise"):
            kernel, dilation = rng.randint(1, 4), rng.randint(1, 2)
            stride, padding = rng.randint(1, 2), rng.randint(0, 2)
            if size + 2 * padding < dilation * (kernel - 1) + 1:
                continue
            if kind == "depthwise":
                groups = channels
                out = channels * rng.choice([1, 2])
            else:
                groups = rng.choice([g for g in (1, 2) if channels % g == 0])
                out = groups * rng.randint(1, 3)
            layers.append(
                (
                    "Conv2d",
                    dict(
                        in_channels=channels,
                        out_channels=out,
                        kernel_size=kernel,
                        stride=stride,
                        padding=padding,
                        dilation=dilation,
                        groups=groups,
                        bias=rng.random() < 0.5,
                    ),
                )
            )
            size = (size + 2 * padding - dilation * (kernel - 1) - 1) // stride + 1
            channels = out
        elif kind == "transpose":
            kernel, stride = rng.randint(1, 4), rng.randint(1, 2)
            padding = rng.randint(0, (kernel - 1) // 2)
            out = rng.randint(1, 4)
            layers.append(
                (
                    "ConvTranspose2d",
                    dict(
                        in_channels=channels,
                        out_channels=out,
                        kernel_size=kernel,
                        stride=stride,
                        padding=padding,
                        bias=rng.random() < 0.5,
                    ),
                )
            )
            size = (size - 1) * stride - 2 * padding + kernel
            channels = out
        elif kind == "bn":
            layers.append(("BatchNorm2d", dict(num_features=channels)))
        elif size >= 2:
            name = "MaxPool2d" if kind == "pool" else "AvgPool2d"
            layers.append((name, dict(kernel_size=2, stride=rng.randint(1, 2))))
            size = (size - 2) // layers[-1][1]["stride"] + 1
        layers.append(("ReLU", {}))
    layers += [
        ("AdaptiveAvgPool2d", dict(output_size=1)),
        ("Flatten", {}),
        ("Linear", dict(in_features=channels, out_features=rng.randint(2, 5))),
    ]
    return layers, shape


def build(nn, layers):
    return nn.Sequential(*[getattr(nn, name)(**kwargs) for name, kwargs in layers])


@pytest.mark.parametrize("seed", range(30))
def test_random_models_match_torchinfo_and_pytorchs_flop_counter(torch, torchinfo, seed):
    from torch.utils.flop_counter import FlopCounterMode

    layers, size = recipe(seed)
    theirs = build(torch.nn, layers).eval()
    ours = build(cd_nn, layers)

    stats = torchinfo.summary(theirs, input_size=size, verbose=0, device="cpu")
    their_rows = [row for row in stats.summary_list if row.is_leaf_layer]
    records = measures(ours, size)[1:]  # the input first, then every leaf call
    assert [r.type for r in records] == [row.class_name for row in their_rows]
    assert [r.mult_adds for r in records] == [row.macs for row in their_rows]
    assert totals(records).mult_adds == stats.total_mult_adds

    with torch.no_grad(), FlopCounterMode(display=False) as counter:
        theirs(torch.zeros(size))
    assert 2 * totals(records).macs == counter.get_total_flops()


@pytest.mark.parametrize("snippet", ["torch_vgg16.py", "torch_alexnet.py"])
def test_published_models_match_pytorchs_flop_counter(torch, snippet):
    """The snippets' models run for real under the FLOP counter (no torchvision needed)."""
    import contextlib
    import io
    import runpy
    from pathlib import Path

    from torch.utils.flop_counter import FlopCounterMode

    from convdims import standin

    path = Path(__file__).resolve().parents[2] / "docs" / "snippets" / snippet
    with contextlib.redirect_stdout(io.StringIO()):
        real = runpy.run_path(str(path), run_name="__main__")["model"].eval()
    with standin.frameworks(), contextlib.redirect_stdout(io.StringIO()):
        ours = runpy.run_path(str(path), run_name="__main__")["model"]
    with torch.device("meta"), torch.no_grad(), FlopCounterMode(display=False) as counter:
        real.to("meta")(torch.zeros(1, 3, 224, 224))
    assert 2 * totals(measures(ours, (1, 3, 224, 224))).macs == counter.get_total_flops()

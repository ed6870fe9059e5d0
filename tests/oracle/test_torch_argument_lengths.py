"""A layer argument given as a list of another length than the layer's axes
(``Conv2d(..., stride=[1])``, as EfficientNet-PyTorch writes it) is kept, printed and
spread as PyTorch 2.13 does: ``_pair`` keeps ``[1]`` as ``(1,)``, ``print(model)`` shows
``stride=(1,)``, the convolution spreads one value over every axis and refuses any other
length when it runs; pooling layers keep the list itself. Each case is built and called in
convdims and in real PyTorch: the stored attribute, the repr and the output shape must
be the same, or both must refuse at the same moment with PyTorch's exception class
(convdims's also names the argument).
"""

from __future__ import annotations

import pytest

from convdims import torch as cd_torch
from convdims.torch import nn as cd_nn

ATTRIBUTES = ("kernel_size", "stride", "padding", "dilation", "output_padding")

CASES = [
    ("Conv1d", (3, 4, 3), {"stride": [2]}, 1),
    ("Conv2d", (3, 4, 3), {"stride": [1]}, 2),
    ("Conv2d", (3, 4, 3), {"stride": [2]}, 2),
    ("Conv2d", (3, 4, 3), {"stride": (2,), "padding": [1], "dilation": [2]}, 2),
    ("Conv2d", (3, 4, 3), {"stride": [1], "padding": "same"}, 2),
    ("Conv2d", (3, 4, 3), {"stride": [2], "padding": "valid"}, 2),
    ("Conv2d", (3, 4, [3]), {}, 2),
    ("Conv2d", (3, 4, 3), {"stride": [2, 2, 2]}, 2),
    ("Conv2d", (3, 4, 3), {"stride": []}, 2),
    ("Conv2d", (3, 4, 3), {"padding": [1, 1, 1]}, 2),
    ("Conv2d", (3, 4, 3), {"padding": [1], "padding_mode": "reflect"}, 2),
    ("Conv2d", (3, 4, 3), {"padding": [1], "padding_mode": "circular"}, 2),
    ("Conv2d", (3, 4, 3), {"stride": [0]}, 2),
    ("Conv3d", (3, 4, 3), {"stride": [2]}, 3),
    ("Conv3d", (3, 4, 3), {"stride": [2, 1]}, 3),
    ("ConvTranspose2d", (3, 4, 3), {"stride": [2]}, 2),
    ("ConvTranspose2d", (3, 4, 3), {"padding": [1]}, 2),
    ("ConvTranspose2d", (3, 4, 3), {"stride": 2, "output_padding": [1]}, 2),
    ("ConvTranspose2d", (3, 4, 3), {"stride": [2], "output_padding": [2]}, 2),
    ("ConvTranspose2d", (3, 4, 3), {"output_padding": [1, 1, 1]}, 2),
    ("ConvTranspose1d", (3, 4, 3), {"stride": [2]}, 1),
    ("ConvTranspose3d", (3, 4, 3), {"stride": [2], "dilation": [1]}, 3),
    ("MaxPool1d", (3,), {"stride": [2]}, 1),
    ("MaxPool2d", ([3],), {}, 2),
    ("MaxPool2d", (3,), {"stride": [2]}, 2),
    ("MaxPool2d", (3,), {"padding": [1]}, 2),
    ("MaxPool3d", (3,), {"stride": [2]}, 3),
    ("AvgPool2d", ([3],), {"stride": [2]}, 2),
    ("AvgPool2d", (3,), {"padding": [1]}, 2),
    ("AvgPool3d", (3,), {"stride": [2]}, 3),
]


def _ids(case) -> str:
    layer, args, kwargs, _ = case
    call = ", ".join([*map(repr, args), *(f"{k}={v!r}" for k, v in kwargs.items())])
    return f"{layer}({call})"


def _outcome(nn, empty, layer, args, kwargs, dims, **call):
    """What happens: ('built', attributes, repr, shape) or (moment, error class)."""
    try:
        module = getattr(nn, layer)(*args, **kwargs)
    except Exception as error:  # noqa: BLE001 - the class is what is compared
        return ("build", error)
    stored = {name: getattr(module, name, None) for name in ATTRIBUTES}
    stored = {name: value for name, value in stored.items() if value is not None}
    channels = 3
    try:
        shape = tuple(module(empty(1, channels, *([9] * dims)), **call).shape)
    except Exception as error:  # noqa: BLE001 - the class is what is compared
        return ("call", error)
    return ("built", stored, repr(module), shape)


def _same(real, ours) -> None:
    assert real[0] == ours[0], (real, ours)
    if real[0] == "built":
        assert real[1:] == ours[1:]
        return
    assert isinstance(ours[1], type(real[1])), (real, ours)
    assert isinstance(ours[1], (ValueError, TypeError)), ours
    assert getattr(ours[1], "argument", ""), ours


@pytest.mark.parametrize("case", CASES, ids=map(_ids, CASES))
def test_lengths_are_kept_spread_and_refused_as_pytorch_does(torch, case) -> None:
    layer, args, kwargs, dims = case
    real = _outcome(torch.nn, torch.zeros, layer, args, kwargs, dims)
    ours = _outcome(cd_nn, cd_torch.empty, layer, args, kwargs, dims)
    if real[0] != "built" and isinstance(real[1], NotImplementedError):
        # F.pad's NotImplementedError: convdims refuses at the same moment with a
        # ShapeError (a ValueError and a RuntimeError) that names the padding.
        assert ours[0] == real[0] and getattr(ours[1], "argument", "") == "padding"
        return
    _same(real, ours)


def test_a_short_stride_with_output_size_is_an_index_error(torch) -> None:
    """ConvTranspose's ``output_size=`` path reads the stored stride axis by axis."""
    case = ("ConvTranspose2d", (3, 4, 3), {"stride": [2]}, 2)
    real = _outcome(torch.nn, torch.zeros, *case, output_size=[18, 18])
    ours = _outcome(cd_nn, cd_torch.empty, *case, output_size=[18, 18])
    _same(real, ours)


def test_torchinfo_shows_the_kept_stride(torch, torchinfo) -> None:
    from convdims.torch import summary

    def model(nn):
        return nn.Sequential(nn.Conv2d(3, 4, 3, stride=[1]), nn.Conv2d(4, 4, 3, [2]))

    columns = ("input_size", "output_size", "num_params", "kernel_size")
    real = str(torchinfo.summary(model(torch.nn), (1, 3, 9, 9), col_names=columns))
    ours = str(summary(model(cd_nn), (1, 3, 9, 9), col_names=columns))
    assert ours == real.replace("(Units.MEGABYTES)", "(M)")

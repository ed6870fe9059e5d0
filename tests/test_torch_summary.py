"""convdims.torch.summary without frameworks: the table, the records, the options.

The seed table below is what torchinfo 1.8 prints for the same PyTorch model (the oracle
tests compare every snippet and many options with torchinfo itself)."""

from __future__ import annotations

import pytest

from convdims import torch
from convdims.torch import COLUMNS, nn, summary
from test_torch_snippets import SNIPPETS, run_snippet

SEED_TABLE = """\
==========================================================================================
Layer (type:depth-idx)                   Output Shape              Param #
==========================================================================================
Sequential                               [1, 5, 15, 15]            --
├─Conv2d: 1-1                            [1, 5, 30, 30]            140
├─MaxPool2d: 1-2                         [1, 5, 15, 15]            --
==========================================================================================
Total params: 140
Trainable params: 140
Non-trainable params: 0
Total mult-adds (M): 0.13
==========================================================================================
Input size (MB): 0.01
Forward/backward pass size (MB): 0.04
Params size (MB): 0.00
Estimated Total Size (MB): 0.05
=========================================================================================="""


def seed():
    return nn.Sequential(nn.Conv2d(3, 5, 3), nn.MaxPool2d(2))


def test_seed_table(capsys) -> None:
    result = summary(seed(), input_size=(1, 3, 32, 32))
    assert capsys.readouterr().out == SEED_TABLE + "\n"
    assert str(result) == SEED_TABLE
    assert (result.total_params, result.trainable_params, result.non_trainable_params) == (
        140,
        140,
        0,
    )
    # 140 weights and biases, each used at 30*30 output positions.
    assert result.total_mult_adds == 140 * 30 * 30


def test_quiet_and_records(capsys) -> None:
    result = summary(seed(), input_size=(1, 3, 32, 32), verbose=0)
    assert capsys.readouterr().out == ""
    conv = result.rows[1]
    assert (conv.class_name, conv.var_name, conv.depth, conv.depth_index) == (
        "Conv2d",
        "0",
        1,
        1,
    )
    assert conv.input_shape == (1, 3, 32, 32) and conv.output_shape == (1, 5, 30, 30)
    assert conv.kernel_size == (3, 3) and conv.is_leaf and not conv.is_recursive


def test_resnet50_depth_recursion_and_frozen_rows() -> None:
    _, namespace = run_snippet_quietly("torch_resnet50.py")
    model = namespace["model"]
    model.conv1.requires_grad_(False)
    result = summary(model, input_size=(1, 3, 224, 224), depth=1, verbose=0)
    text = str(result)
    assert "├─Sequential: 1-5" in text and "└─Bottleneck" not in text
    assert (
        "├─Conv2d: 1-1                            [1, 64, 112, 112]         (9,408)" in text
    )
    assert result.non_trainable_params == 9_408
    # Each bottleneck calls its ReLU three times: rows 2 and 3 are recursive.
    relus = [r for r in result.rows if r.class_name == "ReLU" and r.depth == 3]
    assert [r.is_recursive for r in relus[:3]] == [False, True, True]
    assert result.total_params == 25_557_032


def run_snippet_quietly(name: str):
    return run_snippet(SNIPPETS / name)


def test_columns_and_settings() -> None:
    result = summary(
        seed(),
        input_size=(1, 3, 32, 32),
        verbose=0,
        columns=("kernel_size", "input_size", "trainable", "params_percent", "mult_adds"),
        row_settings=("depth", "var_names", "ascii_only"),
    )
    lines = str(result).splitlines()
    assert lines[1].split() == [
        "Layer",
        "(type",
        "(var_name):depth-idx)",
        "Kernel",
        "Shape",
        "Input",
        "Shape",
        "Trainable",
        "Param",
        "%",
        "Mult-Adds",
    ]
    assert lines[4].split() == [
        "+",
        "Conv2d",
        "(0):",
        "1-1",
        "[3,",
        "3]",
        "[1,",
        "3,",
        "32,",
        "32]",
        "True",
        "100.00%",
        "126,000",
    ]
    assert set(COLUMNS) >= {"output_size", "num_params", "mult_adds"}


def test_torchinfo_argument_names_and_errors() -> None:
    a = summary(seed(), input_size=(1, 3, 32, 32), verbose=0, col_names=("num_params",))
    assert "Output Shape" not in str(a)
    with pytest.raises(ValueError, match="unknown column"):
        summary(seed(), input_size=(1, 3, 32, 32), columns=("flops",))
    with pytest.raises(ValueError, match="needs input_size"):
        summary(seed(), columns=("output_size",))
    with pytest.raises(ValueError, match="Only one of"):
        summary(seed(), input_size=(1, 3, 32, 32), input_data=torch.empty(1, 3, 32, 32))
    with pytest.raises(ValueError, match="channels"):
        summary(seed(), input_size=(1, 4, 32, 32), verbose=0)


def test_input_data_and_several_inputs() -> None:
    class Pair(nn.Module):
        def __init__(self):
            super().__init__()
            self.a = nn.Linear(3, 4)
            self.b = nn.Linear(5, 4)

        def forward(self, x, y):
            return self.a(x) + self.b(y)

    result = summary(Pair(), input_size=[(2, 3), (2, 5)], verbose=0)
    assert [r.output_shape for r in result.rows] == [(2, 4), (2, 4), (2, 4)]
    again = summary(seed(), input_data=torch.empty(1, 3, 32, 32), verbose=0)
    assert str(again) == SEED_TABLE


def test_summary_leaves_the_model_mode_alone() -> None:
    model = seed()
    summary(model, input_size=(1, 3, 32, 32), verbose=0)
    assert model.training and model[0].training

"""convdims.torch.graph and the layers' declarations: every call of a leaf module as
the LayerCall its class fills, linked into the model's ModelGraph."""

from __future__ import annotations

import pytest

from convdims import torch
from convdims.description import Kind, ModelGraph
from convdims.torch import describe, nn
from convdims.torch import summary as summary_function
from convdims.window import AxisWindow

#: What each exported layer class declares (the isinstance ladder this replaces said
#: the same, class by class).
KINDS = {
    "Conv2d": Kind.CONV,
    "ConvTranspose2d": Kind.CONV_TRANSPOSE,
    "MaxPool2d": Kind.POOL,
    "AvgPool1d": Kind.POOL,
    "AdaptiveAvgPool2d": Kind.ADAPTIVE_POOL,
    "Linear": Kind.DENSE,
    "BatchNorm2d": Kind.BATCH_NORM,
    "GroupNorm": Kind.NORMALIZATION,
    "LayerNorm": Kind.NORMALIZATION,
    "ReLU": Kind.ACTIVATION,
    "Softmax": Kind.ACTIVATION,
    "Dropout2d": Kind.DROPOUT,
    "Identity": Kind.IDENTITY,
    "Flatten": Kind.FLATTEN,
    "Unflatten": Kind.RESHAPE,
    "ZeroPad2d": Kind.PADDING,
}


@pytest.mark.parametrize(("name", "kind"), sorted(KINDS.items()))
def test_each_layer_class_declares_its_kind(name: str, kind: Kind) -> None:
    assert getattr(nn, name)._kind is kind


def test_every_exported_leaf_class_declares_a_kind() -> None:
    containers = {"Module", "Parameter", "Sequential", "ModuleList", "ModuleDict"}
    containers.add("DataParallel")  # a wrapper: its module is the row below it
    containers |= {"ParameterList", "ParameterDict"}  # hold parameters, never called
    # Built from other layers (attention, linear, norm, dropout), each a row of its own:
    # composites, not leaves.
    containers |= {
        "Transformer",
        "TransformerDecoder",
        "TransformerDecoderLayer",
        "TransformerEncoder",
        "TransformerEncoderLayer",
    }
    undeclared = [
        name
        for name in nn.__all__
        if isinstance(getattr(nn, name), type)
        and name not in containers
        and getattr(nn, name)._kind is Kind.OTHER
    ]
    assert undeclared == []


def test_describe_returns_the_graph_with_windows_and_owners() -> None:
    conv = nn.Conv2d(3, 8, 3, stride=2, padding=1, dilation=2, groups=1)
    pool = nn.MaxPool2d(2, padding=1)
    graph = describe(nn.Sequential(conv, nn.ReLU(), pool), (1, 3, 16, 16))
    assert isinstance(graph, ModelGraph) and graph.dialect == "torch"
    assert [call.kind for call in graph] == [
        Kind.INPUT,
        Kind.CONV,
        Kind.ACTIVATION,
        Kind.POOL,
    ]
    assert graph[1].window == (AxisWindow(3, 2, 1, 1, 2),) * 2
    assert graph[1].owner is conv and graph[3].owner is pool
    assert graph[3].window == (AxisWindow(2, 2, 1, 1, 1),) * 2
    assert [call.inputs for call in graph] == [(), (0,), (1,), (2,)]
    assert graph[1].param_counts == (("weight", 8 * 3 * 9), ("bias", 8))


def test_padding_and_cropping_fill_their_own_window() -> None:
    graph = describe(
        nn.Sequential(nn.ZeroPad2d((1, 2, 3, 4)), nn.ZeroPad2d(-1)), (1, 1, 9, 9)
    )
    pad, crop = graph[1], graph[2]
    assert pad.kind is Kind.PADDING and pad.window == (
        AxisWindow(1, 1, 3, 4),
        AxisWindow(1, 1, 1, 2),
    )
    assert crop.kind is Kind.CROPPING and crop.window == (AxisWindow(1, 1, 1, 1),) * 2


def test_a_module_called_twice_is_one_owner_with_two_calls() -> None:
    shared = nn.Linear(6, 6)
    graph = describe(nn.Sequential(shared, nn.ReLU(), shared), (1, 6))
    assert graph.calls_of(shared) == (1, 3)
    # Parameters count once; torchinfo's mult-adds count every call.
    assert [graph[i].params for i in (1, 3)] == [42, 0]
    stats = summary_function(nn.Sequential(shared, nn.ReLU(), shared), (1, 6), verbose=0)
    assert stats.total_mult_adds == 2 * 42


def test_describe_needs_an_input_size() -> None:
    with pytest.raises(ValueError, match="input_size is required") as caught:
        describe(nn.Conv2d(3, 4, 3))
    assert caught.value.argument == "input_size"


def test_torchinfo_rule_goes_by_parameter_names() -> None:
    class Cell(nn.Module):
        """A leaf with parameters named like an RNN's, and one named neither."""

        def __init__(self):
            super().__init__()
            self.weight_ih_l0 = nn.Parameter(torch.empty(12, 5))
            self.bias_ih_l0 = nn.Parameter(torch.empty(12))
            self.scale = nn.Parameter(torch.empty(3))

        def forward(self, x):
            return torch.empty(x.size(0), 7, 3)

    stats = summary_function(Cell(), (2, 7, 5), verbose=0)
    # weight_ih_l0 and bias_ih_l0: once per batch * channels of the output (2 * 7);
    # scale: named neither weight nor bias, 0.
    assert stats.total_mult_adds == (12 * 5 + 12) * 2 * 7

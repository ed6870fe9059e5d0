"""description.py: the kinds, the layer call record and the model graph."""

from __future__ import annotations

import pytest

from convdims import ArgumentError, analysis
from convdims.description import CONV_KINDS, NOT_STORED, Kind, LayerCall, ModelGraph
from convdims.window import AxisWindow


def _calls():
    return (
        LayerCall("x", "Input", "input", (1, 3, 8, 8), output_spatial=(8, 8)),
        LayerCall(
            "c", "Conv2d", Kind.CONV, (1, 4, 8, 8), input_spatial=(8, 8),
            output_spatial=(8, 8), in_channels=3, out_channels=4,
            window=(AxisWindow(3, 1, 1, 1),) * 2, params=112, bias_params=4, inputs=(0,),
        ),
        LayerCall("r", "ReLU", "activation", (1, 4, 8, 8), inputs=(1,)),
        LayerCall("a", "Add", "merge", (1, 4, 8, 8), inputs=(1, 2)),
    )  # fmt: skip


def test_kinds_are_strings_and_the_old_tuple_stays():
    assert Kind("conv") is Kind.CONV and Kind.CONV == "conv" and str(Kind.POOL) == "pool"
    assert analysis.KINDS == tuple(k.value for k in Kind)
    assert CONV_KINDS <= set(Kind) and NOT_STORED <= set(Kind)


def test_a_call_reads_its_window_per_axis():
    call = _calls()[1]
    assert call.kind is Kind.CONV
    assert (call.kernel_size, call.strides, call.dilation, call.pad_before) == (
        (3, 3),
        (1, 1),
        (1, 1),
        (1, 1),
    )
    assert _calls()[2].kernel_size == ()


def test_an_unknown_kind_is_refused_with_the_valid_ones():
    with pytest.raises(ArgumentError) as caught:
        LayerCall("x", "X", "convolution", ())
    assert caught.value.argument == "kind" and "conv_transpose" in caught.value.valid


def test_the_graph_links_calls_both_ways():
    graph = ModelGraph(_calls(), "m", "torch")
    assert len(graph) == 4 and graph.inputs == (0,)
    assert graph.consumers(1) == (2, 3) and graph.consumers(3) == ()
    assert [c.name for c in graph] == ["x", "c", "r", "a"]


def test_owner_groups_calls_and_is_not_compared():
    owner = object()
    first = LayerCall("r", "ReLU", "activation", (1,), owner=owner)
    assert first == LayerCall("r", "ReLU", "activation", (1,))
    graph = ModelGraph((first, LayerCall("s", "ReLU", "activation", (1,), owner=owner)))
    assert graph.calls_of(owner) == (0, 1) and graph.calls_of(object()) == ()


@pytest.mark.parametrize("bad", [(1,), (-1,), (0, 5)])
def test_inputs_must_be_earlier_calls(bad):
    calls = list(_calls()[:2])
    calls[1] = LayerCall("c", "Conv2d", "conv", (1,), inputs=bad)
    with pytest.raises(ArgumentError, match="inputs must be earlier calls"):
        ModelGraph(tuple(calls))

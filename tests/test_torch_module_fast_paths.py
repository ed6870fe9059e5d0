"""convdims.torch's Module keeps PyTorch's attribute and hook semantics on its fast paths.

Registry entries (parameters, buffers, children) are mirrored into the instance's
``__dict__`` so attribute lookup finds them without ``__getattr__``; a summary's trace is
called by ``Module.__call__`` directly while it is the only global hook; convolutions
and BatchNorm build and run their common case without the checked path. These tests
hold each fast path to what the slow one (and PyTorch) answers.
"""

from __future__ import annotations

import copy

import pytest

from convdims import torch
from convdims.torch import nn, summary
from convdims.torch.nn import module as module_file


def test_a_registry_entry_removed_directly_is_gone_as_an_attribute() -> None:
    conv = nn.Conv2d(3, 4, 3)
    assert conv.weight is conv._parameters["weight"]
    del conv._parameters["weight"]
    with pytest.raises(AttributeError, match="has no attribute 'weight'"):
        _ = conv.weight
    replaced = nn.Parameter(torch.empty(4, 3, 3, 3))
    conv._parameters["weight"] = replaced
    assert conv.weight is replaced


def test_direct_changes_of_children_show_as_attributes() -> None:
    model = nn.Sequential(nn.ReLU(), nn.Conv2d(3, 4, 3))
    other = nn.Tanh()
    model._modules["0"] = other
    assert getattr(model, "0") is other
    model._modules.pop("1")
    assert not hasattr(model, "1")
    model._modules.update({"head": nn.ReLU()})
    assert isinstance(model.head, nn.ReLU)
    model._modules.clear()
    assert not hasattr(model, "head") and not hasattr(model, "0")
    assert model._modules.setdefault("tail", other) is other and model.tail is other


def test_sequential_deletion_and_insertion_renumber_the_attributes() -> None:
    model = nn.Sequential(nn.ReLU(), nn.Tanh(), nn.Sigmoid())
    del model[0]
    assert [type(getattr(model, name)).__name__ for name in ("0", "1")] == [
        "Tanh",
        "Sigmoid",
    ]
    assert not hasattr(model, "2")
    model.insert(0, nn.ReLU())
    assert type(getattr(model, "0")).__name__ == "ReLU"
    assert type(getattr(model, "2")).__name__ == "Sigmoid"


def test_a_class_attribute_shadows_a_child_of_its_name() -> None:
    class Block(nn.Module):
        downsample = None

        def __init__(self) -> None:
            super().__init__()
            self.downsample = nn.ReLU()

    block = Block()
    assert block.downsample is None  # as in PyTorch: the class attribute is found first
    assert isinstance(block._modules["downsample"], nn.ReLU)


def test_a_plain_attribute_shadows_an_entry_put_in_a_registry_directly() -> None:
    module = nn.Module()
    module.note = "plain"
    module._modules["note"] = nn.ReLU()
    assert module.note == "plain"
    del module._modules["note"]
    assert module.note == "plain"


def test_assignments_move_a_name_between_registries() -> None:
    module = nn.Module()
    module.part = nn.ReLU()
    module.part = nn.Parameter(torch.empty(3))
    assert "part" not in module._modules and module.part is module._parameters["part"]
    module.part = None
    assert module.part is None and module._parameters["part"] is None
    module.register_buffer("stat", torch.empty(2))
    module.stat = torch.empty(5)
    assert module.stat.shape == (5,) and module._buffers["stat"] is module.stat
    del module.stat
    with pytest.raises(AttributeError):
        _ = module.stat


def test_a_second_init_drops_the_entries_and_their_attributes() -> None:
    module = nn.Module()
    module.child = nn.ReLU()
    nn.Module.__init__(module)
    assert module._modules == {}
    with pytest.raises(AttributeError):
        _ = module.child


def test_a_deep_copy_keeps_its_own_attributes() -> None:
    original = nn.Sequential(nn.Conv2d(3, 4, 3), nn.ReLU())
    twin = copy.deepcopy(original)
    first = getattr(twin, "0")
    assert first is twin._modules["0"] and first is not getattr(original, "0")
    assert first.weight is first._parameters["weight"]
    del first._parameters["bias"]
    assert not hasattr(first, "bias") and getattr(original, "0").bias is not None


def test_weight_norm_reparametrizes_through_the_registry() -> None:
    with pytest.warns(FutureWarning, match="deprecated"):
        conv = nn.utils.weight_norm(nn.Conv2d(3, 4, 3))
    assert "weight" not in conv._parameters
    assert conv.weight_g is conv._parameters["weight_g"]
    assert conv.weight.shape == (4, 3, 3, 3) and "weight" in conv.__dict__
    nn.utils.remove_weight_norm(conv)
    assert conv.weight is conv._parameters["weight"] and not hasattr(conv, "weight_g")


def test_a_global_hook_registered_during_a_summary_keeps_the_hook_order() -> None:
    calls: list[str] = []

    class Late(nn.Module):
        def __init__(self) -> None:
            super().__init__()
            self.conv = nn.Conv2d(3, 4, 3)

        def forward(self, x):
            if not calls:
                module_file.register_module_forward_hook(
                    lambda module, args, output: calls.append(type(module).__name__)
                )
            return self.conv(x)

    handles_before = dict(module_file._global_forward_hooks)
    result = summary(Late(), input_size=(1, 3, 8, 8), verbose=0)
    assert [row.class_name for row in result.rows] == ["Late", "Conv2d"]
    assert [row.output_shape for row in result.rows] == [(1, 4, 6, 6), (1, 4, 6, 6)]
    assert calls[:2] == ["Conv2d", "Late"]
    late = [k for k in module_file._global_forward_hooks if k not in handles_before]
    assert len(late) == 1  # the summary's own hooks are gone; the model's stays
    for key in late:
        module_file._global_forward_hooks.pop(key)
    assert module_file._recorder == [None]


def test_the_fast_conv_builds_what_the_checked_path_builds() -> None:
    fast = nn.Conv2d(8, 16, 3, stride=2, padding=1, bias=False)
    checked = nn.Conv2d(8, 16, [3, 3], stride=[2, 2], padding=[1, 1], bias=False)
    names = (
        "in_channels out_channels kernel_size stride padding dilation transposed "
        "output_padding groups padding_mode _pads _refusal _strides _dilations "
        "_paddings _output_paddings"
    ).split()
    assert [getattr(fast, n) for n in names] == [getattr(checked, n) for n in names]
    assert repr(fast) == repr(checked)
    assert [p.shape for p in fast.parameters()] == [p.shape for p in checked.parameters()]
    x = torch.empty(2, 8, 9, 9)
    assert fast(x).shape == checked(x).shape == (2, 16, 5, 5)


@pytest.mark.parametrize(
    "shape",
    [(2, 3, 9, 9), (3, 9, 9), (2, 4, 9, 9), (2, 3, 2, 2), (2, 3, 0, 9), (2, 3, 9)],
)
def test_the_fast_conv_call_refuses_what_the_checked_call_refuses(shape) -> None:
    conv = nn.Conv2d(3, 4, 3)

    def outcome(call):
        try:
            return tuple(call(torch.empty(*shape)).shape)
        except Exception as error:  # noqa: BLE001 - the error is the outcome
            return type(error), str(error)

    assert outcome(conv) == outcome(conv._checked_forward)


@pytest.mark.parametrize(
    ("shape", "training"),
    [
        ((2, 4, 5, 5), False),
        ((1, 4, 1, 1), True),
        ((1, 4, 1, 1), False),
        ((2, 3, 5, 5), False),
    ],
)
def test_the_fast_batch_norm_call_answers_as_the_checked_call(shape, training) -> None:
    norm = nn.BatchNorm2d(4).train(training)

    def outcome(call):
        try:
            return tuple(call(torch.empty(*shape)).shape)
        except Exception as error:  # noqa: BLE001 - the error is the outcome
            return type(error), str(error)

    assert outcome(norm) == outcome(norm._checked_forward)

"""convdims.torch.tracing: the rows of a forward pass, recorded by global hooks."""

from __future__ import annotations

from convdims import torch
from convdims.torch import nn
from convdims.torch.nn import module as module_file
from convdims.torch.tracing import input_shapes, trace


class Twice(nn.Module):
    def __init__(self):
        super().__init__()
        self.body = nn.Sequential(nn.Conv2d(3, 4, 3), nn.ReLU())
        self.head = nn.Linear(4, 2)
        self.unused = nn.Linear(3, 3)

    def forward(self, x):
        x = self.body(x)
        return self.head(x.mean((2, 3)))


def test_rows_follow_the_forward_pass_and_the_tree() -> None:
    recorded = trace(Twice(), [torch.empty(2, 3, 8, 8)])
    rows = [(i.class_name, i.var_name, i.depth, i.depth_index) for i in recorded.infos]
    assert rows == [
        ("Twice", "Twice", 0, 1),
        ("Sequential", "body", 1, 1),
        ("Conv2d", "0", 2, 1),
        ("ReLU", "1", 2, 2),
        ("Linear", "head", 1, 2),
    ]
    body = recorded.infos[1]
    assert [c.class_name for c in body.children] == ["Conv2d", "ReLU"]
    assert (body.num_params, recorded.infos[0].num_params) == (112, 112 + 10 + 12)
    assert [i.class_name for i in recorded.finished] == [
        "Conv2d",
        "ReLU",
        "Sequential",
        "Linear",
        "Twice",
    ]


def test_without_an_input_every_module_has_one_uncalled_row() -> None:
    recorded = trace(Twice(), None)
    assert [i.var_name for i in recorded.infos] == [
        "Twice",
        "body",
        "0",
        "1",
        "head",
        "unused",
    ]
    assert not any(i.executed for i in recorded.infos)


def test_the_hooks_are_global_and_removed_after_the_pass() -> None:
    seen = []
    handle = module_file.register_module_forward_hook(
        lambda module, args, output: seen.append(type(module).__name__)
    )
    model = Twice()
    trace(model, [torch.empty(1, 3, 8, 8)])
    handle.remove()
    assert seen == ["Conv2d", "ReLU", "Sequential", "Linear", "Twice"]
    assert module_file._global_forward_hooks == {}
    assert module_file._global_forward_pre_hooks == {}
    model(torch.empty(1, 3, 8, 8))
    assert len(seen) == 5


def test_shared_parameters_count_once() -> None:
    a, b = nn.Linear(4, 4), nn.Linear(4, 4)
    b.weight = a.weight
    recorded = trace(nn.Sequential(a, b), [torch.empty(1, 4)])
    assert recorded.infos[0].num_params == 16 + 4 + 4
    assert recorded.param_counts(recorded.model) == (
        ("0.weight", 16),
        ("0.bias", 4),
        ("1.bias", 4),
    )


def test_input_size_reading() -> None:
    assert input_shapes((1, 3, 8, 8)) == [(1, 3, 8, 8)]
    assert input_shapes([(2, 3), (2, 5)]) == [(2, 3), (2, 5)]

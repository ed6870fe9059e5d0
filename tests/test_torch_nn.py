"""convdims.torch.nn without PyTorch: published sizes, PyTorch's rules and errors, the
module machinery, and agreement with the core's parameter counts."""

from __future__ import annotations

from collections import OrderedDict

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from convdims import conv_params, dense_params, torch
from convdims.torch import DimensionError, ShapeError, nn


def shape_of(layer, *shape):
    return tuple(layer(torch.empty(*shape)).shape)


# Published and reference sizes ---------------------------------------------------------


def test_alexnet_first_layer_cs231n() -> None:
    conv = nn.Conv2d(3, 96, 11, stride=4)
    assert shape_of(conv, 1, 3, 227, 227) == (1, 96, 55, 55)
    assert shape_of(conv, 1, 3, 224, 224) == (1, 96, 54, 54)
    assert sum(p.numel() for p in conv.parameters()) == 34_944


def test_conv_parameter_examples() -> None:
    count = lambda layer: sum(p.numel() for p in layer.parameters())  # noqa: E731
    assert count(nn.Conv2d(32, 64, 3)) == 18_496
    assert count(nn.Conv2d(32, 64, 3, groups=4)) == 4_672
    assert count(nn.Conv2d(32, 64, 3, bias=False)) == 18_432
    assert count(nn.BatchNorm2d(64)) == 128


def test_pooling_floor_and_ceil_mode() -> None:
    assert shape_of(nn.MaxPool2d(2), 1, 1, 11, 11) == (1, 1, 5, 5)
    assert shape_of(nn.MaxPool2d(2, ceil_mode=True), 1, 1, 11, 11) == (1, 1, 6, 6)
    # The last window must start inside the input or the left padding.
    assert shape_of(nn.MaxPool1d(2, 2, 1, ceil_mode=True), 1, 1, 11) == (1, 1, 6)
    assert shape_of(nn.MaxPool1d(3, 2, 1), 1, 1, 112) == (1, 1, 56)
    assert shape_of(nn.MaxPool1d(3, 2, 1, ceil_mode=True), 1, 1, 112) == (1, 1, 57)


def test_transposed_output_padding_picks_between_23_and_24() -> None:
    assert shape_of(nn.ConvTranspose1d(1, 1, 3, stride=2, padding=1), 1, 1, 12) == (
        1,
        1,
        23,
    )
    layer = nn.ConvTranspose1d(1, 1, 3, stride=2, padding=1, output_padding=1)
    assert shape_of(layer, 1, 1, 12) == (1, 1, 24)
    free = nn.ConvTranspose1d(1, 1, 3, stride=2, padding=1)
    assert tuple(free(torch.empty(1, 1, 12), output_size=[24]).shape) == (1, 1, 24)
    with pytest.raises(ValueError, match="valid sizes range from"):
        free(torch.empty(1, 1, 12), output_size=[25])


def test_same_padding_keeps_the_size_with_even_kernels() -> None:
    layer = nn.Conv1d(2, 3, 4, padding="same", dilation=3)
    assert shape_of(layer, 1, 2, 5) == (1, 3, 5)
    assert layer._pads == ((4, 5),)  # the extra cell goes after, as in PyTorch


def test_unbatched_inputs_and_defaults() -> None:
    assert shape_of(nn.Conv2d(3, 5, 3), 3, 8, 8) == (5, 6, 6)
    assert nn.MaxPool2d(3).stride == 3
    assert shape_of(nn.AdaptiveAvgPool2d((None, 2)), 1, 4, 9, 7) == (1, 4, 9, 2)


# PyTorch's rules and errors ------------------------------------------------------------


@pytest.mark.parametrize(
    "build",
    [
        lambda: nn.Conv2d(3, 6, 3, stride=2, padding="same"),
        lambda: nn.Conv2d(3, 6, 3, groups=2),
        lambda: nn.Conv2d(4, 6, 3, groups=4),
        lambda: nn.Conv2d(3, 6, 3, groups=0),
        lambda: nn.Conv2d(3, 6, 3, padding="full"),
        lambda: nn.Conv2d(3, 6, 3, padding_mode="zero"),
        lambda: nn.ConvTranspose2d(3, 6, 3, padding_mode="reflect"),
        lambda: nn.ConvTranspose2d(3, 6, 3, padding="same"),
        lambda: nn.Dropout(1.5),
        lambda: nn.GroupNorm(3, 8),
        lambda: nn.AdaptiveAvgPool2d(0),
    ],
)
def test_bad_configurations_raise_value_error(build) -> None:
    with pytest.raises(ValueError):
        build()


@pytest.mark.parametrize(
    ("layer", "shape"),
    [
        (nn.Conv2d(4, 5, 3), (1, 3, 8, 8)),  # channels
        (nn.Conv2d(3, 5, 7), (1, 3, 5, 5)),  # kernel larger than the input
        (nn.Conv2d(3, 5, 3), (5, 5)),  # rank
        (nn.Conv2d(3, 5, 3, padding=5, padding_mode="reflect"), (1, 3, 5, 5)),
        (nn.Conv2d(3, 5, 3, padding=6, padding_mode="circular"), (1, 3, 5, 5)),
        (nn.MaxPool1d(2, padding=2, dilation=3), (1, 3, 20)),
        (nn.MaxPool1d(5), (1, 3, 4)),
        (nn.AvgPool3d(2, ceil_mode=True), (1, 1, 1, 1, 1)),
        (nn.ConvTranspose1d(3, 5, 3, stride=1, output_padding=2), (1, 3, 5)),
        (nn.ConvTranspose1d(3, 5, 1, padding=3), (1, 3, 2)),
        (nn.Linear(4, 5), (1, 3)),
        (nn.BatchNorm2d(4).eval(), (1, 3, 5, 5)),
    ],
)
def test_bad_inputs_raise_shape_error(layer, shape) -> None:
    with pytest.raises(ShapeError) as caught:
        layer(torch.empty(*shape))
    assert isinstance(caught.value, ValueError) and isinstance(caught.value, RuntimeError)


def test_batch_norm_rank_and_training_batch_of_one() -> None:
    with pytest.raises(ValueError, match="expected 4D input"):
        nn.BatchNorm2d(3)(torch.empty(3, 5, 5))
    with pytest.raises(ValueError, match="more than 1 value per channel"):
        nn.BatchNorm1d(3)(torch.empty(1, 3))
    assert shape_of(nn.BatchNorm1d(3).eval(), 1, 3) == (1, 3)


def test_flatten_out_of_range_is_an_index_error_too() -> None:
    with pytest.raises(DimensionError) as caught:
        nn.Flatten()(torch.empty(2))
    assert isinstance(caught.value, IndexError)


# Module machinery ----------------------------------------------------------------------


class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.features = nn.Sequential(nn.Conv2d(3, 4, 3), nn.BatchNorm2d(4), nn.ReLU())
        self.fc = nn.Linear(4, 2)

    def forward(self, x):
        x = self.features(x).mean((2, 3))
        return self.fc(x)


def test_registration_and_names_follow_pytorch() -> None:
    net = Net()
    assert [name for name, _ in net.named_parameters()] == [
        "features.0.weight",
        "features.0.bias",
        "features.1.weight",
        "features.1.bias",
        "fc.weight",
        "fc.bias",
    ]
    assert [name for name, _ in net.named_buffers()] == [
        "features.1.running_mean",
        "features.1.running_var",
        "features.1.num_batches_tracked",
    ]
    assert [name for name, _ in net.named_modules()][:3] == ["", "features", "features.0"]
    assert tuple(net(torch.empty(2, 3, 8, 8)).shape) == (2, 2)


def test_freezing_counts_as_non_trainable() -> None:
    net = Net()
    net.features.requires_grad_(False)
    trainable = sum(p.numel() for p in net.parameters() if p.requires_grad)
    assert trainable == 4 * 2 + 2


def test_repr_like_pytorch() -> None:
    assert repr(nn.Conv2d(3, 5, 3, padding="same", bias=False)) == (
        "Conv2d(3, 5, kernel_size=(3, 3), stride=(1, 1), padding=same, bias=False)"
    )
    assert repr(nn.ModuleList([nn.ReLU(), nn.ReLU(), nn.Tanh()])) == (
        "ModuleList(\n  (0-1): 2 x ReLU()\n  (2): Tanh()\n)"
    )


def test_sequential_indexing_and_ordered_dict() -> None:
    model = nn.Sequential(OrderedDict([("conv", nn.Conv2d(1, 2, 3)), ("act", nn.ReLU())]))
    assert model[0] is model.conv and model[-1] is model.act
    assert list(model[:1]._modules) == ["conv"]
    model.append(nn.Flatten())
    assert len(model) == 3 and tuple(model(torch.empty(1, 1, 4, 4)).shape) == (1, 8)


def test_assigning_before_super_init_fails_like_pytorch() -> None:
    class Broken(nn.Module):
        def __init__(self):
            self.conv = nn.Conv2d(1, 1, 1)

    with pytest.raises(AttributeError, match="before Module.__init__"):
        Broken()


def test_hooks_see_every_call() -> None:
    seen = []
    layer = nn.ReLU()
    handle = layer.register_forward_hook(lambda m, args, out: seen.append(tuple(out.shape)))
    model = nn.Sequential(layer, layer)
    model(torch.empty(2, 3))
    handle.remove()
    model(torch.empty(2, 3))
    assert seen == [(2, 3), (2, 3)]


# Agreement with the core ---------------------------------------------------------------


@settings(max_examples=150, deadline=None)
@given(
    dims=st.integers(1, 3),
    kernel=st.integers(1, 5),
    groups=st.integers(1, 4),
    per_group_in=st.integers(1, 4),
    per_group_out=st.integers(1, 4),
    bias=st.booleans(),
    transposed=st.booleans(),
)
def test_conv_parameters_equal_the_core_count(
    dims, kernel, groups, per_group_in, per_group_out, bias, transposed
) -> None:
    cls = getattr(nn, f"Conv{'Transpose' if transposed else ''}{dims}d")
    layer = cls(
        groups * per_group_in, groups * per_group_out, kernel, groups=groups, bias=bias
    )
    expected = conv_params(
        (kernel,) * dims, groups * per_group_in, groups * per_group_out, bias, groups
    )
    assert sum(p.numel() for p in layer.parameters()) == expected


@settings(max_examples=50, deadline=None)
@given(st.integers(1, 500), st.integers(1, 500), st.booleans())
def test_linear_parameters_equal_the_core_count(inputs, outputs, bias) -> None:
    layer = nn.Linear(inputs, outputs, bias=bias)
    assert sum(p.numel() for p in layer.parameters()) == dense_params(inputs, outputs, bias)

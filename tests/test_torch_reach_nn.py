"""The torch.nn modules and functional forms of the lookalike's reach, without
PyTorch (their agreement with PyTorch is tests/oracle/test_torch_reach_nn.py and
test_torch_reach_losses.py): shapes, counts, reprs, the summary and the refusals."""

from __future__ import annotations

import pytest

from convdims import torch
from convdims.standin import Unsupported
from convdims.torch import nn, summary
from convdims.torch.nn import functional as F


def _count(module) -> int:
    return sum(p.numel() for p in module.parameters())


def test_parameter_containers_register_and_count():
    params = nn.ParameterList([torch.empty(3, 4), nn.Parameter(torch.empty(5))])
    assert [n for n, _ in params.named_parameters()] == ["0", "1"]
    assert _count(params) == 17 and len(params) == 2
    assert isinstance(params[0], nn.Parameter)
    table = nn.ParameterDict({"b": torch.empty(2), "a": torch.empty(3)})
    assert list(table) == ["a", "b"] and _count(table) == 5
    with pytest.raises(RuntimeError, match="should not be called"):
        params(torch.empty(1))
    with pytest.raises(TypeError, match="not a string"):
        table[0]


def test_fold_undoes_unfold_shapes():
    x = torch.empty(2, 3, 8, 8)
    columns = nn.Unfold(kernel_size=2, stride=2)(x)
    assert columns.shape == (2, 12, 16)
    assert nn.Fold(output_size=(8, 8), kernel_size=2, stride=2)(columns).shape == x.shape
    with pytest.raises(ValueError, match="sliding blocks"):
        F.fold(torch.empty(2, 12, 15), (8, 8), 2, stride=2)


def test_unpooling_inverts_pooling_shapes():
    values, indices = nn.MaxPool2d(2, return_indices=True)(torch.empty(1, 3, 9, 9))
    assert indices.dtype is torch.int64
    unpool = nn.MaxUnpool2d(2)
    assert unpool(values, indices).shape == (1, 3, 8, 8)
    assert unpool(values, indices, output_size=(9, 9)).shape == (1, 3, 9, 9)
    with pytest.raises(ValueError, match="invalid output_size"):
        unpool(values, indices, output_size=(10, 10))


def test_lazy_module_takes_its_size_from_the_first_input():
    model = nn.Sequential(nn.LazyConv2d(8, 3), nn.Flatten(), nn.LazyLinear(10))
    assert "LazyConv2d(0, 8" in repr(model)
    with pytest.raises(ValueError, match="uninitialized parameter"):
        _count(model)
    table = str(summary(model, input_size=(1, 3, 6, 6), verbose=0))
    assert "Conv2d: 1-1" in table and "Lazy" not in table
    assert isinstance(model[0], nn.Conv2d) and model[2].in_features == 128
    assert _count(model) == 8 * 3 * 9 + 8 + 128 * 10 + 10


def test_sync_batchnorm_conversion_shares_parameters():
    bn = nn.BatchNorm2d(4)
    model = nn.SyncBatchNorm.convert_sync_batchnorm(nn.Sequential(bn, nn.InstanceNorm2d(4)))
    assert type(model[0]).__name__ == "SyncBatchNorm" and model[0].weight is bn.weight
    assert type(model[1]).__name__ == "InstanceNorm2d"
    assert model[0](torch.empty(2, 4, 3, 3, 3)).shape == (2, 4, 3, 3, 3)


@pytest.mark.parametrize(
    ("module", "inputs", "shape"),
    [
        (nn.RMSNorm(8), [(2, 8)], (2, 8)),
        (nn.Bilinear(3, 4, 6), [(5, 3), (5, 4)], (5, 6)),
        (nn.CosineSimilarity(), [(4, 8), (4, 8)], (4,)),
        (nn.PairwiseDistance(keepdim=True), [(4, 8), (4, 8)], (4, 1)),
        (nn.LPPool2d(2, 3, stride=2), [(1, 3, 9, 9)], (1, 3, 4, 4)),
        (nn.ChannelShuffle(2), [(1, 4, 2, 2)], (1, 4, 2, 2)),
        (nn.CircularPad2d(1), [(1, 3, 4, 4)], (1, 3, 6, 6)),
        (nn.ReflectionPad3d(1), [(1, 2, 3, 3, 3)], (1, 2, 5, 5, 5)),
        (nn.FractionalMaxPool2d(3, output_size=5), [(1, 3, 10, 10)], (1, 3, 5, 5)),
        (nn.Softmax2d(), [(2, 3, 4, 4)], (2, 3, 4, 4)),
        (nn.TripletMarginLoss(reduction="none"), [(4, 8)] * 3, (4,)),
    ],
)
def test_module_shapes(module, inputs, shape):
    assert module(*(torch.empty(*s) for s in inputs)).shape == shape


def test_functional_forms():
    assert F.one_hot(torch.tensor([0, 3, 1])).shape == (3, 4)
    assert F.one_hot(torch.zeros(2, dtype=torch.long), 7).dtype is torch.int64
    with pytest.raises(Unsupported, match="num_classes"):
        F.one_hot(torch.zeros(2, dtype=torch.long))
    assert F.embedding(torch.zeros(2, 3, dtype=torch.long), torch.empty(9, 4)).shape == (
        2,
        3,
        4,
    )
    assert F.grid_sample(
        torch.empty(1, 3, 8, 8), torch.empty(1, 4, 5, 2), align_corners=False
    ).shape == (1, 3, 4, 5)
    assert F.pdist(torch.empty(6, 2)).shape == (15,)
    with pytest.warns(UserWarning, match="align_corners"):
        F.affine_grid(torch.empty(1, 2, 3), [1, 3, 4, 4])
    with pytest.raises(ValueError, match="lambda must be in range"):
        F.softshrink(torch.empty(2), -1.0)


def test_a_lazy_module_never_called_leaves_no_global_hook():
    # PyTorch's lazy modules hook their own calls, not every module's: one left uncalled
    # must not change how later models run or are summarised.
    from convdims.torch.nn import module as module_file

    before = dict(module_file._global_forward_pre_hooks)
    lazy = nn.LazyLinear(3)
    assert module_file._global_forward_pre_hooks == before
    assert lazy.has_uninitialized_params() and len(lazy._forward_pre_hooks) == 1
    lazy(torch.empty(2, 5))
    assert type(lazy) is nn.Linear and not lazy._forward_pre_hooks

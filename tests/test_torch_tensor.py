"""Shape-only tensors: the operations model code writes between layers."""

from __future__ import annotations

import pytest

from convdims import torch
from convdims.torch import DimensionError, ShapeError


def test_residual_add_and_in_place_add() -> None:
    out = torch.empty(2, 8, 4, 4)
    out += torch.empty(2, 8, 4, 4)
    assert out.shape == (2, 8, 4, 4)
    assert (torch.empty(2, 8, 4, 4) + torch.empty(8, 1, 1)).shape == (2, 8, 4, 4)
    with pytest.raises(ShapeError, match="must match"):
        torch.empty(1, 3, 5) + torch.empty(1, 4, 5)
    with pytest.raises(ShapeError, match="doesn't match the broadcast shape"):
        small = torch.empty(1, 1, 5)
        small += torch.empty(1, 4, 5)


def test_view_reshape_flatten() -> None:
    x = torch.empty(2, 3, 4, 5)
    assert x.view(x.size(0), -1).shape == (2, 60)
    assert x.reshape(-1).shape == (120,)
    assert torch.flatten(x, 1, 2).shape == (2, 12, 5)
    with pytest.raises(ShapeError, match="invalid for input of size 120"):
        x.view(7, -1)
    with pytest.raises(ShapeError):
        x.view(-1, -1)
    with pytest.raises(DimensionError):
        x.flatten(4)


def test_cat_stack_permute_mean() -> None:
    a, b = torch.empty(1, 64, 8, 8), torch.empty(1, 32, 8, 8)
    assert torch.cat([a, b], dim=1).shape == (1, 96, 8, 8)
    with pytest.raises(ShapeError, match="Sizes of tensors must match"):
        torch.cat([a, torch.empty(1, 32, 7, 8)], 1)
    assert torch.stack([a, a], 1).shape == (1, 2, 64, 8, 8)
    assert a.permute(0, 2, 3, 1).shape == (1, 8, 8, 64)
    assert a.mean((2, 3)).shape == (1, 64)
    assert a.mean((2, 3), keepdim=True).shape == (1, 64, 1, 1)
    assert (torch.empty(5, 2, 3) @ torch.empty(3, 4)).shape == (5, 2, 4)


def test_size_prints_like_pytorch() -> None:
    assert repr(torch.empty(1, 3).shape) == "torch.Size([1, 3])"
    assert torch.empty(2, 3, dtype=torch.float16).element_size() == 2

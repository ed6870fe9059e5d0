"""The torch functions of the lookalike's reach, without PyTorch: the function-form
table (torch/_function_forms.py), the new tensor methods and the functions with no
method form (their agreement with PyTorch is tests/oracle/test_torch_reach_functions.py)."""

from __future__ import annotations

import pytest

from convdims import torch
from convdims.errors import ArgumentTypeError
from convdims.standin import Unsupported
from convdims.torch._function_forms import METHOD_FORMS


@pytest.mark.parametrize("name", sorted(METHOD_FORMS))
def test_every_function_form_refuses_a_non_tensor_naming_input(name):
    function = getattr(torch, name)
    assert name in torch.__all__
    with pytest.raises(ArgumentTypeError) as caught:
        function([1.0, 2.0])
    assert caught.value.argument == "input"
    assert str(caught.value).startswith(f"{name}(): argument 'input'")


@pytest.mark.parametrize("name", sorted(METHOD_FORMS))
def test_every_function_form_says_which_arguments_are_missing(name):
    required = METHOD_FORMS[name]
    x = torch.empty(2, 3)
    if not required:
        return
    with pytest.raises(TypeError, match=f'"{required[-1]}"'):
        getattr(torch, name)(x)


def test_the_function_form_is_the_method_with_input_by_name():
    x = torch.empty(4, 5)
    index = torch.zeros(2, 5, dtype=torch.long)
    assert torch.gather(input=x, dim=0, index=index).shape == (2, 5)
    assert torch.topk(x, 2, dim=0).values.shape == (2, 5)
    assert torch.cumsum(x, dim=1).shape == (4, 5)


def test_dims_are_checked_before_the_method():
    with pytest.raises(IndexError, match="Dimension out of range"):
        torch.cumsum(torch.empty(2, 3), 2)
    with pytest.raises(RuntimeError, match="appears multiple times"):
        torch.flip(torch.empty(2, 3), (1, -1))


def test_new_methods_give_shapes_and_dtypes():
    x = torch.empty(2, 3, 4)
    assert x.movedim((0, 1), (2, 0)).shape == (3, 4, 2)
    assert x.diagonal(0, 1, 2).shape == (2, 3)
    assert x.isinf().dtype is torch.bool
    assert x.argsort().dtype is torch.int64
    assert x.rot90(1, (1, 2)).shape == (2, 4, 3)
    assert x.tile(2).shape == (2, 3, 8)
    assert x.unfold(2, 2, 2).shape == (2, 3, 2, 2)
    assert torch.empty(3).outer(torch.empty(5)).shape == (3, 5)


def test_functions_without_method_form():
    assert torch.linspace(0, 1, 3).tolist() == [0.0, 0.5, 1.0]
    assert torch.vstack([torch.empty(3), torch.empty(2, 3)]).shape == (3, 3)
    assert torch.block_diag(torch.empty(2, 2), torch.empty(3)).shape == (3, 5)
    assert torch.kron(torch.empty(2, 2), torch.empty(3, 3)).shape == (6, 6)
    assert torch.get_default_dtype() is torch.float32
    with pytest.raises(ValueError, match="number of steps must be non-negative"):
        torch.linspace(0, 1, -2)


@pytest.mark.parametrize(
    "call",
    [
        lambda: torch.nonzero(torch.empty(3)),
        lambda: torch.empty(3).masked_select(torch.empty(3, dtype=torch.bool)),
        lambda: torch.unique(torch.empty(3)),
        lambda: torch.equal(torch.empty(3), torch.empty(3)),
        lambda: torch.set_default_dtype(torch.float64),
    ],
)
def test_what_depends_on_values_is_refused_not_guessed(call):
    with pytest.raises(Unsupported):
        call()

"""``torch``'s random sampling, for shapes: ``bernoulli``, ``poisson``, ``multinomial``
and ``normal`` give a tensor of the shape PyTorch gives, with PyTorch's checks of the
probabilities' and the means' shapes; the values are never drawn.

>>> from convdims import torch
>>> torch.multinomial(torch.empty(2, 10), 3).shape
torch.Size([2, 3])
"""

from __future__ import annotations

import numbers

from convdims._checks import as_int
from convdims.torch._creation import tensor_input
from convdims.torch._sizes import _check_sizes, _dims, broadcast_shapes
from convdims.torch.dtypes import float32, int64
from convdims.torch.errors import ShapeError
from convdims.torch.tensor import Tensor

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

__all__ = [
    "bernoulli",
    "multinomial",
    "normal",
    "poisson",
]


def bernoulli(input: Tensor, *args: Any, generator: Any = None, out: Any = None) -> Tensor:  # noqa: A002
    """``torch.bernoulli``: 0s and 1s of the input's shape and dtype.

    >>> from convdims.torch import empty
    >>> bernoulli(empty(2, 3)).shape
    torch.Size([2, 3])
    """
    tensor = tensor_input(input, "bernoulli")
    return tensor._plain(tuple(tensor.shape), tensor.dtype)


def poisson(input: Tensor, generator: Any = None) -> Tensor:  # noqa: A002
    """``torch.poisson``: counts of the input's shape and dtype.

    >>> from convdims.torch import empty
    >>> poisson(empty(4)).shape
    torch.Size([4])
    """
    tensor = tensor_input(input, "poisson")
    return tensor._plain(tuple(tensor.shape), tensor.dtype)


def multinomial(
    input: Tensor,  # noqa: A002
    num_samples: int,
    replacement: bool = False,
    *,
    generator: Any = None,
    out: Any = None,
) -> Tensor:
    """``torch.multinomial``: ``num_samples`` category indices per row of a 1-D or
    2-D tensor of weights (int64); without ``replacement`` at most one per category.

    >>> from convdims.torch import empty
    >>> multinomial(empty(5), 2).shape
    torch.Size([2])
    """
    tensor = tensor_input(input, "multinomial")
    count = as_int("num_samples", num_samples)
    if tensor.ndim not in (1, 2):
        raise ShapeError(
            "prob_dist must be 1 or 2 dim",
            value=tuple(tensor.shape),
            valid="a 1-D or 2-D tensor of weights",
        )
    if count <= 0:
        raise ShapeError(
            "cannot sample n_sample <= 0 samples",
            argument="num_samples",
            value=num_samples,
            valid="an int of at least 1",
        )
    categories = tensor.shape[-1]
    if not replacement and count > categories:
        raise ShapeError(
            "cannot sample n_sample > prob_dist.size(-1) samples without replacement",
            argument="num_samples",
            value=num_samples,
            valid=f"at most {categories} samples without replacement",
        )
    return tensor._plain((*tensor.shape[:-1], count), int64)


def normal(
    mean: Any,
    std: Any = 1.0,
    size: Any = None,
    *,
    generator: Any = None,
    out: Any = None,
    dtype: Any = None,
    layout: Any = None,
    device: Any = None,
    pin_memory: bool = False,
    requires_grad: bool = False,
) -> Tensor:
    """``torch.normal``: samples of the broadcast shape of ``mean`` and ``std`` when
    one is a tensor, else of ``size``.

    >>> from convdims.torch import empty
    >>> normal(empty(2, 1), empty(3)).shape, normal(0.0, 1.0, (4, 5)).shape
    (torch.Size([2, 3]), torch.Size([4, 5]))
    """
    tensors = [v for v in (mean, std) if isinstance(v, Tensor)]
    if tensors:
        if size is not None:
            raise TypeError(
                "normal() received an invalid combination of arguments: size is taken "
                "only with a float mean and a float std"
            )
        shape = broadcast_shapes(*(t.shape for t in tensors))
        return tensors[0]._plain(tuple(shape), dtype or tensors[0].dtype)
    if size is None:
        raise TypeError(
            "normal() received an invalid combination of arguments - got (float, "
            "float): a float mean and std need a size"
        )
    for value, name in ((mean, "mean"), (std, "std")):
        if not isinstance(value, numbers.Real):
            raise TypeError(f"normal(): argument '{name}' must be float or Tensor")
    shape = _check_sizes(_dims((size,), "normal"))
    return Tensor._of(shape, dtype or float32, requires_grad)

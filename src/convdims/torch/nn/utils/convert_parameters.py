"""``torch.nn.utils.parameters_to_vector`` and ``vector_to_parameters``: every
parameter as one flat vector, and back.

>>> from convdims.torch import nn
>>> parameters_to_vector(nn.Linear(4, 3).parameters()).shape
torch.Size([15])
"""

from __future__ import annotations

from collections.abc import Iterable

from convdims.torch.errors import ShapeError
from convdims.torch.tensor import Tensor

__all__ = ["parameters_to_vector", "vector_to_parameters"]


def parameters_to_vector(parameters: Iterable[Tensor]) -> Tensor:
    """A 1-D tensor as long as the parameters hold values."""
    tensors = list(parameters)
    if not tensors:
        raise ShapeError(
            "torch.cat(): expected a non-empty list of Tensors",
            argument="parameters",
            value=[],
            valid="one or more tensors",
        )
    return tensors[0]._like((sum(t.numel() for t in tensors),))


def vector_to_parameters(vec: Tensor, parameters: Iterable[Tensor]) -> None:
    """Fill the parameters from ``vec`` (which must hold at least as many values)."""
    if not isinstance(vec, Tensor):
        raise TypeError(f"expected torch.Tensor, but got: {type(vec).__name__}")
    pointer = 0
    for param in parameters:
        count = param.numel()
        if pointer + count > vec.numel():
            raise ShapeError(
                f"shape '{list(param.shape)}' is invalid for input of size "
                f"{max(vec.numel() - pointer, 0)}",
                argument="vec",
                value=tuple(vec.shape),
                valid="a vector at least as long as the parameters hold values",
            )
        pointer += count

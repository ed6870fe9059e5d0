"""``torch``'s global settings and questions a script asks at its start: gradient mode,
printing, seeds, determinism and thread counts. Each answers as PyTorch does on a CPU
with default settings, or keeps what the script set.

>>> from convdims import torch
>>> torch.is_grad_enabled(), torch.get_num_threads() >= 1
(True, True)
"""

from __future__ import annotations

from convdims._checks import as_int
from convdims.torch._creation import tensor_input, values_of
from convdims.torch.errors import ShapeError
from convdims.torch.tensor import Tensor

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

__all__ = [
    "get_num_threads",
    "initial_seed",
    "is_complex",
    "is_grad_enabled",
    "is_nonzero",
    "seed",
    "set_num_threads",
    "set_printoptions",
    "use_deterministic_algorithms",
]


def is_grad_enabled() -> bool:
    """``torch.is_grad_enabled``: True (there are no gradients; nothing turns them off).

    >>> is_grad_enabled()
    True
    """
    return True


def is_complex(input: Tensor) -> bool:  # noqa: A002
    """``torch.is_complex``: False (the lookalike has no complex dtypes).

    >>> from convdims.torch import empty
    >>> is_complex(empty(2))
    False
    """
    tensor_input(input, "is_complex")
    return False


def is_nonzero(input: Tensor) -> bool:  # noqa: A002
    """``torch.is_nonzero``: the value of a one-element tensor; refused unless it is
    known.

    >>> from convdims.torch import tensor
    >>> is_nonzero(tensor([3]))
    True
    """
    tensor = tensor_input(input, "is_nonzero")
    if tensor.numel() != 1:
        raise ShapeError(
            "Boolean value of Tensor with more than one value is ambiguous"
            if tensor.numel()
            else "Boolean value of Tensor with no values is ambiguous",
            value=tuple(tensor.shape),
            valid="a tensor of one element",
        )
    values = values_of(tensor)
    if values is None:
        from convdims.standin import Unsupported

        raise Unsupported("torch.is_nonzero of a tensor whose value is not known")
    return bool(values[0])


def set_printoptions(
    precision: Any = None,
    threshold: Any = None,
    edgeitems: Any = None,
    linewidth: Any = None,
    profile: Any = None,
    sci_mode: Any = None,
) -> None:
    """``torch.set_printoptions``: accepted (a shape-only tensor prints no values).

    >>> set_printoptions(precision=3)
    """


def seed() -> int:
    """``torch.seed``: accepted; nothing here is random (0).

    >>> seed()
    0
    """
    return 0


def initial_seed() -> int:
    """``torch.initial_seed``: 0 (nothing here is random).

    >>> initial_seed()
    0
    """
    return 0


def use_deterministic_algorithms(mode: bool, *, warn_only: bool = False) -> None:
    """``torch.use_deterministic_algorithms``: accepted (shapes are deterministic).

    >>> use_deterministic_algorithms(True)
    """


_threads = [1]


def get_num_threads() -> int:
    """``torch.get_num_threads``: what ``set_num_threads`` set (1 at first; nothing
    runs on threads here).

    >>> get_num_threads() >= 1
    True
    """
    return _threads[0]


def set_num_threads(int: Any) -> None:  # noqa: A002 - PyTorch's name
    """``torch.set_num_threads``: remembered for ``get_num_threads``.

    >>> set_num_threads(1)
    """
    count = as_int("int", int)
    if count <= 0:
        raise ShapeError(
            "set_num_threads expects a positive integer",
            argument="int",
            value=int,
            valid="an int of at least 1",
        )
    _threads[0] = count

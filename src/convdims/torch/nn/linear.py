"""``Linear``, ``Identity``, ``Flatten`` and ``Unflatten``.

>>> from convdims.torch import nn, empty
>>> fc = nn.Linear(512 * 7 * 7, 4096)
>>> sum(p.numel() for p in fc.parameters())
102764544
>>> nn.Flatten()(empty(1, 512, 7, 7)).shape
torch.Size([1, 25088])
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from convdims.description import Kind
from convdims.torch.errors import ShapeError
from convdims.torch.nn._args import int_argument, nonnegative_size
from convdims.torch.nn.module import Module, Parameter
from convdims.torch.tensor import Tensor, normalize_dim

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any


class Linear(Module):
    """``torch.nn.Linear``: ``(*, in_features) -> (*, out_features)``."""

    _kind = Kind.DENSE

    def __init__(
        self,
        in_features: int,
        out_features: int,
        bias: bool = True,
        device: Any = None,
        dtype: Any = None,
    ) -> None:
        super().__init__()
        shape = (out_features, in_features)
        for name, size in (("out_features", out_features), ("in_features", in_features)):
            checked = int_argument(name, size, "Linear", leading=name == "out_features")
            nonnegative_size(name, checked, "Linear", shape)
        self.__dict__.update(in_features=int(in_features), out_features=int(out_features))
        self.weight = Parameter._new((self.out_features, self.in_features), dtype)
        if bias:
            self.bias = Parameter._new((self.out_features,), dtype)
        else:
            self.register_parameter("bias", None)

    def _call_fields(self) -> dict[str, Any]:
        return {"in_channels": self.in_features, "out_channels": self.out_features}

    def extra_repr(self) -> str:
        return (
            f"in_features={self.in_features}, out_features={self.out_features}, "
            f"bias={self.bias is not None}"
        )

    def forward(self, input: Tensor) -> Tensor:  # noqa: A002 - PyTorch's name
        if input.ndim == 0 or input.shape[-1] != self.in_features:
            rows = math.prod(input.shape[:-1]) if input.ndim else 1
            last = input.shape[-1] if input.ndim else 1
            raise ShapeError(
                f"mat1 and mat2 shapes cannot be multiplied ({rows}x{last} and "
                f"{self.in_features}x{self.out_features}): Linear({self.in_features}, "
                f"{self.out_features}) got an input of shape {list(input.shape)}"
            )
        return input._like((*input.shape[:-1], self.out_features))


class Identity(Module):
    """``torch.nn.Identity``: returns its input; any arguments are ignored."""

    _kind = Kind.IDENTITY

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__()

    def forward(self, input: Any) -> Any:  # noqa: A002 - PyTorch's name
        return input


class Flatten(Module):
    """``torch.nn.Flatten``: merge ``start_dim..end_dim`` (default: all but the batch)."""

    _kind = Kind.FLATTEN

    def __init__(self, start_dim: int = 1, end_dim: int = -1) -> None:
        super().__init__()
        self.start_dim = start_dim
        self.end_dim = end_dim

    def extra_repr(self) -> str:
        return f"start_dim={self.start_dim}, end_dim={self.end_dim}"

    def forward(self, input: Tensor) -> Tensor:  # noqa: A002 - PyTorch's name
        return input.flatten(self.start_dim, self.end_dim)


class Unflatten(Module):
    """``torch.nn.Unflatten``: split axis ``dim`` into ``unflattened_size``."""

    _kind = Kind.RESHAPE

    def __init__(self, dim: int, unflattened_size: Sequence[int]) -> None:
        super().__init__()
        self.dim = dim
        self.unflattened_size = tuple(unflattened_size)

    def extra_repr(self) -> str:
        return f"dim={self.dim}, unflattened_size={self.unflattened_size}"

    def forward(self, input: Tensor) -> Tensor:  # noqa: A002 - PyTorch's name
        axis = normalize_dim(self.dim, input.ndim)
        shape = input.shape
        return input.view(*shape[:axis], *self.unflattened_size, *shape[axis + 1 :])

"""``nn.RNNCell``, ``nn.LSTMCell`` and ``nn.GRUCell``: one step of a recurrent layer,
input ``(N, input_size)`` (or unbatched ``(input_size,)``), hidden ``(N, hidden_size)``;
the weights are PyTorch's ``weight_ih (k*hidden, input)``, ``weight_hh (k*hidden,
hidden)`` and their biases, with k gates (1, 4 and 3).

>>> from convdims.torch import empty, nn
>>> cell = nn.LSTMCell(10, 20)
>>> h, c = cell(empty(3, 10))
>>> h.shape, c.shape, sum(p.numel() for p in cell.parameters())
(torch.Size([3, 20]), torch.Size([3, 20]), 2560)
"""

from __future__ import annotations

from convdims.description import Kind
from convdims.torch.errors import ShapeError
from convdims.torch.nn._args import int_argument
from convdims.torch.nn.module import Module, Parameter
from convdims.torch.tensor import Tensor

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

__all__ = ["GRUCell", "LSTMCell", "RNNCell", "RNNCellBase"]


class RNNCellBase(Module):
    """``torch.nn.RNNCellBase``: the weights of one recurrent step."""

    _kind = Kind.RECURRENT

    def __init__(
        self,
        input_size: int,
        hidden_size: int,
        bias: bool,
        num_chunks: int,
        device: Any = None,
        dtype: Any = None,
    ) -> None:
        super().__init__()
        layer = type(self).__name__
        input_size = int_argument("input_size", input_size, layer)
        hidden_size = int_argument("hidden_size", hidden_size, layer, leading=True)
        for name, size in (("input_size", input_size), ("hidden_size", hidden_size)):
            if size < 0:
                raise ShapeError(
                    f"{layer}: Trying to create tensor with negative dimension {size} "
                    f"({name}={size})",
                    argument=name,
                    value=size,
                    valid="an int of at least 0",
                )
        self.input_size = input_size
        self.hidden_size = hidden_size
        self.bias = bias
        self.weight_ih = Parameter._new((num_chunks * hidden_size, input_size), dtype)
        self.weight_hh = Parameter._new((num_chunks * hidden_size, hidden_size), dtype)
        if bias:
            self.bias_ih = Parameter._new((num_chunks * hidden_size,), dtype)
            self.bias_hh = Parameter._new((num_chunks * hidden_size,), dtype)
        else:
            self.register_parameter("bias_ih", None)
            self.register_parameter("bias_hh", None)

    def extra_repr(self) -> str:
        text = f"{self.input_size}, {self.hidden_size}"
        if self.bias is not True:
            text += f", bias={self.bias}"
        if getattr(self, "nonlinearity", "tanh") != "tanh":
            text += f", nonlinearity={self.nonlinearity}"
        return text

    def _step(self, input: Tensor, hidden: tuple[Any, ...]) -> tuple[bool, int]:  # noqa: A002
        """Check a step's input and hidden states; whether batched, and the batch."""
        name = type(self).__name__
        if not isinstance(input, Tensor):
            raise TypeError(f"{name}: input must be a tensor, got {type(input).__name__}")
        if input.dim() not in (1, 2):
            raise ValueError(
                f"{name}: Expected input to be 1D or 2D, got {input.dim()}D instead"
            )
        for index, value in enumerate(hidden):
            if value is not None and value.dim() not in (1, 2):
                which = f"hx[{index}]" if len(hidden) > 1 else "hidden"
                raise ValueError(
                    f"{name}: Expected {which} to be 1D or 2D, got {value.dim()}D instead"
                )
        batched = input.dim() == 2
        if input.shape[-1] != self.input_size:
            raise ShapeError(
                f"input has inconsistent input_size: got {input.shape[-1]} expected "
                f"{self.input_size}",
                argument="input",
                value=tuple(input.shape),
                valid=f"a last axis of {self.input_size}",
            )
        batch = input.shape[0] if batched else 1
        for value in hidden:
            if value is None:
                continue
            shape = tuple(value.shape) if batched else (1, *value.shape)
            if shape != (batch, self.hidden_size):
                raise ShapeError(
                    f"{name}: hidden state of shape {list(value.shape)}, expected "
                    f"{[batch, self.hidden_size] if batched else [self.hidden_size]}",
                    argument="hx",
                    value=tuple(value.shape),
                    valid=f"(batch, {self.hidden_size})",
                )
        return batched, batch

    def _state(self, input: Tensor, batched: bool, batch: int) -> Tensor:  # noqa: A002
        shape = (batch, self.hidden_size) if batched else (self.hidden_size,)
        return self.weight_ih._like(shape) if input.dtype is None else input._like(shape)


class RNNCell(RNNCellBase):
    """``torch.nn.RNNCell``: ``h' = tanh(W_ih x + W_hh h)`` (or ReLU)."""

    def __init__(
        self,
        input_size: int,
        hidden_size: int,
        bias: bool = True,
        nonlinearity: str = "tanh",
        device: Any = None,
        dtype: Any = None,
    ) -> None:
        super().__init__(input_size, hidden_size, bias, num_chunks=1, dtype=dtype)
        self.nonlinearity = nonlinearity

    def forward(self, input: Tensor, hx: Tensor | None = None) -> Tensor:  # noqa: A002
        batched, batch = self._step(input, (hx,))
        if self.nonlinearity not in ("tanh", "relu"):
            raise ShapeError(
                f"Unknown nonlinearity: {self.nonlinearity}",
                argument="nonlinearity",
                value=self.nonlinearity,
                valid="'tanh' or 'relu'",
            )
        return self._state(input, batched, batch)


class LSTMCell(RNNCellBase):
    """``torch.nn.LSTMCell``: returns ``(h', c')``."""

    def __init__(
        self,
        input_size: int,
        hidden_size: int,
        bias: bool = True,
        device: Any = None,
        dtype: Any = None,
    ) -> None:
        super().__init__(input_size, hidden_size, bias, num_chunks=4, dtype=dtype)

    def forward(
        self,
        input: Tensor,  # noqa: A002
        hx: tuple[Tensor, Tensor] | None = None,
    ) -> tuple[Tensor, Tensor]:
        batched, batch = self._step(input, tuple(hx) if hx is not None else ())
        return self._state(input, batched, batch), self._state(input, batched, batch)


class GRUCell(RNNCellBase):
    """``torch.nn.GRUCell``: returns ``h'``."""

    def __init__(
        self,
        input_size: int,
        hidden_size: int,
        bias: bool = True,
        device: Any = None,
        dtype: Any = None,
    ) -> None:
        super().__init__(input_size, hidden_size, bias, num_chunks=3, dtype=dtype)

    def forward(self, input: Tensor, hx: Tensor | None = None) -> Tensor:  # noqa: A002
        batched, batch = self._step(input, (hx,))
        return self._state(input, batched, batch)

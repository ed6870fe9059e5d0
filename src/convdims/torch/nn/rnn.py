"""Recurrent layers: ``RNN``, ``LSTM``, ``GRU``, with PyTorch's weights per layer and
direction (``weight_ih_l0``, ``weight_hh_l0_reverse``...) and its output shapes.

A layer of ``gate_size`` gates (RNN 1, GRU 3, LSTM 4) of ``hidden_size`` holds, per
layer and direction, ``weight_ih (gates*H, input)``, ``weight_hh (gates*H, H_out)``,
two biases of ``gates*H``, and with ``proj_size`` an LSTM's ``weight_hr (proj, H)``.

>>> from convdims.torch import empty, nn
>>> lstm = nn.LSTM(10, 20, num_layers=2, bidirectional=True)
>>> out, (h, c) = lstm(empty(7, 3, 10))
>>> out.shape, h.shape, sum(p.numel() for p in lstm.parameters())
(torch.Size([7, 3, 40]), torch.Size([4, 3, 20]), 15040)
"""

from __future__ import annotations

import numbers
import warnings

from convdims.description import Kind
from convdims.torch.errors import ShapeError
from convdims.torch.nn.module import Module, Parameter
from convdims.torch.tensor import Tensor

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

_GATES = {"LSTM": 4, "GRU": 3, "RNN_TANH": 1, "RNN_RELU": 1}


class RNNBase(Module):
    """``torch.nn.RNNBase``: the weights and checks every recurrent layer shares."""

    _kind = Kind.RECURRENT

    def __init__(
        self,
        mode: str,
        input_size: int,
        hidden_size: int,
        num_layers: int = 1,
        bias: bool = True,
        batch_first: bool = False,
        dropout: float = 0.0,
        bidirectional: bool = False,
        proj_size: int = 0,
        device: Any = None,
        dtype: Any = None,
    ) -> None:
        super().__init__()
        if (
            not isinstance(dropout, numbers.Number)
            or not 0 <= dropout <= 1
            or isinstance(dropout, bool)
        ):
            raise ValueError(
                "dropout should be a number in range [0, 1] representing the probability "
                "of an element being zeroed"
            )
        if dropout > 0 and num_layers == 1:
            warnings.warn(
                "dropout option adds dropout after all but last recurrent layer, so "
                "non-zero dropout expects num_layers greater than 1, but got "
                f"dropout={dropout} and num_layers={num_layers}",
                stacklevel=2,
            )
        for name, value in (("bias", bias), ("batch_first", batch_first)):
            if not isinstance(value, bool):
                raise TypeError(
                    f"{name} should be of type bool, got: {type(value).__name__}"
                )
        for name, value in (("input_size", input_size), ("hidden_size", hidden_size)):
            if not isinstance(value, int):
                raise TypeError(
                    f"{name} should be of type int, got: {type(value).__name__}"
                )
            if value <= 0:
                raise ValueError(f"{name} must be greater than zero")
        if num_layers <= 0:
            raise ValueError("num_layers must be greater than zero")
        if proj_size < 0:
            raise ValueError(
                "proj_size should be a positive integer or zero to disable projections"
            )
        if proj_size >= hidden_size:
            raise ValueError("proj_size has to be smaller than hidden_size")
        if mode not in _GATES:
            raise ValueError(f"Unrecognized RNN mode: {mode}")
        if proj_size and mode != "LSTM":
            raise ValueError(
                "proj_size argument is only supported for LSTM, not RNN or GRU"
            )
        self.mode = mode
        self.input_size = input_size
        self.hidden_size = hidden_size
        self.num_layers = num_layers
        self.bias = bias
        self.batch_first = batch_first
        self.dropout = float(dropout)
        self.bidirectional = bidirectional
        self.proj_size = proj_size
        directions = 2 if bidirectional else 1
        gates = _GATES[mode] * hidden_size
        real_hidden = proj_size if proj_size > 0 else hidden_size
        for layer in range(num_layers):
            for direction in range(directions):
                inputs = input_size if layer == 0 else real_hidden * directions
                suffix = "_reverse" if direction == 1 else ""
                shapes = [
                    ("weight_ih", (gates, inputs)),
                    ("weight_hh", (gates, real_hidden)),
                ]
                if bias:
                    shapes += [("bias_ih", (gates,)), ("bias_hh", (gates,))]
                if proj_size > 0:
                    shapes.append(("weight_hr", (proj_size, hidden_size)))
                for name, shape in shapes:
                    setattr(self, f"{name}_l{layer}{suffix}", Parameter._new(shape, dtype))

    def extra_repr(self) -> str:
        text = f"{self.input_size}, {self.hidden_size}"
        if self.proj_size != 0:
            text += f", proj_size={self.proj_size}"
        if self.num_layers != 1:
            text += f", num_layers={self.num_layers}"
        if self.bias is not True:
            text += f", bias={self.bias}"
        if self.batch_first is not False:
            text += f", batch_first={self.batch_first}"
        if self.dropout != 0:
            text += f", dropout={self.dropout}"
        if self.bidirectional is not False:
            text += f", bidirectional={self.bidirectional}"
        return text

    def _shapes(
        self, input: Tensor
    ) -> tuple[tuple[int, ...], tuple[int, ...], tuple[int, ...]]:  # noqa: A002
        """(output, hidden state, cell state) shapes for ``input``."""
        if input.ndim not in (2, 3):
            raise ValueError(
                f"{type(self).__name__}: Expected input to be 2D or 3D, got {input.ndim}D "
                "instead"
            )
        if input.shape[-1] != self.input_size:
            raise ShapeError(
                "input.size(-1) must be equal to input_size. Expected "
                f"{self.input_size}, got {input.shape[-1]}",
                argument="input",
                value=tuple(input.shape),
                valid=f"a last axis of {self.input_size}",
            )
        directions = 2 if self.bidirectional else 1
        out_size = self.proj_size if self.proj_size > 0 else self.hidden_size
        states = directions * self.num_layers
        if input.ndim == 2:
            steps = input.shape[0]
            return (
                (steps, directions * out_size),
                (states, out_size),
                (states, self.hidden_size),
            )
        if self.batch_first:
            batch, steps = input.shape[0], input.shape[1]
            output: tuple[int, ...] = (batch, steps, directions * out_size)
        else:
            steps, batch = input.shape[0], input.shape[1]
            output = (steps, batch, directions * out_size)
        return output, (states, batch, out_size), (states, batch, self.hidden_size)

    def forward(self, input: Tensor, hx: Any = None) -> Any:  # noqa: A002 - PyTorch's name
        output, hidden, cell = self._shapes(input)
        if self.mode == "LSTM":
            return input._like(output), (input._like(hidden), input._like(cell))
        return input._like(output), input._like(hidden)


class RNN(RNNBase):
    """``torch.nn.RNN``: ``nonlinearity`` (``"tanh"`` or ``"relu"``) comes fourth or by
    name, as in PyTorch."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        if len(args) > 3:
            nonlinearity = args[3]
            args = args[:3] + args[4:]
        else:
            nonlinearity = kwargs.pop("nonlinearity", "tanh")
        if nonlinearity == "tanh":
            mode = "RNN_TANH"
        elif nonlinearity == "relu":
            mode = "RNN_RELU"
        else:
            raise ValueError(
                f"Unknown nonlinearity '{nonlinearity}'. Select from 'tanh' or 'relu'."
            )
        super().__init__(mode, *args, **kwargs)
        self.nonlinearity = nonlinearity


class LSTM(RNNBase):
    """``torch.nn.LSTM``: returns ``(output, (h_n, c_n))``."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__("LSTM", *args, **kwargs)


class GRU(RNNBase):
    """``torch.nn.GRU``: returns ``(output, h_n)``."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        if "proj_size" in kwargs:
            raise ValueError(
                "proj_size argument is only supported for LSTM, not RNN or GRU"
            )
        super().__init__("GRU", *args, **kwargs)

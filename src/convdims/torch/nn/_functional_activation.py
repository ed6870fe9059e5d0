"""The activations of ``torch.nn.functional`` beyond ``functional.py``'s: each gives
the input's shape (``prelu``'s weight and ``softshrink``'s ``lambd`` checked as
PyTorch checks them), and their in-place forms (``F.elu_``, ``F.leaky_relu_``...).

>>> from convdims.torch import empty
>>> from convdims.torch.nn import functional as F
>>> F.softplus(empty(2, 3)).shape, F.gumbel_softmax(empty(2, 5), hard=True).shape
(torch.Size([2, 3]), torch.Size([2, 5]))
"""

from __future__ import annotations

from convdims.torch._sizes import normalize_dim
from convdims.torch.errors import ShapeError
from convdims.torch.tensor import Tensor

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

__all__ = [
    "celu",
    "celu_",
    "elu_",
    "gumbel_softmax",
    "hardshrink",
    "hardtanh_",
    "leaky_relu_",
    "logsigmoid",
    "prelu",
    "rrelu",
    "rrelu_",
    "selu",
    "selu_",
    "softmin",
    "softplus",
    "softshrink",
    "softsign",
    "tanhshrink",
    "threshold",
    "threshold_",
]


def _input(input: Any, op: str) -> Tensor:  # noqa: A002
    if not isinstance(input, Tensor):
        from convdims.errors import ArgumentTypeError

        raise ArgumentTypeError(
            f"{op}(): argument 'input' (position 1) must be Tensor, not "
            f"{type(input).__name__}",
            argument="input",
            value=input,
            valid="a Tensor",
        )
    return input


def softplus(input: Tensor, beta: float = 1.0, threshold: float = 20.0) -> Tensor:  # noqa: A002
    """``F.softplus``: the input's shape."""
    return _input(input, "softplus")


def softsign(input):  # type: ignore[no-untyped-def]  # noqa: A002, ANN001, ANN201
    """``F.softsign``: the input's shape."""
    return _input(input, "softsign")


def tanhshrink(input):  # type: ignore[no-untyped-def]  # noqa: A002, ANN001, ANN201
    """``F.tanhshrink``: the input's shape."""
    return _input(input, "tanhshrink")


def logsigmoid(input: Tensor) -> Tensor:  # noqa: A002
    """``F.logsigmoid``: the input's shape."""
    return _input(input, "log_sigmoid")


def softmin(
    input: Tensor,  # noqa: A002
    dim: int | None = None,
    _stacklevel: int = 3,
    dtype: Any = None,
) -> Tensor:
    """``F.softmin``: the input's shape (``dim`` must be one of its axes)."""
    x = _input(input, "softmin")
    if dim is not None:
        normalize_dim(dim, x.ndim)
    return x if dtype is None else x.to(dtype)


def selu(input: Tensor, inplace: bool = False) -> Tensor:  # noqa: A002
    """``F.selu``: the input's shape."""
    return _input(input, "selu")


def celu(input: Tensor, alpha: float = 1.0, inplace: bool = False) -> Tensor:  # noqa: A002
    """``F.celu``: the input's shape."""
    return _input(input, "celu")


def threshold(
    input: Tensor,  # noqa: A002
    threshold: float,
    value: float,
    inplace: bool = False,
) -> Tensor:
    """``F.threshold``: the input's shape."""
    return _input(input, "threshold")


def rrelu(
    input: Tensor,  # noqa: A002
    lower: float = 0.125,
    upper: float = 0.3333333333333333,
    training: bool = False,
    inplace: bool = False,
) -> Tensor:
    """``F.rrelu``: the input's shape; ``lower`` may not exceed ``upper``."""
    x = _input(input, "rrelu")
    if lower > upper:
        raise ShapeError(
            "Lower bound should be less than or equal to the upper bound",
            argument="lower",
            value=lower,
            valid=f"at most upper={upper}",
        )
    return x


def hardshrink(input: Tensor, lambd: float = 0.5) -> Tensor:  # noqa: A002
    """``F.hardshrink``: the input's shape."""
    return _input(input, "hardshrink")


def softshrink(input: Tensor, lambd: float = 0.5) -> Tensor:  # noqa: A002
    """``F.softshrink``: the input's shape; ``lambd`` must be at least 0."""
    x = _input(input, "softshrink")
    if lambd < 0:
        kind = {"torch.float64": "Double", "torch.float16": "Half"}.get(
            str(x.dtype), "Float"
        )
        top = "1.79769e+308" if kind == "Double" else "3.40282e+38"
        if kind == "Half":
            top = "65504"
        raise ShapeError(
            f"lambda must be in range [0, {top}] for input dtype {kind}, but found "
            f"{lambd:g}",
            argument="lambd",
            value=lambd,
            valid="a lambd of at least 0",
        )
    return x


def prelu(input: Tensor, weight: Tensor) -> Tensor:  # noqa: A002
    """``F.prelu``: the input's shape; ``weight`` holds one slope or one per channel
    (axis 1, or 0 for a 1-D input)."""
    x = _input(input, "prelu")
    count = weight.numel()
    if count != 1:
        channels = x.shape[1] if x.ndim >= 2 else (x.shape[0] if x.ndim else 1)
        if x.ndim == 0 or count != channels:
            raise ShapeError(
                "Mismatch of parameter numbers and input channel size. Found parameter "
                f"numbers = {count} and channel size = {channels}.",
                argument="weight",
                value=tuple(weight.shape),
                valid=f"1 or the input's {channels} channels",
            )
    return x


def gumbel_softmax(
    logits: Tensor,
    tau: float = 1,
    hard: bool = False,
    eps: float = 1e-10,
    dim: int = -1,
) -> Tensor:
    """``F.gumbel_softmax``: the logits' shape (one-hot along ``dim`` when ``hard``)."""
    x = _input(logits, "gumbel_softmax")
    normalize_dim(dim, x.ndim)
    return x


def _in_place(name: str) -> Any:
    def function(input: Tensor, *args: Any, **kwargs: Any) -> Tensor:  # noqa: A002
        return _input(input, name)

    function.__name__ = function.__qualname__ = name
    function.__doc__ = f"``F.{name}``: in place, the input's shape."
    return function


elu_ = _in_place("elu_")
leaky_relu_ = _in_place("leaky_relu_")
hardtanh_ = _in_place("hardtanh_")
selu_ = _in_place("selu_")
celu_ = _in_place("celu_")
threshold_ = _in_place("threshold_")
rrelu_ = _in_place("rrelu_")

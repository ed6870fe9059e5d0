"""Elementwise activations: the output has the input's shape and there are no parameters.

>>> from convdims.torch import nn
>>> nn.ReLU(inplace=True)
ReLU(inplace=True)
"""

from __future__ import annotations

from convdims.description import Kind
from convdims.torch.nn.module import Module
from convdims.torch.tensor import Tensor, normalize_dim

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any


class _Elementwise(Module):
    _kind = Kind.ACTIVATION

    def forward(self, input: Tensor) -> Tensor:  # noqa: A002 - PyTorch's name
        return input


class _Inplace(_Elementwise):
    def __init__(self, inplace: bool = False) -> None:
        super().__init__()
        self.inplace = inplace

    def extra_repr(self) -> str:
        return "inplace=True" if self.inplace else ""


class ReLU(_Inplace):
    """``torch.nn.ReLU``."""


class ReLU6(_Inplace):
    """``torch.nn.ReLU6``."""


class SiLU(_Inplace):
    """``torch.nn.SiLU`` (swish)."""


class Hardswish(_Inplace):
    """``torch.nn.Hardswish``."""


class Hardsigmoid(_Inplace):
    """``torch.nn.Hardsigmoid``."""


class Mish(_Inplace):
    """``torch.nn.Mish``."""


class LeakyReLU(_Elementwise):
    """``torch.nn.LeakyReLU``."""

    def __init__(self, negative_slope: float = 0.01, inplace: bool = False) -> None:
        super().__init__()
        self.negative_slope = negative_slope
        self.inplace = inplace

    def extra_repr(self) -> str:
        return f"negative_slope={self.negative_slope}" + (
            ", inplace=True" if self.inplace else ""
        )


class ELU(_Elementwise):
    """``torch.nn.ELU``."""

    def __init__(self, alpha: float = 1.0, inplace: bool = False) -> None:
        super().__init__()
        self.alpha = alpha
        self.inplace = inplace

    def extra_repr(self) -> str:
        return f"alpha={self.alpha}" + (", inplace=True" if self.inplace else "")


class GELU(_Elementwise):
    """``torch.nn.GELU``."""

    def __init__(self, approximate: str = "none") -> None:
        super().__init__()
        self.approximate = approximate

    def extra_repr(self) -> str:
        return f"approximate={self.approximate!r}"


class Sigmoid(_Elementwise):
    """``torch.nn.Sigmoid``."""


class Tanh(_Elementwise):
    """``torch.nn.Tanh``."""


class _Softmax(_Elementwise):
    def __init__(self, dim: int | None = None) -> None:
        super().__init__()
        self.dim = dim

    def extra_repr(self) -> str:
        return f"dim={self.dim}"

    def forward(self, input: Tensor) -> Tensor:  # noqa: A002 - PyTorch's name
        if self.dim is not None:
            normalize_dim(self.dim, input.ndim)
        return input


class Softmax(_Softmax):
    """``torch.nn.Softmax``."""


class LogSoftmax(_Softmax):
    """``torch.nn.LogSoftmax``."""


class PReLU(Module):
    """``torch.nn.PReLU``: a learned slope, one for all channels (``num_parameters=1``)
    or one per channel (the input's axis 1 must then have that size).

    >>> from convdims.torch import empty
    >>> sum(p.numel() for p in PReLU(64).parameters()), PReLU()(empty(2, 3, 5)).shape
    (64, torch.Size([2, 3, 5]))
    """

    _kind = Kind.ACTIVATION

    def __init__(
        self,
        num_parameters: int = 1,
        init: float = 0.25,
        device: Any = None,
        dtype: Any = None,
    ) -> None:
        from convdims.torch.nn._args import int_argument, nonnegative_size
        from convdims.torch.nn.module import Parameter

        super().__init__()
        count = int_argument("num_parameters", num_parameters, "PReLU", leading=True)
        nonnegative_size("num_parameters", count, "PReLU", (count,))
        self.num_parameters = count
        self.init = init
        self.weight = Parameter._new((count,), dtype)

    def extra_repr(self) -> str:
        return f"num_parameters={self.num_parameters}"

    def forward(self, input: Tensor) -> Tensor:  # noqa: A002 - PyTorch's name
        from convdims.torch.errors import ShapeError

        if self.num_parameters != 1:
            channels = input.shape[1] if input.ndim >= 2 else 1
            if input.ndim == 0 or channels != self.num_parameters:
                raise ShapeError(
                    "Mismatch of parameter numbers and input channel size. Found "
                    f"parameter numbers = {self.num_parameters} and channel size = "
                    f"{channels}.",
                    argument="num_parameters",
                    value=self.num_parameters,
                    valid=f"1 or the input's {channels} channels",
                )
        return input


class GLU(Module):
    """``torch.nn.GLU``: halves axis ``dim`` (a gate times a value).

    >>> from convdims.torch import empty
    >>> GLU(dim=1)(empty(2, 8, 5)).shape
    torch.Size([2, 4, 5])
    """

    _kind = Kind.ACTIVATION

    def __init__(self, dim: int = -1) -> None:
        super().__init__()
        self.dim = dim

    def extra_repr(self) -> str:
        return f"dim={self.dim}"

    def forward(self, input: Tensor) -> Tensor:  # noqa: A002 - PyTorch's name
        from convdims.torch.nn.functional import glu

        return glu(input, self.dim)


class Hardtanh(_Elementwise):
    """``torch.nn.Hardtanh``."""

    def __init__(
        self,
        min_val: float = -1.0,
        max_val: float = 1.0,
        inplace: bool = False,
        min_value: float | None = None,
        max_value: float | None = None,
    ) -> None:
        super().__init__()
        if min_value is not None:
            min_val = min_value
        if max_value is not None:
            max_val = max_value
        if max_val <= min_val:
            raise ValueError(
                f"max_val ({max_val}) must be greater than min_val ({min_val})"
            )
        self.min_val = min_val
        self.max_val = max_val
        self.inplace = inplace

    def extra_repr(self) -> str:
        inplace = ", inplace=True" if self.inplace else ""
        return f"min_val={self.min_val}, max_val={self.max_val}{inplace}"


class Softplus(_Elementwise):
    """``torch.nn.Softplus``."""

    def __init__(self, beta: float = 1.0, threshold: float = 20.0) -> None:
        super().__init__()
        self.beta = beta
        self.threshold = threshold

    def extra_repr(self) -> str:
        return f"beta={self.beta}, threshold={self.threshold}"


class CELU(_Elementwise):
    """``torch.nn.CELU``."""

    def __init__(self, alpha: float = 1.0, inplace: bool = False) -> None:
        super().__init__()
        self.alpha = alpha
        self.inplace = inplace

    def extra_repr(self) -> str:
        return f"alpha={self.alpha}" + (", inplace=True" if self.inplace else "")


class SELU(_Inplace):
    """``torch.nn.SELU``."""


class Softsign(_Elementwise):
    """``torch.nn.Softsign``."""


class Tanhshrink(_Elementwise):
    """``torch.nn.Tanhshrink``."""


class Threshold(_Elementwise):
    """``torch.nn.Threshold``."""

    def __init__(self, threshold: float, value: float, inplace: bool = False) -> None:
        super().__init__()
        self.threshold = threshold
        self.value = value
        self.inplace = inplace

    def extra_repr(self) -> str:
        inplace = ", inplace=True" if self.inplace else ""
        return f"threshold={self.threshold}, value={self.value}{inplace}"


class Softmin(_Softmax):
    """``torch.nn.Softmin``: softmax of the negated input along ``dim``."""


class Softmax2d(_Elementwise):
    """``torch.nn.Softmax2d``: softmax over the channels of a 3-D or 4-D input.

    >>> from convdims.torch import empty
    >>> Softmax2d()(empty(2, 3, 4, 4)).shape
    torch.Size([2, 3, 4, 4])
    """

    def forward(self, input: Tensor) -> Tensor:  # noqa: A002 - PyTorch's name
        if input.ndim not in (3, 4):
            raise ValueError(
                f"Softmax2d: expected input to be 3D or 4D, got {input.ndim}D instead"
            )
        return input


class LogSigmoid(_Elementwise):
    """``torch.nn.LogSigmoid``."""


class _Shrink(_Elementwise):
    def __init__(self, lambd: float = 0.5) -> None:
        super().__init__()
        self.lambd = lambd

    def extra_repr(self) -> str:
        return str(self.lambd)


class Hardshrink(_Shrink):
    """``torch.nn.Hardshrink``: zero inside ``[-lambd, lambd]``."""


class Softshrink(_Shrink):
    """``torch.nn.Softshrink``: shrinks towards zero by ``lambd`` (at least 0, which
    PyTorch checks when it runs)."""

    def forward(self, input: Tensor) -> Tensor:  # noqa: A002 - PyTorch's name
        from convdims.torch.nn.functional import softshrink

        return softshrink(input, self.lambd)


class RReLU(_Elementwise):
    """``torch.nn.RReLU``: a leaky ReLU of random slope in ``[lower, upper]`` (the
    bounds are checked when it runs, as PyTorch checks them)."""

    def __init__(
        self,
        lower: float = 0.125,
        upper: float = 0.3333333333333333,
        inplace: bool = False,
    ) -> None:
        super().__init__()
        self.lower = lower
        self.upper = upper
        self.inplace = inplace

    def extra_repr(self) -> str:
        inplace = ", inplace=True" if self.inplace else ""
        return f"lower={self.lower}, upper={self.upper}{inplace}"

    def forward(self, input: Tensor) -> Tensor:  # noqa: A002 - PyTorch's name
        from convdims.torch.nn.functional import rrelu

        return rrelu(input, self.lower, self.upper, self.training, self.inplace)

"""The likelihood losses (``nn.PoissonNLLLoss``, ``nn.GaussianNLLLoss``,
``nn.CTCLoss``) and ``nn.AdaptiveLogSoftmaxWithLoss``, with their functional forms:
the loss's shape from the shapes of the inputs, after PyTorch's checks of them.

Checks PyTorch makes on values (a negative variance, an input length beyond the
input) need the values, which convdims does not keep: they are not made.

>>> from convdims import torch
>>> from convdims.torch import nn
>>> ctc = nn.CTCLoss(reduction="none")
>>> lengths = torch.full((16,), 50, dtype=torch.long)
>>> ctc(torch.empty(50, 16, 20), torch.zeros(16, 30, dtype=torch.long), lengths,
...     lengths).shape
torch.Size([16])
"""

from __future__ import annotations

from collections import namedtuple

from convdims.description import Kind
from convdims.torch._sizes import broadcast_shapes
from convdims.torch.dtypes import int64
from convdims.torch.errors import ShapeError
from convdims.torch.nn.container import ModuleList, Sequential
from convdims.torch.nn.linear import Linear
from convdims.torch.nn.loss import _Loss, _reduced, _reduction
from convdims.torch.nn.module import Module
from convdims.torch.tensor import Tensor

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Sequence
    from typing import Any

__all__ = [
    "AdaptiveLogSoftmaxWithLoss",
    "CTCLoss",
    "GaussianNLLLoss",
    "PoissonNLLLoss",
    "ctc_loss",
    "gaussian_nll_loss",
    "poisson_nll_loss",
]


def poisson_nll_loss(
    input: Tensor,  # noqa: A002 - PyTorch's name
    target: Tensor,
    log_input: bool = True,
    full: bool = False,
    size_average: bool | None = None,
    eps: float = 1e-08,
    reduce: bool | None = None,
    reduction: str = "mean",
) -> Tensor:
    """``F.poisson_nll_loss``: the broadcast shape under ``'none'``."""
    how = _reduction(size_average, reduce, reduction)
    return _reduced(input, broadcast_shapes(target.shape, input.shape), how)


def gaussian_nll_loss(
    input: Tensor,  # noqa: A002 - PyTorch's name
    target: Tensor,
    var: Tensor | float,
    full: bool = False,
    eps: float = 1e-06,
    reduction: str = "mean",
) -> Tensor:
    """``F.gaussian_nll_loss``: ``var`` of the input's shape, or of it without the
    last axis, or differing in one axis of size 1 (PyTorch's homoscedastic cases)."""
    if isinstance(var, Tensor):
        own, want = tuple(var.shape), tuple(input.shape)
        if own != want and own != want[:-1]:
            differing = (
                len(own) == len(want)
                and sum(v for i, v in zip(want, own, strict=True) if i != v) == 1
            )
            if not differing:
                raise ValueError("var is of incorrect size")
    elif isinstance(var, float) and var < 0:
        raise ValueError("var has negative entry/entries")
    if reduction not in ("none", "mean", "sum"):
        raise ValueError(reduction + " is not valid")
    shape = broadcast_shapes(input.shape, target.shape)
    return input._like(tuple(shape) if reduction == "none" else ())


def _lengths(value: Any, name: str, batch: int) -> None:
    count = value.numel() if isinstance(value, Tensor) else len(value)
    if isinstance(value, Tensor) and value.ndim > 1 or count != batch:
        raise ShapeError(
            f"{name} must be of size batch_size",
            argument=name,
            value=tuple(value.shape) if isinstance(value, Tensor) else value,
            valid=f"{batch} lengths, one per sample",
        )


def ctc_loss(
    log_probs: Tensor,
    targets: Tensor,
    input_lengths: Any,
    target_lengths: Any,
    blank: int = 0,
    reduction: str = "mean",
    zero_infinity: bool = False,
) -> Tensor:
    """``F.ctc_loss``: log-probabilities ``(T, N, C)`` (or ``(T, C)``), one input and
    one target length per sample: ``(N)`` under ``'none'``."""
    batched = log_probs.ndim == 3
    batch = log_probs.shape[1] if batched else 1
    if reduction not in ("none", "mean", "sum"):
        raise ValueError(f"{reduction} is not a valid value for reduction")
    _lengths(input_lengths, "input_lengths", batch if batched else 1)
    _lengths(target_lengths, "target_lengths", batch if batched else 1)
    if batched and targets.ndim == 2 and targets.shape[0] != batch:
        raise ShapeError(
            f"Expected tensor to have size {batch} at dimension 0, but got size "
            f"{targets.shape[0]} for argument #2 'targets' (while checking arguments "
            "for ctc_loss_allocate_outputs)",
            argument="targets",
            value=tuple(targets.shape),
            valid=f"targets of {batch} rows",
        )
    shape = (batch,) if batched else ()
    return log_probs._like(shape if reduction == "none" else ())


class PoissonNLLLoss(_Loss):
    """``torch.nn.PoissonNLLLoss``."""

    def __init__(
        self,
        log_input: bool = True,
        full: bool = False,
        size_average: Any = None,
        eps: float = 1e-08,
        reduce: Any = None,
        reduction: str = "mean",
    ) -> None:
        super().__init__(size_average, reduce, reduction)
        self.log_input = log_input
        self.full = full
        self.eps = eps

    def forward(self, log_input: Tensor, target: Tensor) -> Tensor:
        return poisson_nll_loss(
            log_input,
            target,
            self.log_input,
            self.full,
            eps=self.eps,
            reduction=self.reduction,
        )


class GaussianNLLLoss(_Loss):
    """``torch.nn.GaussianNLLLoss``."""

    def __init__(
        self, *, full: bool = False, eps: float = 1e-06, reduction: str = "mean"
    ) -> None:
        super().__init__(None, None, reduction)
        self.full = full
        self.eps = eps

    def forward(self, input: Tensor, target: Tensor, var: Tensor | float) -> Tensor:  # noqa: A002
        return gaussian_nll_loss(
            input, target, var, full=self.full, eps=self.eps, reduction=self.reduction
        )


class CTCLoss(_Loss):
    """``torch.nn.CTCLoss``."""

    def __init__(
        self, blank: int = 0, reduction: str = "mean", zero_infinity: bool = False
    ) -> None:
        super().__init__(reduction=reduction)
        self.blank = blank
        self.zero_infinity = zero_infinity

    def forward(
        self,
        log_probs: Tensor,
        targets: Tensor,
        input_lengths: Tensor,
        target_lengths: Tensor,
    ) -> Tensor:
        return ctc_loss(
            log_probs,
            targets,
            input_lengths,
            target_lengths,
            self.blank,
            self.reduction,
            self.zero_infinity,
        )


_ASMoutput = namedtuple("_ASMoutput", ["output", "loss"])


class AdaptiveLogSoftmaxWithLoss(Module):
    """``torch.nn.AdaptiveLogSoftmaxWithLoss``: a head ``Linear`` over the shortlist
    and one cluster entry per cutoff, and per cluster a two-``Linear`` tail of
    ``in_features // div_value ** (i + 1)`` hidden units.

    The call runs the head only: which tails PyTorch runs depends on the targets'
    values (it runs none when every target is in the shortlist).

    >>> from convdims.torch import nn
    >>> asm = nn.AdaptiveLogSoftmaxWithLoss(64, 1000, [100, 500], div_value=2.0)
    >>> sum(p.numel() for p in asm.parameters())
    30400
    """

    _kind = Kind.LOSS

    def __init__(
        self,
        in_features: int,
        n_classes: int,
        cutoffs: Sequence[int],
        div_value: float = 4.0,
        head_bias: bool = False,
        device: Any = None,
        dtype: Any = None,
    ) -> None:
        super().__init__()
        cutoffs = list(cutoffs)
        if len(cutoffs) == 0:
            raise ValueError("cutoffs should be a sequence of length larger than 0")
        if (
            cutoffs != sorted(cutoffs)
            or min(cutoffs) <= 0
            or max(cutoffs) > n_classes - 1
            or len(set(cutoffs)) != len(cutoffs)
            or any(int(c) != c for c in cutoffs)
        ):
            raise ValueError(
                "cutoffs should be a sequence of unique, positive integers sorted in an "
                "increasing order, where each value is between 1 and n_classes-1"
            )
        self.in_features = in_features
        self.n_classes = n_classes
        self.cutoffs = [*cutoffs, n_classes]
        self.div_value = div_value
        self.head_bias = head_bias
        self.shortlist_size = self.cutoffs[0]
        self.n_clusters = len(self.cutoffs) - 1
        self.head_size = self.shortlist_size + self.n_clusters
        self.head = Linear(in_features, self.head_size, bias=head_bias, dtype=dtype)
        self.tail = ModuleList()
        for i in range(self.n_clusters):
            hidden = int(in_features // (div_value ** (i + 1)))
            size = self.cutoffs[i + 1] - self.cutoffs[i]
            self.tail.append(
                Sequential(
                    Linear(in_features, hidden, bias=False, dtype=dtype),
                    Linear(hidden, size, bias=False, dtype=dtype),
                )
            )

    def forward(self, input_: Tensor, target_: Tensor) -> Any:
        if target_.ndim == 1:
            if input_.shape[0] != target_.shape[0]:
                raise ShapeError(
                    "Input and target should have the same size in the batch dimension.",
                    argument="target_",
                    value=tuple(target_.shape),
                    valid=f"{input_.shape[0]} targets",
                )
            if input_.ndim != 2:
                raise ShapeError(
                    "1D target tensor expects 2D input tensors, but found inputs with "
                    f"size {input_.shape}"
                )
        elif target_.ndim == 0:
            if input_.ndim != 1:
                raise ShapeError(
                    "0D target tensor expects 1D input tensors, but found inputs with "
                    f"size {input_.shape}"
                )
        else:
            raise ShapeError(
                "0D or 1D target tensor expected, multi-target not supported",
                argument="target_",
                value=tuple(target_.shape),
                valid="targets of shape (N) or ()",
            )
        batched = target_.ndim > 0
        self.head(input_ if batched else input_.unsqueeze(0))
        output = input_._like(tuple(target_.shape))
        return _ASMoutput(output, input_._like(()))

    def log_prob(self, input: Tensor) -> Tensor:  # noqa: A002 - PyTorch's name
        """The log-probability of every class: ``(N, n_classes)``."""
        self.head(input)
        for tail in self.tail:
            tail(input)
        return input._like((*input.shape[:-1], self.n_classes))

    def predict(self, input: Tensor) -> Tensor:  # noqa: A002 - PyTorch's name
        """The most probable class of each example: ``(N)``, int64."""
        head = self.head(input)
        return head._plain(tuple(head.shape[:-1]), int64)

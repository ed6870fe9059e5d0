"""``torch.nn.utils.clip_grad_norm_`` and friends: they act on gradients, which a
shape-only model never has, so calling one says so (importing them is fine). The
signatures are PyTorch's, so a script's call fails only for this reason."""

from __future__ import annotations

from convdims.standin import Unsupported

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Iterable
    from typing import Any

    from convdims.torch.tensor import Tensor

    Tensors = Tensor | Iterable[Tensor]

__all__ = [
    "clip_grad_norm",
    "clip_grad_norm_",
    "clip_grad_value_",
    "clip_grads_with_norm_",
    "get_total_norm",
]


def clip_grad_norm_(
    parameters: Tensors,
    max_norm: float,
    norm_type: float = 2.0,
    error_if_nonfinite: bool = False,
    foreach: bool | None = None,
) -> Any:
    """``torch.nn.utils.clip_grad_norm_``: refused (gradients have no values here)."""
    raise Unsupported("torch.nn.utils.clip_grad_norm_")


def clip_grad_norm(
    parameters: Tensors,
    max_norm: float,
    norm_type: float = 2.0,
    error_if_nonfinite: bool = False,
    foreach: bool | None = None,
) -> Any:
    """``torch.nn.utils.clip_grad_norm``: refused (gradients have no values here)."""
    raise Unsupported("torch.nn.utils.clip_grad_norm")


def clip_grad_value_(
    parameters: Tensors, clip_value: float, foreach: bool | None = None
) -> None:
    """``torch.nn.utils.clip_grad_value_``: refused (gradients have no values here)."""
    raise Unsupported("torch.nn.utils.clip_grad_value_")


def clip_grads_with_norm_(
    parameters: Tensors,
    max_norm: float,
    total_norm: Tensor,
    foreach: bool | None = None,
) -> None:
    """``torch.nn.utils.clip_grads_with_norm_``: refused (no gradients here)."""
    raise Unsupported("torch.nn.utils.clip_grads_with_norm_")


def get_total_norm(
    tensors: Tensors,
    norm_type: float = 2.0,
    error_if_nonfinite: bool = False,
    foreach: bool | None = None,
) -> Any:
    """``torch.nn.utils.get_total_norm``: refused (gradients have no values here)."""
    raise Unsupported("torch.nn.utils.get_total_norm")

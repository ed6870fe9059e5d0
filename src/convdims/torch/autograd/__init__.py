"""``torch.autograd`` for shapes: custom ``Function`` classes run their ``forward``
(a memory-saving Swish, a gradient-scaling layer); there is no backward pass here, so
what only a backward pass would do is never asked for.

>>> from convdims import torch
>>> class Double(torch.autograd.Function):
...     @staticmethod
...     def forward(ctx, x):
...         ctx.save_for_backward(x)
...         return x * 2
>>> Double.apply(torch.empty(2, 3)).shape
torch.Size([2, 3])
"""

from __future__ import annotations

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

__all__ = ["Function", "grad"]


class _Context:
    """What ``forward(ctx, ...)`` receives: it may save tensors and set attributes."""

    def __init__(self, inputs: tuple[Any, ...]) -> None:
        self.saved_tensors: tuple[Any, ...] = ()
        self.needs_input_grad = tuple(getattr(x, "requires_grad", False) for x in inputs)

    def save_for_backward(self, *tensors: Any) -> None:
        self.saved_tensors = tensors

    def mark_dirty(self, *args: Any) -> None:
        """Accepted (in-place changes do not matter to shapes)."""

    def mark_non_differentiable(self, *args: Any) -> None:
        """Accepted."""

    def set_materialize_grads(self, value: bool) -> None:
        """Accepted."""


class Function:
    """``torch.autograd.Function``: subclass it with a static ``forward(ctx, ...)``
    (and ``backward``); ``YourFunction.apply(...)`` runs ``forward``."""

    @classmethod
    def apply(cls, *args: Any, **kwargs: Any) -> Any:
        forward = cls.forward
        if getattr(cls, "setup_context", None) is not None and not _takes_ctx(cls):
            output = forward(*args, **kwargs)
            cls.setup_context(_Context(args), args, output)
            return output
        return forward(_Context(args), *args, **kwargs)

    @staticmethod
    def forward(ctx: Any, *args: Any, **kwargs: Any) -> Any:
        raise NotImplementedError(
            "You must implement the forward function for custom autograd.Function."
        )

    @staticmethod
    def backward(ctx: Any, *grad_outputs: Any) -> Any:
        raise NotImplementedError(
            "You must implement either the backward or vjp method for your custom "
            "autograd.Function to use it with backward mode AD."
        )

    setup_context = None


def _takes_ctx(cls: type) -> bool:
    """Whether ``forward`` has the old form ``forward(ctx, ...)``."""
    import inspect

    parameters = list(inspect.signature(cls.forward).parameters)
    return bool(parameters) and parameters[0] == "ctx"


def grad(
    outputs: Any,
    inputs: Any,
    grad_outputs: Any = None,
    retain_graph: bool | None = None,
    create_graph: bool = False,
    only_inputs: bool = True,
    allow_unused: bool | None = None,
    is_grads_batched: bool = False,
    materialize_grads: bool = False,
) -> Any:
    """``torch.autograd.grad``: refused; there are no gradients without values.

    Raises:
        Unsupported: always.
    """
    from convdims.standin import Unsupported

    raise Unsupported("torch.autograd.grad")

"""``torch.utils.checkpoint``: activation checkpointing trades memory for a second
forward pass during backward; without values or backward, it is a plain call.

>>> checkpoint(lambda x, y: x + y, 1, 2, use_reentrant=False)
3
"""

from __future__ import annotations

from collections.abc import Callable

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

__all__ = ["checkpoint", "checkpoint_sequential"]


def _no_context() -> Any:
    import contextlib

    return contextlib.nullcontext(), contextlib.nullcontext()


def checkpoint(
    function: Callable[..., Any],
    *args: Any,
    use_reentrant: bool | None = None,
    context_fn: Callable[[], Any] = _no_context,
    determinism_check: str = "default",
    debug: bool = False,
    early_stop: bool = True,
    **kwargs: Any,
) -> Any:
    """``torch.utils.checkpoint.checkpoint``: ``function(*args, **kwargs)``.

    As in PyTorch 2.13, ``use_reentrant`` left out warns (it means True), and the
    reentrant variant refuses keyword arguments for ``function`` with a ValueError.

    >>> checkpoint(max, 1, 5, use_reentrant=False)
    5
    """
    if use_reentrant is None:
        import warnings

        warnings.warn(
            "torch.utils.checkpoint: the use_reentrant parameter should be "
            "passed explicitly. Starting in PyTorch 2.9, calling checkpoint "
            "without use_reentrant will raise an exception. use_reentrant=False is "
            "recommended, but if you need to preserve the current default "
            "behavior, you can pass use_reentrant=True. Refer to docs for more "
            "details on the differences between the two variants.",
            stacklevel=2,
        )
        use_reentrant = True
    kwargs.pop("preserve_rng_state", True)
    if kwargs and use_reentrant:
        raise ValueError("Unexpected keyword arguments: " + ",".join(kwargs))
    return function(*args, **kwargs)


def checkpoint_sequential(
    functions: Any,
    segments: int,
    input: Any,
    use_reentrant: bool | None = None,
    **kwargs: Any,  # noqa: A002
) -> Any:
    """``torch.utils.checkpoint.checkpoint_sequential``: the functions (or the modules
    of a ``Sequential``) applied in order.

    >>> checkpoint_sequential([abs, str], 1, -3)
    '3'
    """
    if hasattr(functions, "children") and not isinstance(functions, (list, tuple)):
        functions = list(functions.children())
    for function in functions:
        input = function(input)
    return input

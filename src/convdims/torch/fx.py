"""``torch.fx`` for shapes: ``wrap``, which model files call at import time to keep a
function whole in a symbolic trace. Nothing traces here, so it registers nothing.

>>> wrap("stochastic_depth")
'stochastic_depth'
"""

from __future__ import annotations

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

__all__ = ["symbolic_trace", "wrap"]


def wrap(fn_or_name: Any) -> Any:
    """``torch.fx.wrap``: returns its argument, as PyTorch does.

    Raises:
        RuntimeError: neither a name nor a callable, as in PyTorch.
    """
    if not callable(fn_or_name) and not isinstance(fn_or_name, str):
        raise RuntimeError(
            "Unsupported type for global function! Must be either a callable or string name"
        )
    return fn_or_name


def symbolic_trace(root: Any, concrete_args: Any = None) -> Any:
    """``torch.fx.symbolic_trace``: refused (it needs real tracing).

    Raises:
        Unsupported: always.
    """
    from convdims.standin import Unsupported

    raise Unsupported("torch.fx.symbolic_trace")

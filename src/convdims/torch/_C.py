"""``torch._C``: the two private hooks of PyTorch's C++ core that torchvision's model
files call (``_get_tracing_state``, ``_log_api_usage_once``).

>>> _get_tracing_state() is None
True
"""

from __future__ import annotations

__all__ = ["_get_tracing_state", "_log_api_usage_once"]


def _get_tracing_state() -> None:
    """None: nothing is being traced (``torch.jit.trace`` runs no tracer here)."""
    return None


def _log_api_usage_once(event: str) -> None:
    """Accepted; PyTorch hands the event to a logger only an organisation installs."""

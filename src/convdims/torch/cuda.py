"""``torch.cuda`` for shapes: there is no GPU (shapes do not depend on one).

>>> is_available(), device_count()
(False, 0)
"""

from __future__ import annotations

__all__ = ["device_count", "empty_cache", "is_available", "manual_seed", "manual_seed_all"]


def is_available() -> bool:
    """``torch.cuda.is_available``: False."""
    return False


def device_count() -> int:
    """``torch.cuda.device_count``: 0."""
    return 0


def manual_seed(seed: int) -> None:
    """``torch.cuda.manual_seed``: accepted; there is nothing random here."""


def manual_seed_all(seed: int) -> None:
    """``torch.cuda.manual_seed_all``: accepted; there is nothing random here."""


def empty_cache() -> None:
    """``torch.cuda.empty_cache``: accepted; nothing is cached."""

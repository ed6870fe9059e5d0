"""``torch.distributed`` for shapes: available, never initialised (one process);
what needs a process group is refused as PyTorch refuses it without one.

>>> is_available(), is_initialized()
(True, False)
"""

from __future__ import annotations

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any


def is_available() -> bool:
    return True


def is_initialized() -> bool:
    return False


def _no_group(*args: Any, **kwargs: Any) -> Any:
    raise ValueError(
        "Default process group has not been initialized, please make sure to call "
        "init_process_group."
    )


get_rank = get_world_size = barrier = all_reduce = broadcast = all_gather = _no_group


def init_process_group(*args: Any, **kwargs: Any) -> None:
    from convdims.standin import Unsupported

    raise Unsupported("torch.distributed.init_process_group")


__all__ = [
    "all_gather",
    "all_reduce",
    "barrier",
    "broadcast",
    "get_rank",
    "get_world_size",
    "init_process_group",
    "is_available",
    "is_initialized",
]

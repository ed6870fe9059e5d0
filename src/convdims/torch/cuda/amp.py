"""``torch.cuda.amp``: ``autocast`` and ``GradScaler`` for CUDA, deprecated in PyTorch
for ``torch.amp``'s (with its FutureWarning); without CUDA they disable themselves, as
PyTorch's do on a CPU machine: see ``convdims.torch.amp``."""

from __future__ import annotations

import warnings

from convdims.torch import amp

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any


class autocast(amp.autocast):  # noqa: N801 - PyTorch's name
    """``torch.cuda.amp.autocast``: ``torch.amp.autocast("cuda", ...)``."""

    def __init__(
        self, enabled: bool = True, dtype: Any = None, cache_enabled: bool = True
    ) -> None:
        warnings.warn(
            "`torch.cuda.amp.autocast(args...)` is deprecated. Please use "
            "`torch.amp.autocast('cuda', args...)` instead.",
            FutureWarning,
            stacklevel=2,
        )
        super().__init__("cuda", dtype=dtype, enabled=enabled, cache_enabled=cache_enabled)


class GradScaler(amp.GradScaler):
    """``torch.cuda.amp.GradScaler``: ``torch.amp.GradScaler("cuda", ...)``."""

    def __init__(self, init_scale: float = 65536.0, **kwargs: Any) -> None:
        warnings.warn(
            "`torch.cuda.amp.GradScaler(args...)` is deprecated. Please use "
            "`torch.amp.GradScaler('cuda', args...)` instead.",
            FutureWarning,
            stacklevel=2,
        )
        super().__init__("cuda", init_scale=init_scale, **kwargs)


__all__ = ["GradScaler", "autocast"]

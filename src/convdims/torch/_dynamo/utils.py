"""``torch._dynamo.utils``: ``is_compile_supported``.

>>> is_compile_supported("cpu"), is_compile_supported("cuda")
(True, False)
"""

from __future__ import annotations

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

__all__ = ["is_compile_supported"]


def is_compile_supported(device_type: Any) -> Any:
    """Whether ``torch.compile`` works on the device, as PyTorch 2.13 answers on a
    machine without a GPU: True for the CPU only."""
    name = getattr(device_type, "type", str(device_type))
    return name.split(":")[0] == "cpu"

"""``torch.amp`` (and ``torch.autocast``, ``torch.cuda.amp``) for shapes: mixed
precision changes the dtype of some results on a GPU; here, with no GPU, ``autocast``
changes nothing (PyTorch's CUDA autocast does nothing on a CPU machine either), and a
``GradScaler`` has nothing to scale.

>>> with autocast("cpu", enabled=False):
...     pass
>>> GradScaler("cpu").is_enabled()
False
"""

from __future__ import annotations

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any


class autocast:  # noqa: N801 - PyTorch's name
    """``torch.autocast``: a context manager (and decorator) that changes nothing here."""

    def __init__(
        self,
        device_type: str = "cuda",
        dtype: Any = None,
        enabled: bool = True,
        cache_enabled: Any = None,
    ) -> None:
        if not isinstance(device_type, str):
            raise ValueError(
                f"Expected `device_type` of type `str`, got: `{type(device_type)}`"
            )
        if device_type == "cpu" and enabled:
            from convdims.standin import Unsupported

            # CPU autocast really casts (to bfloat16 by default): results' dtypes change.
            raise Unsupported("torch.autocast on the CPU")
        if device_type == "cuda" and enabled:
            import warnings

            warnings.warn(
                "CUDA is not available or torch_xla is imported. Disabling autocast.",
                UserWarning,
                stacklevel=2,
            )
            enabled = False
        self.device_type, self.fast_dtype, self._enabled = device_type, dtype, enabled

    def __enter__(self) -> autocast:
        return self

    def __exit__(self, *exc: Any) -> None:
        return None

    def __call__(self, function: Any) -> Any:
        return function


class GradScaler:
    """``torch.amp.GradScaler``: disabled, as PyTorch disables it without CUDA."""

    def __init__(
        self, device: str = "cuda", init_scale: float = 65536.0, **kwargs: Any
    ) -> None:
        self.device, self._scale = device, init_scale
        if device == "cuda" and kwargs.get("enabled", True):
            import warnings

            warnings.warn(
                "torch.cuda.amp.GradScaler is enabled, but CUDA is not available.  "
                "Disabling.",
                UserWarning,
                stacklevel=2,
            )

    def is_enabled(self) -> bool:
        return False

    def scale(self, outputs: Any) -> Any:
        return outputs

    def step(self, optimizer: Any, *args: Any, **kwargs: Any) -> Any:
        return optimizer.step(*args, **kwargs)

    def update(self, new_scale: Any = None) -> None:
        """Nothing to update."""

    def unscale_(self, optimizer: Any) -> None:
        """Nothing to unscale."""


__all__ = ["GradScaler", "autocast"]

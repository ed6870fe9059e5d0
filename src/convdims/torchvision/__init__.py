"""``convdims.torchvision``: torchvision's models, built on shapes alone.

``convdims run`` maps ``import torchvision`` here, as it maps ``torch`` to
[`convdims.torch`][convdims.torch]: ``torchvision.models.resnet50(weights=...)`` builds
torchvision's own model code (copied from torchvision 0.29.1, file by file) on the
lookalike layers, so ``torchinfo.summary`` prints what it prints under the real
torchvision. Weights never load: a weights enum member, its name or ``"DEFAULT"`` builds
the architecture torchvision builds with those weights (they change no shape or count);
only fetching them (``weights.get_state_dict()``) is refused. ``transforms``,
``datasets`` and ``utils`` can be imported and composed, and refuse to touch data.

Every submodule loads on first use: ``import convdims.torchvision`` loads nothing else.

>>> from convdims import torchvision
>>> from convdims.torch import summary
>>> model = torchvision.models.resnet18(weights="DEFAULT")
>>> summary(model, input_size=(1, 3, 224, 224), verbose=0).total_params
11689512
"""

from __future__ import annotations

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

#: The torchvision release whose model code this package holds.
__version__ = "0.29.1"

_SUBMODULES = frozenset({"datasets", "models", "ops", "transforms", "utils"})


def _is_tracing() -> bool:
    # torchvision/__init__.py, verbatim: the detection models ask it.
    from convdims import torch

    return torch._C._get_tracing_state()


def __getattr__(name: str) -> Any:
    if name in _SUBMODULES:
        import importlib

        return importlib.import_module(f"{__name__}.{name}")
    raise AttributeError(f"module 'convdims.torchvision' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted({*globals(), *_SUBMODULES})


__all__ = ["__version__"]

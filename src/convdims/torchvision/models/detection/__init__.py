"""``torchvision.models.detection``: SSD300 (VGG-16) and SSDlite (MobileNetV3), from
torchvision's code; its R-CNN, RetinaNet and FCOS families are not here yet."""

from __future__ import annotations

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

#: Each family module of torchvision's -> the public names it defines (as in
#: torchvision, the package re-exports each one's ``__all__``); loaded on first use.
_FAMILIES = {
    "ssd": """SSD300_VGG16_Weights ssd300_vgg16""",
    "ssdlite": """SSDLite320_MobileNet_V3_Large_Weights ssdlite320_mobilenet_v3_large""",
}
_NAMES = {name: family for family, names in _FAMILIES.items() for name in names.split()}
_SUBPACKAGES = frozenset([])
#: torchvision's model API (models/_api.py): loading it loads every family first.
_API = frozenset([])


def _load_all() -> None:
    """Import every family (torchvision's package imports them all), so that the
    registry of builders is complete and every name is in the package's namespace."""
    import importlib

    namespace = globals()
    for family, names in _FAMILIES.items():
        module = importlib.import_module(f"{__name__}.{family}")
        if family not in _NAMES:  # models.alexnet is the builder, as in torchvision
            namespace[family] = module
        for name in names.split():
            namespace[name] = getattr(module, name)
    for sub in sorted(_SUBPACKAGES):
        module = importlib.import_module(f"{__name__}.{sub}")
        namespace[sub] = module
        module._load_all()


def __getattr__(name: str) -> Any:
    import importlib

    family = _NAMES.get(name)
    if family is not None:
        # As torchvision's ``from .family import *``: importing the family module made
        # it an attribute of this package; its names (``alexnet``, the builder) win.
        module = importlib.import_module(f"{__name__}.{family}")
        for each in _FAMILIES[family].split():
            globals()[each] = getattr(module, each)
        return globals()[name]
    if name in _SUBPACKAGES or name in _FAMILIES:
        return importlib.import_module(f"{__name__}.{name}")
    if name in _API:
        _load_all()
        value = getattr(importlib.import_module("convdims.torchvision.models._api"), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted({*globals(), *_NAMES, *_SUBPACKAGES, *_FAMILIES, *_API})


__all__ = sorted(_NAMES)

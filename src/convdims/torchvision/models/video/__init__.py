"""``torchvision.models.video``: MViT, the video ResNets, S3D and Video Swin, from
torchvision's code."""

from __future__ import annotations

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

#: Each family module of torchvision's -> the public names it defines (as in
#: torchvision, the package re-exports each one's ``__all__``); loaded on first use.
_FAMILIES = {
    "mvit": """MViT MViT_V1_B_Weights mvit_v1_b MViT_V2_S_Weights mvit_v2_s""",
    "resnet": """
        VideoResNet R3D_18_Weights MC3_18_Weights R2Plus1D_18_Weights r3d_18 mc3_18
        r2plus1d_18
    """,
    "s3d": """S3D S3D_Weights s3d""",
    "swin_transformer": """
        SwinTransformer3d Swin3D_T_Weights Swin3D_S_Weights Swin3D_B_Weights swin3d_t
        swin3d_s swin3d_b
    """,
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

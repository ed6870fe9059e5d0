"""``torchvision.ops``: the layers torchvision's models build from
(``Conv2dNormActivation``, ``SqueezeExcitation``, ``MLP``, ``Permute``,
``FrozenBatchNorm2d``, ``StochasticDepth``) and the box operations SSD uses, each from
torchvision's source and loaded on first use. The compiled operators (``nms``,
``roi_align``) refuse as torchvision does when they cannot load.

>>> from convdims.torchvision import ops
>>> block = ops.Conv2dNormActivation(3, 16, kernel_size=3, stride=2)
>>> [type(layer).__name__ for layer in block]
['Conv2d', 'BatchNorm2d', 'ReLU']
>>> block[0]
Conv2d(3, 16, kernel_size=(3, 3), stride=(2, 2), padding=(1, 1), bias=False)
"""

from __future__ import annotations

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

#: torchvision/ops/__init__.py's names (those of the models' ops) -> their module.
_FAMILIES = {
    "boxes": "batched_nms box_area box_iou clip_boxes_to_image nms remove_small_boxes",
    "ciou_loss": "complete_box_iou_loss",
    "diou_loss": "distance_box_iou_loss",
    "feature_pyramid_network": "FeaturePyramidNetwork",
    "giou_loss": "generalized_box_iou_loss",
    "roi_align": "roi_align RoIAlign",
    "misc": """Conv2dNormActivation Conv3dNormActivation FrozenBatchNorm2d MLP Permute
    SqueezeExcitation""",
    "stochastic_depth": "stochastic_depth StochasticDepth",
}
_NAMES = {name: family for family, names in _FAMILIES.items() for name in names.split()}


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
    if name in _FAMILIES:
        return importlib.import_module(f"{__name__}.{name}")
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted({*globals(), *_NAMES, *_FAMILIES})


__all__ = sorted(_NAMES)

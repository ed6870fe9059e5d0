"""``torchvision.transforms.v2`` for scripts: its transforms build, compose and print;
applying one to data is refused, as in [`transforms`][convdims.torchvision.transforms]."""

from __future__ import annotations

from convdims.torchvision._refused import _Composable, module_getattr
from convdims.torchvision.transforms import CLASSES as _V1
from convdims.torchvision.transforms._modes import InterpolationMode

#: torchvision.transforms.v2's transform classes.
CLASSES = _V1 | frozenset(
    """CenterCrop ClampBoundingBoxes ClampKeyPoints ConvertBoundingBoxFormat CutMix
    GaussianNoise Identity JPEG MixUp RandomChannelPermutation RandomIoUCrop
    RandomPhotometricDistort RandomShortestSize RandomZoomOut RGB SanitizeBoundingBoxes
    SanitizeKeyPoints ScaleJitter ToDtype ToImage ToPureTensor Transform
    UniformTemporalSubsample RandomResize""".split()
)

__getattr__ = module_getattr("torchvision.transforms.v2", CLASSES, frozenset(), _Composable)

__all__ = ["InterpolationMode", *sorted(CLASSES)]

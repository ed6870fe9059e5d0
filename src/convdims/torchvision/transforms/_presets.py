"""torchvision/transforms/_presets.py for shapes: the preprocessing of each set of
pretrained weights (``weights.transforms()``). A preset builds with torchvision's keyword
arguments and prints them; applying it to an image is refused.

>>> from convdims.torchvision.models import ResNet50_Weights
>>> preprocess = ResNet50_Weights.DEFAULT.transforms()
>>> preprocess
ImageClassification(crop_size=224, resize_size=232)
"""

from __future__ import annotations

from convdims.torchvision._refused import _Composable
from convdims.torchvision.transforms._modes import InterpolationMode


class _Preset(_Composable):
    _framework = "torchvision.transforms._presets"


class ObjectDetection(_Preset):
    pass


class ImageClassification(_Preset):
    pass


class VideoClassification(_Preset):
    pass


class SemanticSegmentation(_Preset):
    pass


class OpticalFlow(_Preset):
    pass


__all__ = [
    "ImageClassification",
    "InterpolationMode",
    "ObjectDetection",
    "OpticalFlow",
    "SemanticSegmentation",
    "VideoClassification",
]

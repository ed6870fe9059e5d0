# convdims real-world corpus: a shim written for the corpus, with one class verbatim.
# Repository: https://github.com/pytorch/vision
# Path: torchvision/transforms/functional.py (InterpolationMode, verbatim)
# Commit: 1f1a920d685d46dfbe187934b785b7ecb7a182f2 (torchvision 0.29.1)
# Licence: BSD-3-Clause (torchvision's LICENSE, Copyright (c) Soumith Chintala 2016)
# Changes: torchvision/transforms needs PIL and image kernels; the model files import only
# InterpolationMode (to name the resize of their weights' presets).
from enum import Enum


class InterpolationMode(Enum):
    """Interpolation modes
    Available interpolation methods are ``nearest``, ``nearest-exact``, ``bilinear``, ``bicubic``, ``box``, ``hamming``,
    and ``lanczos``.
    """

    NEAREST = "nearest"
    NEAREST_EXACT = "nearest-exact"
    BILINEAR = "bilinear"
    BICUBIC = "bicubic"
    # For PIL compatibility
    BOX = "box"
    HAMMING = "hamming"
    LANCZOS = "lanczos"

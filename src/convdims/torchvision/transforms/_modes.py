# Derived from torchvision 0.29.1's own source: InterpolationMode, verbatim.
# Repository: https://github.com/pytorch/vision
# Path: torchvision/transforms/functional.py
# Commit: 1f1a920d685d46dfbe187934b785b7ecb7a182f2 (torchvision 0.29.1, its version.py git_version)
# Licence: BSD-3-Clause (torchvision's LICENSE, Copyright (c) Soumith Chintala 2016)
# Changes: docstring dropped; the enum is here rather than in functional.py, whose image
# kernels need PIL (convdims.torchvision.transforms.functional refuses them).
from enum import Enum



class InterpolationMode(Enum):
    NEAREST = "nearest"
    NEAREST_EXACT = "nearest-exact"
    BILINEAR = "bilinear"
    BICUBIC = "bicubic"
    # For PIL compatibility
    BOX = "box"
    HAMMING = "hamming"
    LANCZOS = "lanczos"

# torchvision/models/mobilenet.py, verbatim in effect: it re-exports MobileNetV2 and V3.
# Repository: https://github.com/pytorch/vision
# Path: torchvision/models/mobilenet.py
# Commit: 1f1a920d685d46dfbe187934b785b7ecb7a182f2 (torchvision 0.29.1, its version.py git_version)
# Licence: BSD-3-Clause (torchvision's LICENSE, Copyright (c) Soumith Chintala 2016)
# Changes: relative imports made absolute.
from convdims.torchvision.models.mobilenetv2 import *  # noqa: F401, F403
from convdims.torchvision.models.mobilenetv3 import *  # noqa: F401, F403
from convdims.torchvision.models.mobilenetv2 import __all__ as mv2_all
from convdims.torchvision.models.mobilenetv3 import __all__ as mv3_all

__all__ = mv2_all + mv3_all

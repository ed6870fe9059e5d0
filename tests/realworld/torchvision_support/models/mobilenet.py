# convdims real-world corpus: copied from a public repository, verbatim but for the Changes.
# Repository: https://github.com/pytorch/vision
# Path: torchvision/models/mobilenet.py
# Commit: 1f1a920d685d46dfbe187934b785b7ecb7a182f2 (torchvision 0.29.1, its version.py git_version)
# Licence: BSD-3-Clause (torchvision's LICENSE, Copyright (c) Soumith Chintala 2016)
# Changes:
# - original line 1: `from .mobilenetv2 import` -> `from torchvision_mobilenetv2 import`
# - original line 2: `from .mobilenetv3 import` -> `from torchvision_mobilenetv3 import`
# - original line 3: `from .mobilenetv2 import` -> `from torchvision_mobilenetv2 import`
# - original line 4: `from .mobilenetv3 import` -> `from torchvision_mobilenetv3 import`

from torchvision_mobilenetv2 import *  # noqa: F401, F403
from torchvision_mobilenetv3 import *  # noqa: F401, F403
from torchvision_mobilenetv2 import __all__ as mv2_all
from torchvision_mobilenetv3 import __all__ as mv3_all

__all__ = mv2_all + mv3_all

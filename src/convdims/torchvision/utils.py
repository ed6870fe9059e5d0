# torchvision/utils.py for shapes. Its drawing and saving functions work on images and
# are refused when called (convdims.torchvision._refused); the two helpers
# the models use come from torchvision's source:
# Repository: https://github.com/pytorch/vision
# Path: torchvision/utils.py
# Commit: 1f1a920d685d46dfbe187934b785b7ecb7a182f2 (torchvision 0.29.1)
# Licence: BSD-3-Clause (torchvision's LICENSE, Copyright (c) Soumith Chintala 2016)
# Changes: _make_ntuple verbatim but its docstring; _log_api_usage_once, which hands the
# model's name to torch's API-usage log (telemetry), does nothing.
import collections
from itertools import repeat
from typing import Any

from convdims.torchvision._refused import _Composable, module_getattr

#: torchvision.utils' public functions (each refused when called).
FUNCTIONS = frozenset(
    """make_grid save_image draw_bounding_boxes draw_segmentation_masks draw_keypoints
    flow_to_image""".split()
)

__getattr__ = module_getattr("torchvision.utils", frozenset(), FUNCTIONS, _Composable)


def _log_api_usage_once(obj: Any) -> None:
    """torchvision's API-usage log: nothing to log here."""


def _make_ntuple(x: Any, n: int) -> tuple[Any, ...]:
    if isinstance(x, collections.abc.Iterable):
        return tuple(x)
    return tuple(repeat(x, n))


__all__ = sorted(FUNCTIONS)

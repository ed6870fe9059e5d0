"""``torchvision.transforms.v2.functional``: refused when called, as v1's."""

from __future__ import annotations

from convdims.torchvision._refused import _Composable, module_getattr
from convdims.torchvision.transforms.functional import FUNCTIONS as _V1

#: The functions of torchvision.transforms.v2.functional (v1's and the v2 kernels).
FUNCTIONS = _V1 | frozenset("to_image to_dtype to_pure_tensor grayscale_to_rgb".split())

__getattr__ = module_getattr(
    "torchvision.transforms.v2.functional", frozenset(), FUNCTIONS, _Composable
)

__all__ = sorted(FUNCTIONS)

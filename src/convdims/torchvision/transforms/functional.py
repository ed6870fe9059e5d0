"""``torchvision.transforms.functional``: every function works on images, so each is
refused when called (importing and naming them is fine)."""

from __future__ import annotations

from convdims.torchvision._refused import _Composable, module_getattr
from convdims.torchvision.transforms._modes import InterpolationMode

#: The functions of torchvision.transforms.functional.
FUNCTIONS = frozenset(
    """adjust_brightness adjust_contrast adjust_gamma adjust_hue adjust_saturation
    adjust_sharpness affine autocontrast center_crop convert_image_dtype crop
    elastic_transform equalize erase five_crop gaussian_blur get_dimensions
    get_image_num_channels
    get_image_size hflip invert normalize pad perspective pil_to_tensor posterize resize
    resized_crop rgb_to_grayscale rotate solarize ten_crop to_grayscale to_pil_image
    to_tensor vflip""".split()
)

__getattr__ = module_getattr(
    "torchvision.transforms.functional", frozenset(), FUNCTIONS, _Composable
)

__all__ = ["InterpolationMode", *sorted(FUNCTIONS)]

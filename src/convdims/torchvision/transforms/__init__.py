"""``torchvision.transforms`` for scripts: every transform of torchvision 0.29 can be
built and composed (``Compose([Resize(256), ToTensor(), Normalize(mean, std)])``) and
prints as built; applying one to data raises
[`Unsupported`][convdims.standin.Unsupported] (convdims computes shapes and counts only).
``InterpolationMode`` is torchvision's enum.

>>> from convdims.torchvision import transforms
>>> preprocess = transforms.Compose([transforms.Resize(256), transforms.ToTensor()])
>>> print(preprocess)
Compose(
    Resize(256)
    ToTensor()
)
"""

from __future__ import annotations

from convdims.torchvision._refused import _Composable, module_getattr
from convdims.torchvision.transforms._modes import InterpolationMode

#: torchvision.transforms' transform classes (its ``transforms.py`` and
#: ``autoaugment.py``), each a stand-in.
CLASSES = frozenset(
    """AugMix AutoAugment CenterCrop ColorJitter Compose ConvertImageDtype ElasticTransform
    FiveCrop GaussianBlur Grayscale Lambda LinearTransformation Normalize PILToTensor Pad
    RandAugment RandomAdjustSharpness RandomAffine RandomApply RandomAutocontrast
    RandomChoice RandomCrop RandomEqualize RandomErasing RandomGrayscale
    RandomHorizontalFlip RandomInvert RandomOrder RandomPerspective RandomPosterize
    RandomResizedCrop RandomRotation RandomSolarize RandomVerticalFlip Resize TenCrop
    ToPILImage ToTensor TrivialAugmentWide""".split()
)

__getattr__ = module_getattr("torchvision.transforms", CLASSES, frozenset(), _Composable)


def __dir__() -> list[str]:
    return sorted({*globals(), *CLASSES, "functional", "v2"})


__all__ = ["InterpolationMode", *sorted(CLASSES)]

"""``torchvision.datasets`` for scripts: each dataset class can be imported and named;
building one (which reads or downloads data) raises
[`Unsupported`][convdims.standin.Unsupported], naming the class.

>>> from convdims.torchvision import datasets
>>> try:
...     datasets.CIFAR10(root="data", download=True)
... except RuntimeError as error:
...     print(error)
convdims computes shapes and counts only: torchvision.datasets.CIFAR10 is not available
"""

from __future__ import annotations

from convdims.torchvision._refused import _Dataset, module_getattr

#: The dataset classes of torchvision 0.29's ``torchvision.datasets``.
CLASSES = frozenset(
    """CIFAR10 CIFAR100 CLEVRClassification Caltech101 Caltech256 CelebA Cityscapes
    CocoCaptions CocoDetection Country211 DTD DatasetFolder EMNIST EuroSAT FER2013
    FGVCAircraft FakeData FashionMNIST Flickr30k Flickr8k Flowers102 FlyingChairs
    FlyingThings3D Food101 GTSRB HD1K HMDB51 INaturalist ImageFolder ImageNet Imagenette
    KMNIST Kinetics Kitti KittiFlow LFWPairs LFWPeople LSUN LSUNClass MNIST
    Middlebury2014Stereo MovingMNIST Omniglot OxfordIIITPet PCAM PhotoTour Places365
    QMNIST RenderedSST2
    SBDataset SBU SEMEION STL10 SUN397 SVHN Sintel StanfordCars UCF101 USPS VOCDetection
    VOCSegmentation VisionDataset WIDERFace""".split()
)

__getattr__ = module_getattr("torchvision.datasets", CLASSES, frozenset(), _Dataset)

__all__ = sorted(CLASSES)

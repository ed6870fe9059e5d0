# convdims real-world corpus: a shim written for the corpus, not torchvision code.
# torchvision/ops/__init__.py imports every operator, most of them backed by torchvision's
# compiled extension (nms, roi_align, deform_conv2d...), which is not installed here. The
# model files import only these, from the verbatim copies beside this file:
from .feature_pyramid_network import FeaturePyramidNetwork
from .misc import Conv2dNormActivation, Conv3dNormActivation, FrozenBatchNorm2d, MLP, Permute, SqueezeExcitation
from .stochastic_depth import stochastic_depth, StochasticDepth

__all__ = [
    "FeaturePyramidNetwork",
    "Conv2dNormActivation",
    "Conv3dNormActivation",
    "FrozenBatchNorm2d",
    "MLP",
    "Permute",
    "SqueezeExcitation",
    "stochastic_depth",
    "StochasticDepth",
]

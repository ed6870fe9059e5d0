# convdims real-world corpus: a shim written for the corpus, not torchvision code.
# torchvision/ops/__init__.py imports every operator, most of them backed by torchvision's
# compiled extension (nms, roi_align, deform_conv2d...), which is not installed here. The
# model files import only these, from the verbatim copies beside this file:
from .boxes import batched_nms, box_area, box_iou, clip_boxes_to_image, nms, remove_small_boxes
from .ciou_loss import complete_box_iou_loss
from .diou_loss import distance_box_iou_loss
from .feature_pyramid_network import FeaturePyramidNetwork
from .giou_loss import generalized_box_iou_loss
from .roi_align import roi_align, RoIAlign
from .misc import Conv2dNormActivation, Conv3dNormActivation, FrozenBatchNorm2d, MLP, Permute, SqueezeExcitation
from .stochastic_depth import stochastic_depth, StochasticDepth

__all__ = [
    "batched_nms",
    "box_area",
    "box_iou",
    "clip_boxes_to_image",
    "nms",
    "remove_small_boxes",
    "complete_box_iou_loss",
    "distance_box_iou_loss",
    "generalized_box_iou_loss",
    "roi_align",
    "RoIAlign",
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

"""``torchvision.models``: every classification model of torchvision 0.29 (its
builder, class and weights enum) from torchvision's own code; ``get_model``,
``get_model_builder``, ``get_model_weights``, ``get_weight`` and ``list_models`` as
torchvision has them. ``segmentation``, ``detection`` (SSD and SSDlite) and ``video`` are
its subpackages. Weights build the architecture they belong to and are never fetched.

>>> from convdims.torchvision import models
>>> models.get_model("vit_b_16", weights="DEFAULT").image_size
224
>>> models.get_model("vit_h_14", weights="DEFAULT").image_size
518
>>> len(models.list_models(module=models.video))
9
"""

from __future__ import annotations

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

#: Each family module of torchvision's -> the public names it defines (as in
#: torchvision, the package re-exports each one's ``__all__``); loaded on first use.
_FAMILIES = {
    "alexnet": """AlexNet AlexNet_Weights alexnet""",
    "convnext": """
        ConvNeXt ConvNeXt_Tiny_Weights ConvNeXt_Small_Weights ConvNeXt_Base_Weights
        ConvNeXt_Large_Weights convnext_tiny convnext_small convnext_base convnext_large
    """,
    "densenet": """
        DenseNet DenseNet121_Weights DenseNet161_Weights DenseNet169_Weights
        DenseNet201_Weights densenet121 densenet161 densenet169 densenet201
    """,
    "efficientnet": """
        EfficientNet EfficientNet_B0_Weights EfficientNet_B1_Weights
        EfficientNet_B2_Weights EfficientNet_B3_Weights EfficientNet_B4_Weights
        EfficientNet_B5_Weights EfficientNet_B6_Weights EfficientNet_B7_Weights
        EfficientNet_V2_S_Weights EfficientNet_V2_M_Weights EfficientNet_V2_L_Weights
        efficientnet_b0 efficientnet_b1 efficientnet_b2 efficientnet_b3 efficientnet_b4
        efficientnet_b5 efficientnet_b6 efficientnet_b7 efficientnet_v2_s
        efficientnet_v2_m efficientnet_v2_l
    """,
    "googlenet": """
        GoogLeNet GoogLeNetOutputs _GoogLeNetOutputs GoogLeNet_Weights googlenet
    """,
    "inception": """
        Inception3 InceptionOutputs _InceptionOutputs Inception_V3_Weights inception_v3
    """,
    "mnasnet": """
        MNASNet MNASNet0_5_Weights MNASNet0_75_Weights MNASNet1_0_Weights
        MNASNet1_3_Weights mnasnet0_5 mnasnet0_75 mnasnet1_0 mnasnet1_3
    """,
    "mobilenet": """
        MobileNetV2 MobileNet_V2_Weights mobilenet_v2 MobileNetV3
        MobileNet_V3_Large_Weights MobileNet_V3_Small_Weights mobilenet_v3_large
        mobilenet_v3_small
    """,
    "regnet": """
        RegNet RegNet_Y_400MF_Weights RegNet_Y_800MF_Weights RegNet_Y_1_6GF_Weights
        RegNet_Y_3_2GF_Weights RegNet_Y_8GF_Weights RegNet_Y_16GF_Weights
        RegNet_Y_32GF_Weights RegNet_Y_128GF_Weights RegNet_X_400MF_Weights
        RegNet_X_800MF_Weights RegNet_X_1_6GF_Weights RegNet_X_3_2GF_Weights
        RegNet_X_8GF_Weights RegNet_X_16GF_Weights RegNet_X_32GF_Weights regnet_y_400mf
        regnet_y_800mf regnet_y_1_6gf regnet_y_3_2gf regnet_y_8gf regnet_y_16gf
        regnet_y_32gf regnet_y_128gf regnet_x_400mf regnet_x_800mf regnet_x_1_6gf
        regnet_x_3_2gf regnet_x_8gf regnet_x_16gf regnet_x_32gf
    """,
    "resnet": """
        ResNet ResNet18_Weights ResNet34_Weights ResNet50_Weights ResNet101_Weights
        ResNet152_Weights ResNeXt50_32X4D_Weights ResNeXt101_32X8D_Weights
        ResNeXt101_64X4D_Weights Wide_ResNet50_2_Weights Wide_ResNet101_2_Weights
        resnet18 resnet34 resnet50 resnet101 resnet152 resnext50_32x4d resnext101_32x8d
        resnext101_64x4d wide_resnet50_2 wide_resnet101_2
    """,
    "shufflenetv2": """
        ShuffleNetV2 ShuffleNet_V2_X0_5_Weights ShuffleNet_V2_X1_0_Weights
        ShuffleNet_V2_X1_5_Weights ShuffleNet_V2_X2_0_Weights shufflenet_v2_x0_5
        shufflenet_v2_x1_0 shufflenet_v2_x1_5 shufflenet_v2_x2_0
    """,
    "squeezenet": """
        SqueezeNet SqueezeNet1_0_Weights SqueezeNet1_1_Weights squeezenet1_0
        squeezenet1_1
    """,
    "vgg": """
        VGG VGG11_Weights VGG11_BN_Weights VGG13_Weights VGG13_BN_Weights VGG16_Weights
        VGG16_BN_Weights VGG19_Weights VGG19_BN_Weights vgg11 vgg11_bn vgg13 vgg13_bn
        vgg16 vgg16_bn vgg19 vgg19_bn
    """,
    "vision_transformer": """
        VisionTransformer ViT_B_16_Weights ViT_B_32_Weights ViT_L_16_Weights
        ViT_L_32_Weights ViT_H_14_Weights vit_b_16 vit_b_32 vit_l_16 vit_l_32 vit_h_14
    """,
    "swin_transformer": """
        SwinTransformer Swin_T_Weights Swin_S_Weights Swin_B_Weights Swin_V2_T_Weights
        Swin_V2_S_Weights Swin_V2_B_Weights swin_t swin_s swin_b swin_v2_t swin_v2_s
        swin_v2_b
    """,
    "maxvit": """MaxVit MaxVit_T_Weights maxvit_t""",
}
_NAMES = {name: family for family, names in _FAMILIES.items() for name in names.split()}
_SUBPACKAGES = frozenset(["detection", "segmentation", "video"])
#: torchvision's model API (models/_api.py): loading it loads every family first.
_API = frozenset(
    [
        "Weights",
        "WeightsEnum",
        "get_model",
        "get_model_builder",
        "get_model_weights",
        "get_weight",
        "list_models",
    ]
)


def _load_all() -> None:
    """Import every family (torchvision's package imports them all), so that the
    registry of builders is complete and every name is in the package's namespace."""
    import importlib

    namespace = globals()
    for family, names in _FAMILIES.items():
        module = importlib.import_module(f"{__name__}.{family}")
        if family not in _NAMES:  # models.alexnet is the builder, as in torchvision
            namespace[family] = module
        for name in names.split():
            namespace[name] = getattr(module, name)
    for sub in sorted(_SUBPACKAGES):
        module = importlib.import_module(f"{__name__}.{sub}")
        namespace[sub] = module
        module._load_all()


def __getattr__(name: str) -> Any:
    import importlib

    family = _NAMES.get(name)
    if family is not None:
        # As torchvision's ``from .family import *``: importing the family module made
        # it an attribute of this package; its names (``alexnet``, the builder) win.
        module = importlib.import_module(f"{__name__}.{family}")
        for each in _FAMILIES[family].split():
            globals()[each] = getattr(module, each)
        return globals()[name]
    if name in _SUBPACKAGES or name in _FAMILIES:
        return importlib.import_module(f"{__name__}.{name}")
    if name in _API:
        _load_all()
        value = getattr(importlib.import_module("convdims.torchvision.models._api"), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted({*globals(), *_NAMES, *_SUBPACKAGES, *_FAMILIES, *_API})


__all__ = sorted(_NAMES)

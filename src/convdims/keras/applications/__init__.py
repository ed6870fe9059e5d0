"""``keras.applications`` for shapes: every application of Keras 3.15, built layer for
layer as Keras builds it, without weights.

``keras.applications.ResNet50()``, ``from keras.applications import MobileNetV2`` and
``from keras.applications.resnet50 import ResNet50, preprocess_input`` work as in Keras:
the same functions with the same arguments, the same refusals (with Keras's messages),
and the same model, so ``model.summary()`` prints what Keras prints. ``weights`` is
checked as Keras checks it (``None``, ``"imagenet"``, or the path of a file) but never
downloaded or loaded: weights change no shape or count. The model code is Keras's own
(each module's header says what was changed); ``decode_predictions`` needs predicted
values and refuses.

Nothing is imported until it is used: ``import convdims.keras`` does not load this
package, and the package loads an application's module on first use.

>>> from convdims import keras
>>> model = keras.applications.MobileNetV2(input_shape=(160, 160, 3), include_top=False)
>>> model.output_shape, model.count_params()
((None, 5, 5, 1280), 2257984)
"""

from __future__ import annotations

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

#: Each application function -> the module of this package that defines it.
_APPLICATIONS = {
    "ConvNeXtBase": "convnext",
    "ConvNeXtLarge": "convnext",
    "ConvNeXtSmall": "convnext",
    "ConvNeXtTiny": "convnext",
    "ConvNeXtXLarge": "convnext",
    "DenseNet121": "densenet",
    "DenseNet169": "densenet",
    "DenseNet201": "densenet",
    "EfficientNetB0": "efficientnet",
    "EfficientNetB1": "efficientnet",
    "EfficientNetB2": "efficientnet",
    "EfficientNetB3": "efficientnet",
    "EfficientNetB4": "efficientnet",
    "EfficientNetB5": "efficientnet",
    "EfficientNetB6": "efficientnet",
    "EfficientNetB7": "efficientnet",
    "EfficientNetV2B0": "efficientnet_v2",
    "EfficientNetV2B1": "efficientnet_v2",
    "EfficientNetV2B2": "efficientnet_v2",
    "EfficientNetV2B3": "efficientnet_v2",
    "EfficientNetV2L": "efficientnet_v2",
    "EfficientNetV2M": "efficientnet_v2",
    "EfficientNetV2S": "efficientnet_v2",
    "InceptionResNetV2": "inception_resnet_v2",
    "InceptionV3": "inception_v3",
    "MobileNet": "mobilenet",
    "MobileNetV2": "mobilenet_v2",
    "MobileNetV3Large": "mobilenet_v3",
    "MobileNetV3Small": "mobilenet_v3",
    "NASNetLarge": "nasnet",
    "NASNetMobile": "nasnet",
    "ResNet101": "resnet",
    "ResNet101V2": "resnet_v2",
    "ResNet152": "resnet",
    "ResNet152V2": "resnet_v2",
    "ResNet50": "resnet",
    "ResNet50V2": "resnet_v2",
    "VGG16": "vgg16",
    "VGG19": "vgg19",
    "Xception": "xception",
}

#: The submodules Keras's ``keras.applications`` has (``resnet50`` is ``resnet``'s
#: ResNet50 under a module of its own).
_MODULES = (
    "convnext",
    "densenet",
    "efficientnet",
    "efficientnet_v2",
    "imagenet_utils",
    "inception_resnet_v2",
    "inception_v3",
    "mobilenet",
    "mobilenet_v2",
    "mobilenet_v3",
    "nasnet",
    "resnet",
    "resnet50",
    "resnet_v2",
    "vgg16",
    "vgg19",
    "xception",
)


def __getattr__(name: str) -> Any:
    import importlib

    if name in _MODULES:
        value = importlib.import_module(f"{__name__}.{name}")
    elif name in _APPLICATIONS:
        module = importlib.import_module(f"{__name__}.{_APPLICATIONS[name]}")
        value = getattr(module, name)
    else:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))


__all__ = [
    "ConvNeXtBase",
    "ConvNeXtLarge",
    "ConvNeXtSmall",
    "ConvNeXtTiny",
    "ConvNeXtXLarge",
    "DenseNet121",
    "DenseNet169",
    "DenseNet201",
    "EfficientNetB0",
    "EfficientNetB1",
    "EfficientNetB2",
    "EfficientNetB3",
    "EfficientNetB4",
    "EfficientNetB5",
    "EfficientNetB6",
    "EfficientNetB7",
    "EfficientNetV2B0",
    "EfficientNetV2B1",
    "EfficientNetV2B2",
    "EfficientNetV2B3",
    "EfficientNetV2L",
    "EfficientNetV2M",
    "EfficientNetV2S",
    "InceptionResNetV2",
    "InceptionV3",
    "MobileNet",
    "MobileNetV2",
    "MobileNetV3Large",
    "MobileNetV3Small",
    "NASNetLarge",
    "NASNetMobile",
    "ResNet101",
    "ResNet101V2",
    "ResNet152",
    "ResNet152V2",
    "ResNet50",
    "ResNet50V2",
    "VGG16",
    "VGG19",
    "Xception",
    "convnext",
    "densenet",
    "efficientnet",
    "efficientnet_v2",
    "imagenet_utils",
    "inception_resnet_v2",
    "inception_v3",
    "mobilenet",
    "mobilenet_v2",
    "mobilenet_v3",
    "nasnet",
    "resnet",
    "resnet50",
    "resnet_v2",
    "vgg16",
    "vgg19",
    "xception",
]

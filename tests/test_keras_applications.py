"""convdims.keras.applications without the real Keras: every application builds, its
description agrees with its summary, ``weights`` is checked but changes nothing, bad
arguments are refused naming the argument, and scripts reach it by every import path
they use. (tests/oracle/test_keras_applications.py compares it with the real Keras.)"""

from __future__ import annotations

import re
import subprocess
import sys
import warnings

import pytest

from convdims import keras, standin
from convdims.keras import applications
from test_import_weight import ROOT, _loaded

NAMES = sorted(applications._APPLICATIONS, key=str.lower)
#: Keras refuses NASNetMobile on the torch backend (for which convdims answers).
REFUSED = {"NASNetMobile"}


@pytest.fixture(autouse=True)
def fresh_names():
    keras.backend.clear_session()


def summary(model, line_length: int | None = None) -> str:
    lines: list[str] = []
    model.summary(print_fn=lines.append, line_length=line_length)
    return "".join(lines)


def _footer(text: str, label: str) -> int:
    match = re.search(rf"{label} params: ([\d,]+)", text)
    assert match, f"no {label} params in the summary"
    return int(match.group(1).replace(",", ""))


@pytest.mark.parametrize("name", sorted(set(NAMES) - REFUSED, key=str.lower))
@pytest.mark.parametrize("include_top", [True, False])
def test_every_application_builds_and_its_graph_agrees_with_its_summary(name, include_top):
    model = getattr(applications, name)(weights=None, include_top=include_top)
    text = summary(model, line_length=250)  # wide enough for every name on one line
    graph = keras.describe(model)
    assert graph.name == model.name
    assert sum(call.params for call in graph) == model.count_params()
    assert sum(call.params for call in graph) == _footer(text, "Total")
    # BatchNormalization's moving statistics are the non-trainable parameters, but for
    # a Normalization layer's mean, variance and count (EfficientNet's, ConvNeXt's),
    # which the description does not count as statistics.
    statistics = sum(call.statistics for call in graph)
    fixed = sum(call.params for call in graph if call.type == "Normalization")
    assert statistics <= _footer(text, "Non-trainable") == statistics + fixed
    assert graph[-1].output_shape == model.output_shape
    calls = {call.name: call for call in graph}
    for layer in model.layers:
        if layer.name in calls:  # a nested model is described by its own layers
            assert calls[layer.name].output_shape == layer.output_shape, layer.name
        assert f"{layer.name} ({type(layer).__name__})" in text
    if include_top:
        assert model.output_shape == (None, 1000)
    else:
        assert len(model.output_shape) == 4 and model.output_shape[1:3] == (None, None)


#: Applications whose Keras code builds another model for weights="imagenet":
#: EfficientNet B0-B7 add a Rescaling layer (keras/src/applications/efficientnet.py,
#: v3.15.1, lines 328-338); tests/oracle/test_keras_applications.py compares that
#: model with real Keras's.
IMAGENET_BUILDS_MORE = {f"EfficientNetB{i}" for i in range(8)}
#: ... and those whose model is named after the input size the weights are for, 224
#: when none is given (mobilenet.py lines 158-190, mobilenet_v2.py lines 226-250).
IMAGENET_NAMES_ANOTHER = {"MobileNet", "MobileNetV2"}


@pytest.mark.parametrize("name", sorted(set(NAMES) - REFUSED, key=str.lower))
def test_weights_are_checked_never_loaded(name):
    """The path of an existing file gives the model weights=None gives, and so does
    "imagenet" (but where Keras's code builds more for it: one layer more, no
    parameter more)."""
    build = getattr(applications, name)
    models = []
    for weights in (None, __file__, "imagenet"):
        keras.backend.clear_session()
        with warnings.catch_warnings():
            # Keras warns that MobileNet's imagenet weights are for 224x224 inputs
            warnings.simplefilter("ignore", UserWarning)
            models.append(build(weights=weights, include_top=False, pooling="avg"))
    none, path, imagenet = models
    assert summary(path) == summary(none)
    if name in IMAGENET_BUILDS_MORE:
        assert len(imagenet.layers) == len(none.layers) + 1
        assert imagenet.count_params() == none.count_params()
    elif name in IMAGENET_NAMES_ANOTHER:
        assert imagenet.name != none.name and imagenet.name.endswith("_224")
        assert summary(imagenet).split("\n", 1)[1] == summary(none).split("\n", 1)[1]
    else:
        assert summary(imagenet) == summary(none)


def test_nasnet_mobile_is_refused_as_on_keras_torch_backend():
    with pytest.raises(ValueError, match="NASNetMobile is not available with the torch"):
        applications.NASNetMobile(weights=None)


def test_input_tensor_and_pooling():
    x = keras.Input((96, 96, 3), name="image")
    model = applications.ResNet50(weights=None, include_top=False, input_tensor=x)
    assert model.inputs == [x] and len(model.output_shape) == 4
    pooled = applications.ResNet50(
        weights=None, include_top=False, input_tensor=x, pooling="max"
    )
    assert pooled.output_shape == (None, model.output_shape[-1])
    assert pooled.layers[-1].__class__.__name__ == "GlobalMaxPooling2D"


def test_classes_activation_and_name():
    model = applications.VGG16(
        weights=None, classes=7, classifier_activation=None, name="vgg_seven"
    )
    assert model.name == "vgg_seven" and model.output_shape == (None, 7)
    keras.backend.clear_session()
    softmax = applications.VGG16(weights=None, classes=7, name="vgg_seven")
    assert summary(softmax) == summary(model)  # the activation has no shape or count


BAD = [
    ("ResNet50", {"weights": "no/such/file.h5"}, "weights"),
    ("ResNet50", {"weights": "imagenet", "classes": 10}, "classes"),
    (
        "MobileNetV2",
        {"weights": None, "include_top": False, "input_shape": (8, 8, 3)},
        "input_shape",
    ),
    ("VGG16", {"weights": "imagenet", "input_shape": (100, 100, 3)}, "input_shape"),
    (
        "Xception",
        {"weights": "imagenet", "classifier_activation": "relu"},
        "classifier_activation",
    ),
    ("DenseNet121", {"weights": None, "input_shape": (None, None, 3)}, "input_shape"),
    ("MobileNet", {"weights": "imagenet", "alpha": 0.3}, "alpha"),
    ("EfficientNetB0", {"weights": "https://example.com/w.h5"}, "path"),
]


@pytest.mark.parametrize(("name", "kwargs", "argument"), BAD, ids=[b[0] for b in BAD])
def test_bad_arguments_are_refused_naming_the_argument(name, kwargs, argument):
    with pytest.raises(ValueError) as error:
        getattr(applications, name)(**kwargs)
    assert argument in str(error.value)
    assert "Received" in str(error.value)  # and what it was given, as Keras says


def test_preprocess_input_adds_the_operations_to_the_graph():
    inputs = keras.Input((32, 32, 3))
    caffe = applications.resnet50.preprocess_input(inputs)
    torch_mode = applications.densenet.preprocess_input(inputs)
    same = applications.efficientnet.preprocess_input(inputs)
    assert caffe.shape == torch_mode.shape == inputs.shape and same is inputs
    model = keras.Model(inputs, [caffe, torch_mode])
    kinds = [call.type for call in keras.describe(model)]
    assert kinds.count("GetItem") == 3 and kinds.count("Stack") == 1
    assert kinds.count("TrueDivide") == 2 and kinds.count("Add") == 2
    with pytest.raises(ValueError, match="data_format"):
        applications.imagenet_utils.preprocess_input(inputs, data_format="nhwc")
    with pytest.raises(ValueError, match="mode"):
        applications.imagenet_utils.preprocess_input(inputs, mode="keras")


def test_decode_predictions_refuses_after_keras_checks():
    model = applications.MobileNetV3Small(weights=None)
    with pytest.raises(standin.Unsupported, match="shapes and counts only"):
        applications.mobilenet_v3.decode_predictions(model.outputs[0])
    with pytest.raises(ValueError, match="decode_predictions"):
        applications.vgg16.decode_predictions(keras.Input((10,)))


def test_every_submodule_exports_what_it_lists():
    for module in applications._MODULES:
        sub = getattr(applications, module)
        assert sub.__all__ and all(hasattr(sub, name) for name in sub.__all__), module
        for name in sub.__all__:
            if name[0].isupper():
                assert getattr(applications, name) is getattr(sub, name), name
    assert applications.resnet50.ResNet50 is applications.resnet.ResNet50


def test_application_docstrings_say_weights_are_not_loaded():
    for name in NAMES:
        doc = getattr(applications, name).__doc__
        assert doc.startswith(f"Instantiates the {name} architecture.")
        assert "never downloads or loads weights" in " ".join(doc.split())


SCRIPT = """
import keras
import tensorflow as tf
from keras.applications import MobileNetV2
from keras.applications.resnet50 import ResNet50, preprocess_input
from tensorflow.keras.applications import Xception
from tensorflow.keras.applications.mobilenet_v2 import preprocess_input as mobile_pre
import keras.applications.vgg16

found = [
    keras.applications.VGG16, MobileNetV2, ResNet50, preprocess_input, Xception,
    mobile_pre, tf.keras.applications.DenseNet121, keras.applications.vgg16.VGG16,
]
print(",".join(f.__module__ for f in found))
"""


def test_scripts_reach_it_by_every_import_path(tmp_path):
    script = tmp_path / "apps.py"
    script.write_text(SCRIPT)
    printed = standin.run(script).strip().split(",")
    assert all(module.startswith("convdims.keras.applications.") for module in printed)


def test_convdims_run_of_a_transfer_learning_script(tmp_path):
    script = tmp_path / "transfer.py"
    script.write_text(
        "import keras\n"
        "base = keras.applications.MobileNetV2(input_shape=(160, 160, 3),"
        " include_top=False)\n"
        "base.trainable = False\n"
        "inputs = keras.Input((160, 160, 3))\n"
        "x = keras.applications.mobilenet_v2.preprocess_input(inputs)\n"
        "x = base(x, training=False)\n"
        "x = keras.layers.GlobalAveragePooling2D()(x)\n"
        "model = keras.Model(inputs, keras.layers.Dense(1)(x))\n"
        "model.compile(optimizer='adam', loss='binary_crossentropy')\n"
        "model.summary()\n"
    )
    printed = standin.run(script)
    base = applications.MobileNetV2(input_shape=(160, 160, 3), include_top=False)
    assert "mobilenetv2_1.00_160" in printed and "(Functional)" in printed
    assert f"Non-trainable params: {base.count_params():,}" in printed


def test_importing_convdims_keras_leaves_the_applications_unloaded():
    code = "import sys, convdims.keras; print('convdims.keras.applications' in sys.modules)"
    out = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        env={"PYTHONPATH": str(ROOT / "src")},
        check=True,
    )
    assert out.stdout.strip() == "False"


def test_building_the_applications_loads_no_heavy_standard_module():
    """One application of each module (and their preprocess_input) load no typing,
    dataclasses or inspect, as the import-weight tests require of convdims.keras."""
    first = {}
    for name in NAMES:
        first.setdefault(applications._APPLICATIONS[name], name)
    code = "from convdims import keras\nx = keras.Input((96, 96, 3))\n" + "".join(
        f"keras.applications.{name}(weights=None, include_top=False, input_tensor=x)\n"
        f"keras.applications.{module}.preprocess_input(x)\n"
        for module, name in sorted(first.items())
    )
    assert _loaded(code) == {}

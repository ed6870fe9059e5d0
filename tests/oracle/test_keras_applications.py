"""``keras.applications`` in convdims builds what real Keras 3 builds, and refuses what it
refuses.

Each application is built in real Keras (``KERAS_BACKEND=torch``, ``weights=None``: the
real one would download ImageNet weights) and in convdims, for the default call and for
variants (no top with an input shape and a pooling, an ``input_tensor``, a
transfer-learning model around it with ``preprocess_input``); ``model.summary()`` must
be the same text, but for Keras's auto-numbered name suffixes (as the corpus test
allows, ``realworld_runner.keras_suffixes``). Building the large ones in real Keras
takes seconds each (it allocates their weights): a default run compares a daily sample
of the applications (the day seeds it, as the corpus test does), drawn from those with
fewer than ``SMALL_LAYERS`` layers and ``SMALL_PARAMS`` parameters, with three of the
calls; ``CONVDIMS_APPLICATIONS=all`` compares every application with every call,
``CONVDIMS_APPLICATIONS=N`` N of them, and ``CONVDIMS_APPLICATIONS_SEED`` picks another
sample. Refusals (bad ``weights``, ``classes``, input shapes...) must raise the same
exception type with the same message.
"""

from __future__ import annotations

import contextlib
import datetime
import os
import random
import re
import warnings
from unittest import mock

import pytest

from convdims import keras as ck
from realworld_runner import keras_suffixes

APPLICATIONS = sorted(ck.applications._APPLICATIONS, key=str.lower)

#: The default sample is drawn from the applications with fewer layers and parameters
#: than these (convdims counts them): real Keras builds those in a second or two. The
#: others run with CONVDIMS_APPLICATIONS=all.
SMALL_LAYERS = 200
SMALL_PARAMS = 30_000_000
SAMPLE_DEFAULT = 2


def _wanted() -> str:
    return os.environ.get("CONVDIMS_APPLICATIONS", str(SAMPLE_DEFAULT)).strip().lower()


def _sample() -> list[str]:
    if _wanted() == "all":
        return APPLICATIONS
    pool = [name for name in APPLICATIONS if _small(name)]
    seed = int(
        os.environ.get(
            "CONVDIMS_APPLICATIONS_SEED", datetime.date.today().strftime("%Y%m%d")
        )
    )
    chosen = random.Random(seed).sample(pool, min(int(_wanted()), len(pool)))
    return sorted(chosen, key=str.lower)


def _small(name: str) -> bool:
    ck.backend.clear_session()
    try:
        model = getattr(ck.applications, name)(weights=None)
    except ValueError:
        return True  # refused before anything is built (NASNetMobile on torch)
    return len(model.layers) < SMALL_LAYERS and model.count_params() < SMALL_PARAMS


SAMPLE = _sample()


def _input_size(name: str) -> int:
    """A non-default input size every application accepts without a top."""
    return 139 if name.startswith("NASNet") else 96


def build(module, name: str, kwargs: dict, wrap: str | None = None):
    """Build application ``name`` with ``module`` as keras; ("ok", summary) or
    ("raised", exception type, message)."""
    module.backend.clear_session()
    kwargs = dict(kwargs)
    if isinstance(kwargs.get("input_tensor"), tuple):
        kwargs["input_tensor"] = module.Input(kwargs["input_tensor"])
    lines: list[str] = []
    with warnings.catch_warnings(), _no_download(module):
        warnings.simplefilter("ignore")
        try:
            model = getattr(module.applications, name)(**kwargs)
            if wrap is not None:
                model = transfer_learning(module, model, wrap)
        except Exception as error:  # noqa: BLE001 - any refusal is compared
            return ("raised", type(error).__name__, _message(error))
        model.summary(print_fn=lines.append)
    return ("ok", "".join(lines))


@contextlib.contextmanager
def _no_download(module):
    """Real Keras with ``weights="imagenet"`` builds the model, then downloads and loads
    the weights: here it gets a file name and loads nothing, so the model it built is
    compared (convdims leaves the same two steps out)."""
    if module is ck:
        yield
        return
    from keras.src.models.model import Model
    from keras.src.utils import file_utils

    with (
        mock.patch.object(file_utils, "get_file", return_value="weights.h5"),
        mock.patch.object(Model, "load_weights", return_value=None),
    ):
        yield


def transfer_learning(module, base, submodule: str):
    """keras-io's transfer-learning recipe around ``base``: preprocess_input on the
    input, the frozen base, a new head, compiled (which changes no summary row)."""
    inputs = module.Input(base.input_shape[1:])
    x = getattr(module.applications, submodule).preprocess_input(inputs)
    base.trainable = False
    x = base(x, training=False)
    x = module.layers.GlobalAveragePooling2D()(x)
    x = module.layers.Dropout(0.2)(x)
    model = module.Model(inputs, module.layers.Dense(1)(x))
    model.compile(optimizer="adam", loss="binary_crossentropy", metrics=["accuracy"])
    return model


def _message(error: BaseException) -> str:
    """The message, without object addresses (``<function relu at 0x7f...>``)."""
    return re.sub(r" at 0x[0-9a-f]+>", ">", str(error))


def same(expected, actual, what: str) -> None:
    if expected[0] == "ok" and actual[0] == "ok":
        if expected[1] != actual[1]:
            assert keras_suffixes(expected[1]) == keras_suffixes(actual[1]), (
                f"{what}: the summaries differ\n--- Keras\n{expected[1]}\n"
                f"--- convdims\n{actual[1]}"
            )
        return
    assert expected == actual, f"{what}: Keras gives {expected}, convdims {actual}"


def variants(name: str) -> list[tuple[str, dict]]:
    """The calls compared: the default, no top with an input shape and a pooling, an
    input tensor; with CONVDIMS_APPLICATIONS=all also classes, activation and name."""
    size = _input_size(name)
    calls = [
        ("default", {"weights": None}),
        (
            "no top, input_shape, avg",
            {
                "weights": None,
                "include_top": False,
                "input_shape": (size, size, 3),
                "pooling": "avg",
            },
        ),
        (
            "input_tensor, max",
            {
                "weights": None,
                "include_top": False,
                "input_tensor": (size, size, 3),
                "pooling": "max",
            },
        ),
        ("imagenet", {"weights": "imagenet"}),
        (
            "classes, activation, name",
            {
                "weights": None,
                "classes": 10,
                "classifier_activation": None,
                "name": "my_model",
            },
        ),
    ]
    return calls if _wanted() == "all" else calls[:3]


@pytest.mark.parametrize("name", SAMPLE)
def test_summaries_are_keras_summaries(keras, name):
    for label, kwargs in variants(name):
        same(
            build(keras, name, kwargs),
            build(ck, name, kwargs),
            f"{name}({label})",
        )


#: Submodule of each application whose preprocess_input the recipe calls.
SUBMODULE = {
    "MobileNetV2": "mobilenet_v2",
    "ResNet50": "resnet50",
    "DenseNet121": "densenet",
    "EfficientNetB0": "efficientnet",
}


#: The recipe in a default run (caffe and tf preprocessing); all four with
#: CONVDIMS_APPLICATIONS=all.
RECIPES = sorted(SUBMODULE) if _wanted() == "all" else ["MobileNetV2", "ResNet50"]


def test_imagenet_weights_build_what_keras_builds(keras):
    """Keras's code branches on weights="imagenet" (EfficientNet adds a Rescaling
    layer): convdims builds what Keras builds before it would load the weights."""
    kwargs = {"weights": "imagenet", "include_top": False, "pooling": "avg"}
    same(
        build(keras, "EfficientNetB0", kwargs),
        build(ck, "EfficientNetB0", kwargs),
        f"EfficientNetB0({kwargs})",
    )


@pytest.mark.parametrize("name", RECIPES)
def test_transfer_learning_with_preprocess_input(keras, name):
    """caffe (ResNet50), torch (DenseNet), tf (MobileNetV2) and the no-op
    (EfficientNet) preprocessing give Keras's rows of operations."""
    kwargs = {"weights": None, "include_top": False, "input_shape": (96, 96, 3)}
    same(
        build(keras, name, kwargs, wrap=SUBMODULE[name]),
        build(ck, name, kwargs, wrap=SUBMODULE[name]),
        f"{name} in keras-io's transfer-learning model",
    )


def test_preprocess_input_channels_first_and_modes(keras):
    """imagenet_utils.preprocess_input on symbolic tensors, every mode and format."""
    for mode in ("caffe", "tf", "torch"):
        formats = (("channels_last", (8, 8, 3)), ("channels_first", (3, 8, 8)))
        for data_format, shape in formats:
            results = []
            for module in (keras, ck):
                module.backend.clear_session()
                inputs = module.Input(shape)
                x = module.applications.imagenet_utils.preprocess_input(
                    inputs, data_format=data_format, mode=mode
                )
                lines: list[str] = []
                module.Model(inputs, x).summary(print_fn=lines.append)
                results.append(("ok", "".join(lines)))
            same(*results, f"preprocess_input(mode={mode!r}, {data_format})")


def test_channels_first(keras):
    """With image_data_format "channels_first" the applications build channels-first
    models (MobileNetV2's correct_pad reads the format too)."""
    kwargs = {"weights": None, "include_top": False, "input_shape": (3, 96, 96)}
    results = []
    for module in (keras, ck):
        module.config.set_image_data_format("channels_first")
        try:
            results.append(build(module, "MobileNetV2", kwargs))
        finally:
            module.config.set_image_data_format("channels_last")
    same(*results, "MobileNetV2 channels_first")


#: (application, keyword arguments) that real Keras refuses before it would download
#: anything.
REFUSALS = [
    ("ResNet50", {"weights": "imagenet", "classes": 10}),
    ("ResNet50", {"weights": "no/such/file.weights.h5"}),
    ("ResNet50", {"weights": None, "include_top": False, "input_shape": (31, 31, 3)}),
    ("ResNet50", {"weights": "imagenet", "input_shape": (200, 200, 3)}),
    ("ResNet50", {"weights": "imagenet", "include_top": False, "input_shape": (64, 64, 4)}),
    ("ResNet50", {"weights": None, "input_shape": (None, None, 3)}),
    ("ResNet50", {"weights": None, "include_top": False, "input_shape": (64, 64)}),
    ("MobileNet", {"weights": "imagenet", "classifier_activation": "relu"}),
    ("MobileNetV3Small", {"weights": "imagenet", "classifier_activation": "sigmoid"}),
    ("InceptionV3", {"weights": None, "include_top": False, "input_shape": (74, 74, 3)}),
    ("Xception", {"weights": None, "include_top": False, "input_shape": (70, 70, 3)}),
    ("MobileNet", {"weights": "imagenet", "alpha": 0.3}),
    ("MobileNetV2", {"weights": "imagenet", "alpha": 0.3}),
    ("MobileNetV3Small", {"weights": "imagenet", "alpha": 0.5}),
    ("MobileNetV3Large", {"weights": None, "include_top": False, "input_tensor": 7}),
    ("MobileNetV2", {"weights": None, "input_tensor": "not a tensor"}),
    ("NASNetMobile", {"weights": None}),
    ("NASNetLarge", {"weights": "imagenet", "input_shape": (224, 224, 3)}),
    ("DenseNet121", {"weights": "imagenet", "classes": 2}),
    ("EfficientNetV2B0", {"weights": "imagenet", "classes": 5}),
    ("ConvNeXtTiny", {"weights": "imagenet", "classes": 5}),
    ("InceptionResNetV2", {"weights": None, "include_top": False, "input_shape": (64, 64)}),
]


@pytest.mark.parametrize(("name", "kwargs"), REFUSALS, ids=[n for n, _ in REFUSALS])
def test_refuses_as_keras_does(keras, name, kwargs):
    expected = build(keras, name, kwargs)
    assert expected[0] == "raised", f"Keras accepts {name}({kwargs})"
    same(expected, build(ck, name, kwargs), f"{name}({kwargs})")

"""The architecture examples reproduce the published parameter counts, with convdims
standing in for Keras.

Published figures: Keras Applications (VGG16, MobileNet v1 alpha 1 at 224, ResNet50,
all with the 1000-class top) and the source article's worked example.
"""

from __future__ import annotations

import contextlib
import io
import pathlib
import runpy

import pytest

from convdims import keras
from convdims.standin import frameworks

SNIPPETS = pathlib.Path(__file__).parents[1] / "docs" / "snippets"


def run_snippet(name: str):
    keras.backend.clear_session()
    out = io.StringIO()
    with frameworks(), contextlib.redirect_stdout(out):  # the files import real keras
        namespace = runpy.run_path(str(SNIPPETS / f"{name}.py"))
    return namespace["model"], out.getvalue()


def counts(model):
    trainable = sum(w.size for w in model.trainable_weights)
    non_trainable = sum(w.size for w in model.non_trainable_weights)
    return model.count_params(), trainable, non_trainable


@pytest.mark.parametrize(
    ("name", "total", "non_trainable"),
    [
        ("keras_vgg16", 138_357_544, 0),
        ("keras_mobilenet", 4_253_864, 21_888),
        ("keras_resnet50", 25_636_712, 53_120),
    ],
)
def test_published_counts(name, total, non_trainable):
    model, printed = run_snippet(name)
    assert counts(model) == (total, total - non_trainable, non_trainable)
    assert model.output_shape == (None, 1000)
    assert f" Total params: {total:,} (" in printed
    assert f" Non-trainable params: {non_trainable:,} (" in printed


def test_seed_example():
    model, printed = run_snippet("keras_seed")
    conv, pool = model.layers
    assert (conv.output_shape, conv.count_params()) == ((None, 30, 30, 5), 140)
    assert (pool.output_shape, pool.count_params()) == ((None, 15, 15, 5), 0)
    assert " Total params: 140 (560.00 B)" in printed


def test_resnet50_has_the_keras_layer_order():
    """Keras lists a stage's projection shortcut after the main path's first two convs."""
    model, _ = run_snippet("keras_resnet50")
    names = [layer.name for layer in model.layers]
    assert names[:3] == ["input_layer", "conv1_pad", "conv1_conv"]
    assert names.index("conv3_block1_0_conv") > names.index("conv3_block1_2_conv")
    assert len(names) == 177

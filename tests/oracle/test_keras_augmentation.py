"""Keras's augmentation, noise and resizing layers (``RandomFlip``, ``RandomRotation``,
``RandomZoom``, ``RandomContrast``, ``RandomTranslation``, ``RandomBrightness``,
``GaussianNoise``, ``GaussianDropout``, ``AlphaDropout``, ``ActivityRegularization``,
``Identity``, ``Resizing``, ``CenterCrop``, ``RandomCrop``): the summary of a keras-io
style model that augments, then resizes, is Keras's, in both data formats; bad
arguments are refused with Keras's exception classes."""

from __future__ import annotations

import pytest

from convdims import keras as ck


def _model(keras, data_format):
    keras.backend.clear_session()  # auto-numbered names start again, in both
    layers = keras.layers
    shape = (3, 40, 48) if data_format == "channels_first" else (40, 48, 3)
    augment = keras.Sequential(
        [
            layers.RandomFlip("horizontal", data_format=data_format),
            layers.RandomRotation(0.1, data_format=data_format),
            layers.RandomZoom(0.2, data_format=data_format),
            layers.RandomTranslation(0.1, (-0.2, 0.2), data_format=data_format),
            layers.RandomContrast(0.3),
            layers.RandomBrightness(0.2),
        ],
        name="augment",
    )
    inputs = keras.Input(shape)
    x = augment(inputs)
    x = layers.Resizing(32, 36, data_format=data_format)(x)
    x = layers.CenterCrop(30, 30, data_format=data_format)(x)
    x = layers.RandomCrop(28, 28, data_format=data_format)(x)
    x = layers.GaussianNoise(0.1)(x)
    x = layers.Conv2D(8, 3, data_format=data_format)(x)
    x = layers.GaussianDropout(0.2)(x)
    x = layers.Flatten()(x)
    x = layers.AlphaDropout(0.1)(x)
    x = layers.ActivityRegularization(l1=0.01)(x)
    x = layers.Identity()(x)
    outputs = layers.Dense(4)(x)
    return keras.Model(inputs, outputs, name="augmented")


def _summary(model) -> str:
    lines: list[str] = []
    model.summary(print_fn=lambda line, **_: lines.append(line), expand_nested=True)
    return "\n".join(lines)


@pytest.mark.parametrize("data_format", ["channels_last", "channels_first"])
def test_summary_is_keras(keras, data_format) -> None:
    real = _model(keras, data_format)
    ours = _model(ck, data_format)
    assert ours.output_shape == real.output_shape
    assert ours.count_params() == real.count_params()
    assert _summary(ours) == _summary(real)


@pytest.mark.parametrize(
    "build",
    [
        lambda layers: layers.RandomRotation(0.1, fill_mode="mirror"),
        lambda layers: layers.RandomZoom(0.1, interpolation="cubic"),
        lambda layers: layers.RandomTranslation(1.5, 0.1),
        lambda layers: layers.RandomContrast(1.5),
        lambda layers: layers.RandomBrightness(2.0),
        lambda layers: layers.GaussianDropout(1.5),
        lambda layers: layers.AlphaDropout(-0.1),
        lambda layers: layers.CenterCrop(8, 8, data_format="channels_middle"),
    ],
)
def test_refusals_are_keras(keras, build) -> None:
    with pytest.raises(Exception) as real:  # noqa: PT011 - the class is compared
        build(keras.layers)
    with pytest.raises(Exception) as ours:  # noqa: PT011 - the class is compared
        build(ck.layers)
    assert isinstance(ours.value, type(real.value)), (real.value, ours.value)

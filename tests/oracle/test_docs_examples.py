"""What the worked examples (docs/examples/*.md) say about Keras and PyTorch, checked on the
real frameworks.

Each test is named after the claim it checks. The snippets the pages show are checked
against the real frameworks by tests/oracle/test_snippets.py.
"""

from __future__ import annotations

import contextlib
import io
import runpy
import warnings
from pathlib import Path

import pytest

from convdims import (
    conv_output_size,
    conv_transpose_output_size,
    pool_output_size,
    same_padding,
    standin,
)

# numpy comes with torch (requirements-oracle.txt); without it these tests skip.
np = pytest.importorskip(
    "numpy", reason="the oracle needs numpy: pip install -r requirements-oracle.txt"
)

SNIPPETS = Path(__file__).resolve().parents[2] / "docs" / "snippets"


def dialect_model(name: str):
    """The ``model`` a snippet builds with convdims standing in."""
    with standin.frameworks() as modules, contextlib.redirect_stdout(io.StringIO()):
        modules["keras.backend"].clear_session()
        return runpy.run_path(str(SNIPPETS / name), run_name="__main__")["model"]


def quiet(function, *args, **kwargs):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return function(*args, **kwargs)


@pytest.fixture()
def frameworks(keras, torch, torchinfo, monkeypatch):
    monkeypatch.setenv("COLUMNS", "80")
    keras.backend.clear_session(free_memory=False)
    return keras, torch


# --------------------------------------------------------------------------------------
# Helpers to compare outputs numerically across the frameworks


def keras_conv_like_torch(keras, conv, layer):
    """Copy a torch Conv2d's weights into a built Keras Conv2D."""
    kernel = conv.weight.detach().numpy().transpose(2, 3, 1, 0)  # (k, k, in, out)
    weights = [kernel]
    if conv.bias is not None:
        weights.append(conv.bias.detach().numpy())
    layer.set_weights(weights)


def keras_call(model, x):
    """Run a Keras model (torch backend) on a NumPy batch; return NumPy."""
    y = model(x)
    return y.detach().cpu().numpy()


def nchw(torch, x_nhwc):
    return torch.from_numpy(np.ascontiguousarray(x_nhwc.transpose(0, 3, 1, 2)))


def to_nhwc(y):
    return y.detach().numpy().transpose(0, 2, 3, 1)


# --------------------------------------------------------------------------------------
# The P=3 case


def test_keras_conv2d_takes_only_padding_words_not_integers(keras):
    for word in ("valid", "same"):
        keras.layers.Conv2D(5, 3, padding=word)
    with pytest.raises(AttributeError):  # Keras 3.15 calls padding.lower()
        keras.layers.Conv2D(5, 3, padding=3)
    with pytest.raises(ValueError):
        keras.layers.Conv2D(5, 3, padding="full")


def test_zero_padding_then_valid_conv_equals_torch_padding_3(frameworks):
    keras, torch = frameworks
    torch.manual_seed(0)
    conv = torch.nn.Conv2d(3, 5, kernel_size=3, padding=3)
    x = np.random.default_rng(0).standard_normal((1, 32, 32, 3)).astype("float32")
    keras_conv = keras.layers.Conv2D(5, 3)
    model = keras.Sequential(
        [keras.Input((32, 32, 3)), keras.layers.ZeroPadding2D(3), keras_conv]
    )
    keras_conv_like_torch(keras, conv, keras_conv)
    ours = keras_call(model, x)
    theirs = to_nhwc(conv(nchw(torch, x)))
    side = conv_output_size(32, 3, padding=3)
    assert ours.shape == theirs.shape == (1, side, side, 5) == (1, 36, 36, 5)
    np.testing.assert_allclose(ours, theirs, atol=1e-5)


# --------------------------------------------------------------------------------------
# Odd sizes


def test_keras_same_pads_the_odd_cell_after_at_11_k2_s2(frameworks):
    keras, torch = frameworks
    torch.manual_seed(0)
    conv = torch.nn.Conv2d(2, 3, kernel_size=2, stride=2)
    x = np.random.default_rng(1).standard_normal((1, 11, 11, 2)).astype("float32")
    same = keras.layers.Conv2D(3, 2, strides=2, padding="same")
    model = keras.Sequential([keras.Input((11, 11, 2)), same])
    keras_conv_like_torch(keras, conv, same)
    ours = keras_call(model, x)
    before, after = same_padding(11, 2, stride=2)
    assert (before, after) == (0, 1)
    padded = torch.nn.ZeroPad2d((before, after, before, after))(nchw(torch, x))
    theirs = to_nhwc(conv(padded))
    assert ours.shape[1:3] == (6, 6)
    np.testing.assert_allclose(ours, theirs, atol=1e-5)


def test_torch_padding_same_refuses_stride_2(torch):
    with pytest.raises(ValueError):
        torch.nn.Conv2d(8, 8, kernel_size=2, stride=2, padding="same")


def test_torch_ceil_mode_last_window_reads_only_the_last_cell(torch):
    x = torch.randn(1, 1, 11, 11)
    y = torch.nn.MaxPool2d(2, ceil_mode=True)(x)
    assert tuple(y.shape[-2:]) == (6, 6) == (pool_output_size(11, 2, ceil_mode=True),) * 2
    assert torch.equal(y[0, 0, -1, -1], x[0, 0, 10, 10])
    assert torch.equal(y[0, 0, -1, :5], x[0, 0, 10, :10].reshape(5, 2).max(dim=1).values)


def test_torch_ceil_mode_with_padding_1_drops_the_window_in_the_padding(torch):
    y = torch.nn.MaxPool2d(2, padding=1, ceil_mode=True)(torch.zeros(1, 1, 11, 11))
    assert y.shape[-1] == 6


def test_pooling_strides_default_to_the_window(frameworks):
    keras, torch = frameworks
    assert keras.layers.MaxPooling2D(3).strides == (3, 3)
    assert torch.nn.MaxPool2d(3).stride == 3


# --------------------------------------------------------------------------------------
# AlexNet


def test_alexnet_first_layer_sizes_and_params(torch):
    paper = torch.nn.Conv2d(3, 96, kernel_size=11, stride=4)
    assert sum(p.numel() for p in paper.parameters()) == 34_944
    assert paper(torch.zeros(1, 3, 227, 227)).shape[-1] == 55
    assert paper(torch.zeros(1, 3, 224, 224)).shape[-1] == 54
    padded = torch.nn.Conv2d(3, 64, kernel_size=11, stride=4, padding=2)
    assert padded(torch.zeros(1, 3, 224, 224)).shape[-1] == 55


# --------------------------------------------------------------------------------------
# VGG16


def test_torch_adaptive_average_pooling_to_7_does_nothing_on_7x7(torch):
    x = torch.randn(1, 512, 7, 7)
    assert torch.equal(torch.nn.AdaptiveAvgPool2d((7, 7))(x), x)


def test_keras_vgg16_snippet_builds_what_applications_builds(keras):
    real = quiet(keras.applications.VGG16, weights=None)
    ours = dialect_model("keras_vgg16.py")
    assert real.count_params() == ours.count_params() == 138_357_544
    shapes = [tuple(layer.output.shape) for layer in real.layers]
    assert shapes == [tuple(layer.output_shape) for layer in ours.layers]


# --------------------------------------------------------------------------------------
# MobileNet


def test_keras_mobilenet_snippet_builds_what_applications_builds(keras):
    real = quiet(keras.applications.MobileNet, weights=None)
    ours = dialect_model("keras_mobilenet.py")
    real_fixed = sum(int(np.prod(w.shape)) for w in real.non_trainable_weights)
    ours_fixed = sum(w.size for w in ours.non_trainable_weights)
    assert real.count_params() == ours.count_params() == 4_253_864
    assert real_fixed == ours_fixed == 21_888


def test_torchinfo_mult_adds_equal_the_pages_mac_formula(torch, torchinfo):
    k, c, d, h = 3, 512, 512, 14
    standard = torch.nn.Conv2d(c, d, k, padding=1, bias=False)
    separable = torch.nn.Sequential(
        torch.nn.Conv2d(c, c, k, padding=1, groups=c, bias=False),
        torch.nn.Conv2d(c, d, 1, bias=False),
    )
    stats = torchinfo.summary(standard, input_size=(1, c, h, h), verbose=0)
    assert stats.total_mult_adds == k * k * c * d * h * h
    stats = torchinfo.summary(separable, input_size=(1, c, h, h), verbose=0)
    assert stats.total_mult_adds == k * k * c * h * h + c * d * h * h


def test_depthwise_is_a_convolution_with_groups_equal_to_channels(frameworks):
    keras, torch = frameworks
    dw = torch.nn.Conv2d(4, 4, 3, padding=1, groups=4, bias=False)
    layer = keras.layers.DepthwiseConv2D(3, padding="same", use_bias=False)
    model = keras.Sequential([keras.Input((6, 6, 4)), layer])
    layer.set_weights([dw.weight.detach().numpy().transpose(2, 3, 0, 1)])  # (k, k, C, 1)
    x = np.random.default_rng(2).standard_normal((1, 6, 6, 4)).astype("float32")
    np.testing.assert_allclose(keras_call(model, x), to_nhwc(dw(nchw(torch, x))), atol=1e-5)


# --------------------------------------------------------------------------------------
# ResNet50 stem


def test_keras_resnet50_pads_explicitly_then_uses_valid(keras):
    model = quiet(keras.applications.ResNet50, weights=None)
    assert model.get_layer("conv1_pad").get_config()["padding"] == ((3, 3), (3, 3))
    assert model.get_layer("conv1_conv").get_config()["padding"] == "valid"
    assert model.get_layer("pool1_pad").get_config()["padding"] == ((1, 1), (1, 1))
    assert model.get_layer("pool1_pool").get_config()["padding"] == "valid"
    ours = dialect_model("keras_resnet50.py")
    assert model.count_params() == ours.count_params() == 25_636_712
    fixed = sum(int(np.prod(w.shape)) for w in model.non_trainable_weights)
    assert fixed == sum(w.size for w in ours.non_trainable_weights) == 53_120


def test_keras_same_at_224_k7_s2_pads_2_before_3_after_unlike_torch_padding_3(frameworks):
    keras, torch = frameworks
    torch.manual_seed(0)
    conv = torch.nn.Conv2d(3, 4, kernel_size=7, stride=2, padding=3, bias=False)
    x = np.random.default_rng(3).standard_normal((1, 224, 224, 3)).astype("float32")
    same = keras.layers.Conv2D(4, 7, strides=2, padding="same", use_bias=False)
    model = keras.Sequential([keras.Input((224, 224, 3)), same])
    same.set_weights([conv.weight.detach().numpy().transpose(2, 3, 1, 0)])
    ours = keras_call(model, x)
    before, after = same_padding(224, 7, stride=2)
    assert (before, after) == (2, 3)
    unpadded = torch.nn.Conv2d(3, 4, kernel_size=7, stride=2, bias=False)
    unpadded.weight = conv.weight
    shifted = to_nhwc(
        unpadded(torch.nn.ZeroPad2d((before, after, before, after))(nchw(torch, x)))
    )
    np.testing.assert_allclose(ours, shifted, atol=1e-4)
    torch_out = to_nhwc(conv(nchw(torch, x)))
    assert ours.shape == torch_out.shape == (1, 112, 112, 4)
    assert not np.allclose(ours, torch_out, atol=1e-3)


def test_zero_padded_max_pooling_matches_torch_only_without_negative_values(frameworks):
    keras, torch = frameworks
    pool = keras.Sequential(
        [
            keras.Input((112, 112, 2)),
            keras.layers.ZeroPadding2D(1),
            keras.layers.MaxPooling2D(3, 2),
        ]
    )
    reference = torch.nn.MaxPool2d(kernel_size=3, stride=2, padding=1)
    rng = np.random.default_rng(4)
    x = np.abs(rng.standard_normal((1, 112, 112, 2))).astype("float32")  # after a ReLU
    ours = keras_call(pool, x)
    assert ours.shape[1] == pool_output_size(112, 3, stride=2, padding=1) == 56
    np.testing.assert_allclose(ours, to_nhwc(reference(nchw(torch, x))))
    negative = -x
    ours = keras_call(pool, negative)
    assert not np.allclose(ours, to_nhwc(reference(nchw(torch, negative))))


def test_keras_same_max_pooling_at_112_pads_only_after(frameworks):
    keras, torch = frameworks
    x = np.random.default_rng(5).standard_normal((1, 112, 112, 2)).astype("float32")
    pool = keras.Sequential(
        [keras.Input((112, 112, 2)), keras.layers.MaxPooling2D(3, 2, "same")]
    )
    ours = keras_call(pool, x)
    before, after = same_padding(112, 3, stride=2)
    assert (before, after) == (0, 1)
    padded = torch.nn.functional.pad(
        nchw(torch, x), (before, after, before, after), value=-np.inf
    )
    np.testing.assert_allclose(ours, to_nhwc(torch.nn.functional.max_pool2d(padded, 3, 2)))


def test_torch_batchnorm_keeps_running_statistics_as_buffers(torch):
    bn = torch.nn.BatchNorm2d(64)
    assert sum(p.numel() for p in bn.parameters()) == 2 * 64
    buffers = dict(bn.named_buffers())
    assert buffers["running_mean"].numel() == buffers["running_var"].numel() == 64


def test_keras_batchnorm_counts_moving_statistics_as_non_trainable(keras):
    bn = keras.layers.BatchNormalization()
    bn.build((None, 8, 8, 64))
    assert bn.count_params() == 4 * 64
    assert sum(int(np.prod(w.shape)) for w in bn.non_trainable_weights) == 2 * 64


def test_torch_stem_ceil_mode_gives_57(torch):
    y = torch.nn.MaxPool2d(3, stride=2, padding=1, ceil_mode=True)(
        torch.zeros(1, 1, 112, 112)
    )
    assert (
        y.shape[-1] == pool_output_size(112, 3, stride=2, padding=1, ceil_mode=True) == 57
    )


# --------------------------------------------------------------------------------------
# U-Net decoder


def test_keras_conv2d_transpose_same_default_doubles_and_concatenate_refuses_mismatch(
    keras,
):
    skip = keras.Input((19, 19, 8))
    low = keras.Input((10, 10, 8))
    up = keras.layers.Conv2DTranspose(8, 3, strides=2, padding="same")(low)
    assert tuple(up.shape) == (None, 20, 20, 8)
    assert conv_transpose_output_size(10, 3, 2, "same") == 20
    with pytest.raises(ValueError):
        keras.layers.Concatenate()([skip, up])
    fitted = keras.layers.Conv2DTranspose(
        8, 3, strides=2, padding="same", output_padding=0
    )(low)
    assert tuple(fitted.shape) == (None, 19, 19, 8)
    keras.layers.Concatenate()([skip, fitted])


def test_torch_conv_transpose_output_size_argument_picks_output_padding(torch):
    up = torch.nn.ConvTranspose2d(8, 8, kernel_size=3, stride=2, padding=1)
    x = torch.zeros(1, 8, 10, 10)
    assert up(x).shape[-1] == conv_transpose_output_size(10, 3, 2, 1) == 19
    assert up(x, output_size=(20, 20)).shape[-1] == 20
    assert up(x, output_size=(19, 19)).shape[-1] == 19


def test_original_unet_crops_64_to_56(keras):
    skip = keras.Input((64, 64, 512))
    low = keras.Input((28, 28, 1024))
    up = keras.layers.Conv2DTranspose(512, 2, strides=2)(low)
    assert tuple(up.shape) == (None, 56, 56, 512)
    cropped = keras.layers.Cropping2D((64 - 56) // 2)(skip)
    assert tuple(keras.layers.Concatenate()([cropped, up]).shape) == (None, 56, 56, 1024)

"""The framework claims of the errata, the reference pages and the how-to pages, checked
against the real Keras and PyTorch.

Each test is named after the claim a page makes. Expected sizes come from the convdims
core, so a test fails if the framework and the library (and therefore the page) disagree.
"""

from __future__ import annotations

import inspect
import subprocess
import sys
import warnings

import pytest

from convdims import (
    conv_output_size,
    conv_params,
    conv_transpose_output_size,
    conventions,
    pool_output_size,
    same_padding,
)

# numpy comes with torch (requirements-oracle.txt); without it these tests skip.
np = pytest.importorskip(
    "numpy", reason="the oracle needs numpy: pip install -r requirements-oracle.txt"
)

RNG = np.random.default_rng(4)


# --------------------------------------------------------------------------------------
# helpers


def numpy(tensor):
    """A Keras (torch backend) or PyTorch tensor as numpy, without Keras's converter (it
    trips a NumPy 2 DeprecationWarning on this backend)."""
    return tensor.detach().cpu().numpy()


def keras_out(keras, layer, shape):
    """Run a Keras layer on random data; return the input and the output (channels last)."""
    x = RNG.standard_normal(shape).astype("float32")
    return x, numpy(layer(x))


def keras_shape(keras, layers_, shape):
    model = keras.Sequential([keras.Input(shape), *layers_])
    return tuple(model.output_shape)


def torch_shape(torch, module, shape):
    with torch.no_grad():
        return tuple(module(torch.zeros(shape)).shape)


def copy_conv(torch, keras_conv, torch_conv):
    """Keras kernel (h, w, in, out) -> PyTorch weight (out, in, h, w); same bias."""
    kernel, bias = (
        keras_conv_weight.detach().cpu()
        for keras_conv_weight in (keras_conv.kernel.value, keras_conv.bias.value)
    )
    with torch.no_grad():
        torch_conv.weight.copy_(kernel.permute(3, 2, 0, 1))
        torch_conv.bias.copy_(bias)


def torch_from_keras_input(torch, x):
    return torch.from_numpy(np.ascontiguousarray(x.transpose(0, 3, 1, 2)))


def to_channels_last(y):
    return y.detach().numpy().transpose(0, 2, 3, 1)


# --------------------------------------------------------------------------------------
# errata


def test_keras_conv2d_takes_no_integer_padding(keras):
    with pytest.raises((ValueError, TypeError, AttributeError)):
        keras.layers.Conv2D(5, 3, padding=3)


def test_p3_is_36_in_keras_with_zero_padding_and_in_pytorch(keras, torch):
    expected = conv_output_size(32, 3, padding=3)
    layers = keras.layers
    assert keras_shape(
        keras, [layers.ZeroPadding2D(3), layers.Conv2D(5, 3)], (32, 32, 3)
    ) == (None, expected, expected, 5)
    assert torch_shape(torch, torch.nn.Conv2d(3, 5, 3, padding=3), (1, 3, 32, 32)) == (
        1,
        5,
        expected,
        expected,
    )


def test_conv_stride_defaults_to_one(keras, torch):
    assert keras.layers.Conv2D(5, 3).strides == (1, 1)
    assert torch.nn.Conv2d(3, 5, 3).stride == (1, 1)


def test_parameter_count_with_and_without_bias(keras, torch):
    for use_bias in (True, False):
        layer = keras.layers.Conv2D(5, 3, use_bias=use_bias)
        keras_shape(keras, [layer], (32, 32, 3))
        module = torch.nn.Conv2d(3, 5, 3, padding=3, bias=use_bias)
        expected = conv_params(3, 3, 5, use_bias=use_bias)
        assert layer.count_params() == expected
        assert sum(p.numel() for p in module.parameters()) == expected


def test_pooling_stride_defaults_to_pool_size(keras, torch):
    assert keras.layers.MaxPooling2D(3).strides == (3, 3)
    assert keras.layers.MaxPooling2D((2, 3)).strides == (2, 3)
    assert torch.nn.MaxPool2d(3).stride == 3
    expected = pool_output_size(30, 3)
    assert keras_shape(keras, [keras.layers.MaxPooling2D(3)], (30, 30, 5)) == (
        None,
        expected,
        expected,
        5,
    )
    assert torch_shape(torch, torch.nn.MaxPool2d(3), (1, 5, 30, 30)) == (
        1,
        5,
        expected,
        expected,
    )
    assert expected != pool_output_size(30, 3, stride=2)


def test_pooling_takes_padding_dilation_and_ceil_mode(keras, torch):
    assert "padding" in inspect.signature(keras.layers.MaxPooling2D).parameters
    for name in ("padding", "dilation", "ceil_mode"):
        assert name in inspect.signature(torch.nn.MaxPool2d).parameters
    for name in ("padding", "ceil_mode", "count_include_pad"):
        assert name in inspect.signature(torch.nn.AvgPool2d).parameters
    same = pool_output_size(30, 3, padding="same")
    assert keras_shape(
        keras, [keras.layers.MaxPooling2D(3, padding="same")], (30, 30, 1)
    ) == (None, same, same, 1)
    for module, expected in (
        (torch.nn.MaxPool2d(3, padding=1), pool_output_size(30, 3, padding=1)),
        (torch.nn.MaxPool2d(2, dilation=2), pool_output_size(30, 2, dilation=2)),
        (torch.nn.MaxPool2d(4, ceil_mode=True), pool_output_size(30, 4, ceil_mode=True)),
    ):
        assert torch_shape(torch, module, (1, 1, 30, 30))[2:] == (expected, expected)


def test_rectangular_input_follows_the_formula_per_axis(keras, torch):
    h, w = conv_output_size(32, 3), conv_output_size(48, 5)
    layer = keras.layers.Conv2D(5, (3, 5))
    assert keras_shape(keras, [layer], (32, 48, 3)) == (None, h, w, 5)
    assert layer.count_params() == conv_params((3, 5), 3, 5)
    assert torch_shape(torch, torch.nn.Conv2d(3, 5, (3, 5)), (1, 3, 32, 48)) == (1, 5, h, w)


def test_odd_input_floor_same_and_ceil_mode(keras, torch):
    floor = conv_output_size(11, 2, stride=2)
    same = conv_output_size(11, 2, stride=2, padding="same")
    assert (
        keras_shape(keras, [keras.layers.Conv2D(1, 2, strides=2)], (11, 11, 1))[1] == floor
    )
    assert (
        keras_shape(
            keras, [keras.layers.Conv2D(1, 2, strides=2, padding="same")], (11, 11, 1)
        )[1]
        == same
    )
    assert torch_shape(torch, torch.nn.MaxPool2d(2, ceil_mode=True), (1, 1, 11, 11))[2] == (
        pool_output_size(11, 2, ceil_mode=True)
    )


def test_keras_layer_names_are_numbered_per_session(keras):
    first, second = keras.layers.Conv2D(5, 3), keras.layers.Conv2D(5, 3)

    def number(name):
        return int(name.rpartition("_")[2]) if name != "conv2d" else 0

    assert first.name.startswith("conv2d") and second.name.startswith("conv2d")
    assert number(second.name) == number(first.name) + 1


# --------------------------------------------------------------------------------------
# formula sheet


def test_keras_refuses_stride_with_dilation(keras):
    with pytest.raises(ValueError):
        keras.layers.Conv2D(4, 3, strides=2, dilation_rate=2)


def test_keras_causal_padding_is_conv1d_only(keras):
    expected = conv_output_size(10, 3, padding="causal", dilation=2)
    layer = keras.layers.Conv1D(2, 3, padding="causal", dilation_rate=2)
    assert keras_shape(keras, [layer], (10, 1)) == (None, expected, 2)
    with pytest.raises(ValueError):
        keras.layers.Conv2D(2, 3, padding="causal")


def test_pytorch_same_is_stride_one_only(torch):
    with pytest.raises(ValueError):
        torch.nn.Conv2d(3, 4, 3, stride=2, padding="same")


def test_pytorch_same_split_puts_the_extra_cell_after(torch):
    """nn.Conv2d(padding='same') with k=4 equals ZeroPad2d with TensorFlow's split."""
    before, after = same_padding(20, 4)
    same = torch.nn.Conv2d(1, 2, 4, padding="same")
    explicit = torch.nn.Sequential(
        torch.nn.ZeroPad2d((before, after, before, after)), torch.nn.Conv2d(1, 2, 4)
    )
    explicit[1].load_state_dict(same.state_dict())
    x = torch.from_numpy(RNG.standard_normal((1, 1, 20, 20)).astype("float32"))
    with torch.no_grad(), warnings.catch_warnings():
        warnings.simplefilter(
            "ignore", UserWarning
        )  # even kernel: PyTorch warns, see below
        assert torch.allclose(same(x), explicit(x), atol=1e-5)


def test_pytorch_warns_about_even_kernels_with_same(torch):
    """PyTorch warns once per process, so ask a fresh one."""
    code = (
        "import torch\ntorch.nn.Conv2d(1, 1, 4, padding='same')(torch.zeros(1, 1, 8, 8))\n"
    )
    result = subprocess.run(
        [sys.executable, "-W", "error::UserWarning", "-c", code],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode != 0
    assert "even kernel" in result.stderr


def test_pytorch_pool_padding_at_most_half_the_window(torch):
    assert torch_shape(torch, torch.nn.MaxPool2d(3, 2, padding=1), (1, 1, 11, 11))[2] == (
        pool_output_size(11, 3, stride=2, padding=1)
    )
    with pytest.raises(RuntimeError, match="half"):
        torch_shape(torch, torch.nn.MaxPool2d(3, 2, padding=2), (1, 1, 11, 11))
    with pytest.raises(ValueError):
        conventions.get("torch").output_size("pool", 11, 3, stride=2, padding=2)


def test_keras_pooling_takes_no_integer_padding(keras):
    with pytest.raises(ValueError, match="'valid' or 'same'"):
        keras.layers.MaxPooling2D(2, padding=1).compute_output_shape((None, 8, 8, 1))


def test_transposed_sizes_and_output_padding_none_versus_zero(keras, torch):
    for padding, extra in (("valid", None), ("valid", 1), ("same", None), ("same", 0)):
        layer = keras.layers.Conv2DTranspose(
            4, 3, strides=2, padding=padding, output_padding=extra
        )
        expected = conv_transpose_output_size(12, 3, 2, padding, extra)
        assert tuple(keras_shape(keras, [layer], (12, 12, 3))) == (
            None,
            expected,
            expected,
            4,
        )
    for extra, dilation in ((1, 1), (0, 2)):
        module = torch.nn.ConvTranspose2d(
            3, 4, 3, 2, padding=1, output_padding=extra, dilation=dilation
        )
        expected = conv_transpose_output_size(12, 3, 2, 1, extra, dilation)
        assert torch_shape(torch, module, (1, 3, 12, 12))[2] == expected
    with pytest.raises(ValueError):
        keras.layers.Conv2DTranspose(4, 3, strides=2, padding="same", output_padding=2)


def test_batchnorm_counts_4c_in_keras_and_2c_in_pytorch(keras, torch):
    layer = keras.layers.BatchNormalization()
    keras_shape(keras, [layer], (8, 8, 64))
    assert layer.count_params() == 4 * 64
    assert sum(int(np.prod(w.shape)) for w in layer.trainable_weights) == 2 * 64
    assert sum(p.numel() for p in torch.nn.BatchNorm2d(64).parameters()) == 2 * 64


def test_global_average_pooling_drops_the_spatial_axes(keras):
    assert keras_shape(keras, [keras.layers.GlobalAveragePooling2D()], (7, 7, 512)) == (
        None,
        512,
    )


def test_keras_defaults_to_channels_last(keras):
    assert keras.config.image_data_format() == "channels_last"


def test_count_include_pad_defaults_to_true_and_keras_excludes_padding(keras, torch):
    assert (
        inspect.signature(torch.nn.AvgPool2d).parameters["count_include_pad"].default
        is True
    )
    x = np.ones((1, 4, 4, 1), dtype="float32")
    keras_avg = numpy(keras.layers.AveragePooling2D(3, strides=1, padding="same")(x))
    assert np.allclose(keras_avg, 1.0)  # padded cells ignored: the average of ones is one
    t = torch.ones(1, 1, 4, 4)
    with torch.no_grad():
        included = torch.nn.AvgPool2d(3, stride=1, padding=1)(t)
        excluded = torch.nn.AvgPool2d(3, stride=1, padding=1, count_include_pad=False)(t)
    assert included[0, 0, 0, 0].item() < 1.0
    assert torch.allclose(excluded, torch.ones_like(excluded))


def test_zero_padding_orders_differ_between_frameworks(keras, torch):
    """Keras ((top, bottom), (left, right)); PyTorch (left, right, top, bottom)."""
    x = RNG.standard_normal((1, 5, 6, 1)).astype("float32")
    k = numpy(keras.layers.ZeroPadding2D(((1, 2), (3, 4)))(x))
    t = torch.nn.ZeroPad2d((3, 4, 1, 2))(torch_from_keras_input(torch, x))
    assert k.shape == (1, 8, 13, 1)
    np.testing.assert_array_equal(to_channels_last(t), k)


def test_mult_adds_are_output_positions_times_parameters(torch, torchinfo):
    stats = torchinfo.summary(
        torch.nn.Conv2d(3, 5, 3), input_size=(1, 3, 32, 32), verbose=0
    )
    side = conv_output_size(32, 3)
    assert stats.total_mult_adds == side * side * conv_params(3, 3, 5)


def test_max_pool_padding_is_never_the_maximum(torch):
    """PyTorch's max pooling pads with -inf: all-negative inputs stay negative."""
    x = -torch.ones(1, 1, 5, 5)
    with torch.no_grad():
        y = torch.nn.MaxPool2d(3, stride=1, padding=1)(x)
    assert torch.all(y == -1)


# --------------------------------------------------------------------------------------
# how-to: keep the size, halve it


@pytest.mark.parametrize(("kernel", "dilation"), [(3, 1), (5, 1), (2, 1), (4, 1), (3, 2)])
def test_same_keeps_the_size_at_stride_one(keras, torch, kernel, dilation):
    size = conv_output_size(32, kernel, 1, "same", dilation)
    assert size == 32
    layer = keras.layers.Conv2D(2, kernel, padding="same", dilation_rate=dilation)
    assert keras_shape(keras, [layer], (32, 32, 1)) == (None, size, size, 2)
    module = torch.nn.Conv2d(1, 2, kernel, padding="same", dilation=dilation)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)  # even kernels warn; shapes are right
        assert torch_shape(torch, module, (1, 1, 32, 32))[2] == size


def test_even_kernel_cannot_keep_the_size_with_integer_padding(torch):
    for padding in (1, 2):
        assert (
            torch_shape(torch, torch.nn.Conv2d(1, 1, 4, padding=padding), (1, 1, 32, 32))[2]
            == conv_output_size(32, 4, padding=padding)
            != 32
        )


def test_pooling_keeps_the_size_only_with_stride_one(keras, torch):
    for k in (2, 3):
        layer = keras.layers.MaxPooling2D(k, strides=1, padding="same")
        assert keras_shape(keras, [layer], (32, 32, 1))[1] == pool_output_size(
            32, k, 1, "same"
        )
    for k in (3, 5):
        module = torch.nn.MaxPool2d(k, stride=1, padding=k // 2)
        assert (
            torch_shape(torch, module, (1, 1, 32, 32))[2]
            == pool_output_size(32, k, 1, k // 2)
            == 32
        )
    assert torch_shape(torch, torch.nn.MaxPool2d(2, 1, 1), (1, 1, 32, 32))[2] == (
        pool_output_size(32, 2, 1, 1)
    )


@pytest.mark.parametrize("size", [224, 225, 7, 8])
def test_halving_recipes(keras, torch, size):
    layers, nn = keras.layers, torch.nn
    keras_cases = [
        (
            layers.Conv2D(1, 3, strides=2, padding="same"),
            conv_output_size(size, 3, 2, "same"),
        ),
        (
            layers.Conv2D(1, 4, strides=2, padding="same"),
            conv_output_size(size, 4, 2, "same"),
        ),
        (layers.Conv2D(1, 2, strides=2), conv_output_size(size, 2, 2)),
        (layers.MaxPooling2D(2), pool_output_size(size, 2)),
        (layers.MaxPooling2D(2, padding="same"), pool_output_size(size, 2, padding="same")),
    ]
    for layer, expected in keras_cases:
        assert keras_shape(keras, [layer], (size, size, 1))[1] == expected
    torch_cases = [
        (nn.Conv2d(1, 1, 3, stride=2, padding=1), conv_output_size(size, 3, 2, 1)),
        (nn.Conv2d(1, 1, 7, stride=2, padding=3), conv_output_size(size, 7, 2, 3)),
        (nn.Conv2d(1, 1, 2, stride=2), conv_output_size(size, 2, 2)),
        (nn.Conv2d(1, 1, 4, stride=2, padding=1), conv_output_size(size, 4, 2, 1)),
        (nn.MaxPool2d(2), pool_output_size(size, 2)),
        (nn.MaxPool2d(2, ceil_mode=True), pool_output_size(size, 2, ceil_mode=True)),
        (nn.MaxPool2d(3, stride=2, padding=1), pool_output_size(size, 3, 2, 1)),
    ]
    for module, expected in torch_cases:
        assert torch_shape(torch, module, (1, 1, size, size))[2] == expected


# --------------------------------------------------------------------------------------
# how-to: port padding (values, not only shapes)


def _keras_conv_and_torch_copy(keras, torch, kernel, stride, padding="valid", channels=3):
    layer = keras.layers.Conv2D(8, kernel, strides=stride, padding=padding)
    x, y = keras_out(keras, layer, (1, 24, 24, channels))
    conv = torch.nn.Conv2d(channels, 8, kernel, stride=stride)
    copy_conv(torch, layer, conv)
    return x, y, conv


@pytest.mark.parametrize(
    ("kernel", "size"), [(7, 224), (3, 224), (3, 225), (2, 11), (1, 56)]
)
def test_keras_same_at_stride_two_equals_zeropad2d_then_conv(keras, torch, kernel, size):
    layer = keras.layers.Conv2D(8, kernel, strides=2, padding="same")
    x, y = keras_out(keras, layer, (1, size, size, 3))
    before, after = same_padding(size, kernel, 2)
    conv = torch.nn.Conv2d(3, 8, kernel, stride=2)
    copy_conv(torch, layer, conv)
    ported = torch.nn.Sequential(torch.nn.ZeroPad2d((before, after, before, after)), conv)
    with torch.no_grad():
        got = to_channels_last(ported(torch_from_keras_input(torch, x)))
    np.testing.assert_allclose(got, y, atol=1e-4)
    if before != after:  # the symmetric integer padding has the same size, other values
        symmetric = torch.nn.Conv2d(3, 8, kernel, stride=2, padding=kernel // 2)
        symmetric.load_state_dict(conv.state_dict())
        with torch.no_grad():
            shifted = to_channels_last(symmetric(torch_from_keras_input(torch, x)))
        assert shifted.shape == y.shape
        assert not np.allclose(shifted, y, atol=1e-3)


def test_pytorch_padding_equals_keras_zero_padding_then_valid(keras, torch):
    conv = keras.layers.Conv2D(8, 3)
    x = RNG.standard_normal((1, 32, 32, 3)).astype("float32")
    y = numpy(conv(keras.layers.ZeroPadding2D(3)(x)))
    module = torch.nn.Conv2d(3, 8, 3, padding=3)
    copy_conv(torch, conv, module)
    with torch.no_grad():
        got = to_channels_last(module(torch_from_keras_input(torch, x)))
    assert got.shape[1] == conv_output_size(32, 3, padding=3)
    np.testing.assert_allclose(got, y, atol=1e-4)


@pytest.mark.parametrize("kernel", [3, 5])
def test_keras_same_at_stride_one_equals_symmetric_integer_padding(keras, torch, kernel):
    layer = keras.layers.Conv2D(8, kernel, padding="same")
    x, y = keras_out(keras, layer, (1, 20, 20, 3))
    module = torch.nn.Conv2d(3, 8, kernel, padding=(kernel - 1) // 2)
    copy_conv(torch, layer, module)
    with torch.no_grad():
        np.testing.assert_allclose(
            to_channels_last(module(torch_from_keras_input(torch, x))), y, atol=1e-4
        )


# --------------------------------------------------------------------------------------
# how-to: output_padding for a decoder


def torch_output_padding(size, kernel, stride, padding):
    """a = (I + 2P - k) mod S: the cells the forward convolution's floor dropped."""
    return (size + 2 * padding - kernel) % stride


def keras_same_output_padding(size, kernel, stride):
    """Keras 'same' transposed: (O - 1)S + (k mod 2) + a = I with O = ceil(I/S)."""
    return size - (-(-size // stride) - 1) * stride - kernel % 2


@pytest.mark.parametrize("size", range(9, 18))
def test_decoder_output_padding_restores_the_size(keras, torch, size):
    layers = keras.layers
    extra = keras_same_output_padding(size, 3, 2)
    model = [
        layers.Conv2D(4, 3, strides=2, padding="same"),
        layers.Conv2DTranspose(1, 3, strides=2, padding="same", output_padding=extra),
    ]
    assert keras_shape(keras, model, (size, size, 1))[1] == size
    default = [
        layers.Conv2D(4, 3, strides=2, padding="same"),
        layers.Conv2DTranspose(1, 3, strides=2, padding="same"),
    ]
    assert (keras_shape(keras, default, (size, size, 1))[1] == size) == (size % 2 == 0)
    extra = torch_output_padding(size, 3, 2, 1)
    encode = torch.nn.Conv2d(1, 4, 3, stride=2, padding=1)
    decode = torch.nn.ConvTranspose2d(4, 1, 3, stride=2, padding=1, output_padding=extra)
    assert (
        torch_shape(torch, torch.nn.Sequential(encode, decode), (1, 1, size, size))[2]
        == size
    )
    with torch.no_grad():
        x = torch.zeros(1, 1, size, size)
        auto = torch.nn.ConvTranspose2d(4, 1, 3, stride=2, padding=1)(
            encode(x), output_size=x.shape
        )
    assert auto.shape[2] == size

"""The claims of issue 16's corrections and answers, checked against the real Keras 3 and
PyTorch: rounding in pooling, transposed convolutions (flipped kernel, cropping, stride-3
candidates, parameter counts, the one-cell shift of a Keras port), average pooling's
divisor with ``ceil_mode``, cells that windows never read, flattening before a dense
layer, upsampling and adaptive pooling sizes, padding modes, TensorFlow's "same" in
PyTorch for any size, and the error messages the pages quote.

Each test is named after a claim a page makes; the page computes its numbers with
convdims, and these tests require the frameworks to agree.
"""

from __future__ import annotations

import inspect
import runpy
import sys
from pathlib import Path

import numpy as np
import pytest

from convdims import (
    conv_geometry,
    conv_output_size,
    conv_params,
    pool_output_size,
    same_padding,
)
from convdims.resampling import adaptive_pool_windows, upsample_output_size
from convdims.transposed_geometry import transposed_geometry

DOCS = Path(__file__).resolve().parents[2] / "docs"
sys.path.insert(0, str(DOCS / "_lib"))

import pages  # noqa: E402  (docs/_lib/pages.py, as the build imports it)


def to_numpy(tensor) -> np.ndarray:
    """A Keras output (a torch tensor on the torch backend) as a NumPy array
    (keras.ops.convert_to_numpy trips a NumPy DeprecationWarning, an error here)."""
    return tensor.detach().cpu().numpy()


def one_hot_reads(y: np.ndarray) -> list[tuple[int, ...]]:
    """y[j, n]: output n when only input cell j is 1: the cells each output reads."""
    return [tuple(int(j) for j in np.nonzero(y[:, n])[0]) for n in range(y.shape[1])]


# -- rounding: Keras "same" pooling is not PyTorch's ceil_mode ------------------------


@pytest.mark.parametrize("size", [113, 112, 111, 57, 11])
def test_keras_same_pooling_and_torch_ceil_mode_are_different_roundings(keras, torch, size):
    x = np.zeros((1, size, size, 1), dtype="float32")
    keras_same = keras.layers.MaxPooling2D(3, 2, padding="same")(x).shape[1]
    t = torch.zeros(1, 1, size, size)
    floor = torch.nn.MaxPool2d(3, 2)(t).shape[-1]
    ceil = torch.nn.MaxPool2d(3, 2, ceil_mode=True)(t).shape[-1]
    assert keras_same == pool_output_size(size, 3, 2, "same") == -(-size // 2)
    assert floor == pool_output_size(size, 3, 2)
    assert ceil == pool_output_size(size, 3, 2, ceil_mode=True)
    if size == 113:
        assert (keras_same, floor, ceil) == (57, 56, 56)


# -- Caffe's pooling size: PyTorch's ceil_mode, and Keras's padding -----------------


@pytest.mark.parametrize(("size", "kernel", "stride", "padding"), pages.CAFFE_CASES)
def test_torch_ceil_mode_gives_caffes_pooling_size(torch, size, kernel, stride, padding):
    caffe = pages.caffe_pool_output_size(size, kernel, stride, padding)
    pool = torch.nn.MaxPool2d(kernel, stride, padding, ceil_mode=True)
    assert pool(torch.zeros(1, 1, size, size)).shape[-1] == caffe


@pytest.mark.parametrize(("size", "kernel", "stride", "padding"), pages.CAFFE_CASES)
def test_keras_explicit_padding_gives_caffes_windows(
    keras, torch, size, kernel, stride, padding
):
    """ZeroPadding2D((p, extra)) + valid MaxPooling2D gives Caffe's size, and on
    non-negative inputs (after a ReLU) its values, which PyTorch's ceil_mode computes."""
    before, after = pages.keras_caffe_padding(size, kernel, stride, padding)
    rng = np.random.default_rng(size)
    x = rng.random((1, size, size, 1)).astype("float32")  # non-negative, as after ReLU
    model = keras.Sequential(
        [
            keras.Input((size, size, 1)),
            keras.layers.ZeroPadding2D(((before, after), (before, after))),
            keras.layers.MaxPooling2D(kernel, stride),
        ]
    )
    keras_out = to_numpy(model(x))[0, :, :, 0]
    pool = torch.nn.MaxPool2d(kernel, stride, padding, ceil_mode=True)
    torch_out = pool(torch.from_numpy(x).permute(0, 3, 1, 2)).numpy()[0, 0]
    assert keras_out.shape[0] == pages.caffe_pool_output_size(size, kernel, stride, padding)
    np.testing.assert_allclose(keras_out, torch_out)


def test_caffes_rule_and_ceil_mode_differ_only_without_padding_and_k_below_s(torch):
    """Caffe drops a last window in the padding only when padding is set; PyTorch always."""
    assert pages.caffe_pool_output_size(5, 1, 3) == 3
    assert torch.nn.MaxPool1d(1, 3, ceil_mode=True)(torch.zeros(1, 1, 5)).shape[-1] == 2
    assert pool_output_size(5, 1, 3, ceil_mode=True) == 2


# -- average pooling with ceil_mode: the overhang is not in the divisor ---------------


@pytest.mark.parametrize("padding", [0, 1])
def test_avg_pool_ceil_mode_divisor_leaves_out_the_overhang(torch, padding):
    size, kernel, stride = 6, 3, 2
    pool = torch.nn.AvgPool1d(
        kernel, stride, padding, ceil_mode=True, count_include_pad=True
    )
    y = pool(torch.ones(1, 1, size))[0, 0].tolist()
    divisors = pages.avg_pool_divisors(size, kernel, stride, padding, ceil_mode=True)
    # ones in, so each output is (input cells in the window) / divisor
    g = pages.pool_cells(size, kernel, stride, padding, ceil_mode=True)
    assert y == pytest.approx(
        [len(cells) / d for cells, d in zip(g, divisors, strict=True)]
    )
    assert divisors[-1] < kernel  # the last window hangs over and is divided by less


# -- transposed convolutions ---------------------------------------------------------


def test_transposed_is_a_stride_1_conv_with_the_kernel_flipped_and_channels_swapped(torch):
    torch.manual_seed(0)
    size, kernel, stride, padding, output_padding = 5, 3, 2, 1, 1
    layer = torch.nn.ConvTranspose1d(
        2, 3, kernel, stride, padding, output_padding, bias=False
    )
    x = torch.randn(1, 2, size)
    g = transposed_geometry(size, kernel, stride, padding, output_padding)
    stretched = torch.zeros(1, 2, g.stretched_size)
    stretched[..., ::stride] = x
    padded = torch.nn.functional.pad(stretched, (g.implicit_before, g.implicit_after))
    weight = layer.weight.detach().flip(-1).transpose(0, 1)  # (out, in, k), flipped
    flipped = torch.nn.functional.conv1d(padded, weight)
    assert torch.allclose(layer(x), flipped, atol=1e-6)
    unflipped = torch.nn.functional.conv1d(padded, layer.weight.detach().transpose(0, 1))
    assert not torch.allclose(layer(x), unflipped, atol=1e-3)


def test_transposed_padding_beyond_k_minus_1_crops_the_stretched_input(torch):
    torch.manual_seed(1)
    size, kernel, padding = 8, 3, 3
    g = transposed_geometry(size, kernel, 1, padding)
    assert g.implicit_before == g.implicit_after == kernel - 1 - padding == -1
    layer = torch.nn.ConvTranspose1d(1, 1, kernel, 1, padding, bias=False)
    x = torch.randn(1, 1, size)
    cropped = x[..., -g.implicit_before : size + g.implicit_after]
    weight = layer.weight.detach().flip(-1).transpose(0, 1)
    assert torch.allclose(layer(x), torch.nn.functional.conv1d(cropped, weight), atol=1e-6)
    assert layer(x).shape[-1] == g.output_size


@pytest.mark.parametrize("stride", [2, 3, 4])
def test_output_padding_picks_one_of_s_candidates(torch, stride):
    kernel, padding, out = 3, 1, 6
    sizes = [n for n in range(1, 60) if conv_output_size(n, kernel, stride, padding) == out]
    assert len(sizes) == stride
    for n in sizes:
        a = (n + 2 * padding - kernel) % stride  # Dumoulin and Visin's relationship 14
        layer = torch.nn.ConvTranspose1d(1, 1, kernel, stride, padding, a)
        assert layer(torch.zeros(1, 1, out)).shape[-1] == n


def test_transposed_weights_match_the_mirrored_convolution_but_not_its_biases(keras, torch):
    conv = torch.nn.Conv2d(64, 128, 3)
    mirror = torch.nn.ConvTranspose2d(128, 64, 3)
    assert conv.weight.numel() == mirror.weight.numel()
    assert (conv.bias.numel(), mirror.bias.numel()) == (128, 64)
    count = sum(p.numel() for p in conv.parameters())
    mirrored = sum(p.numel() for p in mirror.parameters())
    assert count == conv_params(3, 64, 128)
    assert mirrored == conv_params(3, 128, 64) - 128 * 9 * 64 + 64 * 9 * 128  # same weights
    k_conv = keras.layers.Conv2D(128, 3)
    k_conv.build((None, 8, 8, 64))
    k_mirror = keras.layers.Conv2DTranspose(64, 3)
    k_mirror.build((None, 8, 8, 128))
    assert (k_conv.count_params(), k_mirror.count_params()) == (count, mirrored)


def test_keras_same_transposed_port_has_the_shape_but_shifts_values_by_one(keras, torch):
    """Conv2DTranspose(3, strides=2, "same") vs ConvTranspose2d(padding=1,
    output_padding=1): same shape; Keras crops 0 before and 1 after, PyTorch 1 and 0."""
    size = 6
    rng = np.random.default_rng(0)
    x = rng.standard_normal((1, size, size, 1)).astype("float32")
    layer = keras.layers.Conv2DTranspose(1, 3, strides=2, padding="same", use_bias=False)
    y_keras = to_numpy(layer(x))[0, :, :, 0]
    kernel = to_numpy(layer.kernel.value)  # (kh, kw, out, in)
    weight = torch.from_numpy(kernel).permute(3, 2, 0, 1).contiguous()  # (in, out, kh, kw)
    xt = torch.from_numpy(x).permute(0, 3, 1, 2)

    def torch_transpose(padding, output_padding):
        t = torch.nn.ConvTranspose2d(1, 1, 3, 2, padding, output_padding, bias=False)
        with torch.no_grad():
            t.weight.copy_(weight)
            return t(xt).numpy()[0, 0]

    y_torch = torch_transpose(1, 1)
    assert y_torch.shape == y_keras.shape == (2 * size, 2 * size)
    assert not np.allclose(y_torch, y_keras, atol=1e-4)
    np.testing.assert_allclose(y_torch[:-1, :-1], y_keras[1:, 1:], atol=1e-5)
    keras_crop = transposed_geometry(size, 3, 2, "same")
    torch_crop = transposed_geometry(size, 3, 2, 1, 1)
    assert (keras_crop.crop_before, keras_crop.crop_after - keras_crop.output_padding) == (
        0,
        1,
    )
    assert (torch_crop.crop_before, torch_crop.crop_after - torch_crop.output_padding) == (
        1,
        0,
    )
    # the port that computes Keras's numbers: no cropping before, one cell off the end
    full = torch_transpose(0, 0)
    np.testing.assert_allclose(full[:-1, :-1], y_keras, atol=1e-5)


# -- cells that no window reads -------------------------------------------------------


@pytest.mark.parametrize(
    ("size", "kernel", "stride", "before", "after"),
    [(11, 2, 2, 0, 0), (12, 3, 2, 0, 0), (12, 3, 2, 0, 1), (10, 3, 4, 1, 1),
     (14, 4, 3, 1, 1), (16, 1, 2, 0, 0), (9, 2, 3, 0, 0)],
)  # fmt: skip
def test_unread_cells_are_the_remainder_past_the_padding_and_the_gaps(
    torch, size, kernel, stride, before, after
):
    x = torch.eye(size).reshape(size, 1, size)
    pad = torch.nn.functional.pad(x, (before, after))
    y = torch.nn.functional.conv1d(pad, torch.ones(1, 1, kernel), stride=stride)
    read = {j for cells in one_hot_reads(y[:, 0, :].numpy()) for j in cells}
    unread = sorted(set(range(size)) - read)
    assert unread == pages.unread_cells(size, kernel, stride, before, after)


def test_a_1x1_stride_2_shortcut_reads_a_quarter_of_its_input(torch):
    size = 8
    conv = torch.nn.Conv2d(1, 1, 1, stride=2, bias=False)
    x = torch.randn(1, 1, size, size, requires_grad=True)
    conv(x).sum().backward()
    read = int((x.grad != 0).sum())
    unread_per_axis = len(pages.unread_cells(size, 1, 2, 0, 0))
    assert read == (size - unread_per_axis) ** 2 == size * size // 4


# -- cs231n's W=10, F=3, S=2 -----------------------------------------------------------


def test_nobody_raises_on_cs231ns_10_3_2(keras, torch):
    x = np.zeros((1, 10, 10, 1), dtype="float32")
    valid = keras.layers.Conv2D(1, 3, strides=2)(x).shape[1]
    same = keras.layers.Conv2D(1, 3, strides=2, padding="same")(x).shape[1]
    torch_out = torch.nn.Conv2d(1, 1, 3, stride=2)(torch.zeros(1, 1, 10, 10)).shape[-1]
    assert (valid, same, torch_out) == (
        conv_output_size(10, 3, 2),
        conv_output_size(10, 3, 2, "same"),
        conv_output_size(10, 3, 2),
    )
    g = conv_geometry(10, 3, 2)
    assert (10 - 3) % 2 == 1 and g.window_starts[-1] + 3 < 10  # the last cell is unread


# -- flattening before the first dense layer --------------------------------------------


def test_flatten_order_is_chw_in_torch_and_hwc_in_keras_and_dense_weights_port(
    keras, torch
):
    c, h, w, units = 3, 4, 5, 6
    rng = np.random.default_rng(0)
    x = rng.standard_normal((1, c, h, w)).astype("float32")
    flat_torch = torch.nn.Flatten()(torch.from_numpy(x)).numpy()
    flat_keras = to_numpy(keras.layers.Flatten()(x.transpose(0, 2, 3, 1)))
    assert flat_torch.shape == flat_keras.shape == (1, c * h * w)
    assert not np.allclose(flat_torch, flat_keras)
    linear = torch.nn.Linear(c * h * w, units)
    weight = linear.weight.detach().numpy()  # (units, C*H*W), C slowest
    port = runpy.run_path(
        str(DOCS / "snippets" / "framework_only" / "port_dense_weights.py")
    )
    kernel = port["linear_to_dense"](weight, c, h, w)
    np.testing.assert_array_equal(port["dense_to_linear"](kernel, c, h, w), weight)
    wrong = weight.T  # the rows left in PyTorch's order
    dense = keras.layers.Dense(units)
    dense.build((None, h * w * c))
    dense.set_weights([kernel, linear.bias.detach().numpy()])
    expected = linear(torch.from_numpy(flat_torch)).detach().numpy()
    np.testing.assert_allclose(to_numpy(dense(flat_keras)), expected, atol=1e-5)
    dense.set_weights([wrong, linear.bias.detach().numpy()])
    assert not np.allclose(to_numpy(dense(flat_keras)), expected, atol=1e-3)


def test_lazy_linear_infers_in_features_and_a_wrong_one_is_mat1_mat2(torch):
    lazy = torch.nn.LazyLinear(120)
    lazy(torch.zeros(1, 16 * 5 * 5))
    assert lazy.in_features == 400
    with pytest.raises(RuntimeError) as raised:
        torch.nn.Linear(256, 120)(torch.zeros(1, 400))
    assert str(raised.value) == pages.TORCH_ERRORS["linear"]


# -- upsampling and adaptive pooling ---------------------------------------------------


@pytest.mark.parametrize(
    ("size", "factor"),
    [(7, 2), (7, 1.5), (10, 2.5), (5, 0.3), (9, 1 / 3), (13, 0.5), (6, 1.75), (30, 0.1)],
)
@pytest.mark.parametrize("mode", ["nearest", "linear"])
def test_torch_upsample_rounds_the_scaled_size_down(torch, size, factor, mode):
    x = torch.zeros(1, 1, size)
    out = torch.nn.functional.interpolate(x, scale_factor=factor, mode=mode)
    assert out.shape[-1] == upsample_output_size(size, factor)
    up = torch.nn.Upsample(scale_factor=factor, mode=mode)
    assert up(x).shape[-1] == upsample_output_size(size, factor)
    assert sum(p.numel() for p in up.parameters()) == 0


def test_torch_upsample_errors(torch):
    x = torch.zeros(1, 1, 3)
    with pytest.raises(ValueError, match="only one of size or scale_factor"):
        torch.nn.functional.interpolate(x, size=5, scale_factor=2)
    with pytest.raises(ValueError, match="either size or scale_factor"):
        torch.nn.functional.interpolate(x)
    with pytest.raises(
        RuntimeError, match="Input and output sizes should be greater than 0"
    ):
        torch.nn.functional.interpolate(x, scale_factor=0.1)
    with pytest.raises(ValueError, match="at least 1"):
        upsample_output_size(3, 0.1)


def test_keras_upsampling_repeats_by_integers_only_and_has_no_weights(keras):
    x = np.zeros((1, 4, 5, 1), dtype="float32")
    layer = keras.layers.UpSampling2D(size=(2, 3))
    assert layer(x).shape[1:3] == (upsample_output_size(4, 2), upsample_output_size(5, 3))
    assert layer.count_params() == 0
    with pytest.raises(ValueError, match="must be a tuple of 2 integers"):
        keras.layers.UpSampling2D(size=1.5)
    one = np.arange(3, dtype="float32").reshape(1, 3, 1)
    repeated = to_numpy(keras.layers.UpSampling1D(2)(one))[0, :, 0].tolist()
    assert repeated == [0, 0, 1, 1, 2, 2]


@pytest.mark.parametrize(
    ("size", "out"), [(10, 4), (7, 3), (8, 4), (3, 4), (13, 7), (5, 5)]
)
@pytest.mark.parametrize("kind", ["AdaptiveMaxPool1d", "AdaptiveAvgPool1d"])
def test_adaptive_pooling_windows(torch, size, out, kind):
    pool = getattr(torch.nn, kind)(out)
    y = pool(torch.eye(size).reshape(size, 1, size))[:, 0, :].numpy()
    reads = one_hot_reads(y)
    assert reads == [tuple(range(a, b)) for a, b in adaptive_pool_windows(size, out)]


# -- padding modes ------------------------------------------------------------------------


@pytest.mark.parametrize("mode", ["zeros", "reflect", "replicate", "circular"])
def test_padding_mode_changes_values_not_sizes(torch, mode):
    conv = torch.nn.Conv2d(1, 1, 3, stride=2, padding=1, padding_mode=mode)
    assert conv(torch.zeros(1, 1, 11, 11)).shape[-1] == conv_output_size(11, 3, 2, 1)


def test_padding_mode_values_and_the_reflect_limit(torch):
    x = torch.arange(1.0, 5.0).reshape(1, 1, 4)
    seen = {}
    for mode, torch_mode in pages.PADDING_MODES.items():
        seen[mode] = torch.nn.functional.pad(x, (2, 2), mode=torch_mode)[0, 0].tolist()
    assert seen == {mode: [float(v) for v in row] for mode, row in
                    pages.padded_rows([1, 2, 3, 4], 2).items()}  # fmt: skip
    with pytest.raises(RuntimeError) as raised:
        torch.nn.Conv2d(1, 1, 3, padding=2, padding_mode="reflect")(torch.zeros(1, 1, 2, 2))
    assert str(raised.value) == pages.TORCH_ERRORS["reflect"]


def test_max_pooling_pads_with_minus_infinity(torch):
    x = -torch.ones(1, 1, 3)
    assert torch.nn.MaxPool1d(3, 1, padding=1)(x)[0, 0].tolist() == [-1.0, -1.0, -1.0]
    zero = torch.nn.functional.pad(x, (1, 1))
    assert torch.nn.MaxPool1d(3, 1)(zero)[0, 0].tolist() == [0.0, -1.0, 0.0]


def test_keras_convolutions_have_no_padding_mode(keras):
    for layer in (keras.layers.Conv1D, keras.layers.Conv2D, keras.layers.Conv3D):
        assert "padding_mode" not in inspect.signature(layer).parameters


# -- TensorFlow's "same" in PyTorch, for any input size -------------------------------


SAME_ANY_SIZE = DOCS / "snippets" / "framework_only" / "torch_same_any_size.py"


def test_torch_same_any_size_script_prints_what_the_page_shows(torch, capsys):
    runpy.run_path(str(SAME_ANY_SIZE), run_name="__main__")
    assert capsys.readouterr().out.rstrip("\n") == pages.same_any_size_lines()


def test_torch_same_for_any_size_equals_keras_same(keras, torch):
    script = runpy.run_path(str(SAME_ANY_SIZE))
    same_conv = script["Conv2dSame"]
    torch.manual_seed(0)
    for kernel, stride in ((3, 2), (7, 2), (4, 3), (1, 2)):
        layer = same_conv(1, 1, kernel, stride=stride, bias=False)
        keras_layer = keras.layers.Conv2D(1, kernel, strides=stride, padding="same",
                                          use_bias=False)  # fmt: skip
        keras_layer.build((None, None, None, 1))
        keras_layer.set_weights([layer.weight.detach().permute(2, 3, 1, 0).numpy()])
        for size in range(5, 14):
            x = np.random.default_rng(size).standard_normal((1, size, size, 1))
            x = x.astype("float32")
            y_keras = to_numpy(keras_layer(x))[0, :, :, 0]
            y_torch = layer(torch.from_numpy(x).permute(0, 3, 1, 2)).detach().numpy()[0, 0]
            assert y_torch.shape[0] == conv_output_size(size, kernel, stride, "same")
            np.testing.assert_allclose(y_torch, y_keras, atol=1e-5)
            assert script["same_pads"](size, kernel, stride) == same_padding(
                size, kernel, stride
            )


# -- the errors readers paste ---------------------------------------------------------


def test_the_error_messages_the_pages_quote(keras, torch):
    nn = torch.nn
    cases = {
        "pool_too_small": lambda: nn.MaxPool2d(3)(torch.zeros(1, 1, 2, 2)),
        "conv_too_small": lambda: nn.Conv2d(1, 1, 3)(torch.zeros(1, 1, 2, 2)),
        "same_strided": lambda: nn.Conv2d(1, 1, 3, stride=2, padding="same"),
        "linear": lambda: nn.Linear(256, 120)(torch.zeros(1, 400)),
    }
    for key, make in cases.items():
        with pytest.raises((RuntimeError, ValueError)) as raised:
            make()
        assert str(raised.value) == pages.TORCH_ERRORS[key], key
    with pytest.raises(ValueError) as raised:
        keras.Sequential([keras.Input((2, 2, 1)), keras.layers.Conv2D(1, 3)])
    assert str(raised.value).startswith(pages.KERAS_ERRORS["conv_too_small"])


# -- upsampling page: every interpolate mode, Keras's resizing, checkerboard counts ------


@pytest.mark.parametrize(
    "mode", ["nearest", "nearest-exact", "bilinear", "bicubic", "area"]
)
@pytest.mark.parametrize(("size", "factor"), [(7, 1.5), (13, 0.5), (6, 1.75), (9, 1 / 3)])
def test_every_interpolate_mode_rounds_the_scaled_size_down(torch, mode, size, factor):
    x = torch.zeros(1, 1, size, size)
    out = torch.nn.functional.interpolate(x, scale_factor=factor, mode=mode)
    assert out.shape[-2:] == (upsample_output_size(size, factor),) * 2


def test_keras_upsampling_bilinear_and_resizing(keras):
    x = np.zeros((1, 4, 5, 1), dtype="float32")
    bilinear = keras.layers.UpSampling2D(size=2, interpolation="bilinear")(x)
    assert bilinear.shape[1:3] == (8, 10)
    assert keras.layers.Resizing(5, 7)(x).shape[1:3] == (5, 7)


@pytest.mark.parametrize(("kernel", "padding", "output_padding"), [(3, 1, 1), (4, 1, 0)])
def test_transposed_contribution_counts_make_the_checkerboard(
    torch, kernel, padding, output_padding
):
    """Ones through a transposed convolution with weights of one: each output is the
    number of input cells it receives, as the upsampling page counts them."""
    layer = torch.nn.ConvTranspose1d(1, 1, kernel, 2, padding, output_padding, bias=False)
    with torch.no_grad():
        layer.weight.fill_(1.0)
    counts = layer(torch.ones(1, 1, 6))[0, 0].round().int().tolist()
    g = transposed_geometry(6, kernel, 2, padding, output_padding)
    expected = [
        sum(1 for t in range(start, start + kernel) if t in g.input_positions)
        for start in g.window_starts
    ]
    assert counts == expected

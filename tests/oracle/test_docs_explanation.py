"""The framework claims of the Explanation pages (docs/explanation/), checked against the
real Keras 3 and PyTorch.

Each test is named after a claim a page makes. Where a page says which input cells a
window reads, the test finds out from the framework itself: it feeds a batch of one-hot
inputs (input j has a single 1 at cell j) through a layer whose weights are all ones, so
output n is non-zero exactly for the inputs whose hot cell window n reads. convdims's
geometry must predict the same sets.
"""

from __future__ import annotations

from fractions import Fraction

import pytest

from convdims import (
    conv_geometry,
    conv_output_size,
    conv_params,
    conv_transpose_output_size,
    conventions,
    dense_params,
    depthwise_conv_params,
    pool_output_size,
    same_padding,
    separable_conv_params,
)
from convdims.receptive import receptive_field
from convdims.transposed_geometry import transposed_geometry

# numpy comes with torch (requirements-oracle.txt); without it these tests skip.
np = pytest.importorskip(
    "numpy", reason="the oracle needs numpy: pip install -r requirements-oracle.txt"
)

# --------------------------------------------------------------------------------------
# Helpers


def expected_reads(g) -> list[tuple[int, ...]]:
    """The input cells (0-based) each window reads, according to convdims."""
    inside = set(range(g.input_size))
    return [
        tuple(sorted({t - g.pad_before for t in g.taps(start)} & inside))
        for start in g.window_starts
    ]


def _reads(y: np.ndarray) -> list[tuple[int, ...]]:
    """y[j, n]: output n for the input that is hot at cell j."""
    return [tuple(int(j) for j in np.nonzero(y[:, n])[0]) for n in range(y.shape[1])]


def to_numpy(tensor) -> np.ndarray:
    """A Keras output (a torch tensor on the torch backend) as a NumPy array.

    keras.ops.convert_to_numpy trips a NumPy DeprecationWarning, an error here.
    """
    return tensor.detach().cpu().numpy()


def keras_reads_1d(keras, size: int, **conv) -> list[tuple[int, ...]]:
    layer = keras.layers.Conv1D(1, use_bias=False, kernel_initializer="ones", **conv)
    x = np.eye(size, dtype="float32")[:, :, None]
    return _reads(to_numpy(layer(x))[:, :, 0])


def keras_reads_2d(keras, size: int, *pre, **conv) -> list[tuple[int, ...]]:
    """Column reads of a square Conv2D: input j is a vertical stripe at column j."""
    layers = [
        *pre,
        keras.layers.Conv2D(1, use_bias=False, kernel_initializer="ones", **conv),
    ]
    x = np.zeros((size, size, size, 1), dtype="float32")
    for j in range(size):
        x[j, :, j, 0] = 1.0
    y = x
    for layer in layers:
        y = layer(y)
    y = to_numpy(y)
    return _reads(y[:, y.shape[1] // 2, :, 0])


def torch_reads(torch, module, size: int, dims: int = 1) -> list[tuple[int, ...]]:
    """Read sets of a 1-D module, or column reads of a 2-D one (stripes, as above)."""
    with torch.no_grad():
        for parameter in module.parameters():
            parameter.fill_(1.0)
        if dims == 1:
            x = torch.eye(size).unsqueeze(1)
            y = module(x)[:, 0, :]
        else:
            x = torch.zeros(size, 1, size, size)
            for j in range(size):
                x[j, 0, :, j] = 1.0
            out = module(x)
            y = out[:, 0, out.shape[2] // 2, :]
    return _reads(y.numpy())


def keras_shape(layer, shape):
    return tuple(layer.compute_output_shape(shape))


def torch_shape(torch, module, shape):
    with torch.no_grad():
        return tuple(module(torch.zeros(*shape)).shape)


# --------------------------------------------------------------------------------------
# output-size.md


@pytest.mark.parametrize(
    ("size", "kernel", "stride", "padding", "dilation"),
    [
        (32, 3, 1, 0, 1),
        (227, 11, 4, 0, 1),
        (224, 7, 2, 3, 1),
        (32, 3, 1, 2, 2),
        (11, 2, 2, 0, 1),
    ],
)
def test_both_frameworks_compute_the_output_size_formula(
    keras, torch, size, kernel, stride, padding, dilation
):
    expected = conv_output_size(size, kernel, stride, padding, dilation)
    conv = torch.nn.Conv2d(1, 1, kernel, stride, padding, dilation)
    assert torch_shape(torch, conv, (1, 1, size, size))[2:] == (expected, expected)
    if padding == 0 and not (stride > 1 and dilation > 1):
        layer = keras.layers.Conv2D(1, kernel, strides=stride, dilation_rate=dilation)
        assert keras_shape(layer, (None, size, size, 1))[1:3] == (expected, expected)


def test_output_depth_is_the_filter_count_and_axes_are_separate(keras, torch):
    layer = keras.layers.Conv2D(5, (3, 5))
    assert keras_shape(layer, (None, 32, 40, 3)) == (
        None,
        conv_output_size(32, 3),
        conv_output_size(40, 5),
        5,
    )
    conv = torch.nn.Conv2d(3, 5, (3, 5))
    assert torch_shape(torch, conv, (1, 3, 32, 40)) == (1, 5, 30, 36)


def test_keras_convolutions_take_no_number_of_padding_cells(keras):
    with pytest.raises(ValueError, match="must be either `'valid'` or `'same'`"):
        keras.layers.Conv2D(4, 3, padding=(3, 3)).compute_output_shape((None, 9, 9, 1))
    with pytest.raises(Exception):  # noqa: B017 (an int fails with AttributeError)
        keras.layers.Conv2D(4, 3, padding=3).compute_output_shape((None, 9, 9, 1))


def test_no_window_fits_keras_value_error_torch_runtime_error(keras, torch):
    with pytest.raises(ValueError, match="zero or negative"):
        keras.layers.Conv2D(4, 5).compute_output_shape((None, 3, 3, 1))
    with pytest.raises(RuntimeError, match="Kernel size can't be greater"):
        torch.nn.Conv2d(1, 4, 5)(torch.zeros(1, 1, 3, 3))
    with pytest.raises(ValueError):
        conv_output_size(3, 5)


# --------------------------------------------------------------------------------------
# padding.md

PORT_CASES = [(224, 3, 1), (224, 3, 2), (225, 3, 2), (224, 7, 2), (56, 1, 2), (112, 4, 2)]


@pytest.mark.parametrize(("size", "kernel", "stride"), [(12, 7, 2), *PORT_CASES])
def test_keras_same_splits_the_padding_with_the_extra_cell_after(
    keras, size, kernel, stride
):
    g = conv_geometry(size, kernel, stride, "same")
    assert (g.pad_before, g.pad_after) == same_padding(size, kernel, stride)
    reads = keras_reads_1d(keras, size, kernel_size=kernel, strides=stride, padding="same")
    assert reads == expected_reads(g)


@pytest.mark.parametrize(("size", "kernel", "stride"), PORT_CASES)
def test_torch_int_padding_is_symmetric(torch, size, kernel, stride):
    for padding in range(kernel):
        if conv_output_size(size, kernel, stride, padding) < 1:
            continue
        conv = torch.nn.Conv1d(1, 1, kernel, stride, padding, bias=False)
        g = conv_geometry(size, kernel, stride, padding)
        assert torch_reads(torch, conv, size) == expected_reads(g)


def test_stride2_port_of_the_resnet_stem_shifts_by_one_pixel(keras, torch):
    """224, k7, s2: Keras 'same' (2 | 3) and PyTorch padding=3 give 112 but other pixels."""
    keras_reads = keras_reads_2d(keras, 224, kernel_size=7, strides=2, padding="same")
    stem = torch.nn.Conv2d(1, 1, 7, stride=2, padding=3, bias=False)
    torch_reads_ = torch_reads(torch, stem, 224, dims=2)
    assert len(keras_reads) == len(torch_reads_) == conv_output_size(224, 7, 2, 3)
    assert keras_reads == expected_reads(conv_geometry(224, 7, 2, "same"))
    assert torch_reads_ == expected_reads(conv_geometry(224, 7, 2, 3))
    assert keras_reads[0] == (0, 1, 2, 3, 4) and torch_reads_[0] == (0, 1, 2, 3)
    # every window that is not clipped by an edge starts one pixel earlier in PyTorch
    assert all(
        t[0] == k[0] - 1 for k, t in zip(keras_reads[2:-2], torch_reads_[2:-2], strict=True)
    )


def test_explicit_padding_reproduces_the_other_frameworks_split(keras, torch):
    pb, pa = same_padding(224, 7, 2)
    port = torch.nn.Sequential(
        torch.nn.ZeroPad2d((pb, pa, pb, pa)), torch.nn.Conv2d(1, 1, 7, 2, bias=False)
    )
    assert torch_reads(torch, port, 224, dims=2) == keras_reads_2d(
        keras, 224, kernel_size=7, strides=2, padding="same"
    )
    keras_port = keras_reads_2d(
        keras, 224, keras.layers.ZeroPadding2D(3), kernel_size=7, strides=2
    )
    stem = torch.nn.Conv2d(1, 1, 7, stride=2, padding=3, bias=False)
    assert keras_port == torch_reads(torch, stem, 224, dims=2)


def test_keras_padding_snippet_shapes(keras):
    same = keras.layers.Conv2D(64, 7, strides=2, padding="same")
    padded = keras.layers.ZeroPadding2D(3).compute_output_shape((None, 224, 224, 3))
    valid = keras.layers.Conv2D(64, 7, strides=2)
    assert keras_shape(same, (None, 224, 224, 3)) == keras_shape(valid, padded)


def test_torch_same_padding_is_stride_1_only(torch):
    with pytest.raises(ValueError, match="not supported for strided convolutions"):
        torch.nn.Conv2d(3, 4, 3, stride=2, padding="same")


@pytest.mark.filterwarnings("ignore:Using padding='same' with even kernel:UserWarning")
@pytest.mark.parametrize(("kernel", "dilation"), [(4, 1), (3, 1), (3, 2), (2, 3)])
def test_torch_same_pads_d_k_minus_1_with_the_extra_cell_on_the_right(
    torch, kernel, dilation
):
    conv = torch.nn.Conv1d(1, 1, kernel, padding="same", dilation=dilation, bias=False)
    g = conv_geometry(16, kernel, 1, "same", dilation)
    assert g.pad_before + g.pad_after == dilation * (kernel - 1)
    assert torch_reads(torch, conv, 16) == expected_reads(g)


def test_full_padding_has_no_keyword_in_keras(keras, torch):
    with pytest.raises(ValueError):
        keras.layers.Conv2D(4, 3, padding="full")
    conv = torch.nn.Conv1d(1, 1, 3, padding=2)
    assert torch_shape(torch, conv, (1, 1, 5))[-1] == conv_output_size(5, 3, padding="full")


def test_causal_padding_is_keras_conv1d_only(keras, torch):
    with pytest.raises(ValueError):
        keras.layers.Conv2D(4, 3, padding="causal")
    with pytest.raises(ValueError):
        torch.nn.Conv1d(1, 1, 3, padding="causal")


@pytest.mark.parametrize(("size", "kernel", "dilation"), [(7, 3, 2), (8, 3, 1), (12, 2, 4)])
def test_keras_causal_conv1d_reads_nothing_from_the_future(keras, size, kernel, dilation):
    reads = keras_reads_1d(
        keras, size, kernel_size=kernel, padding="causal", dilation_rate=dilation
    )
    assert reads == expected_reads(conv_geometry(size, kernel, 1, "causal", dilation))
    assert [max(r) for r in reads] == list(range(size))


def test_torch_left_pad_then_conv_is_causal_and_equals_cropping(torch):
    torch.manual_seed(0)
    kernel, dilation = 3, 2
    reach = dilation * (kernel - 1)
    conv = torch.nn.Conv1d(2, 4, kernel, dilation=dilation)
    x = torch.randn(1, 2, 20)
    with torch.no_grad():
        left = conv(torch.nn.functional.pad(x, (reach, 0)))
        both = torch.nn.functional.conv1d(
            x, conv.weight, conv.bias, padding=reach, dilation=dilation
        )[..., :-reach]
    assert torch.allclose(left, both, atol=1e-6)
    reads = torch_reads(
        torch,
        torch.nn.Sequential(
            torch.nn.ConstantPad1d((reach, 0), 0.0),
            torch.nn.Conv1d(1, 1, kernel, dilation=dilation, bias=False),
        ),
        10,
    )
    assert reads == expected_reads(conv_geometry(10, kernel, 1, "causal", dilation))


def test_torch_padding_pair_is_per_axis_not_before_after(torch):
    conv = torch.nn.Conv2d(1, 1, 3, padding=(1, 2))
    assert torch_shape(torch, conv, (1, 1, 10, 10))[2:] == (
        conv_output_size(10, 3, padding=1),
        conv_output_size(10, 3, padding=2),
    )


# --------------------------------------------------------------------------------------
# stride-and-rounding.md

UNVISITED_CASES = [
    (11, 2, 2, 0),
    (224, 3, 2, 0),
    (224, 3, 2, 1),
    (227, 11, 4, 0),
    (224, 11, 4, 0),
    (224, 7, 2, 3),
]


@pytest.mark.parametrize(("size", "kernel", "stride", "padding"), UNVISITED_CASES)
def test_the_floor_leaves_the_same_input_cells_unread(torch, size, kernel, stride, padding):
    conv = torch.nn.Conv1d(1, 1, kernel, stride, padding, bias=False)
    reads = torch_reads(torch, conv, size)
    g = conv_geometry(size, kernel, stride, padding)
    assert reads == expected_reads(g)
    read = {j for r in reads for j in r}
    assert tuple(j for j in range(size) if j not in read) == g.unvisited_inputs


@pytest.mark.parametrize(
    ("size", "kernel", "stride", "padding", "ceil_mode"),
    [
        (11, 2, None, 0, False),
        (11, 2, None, 0, True),
        (11, 2, None, 1, False),
        (11, 2, None, 1, True),
        (112, 3, 2, 1, False),
        (112, 3, 2, 1, True),
    ],
)
def test_torch_pooling_floor_ceil_mode_and_last_window_rule(
    torch, size, kernel, stride, padding, ceil_mode
):
    pool = torch.nn.MaxPool2d(kernel, stride, padding, ceil_mode=ceil_mode)
    out = torch_shape(torch, pool, (1, 1, size, size))[-1]
    assert out == pool_output_size(size, kernel, stride, padding, ceil_mode=ceil_mode)


def test_last_window_rule_drops_what_the_naive_ceiling_counts(torch):
    naive = -(-(11 + 2 - 2) // 2) + 1
    pool = torch.nn.MaxPool1d(2, padding=1, ceil_mode=True)
    assert torch_shape(torch, pool, (1, 1, 11))[-1] == naive - 1


def test_keras_pooling_floors_with_valid_and_rounds_up_with_same(keras):
    for padding in ("valid", "same"):
        layer = keras.layers.MaxPooling2D(2, padding=padding)
        assert keras_shape(layer, (None, 11, 11, 8))[1] == pool_output_size(
            11, 2, padding=padding
        )


def test_torch_convolutions_have_no_ceil_mode(torch):
    with pytest.raises(TypeError):
        torch.nn.Conv2d(1, 1, 2, stride=2, ceil_mode=True)


def test_s_consecutive_input_sizes_share_an_output_size(torch):
    conv = torch.nn.Conv1d(1, 1, 3, stride=2, padding=1)
    sizes = {n: torch_shape(torch, conv, (1, 1, n))[-1] for n in range(20, 28)}
    assert sizes == {n: conv_output_size(n, 3, 2, 1) for n in sizes}
    assert all(sizes[n] == sizes[n + 1] for n in range(21, 27, 2))
    assert len(set(sizes.values())) == len(sizes) // 2 + 1


# --------------------------------------------------------------------------------------
# dilation.md


def test_dilated_output_sizes_in_both_frameworks(keras, torch):
    atrous = keras.layers.Conv2D(8, 3, dilation_rate=2)
    assert keras_shape(atrous, (None, 32, 32, 3))[1] == conv_output_size(32, 3, dilation=2)
    same = keras.layers.Conv2D(8, 3, dilation_rate=2, padding="same")
    assert keras_shape(same, (None, 32, 32, 3))[1] == 32
    for stride in (1, 2):
        conv = torch.nn.Conv2d(3, 8, 3, stride=stride, dilation=2)
        assert torch_shape(torch, conv, (1, 3, 32, 32))[-1] == conv_output_size(
            32, 3, stride, dilation=2
        )


def test_keras_same_with_dilation_pads_k_minus_1_from_the_effective_kernel(keras):
    reads = keras_reads_1d(keras, 32, kernel_size=3, dilation_rate=2, padding="same")
    assert reads == expected_reads(conv_geometry(32, 3, 1, "same", 2))


def test_keras_refuses_strides_with_dilation(keras):
    with pytest.raises(ValueError, match="not supported in conjunction with"):
        keras.layers.Conv2D(8, 3, strides=2, dilation_rate=2)


def test_torch_strided_dilated_kernel_skips_input_cells(torch):
    conv = torch.nn.Conv1d(1, 1, 3, stride=4, dilation=2, bias=False)
    reads = torch_reads(torch, conv, 11)
    g = conv_geometry(11, 3, stride=4, dilation=2)
    assert reads == expected_reads(g)
    assert g.unvisited_inputs
    assert not {j for r in reads for j in r} & set(g.unvisited_inputs)


def test_dilated_stack_receptive_field(torch):
    layers = [(3, 1, d, d) for d in (1, 2, 4)]
    stack = torch.nn.Sequential(
        *(torch.nn.Conv1d(1, 1, 3, padding=d, dilation=d, bias=False) for d in (1, 2, 4))
    )
    reads = torch_reads(torch, stack, 40)
    assert len(reads[20]) == receptive_field(layers).size
    plain = torch.nn.Sequential(
        *(torch.nn.Conv1d(1, 1, 3, padding=1, bias=False) for _ in range(3))
    )
    assert (
        len(torch_reads(torch, plain, 40)[20]) == receptive_field([(3, 1, 1, 1)] * 3).size
    )


def test_torch_avgpool_takes_no_dilation(torch):
    with pytest.raises(TypeError):
        torch.nn.AvgPool2d(2, dilation=2)
    pool = torch.nn.MaxPool1d(2, dilation=2)
    assert torch_shape(torch, pool, (1, 1, 11))[-1] == pool_output_size(11, 2, dilation=2)


# --------------------------------------------------------------------------------------
# pooling.md


def test_pool_stride_defaults_to_pool_size(keras, torch):
    assert tuple(keras.layers.MaxPooling2D(3).strides) == (3, 3)
    assert torch.nn.MaxPool2d(3).stride == 3
    for pool in (2, 3):
        expected = pool_output_size(32, pool)
        assert (
            keras_shape(keras.layers.MaxPooling2D(pool), (None, 32, 32, 1))[1] == expected
        )
        assert torch_shape(torch, torch.nn.MaxPool2d(pool), (1, 1, 32, 32))[-1] == expected
    assert pool_output_size(32, 3) != pool_output_size(32, 3, stride=2)


def test_torch_pool_padding_limit_uses_the_raw_kernel_size(torch):
    with pytest.raises(RuntimeError, match="padding should be at most half of kernel size"):
        torch.nn.MaxPool1d(2, padding=2, dilation=3)(torch.zeros(1, 1, 20))
    with pytest.raises(
        RuntimeError, match="pad should be at most half of effective kernel"
    ):
        torch.nn.AvgPool1d(2, padding=2)(torch.zeros(1, 1, 20))
    with pytest.raises(ValueError):
        conventions.get("torch").output_size("pool", 20, 2, padding=2, dilation=3)
    pool = torch.nn.MaxPool1d(2, padding=1)
    assert torch_shape(torch, pool, (1, 1, 20))[-1] == pool_output_size(20, 2, padding=1)


def test_padded_cells_never_win_a_max(keras, torch):
    x = -np.arange(1, 10, dtype="float32").reshape(3, 3)
    brute = [
        [x[max(r - 1, 0) : r + 2, max(c - 1, 0) : c + 2].max() for c in range(3)]
        for r in range(3)
    ]
    layer = keras.layers.MaxPooling2D(3, strides=1, padding="same")
    got = to_numpy(layer(x[None, :, :, None]))[0, :, :, 0]
    assert np.array_equal(got, brute)
    pool = torch.nn.MaxPool2d(3, stride=1, padding=1)
    assert np.array_equal(pool(torch.tensor(x)[None, None])[0, 0].numpy(), brute)


def _average(grid: list[list[int]], size: int, pad: int, include_pad: bool):
    side = len(grid)
    out = []
    for r in range(side + 2 * pad - size + 1):
        row = []
        for c in range(side + 2 * pad - size + 1):
            cells = [
                grid[i][j]
                for i in range(r - pad, r - pad + size)
                for j in range(c - pad, c - pad + size)
                if 0 <= i < side and 0 <= j < side
            ]
            row.append(
                float(Fraction(sum(cells), size * size if include_pad else len(cells)))
            )
        out.append(row)
    return np.array(out, dtype="float32")


def test_average_pooling_counts_padding_in_torch_but_not_in_keras(keras, torch):
    grid = [[3 * r + c + 1 for c in range(3)] for r in range(3)]
    assert same_padding(3, 3, 1) == (1, 1)
    x = np.array(grid, dtype="float32")
    with_pad, without = _average(grid, 3, 1, True), _average(grid, 3, 1, False)
    assert not np.allclose(with_pad, without)
    default = torch.nn.AvgPool2d(3, stride=1, padding=1)(torch.tensor(x)[None, None])
    assert np.allclose(default[0, 0].numpy(), with_pad)
    excluded = torch.nn.AvgPool2d(3, 1, 1, count_include_pad=False)(
        torch.tensor(x)[None, None]
    )
    assert np.allclose(excluded[0, 0].numpy(), without)
    layer = keras.layers.AveragePooling2D(3, strides=1, padding="same")
    got = to_numpy(layer(x[None, :, :, None]))[0, :, :, 0]
    assert np.allclose(got, without)


def test_global_pooling_shapes(keras, torch):
    average = keras.layers.GlobalAveragePooling2D()
    assert keras_shape(average, (None, 7, 7, 16)) == (None, 16)
    keep = keras.layers.GlobalAveragePooling2D(keepdims=True)
    assert keras_shape(keep, (None, 7, 7, 16)) == (None, 1, 1, 16)
    assert keras_shape(keras.layers.GlobalMaxPooling2D(), (None, 7, 7, 16)) == (None, 16)
    adaptive = torch.nn.AdaptiveAvgPool2d(1)
    assert torch_shape(torch, adaptive, (1, 16, 7, 7)) == (1, 16, 1, 1)
    partial = torch.nn.AdaptiveAvgPool2d((None, 3))
    assert torch_shape(torch, partial, (1, 16, 7, 9)) == (1, 16, 7, 3)
    assert pool_output_size(7, 7) == 1


# --------------------------------------------------------------------------------------
# transposed.md


def test_a_strided_convolution_maps_23_and_24_to_12(torch):
    conv = torch.nn.Conv1d(1, 1, 3, stride=2, padding=1)
    sources = [n for n in range(1, 60) if torch_shape(torch, conv, (1, 1, n))[-1] == 12]
    assert sources == [n for n in range(1, 60) if conv_output_size(n, 3, 2, 1) == 12]
    assert sources == [23, 24]


@pytest.mark.parametrize("output_padding", [0, 1])
def test_torch_transposed_output_size(torch, output_padding):
    up = torch.nn.ConvTranspose2d(16, 8, 3, 2, 1, output_padding=output_padding)
    assert torch_shape(torch, up, (1, 16, 12, 12))[-1] == conv_transpose_output_size(
        12, 3, 2, 1, output_padding
    )


@pytest.mark.parametrize(
    ("padding", "output_padding"),
    [("valid", None), ("same", None), ("same", 0), ("same", 1), ("valid", 0)],
)
def test_keras_output_padding_none_is_not_zero(keras, padding, output_padding):
    layer = keras.layers.Conv2DTranspose(
        8, 3, strides=2, padding=padding, output_padding=output_padding
    )
    assert keras_shape(layer, (None, 12, 12, 16))[1] == conv_transpose_output_size(
        12, 3, 2, padding, output_padding
    )


def test_output_padding_must_be_below_the_stride(keras, torch):
    with pytest.raises(RuntimeError, match="output padding must be smaller"):
        torch.nn.ConvTranspose2d(3, 4, 3, stride=2, output_padding=2)(
            torch.zeros(1, 3, 12, 12)
        )
    with pytest.raises(ValueError, match="strictly less than"):
        keras.layers.Conv2DTranspose(4, 3, strides=2, output_padding=2)


def _stretched_conv(torch, x, weight, g):
    """Stride-1 convolution of the stretched, padded input with the flipped kernel."""
    stretched = torch.zeros(x.shape[0], x.shape[1], g.stretched_size)
    stretched[..., :: g.stride] = x
    padded = torch.nn.functional.pad(stretched, (g.implicit_before, g.implicit_after))
    return torch.nn.functional.conv1d(padded, weight.flip(-1).transpose(0, 1))


@pytest.mark.parametrize(
    ("size", "kernel", "stride", "padding", "output_padding"),
    [(4, 3, 2, 1, 1), (4, 3, 2, 0, 0), (5, 3, 1, 0, 0), (6, 4, 3, 1, 2)],
)
def test_transposed_convolution_is_a_convolution_over_the_stretched_input(
    torch, size, kernel, stride, padding, output_padding
):
    torch.manual_seed(1)
    up = torch.nn.ConvTranspose1d(2, 3, kernel, stride, padding, output_padding, bias=False)
    x = torch.randn(1, 2, size)
    g = transposed_geometry(size, kernel, stride, padding, output_padding)
    with torch.no_grad():
        assert torch.allclose(up(x), _stretched_conv(torch, x, up.weight, g), atol=1e-5)
    if stride == 1 and padding == 0:  # stride 1: a full-padded convolution
        assert g.output_size == conv_output_size(size, kernel, padding="full")


def test_transposed_layers_have_the_convolutions_parameter_count(keras, torch):
    layer = keras.layers.Conv2DTranspose(64, 3)
    layer.build((None, 8, 8, 32))
    assert layer.count_params() == conv_params(3, 32, 64)
    up = torch.nn.ConvTranspose2d(32, 64, 3)
    assert sum(p.numel() for p in up.parameters()) == conv_params(3, 32, 64)
    assert tuple(up.weight.shape) == (32, 64, 3, 3)


# --------------------------------------------------------------------------------------
# parameters.md


def _count(torch_module) -> int:
    return sum(p.numel() for p in torch_module.parameters())


def _keras_count(layer, shape) -> tuple[int, int]:
    layer.build(shape)
    trainable = sum(int(np.prod(w.shape)) for w in layer.trainable_weights)
    return layer.count_params(), trainable


def test_torch_parameter_counts(torch):
    nn = torch.nn
    assert _count(nn.Conv2d(32, 64, 3)) == conv_params(3, 32, 64)
    assert _count(nn.Conv2d(32, 64, 3, groups=4)) == conv_params(3, 32, 64, groups=4)
    assert _count(nn.Conv2d(32, 64, 3, bias=False)) == conv_params(3, 32, 64, False)
    assert _count(nn.Conv2d(32, 32, 3, groups=32)) == depthwise_conv_params(3, 32)
    assert _count(nn.Conv2d(32, 64, 1)) == conv_params(1, 32, 64)
    assert _count(nn.Linear(32, 64)) == dense_params(32, 64)
    assert _count(nn.Linear(7 * 7 * 512, 4096)) == dense_params(7 * 7 * 512, 4096)


def test_keras_parameter_counts(keras):
    layers = keras.layers
    shape = (None, 16, 16, 32)
    assert _keras_count(layers.Conv2D(64, 3), shape)[0] == conv_params(3, 32, 64)
    assert _keras_count(layers.Conv2D(64, 3, groups=4), shape)[0] == conv_params(
        3, 32, 64, groups=4
    )
    assert _keras_count(layers.Conv2D(64, 3, use_bias=False), shape)[0] == conv_params(
        3, 32, 64, False
    )
    assert _keras_count(layers.DepthwiseConv2D(3), shape)[0] == depthwise_conv_params(3, 32)
    assert _keras_count(layers.SeparableConv2D(64, 3), shape)[0] == separable_conv_params(
        3, 32, 64
    )
    assert _keras_count(layers.Dense(64), (None, 32))[0] == dense_params(32, 64)
    assert _keras_count(layers.Conv2D(8, (3, 5)), (None, 16, 16, 16))[0] == conv_params(
        (3, 5), 16, 8
    )
    assert _keras_count(layers.Conv3D(32, 3), (None, 8, 8, 8, 3))[0] == conv_params(
        (3, 3, 3), 3, 32
    )


def test_batchnorm_is_4c_in_keras_with_2c_non_trainable_and_2c_in_torch(keras, torch):
    channels = 64
    layer = keras.layers.BatchNormalization()
    total, trainable = _keras_count(layer, (None, 8, 8, channels))
    assert (total, trainable) == (4 * channels, 2 * channels)
    names = sorted(w.path.rsplit("/", 1)[-1] for w in layer.non_trainable_weights)
    assert names == ["moving_mean", "moving_variance"]
    bn = torch.nn.BatchNorm2d(channels)
    assert _count(bn) == 2 * channels
    assert [n for n, _ in bn.named_parameters()] == ["weight", "bias"]
    assert [n for n, _ in bn.named_buffers()] == [
        "running_mean",
        "running_var",
        "num_batches_tracked",
    ]


def test_torch_depthwise_then_pointwise_keeps_one_more_bias_than_keras(torch):
    pair = torch.nn.Sequential(
        torch.nn.Conv2d(32, 32, 3, groups=32), torch.nn.Conv2d(32, 64, 1)
    )
    assert _count(pair) == separable_conv_params(3, 32, 64) + 32
    matched = torch.nn.Sequential(
        torch.nn.Conv2d(32, 32, 3, groups=32, bias=False), torch.nn.Conv2d(32, 64, 1)
    )
    assert _count(matched) == separable_conv_params(3, 32, 64)


# --------------------------------------------------------------------------------------
# 1d-and-3d.md


def test_conv1d_and_conv3d_shapes_and_params(keras, torch):
    assert keras_shape(keras.layers.Conv1D(16, 5, strides=2), (None, 100, 8))[1] == (
        conv_output_size(100, 5, 2)
    )
    causal = keras.layers.Conv1D(16, 3, padding="causal", dilation_rate=2)
    assert keras_shape(causal, (None, 100, 8))[1] == conv_output_size(
        100, 3, padding="causal", dilation=2
    )
    video = keras.layers.Conv3D(32, (3, 5, 5), strides=(1, 2, 2))
    expected = tuple(
        conv_output_size(n, k, s) for n, k, s in [(16, 3, 1), (64, 5, 2), (64, 5, 2)]
    )
    assert keras_shape(video, (None, 16, 64, 64, 3))[1:4] == expected
    assert _keras_count(video, (None, 16, 64, 64, 3))[0] == conv_params((3, 5, 5), 3, 32)
    conv3d = torch.nn.Conv3d(3, 32, (3, 5, 5), stride=(1, 2, 2))
    assert torch_shape(torch, conv3d, (1, 3, 16, 64, 64))[2:] == expected
    assert _count(conv3d) == conv_params((3, 5, 5), 3, 32)
    conv1d = torch.nn.Conv1d(8, 16, 5, stride=2)
    assert torch_shape(torch, conv1d, (1, 8, 100))[-1] == conv_output_size(100, 5, 2)
    assert _count(conv1d) == conv_params((5,), 8, 16)

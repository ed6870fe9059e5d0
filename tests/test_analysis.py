"""convdims.analysis: MACs, memory and receptive fields, layer by layer.

MAC formulas are checked against loops that perform the convolution and count the
products; receptive fields against the core recurrences (themselves property-tested
against a brute-force trace) and against a brute-force trace of branches that meet;
model totals against published figures (torchvision, cs231n, Araujo et al., MobileNet).
"""

from __future__ import annotations

import contextlib
import io
import itertools
import math
import runpy
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from convdims import analysis, standin
from convdims.analysis import LayerCall, measure_calls, measures, totals
from convdims.receptive import AxisLayer, ReceptiveField, receptive_field, receptive_trace
from convdims.window import AxisWindow

SNIPPETS = Path(__file__).resolve().parents[1] / "docs" / "snippets"


def load(name: str):
    """The ``model`` a docs snippet defines, built with the dialects standing in."""
    with standin.frameworks(), contextlib.redirect_stdout(io.StringIO()):
        namespace = runpy.run_path(str(SNIPPETS / name), run_name="__main__")
    return namespace["model"]


# MACs: count the products of a direct implementation ----------------------------------


def brute_conv_products(size, kernel, stride, pad, dilation, c_in, c_out, groups):
    """Multiply-accumulates of a 1-D grouped convolution, by running its loops."""
    out = (size + 2 * pad - dilation * (kernel - 1) - 1) // stride + 1
    count = 0
    per_group_in = c_in // groups
    per_group_out = c_out // groups
    for o, oc in itertools.product(range(out), range(c_out)):
        group = oc // per_group_out
        for ic, t in itertools.product(range(per_group_in), range(kernel)):
            position = o * stride - pad + t * dilation
            _ = (group * per_group_in + ic, position)  # one product, padding included
            count += 1
    return out, count


def brute_transpose_products(size, kernel, stride, c_in, c_out, groups):
    """Products of a 1-D transposed convolution: every input value times its weights."""
    count = 0
    for _i, _ic in itertools.product(range(size), range(c_in)):
        for _oc, _t in itertools.product(range(c_out // groups), range(kernel)):
            count += 1
    return count


@settings(max_examples=40, deadline=None)
@given(
    size=st.integers(3, 12),
    kernel=st.integers(1, 4),
    stride=st.integers(1, 3),
    pad=st.integers(0, 2),
    dilation=st.integers(1, 2),
    groups=st.sampled_from([1, 2]),
    c_in_per=st.integers(1, 3),
    c_out_per=st.integers(1, 3),
)
def test_conv_macs_count_the_products(
    size, kernel, stride, pad, dilation, groups, c_in_per, c_out_per
):
    c_in, c_out = c_in_per * groups, c_out_per * groups
    if size + 2 * pad < dilation * (kernel - 1) + 1:
        return
    out, count = brute_conv_products(
        size, kernel, stride, pad, dilation, c_in, c_out, groups
    )
    assert analysis.conv_macs(out, (kernel,), c_in, c_out, groups) == count


@settings(max_examples=30, deadline=None)
@given(
    size=st.integers(1, 8),
    kernel=st.integers(1, 4),
    stride=st.integers(1, 3),
    groups=st.sampled_from([1, 2]),
    c_in_per=st.integers(1, 3),
    c_out_per=st.integers(1, 3),
)
def test_conv_transpose_macs_count_the_products(
    size, kernel, stride, groups, c_in_per, c_out_per
):
    c_in, c_out = c_in_per * groups, c_out_per * groups
    count = brute_transpose_products(size, kernel, stride, c_in, c_out, groups)
    assert analysis.conv_transpose_macs(size, (kernel,), c_in, c_out, groups) == count


def test_depthwise_and_separable_are_grouped_convolutions():
    positions, kernel, channels, m, filters = 49, (3, 3), 16, 2, 24
    depthwise = analysis.conv_macs(
        positions, kernel, channels, channels * m, groups=channels
    )
    assert analysis.depthwise_conv_macs(positions, kernel, channels, m) == depthwise
    pointwise = analysis.conv_macs(positions, (1, 1), channels * m, filters)
    assert analysis.separable_conv_macs(positions, kernel, channels, filters, m) == (
        depthwise + pointwise
    )


def test_dense_macs_are_a_matrix_product():
    assert analysis.dense_macs(7, 3, vectors=5) == 5 * 7 * 3


# Receptive fields: the forward composition equals the recurrences ---------------------

layer_specs = st.tuples(
    st.integers(1, 5), st.integers(1, 3), st.integers(0, 2), st.integers(1, 3)
)


def chain(specs, size=64, kind="conv"):
    """LayerCalls for a 1-D stack: an input, then one window per spec."""
    calls = [LayerCall("in", "Input", "input", (1, 1, size), output_spatial=(size,))]
    for index, (k, s, p, *rest) in enumerate(specs):
        d = rest[0] if rest else 1
        calls.append(
            LayerCall(
                f"l{index}",
                "Conv1d",
                kind,
                (1, 1, size),
                input_spatial=(size,),
                output_spatial=(size,),
                in_channels=1,
                out_channels=1,
                window=(AxisWindow(k, s, p, 0, d),),
                inputs=(index,),
            )
        )
    return calls


@settings(max_examples=60, deadline=None)
@given(st.lists(layer_specs, min_size=1, max_size=6), st.sampled_from(["conv", "pool"]))
def test_fields_equal_the_recurrences(specs, kind):
    got = measure_calls(chain(specs, kind=kind))
    for depth in range(len(specs) + 1):
        assert got[depth].receptive_field == (receptive_field(specs[:depth]),)


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.tuples(st.integers(1, 4), st.integers(1, 2), st.integers(0, 2)), max_size=3
    ),
    st.lists(
        st.tuples(st.integers(1, 4), st.integers(1, 2), st.integers(0, 2)), max_size=3
    ),
    st.integers(0, 3),
)
def test_branches_meeting_take_the_union_of_their_spans(left, right, index):
    """Two branches with the same stride meet: the merged span is the union of theirs,
    and holds every input cell a brute-force trace of either branch reaches."""
    stride = lambda specs: math.prod(s for _, s, _ in specs)  # noqa: E731
    if stride(left) != stride(right):
        return
    size = 24
    try:
        outs = [
            receptive_trace(size, specs, 0)[-1].size if specs else size
            for specs in (left, right)
        ]
    except ValueError:
        return
    if index >= min(outs):
        return
    calls = chain(left, size)
    left_end = len(calls) - 1
    offset = len(calls)
    for number, (k, s, p) in enumerate(right):
        calls.append(
            LayerCall(
                f"r{number}",
                "Conv1d",
                "conv",
                (1, 1, size),
                input_spatial=(size,),
                output_spatial=(size,),
                window=(AxisWindow(k, s, p),),
                inputs=(0 if number == 0 else offset + number - 1,),
            )
        )
    right_end = len(calls) - 1 if right else 0  # no layers: the input itself
    calls.append(
        LayerCall("add", "Add", "merge", (1, 1, size), inputs=(left_end, right_end))
    )
    merged = measure_calls(calls)[-1].receptive_field[0]
    spans = [receptive_field(specs).span(index) for specs in (left, right)]
    assert merged.span(index) == (min(a for a, _ in spans), max(b for _, b in spans))
    # Every input cell either branch reads (brute force) lies in the merged span.
    first, last = merged.span(index)
    for specs in (left, right):
        level = receptive_trace(size, specs, index)[0] if specs else None
        cells = (index,) if level is None else level.cells + level.padding_cells
        assert all(first <= cell <= last for cell in cells)


def test_union_of_unequal_strides_takes_the_largest():
    fields = [ReceptiveField(7, 2, 3), ReceptiveField(9, 4, 4)]
    assert analysis.union(fields) == ReceptiveField(9, 4, 4)


def test_transposed_stride_one_is_a_padded_convolution():
    # A stride-1 transposed convolution with kernel 3 and padding 0 reads 3 input cells,
    # the first one 2 cells before the output cell.
    calls = chain([(3, 1, 0, 1)])
    calls[1] = LayerCall(
        "t", "ConvTranspose1d", "conv_transpose", (1, 1, 66), input_spatial=(64,),
        output_spatial=(66,), window=(AxisWindow(3),), inputs=(0,),
    )  # fmt: skip
    assert measure_calls(calls)[1].receptive_field == (ReceptiveField(3, 1, 2),)


def test_upsampling_ends_the_field():
    calls = chain([(3, 1, 1, 1)])
    calls.append(
        LayerCall("up", "UpSampling1D", "upsampling", (1, 1, 128), output_spatial=(128,),
                  inputs=(1,))
    )  # fmt: skip
    calls.append(
        LayerCall("c", "Conv1d", "conv", (1, 1, 128), input_spatial=(128,),
                  output_spatial=(128,), window=(AxisWindow(3, 1, 1),),
                  inputs=(2,))
    )  # fmt: skip
    got = measure_calls(calls)
    assert got[1].receptive_field == (ReceptiveField(3, 1, 1),)
    assert got[2].receptive_field is None and got[3].receptive_field is None


def test_calls_must_take_earlier_calls():
    calls = chain([(3, 1, 0, 1)])
    bad = [calls[0], LayerCall("x", "Conv1d", "conv", (1, 1, 4), inputs=(1,))]
    with pytest.raises(ValueError, match="inputs must be earlier calls"):
        measure_calls(bad)
    with pytest.raises(ValueError, match="kind='conv3d'"):
        LayerCall("x", "Conv3d", "conv3d", (1,))


# Models of both dialects -------------------------------------------------------------


def vgg16_pool5(records):
    pools = [m for m in records if m.kind == "pool"]
    return pools[4].receptive_field


@pytest.mark.parametrize(
    ("snippet", "size"), [("torch_vgg16.py", (1, 3, 224, 224)), ("keras_vgg16.py", None)]
)
def test_vgg16_pool5_field_is_araujos(snippet, size):
    fields = vgg16_pool5(measures(load(snippet), size))
    assert fields == (receptive_field([(3, 1, 1)] * 2 + [(2, 2)] + [(3, 1, 1)] * 2 + [
        (2, 2)] + ([(3, 1, 1)] * 3 + [(2, 2)]) * 3),) * 2  # fmt: skip
    assert (fields[0].size, fields[0].stride, fields[0].padding) == (212, 32, 90)


@pytest.mark.parametrize(
    ("snippet", "published", "digits"),
    [
        ("torch_resnet50.py", 4.09, 2),  # torchvision's table, GMACs ("GFLOPS")
        ("torch_vgg16.py", 15.47, 2),
        ("torch_alexnet.py", 0.714, 3),
    ],
)
def test_torchvision_published_gmacs(snippet, published, digits):
    total = totals(measures(load(snippet), (1, 3, 224, 224)))
    assert round(total.macs / 1e9, digits) == published
    assert total.flops == 2 * total.macs


def test_torch_mult_adds_are_the_summarys_torchinfo_count():
    from convdims.torch import summary

    model = load("torch_resnet50.py")
    total = totals(measures(model, (1, 3, 224, 224)))
    stats = summary(model, input_size=(1, 3, 224, 224), verbose=0)
    assert total.mult_adds == stats.total_mult_adds
    assert total.params == stats.total_params


def test_keras_resnet50_field_is_araujos():
    # Araujo et al.'s table: ResNet-50 (stride in the first 1x1 of a block) sees 483
    # input cells at its last convolution.
    records = measures(load("keras_resnet50.py"))
    last_conv = [m for m in records if m.kind == "conv"][-1]
    assert last_conv.receptive_field[0].size == 483


def test_keras_mobilenet_macs_are_the_papers():
    # Howard et al. 2017, Table 1 and 8: MobileNet-224 1.0 takes 569 million mult-adds.
    total = totals(measures(load("keras_mobilenet.py")))
    assert round(total.macs / 1e6) == 569
    depthwise = [m for m in measures(load("keras_mobilenet.py")) if m.kind == "depthwise"]
    assert depthwise and all(m.macs > 0 for m in depthwise)


def test_keras_mult_adds_follow_torchinfo_for_batch_norm():
    from convdims import keras
    from convdims.keras import layers

    model = keras.Sequential([keras.Input((8, 8, 4)), layers.BatchNormalization()])
    norm = measures(model)[-1]
    # gamma and beta once per sample; the moving statistics are not learned.
    assert (norm.params, norm.weights, norm.mult_adds, norm.macs) == (16, 4, 8, 0)


# cs231n's VGG16 walkthrough ----------------------------------------------------------

#: cs231n's list: (output volume, weights without biases) per counted layer.
CS231N_VGG16 = [
    ((224, 224, 3), 0),
    *[((224, 224, 64), w) for w in (3 * 3 * 3 * 64, 3 * 3 * 64 * 64)],
    ((112, 112, 64), 0),
    *[((112, 112, 128), w) for w in (3 * 3 * 64 * 128, 3 * 3 * 128 * 128)],
    ((56, 56, 128), 0),
    *[
        ((56, 56, 256), w)
        for w in (3 * 3 * 128 * 256, 3 * 3 * 256 * 256, 3 * 3 * 256 * 256)
    ],
    ((28, 28, 256), 0),
    *[
        ((28, 28, 512), w)
        for w in (3 * 3 * 256 * 512, 3 * 3 * 512 * 512, 3 * 3 * 512 * 512)
    ],
    ((14, 14, 512), 0),
    *[((14, 14, 512), 3 * 3 * 512 * 512)] * 3,
    ((7, 7, 512), 0),
    ((1, 1, 4096), 7 * 7 * 512 * 4096),
    ((1, 1, 4096), 4096 * 4096),
    ((1, 1, 1000), 4096 * 1000),
]


@pytest.mark.parametrize(
    ("snippet", "size"), [("keras_vgg16.py", None), ("torch_vgg16.py", (1, 3, 224, 224))]
)
def test_cs231n_vgg16_memory_and_weights(snippet, size):
    records = [
        m for m in measures(load(snippet), size) if m.stored and m.kind != "adaptive_pool"
    ]
    assert [m.activations for m in records] == [math.prod(v) for v, _ in CS231N_VGG16]
    assert [m.weights for m in records] == [w for _, w in CS231N_VGG16]
    total = totals(records)
    assert round(total.weights / 1e6) == 138  # "TOTAL params: 138M parameters"
    # cs231n's own entries add up to 15.2M activations, 61 MB at 4 bytes; its stated
    # total ("24M * 4 bytes ~= 93MB") does not follow from its list.
    assert round(total.stored_activations / 1e5) == 152
    assert total.stored_activation_bytes == 4 * total.stored_activations


def test_bytes_per_element_scales_the_activation_memory():
    model = load("keras_vgg16.py")
    half = totals(measures(model, bytes_per_element=2))
    assert half.activation_bytes == 2 * half.activations
    with pytest.raises(ValueError, match="bytes_per_element"):
        measures(model, bytes_per_element=0)


# Torch: tensors followed through functional code -------------------------------------


def test_torch_branches_meeting_in_functional_code():
    from convdims import torch
    from convdims.torch import nn

    class TwoPaths(nn.Module):
        def __init__(self):
            super().__init__()
            self.small = nn.Conv2d(3, 4, 3, padding=1)
            self.big = nn.Conv2d(3, 4, 7, padding=3)
            self.head = nn.Conv2d(8, 2, 1)
            self.fc = nn.Linear(2 * 16 * 16, 10)

        def forward(self, x):
            y = torch.cat([self.small(x), self.big(x)], 1)
            y = self.head(y) + 0
            return self.fc(torch.flatten(y, 1))

    records = measures(TwoPaths(), (1, 3, 16, 16))
    by_name = {m.name: m for m in records}
    assert by_name["head"].receptive_field == (ReceptiveField(7, 1, 3),) * 2
    # The dense layer after the flatten sees the whole 16x16 map.
    assert by_name["fc"].receptive_field == (ReceptiveField(7 + 15, 16, 3),) * 2
    assert by_name["fc"].macs == 2 * 16 * 16 * 10


def test_torch_summary_columns_and_rows():
    from convdims.torch import nn, summary

    model = nn.Sequential(
        nn.Sequential(nn.Conv2d(3, 8, 3, padding=1), nn.ReLU()), nn.MaxPool2d(2)
    )
    stats = summary(
        model,
        input_size=(1, 3, 8, 8),
        verbose=0,
        columns=("output_size", "macs", "receptive_field", "effective_stride"),
        depth=1,
    )
    text = str(stats)
    assert "MACs" in text and "Receptive field" in text and "Effective stride" in text
    inner = stats.rows[1]
    assert inner.measures.macs == 8 * 8 * 8 * 3 * 3 * 3
    assert inner.measures.receptive_field == (ReceptiveField(3, 1, 1),) * 2
    assert f"{inner.measures.macs:,}" in text  # the container shows it at the depth limit
    assert stats.rows[-1].measures.receptive_field == (ReceptiveField(4, 2, 1),) * 2
    plain = summary(model, input_size=(1, 3, 8, 8), verbose=0)
    assert all(row.measures is None for row in plain.rows)


# Keras: the summary's extra columns --------------------------------------------------


def test_keras_summary_columns():
    from convdims import keras
    from convdims.keras import layers

    keras.backend.clear_session()
    x = keras.Input((16, 16, 3))
    a = layers.Conv2D(4, 3, padding="same", name="a")(x)
    b = layers.Conv2D(4, 5, padding="same", name="b")(x)
    y = layers.Add(name="add")([a, b])
    model = keras.Model(x, layers.GlobalAveragePooling2D(name="gap")(y))
    plain = io.StringIO()
    model.summary(print_fn=plain.write)
    wide = io.StringIO()
    model.summary(print_fn=wide.write, columns=("macs", "receptive_field"))
    assert "MACs" not in plain.getvalue()
    lines = {line.split()[1]: line for line in wide.getvalue().splitlines() if "(" in line}
    assert f"{16 * 16 * 4 * 5 * 5 * 3:,}" in lines["b"]
    assert lines["add"].rstrip("│ ").endswith("5")  # the union of 3 and 5
    assert lines["gap"].rstrip("│ ").endswith(str(5 + 15))
    with pytest.raises(ValueError, match="unknown column 'flops'"):
        model.summary(columns=("flops",))


def test_keras_nested_model_rows_sum_their_layers():
    from convdims import keras
    from convdims.keras import layers

    keras.backend.clear_session()
    inner = keras.Sequential(
        [keras.Input((8, 8, 3)), layers.Conv2D(4, 3), layers.Conv2D(4, 3)], name="inner"
    )
    outer = keras.Sequential([keras.Input((8, 8, 3)), inner, layers.Flatten()])
    records = measures(outer)
    convs = [m for m in records if m.kind == "conv"]
    assert [m.receptive_field[0].size for m in convs] == [3, 5]
    text = io.StringIO()
    outer.summary(print_fn=text.write, columns=("macs",))
    row = next(line for line in text.getvalue().splitlines() if "inner" in line)
    assert f"{sum(m.macs for m in convs):,}" in row


def test_measures_needs_a_dialect_model_and_the_right_input():
    from convdims import keras
    from convdims.keras import layers
    from convdims.torch import nn

    with pytest.raises(TypeError, match="convdims.keras model or a convdims.torch module"):
        measures(object())
    with pytest.raises(ValueError, match="input_size is required"):
        measures(nn.Conv2d(3, 4, 3))
    model = keras.Sequential([keras.Input((8, 8, 3)), layers.Conv2D(4, 3)])
    with pytest.raises(ValueError, match="knows its input shape"):
        measures(model, (1, 8, 8, 3))
    with pytest.raises(ValueError, match="no input shape yet"):
        measures(keras.Sequential([layers.Conv2D(4, 3)]))


def test_field_text_and_column_value():
    fields = (ReceptiveField(7, 2, 3), ReceptiveField(5, 2, 2))
    assert analysis.field_text(fields) == "7x5"
    assert analysis.field_text(fields, "stride") == "2"
    assert analysis.field_text(None) == "" and analysis.field_text(()) == ""
    record = measures(load("keras_vgg16.py"))[1]
    assert analysis.column_value(record, "activations") == 224 * 224 * 64
    with pytest.raises(ValueError, match="unknown analysis column"):
        analysis.column_value(record, "nope")


def test_axis_layer_window_matches_the_call_window():
    # AxisLayer and LayerCall describe the same window: dilation enters as K.
    layer = AxisLayer(3, 1, 2, 2, 2)
    calls = chain([(3, 1, 2, 2)])
    assert measure_calls(calls)[1].receptive_field[0].size == layer.effective_kernel

"""The cited frameworks (Caffe, MXNet, Core ML, TensorRT): conventions/caffe.py,
mxnet.py, coreml.py, tensorrt.py.

None of them runs here, so each cited formula is written again below, from the source
line the module cites and sharing no code with the library, and compared on random
cases (seed: CONVDIMS_LEGACY_SEED, default 14). A case the reference marks ``REFUSED``
must raise ArgumentError in convdims.
"""

from __future__ import annotations

import math
import os
import random

import pytest

from convdims import ArgumentError, conventions
from convdims.conventions import Family

caffe, mxnet, coreml, tensorrt = (
    conventions.get(name) for name in ("caffe", "mxnet", "coreml", "tensorrt")
)
SEED = int(os.environ.get("CONVDIMS_LEGACY_SEED", "14"))
CASES = 3000
REFUSED = "refused"


def _answer(call, *args, **kwargs):
    """The output size (from a size or an AxisRule), or REFUSED."""
    try:
        answer = call(*args, **kwargs)
        return getattr(answer, "output_size", answer)
    except ArgumentError:
        return REFUSED


def _extent(k, d):
    return d * (k - 1) + 1


def _cpp_div(a, b):
    """C++ integer division of non-negative numbers (the cited lines divide ints)."""
    return a // b


# The references: one function per cited formula ------------------------------------


def caffe_conv(i, k, s, p, d):
    # conv_layer.cpp:17-19; convdims refuses a kernel that does not fit (see quirks)
    span = i + 2 * p - _extent(k, d)
    return REFUSED if span < 0 else _cpp_div(span, s) + 1


def caffe_pool(i, k, s, p, padded):
    # pooling_layer.cpp:74-75 (pad < kernel), 93-96 (ceil), 107-115 (the drop)
    if p >= k:
        return REFUSED
    o = math.ceil((i + 2 * p - k) / s) + 1
    if padded and (o - 1) * s >= i + p:
        o -= 1
    return o if o >= 1 else REFUSED


def caffe_deconv(i, k, s, p, d):
    # deconv_layer.cpp:17-19
    o = s * (i - 1) + _extent(k, d) - 2 * p
    return o if o >= 1 else REFUSED


def mxnet_pool(i, k, s, p, convention):
    # pooling.cc:165 (the window fits), 168-177 (valid / full / same)
    if convention == "same":
        return REFUSED if k > i else math.ceil(i / s)
    if k > i + 2 * p:  # no check on p: windows of padding only are taken
        return REFUSED
    if convention == "valid":
        return 1 + _cpp_div(i + 2 * p - k, s)
    return 1 + math.ceil((i + 2 * p - k) / s)


def mxnet_deconv(i, k, s, p, d, adj):
    # deconvolution.cc:137 (adj < stride), 143-144
    if adj > s - 1:
        return REFUSED
    o = s * (i - 1) + _extent(k, d) - 2 * p + adj
    return o if o >= 1 else REFUSED


def coreml_total_pad(pad_type, i, ek, s, custom):
    # _utils.py:205-235 (aggregated_pad)
    if pad_type in ("same", "same_lower"):
        return int(max(0, s * math.ceil(i / s) - i + ek - s))
    if pad_type == "valid":
        return 0
    return custom[0] + custom[1]


def coreml_size(pad_type, i, k, s, d, custom, ceil_mode):
    # _utils.py:319-338 (spatial_dimensions_out_shape)
    ek = _extent(k, d)
    pad = coreml_total_pad(pad_type, i, ek, s, custom)
    if not ceil_mode:
        o = math.floor((i + pad - ek) / s + 1)
    else:
        o = math.floor((i + pad - ek + s - 1) / s + 1)
        if (o - 1) * s >= i + pad / 2 and pad > 0:
            o -= 1
    return o if o > 0 else REFUSED


def coreml_transpose(pad_type, i, k, s, d, custom):
    # iOS15/conv.py:410-428
    ek = _extent(k, d)
    if pad_type == "same":
        o = s * i
    elif pad_type == "valid":
        o = s * (i - 1) + ek
    else:
        o = s * (i - 1) + ek - custom[0] - custom[1]
    return o if o >= 1 else REFUSED


def trt_size(mode, i, f, s, d, before, after):
    # NvInfer.h:693-715 (convolution); pooling the same with DK = F
    dk = _extent(f, d)
    if mode in ("same_upper", "same_lower"):
        return math.ceil(i / s)
    m = i + before + after
    rounded = math.floor if mode == "explicit_round_down" else math.ceil
    o = rounded((m - dk) / s) + 1
    return o if o >= 1 else REFUSED


def trt_deconv(mode, i, f, s, d, before, after):
    # NvInfer.h:717-736
    dk = _extent(f, d)
    if mode in ("same_upper", "same_lower"):
        return min(i * s, (i - 1) * s + dk)
    o = (i - 1) * s + dk - (before + after)
    return o if o >= 1 else REFUSED


def trt_same_split(mode, i, dk, s):
    # NvInfer.h:702-715: P = floor((I - 1)/S)*S + DK - I (clamped at 0 here: quirk)
    total = max((i - 1) // s * s + dk - i, 0)
    small = total // 2
    return (small, total - small) if mode == "same_upper" else (total - small, small)


# Random cases against the references ------------------------------------------------


def _draw(rng):
    i = rng.randint(1, 24)
    k = rng.randint(1, 7)
    s = rng.randint(1, 5)
    p = rng.randint(0, 4)
    d = rng.choice((1, 1, 2, 3))
    return i, k, s, p, d


def test_caffe_matches_its_cited_formulas_on_random_cases():
    rng = random.Random(SEED)
    for _ in range(CASES):
        i, k, s, p, d = _draw(rng)
        padded = rng.random() < 0.5
        case = (i, k, s, p, d, padded)
        got = _answer(caffe.output_size, "conv", i, k, s, p, d)
        assert got == caffe_conv(i, k, s, p, d), case
        got = _answer(caffe.resolve, "pool", i, k, s, p, layer_padded=padded or p > 0)
        assert got == caffe_pool(i, k, s, p, padded or p > 0), case
        got = _answer(caffe.output_size, "transpose", i, k, s, p, d)
        assert got == caffe_deconv(i, k, s, p, d), case


def test_mxnet_matches_its_cited_formulas_on_random_cases():
    rng = random.Random(SEED + 1)
    for _ in range(CASES):
        i, k, s, p, d = _draw(rng)
        case = (i, k, s, p, d)
        for convention, padding, ceil_mode in (
            ("valid", p, False),
            ("full", p, True),
            ("same", "same", False),
        ):
            got = _answer(mxnet.output_size, "pool", i, k, s, padding, ceil_mode=ceil_mode)
            assert got == mxnet_pool(i, k, s, p, convention), (*case, convention)
        adj = rng.randint(0, 3)
        got = _answer(mxnet.output_size, "transpose", i, k, s, p, d, False, adj)
        assert got == mxnet_deconv(i, k, s, p, d, adj), (*case, adj)
        span = i + 2 * p - _extent(k, d)
        want = REFUSED if span < 0 else span // s + 1  # convolution.cc:155-156, 170
        assert _answer(mxnet.output_size, "conv", i, k, s, p, d) == want, case


def test_coreml_matches_its_cited_formulas_on_random_cases():
    rng = random.Random(SEED + 2)
    for _ in range(CASES):
        i, k, s, _, d = _draw(rng)
        before, after = rng.randint(0, 4), rng.randint(0, 4)
        pad_type = rng.choice(("valid", "same", "same_lower", "custom"))
        padding = (before, after) if pad_type == "custom" else pad_type.upper()
        custom = (before, after)
        case = (pad_type, i, k, s, d, custom)
        got = _answer(coreml.output_size, "conv", i, k, s, padding, d)
        assert got == coreml_size(pad_type, i, k, s, d, custom, False), case
        # Pooling: no dilation; ceil_mode only with equal pads and without 'same'.
        ceil_mode = rng.random() < 0.5
        symmetric = (before, before)
        pool_padding = symmetric if pad_type == "custom" else padding
        want = coreml_size(pad_type, i, k, s, 1, symmetric, ceil_mode)
        if ceil_mode and pad_type == "same":
            want = REFUSED
        got = _answer(
            coreml.output_size, "pool", i, k, s, pool_padding, ceil_mode=ceil_mode
        )
        assert got == want, (*case, ceil_mode)
        if pad_type != "same_lower":
            got = _answer(coreml.output_size, "transpose", i, k, s, padding, d)
            assert got == coreml_transpose(pad_type, i, k, s, d, custom), case


def test_tensorrt_matches_its_cited_formulas_on_random_cases():
    rng = random.Random(SEED + 3)
    for _ in range(CASES):
        i, f, s, _, d = _draw(rng)
        before, after = rng.randint(0, 4), rng.randint(0, 4)
        mode = rng.choice(PADDING_MODES[:4])
        padding = mode.upper() if mode.startswith("same") else (before, after)
        ceil_mode = mode == "explicit_round_up"
        case = (mode, i, f, s, d, before, after)
        got = _answer(tensorrt.output_size, "conv", i, f, s, padding, d, ceil_mode)
        assert got == trt_size(mode, i, f, s, d, before, after), case
        want = trt_size(mode, i, f, s, 1, before, after)
        got = _answer(tensorrt.output_size, "pool", i, f, s, padding, 1, ceil_mode)
        assert got == want, case
        got = _answer(tensorrt.output_size, "transpose", i, f, s, padding, d)
        assert got == trt_deconv(mode, i, f, s, d, before, after), case
        if mode.startswith("same"):
            rule = tensorrt.resolve("conv", i, f, s, padding, d)
            geometry = rule.geometry()
            split = (geometry.pad_before, geometry.pad_after)
            assert split == trt_same_split(mode, i, _extent(f, d), s), case


PADDING_MODES = ("explicit_round_down", "explicit_round_up", "same_upper", "same_lower")


def test_tensorrt_round_up_convolution_keeps_the_windows_of_the_formula():
    # ceil((M - DK)/S) + 1 windows, S apart from -B: the last reads past the padding
    rule = tensorrt.resolve("conv", 6, 3, 2, (1, 0), ceil_mode=True)
    geometry = rule.geometry()
    assert geometry.output_size == math.ceil((6 + 1 - 3) / 2) + 1 == 3
    assert geometry.window_starts == (0, 2, 4)  # in padded coordinates


# Worked examples of the sources -------------------------------------------------------


def test_tensorrt_header_same_examples():
    # NvInfer.h:788-818: I 6, S 2, F 3 gives O 3; SAME_UPPER B 0, A 1; SAME_LOWER 1, 0
    upper = tensorrt.resolve("pool", 6, 3, 2, "same_upper").geometry()
    lower = tensorrt.resolve("pool", 6, 3, 2, "same_lower").geometry()
    assert (upper.output_size, upper.pad_before, upper.pad_after) == (3, 0, 1)
    assert (lower.output_size, lower.pad_before, lower.pad_after) == (3, 1, 0)
    # NvInfer.h:788-796 explicit padding with B 1, A 1 (a case the core accepts):
    assert tensorrt.output_size("pool", 6, 3, 2, 1) == 3


def test_known_quirks_are_cases_convdims_refuses_or_notes():
    from convdims.conventions import caffe as caffe_module
    from convdims.conventions import mxnet as mxnet_module
    from convdims.conventions import tensorrt as trt_module

    assert _answer(caffe.output_size, "conv", 2, 3, 2, 0) == REFUSED
    # Windows of padding only: the engines take them, and so does convdims.
    assert _answer(mxnet.output_size, "pool", 5, 2, 1, 2) == 8
    assert _answer(tensorrt.output_size, "pool", 6, 3, 2, (3, 2)) == 5  # NvInfer.h:762-786
    assert _answer(coreml.output_size, "pool", 4, 2, 2, (2, 2)) == 4
    for module in (caffe_module, mxnet_module, trt_module):
        for quirk in module.KNOWN_ENGINE_QUIRKS:
            assert {"framework", "case", "engine", "convdims", "source"} <= set(quirk)
            assert quirk["source"].startswith("github.com/")


# Defaults, refusals, spellings -----------------------------------------------------------


@pytest.mark.parametrize("convention", [caffe, mxnet, coreml, tensorrt])
def test_cited_frameworks_say_so(convention):
    assert convention.run_here is False
    assert convention.source.startswith("cited from github.com/")
    assert convention.name in conventions.FRAMEWORKS


@pytest.mark.parametrize("convention", [caffe, mxnet, coreml, tensorrt])
def test_pooling_stride_defaults_to_one(convention):
    rule = convention.resolve("pool", 9, 3)
    assert rule.stride == 1


def test_default_paddings():
    assert caffe.resolve("conv", 9, 3).padding == 0
    assert mxnet.resolve("conv", 9, 3).padding == 0
    assert coreml.resolve("conv", 9, 3).padding == "valid"
    assert tensorrt.resolve("conv", 9, 3).padding == 0


def test_caffe_pooling_always_rounds_up_and_drops_only_when_padded():
    # 5 cells, window 1, stride 3: windows at 0, 3 and 6 (the last in the padding)
    assert caffe.output_size("pool", 5, 1, 3) == 3  # no padding: kept
    assert caffe.resolve("pool", 5, 1, 3, layer_padded=True).output_size == 2
    assert caffe.output_size("pool", 112, 3, 2) == 56  # PyTorch's floor gives 55
    assert caffe.resolve("pool", 112, 3, 2, rounding="floor").output_size == 55


@pytest.mark.parametrize(
    ("call", "argument", "words"),
    [
        (lambda: caffe.output_size("conv", 9, 3, 1, "same"), "padding", "no padding"),
        (lambda: caffe.output_size("pool", 9, 3, 1, 3), "padding", "pad < kernel_size"),
        (lambda: caffe.output_size("pool", 9, 3, 1, 0, 2), "dilation", "no dilation"),
        (
            lambda: caffe.output_size("transpose", 9, 3, 2, 0, 1, False, 1),
            "output_padding",
            "Deconvolution has no output_padding",
        ),
        (
            lambda: caffe.resolve("conv", 9, 3, rounding="floor"),
            "rounding",
            "pooling only",
        ),
        (
            lambda: caffe.output_size("conv", 9, 3, 1, (0, 1)),
            "padding",
            "pads both sides equally",
        ),
        (
            lambda: mxnet.resolve("pool", 9, 3, 1, "same", axes=2),
            "padding",
            "pooling_convention='same' is for 1-D",
        ),
        (
            lambda: mxnet.output_size("pool", 9, 3, 1, "same", ceil_mode=True),
            "ceil_mode",
            "'full' (ceil_mode)",
        ),
        (
            lambda: mxnet.output_size("transpose", 9, 3, 2, 0, 1, False, 2),
            "output_padding",
            "adj (output_padding) < stride",
        ),
        (
            lambda: mxnet.output_size("pool", 4, 7, 2, 1, ceil_mode=True),
            "kernel_size",
            "kernel <= padded input",
        ),
        (lambda: mxnet.output_size("conv", 9, 3, 1, "valid"), "padding", "an int"),
        (
            lambda: coreml.output_size("pool", 9, 3, 2, "SAME", ceil_mode=True),
            "ceil_mode",
            "pad_type 'same'",
        ),
        (
            lambda: coreml.output_size("pool", 9, 3, 2, (0, 1), ceil_mode=True),
            "padding",
            "equal padding before and after",
        ),
        (
            lambda: coreml.resolve("pool", 9, 3, 2, ceil_mode=True, axes=3),
            "ceil_mode",
            "1-D and 2-D pooling only",
        ),
        (lambda: coreml.output_size("conv", 9, 3, 1, 1), "padding", "(before, after)"),
        (
            lambda: coreml.output_size("transpose", 9, 3, 2, "same_lower"),
            "padding",
            "'valid' or 'same'",
        ),
        (
            lambda: coreml.output_size("transpose", 9, 3, 2, "valid", 1, False, 1),
            "output_padding",
            "output_shape",
        ),
        (
            lambda: tensorrt.output_size("conv", 9, 3, 1, "same"),
            "padding",
            "'same_upper' or 'same_lower'",
        ),
        (
            lambda: tensorrt.output_size("pool", 9, 3, 1, 0, 2),
            "dilation",
            "no dilation",
        ),
        (
            lambda: tensorrt.resolve("pool", 9, 2, 2, 1, padding_mode="caffe_round_up"),
            "padding",
            "prePadding + stride <= window",
        ),
        (
            lambda: tensorrt.resolve("pool", 9, 3, 2, 3, padding_mode="caffe_round_down"),
            "padding",
            "prePadding < window",
        ),
        (
            lambda: tensorrt.resolve("conv", 9, 3, padding_mode="kSAME_MIDDLE"),
            "padding_mode",
            "not a TensorRT PaddingMode",
        ),
        (
            lambda: tensorrt.resolve("conv", 9, 3, rounding="ceil"),
            "rounding",
            "kEXPLICIT_ROUND_UP",
        ),
    ],
)
def test_refusals_name_the_argument_and_the_framework_rule(call, argument, words):
    with pytest.raises(ArgumentError) as caught:
        call()
    assert caught.value.argument == argument
    assert words in str(caught.value)


@pytest.mark.parametrize(
    ("convention", "family", "word", "core"),
    [
        (tensorrt, "conv", "SAME_UPPER", "same"),
        (tensorrt, "pool", "Same_Lower", "same_lower"),
        (coreml, "conv", "SAME_LOWER", "same_lower"),
        (coreml, "pool", "Valid", "valid"),
    ],
)
def test_spellings_are_case_insensitive(convention, family, word, core):
    assert convention.takes_padding(family, word)
    assert convention.resolve(family, 10, 4, 2, word).padding == core


def test_mxnet_same_puts_every_missing_cell_after():
    rule = mxnet.resolve("pool", 10, 3, 4, "SAME")
    assert rule.padding == (0, 1) and rule.geometry().window_starts == (0, 4, 8)


def test_no_cited_framework_gives_empty_axes():
    for convention in (caffe, mxnet, coreml, tensorrt):
        assert not convention.empty_output
        for family in (Family.CONV, Family.POOL):  # a window larger than the input
            with pytest.raises(ArgumentError):
                convention.output_size(family, 2, 9, 1, None)


def test_caffe_decides_the_drop_for_the_whole_layer():
    # pooling_layer.cpp:107: if (pad_h_ || pad_w_), for both axes
    assert caffe.layer_options("pool", [1, 0]) == {"layer_padded": True}
    assert caffe.layer_options("pool", [0, 0]) == {"layer_padded": False}
    assert caffe.layer_options("conv", [1, 0]) == {}
    for other in (mxnet, coreml, tensorrt):
        assert other.layer_options("pool", [1, 0]) == {}

"""convdims.torch against real PyTorch: random layers and random stacks.

Hypothesis draws layer configurations (every layer the dialect offers, 1-D to 3-D, every
padding form and mode, strides, dilations, groups, ceil_mode, output_padding, inputs of
1 to ~70 cells, sometimes wrong channels or ranks); each is built in convdims and in
PyTorch and run on an input of the drawn shape. They must agree on accepting it, and
then on the output shape, the parameter counts (total, trainable) and the printed repr.
When PyTorch raises (any exception), convdims must raise ValueError.

PyTorch runs on the meta device (shapes only, no arithmetic) except transposed
convolutions, whose output_padding check the meta device skips: they run on the CPU with
few channels and small inputs.
"""

from __future__ import annotations

import warnings
from collections import OrderedDict
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from convdims import torch as cd_torch
from convdims.torch import nn as cd_nn
from test_torch_snippets import normalize_torchinfo

SETTINGS = dict(
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)

# Layers whose constructor takes device= in PyTorch.
_TAKES_DEVICE = {
    "Conv1d",
    "Conv2d",
    "Conv3d",
    "ConvTranspose1d",
    "ConvTranspose2d",
    "ConvTranspose3d",
    "BatchNorm1d",
    "BatchNorm2d",
    "Linear",
}


class Case:
    """One layer: its class name, constructor arguments, input shape and options."""

    def __init__(
        self,
        layer: str,
        kwargs: dict[str, Any],
        shape: tuple[int, ...],
        *,
        args: tuple[Any, ...] = (),
        train: bool = False,
        freeze: bool = False,
    ) -> None:
        self.layer = layer
        self.args = args
        self.kwargs = kwargs
        self.shape = shape
        self.train = train
        self.freeze = freeze

    def __repr__(self) -> str:
        call = ", ".join(
            [*map(repr, self.args), *(f"{k}={v!r}" for k, v in self.kwargs.items())]
        )
        options = f"train={self.train} freeze={self.freeze}"
        return f"nn.{self.layer}({call}) on {self.shape} {options}"


def _device(torch, case: Case):
    return torch.device("cpu" if case.layer.startswith("ConvTranspose") else "meta")


def _run_torch(torch, case: Case):
    """(module, output) from PyTorch, or the exception it raised."""
    device = _device(torch, case)
    kwargs = dict(case.kwargs)
    if case.layer in _TAKES_DEVICE:
        kwargs["device"] = device
    with warnings.catch_warnings():
        # Meta-device convolutions with padding="same" and an even kernel warn that a
        # padded copy may be made (a performance note, not a shape change).
        warnings.simplefilter("ignore")
        try:
            module = getattr(torch.nn, case.layer)(*case.args, **kwargs)
            if case.freeze:
                module.requires_grad_(False)
            module.train(case.train)
            with torch.no_grad():
                output = module(torch.empty(*case.shape, device=device))
        except Exception as error:  # noqa: BLE001 - any PyTorch error means "rejected"
            return error, None
    return module, output


def _run_convdims(case: Case):
    try:
        module = getattr(cd_nn, case.layer)(*case.args, **case.kwargs)
        if case.freeze:
            module.requires_grad_(False)
        module.train(case.train)
        output = module(cd_torch.empty(*case.shape))
    except ValueError as error:
        return error, None
    return module, output


def _counts(module) -> tuple[int, int]:
    params = list(module.parameters())
    return (
        sum(p.numel() for p in params),
        sum(p.numel() for p in params if p.requires_grad),
    )


def _shape(output) -> tuple[int, ...]:
    if isinstance(output, tuple):
        return tuple(tuple(o.shape) for o in output)
    return tuple(output.shape)


def check(torch, case: Case) -> None:
    theirs, their_output = _run_torch(torch, case)
    ours, our_output = _run_convdims(case)
    if isinstance(theirs, Exception):
        assert isinstance(ours, ValueError), (
            f"{case}: PyTorch raised {type(theirs).__name__}: {theirs}; convdims "
            "accepted it "
            f"and returned {_shape(our_output)}"
        )
        return
    if case.layer.startswith("ConvTranspose") and 0 in tuple(their_output.shape):
        # PyTorch disagrees with itself here: its 2-D/3-D CPU kernels return an empty
        # tensor when a transposed convolution's output size is 0, while its 1-D kernel
        # and its meta device (its own shape rules) raise "Output size is too small".
        # convdims sides with the shape rules.
        assert isinstance(ours, ValueError), case
        return
    assert not isinstance(ours, Exception), (
        f"{case}: PyTorch gave {_shape(their_output)}, convdims raised "
        f"{type(ours).__name__}: {ours}"
    )
    assert _shape(our_output) == _shape(their_output), case
    assert _counts(ours) == _counts(theirs), case
    assert repr(ours) == repr(theirs), case


# Strategies --------------------------------------------------------------------------


def _per_axis(draw, values, dims: int, *, as_int_probability: float = 0.5):
    """An int, or a tuple of one value per axis (PyTorch's int-or-tuple arguments)."""
    if draw(st.floats(0, 1)) < as_int_probability:
        return draw(values)
    return tuple(draw(values) for _ in range(dims))


def _spatial(draw, dims: int, high: int | None = None) -> tuple[int, ...]:
    top = high if high is not None else (70 if dims < 3 else 16)
    return tuple(draw(st.integers(1, top)) for _ in range(dims))


def _input(draw, dims: int, channels: int, high: int | None = None) -> tuple[int, ...]:
    """(N, C, *spatial) or unbatched (C, *spatial); now and then the wrong channels."""
    if draw(st.integers(0, 9)) == 0:
        channels = draw(st.integers(1, 8))
    spatial = _spatial(draw, dims, high)
    if draw(st.integers(0, 5)) == 0:
        return (channels, *spatial)
    if draw(st.integers(0, 30)) == 0:  # a rank the layer refuses
        return (2, channels, *spatial, 3)
    return (draw(st.integers(1, 3)), channels, *spatial)


def _channels(draw, groups: int) -> int:
    if draw(st.integers(0, 12)) == 0:
        return draw(st.integers(1, 9))  # may not divide by groups
    return groups * draw(st.integers(1, 3))


@st.composite
def conv_cases(draw) -> Case:
    dims = draw(st.integers(1, 3))
    groups = draw(st.sampled_from([1, 1, 1, 2, 3]))
    in_channels, out_channels = _channels(draw, groups), _channels(draw, groups)
    kernel = _per_axis(draw, st.integers(1, 7), dims)
    stride = _per_axis(draw, st.integers(1, 4), dims) if draw(st.booleans()) else 1
    dilation = _per_axis(draw, st.integers(1, 3), dims) if draw(st.booleans()) else 1
    padding = draw(
        st.one_of(
            st.sampled_from(["same", "valid"]),
            st.integers(0, 5),
            st.tuples(*[st.integers(0, 5)] * dims),
        )
    )
    kwargs = dict(
        kernel_size=kernel,
        stride=stride,
        padding=padding,
        dilation=dilation,
        groups=groups,
        bias=draw(st.booleans()),
        padding_mode=draw(
            st.sampled_from(["zeros", "zeros", "reflect", "replicate", "circular"])
        ),
    )
    return Case(
        f"Conv{dims}d",
        kwargs,
        _input(draw, dims, in_channels),
        args=(in_channels, out_channels),
        freeze=draw(st.integers(0, 4)) == 0,
    )


@st.composite
def conv_transpose_cases(draw) -> Case:
    dims = draw(st.integers(1, 3))
    groups = draw(st.sampled_from([1, 1, 2]))
    in_channels, out_channels = _channels(draw, groups), _channels(draw, groups)
    kwargs = dict(
        kernel_size=_per_axis(draw, st.integers(1, 5), dims),
        stride=_per_axis(draw, st.integers(1, 4), dims),
        padding=_per_axis(draw, st.integers(0, 4), dims),
        output_padding=_per_axis(draw, st.integers(0, 3), dims),
        dilation=_per_axis(draw, st.integers(1, 3), dims),
        groups=groups,
        bias=draw(st.booleans()),
    )
    if draw(st.integers(0, 20)) == 0:
        kwargs["padding_mode"] = "reflect"
    return Case(
        f"ConvTranspose{dims}d",
        kwargs,
        _input(draw, dims, in_channels, high={1: 40, 2: 14, 3: 6}[dims]),
        args=(in_channels, out_channels),
    )


@st.composite
def max_pool_cases(draw) -> Case:
    dims = draw(st.integers(1, 3))
    kernel = _per_axis(draw, st.integers(1, 6), dims)
    kwargs: dict[str, Any] = dict(kernel_size=kernel)
    if draw(st.booleans()):
        kwargs["stride"] = _per_axis(draw, st.integers(1, 4), dims)
    if draw(st.booleans()):
        kwargs["padding"] = _per_axis(draw, st.integers(0, 3), dims)
    if draw(st.booleans()):
        kwargs["dilation"] = _per_axis(draw, st.integers(1, 3), dims)
    kwargs["ceil_mode"] = draw(st.booleans())
    kwargs["return_indices"] = draw(st.integers(0, 5)) == 0
    return Case(f"MaxPool{dims}d", kwargs, _input(draw, dims, 2))


@st.composite
def avg_pool_cases(draw) -> Case:
    dims = draw(st.integers(1, 3))
    kwargs: dict[str, Any] = dict(kernel_size=_per_axis(draw, st.integers(1, 6), dims))
    if draw(st.booleans()):
        kwargs["stride"] = _per_axis(draw, st.integers(1, 4), dims)
    if draw(st.booleans()):
        kwargs["padding"] = _per_axis(draw, st.integers(0, 3), dims)
    kwargs["ceil_mode"] = draw(st.booleans())
    kwargs["count_include_pad"] = draw(st.booleans())
    if dims > 1 and draw(st.integers(0, 4)) == 0:
        kwargs["divisor_override"] = draw(st.integers(0, 3))
    return Case(f"AvgPool{dims}d", kwargs, _input(draw, dims, 2))


@st.composite
def adaptive_cases(draw) -> Case:
    kind = draw(st.sampled_from(["Avg", "Max"]))
    dims = draw(st.integers(1, 3))
    size = st.integers(1, 9)
    if dims == 1 or draw(st.booleans()):
        output_size: Any = draw(size)
    else:
        output_size = tuple(draw(st.one_of(size, st.none())) for _ in range(dims))
    shape = _input(draw, dims, 3)
    if draw(st.integers(0, 8)) == 0:  # any rank: PyTorch's size-1 shortcut takes more
        shape = tuple(draw(st.lists(st.integers(1, 5), min_size=1, max_size=dims + 3)))
    return Case(f"Adaptive{kind}Pool{dims}d", {}, shape, args=(output_size,))


@st.composite
def batch_norm_cases(draw) -> Case:
    dims = draw(st.sampled_from([1, 2]))
    features = draw(st.integers(1, 6))
    channels = features if draw(st.integers(0, 6)) else draw(st.integers(1, 6))
    rank = (
        draw(st.sampled_from([2, 3] if dims == 1 else [4]))
        if draw(st.integers(0, 8))
        else (draw(st.integers(2, 5)))
    )
    shape = (draw(st.integers(1, 3)), channels, *_spatial(draw, rank - 2, 5))
    kwargs = dict(
        affine=draw(st.booleans()),
        track_running_stats=draw(st.booleans()),
    )
    return Case(
        f"BatchNorm{dims}d",
        kwargs,
        shape,
        args=(features,),
        train=draw(st.booleans()),
        freeze=draw(st.integers(0, 3)) == 0,
    )


@st.composite
def linear_cases(draw) -> Case:
    in_features, out_features = draw(st.integers(1, 40)), draw(st.integers(1, 40))
    last = in_features if draw(st.integers(0, 6)) else draw(st.integers(1, 40))
    leading = tuple(draw(st.lists(st.integers(1, 4), max_size=3)))
    return Case(
        "Linear",
        dict(bias=draw(st.booleans())),
        (*leading, last),
        args=(in_features, out_features),
        freeze=draw(st.integers(0, 4)) == 0,
    )


@st.composite
def shape_only_cases(draw) -> Case:
    shape = tuple(draw(st.lists(st.integers(1, 5), min_size=1, max_size=5)))
    layer = draw(st.sampled_from(["Flatten", "ReLU", "Dropout", "Identity"]))
    if layer == "Flatten":
        kwargs: dict[str, Any] = dict(
            start_dim=draw(st.integers(-5, 4)), end_dim=draw(st.integers(-5, 4))
        )
    elif layer == "ReLU":
        kwargs = dict(inplace=draw(st.booleans()))
    elif layer == "Dropout":
        kwargs = dict(p=draw(st.sampled_from([-0.1, 0.0, 0.25, 0.5, 1.0, 1.5])))
    else:
        kwargs = {}
    return Case(layer, kwargs, shape)


@pytest.mark.parametrize(
    ("strategy", "examples"),
    [
        pytest.param(conv_cases(), 600, id="conv"),
        pytest.param(conv_transpose_cases(), 350, id="conv_transpose"),
        pytest.param(max_pool_cases(), 350, id="max_pool"),
        pytest.param(avg_pool_cases(), 300, id="avg_pool"),
        pytest.param(adaptive_cases(), 150, id="adaptive_pool"),
        pytest.param(batch_norm_cases(), 200, id="batch_norm"),
        pytest.param(linear_cases(), 150, id="linear"),
        pytest.param(shape_only_cases(), 150, id="flatten_relu_dropout_identity"),
    ],
)
def test_layer_matches_pytorch(torch, strategy, examples) -> None:
    @settings(max_examples=examples, **SETTINGS)
    @given(strategy)
    def run(case: Case) -> None:
        check(torch, case)

    run()


# Adaptive pooling on inputs with few axes: PyTorch fills a tuple output_size from the
# input's last axes first, and that wants more axes than the tuple has; an int size goes
# straight to the kernel (and the 1x1 average shortcut takes any rank). Rare in the random
# cases above, so each boundary is pinned here.
@pytest.mark.parametrize(
    ("layer", "output_size", "shape"),
    [
        ("AdaptiveAvgPool2d", (None, 1), (1, 4)),
        ("AdaptiveAvgPool2d", (None, None), (1, 1)),
        ("AdaptiveAvgPool2d", (1, 1), (5, 4)),
        ("AdaptiveAvgPool2d", 1, (5, 4)),
        ("AdaptiveAvgPool2d", (None, 1), (2, 3, 4)),
        ("AdaptiveMaxPool2d", (2, 2), (3, 4)),
        ("AdaptiveMaxPool2d", 2, (3, 4)),
        ("AdaptiveAvgPool3d", (None, 1, 1), (2, 3, 4)),
        ("AdaptiveAvgPool3d", (1, 1, 1), (1, 2, 3, 4)),
        ("AdaptiveMaxPool3d", (1, None, 2), (2, 3, 4)),
        ("AdaptiveAvgPool1d", 3, (4,)),
    ],
)
def test_adaptive_pool_on_few_axes_matches_pytorch(torch, layer, output_size, shape):
    check(torch, Case(layer, {}, shape, args=(output_size,)))


# Random stacks -----------------------------------------------------------------------


@st.composite
def stacks(draw):
    """A Sequential of 2-6 layers on a 2-D image, ending sometimes in a classifier head.

    Returns (a builder taking an ``nn`` module, the input shape, whether to freeze part).
    """
    channels = draw(st.integers(1, 4))
    shape = (
        draw(st.integers(1, 2)),
        channels,
        draw(st.integers(4, 70)),
        draw(st.integers(4, 70)),
    )
    plan: list[tuple[str, tuple[Any, ...], dict[str, Any]]] = []
    current = channels
    for _ in range(draw(st.integers(2, 6))):
        kind = draw(
            st.sampled_from(["conv", "conv", "max", "avg", "bn", "relu", "dropout"])
        )
        if kind == "conv":
            out = draw(st.integers(1, 6))
            plan.append(
                (
                    "Conv2d",
                    (current, out, draw(st.integers(1, 5))),
                    dict(
                        stride=draw(st.integers(1, 3)),
                        padding=draw(st.integers(0, 2)),
                        bias=draw(st.booleans()),
                    ),
                )
            )
            current = out
        elif kind == "max":
            plan.append(
                (
                    "MaxPool2d",
                    (draw(st.integers(1, 3)),),
                    dict(ceil_mode=draw(st.booleans())),
                )
            )
        elif kind == "avg":
            plan.append(
                (
                    "AvgPool2d",
                    (draw(st.integers(1, 3)),),
                    dict(padding=draw(st.integers(0, 1))),
                )
            )
        elif kind == "bn":
            plan.append(("BatchNorm2d", (current,), {}))
        elif kind == "relu":
            plan.append(("ReLU", (), dict(inplace=draw(st.booleans()))))
        else:
            plan.append(("Dropout", (), dict(p=0.3)))
    if draw(st.booleans()):
        size = draw(st.integers(1, 3))
        plan += [
            ("AdaptiveAvgPool2d", (size,), {}),
            ("Flatten", (), {}),
            ("Linear", (current * size * size, draw(st.integers(1, 10))), {}),
        ]
    named = draw(st.booleans())
    frozen = draw(st.lists(st.integers(0, len(plan) - 1), max_size=2))

    def build(nn):
        layers = [getattr(nn, name)(*args, **kwargs) for name, args, kwargs in plan]
        for index in frozen:
            layers[index].requires_grad_(False)
        if named:
            return nn.Sequential(
                OrderedDict(
                    (f"{name.lower()}{i}", layer)
                    for i, (layer, (name, _, _)) in enumerate(
                        zip(layers, plan, strict=False)
                    )
                )
            )
        return nn.Sequential(*layers)

    build.plan = plan  # type: ignore[attr-defined]
    return build, shape


@settings(max_examples=300, **SETTINGS)
@given(stacks())
def test_stack_matches_pytorch_and_torchinfo(torch, torchinfo, stack) -> None:
    build, shape = stack
    with torch.device("meta"):
        theirs = build(torch.nn)
    ours = build(cd_nn)
    try:
        their_output = theirs.eval()(torch.empty(*shape, device="meta"))
    except Exception:  # noqa: BLE001 - any PyTorch error means "rejected"
        with pytest.raises(ValueError):
            ours.eval()(cd_torch.empty(*shape))
        return
    our_output = ours.eval()(cd_torch.empty(*shape))
    assert tuple(our_output.shape) == tuple(their_output.shape), build.plan
    assert _counts(ours) == _counts(theirs), build.plan
    expected = str(torchinfo.summary(theirs, input_size=shape, device="meta", verbose=0))
    got = str(cd_torch.summary(ours, input_size=shape, verbose=0))
    assert got == normalize_torchinfo(expected), build.plan

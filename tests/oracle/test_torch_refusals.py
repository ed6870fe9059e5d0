"""The lookalike refuses bad layer arguments where and how PyTorch does.

Hypothesis takes a valid layer and puts one bad or borderline value (zero, negative,
float, bool, string, None) into one of its arguments; the layer is then built and
called on a fitting input, in convdims and in PyTorch 2.13 (on the CPU, small inputs).
Both must accept it (with the same output shape), or both refuse it at the same moment
(when the layer is built, or when it runs) with an exception of PyTorch's class
(RuntimeError, TypeError, ValueError, IndexError, ZeroDivisionError); a refusal of
convdims is also a ValueError or a TypeError and names the argument at fault.

Three differences are deliberate and left out: an adaptive pooling ``output_size`` of 0
(PyTorch returns an empty tensor; convdims refuses it when the layer is built), an input
of 0 channels (convdims wants every non-batch axis to hold a cell), and a padding word
given to a transposed convolution (PyTorch takes ``padding='same'`` and raises a
TypeError when the layer runs; convdims says at once that it takes cells).
"""

from __future__ import annotations

import builtins
import warnings
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from convdims import torch as cd_torch
from convdims.torch import nn as cd_nn

SETTINGS = dict(
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.too_slow],
)

BAD = st.sampled_from([0, -1, -2, 2.0, 1.5, True, False, "2", None])


def _size(value: Any, default: int) -> int:
    """The input size that fits an argument value (a default where there is none)."""
    if isinstance(value, int) and not isinstance(value, bool) and value > 0:
        return value
    return default


class Case:
    def __init__(self, layer: str, args: tuple, kwargs: dict, shape: tuple) -> None:
        self.layer, self.args, self.kwargs, self.shape = layer, args, kwargs, shape

    def __repr__(self) -> str:
        call = ", ".join(
            [*map(repr, self.args), *(f"{k}={v!r}" for k, v in self.kwargs.items())]
        )
        return f"nn.{self.layer}({call}) on {self.shape}"


@st.composite
def conv_cases(draw) -> Case:
    dims = draw(st.integers(1, 3))
    transposed = draw(st.booleans())
    layer = f"Conv{'Transpose' if transposed else ''}{dims}d"
    values: dict[str, Any] = dict(
        in_channels=2,
        out_channels=4,
        kernel_size=3,
        stride=1,
        padding=1,
        dilation=1,
        groups=1,
    )
    if transposed:
        values["output_padding"] = 0
    name = draw(st.sampled_from(sorted(values)))
    values[name] = draw(BAD)
    if name == "in_channels" and values[name] == 0:
        values[name] = -1  # a 0-channel input is a deliberate difference (see above)
    if transposed and name == "padding" and isinstance(values[name], str):
        values[name] = None  # a padding word: refused at once (see above)
    shape = (1, _size(values["in_channels"], 2), *([6] * dims))
    args = (
        values.pop("in_channels"),
        values.pop("out_channels"),
        values.pop("kernel_size"),
    )
    return Case(layer, args, values, shape)


@st.composite
def pool_cases(draw) -> Case:
    dims = draw(st.integers(1, 3))
    kind = draw(st.sampled_from(["Max", "Avg"]))
    values: dict[str, Any] = dict(kernel_size=2, stride=None, padding=0, ceil_mode=False)
    if kind == "Max":
        values.update(dilation=1, return_indices=False)
    else:
        values["count_include_pad"] = True
        if dims > 1:
            values["divisor_override"] = None
    name = draw(st.sampled_from(sorted(values)))
    values[name] = draw(BAD)
    return Case(f"{kind}Pool{dims}d", (), values, (1, 2, *([7] * dims)))


@st.composite
def adaptive_cases(draw) -> Case:
    dims = draw(st.integers(1, 3))
    kind = draw(st.sampled_from(["Max", "Avg"]))
    size = draw(BAD.filter(lambda v: v != 0 or isinstance(v, bool)))
    if size is False:
        size = -1  # False is 0 (see above)
    output_size = size if dims == 1 or draw(st.booleans()) else (size,) + (2,) * (dims - 1)
    return Case(f"Adaptive{kind}Pool{dims}d", (output_size,), {}, (1, 2, *([5] * dims)))


@st.composite
def other_cases(draw) -> Case:
    layer = draw(
        st.sampled_from(
            [
                "Linear",
                "BatchNorm1d",
                "BatchNorm2d",
                "GroupNorm",
                "Dropout",
                "ZeroPad2d",
                "Flatten",
                "LayerNorm",
            ]
        )
    )
    bad = draw(BAD)
    if layer == "Linear":
        which = draw(st.integers(0, 1))
        args = (bad, 3) if which == 0 else (3, bad)
        return Case(layer, args, {}, (2, _size(args[0], 3)))
    if layer.startswith("BatchNorm"):
        rank = 3 if layer == "BatchNorm1d" else 4
        affine = draw(st.booleans())
        channels = _size(bad, 3)
        return Case(layer, (bad,), {"affine": affine}, (2, channels, *([3] * (rank - 2))))
    if layer == "GroupNorm":
        which = draw(st.integers(0, 1))
        args = (bad, 4) if which == 0 else (2, bad)
        return Case(layer, args, {}, (2, _size(args[1], 4), 3))
    if layer == "Dropout":
        return Case(layer, (), {"p": bad}, (2, 3))
    if layer == "ZeroPad2d":
        padding = bad if draw(st.booleans()) else (1, bad, 0, 1)
        return Case(layer, (padding,), {}, (1, 2, 6, 6))
    if layer == "LayerNorm":
        return Case(layer, (bad,), {}, (2, _size(bad, 3)))
    name = draw(st.sampled_from(["start_dim", "end_dim"]))
    return Case(layer, (), {name: bad}, (2, 3, 4))


def _outcome(nn, empty, case: Case) -> tuple[str, Any]:
    """("ok", output shape), or ("construct" | "call", the exception)."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            module = getattr(nn, case.layer)(*case.args, **case.kwargs)
        except Exception as error:  # noqa: BLE001 - which exception is the point
            return "construct", error
        try:
            output = module(empty(*case.shape))
        except Exception as error:  # noqa: BLE001
            return "call", error
    if isinstance(output, tuple):
        output = output[0]
    return "ok", tuple(output.shape)


def _builtin_class(error: BaseException) -> type[BaseException]:
    """The Python exception class PyTorch's error is (its own classes derive from
    one: ``torch.OutOfMemoryError`` is a RuntimeError)."""
    for cls in type(error).__mro__:
        if cls.__module__ == "builtins":
            return cls
    return Exception


def check(torch, case: Case) -> None:
    theirs = _outcome(torch.nn, torch.empty, case)
    ours = _outcome(cd_nn, cd_torch.empty, case)
    if theirs[0] == "ok":
        assert ours == theirs, f"{case}: PyTorch gave {theirs[1]}, convdims {ours}"
        return
    expected = _builtin_class(theirs[1])
    moment = "built" if theirs[0] == "construct" else "called"
    assert ours[0] == theirs[0], (
        f"{case}: PyTorch refused when the layer is {moment} "
        f"({type(theirs[1]).__name__}: {theirs[1]}); convdims: {ours}"
    )
    error = ours[1]
    assert isinstance(error, expected), (
        f"{case}: PyTorch raised {expected.__name__} ({theirs[1]}), convdims "
        f"{type(error).__name__}: {error}"
    )
    assert isinstance(error, (ValueError, TypeError)), f"{case}: {error!r}"
    assert getattr(error, "argument", None), f"{case}: {error!r} names no argument"
    assert expected in vars(builtins).values()


@pytest.mark.parametrize(
    ("strategy", "examples"),
    [
        pytest.param(conv_cases(), 300, id="conv"),
        pytest.param(pool_cases(), 250, id="pool"),
        pytest.param(adaptive_cases(), 80, id="adaptive_pool"),
        pytest.param(other_cases(), 250, id="linear_norm_dropout_pad_flatten"),
    ],
)
def test_bad_arguments_are_refused_like_pytorch(torch, strategy, examples) -> None:
    @settings(max_examples=examples, **SETTINGS)
    @given(strategy)
    def run(case: Case) -> None:
        check(torch, case)

    run()


@pytest.mark.parametrize(
    ("layer", "args", "kwargs", "shape", "moment", "error"),
    [
        # The two of issue 15.
        ("Conv2d", (3, 0, 3), {}, (1, 3, 8, 8), "call", RuntimeError),
        ("MaxPool2d", (2,), {"ceil_mode": "yes"}, (1, 3, 8, 8), "call", TypeError),
    ],
)
def test_issue_15_refusals(torch, layer, args, kwargs, shape, moment, error) -> None:
    case = Case(layer, args, kwargs, shape)
    theirs = _outcome(torch.nn, torch.empty, case)
    assert theirs[0] == moment and isinstance(theirs[1], error)
    check(torch, case)

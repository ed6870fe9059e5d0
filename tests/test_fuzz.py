"""Fuzzing every public function of the core: an answer, or a TypeError/ValueError that
names one of the function's arguments, for any input; and work that does not grow with
the numbers given (huge sizes answer at once, or are refused)."""

from __future__ import annotations

import inspect

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import convdims
from convdims import analysis, conventions, receptive, transposed_geometry
from convdims.errors import ArgumentError, ArgumentTypeError, base_argument

HUGE = [10**18, 10**40, -(10**40), 10**4400, 2**63, -1, 0]
scalars = st.one_of(
    st.integers(-3, 40),
    st.sampled_from(HUGE),
    st.booleans(),
    st.floats(allow_nan=True, allow_infinity=True),
    st.sampled_from(["same", "valid", "full", "causal", "SAME", "", "x", "1"]),
    st.none(),
)
values = st.one_of(
    scalars,
    st.tuples(scalars, scalars),
    st.lists(scalars, max_size=3),
)

FUNCTIONS = {
    "conv_output_size": convdims.conv_output_size,
    "conv_geometry": convdims.conv_geometry,
    "pool_output_size": convdims.pool_output_size,
    "pool_geometry": convdims.pool_geometry,
    "conv_transpose_output_size": convdims.conv_transpose_output_size,
    "transposed_geometry": transposed_geometry.transposed_geometry,
    "same_padding": convdims.same_padding,
    "explicit_padding": convdims.explicit_padding,
    "conv_params": convdims.conv_params,
    "depthwise_conv_params": convdims.depthwise_conv_params,
    "separable_conv_params": convdims.separable_conv_params,
    "dense_params": convdims.dense_params,
    "effective_kernel_window": convdims.AxisWindow,
    "conv_macs": analysis.conv_macs,
    "conv_transpose_macs": analysis.conv_transpose_macs,
    "depthwise_conv_macs": analysis.depthwise_conv_macs,
    "separable_conv_macs": analysis.separable_conv_macs,
    "dense_macs": analysis.dense_macs,
}


def _parameters(function) -> list[str]:
    return [
        name
        for name, p in inspect.signature(function).parameters.items()
        if p.kind in (p.POSITIONAL_ONLY, p.POSITIONAL_OR_KEYWORD)
    ]


def _check_refusal(error: BaseException, allowed: set[str]) -> None:
    assert isinstance(error, (ArgumentError, ArgumentTypeError)), repr(error)
    assert base_argument(error.argument) in allowed, (error.argument, allowed)
    text = str(error)  # the message itself must be printable (no 4,300-digit limit)
    assert error.argument.split("[")[0] in text or "layer" in text, text
    assert len(text) < 2000


@pytest.mark.parametrize("name", FUNCTIONS)
@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_any_input_gives_an_answer_or_names_the_argument(name, data):
    function = FUNCTIONS[name]
    names = _parameters(function)
    required = sum(
        1
        for p in inspect.signature(function).parameters.values()
        if p.default is p.empty and p.name in names
    )
    count = data.draw(st.integers(required, len(names)), label="how many arguments")
    arguments = [data.draw(values, label=n) for n in names[:count]]
    try:
        result = function(*arguments)
    except (TypeError, ValueError) as error:
        _check_refusal(error, set(names) | {"layer"})
        return
    if isinstance(result, int):
        assert result >= 0
        if "output_size" in name:
            assert result >= 1


@settings(max_examples=200, deadline=None)
@given(
    framework=st.sampled_from(conventions.FRAMEWORKS),
    family=st.sampled_from(["conv", "pool", "transpose"]),
    arguments=st.lists(values, min_size=2, max_size=7),
)
def test_conventions_answer_or_name_the_argument(framework, family, arguments):
    convention = conventions.get(framework)
    try:
        result = convention.output_size(family, *arguments)
    except (TypeError, ValueError) as error:
        names = set(_parameters(convention.output_size)) | {"pool_size"}
        _check_refusal(error, names)
        return
    # 0 only for a framework that gives an empty axis (JAX, Flax, ...), never below.
    assert isinstance(result, int)
    assert result >= 1 or (result == 0 and family in convention.empty_output)


@settings(max_examples=150, deadline=None)
@given(layers=st.lists(values, max_size=4), size=values, index=values)
def test_receptive_functions_answer_or_name_the_argument(layers, size, index):
    allowed = {"layer", "kernel_size", "stride", "pad_before", "pad_after", "dilation"}
    allowed |= {"padding", "input_size", "index", "layers"}
    for call in (
        lambda: receptive.receptive_field(layers),
        lambda: receptive.receptive_fields(layers),
        lambda: receptive.receptive_trace(size, layers, index),
    ):
        try:
            call()
        except (TypeError, ValueError) as error:
            _check_refusal(error, allowed)


@pytest.mark.parametrize(
    "size", [10**6, 10**12, 10**40, 10**4000], ids=["1e6", "1e12", "1e40", "1e4000"]
)
def test_huge_sizes_answer_without_per_cell_work(size, monkeypatch):
    """The sizes and splits of a huge axis come in closed form: building anything per
    cell would run out of memory long before these return."""
    assert convdims.conv_output_size(size, 3) == size - 2
    assert convdims.pool_output_size(size, 2) == size // 2
    assert convdims.conv_transpose_output_size(size, 3, 2, "same") == 2 * size
    geometry = convdims.conv_geometry(size, 3, 2, "same")
    assert (geometry.pad_before, geometry.output_size) == (0, -(-size // 2))
    assert receptive.receptive_field([(3, 2, 1)] * 40).size > 0
    assert conventions.get("torch").output_size("pool", size, 3, 2, 1, ceil_mode=True) > 0


def test_a_trace_too_long_to_list_is_refused_not_built():
    with pytest.raises(ArgumentError) as caught:
        receptive.receptive_trace(10**12, [(10**9, 1, 0)])
    with pytest.raises(ArgumentError):
        receptive.receptive_trace(10**6, [(1000, 1, 0)] * 3)
    assert caught.value.argument == "layers"
    # a trace of a normal stack still lists its cells
    assert receptive.receptive_trace(32, [(3, 1, 1), (2, 2)], 0)[0].cells == (0, 1, 2)


def test_numbers_too_long_to_print_are_refused_by_name():
    with pytest.raises(ArgumentError) as caught:
        convdims.conv_output_size(10**5000, 3)
    assert caught.value.argument == "input_size" and "5,000 digits" in str(caught.value)


def test_error_messages_survive_numbers_of_any_length():
    for call in (
        lambda: convdims.conv_output_size(3, 10**5000),
        lambda: convdims.pool_output_size(3, 10**5000),
        lambda: convdims.conv_params(3, 10**5000, 7, groups=3),
        lambda: convdims.conv_transpose_output_size(3, 3, 2, 10**5000),
    ):
        with pytest.raises(ValueError) as caught:
            call()
        assert "digits" in str(caught.value) or len(str(caught.value)) < 600

"""Bad input: the exception type, the argument named, the rule, the numbers involved."""

from __future__ import annotations

import pytest

from convdims import (
    conv_output_size,
    conv_params,
    conv_transpose_output_size,
    conventions,
    pool_output_size,
    same_padding,
)


@pytest.mark.parametrize("bad", [3.0, 2.5, True, False, "3", None, [3]])
@pytest.mark.parametrize(
    ("function", "argument"),
    [
        (lambda v: conv_output_size(v, 3), "input_size"),
        (lambda v: conv_output_size(32, v), "kernel_size"),
        (lambda v: conv_output_size(32, 3, stride=v), "stride"),
        (lambda v: conv_output_size(32, 3, dilation=v), "dilation"),
        (lambda v: pool_output_size(v, 2), "input_size"),
        (lambda v: pool_output_size(30, v), "pool_size"),
        (lambda v: conv_transpose_output_size(12, 3, v), "stride"),
        (lambda v: same_padding(11, v), "kernel_size"),
        (lambda v: conv_params(3, v, 5), "in_channels"),
    ],
)
def test_non_integers_are_type_errors(function, argument, bad):
    with pytest.raises(TypeError, match=argument):
        function(bad)


def test_flags_must_be_bools():
    with pytest.raises(TypeError, match="ceil_mode must be True or False, got 1"):
        pool_output_size(10, 2, ceil_mode=1)


@pytest.mark.parametrize("bad", [2.0, True, "1"])
def test_padding_of_the_wrong_type(bad):
    with pytest.raises((TypeError, ValueError), match="padding"):
        conv_output_size(32, 3, padding=bad)


def test_int_subclasses_are_accepted():
    class Seven(int):
        pass

    assert conv_output_size(Seven(7), 3) == 5


def test_numpy_integers_are_accepted():
    numpy = pytest.importorskip("numpy")
    assert conv_output_size(numpy.int64(32), numpy.int32(3)) == 30
    with pytest.raises(TypeError, match="input_size"):
        conv_output_size(numpy.float64(32), 3)


@pytest.mark.parametrize(
    ("call", "pattern"),
    [
        (lambda: conv_output_size(0, 3), r"input_size must be at least 1, got 0"),
        (lambda: conv_output_size(32, 0), r"kernel_size must be at least 1, got 0"),
        (lambda: conv_output_size(32, 3, stride=0), r"stride must be at least 1, got 0"),
        (lambda: conv_output_size(32, 3, dilation=-1), r"dilation must be at least 1"),
        (lambda: conv_output_size(32, 3, padding=-1), r"padding must be 0 or more, got -1"),
        (lambda: conv_output_size(32, 3, padding=(1, -2)), r"padding\[1\] \(after\)"),
        (lambda: conv_output_size(32, 3, padding=(1, 2, 3)), r"pair of 2 ints"),
        (lambda: conv_output_size(32, 3, padding="half"), r"'half'.*'valid', 'same'"),
        (lambda: conv_output_size(32, 3, padding="SAME"), r"'SAME'"),
        (
            lambda: conv_output_size(3, 3, dilation=2, padding=(0, 1)),
            r"kernel_size=3 \(effective 5 with dilation=2\) is larger than the padded input"
            r" 4 \(input_size=3 \+ padding 0 before \+ 1 after\)",
        ),
        (
            lambda: conv_output_size(2, 3),
            r"larger than the padded input 2.*at least 1 more",
        ),
        (lambda: pool_output_size(1, 2), r"pool_size=2 is larger than the padded input 1"),
        (
            lambda: conventions.get("torch").output_size("pool", 10, 4, padding=3),
            r"at most half of pool_size=4",
        ),
        (lambda: pool_output_size(10, 4, padding=4), r"pool_size=4 would then hold"),
        (lambda: conv_params(3, 6, 4, groups=4), r"groups=4 must divide in_channels=6"),
        (lambda: conv_params(3, 8, 6, groups=4), r"groups=4 must divide filters=6"),
        (lambda: conv_params((), 8, 6), r"kernel_size must hold at least one size"),
        (
            lambda: conv_transpose_output_size(12, 3, 2, "causal"),
            r"'causal'.*'valid', 'same'",
        ),
        (
            lambda: conv_transpose_output_size(1, 2, 2, "same", output_padding=0),
            r"output size 0; it must be at least 1",
        ),
        (lambda: conv_transpose_output_size(3, 3, 1, 3), r"output size -1"),
    ],
)
def test_value_errors_name_the_argument_and_numbers(call, pattern):
    with pytest.raises(ValueError, match=pattern):
        call()


def test_never_returns_a_size_below_one():
    for size in range(1, 12):
        for kernel in range(1, 12):
            for stride in range(1, 5):
                for padding in (0, 1, "valid", "same", "full", "causal"):
                    try:
                        assert conv_output_size(size, kernel, stride, padding) >= 1
                    except ValueError:
                        pass


def test_a_window_that_does_not_fit_says_the_padded_size_and_the_missing_cells():
    size, kernel, before, after, dilation = 3, 4, 2, 1, 2
    padded, effective = size + before + after, dilation * (kernel - 1) + 1
    with pytest.raises(ValueError) as caught:
        conv_output_size(size, kernel, padding=(before, after), dilation=dilation)
    error = caught.value
    assert (error.argument, error.value) == ("kernel_size", kernel)
    assert error.valid == f"an effective kernel of at most {padded}"
    assert str(error) == (
        f"kernel_size={kernel} (effective {effective} with dilation={dilation}) is larger "
        f"than the padded input {padded} (input_size={size} + padding {before} before + "
        f"{after} after), so no window fits and the output would be empty; use an "
        f"effective kernel of at most {padded} or pad at least {effective - padded} "
        "more cell(s)"
    )

"""padding.py: the words, TensorFlow's 'same' split, and explicit (before, after) cells."""

from __future__ import annotations

import pytest

from convdims import PADDING_WORDS, ArgumentError, ArgumentTypeError
from convdims.padding import explicit_padding, same_padding


@pytest.mark.parametrize(
    ("size", "kernel", "stride", "dilation", "expected"),
    [
        (11, 2, 2, 1, (0, 1)),  # odd total: the extra cell goes after
        (32, 3, 1, 1, (1, 1)),
        (224, 7, 2, 1, (2, 3)),
        (10, 3, 1, 2, (2, 2)),  # K = 5
        (5, 1, 3, 1, (0, 0)),  # a 1-cell kernel never needs padding
        (4, 2, 4, 1, (0, 0)),
    ],
)
def test_same_split(size, kernel, stride, dilation, expected):
    assert same_padding(size, kernel, stride, dilation) == expected


@pytest.mark.parametrize(
    ("size", "kernel", "stride", "dilation"),
    [(11, 2, 2, 1), (224, 7, 2, 1), (10, 4, 1, 1), (9, 2, 3, 2), (5, 1, 3, 1)],
)
def test_same_lower_moves_the_odd_cell_before(size, kernel, stride, dilation):
    before, after = same_padding(size, kernel, stride, dilation)
    assert same_padding(size, kernel, stride, dilation, lower=True) == (after, before)
    assert explicit_padding("same_lower", size, kernel, stride, dilation) == (after, before)


@pytest.mark.parametrize(
    ("kernel", "dilation", "expected"),
    [(1, 1, (0, 0)), (2, 1, (0, 1)), (4, 1, (1, 2)), (3, 2, (2, 2)), (2, 3, (1, 2))],
)
def test_circular_pads_half_the_reach_whatever_the_stride(kernel, dilation, expected):
    for stride in (1, 2, 5):
        assert explicit_padding("circular", 9, kernel, stride, dilation) == expected


@pytest.mark.parametrize(
    ("padding", "expected"),
    [
        ("valid", (0, 0)),
        ("same", (1, 1)),
        ("full", (2, 2)),
        ("causal", (2, 0)),
        ("same_lower", (1, 1)),
        ("circular", (1, 1)),
        (3, (3, 3)),
    ],
)
def test_every_word_and_a_number(padding, expected):
    assert explicit_padding(padding, 10, 3) == expected


def test_words_are_the_callers_choice():
    assert PADDING_WORDS == ("valid", "same", "same_lower", "full", "causal", "circular")
    with pytest.raises(ArgumentError) as caught:
        explicit_padding("full", 10, 3, words=("valid", "same"))
    assert caught.value.argument == "padding" and "'valid', 'same'" in caught.value.valid


def test_pairs_are_before_then_after():
    assert explicit_padding((0, 2), 10, 3) == (0, 2)
    assert explicit_padding([2, 0], 10, 3) == (2, 0)
    with pytest.raises(ArgumentError, match=r"pair of 2 ints, got 3 values"):
        explicit_padding((1, 2, 3), 10, 3)
    with pytest.raises(ArgumentError) as caught:
        explicit_padding((0, -1), 10, 3)
    assert caught.value.argument == "padding[1] (after)" and caught.value.value == -1


@pytest.mark.parametrize("bad", [1.0, True, None, b"same", {"a": 1}])
def test_other_types_are_type_errors_that_say_what_is_valid(bad):
    with pytest.raises(ArgumentTypeError) as caught:
        explicit_padding(bad, 10, 3)
    assert caught.value.argument == "padding" and "an int" in caught.value.valid
    assert isinstance(caught.value, TypeError)

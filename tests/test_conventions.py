"""conventions.py: each framework's rules as data; the refusals carry the argument.

What the frameworks themselves do is checked in tests/oracle/test_conventions.py."""

from __future__ import annotations

import pytest

from convdims import ArgumentError, conventions
from convdims.conventions import KERAS, TORCH, Family

keras, torch = conventions.get("keras"), conventions.get("torch")


def test_the_list_of_frameworks_is_the_registry():
    assert conventions.FRAMEWORKS == tuple(conventions.CONVENTIONS)
    assert conventions.FRAMEWORKS[:2] == ("keras", "torch")
    assert keras is KERAS and torch is TORCH
    with pytest.raises(ArgumentError) as caught:
        conventions.get("theano")
    assert caught.value.argument == "framework"
    assert all(name in caught.value.valid for name in conventions.FRAMEWORKS)
    for bad in (None, 3, ["keras"]):
        with pytest.raises(ArgumentError):
            conventions.get(bad)


@pytest.mark.parametrize("framework", conventions.FRAMEWORKS)
def test_every_convention_is_whole(framework):
    """What the command line, the site and resolve() read of every framework."""
    from convdims import PADDING_WORDS

    convention = conventions.get(framework)
    assert convention.name == framework and convention.title and convention.source
    for family in Family:
        words = convention.padding_words[family]
        assert all(word == word.lower() for word in words)
        default = convention.default_padding[family]
        assert convention.takes_padding(family, default, axes=convention.causal_axes or 1)
        for word in words:  # each word means a core word
            assert convention.core_padding(family, word) in PADDING_WORDS, word
            assert convention.core_padding(family, word.upper()) in PADDING_WORDS
    assert convention.last_window in ("drop", "keep")
    assert convention.empty_output <= frozenset(Family)


@pytest.mark.parametrize("framework", conventions.FRAMEWORKS)
def test_resolve_answers_what_the_core_answers_or_refuses_by_name(framework):
    """On a grid of small cases: an answer is the core's for the rule's arguments (0
    only where the framework gives empty axes); a refusal names an argument."""
    import itertools

    convention = conventions.get(framework)
    named = {"padding", "stride", "dilation", "kernel_size", "pool_size", "input_size",
             "ceil_mode", "output_padding", "rounding"}  # fmt: skip
    answered = 0
    for family in Family:
        paddings = [None, *convention.padding_words[family], 0, 1, 2, (0, 1), (2, 0)]
        for size, kernel, stride, padding, dilation in itertools.product(
            (1, 4, 7), (1, 2, 3), (None, 1, 2), paddings, (1, 2)
        ):
            try:
                rule = convention.resolve(family, size, kernel, stride, padding, dilation)
                size_out = rule.output_size
            except ArgumentError as error:
                assert error.argument in named, (error.argument, str(error))
                continue
            answered += 1
            assert size_out >= 1 or (size_out == 0 and rule.empty)
            assert rule.empty <= (family in convention.empty_output)
            assert rule.framework == framework and isinstance(rule.stride, int)
    assert answered > 100


@pytest.mark.parametrize(
    ("convention", "family", "padding", "axes", "accepted"),
    [
        (KERAS, "conv", "same", 2, True),
        (KERAS, "conv", "SAME", 2, True),
        (KERAS, "conv", "causal", 1, True),
        (KERAS, "conv", "causal", 2, False),
        (KERAS, "conv", 1, 1, False),
        (KERAS, "pool", "causal", 1, False),
        (KERAS, "transpose", "full", 1, False),
        (TORCH, "conv", 1, 2, True),
        (TORCH, "conv", "same", 2, True),
        (TORCH, "conv", (0, 1), 1, False),
        (TORCH, "pool", "same", 1, False),
        (TORCH, "transpose", "valid", 1, False),
        (TORCH, "pool", True, 1, False),
    ],
)
def test_padding_forms_per_family(convention, family, padding, axes, accepted):
    assert convention.takes_padding(family, padding, axes) is accepted


@pytest.mark.parametrize(
    ("convention", "family", "kwargs", "argument", "words"),
    [
        (KERAS, "conv", {"paddings": [3]}, "padding", r"ZeroPadding1D\(3\)"),
        (KERAS, "conv", {"paddings": ["causal"] * 2}, "padding", "Conv1D"),
        (KERAS, "conv", {"strides": [2], "dilations": [2]}, "dilation", "stride 1"),
        (KERAS, "transpose", {"strides": [2], "dilations": [3]}, "dilation", "stride 1"),
        (KERAS, "pool", {"ceil_mode": True}, "ceil_mode", "no ceil_mode"),
        (KERAS, "pool", {"dilations": [2]}, "dilation", "no dilation"),
        (
            TORCH,
            "conv",
            {"paddings": ["same"], "strides": [2]},
            "padding",
            "stride is not 1",
        ),
        (TORCH, "conv", {"paddings": [(0, 1)]}, "padding", "nn.ZeroPad"),
        (TORCH, "pool", {"paddings": [2], "kernel_sizes": [3]}, "padding", "at most half"),
        (
            TORCH,
            "transpose",
            {"output_paddings": [None]},
            "output_padding",
            "no output_padding=None",
        ),
    ],
)
def test_each_refusal_names_its_argument(convention, family, kwargs, argument, words):
    arguments = {"paddings": ["valid"], "strides": [1], "dilations": [1], **kwargs}
    if convention is TORCH and arguments["paddings"] == ["valid"] and family != "conv":
        arguments["paddings"] = [0]
    with pytest.raises(ArgumentError, match=words) as caught:
        convention.check(family, **arguments)
    assert caught.value.argument == argument


def test_defaults_are_the_frameworks():
    # Keras pads 'valid' and leaves output_padding None; PyTorch pads 0, output_padding 0.
    assert keras.output_size("conv", 11, 2, 2) == torch.output_size("conv", 11, 2, 2) == 5
    assert keras.output_size("transpose", 12, 3, 2) == 25
    assert torch.output_size("transpose", 12, 3, 2) == 25
    assert keras.output_size("transpose", 12, 4, 2) == 26
    assert torch.output_size("transpose", 12, 4, 2) == 26
    assert keras.output_size("pool", 11, 3) == torch.output_size("pool", 11, 3) == 3


def test_bounds():
    assert [torch.pool_padding_bound(k) for k in (1, 2, 3, 4)] == [0, 1, 1, 2]
    assert keras.pool_padding_bound(4) is None
    assert keras.output_padding_bound(2, 5) == 2 and torch.output_padding_bound(2, 5) == 5
    assert keras.refuses_strided_dilation([1, 2], [2, 1])
    assert not torch.refuses_strided_dilation([2], [2])


def test_families_are_a_closed_set():
    assert {f.value for f in Family} == {"conv", "pool", "transpose"}
    with pytest.raises(ValueError):
        keras.check("dense", paddings=["valid"], strides=[1], dilations=[1])

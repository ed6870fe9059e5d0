"""conventions/jax.py: JAX's and Flax's rules (defaults, words, refusals, empty axes).

What the engines themselves do is checked in tests/oracle/test_engine_jax.py; these
tests pin the rules down without them."""

from __future__ import annotations

import subprocess
import sys

import pytest

from convdims import ArgumentError, conv_transpose_output_size, conventions
from convdims.conventions import FLAX, JAX, Family
from convdims.conventions.jax import KNOWN_ENGINE_QUIRKS, XlaAxisRule

jax, flax = conventions.get("jax"), conventions.get("flax")


def test_registered_lazily_and_importing_no_engine():
    assert {"jax", "flax"} <= set(conventions.FRAMEWORKS)
    assert JAX is jax and FLAX is flax
    assert jax.title == "JAX" and flax.title == "Flax"
    assert "jax 0.10.2" in jax.source and "flax 0.12.8" in flax.source
    assert jax.run_here and flax.run_here


def test_the_rules_load_no_engine():
    # convdims.conventions.jax is pure Python: the engines are the oracle's, not ours.
    code = (
        "import sys; from convdims import conventions; conventions.get('jax'); "
        "conventions.get('flax').output_size('conv', 5, 3); "
        "print([m for m in ('jax', 'flax', 'numpy') if m in sys.modules])"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert out.stdout.strip() == "[]", out.stdout + out.stderr


@pytest.mark.parametrize(
    ("convention", "family", "padding", "expected"),
    [
        # lax has no default: convdims takes stax's 'VALID' (and reduce_window's).
        (JAX, "conv", None, 9),
        (JAX, "pool", None, 9),  # reduce_window's stride defaults to 1, not the window
        (JAX, "transpose", None, 13),  # 'VALID': I*S + max(K - S, 0), stride 1
        # Flax: Conv and ConvTranspose pad 'SAME', max_pool 'VALID' with stride 1.
        (FLAX, "conv", None, 11),
        (FLAX, "pool", None, 9),
        (FLAX, "transpose", None, 11),
    ],
)
def test_defaults_are_the_frameworks(convention, family, padding, expected):
    assert convention.output_size(family, 11, 3, None, padding) == expected


def test_stride_defaults_to_one_for_pooling():
    assert jax.default_stride("pool", 3) == flax.default_stride("pool", 3) == 1
    assert jax.resolve("pool", 11, 3).stride == 1


@pytest.mark.parametrize("spelling", ["same", "SAME", "Same", "sAmE"])
def test_words_are_case_insensitive(spelling):
    assert jax.output_size("conv", 11, 2, 2, spelling) == 6
    assert jax.output_size("transpose", 11, 2, 2, spelling) == 22
    assert flax.output_size("pool", 11, 2, 2, spelling) == 6


def test_same_and_same_lower_split_the_dilated_kernel():
    # K = 2*(3 - 1) + 1 = 5 at stride 2 on 10 cells: 3 cells of padding in all.
    upper = jax.resolve("conv", 10, 3, 2, "SAME", 2).geometry()
    lower = jax.resolve("pool", 10, 3, 2, "SAME_LOWER", 2).geometry()
    assert (upper.pad_before, upper.pad_after) == (1, 2)
    assert (lower.pad_before, lower.pad_after) == (2, 1)
    assert upper.output_size == lower.output_size == 5


def test_flax_circular_and_reflect_pad_k_minus_1_halves():
    for word in ("circular", "CIRCULAR", "reflect", "REFLECT"):
        geometry = flax.resolve("conv", 10, 4, 3, word).geometry()
        assert (geometry.pad_before, geometry.pad_after) == (1, 2)
        assert geometry.output_size == 4  # ceil(10 / 3)
    # A transposed 'CIRCULAR' is wrapped to one period: I*S, whatever the kernel.
    assert flax.output_size("transpose", 5, 7, 2, "circular") == 10


def test_flax_causal_is_one_dimensional():
    assert flax.output_size("conv", 10, 3, 1, "causal", 2) == 10
    assert flax.takes_padding("conv", "causal", axes=1)
    assert not flax.takes_padding("conv", "causal", axes=2)
    with pytest.raises(ArgumentError, match="only in a 1-D nn.Conv") as caught:
        flax.check("conv", paddings=["CAUSAL"] * 2, strides=[1, 1], dilations=[1, 1])
    assert caught.value.argument == "padding"
    with pytest.raises(ArgumentError, match="nn.ConvTranspose takes padding"):
        flax.output_size("transpose", 10, 3, 1, "causal")


def test_ints_are_flax_s_not_jax_s():
    assert flax.output_size("conv", 10, 3, 1, 2) == 12
    assert flax.output_size("transpose", 10, 3, 1, 2) == 12  # (2, 2) on the input
    with pytest.raises(ArgumentError, match=r"give the pair 2,2") as caught:
        jax.output_size("conv", 10, 3, 1, 2)
    assert caught.value.argument == "padding" and "(low, high) pairs" in caught.value.valid
    with pytest.raises(ArgumentError, match="nn.max_pool/nn.avg_pool takes padding"):
        flax.output_size("pool", 10, 3, 1, 1)


def test_pairs_pad_the_transposes_dilated_input():
    # (I - 1)*S + 1 + P_lo + P_hi - K + 1, not PyTorch's crop.
    rule = jax.resolve("transpose", 5, 3, 2, (2, 1))
    assert isinstance(rule, XlaAxisRule) and rule.output_size == 9 + 3 - 3 + 1
    assert rule.core_arguments()["padding_of"] == "input"
    assert rule.output_size == conv_transpose_output_size(
        5, 3, 2, (2, 1), padding_of="input"
    )
    # With pads of K - 1 on each side, it is PyTorch's padding 0.
    assert jax.output_size("transpose", 5, 3, 2, (2, 2)) == conv_transpose_output_size(
        5, 3, 2, 0
    )


def test_same_lower_transposes_only_at_stride_one():
    assert jax.output_size("transpose", 7, 4, 1, "same_lower") == 7
    with pytest.raises(ArgumentError, match="only when every stride is 1") as caught:
        jax.check(
            "transpose", paddings=["same_lower"] * 2, strides=[1, 2], dilations=[1, 1]
        )
    assert caught.value.argument == "padding" and "'SAME'" in caught.value.valid


@pytest.mark.parametrize(
    ("convention", "family", "arguments"),
    [
        (JAX, "conv", {"input_size": 2, "kernel_size": 5}),
        (JAX, "conv", {"input_size": 4, "kernel_size": 3, "dilation": 3}),
        (JAX, "pool", {"input_size": 2, "kernel_size": 3}),
        (JAX, "transpose", {"input_size": 1, "kernel_size": 5, "padding": (1, 1)}),
        (FLAX, "conv", {"input_size": 2, "kernel_size": 5, "padding": "valid"}),
        (FLAX, "pool", {"input_size": 1, "kernel_size": 2}),
        (FLAX, "transpose", {"input_size": 2, "kernel_size": 6, "padding": 1}),
    ],
)
def test_a_window_that_does_not_fit_is_an_empty_axis(convention, family, arguments):
    rule = convention.resolve(family, **arguments)
    assert rule.empty and rule.output_size == 0 and rule.geometry() is None


def test_the_words_never_empty_an_axis():
    for word in ("same", "circular", "causal"):
        assert flax.output_size("conv", 1, 5, 1, word) == 1
    assert jax.output_size("transpose", 1, 5, 3, "valid") == 5
    assert not jax.resolve("transpose", 1, 5, 3, "same").empty


def test_pooling_takes_padding_wider_than_the_window():
    # reduce_window counts windows of padding only.
    assert jax.output_size("pool", 1, 2, 1, (5, 5)) == 10
    assert flax.output_size("pool", 3, 2, 2, (4, 0)) == 3


@pytest.mark.parametrize(
    ("convention", "family", "kwargs", "argument", "words"),
    [
        (JAX, "pool", {"ceil_mode": True}, "ceil_mode", "JAX pooling has no ceil_mode"),
        (FLAX, "pool", {"dilations": [2]}, "dilation", "Flax pooling layers have no"),
        (
            JAX,
            "transpose",
            {"output_paddings": [1]},
            "output_padding",
            "lax.conv_transpose has no output_padding",
        ),
        (
            FLAX,
            "transpose",
            {"output_paddings": [None, 2]},
            "output_padding",
            "nn.ConvTranspose has no output_padding",
        ),
        (JAX, "conv", {"paddings": ["causal"]}, "padding", "'SAME_LOWER' or"),
        (JAX, "conv", {"paddings": ["full"]}, "padding", "lax.conv_general_dilated"),
        (FLAX, "pool", {"paddings": ["circular"]}, "padding", "not 'circular'"),
        (JAX, "conv", {"paddings": [(-1, 0)]}, "padding", "negative"),
        (FLAX, "conv", {"paddings": [-1]}, "padding", "negative"),
        (JAX, "pool", {"paddings": [(1, 2, 3)]}, "padding", "not '1,2,3'"),
    ],
)
def test_each_refusal_names_its_argument(convention, family, kwargs, argument, words):
    arguments = {"paddings": ["valid"], "strides": [1], "dilations": [1], **kwargs}
    with pytest.raises(ArgumentError, match=words) as caught:
        convention.check(family, **arguments)
    assert caught.value.argument == argument


def test_messages_use_the_framework_s_own_spelling():
    with pytest.raises(ArgumentError) as caught:
        flax.output_size("conv", 10, 3, 1, "full")
    message = str(caught.value)
    for word in ("'SAME'", "'VALID'", "'CIRCULAR'", "'REFLECT'", "'CAUSAL'", "an int"):
        assert word in message, message
    assert "Flax's nn.Conv" in message


def test_no_rounding_option():
    with pytest.raises(ArgumentError, match="no rounding option") as caught:
        jax.resolve("conv", 10, 3, rounding="ceil")
    assert caught.value.argument == "rounding"


def test_output_padding_zero_is_no_output_padding():
    # The CLI passes 0 when --output-padding is left out.
    assert jax.output_size("transpose", 5, 3, 2, "same", output_padding=0) == 10
    assert jax.output_size("transpose", 5, 3, 2, "same", output_padding=None) == 10
    rule = flax.resolve("transpose", 5, 3, 2, output_padding=0)
    assert rule.output_padding is None and rule.output_size == 10


def test_the_core_still_refuses_what_it_refused():
    # The neutral core keeps its answers; only the conventions opt in.
    with pytest.raises(ArgumentError):
        from convdims import pool_output_size

        pool_output_size(1, 2, 1, (5, 5))
    with pytest.raises(ArgumentError, match="padding_of='input' takes cells"):
        conv_transpose_output_size(5, 3, 2, "same", padding_of="input")
    with pytest.raises(ArgumentError, match="no meaning with padding_of='input'"):
        conv_transpose_output_size(5, 3, 2, 1, 1, padding_of="input")
    with pytest.raises(ArgumentError, match="padding_of="):
        conv_transpose_output_size(5, 3, 2, 1, padding_of="crop")
    with pytest.raises(ArgumentError, match="must be at least 1"):
        conv_transpose_output_size(1, 5, 1, 0, padding_of="input")


def test_quirks_are_data_for_the_site():
    assert len(KNOWN_ENGINE_QUIRKS) >= 3
    for quirk in KNOWN_ENGINE_QUIRKS:
        assert set(quirk) == {"framework", "op", "case", "engine", "convdims"}
        assert quirk["framework"] in ("jax", "flax") and all(quirk.values())


def test_families_all_give_empty_axes():
    assert jax.empty_output == flax.empty_output == frozenset(Family)

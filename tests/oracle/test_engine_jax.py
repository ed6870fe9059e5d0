"""convdims.conventions' "jax" and "flax" against the real JAX and Flax: the same sizes,
the same empty axes and the same refusals, on random 1-D, 2-D and 3-D layers.

Shapes only: ``jax.eval_shape`` traces ``lax.conv_general_dilated``,
``lax.reduce_window``, ``lax.conv_transpose`` and a Flax module's ``init`` without
compiling anything. A few layers also run for real, to check where the padding goes
(the 'SAME' split is on the dilated kernel and window).

``CONVDIMS_ORACLE_SEED`` picks the cases (default below), ``CONVDIMS_ORACLE_CASES`` how
many per framework; run many seeds locally, e.g.
``CONVDIMS_ORACLE_CASES=20000 pytest tests/oracle/test_engine_jax.py``.
"""

from __future__ import annotations

import os
import random
from typing import Any

import pytest

from convdims import conventions
from convdims.conventions.jax import KNOWN_ENGINE_QUIRKS

SEED = int(os.environ.get("CONVDIMS_ORACLE_SEED", "20261201"))
CASES = int(os.environ.get("CONVDIMS_ORACLE_CASES", "600"))

REFUSED = "refused"

#: Padding words tried, taken or not: each framework's own, the others', in any case.
WORDS = ("valid", "same", "same_lower", "circular", "reflect", "causal", "full")


@pytest.fixture(scope="module")
def jax(engine):
    return engine("jax")


@pytest.fixture(scope="module")
def flax(engine, jax):
    return engine("flax.linen")


def _cased(rng: random.Random, word: str) -> str:
    return rng.choice([word, word.upper(), word.capitalize()])


def _random_case(rng: random.Random, framework: str) -> dict[str, Any]:
    family = rng.choice(["conv", "pool", "transpose"])
    axes = rng.choice([1, 1, 2, 2, 3])
    sizes = [rng.randint(1, 12) for _ in range(axes)]
    kernels = [rng.randint(1, 5) for _ in range(axes)]
    strides = rng.choice([None, [rng.choice([1, 1, 2, 3]) for _ in range(axes)]])
    dilations = [rng.choice([1, 1, 1, 2, 3]) for _ in range(axes)]
    form = rng.choice(["word", "word", "pairs", "pairs", "int", "ints", "default"])
    padding: Any
    if form == "word":
        padding = _cased(rng, rng.choice(WORDS))
    elif form == "pairs":
        padding = [(rng.randint(0, 4), rng.randint(0, 4)) for _ in range(axes)]
    elif form == "int":
        padding = rng.randint(0, 3)
    elif form == "ints":  # Flax: one int per axis (both sides)
        padding = [rng.randint(0, 3) for _ in range(axes)]
    else:
        padding = None
    ceil_mode = family == "pool" and rng.random() < 0.1
    output_padding: Any = "default"
    if family == "transpose":
        output_padding = rng.choice(["default"] * 6 + [0, 1])
    return {
        "framework": framework,
        "family": family,
        "sizes": sizes,
        "kernels": kernels,
        "strides": strides,
        "dilations": dilations,
        "padding": padding,
        "ceil_mode": ceil_mode,
        "output_padding": output_padding,
    }


def _axis_paddings(case: dict[str, Any]) -> list[Any]:
    padding, axes = case["padding"], len(case["sizes"])
    if isinstance(padding, list):
        return [tuple(p) if isinstance(p, tuple) else p for p in padding]
    return [padding] * axes


def _ours(case: dict[str, Any]) -> Any:
    convention = conventions.get(case["framework"])
    family, axes = case["family"], len(case["sizes"])
    paddings = _axis_paddings(case)
    strides = case["strides"] or [None] * axes
    if case["padding"] is None:
        paddings = [convention.default_padding[family]] * axes
    extras = None
    if family == "transpose":
        extra = case["output_padding"]
        extras = [0 if extra == "default" else extra] * axes
    try:
        # The layer's rules over all its axes, then each axis on its own.
        convention.check(
            family,
            paddings=paddings,
            strides=strides,
            dilations=case["dilations"],
            kernel_sizes=case["kernels"],
            ceil_mode=case["ceil_mode"],
            output_paddings=extras,
        )
        return tuple(
            convention.resolve(
                family,
                size,
                kernel,
                stride,
                padding,
                dilation,
                case["ceil_mode"],
                case["output_padding"],
                axes=axes,
            ).output_size  # fmt: skip
            for size, kernel, stride, padding, dilation in zip(
                case["sizes"],
                case["kernels"],
                strides,
                paddings,
                case["dilations"],
                strict=True,
            )  # fmt: skip
        )
    except ValueError as error:
        assert hasattr(error, "argument"), f"{error!r} is not an ArgumentError"
        return REFUSED


def _engine_padding(case: dict[str, Any]) -> Any:
    """The case's padding as the engine takes it (the default: left out)."""
    padding = case["padding"]
    if isinstance(padding, str):
        upper = padding.upper()
        if case["family"] == "transpose" and upper in ("SAME", "VALID"):
            # KNOWN_ENGINE_QUIRKS: lax.conv_transpose knows 'SAME'/'VALID' in capitals
            # only (convolution.py:375); convdims's words are case-insensitive.
            return upper
        if case["framework"] == "flax" and upper in ("CIRCULAR", "REFLECT", "CAUSAL"):
            return upper  # KNOWN_ENGINE_QUIRKS: Flax compares these in capitals
        return padding
    if isinstance(padding, list):
        return [tuple(p) if isinstance(p, tuple) else p for p in padding]
    return padding


#: An engine call: the function, its abstract arguments, and where the spatial axes are
#: in its output's shape (``lax.conv_general_dilated`` is NCH..., the others NH...C).
Call = tuple[Any, tuple[Any, ...], slice]

CHANNELS_LAST, CHANNELS_FIRST = slice(1, -1), slice(2, None)


def _jax_call(jax, case: dict[str, Any]) -> Call | str:
    lax, jnp = jax.lax, jax.numpy
    family, axes = case["family"], len(case["sizes"])
    if case["ceil_mode"] or case["output_padding"] not in ("default", 0):
        return REFUSED  # lax has no ceil_mode and no output_padding
    padding = _engine_padding(case)
    if padding is None:
        padding = "VALID"  # convdims's default for lax, which has none (stax's)
    strides = tuple(case["strides"]) if case["strides"] else None
    kernels, dilations = tuple(case["kernels"]), tuple(case["dilations"])
    if family == "pool":
        if strides is None and isinstance(padding, str):
            # KNOWN_ENGINE_QUIRKS: window_strides=None is documented as unit strides,
            # but with a padding word reduce_window fails (windowed_reductions.py:78).
            strides = (1,) * axes
        if isinstance(padding, list):
            padding = [(0, 0), *padding, (0, 0)]

        def pool(x):
            return lax.reduce_window(
                x, -jnp.inf, lax.max, (1, *kernels, 1),
                None if strides is None else (1, *strides, 1), padding,
                window_dilation=(1, *dilations, 1),
            )  # fmt: skip

        x = jax.ShapeDtypeStruct((1, *case["sizes"], 1), jnp.float32)
        return pool, (x,), CHANNELS_LAST
    strides = strides or (1,) * axes  # lax requires them; convdims's default is stax's
    if family == "conv":

        def conv(x, w):
            return lax.conv_general_dilated(x, w, strides, padding, rhs_dilation=dilations)

        x = jax.ShapeDtypeStruct((1, 1, *case["sizes"]), jnp.float32)
        w = jax.ShapeDtypeStruct((1, 1, *kernels), jnp.float32)
        return conv, (x, w), CHANNELS_FIRST

    def transpose(x, w):
        return lax.conv_transpose(x, w, strides, padding, rhs_dilation=dilations)

    x = jax.ShapeDtypeStruct((1, *case["sizes"], 1), jnp.float32)
    w = jax.ShapeDtypeStruct((*kernels, 1, 1), jnp.float32)
    return transpose, (x, w), CHANNELS_LAST


def _flax_call(jax, flax, case: dict[str, Any]) -> Call | str:
    jnp = jax.numpy
    family = case["family"]
    if case["ceil_mode"] or case["output_padding"] not in ("default", 0):
        return REFUSED  # Flax has no ceil_mode and no output_padding
    padding = _engine_padding(case)
    options = {} if padding is None else {"padding": padding}
    strides = tuple(case["strides"]) if case["strides"] else None
    kernels, dilations = tuple(case["kernels"]), tuple(case["dilations"])
    x = jax.ShapeDtypeStruct((1, *case["sizes"], 1), jnp.float32)
    if family == "pool":
        if max(dilations) > 1:
            return REFUSED  # flax.linen pooling has no dilation

        def pool(x):
            return flax.max_pool(x, kernels, strides=strides, **options)

        return pool, (x,), CHANNELS_LAST
    layer = (flax.Conv if family == "conv" else flax.ConvTranspose)(
        1, kernels, strides=strides, kernel_dilation=dilations, **options
    )
    # The module's own __call__ (where Flax pads) on abstract parameters, as
    # Module.init would make them: nn.Conv's kernel is (*k, in, out), ConvTranspose's
    # too (transpose_kernel=False).
    params = {
        "kernel": jax.ShapeDtypeStruct((*kernels, 1, 1), jnp.float32),
        "bias": jax.ShapeDtypeStruct((1,), jnp.float32),
    }

    def module(x, params):
        return layer.apply({"params": params}, x)

    return module, (x, params), CHANNELS_LAST


def _theirs(jax, flax, cases: list[dict[str, Any]]) -> list[Any]:
    """The engine's spatial output shape for each case, or REFUSED: every call traced in
    one ``jax.eval_shape`` (a refusal is an exception while tracing its call)."""
    calls: list[Call | str] = []
    for case in cases:
        try:
            if case["framework"] == "jax":
                calls.append(_jax_call(jax, case))
            else:
                calls.append(_flax_call(jax, flax, case))
        except Exception:  # the engine refuses: any error of its own
            calls.append(REFUSED)
    live = [call for call in calls if call != REFUSED]

    def every_call(arguments):
        outputs = []
        for (function, _, _), args in zip(live, arguments, strict=True):
            try:
                outputs.append(function(*args))
            except Exception:  # the engine refuses: any error of its own
                outputs.append(None)
        return outputs

    shapes = iter(jax.eval_shape(every_call, [call[1] for call in live]))
    answers = []
    for call in calls:
        if call == REFUSED:
            answers.append(REFUSED)
            continue
        shape = next(shapes)
        answers.append(REFUSED if shape is None else tuple(shape.shape[call[2]]))
    return answers


@pytest.mark.parametrize("framework", ["jax", "flax"])
def test_random_layers_size_and_refuse_as_the_engine_does(jax, flax, framework):
    rng = random.Random(f"{SEED}-{framework}")
    seen = {"sizes": 0, "empty": 0, REFUSED: 0}
    mismatches = []
    cases = [_random_case(rng, framework) for _ in range(CASES)]
    for case, theirs in zip(cases, _theirs(jax, flax, cases), strict=True):
        ours = _ours(case)
        if ours != theirs:
            mismatches.append((case, ours, theirs))
        elif ours == REFUSED:
            seen[REFUSED] += 1
        else:
            seen["empty" if 0 in ours else "sizes"] += 1
    assert not mismatches, f"{len(mismatches)} of {CASES} differ, e.g. {mismatches[:3]}"
    # The cases reach every outcome: sizes, empty axes and refusals.
    assert min(seen.values()) >= CASES // 50, seen


def _padded(values: list[float], before: int, after: int, fill: float) -> list[float]:
    return [fill] * before + values + [fill] * after


@pytest.mark.parametrize("family", ["conv", "pool"])
def test_same_splits_the_dilated_window(jax, family):
    """Run the layer for real on 1, 2, ..., I: the first tap of the first window reads
    the cell convdims's split says (padding reads 0 for a conv, -inf for max pooling)."""
    lax, jnp, np = jax.lax, jax.numpy, pytest.importorskip("numpy")
    rng = random.Random(f"{SEED}-split-{family}")
    jaxc = conventions.get("jax")
    for _ in range(15):
        size, kernel = rng.randint(1, 9), rng.randint(1, 4)
        stride, dilation = rng.randint(1, 3), rng.randint(1, 3)
        word = rng.choice(["SAME", "SAME_LOWER"])
        rule = jaxc.resolve(family, size, kernel, stride, word, dilation)
        geometry = rule.geometry()
        values = [float(v) for v in range(1, size + 1)]
        fill = 0.0 if family == "conv" else -np.inf
        padded = _padded(values, geometry.pad_before, geometry.pad_after, fill)
        reach = (kernel - 1) * dilation + 1
        if family == "conv":
            weights = np.zeros((1, 1, kernel), np.float32)
            weights[..., 0] = 1.0  # the first tap only
            out = lax.conv_general_dilated(
                jnp.asarray(values, jnp.float32).reshape(1, 1, size),
                jnp.asarray(weights), (stride,), word, rhs_dilation=(dilation,),
            )  # fmt: skip
            expected = [padded[j * stride] for j in range(geometry.output_size)]
        else:
            out = lax.reduce_window(
                jnp.asarray(values, jnp.float32), -jnp.inf, lax.max, (kernel,),
                (stride,), word, window_dilation=(dilation,),
            )  # fmt: skip
            expected = [
                max(padded[j * stride : j * stride + reach : dilation])
                for j in range(geometry.output_size)
            ]
        assert np.asarray(out).ravel().tolist() == expected, (size, kernel, stride, word)


def test_flax_circular_wraps_the_split_convdims_gives(jax, flax):
    """Flax's 'CIRCULAR' reads (K - 1)//2 wrapped cells before: a one-hot first tap
    gives the input rolled by that many."""
    np = pytest.importorskip("numpy")
    rng = random.Random(f"{SEED}-circular")
    for _ in range(6):
        size, kernel, dilation = rng.randint(2, 8), rng.randint(1, 4), rng.randint(1, 2)
        rule = conventions.get("flax").resolve(
            "conv", size, kernel, 1, "circular", dilation
        )
        before = rule.geometry().pad_before
        layer = flax.Conv(1, (kernel,), padding="CIRCULAR", kernel_dilation=(dilation,))
        weights = np.zeros((kernel, 1, 1), np.float32)
        weights[0] = 1.0
        values = np.arange(1, size + 1, dtype=np.float32)
        out = layer.apply(
            {"params": {"kernel": weights, "bias": np.zeros(1, np.float32)}},
            values.reshape(1, size, 1),
        )
        expected = [values[(j - before) % size] for j in range(rule.output_size)]
        assert np.asarray(out).ravel().tolist() == expected, (size, kernel, dilation)


def test_the_known_quirks_are_real(jax, flax):
    """Each case of KNOWN_ENGINE_QUIRKS still happens in the engine installed here."""
    lax, jnp = jax.lax, jax.numpy
    assert {q["framework"] for q in KNOWN_ENGINE_QUIRKS} == {"jax", "flax"}
    x = jax.ShapeDtypeStruct((1, 5, 1), jnp.float32)
    with pytest.raises(ValueError):
        jax.eval_shape(
            lambda x: lax.reduce_window(x, -jnp.inf, lax.max, (1, 3, 1), None, "SAME"), x
        )
    w = jax.ShapeDtypeStruct((3, 1, 1), jnp.float32)

    def transpose(padding, stride):
        return jax.eval_shape(
            lambda x, w: lax.conv_transpose(x, w, (stride,), padding), x, w
        ).shape[1]

    assert (transpose("VALID", 1), transpose("valid", 1)) == (7, 3)
    with pytest.raises(ValueError):
        transpose("valid", 2)
    assert conventions.get("jax").output_size("transpose", 5, 3, 1, "valid") == 7
    with pytest.raises(RuntimeError):
        layer = flax.Conv(1, (3,), padding="circular")
        jax.eval_shape(lambda x: layer.init(jax.random.key(0), x), x)


def test_negative_padding_is_cropping_which_convdims_refuses(jax):
    """lax crops by a negative pad (so the random cases pad 0 or more); convdims refuses
    it with the reason instead of answering for another layer."""
    lax, jnp = jax.lax, jax.numpy
    x = jax.ShapeDtypeStruct((1, 1, 5), jnp.float32)
    w = jax.ShapeDtypeStruct((1, 1, 2), jnp.float32)
    shape = jax.eval_shape(
        lambda x, w: lax.conv_general_dilated(x, w, (1,), [(-1, 0)]), x, w
    )
    assert shape.shape[2] == 5 - 1 - 2 + 1
    with pytest.raises(ValueError, match="does not model") as caught:
        conventions.get("jax").output_size("conv", 5, 2, 1, (-1, 0))
    assert caught.value.argument == "padding"

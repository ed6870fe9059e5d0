"""convdims.conventions.tensorflow against TensorFlow itself (tf.nn in eager mode) and
TF Lite (its interpreter's builtin kernels, on one model converted from tf.nn ops) on
random 1-D, 2-D and 3-D layers: equal sizes, equal refusals, 0 for the same empty axes.

TensorFlow runs in subprocesses (tests/oracle/tensorflow_worker.py): it stays out of the
pytest process, and a crash (the issue reports max pools that crash on some x86 builds)
fails a test instead of killing the run. CONVDIMS_ORACLE_SEED picks another random draw,
CONVDIMS_ORACLE_CASES draws more cases.
"""

from __future__ import annotations

import importlib.util
import json
import os
import random
import subprocess
import sys
from pathlib import Path

import pytest

from convdims.conventions import tensorflow as tfc
from convdims.conventions._convention import Family
from convdims.padding import explicit_padding
from convdims.window import effective_kernel

WORKER = Path(__file__).parent / "tensorflow_worker.py"
SEED = int(os.environ.get("CONVDIMS_ORACLE_SEED", "14"))
CASES = int(os.environ.get("CONVDIMS_ORACLE_CASES", "700"))
REQUIRE = os.environ.get("CONVDIMS_REQUIRE_ORACLE") == "1"


@pytest.fixture(scope="module")
def ask():
    """``ask({mode: cases}, env=None)``: the worker's answers per mode ("nn", "graph",
    "lite"), from one subprocess."""
    if importlib.util.find_spec("tensorflow") is None:
        message = (
            "the oracle needs 'tensorflow'; install it with "
            "`pip install -r requirements-oracle.txt`"
        )
        if REQUIRE:
            pytest.fail(f"CONVDIMS_REQUIRE_ORACLE=1 but {message}", pytrace=False)
        pytest.skip(message)

    def run(batches: dict[str, list[dict]], env: dict | None = None) -> dict:
        done = subprocess.run(
            [sys.executable, str(WORKER)],
            input=json.dumps(batches),
            capture_output=True,
            text=True,
            timeout=600,
            env={**os.environ, **(env or {})},
        )
        assert done.returncode == 0, f"the worker died: {done.stderr[-2000:]}"
        answer = json.loads(done.stdout)
        assert answer["version"].startswith("2.21."), answer["version"]
        return answer["answers"]

    return run


def _random_case(rng: random.Random, convention: tfc.TensorFlowConvention) -> dict:
    family = rng.choice(["conv", "conv", "pool", "pool", "transpose"])
    axes = rng.choice([1, 2, 3])
    sizes = [rng.randint(1, 12) for _ in range(axes)]
    kernels = [rng.randint(1, 5) for _ in range(axes)]
    strides = [rng.choice([1, 1, 2, 3]) for _ in range(axes)]
    dilations = [1] * axes
    if family != "pool" and rng.random() < 0.35:
        dilations = [rng.choice([1, 2, 3]) for _ in range(axes)]
    word = rng.choice(["same", "valid", "SAME", "VALID", "Same"])
    paddings: list = [word] * axes
    if convention is tfc.TENSORFLOW and rng.random() < 0.3:
        # Explicit pairs, also where the op refuses them. (Not for TF Lite: its ops
        # take 'SAME' or 'VALID'; the converter puts TensorFlow's pairs in a PAD op.)
        paddings = [(rng.randint(0, 3), rng.randint(0, 3)) for _ in range(axes)]
    output_shapes = None
    if family == "transpose" and rng.random() < 0.6:
        output_shapes = [
            rng.randint(max(1, (i - 1) * s - 2), i * s + k + 1)
            for i, s, k in zip(sizes, strides, kernels, strict=True)
        ]
    return {
        "family": family,
        "axes": axes,
        "sizes": sizes,
        "kernels": kernels,
        "strides": strides,
        "dilations": dilations,
        "paddings": paddings,
        "output_shapes": output_shapes,
        "pool": rng.choice(["pool_max", "pool_avg"]),
    }


def _ours(convention: tfc.TensorFlowConvention, case: dict):
    try:
        convention.check(
            case["family"],
            paddings=case["paddings"],
            strides=case["strides"],
            dilations=case["dilations"],
            kernel_sizes=case["kernels"],
            axes=case["axes"],
        )
        return [
            convention.resolve(
                case["family"],
                case["sizes"][axis],
                case["kernels"][axis],
                case["strides"][axis],
                case["paddings"][axis],
                case["dilations"][axis],
                axes=case["axes"],
                output_shape=None
                if case["output_shapes"] is None
                else case["output_shapes"][axis],
            ).output_size
            for axis in range(case["axes"])
        ]
    except ValueError:
        return "refused"


def _engine_case(case: dict, ours) -> dict:
    paddings = case["paddings"]
    padding = (
        paddings[0].upper()
        if isinstance(paddings[0], str)
        else [list(pair) for pair in paddings]
    )
    engine = {
        # Pairs go to max pooling: avg_pool takes a string only, which convdims (one
        # pooling family) cannot tell apart; test_avg_pool_takes_no_pairs checks it.
        "op": case["family"]
        if case["family"] != "pool"
        else ("pool_max" if isinstance(padding, list) else case["pool"]),
        "x": [1, *case["sizes"], 1],
        "kernel": case["kernels"],
        "strides": case["strides"],
        "dilations": case["dilations"],
        "padding": padding,
    }
    if case["family"] == "transpose":
        engine["output_shape"] = case["output_shapes"] or ours  # TF requires one
    return engine


def _in_the_band(case: dict) -> bool:
    """A window too big by less than two strides on some axis: eager TensorFlow gives
    0 there and a tf.function refuses (KNOWN_ENGINE_QUIRKS): not held against
    convdims."""
    if case["family"] == "transpose":
        return False
    for axis in range(case["axes"]):
        padding = case["paddings"][axis]
        if isinstance(padding, str):
            padding = padding.lower()
            if padding == "same":
                continue
        kernel = effective_kernel(case["kernels"][axis], case["dilations"][axis])
        size, stride = case["sizes"][axis], case["strides"][axis]
        try:
            pads = explicit_padding(padding, size, kernel, stride)
        except ValueError:
            continue
        if tfc.forward_size(size, kernel, stride, pads) == 0:
            return True
    return False


def _theirs(answer: dict, axes: int):
    if "error" in answer:
        return "refused"
    sizes = answer["shape"][1 : 1 + axes]
    if any(size < 0 for size in sizes):
        return "refused"  # TF Lite's CONV_3D: a negative shape (KNOWN_ENGINE_QUIRKS)
    return sizes


def _lite_cases(rng: random.Random) -> list[dict]:
    """TF Lite's draw: a model fixes each op's window, stride, dilation and padding,
    and takes any input size (and output shape), so each drawn op meets 10 inputs."""
    cases = []
    for _ in range(-(-CASES // 10)):
        op = _random_case(rng, tfc.TFLITE)
        for _ in range(10):
            case = _random_case(rng, tfc.TFLITE)
            case = {**op, "sizes": case["sizes"][: op["axes"]]}
            case["sizes"] += [
                rng.randint(1, 12) for _ in range(op["axes"] - len(case["sizes"]))
            ]
            if op["output_shapes"] is not None:
                case["output_shapes"] = [
                    rng.randint(max(1, (i - 1) * s - 2), i * s + k + 1)
                    for i, s, k in zip(
                        case["sizes"], op["strides"], op["kernels"], strict=True
                    )
                ]
            cases.append(case)
    return cases


def _draw(mode: str, convention, keep) -> tuple[list[dict], list, list[int]]:
    rng = random.Random(SEED if mode == "nn" else SEED + 1)
    if mode == "lite":
        cases = _lite_cases(rng)
    else:
        cases = [_random_case(rng, convention) for _ in range(CASES)]
    ours = [_ours(convention, case) for case in cases]
    # Transposed convolutions without output_shape that convdims refuses cannot be
    # asked: TensorFlow requires output_shape, and only a size convdims infers can be
    # given to it.
    kept = [
        i
        for i, case in enumerate(cases)
        if keep(case)
        and not (
            case["family"] == "transpose"
            and case["output_shapes"] is None
            and ours[i] == "refused"
        )
    ]
    return cases, ours, kept


_DRAWS = {
    "nn": (tfc.TENSORFLOW, lambda case: not _in_the_band(case)),
    "lite": (tfc.TFLITE, lambda case: True),
}


@pytest.fixture(scope="module")
def random_answers(ask):
    """Both random draws, asked of one worker process."""
    draws = {mode: _draw(mode, *rule) for mode, rule in _DRAWS.items()}
    batches = {
        mode: [_engine_case(cases[i], ours[i]) for i in kept]
        for mode, (cases, ours, kept) in draws.items()
    }
    answers = ask(batches)
    return {mode: (*draws[mode], answers[mode]) for mode in draws}


def _compare(cases, ours, kept, answers) -> dict:
    mismatches, tally = [], {"sizes": 0, "refused": 0, "transposed": 0}
    empty = 0
    for i, answer in zip(kept, answers, strict=True):
        theirs = _theirs(answer, cases[i]["axes"])
        if theirs != ours[i]:
            mismatches.append((cases[i], ours[i], answer))
            continue
        if theirs == "refused":
            tally["refused"] += 1
        else:
            tally["transposed" if cases[i]["family"] == "transpose" else "sizes"] += 1
            empty += 0 in theirs
    assert not mismatches, f"seed {SEED}: {len(mismatches)} mismatches: {mismatches[:3]}"
    assert len(kept) >= 500 and min(tally.values()) >= 30, tally
    return {**tally, "empty": empty}


def test_random_layers_match_tensorflow(random_answers):
    tally = _compare(*random_answers["nn"])
    assert tally["empty"] == 0  # TensorFlow never gives an empty axis out of the band


def test_random_layers_match_tflite(random_answers):
    tally = _compare(*random_answers["lite"])
    assert tally["empty"] >= 5, tally  # TF Lite's empty band is in the draw


def _quirk_case(quirk: dict) -> dict:
    case = quirk["case"]
    axes = len(case["input"])
    engine = {
        "op": case["op"],
        "x": [1, *case["input"], 1],
        "kernel": case["kernel"],
        "strides": case["strides"],
        "dilations": [1] * axes,
        "padding": case["padding"],
    }
    if "output_shape" in case:
        engine["output_shape"] = case["output_shape"]
    return engine


_POOL_PAIRS = [
    {
        "op": op,
        "x": [1, *[6] * axes, 1],
        "kernel": [2] * axes,
        "strides": [1] * axes,
        "dilations": [1] * axes,
        "padding": [[1, 0]] * axes,
    }  # fmt: skip
    for op, axes in [
        ("pool_max", 1),
        ("pool_max", 2),
        ("pool_max", 3),
        ("pool_avg", 1),
        ("pool_avg", 2),
        ("pool_avg", 3),
    ]  # fmt: skip
]


@pytest.mark.parametrize("onednn", ["default", "0"])
def test_the_known_quirks_still_happen(ask, onednn):
    """Each recorded self-disagreement still gives, in each way of running it, what
    KNOWN_ENGINE_QUIRKS says (with oneDNN's switch as it is by default, and off); and
    what the module says of explicit pairs in pooling: max_pool1d/2d take them,
    avg_pool and max_pool3d do not. One subprocess per switch."""
    env = {} if onednn == "default" else {"TF_ENABLE_ONEDNN_OPTS": onednn}
    modes = ("nn", "graph", "lite") if onednn == "default" else ("nn", "graph")
    chosen = {
        mode: [
            q
            for q in tfc.KNOWN_ENGINE_QUIRKS
            if ("eager" if mode == "nn" else mode) in q["observed"]
        ]
        for mode in modes
    }
    batches = {mode: [_quirk_case(q) for q in quirks] for mode, quirks in chosen.items()}
    batches["nn"] += _POOL_PAIRS
    answers = ask(batches, env)
    pairs = answers["nn"][len(chosen["nn"]) :]
    assert [answer.get("shape") for answer in pairs[:2]] == [[1, 6, 1], [1, 6, 6, 1]]
    assert all("error" in answer for answer in pairs[2:]), pairs
    for mode, quirks in chosen.items():
        name = "eager" if mode == "nn" else mode
        for quirk, answer in zip(quirks, answers[mode][: len(quirks)], strict=True):
            axes = len(quirk["case"]["input"])
            seen = "error" if "error" in answer else answer["shape"][1 : 1 + axes]
            assert seen == quirk["observed"][name], (quirk["what"], name, answer)


def test_convdims_answers_the_quirks_its_own_way():
    """tensorflow refuses the band's windows; tflite gives 0 there; an unchecked
    output_shape is TF Lite's 2-D answer and TensorFlow's refusal; a negative shape is
    refused."""
    for quirk in tfc.KNOWN_ENGINE_QUIRKS:
        case = quirk["case"]
        family = Family.TRANSPOSE if case["op"] == "transpose" else (
            Family.POOL if case["op"].startswith("pool") else Family.CONV
        )  # fmt: skip
        axes = len(case["input"])
        for convention in (tfc.TENSORFLOW, tfc.TFLITE):
            padding = case["padding"]
            per_axis = [padding] * axes if isinstance(padding, str) else padding
            try:
                sizes = [
                    convention.resolve(
                        family,
                        case["input"][a],
                        case["kernel"][a],
                        case["strides"][a],
                        per_axis[a] if isinstance(per_axis[a], str) else tuple(per_axis[a]),
                        axes=axes,
                        output_shape=case.get("output_shape", [None] * axes)[a],
                    ).output_size
                    for a in range(axes)
                ]
            except ValueError:
                sizes = "error"
            if convention is tfc.TENSORFLOW:
                assert sizes == "error", quirk["what"]
            elif "lite" in quirk["observed"]:
                lite = quirk["observed"]["lite"]
                negative = lite != "error" and min(lite) < 0
                assert sizes == ("error" if negative else lite), quirk["what"]

"""convdims.conventions.tfjs against TensorFlow.js itself: @tensorflow/tfjs-core on its
CPU backend, run by node on tiny tensors (tests/oracle/tfjs/shapes.mjs, one process for
every case), on random 1-D, 2-D and 3-D layers: equal sizes, equal refusals, 0 for the
same empty axes.

``npm ci --prefix tests/oracle/tfjs`` installs the engine (``.ci/run`` does). Without
node or it the tests skip; with CONVDIMS_REQUIRE_ORACLE=1 they fail.
CONVDIMS_ORACLE_SEED picks another random draw; CONVDIMS_ORACLE_CASES draws more cases.
"""

from __future__ import annotations

import json
import os
import random
import shutil
import subprocess
from pathlib import Path

import pytest

from convdims.conventions import tfjs
from convdims.window import effective_kernel

HERE = Path(__file__).parent / "tfjs"
SEED = int(os.environ.get("CONVDIMS_ORACLE_SEED", "14"))
CASES = int(os.environ.get("CONVDIMS_ORACLE_CASES", "800"))
REQUIRE = os.environ.get("CONVDIMS_REQUIRE_ORACLE") == "1"

_CONV_OPS = {1: "conv1d", 2: "conv2d", 3: "conv3d"}
_POOL_OPS = {2: ("maxPool", "avgPool"), 3: ("maxPool3d", "avgPool3d")}
_TRANSPOSE_OPS = {2: "conv2dTranspose", 3: "conv3dTranspose"}


@pytest.fixture(scope="module")
def run_tfjs():
    """``run_tfjs(cases)``: TF.js's answer to each engine case (one node process)."""
    node = shutil.which("node")
    installed = (HERE / "node_modules" / "@tensorflow" / "tfjs-core").is_dir()
    if node is None or not installed:
        missing = "node" if node is None else "tests/oracle/tfjs/node_modules"
        message = (
            f"the TF.js oracle needs {missing}: install node and run "
            "`npm ci --prefix tests/oracle/tfjs`"
        )
        if REQUIRE:
            pytest.fail(f"CONVDIMS_REQUIRE_ORACLE=1 but {message}", pytrace=False)
        pytest.skip(message)

    def run(cases: list[dict]) -> list[dict]:
        done = subprocess.run(
            [node, str(HERE / "shapes.mjs")],
            input=json.dumps(cases),
            capture_output=True,
            text=True,
            cwd=HERE,
            timeout=300,
            check=True,
        )
        answer = json.loads(done.stdout)
        assert answer["version"] == "4.22.0", answer["version"]
        return answer["answers"]

    return run


def _random_case(rng: random.Random) -> dict:
    family = rng.choice(["conv", "conv", "pool", "pool", "transpose"])
    axes = rng.choice(tfjs._AXES[tfjs.Family(family)])
    sizes = [rng.randint(1, 12) for _ in range(axes)]
    kernels = [rng.randint(1, 5) for _ in range(axes)]
    if rng.random() < 0.5:  # square windows often: the width quirk stays out of them
        kernels = [kernels[0]] * axes
    strides = [rng.choice([1, 1, 2, 3]) for _ in range(axes)]
    if rng.random() < 0.5:
        strides = [strides[0]] * axes
    dilations = [1] * axes
    if family == "conv" and rng.random() < 0.4:
        dilations = [rng.choice([1, 2, 3]) for _ in range(axes)]
    forms = ["same", "valid", "number"]
    if axes in tfjs._PAIRS[tfjs.Family(family)]:
        forms.append("pairs")
    if family == "transpose" and axes == 3:
        forms = ["same", "valid"]
    form = rng.choice(forms)
    if form == "number":
        padding: object = rng.randint(0, 3)
        paddings = [padding] * axes
    elif form == "pairs":
        paddings = [(rng.randint(0, 3), rng.randint(0, 3)) for _ in range(axes)]
    else:
        paddings = [form] * axes
    rounding = None
    if rng.random() < 0.5 and (family == "pool" or axes < 3):  # tf.conv3d(Transpose)
        # take no dimRoundingMode: convdims refuses one (tests/test_conventions_tfjs.py)
        rounding = rng.choice(tfjs.ROUNDINGS)
    ceil_mode = family == "pool" and rounding is None and rng.random() < 0.1
    output_shapes = None
    if family == "transpose" and rng.random() < 0.5:
        output_shapes = [rng.randint(0, 30) for _ in range(axes)]
    return {
        "family": family,
        "axes": axes,
        "sizes": sizes,
        "kernels": kernels,
        "strides": strides,
        "dilations": dilations,
        "paddings": paddings,
        "rounding": rounding,
        "ceil_mode": ceil_mode,
        "output_shapes": output_shapes,
        "op": rng.choice(_POOL_OPS[axes]) if family == "pool" else None,
    }


def _ours(case: dict):
    """convdims's sizes, or "refused"."""
    convention = tfjs.TFJS
    try:
        convention.check(
            case["family"],
            paddings=case["paddings"],
            strides=case["strides"],
            dilations=case["dilations"],
            kernel_sizes=case["kernels"],
            ceil_mode=case["ceil_mode"],
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
                case["ceil_mode"],
                axes=case["axes"],
                rounding=case["rounding"],
                output_shape=None
                if case["output_shapes"] is None
                else case["output_shapes"][axis],
            ).output_size
            for axis in range(case["axes"])
        ]
    except ValueError:
        return "refused"


def _engine_case(case: dict, ours) -> dict:
    """The TF.js call for a case (NHWC-style, batch 1, one channel)."""
    axes, family = case["axes"], case["family"]
    paddings = case["paddings"]
    pad: object = paddings[0]
    if isinstance(pad, tuple):
        pairs = [list(p) for p in paddings]
        pad = [[0, 0], *([[0, 0]] if axes == 1 else []), *pairs, [0, 0]]
    engine = {
        "x": [1, *case["sizes"], 1],
        "strides": case["strides"][0] if axes == 1 else case["strides"],
        "pad": pad,
    }
    rounding = "ceil" if case["ceil_mode"] else case["rounding"]
    if rounding is not None:
        engine["dimRoundingMode"] = rounding
    if family == "conv":
        engine["op"] = _CONV_OPS[axes]
        engine["filter"] = [*case["kernels"], 1, 1]
        engine["dilations"] = case["dilations"][0] if axes == 1 else case["dilations"]
    elif family == "pool":
        engine["op"] = case["op"]
        engine["filterSize"] = case["kernels"]
    else:
        engine["op"] = _TRANSPOSE_OPS[axes]
        engine["filter"] = [*case["kernels"], 1, 1]
        if case["output_shapes"] is not None:
            shape = case["output_shapes"]
        else:
            shape = ours  # TF.js requires outputShape: give it convdims's inference
        engine["outputShape"] = [1, *shape, 1]
    return engine


def _width_quirk(case: dict) -> bool:
    """TF.js sizes the width of a 2-D op with a numeric pad using the height's kernel
    and stride (conv1d is a conv2d with a 1-high kernel): KNOWN_ENGINE_QUIRKS."""
    if case["family"] == "transpose" or not isinstance(case["paddings"][0], int):
        return False
    kernels = [
        effective_kernel(k, d)
        for k, d in zip(case["kernels"], case["dilations"], strict=True)
    ]
    if case["axes"] == 1:
        return (kernels[0], case["strides"][0], case["paddings"][0]) != (1, 1, 0)
    if case["axes"] == 2:
        return kernels[0] != kernels[1] or case["strides"][0] != case["strides"][1]
    return False


def _theirs(answer: dict, axes: int):
    if "error" in answer:
        return "refused"
    sizes = answer["shape"][1 : 1 + axes]
    if len(answer["shape"]) != axes + 2 or any(s < 0 for s in sizes):
        return "refused"  # conv2d returns a negative shape where maxPool raises
    return sizes


def test_random_layers_match_tfjs(run_tfjs):
    rng = random.Random(SEED)
    cases = [_random_case(rng) for _ in range(CASES)]
    ours = [_ours(case) for case in cases]
    # Kept out: the width quirk (KNOWN_ENGINE_QUIRKS, checked below), and transposed
    # convolutions without output_shape that convdims refuses: TF.js needs outputShape,
    # so only the sizes convdims infers can be given to it.
    kept = [
        i
        for i, case in enumerate(cases)
        if not _width_quirk(case)
        and not (
            case["family"] == "transpose"
            and case["output_shapes"] is None
            and ours[i] == "refused"
        )
    ]
    answers = run_tfjs([_engine_case(cases[i], ours[i]) for i in kept])
    mismatches = []
    tally = {"sizes": 0, "empty": 0, "refused": 0}
    for i, answer in zip(kept, answers, strict=True):
        theirs = _theirs(answer, cases[i]["axes"])
        if theirs != ours[i]:
            mismatches.append((cases[i], ours[i], answer))
        elif theirs == "refused":
            tally["refused"] += 1
        else:
            tally["empty" if 0 in theirs else "sizes"] += 1
    assert not mismatches, (
        f"seed {SEED}: {len(mismatches)} mismatches, e.g. {mismatches[:3]}"
    )
    # The draw covers every outcome (a test that cannot fail is no test).
    assert len(kept) >= 500 and min(tally.values()) >= 20, tally


def test_the_known_quirks_still_happen(run_tfjs):
    """Each recorded self-disagreement of TF.js still gives what the table says, and
    convdims gives each axis's own arithmetic (or refuses) instead."""
    engine_cases, ours = [], []
    for quirk in tfjs.KNOWN_ENGINE_QUIRKS:
        case = quirk["case"]
        axes = len(case["input"])
        engine = {
            "op": quirk["op"],
            "x": [1, *case["input"], 1],
            "strides": case["strides"][0] if axes == 1 else case["strides"],
            "pad": case["pad"],
        }
        if quirk["op"].startswith("conv"):
            engine["filter"] = [*case["kernel"], 1, 1]
            family = "conv"
        else:
            engine["filterSize"] = case["kernel"]
            family = "pool"
        engine_cases.append(engine)
        try:
            ours.append(
                [
                    tfjs.TFJS.resolve(family, i, k, s, case["pad"], axes=axes).output_size
                    for i, k, s in zip(
                        case["input"], case["kernel"], case["strides"], strict=True
                    )
                ]
            )
        except ValueError:
            ours.append("refused")
    for quirk, answer, mine in zip(
        tfjs.KNOWN_ENGINE_QUIRKS, run_tfjs(engine_cases), ours, strict=True
    ):
        axes = len(quirk["case"]["input"])
        seen = "error" if "error" in answer else answer["shape"][1 : 1 + axes]
        assert seen == quirk["engine"], (quirk["what"], answer)
        assert mine != seen, quirk["what"]

"""convdims.conventions' "onnx" against ONNX Runtime: random Conv, MaxPool, AveragePool
and ConvTranspose nodes (1-D, 2-D and 3-D; every auto_pad, explicit pads, strides,
dilations, ceil_mode, output_padding, output_shape) built with onnx.helper and run on tiny
zero tensors; the sizes, the empty axes and the refusals must be the same.

CONVDIMS_ORACLE_SEED changes the cases (default 0); CONVDIMS_ORACLE_CASES their number
(default 800). Locally, for more:
``CONVDIMS_ORACLE_CASES=20000 pytest tests/oracle/test_engine_onnxruntime.py``.
"""

from __future__ import annotations

import os
import random

import pytest

from convdims import conventions

SEED = int(os.environ.get("CONVDIMS_ORACLE_SEED", "0"))
CASES = int(os.environ.get("CONVDIMS_ORACLE_CASES", "800"))
OPS = ("Conv", "MaxPool", "AveragePool", "ConvTranspose")
FAMILY = {
    "Conv": "conv",
    "MaxPool": "pool",
    "AveragePool": "pool",
    "ConvTranspose": "transpose",
}
AUTO_PADS = ("NOTSET", "NOTSET", "VALID", "SAME_UPPER", "SAME_LOWER")

ONNX = conventions.get("onnx")


def random_case(rng: random.Random) -> dict:
    """One node: its operator, opset and per-axis attributes, in ONNX's terms."""
    op = rng.choice(OPS)
    axes = rng.choice((1, 1, 2, 3))
    opset = rng.choice((11, 13, 17, 19, 21, 23))
    if op == "AveragePool" and rng.random() < 0.7:
        opset = max(opset, 19)  # AveragePool has dilations since opset 19
    small = axes == 3
    case: dict = {
        "op": op,
        "opset": opset,
        "sizes": [rng.randint(1, 6 if small else 12) for _ in range(axes)],
        "kernel": [rng.randint(1, 4 if small else 5) for _ in range(axes)],
        "strides": None if rng.random() < 0.2 else [rng.randint(1, 3) for _ in range(axes)],
        "dilations": None
        if rng.random() < 0.3
        else [rng.choice((1, 1, 2, 3)) for _ in range(axes)],
        "auto_pad": rng.choice(AUTO_PADS),
        "pads": None,
        "ceil_mode": 0,
        "output_padding": None,
        "output_shape": None,
    }
    if op == "AveragePool" and opset < 19:
        case["dilations"] = None
    if case["auto_pad"] == "NOTSET" and rng.random() < 0.85:
        reach = 3 if op in ("MaxPool", "AveragePool") else 4
        case["pads"] = [rng.randint(0, reach) for _ in range(2 * axes)]
    if op in ("MaxPool", "AveragePool"):
        case["ceil_mode"] = rng.choice((0, 1))
    if op == "AveragePool":
        # Whether the average counts the padded cells changes values, never sizes:
        # convdims is not told, and must agree either way.
        case["count_include_pad"] = rng.choice((0, 1))
    if op == "ConvTranspose":
        if rng.random() < 0.6:
            case["output_padding"] = [rng.randint(0, 2) for _ in range(axes)]
        if rng.random() < 0.3:
            case["output_shape"] = [rng.randint(1, 30) for _ in range(axes)]
    return case


def _spelled(rng: random.Random, word: str) -> str:
    return rng.choice((word, word.lower(), word.title()))


def ours(case: dict, rng: random.Random | None = None):
    """The spatial output shape convdims gives, or "refused"."""
    rng = rng or random.Random(0)
    family = FAMILY[case["op"]]
    axes = len(case["sizes"])
    dilations = case["dilations"] or [1] * axes
    try:
        sizes = []
        for axis in range(axes):
            if case["auto_pad"] != "NOTSET":
                padding = _spelled(rng, case["auto_pad"])
            elif case["pads"] is None:
                padding = None
            else:
                padding = (case["pads"][axis], case["pads"][axis + axes])
            extra = {}
            if family == "pool":
                extra = {
                    "op": case["op"],
                    "dilations": dilations,
                    "opset": case["opset"],
                    "count_include_pad": bool(case.get("count_include_pad", 0)),
                }
            if case["output_shape"] is not None:
                extra["output_shape"] = case["output_shape"][axis]
            rule = ONNX.resolve(
                family,
                case["sizes"][axis],
                case["kernel"][axis],
                None if case["strides"] is None else case["strides"][axis],
                padding,
                dilations[axis],
                bool(case["ceil_mode"]),
                "default"
                if case["output_padding"] is None
                else case["output_padding"][axis],
                axes=axes,
                **extra,
            )
            sizes.append(rule.output_size)
    except ValueError:
        return "refused"
    return tuple(sizes)


class Runner:
    """Builds each case as a one-node model and runs it in ONNX Runtime (CPU, one
    thread)."""

    def __init__(self, onnx, ort, np):
        self.onnx, self.ort, self.np = onnx, ort, np
        self.options = ort.SessionOptions()
        self.options.log_severity_level = 4
        self.options.intra_op_num_threads = 1
        self.options.inter_op_num_threads = 1

    def model(self, case: dict):
        onnx, np = self.onnx, self.np
        helper = onnx.helper
        shape = [1, 1, *case["sizes"]]
        x = helper.make_tensor_value_info("x", onnx.TensorProto.FLOAT, shape)
        y = helper.make_tensor_value_info("y", onnx.TensorProto.FLOAT, None)
        attributes: dict = {"auto_pad": case["auto_pad"]}
        for name in ("strides", "dilations", "pads", "output_padding", "output_shape"):
            if case[name] is not None:
                attributes[name] = list(case[name])
        inputs, initializers = ["x"], []
        if case["op"] in ("Conv", "ConvTranspose"):
            weight = np.zeros((1, 1, *case["kernel"]), np.float32)
            initializers.append(onnx.numpy_helper.from_array(weight, "w"))
            inputs.append("w")
        else:
            attributes["kernel_shape"] = list(case["kernel"])
            attributes["ceil_mode"] = case["ceil_mode"]
            if "count_include_pad" in case:
                attributes["count_include_pad"] = case["count_include_pad"]
        node = helper.make_node(case["op"], inputs, ["y"], **attributes)
        graph = helper.make_graph([node], "case", [x], [y], initializers)
        model = helper.make_model(
            graph, opset_imports=[helper.make_opsetid("", case["opset"])]
        )
        model.ir_version = 8
        return model

    def __call__(self, case: dict):
        """The spatial output shape ONNX Runtime gives, or "refused"."""
        try:
            session = self.ort.InferenceSession(
                self.model(case).SerializeToString(),
                self.options,
                providers=["CPUExecutionProvider"],
            )
            data = self.np.zeros((1, 1, *case["sizes"]), self.np.float32)
            out = session.run(None, {"x": data})[0]
        except Exception as error:  # the engine's own errors are its refusals
            if type(error).__module__.startswith("onnxruntime"):
                return "refused"
            raise
        return tuple(int(n) for n in out.shape[2:])


@pytest.fixture(scope="module")
def runner(engine):
    return Runner(engine("onnx"), engine("onnxruntime"), engine("numpy"))


def test_onnxruntime_takes_the_cases_we_build(runner):
    """The harness itself: a plain case runs and a refused one is told apart."""
    case = {
        "op": "MaxPool", "opset": 21, "sizes": [11], "kernel": [2], "strides": [2],
        "dilations": None, "auto_pad": "NOTSET", "pads": [0, 1], "ceil_mode": 1,
        "output_padding": None, "output_shape": None,
    }  # fmt: skip
    assert runner(case) == ours(case) == (6,)
    assert runner({**case, "pads": [2, 0]}) == ours({**case, "pads": [2, 0]}) == "refused"


def test_onnx_convention_matches_onnxruntime(runner):
    rng = random.Random(SEED)
    seen = {"refused": 0, "empty": 0, "sized": 0}
    for _ in range(CASES):
        case = random_case(rng)
        engine_says = runner(case)
        assert ours(case, rng) == engine_says, case
        if engine_says == "refused":
            seen["refused"] += 1
        else:
            seen["empty" if 0 in engine_says else "sized"] += 1
    # The random cases reach every outcome (else they test less than they claim).
    assert all(count > 0 for count in seen.values()), seen

"""convdims.conventions' "openvino" against OpenVINO: random Convolution, MaxPool,
AvgPool and ConvolutionBackpropData ops (1-D, 2-D and 3-D; every auto_pad, explicit
pads, strides, dilations, rounding_type floor/ceil/ceil_torch, exclude_pad,
output_padding, output_shape); the sizes, the empty axes and the refusals must be the
same as the shape inference of the ``Model``, and a model holding the accepted cases,
compiled for the CPU and run on zeros, must give the same shapes again.

CONVDIMS_ORACLE_SEED changes the cases (default 0); CONVDIMS_ORACLE_CASES their number
(default 800).
"""

from __future__ import annotations

import os
import random

import pytest

from convdims import conventions

SEED = int(os.environ.get("CONVDIMS_ORACLE_SEED", "0"))
CASES = int(os.environ.get("CONVDIMS_ORACLE_CASES", "800"))
OPS = ("Convolution", "MaxPool", "AvgPool", "ConvolutionBackpropData")
FAMILY = {
    "Convolution": "conv",
    "MaxPool": "pool",
    "AvgPool": "pool",
    "ConvolutionBackpropData": "transpose",
}
AUTO_PADS = ("explicit", "explicit", "valid", "same_upper", "same_lower")
#: How many accepted cases go into the one model compiled for the CPU (compiling is
#: the slow part: about 0.3 s a model).
COMPILED = 120

OPENVINO = conventions.get("openvino")


def random_case(rng: random.Random) -> dict:
    """One op: its type and per-axis attributes, in OpenVINO's terms."""
    op = rng.choice(OPS)
    axes = rng.choice((1, 1, 2, 3))
    small = axes == 3
    case: dict = {
        "op": op,
        "sizes": [rng.randint(1, 6 if small else 12) for _ in range(axes)],
        "kernel": [rng.randint(1, 4 if small else 5) for _ in range(axes)],
        "strides": [rng.randint(1, 3) for _ in range(axes)],
        "dilations": [rng.choice((1, 1, 2, 3)) for _ in range(axes)],
        "auto_pad": rng.choice(AUTO_PADS),
        "pads_begin": [0] * axes,
        "pads_end": [0] * axes,
        "rounding_type": "floor",
        "exclude_pad": True,
        "output_padding": None,
        "output_shape": None,
    }
    if op == "AvgPool":
        case["dilations"] = [1] * axes  # AvgPool has no dilations
        case["exclude_pad"] = rng.random() < 0.6
    if case["auto_pad"] == "explicit":
        case["pads_begin"] = [rng.randint(0, 4) for _ in range(axes)]
        case["pads_end"] = [rng.randint(0, 4) for _ in range(axes)]
    if op in ("MaxPool", "AvgPool"):
        case["rounding_type"] = rng.choice(("floor", "ceil", "ceil_torch"))
    if op == "ConvolutionBackpropData":
        if rng.random() < 0.6:
            case["output_padding"] = [rng.randint(0, 3) for _ in range(axes)]
        if rng.random() < 0.3:
            case["output_shape"] = [rng.randint(0, 30) for _ in range(axes)]
    return case


def ours(case: dict, rng: random.Random | None = None):
    """The spatial output shape convdims gives, or "refused"."""
    rng = rng or random.Random(0)
    family = FAMILY[case["op"]]
    axes = len(case["sizes"])
    try:
        sizes = []
        for axis in range(axes):
            if case["auto_pad"] == "explicit":
                padding = (case["pads_begin"][axis], case["pads_end"][axis])
                if padding[0] == padding[1] and rng.random() < 0.5:
                    padding = padding[0]  # one number for both sides
            else:
                padding = rng.choice((str.lower, str.upper))(case["auto_pad"])
            extra: dict = {}
            if family == "pool":
                extra = {"op": case["op"], "exclude_pad": case["exclude_pad"]}
                rounding = case["rounding_type"]
                if rounding == "ceil" and rng.random() < 0.5:
                    extra["ceil_mode"] = True  # --ceil-mode: rounding_type="ceil"
                else:
                    extra["rounding"] = rounding
            if case["output_padding"] is not None:
                extra["output_padding"] = case["output_padding"][axis]
            if case["output_shape"] is not None:
                extra["output_shape"] = case["output_shape"][axis]
            rule = OPENVINO.resolve(
                family,
                case["sizes"][axis],
                case["kernel"][axis],
                case["strides"][axis],
                padding,
                case["dilations"][axis],
                axes=axes,
                **extra,
            )
            sizes.append(rule.output_size)
            assert rule.empty == (rule.output_size == 0)
    except ValueError:
        return "refused"
    return tuple(sizes)


class Engine:
    """Builds each case as an OpenVINO op on its own parameter."""

    def __init__(self, ov, np):
        self.ov, self.np = ov, np
        self.ops = ov.opset14
        self.core = ov.Core()
        self.core.set_property("CPU", {"INFERENCE_NUM_THREADS": 1})

    def node(self, case: dict):
        ops, np = self.ops, self.np
        data = ops.parameter([1, 1, *case["sizes"]], np.float32)
        auto_pad = case["auto_pad"]
        begin, end = case["pads_begin"], case["pads_end"]
        op = case["op"]
        if op in ("Convolution", "ConvolutionBackpropData"):
            weight = ops.constant(np.zeros((1, 1, *case["kernel"]), np.float32))
        if op == "Convolution":
            node = ops.convolution(
                data, weight, case["strides"], begin, end, case["dilations"], auto_pad
            )
        elif op == "ConvolutionBackpropData":
            shape = case["output_shape"]
            node = ops.convolution_backprop_data(
                data,
                weight,
                case["strides"],
                None if shape is None else ops.constant(np.array(shape, np.int64)),
                begin,
                end,
                case["dilations"],
                auto_pad,
                case["output_padding"],
            )
        elif op == "MaxPool":
            node = ops.max_pool(
                data, case["strides"], case["dilations"], begin, end, case["kernel"],
                case["rounding_type"], auto_pad,
            )  # fmt: skip
        else:
            node = ops.avg_pool(
                data, case["strides"], begin, end, case["kernel"], case["exclude_pad"],
                case["rounding_type"], auto_pad,
            )  # fmt: skip
        return data, node

    def __call__(self, case: dict):
        """The spatial output shape of OpenVINO's shape inference, or "refused"."""
        try:
            _, node = self.node(case)
        except RuntimeError:  # OpenVINO's refusals (ov::Exception, NodeValidationFailure)
            return "refused"
        shape = node.get_output_partial_shape(0)
        if not shape.is_static:
            # A negative transposed size: the shape inference leaves the axis undefined
            # ("?") and the CPU plugin refuses the model.
            with pytest.raises(RuntimeError, match="undefined|isDefined"):
                self.compiled([case])
            return "refused"
        return tuple(dim.get_length() for dim in shape)[2:]

    def compiled(self, cases: list[dict]) -> list[tuple[int, ...]]:
        """The spatial shapes of running all ``cases`` (accepted ones) in one model
        compiled for the CPU, on zeros."""
        ov, np = self.ov, self.np
        parameters, outputs, inputs = [], [], {}
        for index, case in enumerate(cases):
            data, node = self.node(case)
            parameters.append(data)
            outputs.append(node.output(0))
            inputs[index] = np.zeros((1, 1, *case["sizes"]), np.float32)
        compiled = self.core.compile_model(ov.Model(outputs, parameters), "CPU")
        results = compiled(inputs)
        return [tuple(results[compiled.output(i)].shape[2:]) for i in range(len(cases))]


@pytest.fixture(scope="module")
def openvino(engine):
    return Engine(engine("openvino"), engine("numpy"))


def test_openvino_takes_the_cases_we_build(openvino):
    """The harness itself: a plain case runs and a refused one is told apart."""
    case = {
        "op": "MaxPool", "sizes": [11], "kernel": [2], "strides": [2], "dilations": [1],
        "auto_pad": "explicit", "pads_begin": [1], "pads_end": [1],
        "rounding_type": "ceil", "exclude_pad": True, "output_padding": None,
        "output_shape": None,
    }  # fmt: skip
    assert openvino(case) == ours(case) == (7,)
    assert openvino({**case, "rounding_type": "ceil_torch"}) == (6,)
    refused = {**case, "sizes": [1], "kernel": [4], "pads_begin": [0], "pads_end": [0]}
    assert openvino(refused) == ours(refused) == "refused"


def test_openvino_convention_matches_openvino(openvino):
    rng = random.Random(SEED)
    seen = {"refused": 0, "empty": 0, "sized": 0}
    accepted = []
    for _ in range(CASES):
        case = random_case(rng)
        engine_says = openvino(case)
        assert ours(case, rng) == engine_says, case
        if engine_says == "refused":
            seen["refused"] += 1
        else:
            seen["empty" if 0 in engine_says else "sized"] += 1
            if 0 not in engine_says and len(accepted) < COMPILED:
                accepted.append((case, engine_says))
    assert all(count > 0 for count in seen.values()), seen
    # The CPU plugin, compiled and run, agrees with the shape inference on a sample.
    compiled = openvino.compiled([case for case, _ in accepted])
    assert compiled == [shape for _, shape in accepted]

"""Ask TensorFlow (tf.nn, eager or in a tf.function) or TF Lite (its interpreter, on a
model converted once) for the output shape of tiny ops: JSON cases on stdin, one
answer each on stdout (``{"shape": [...]}`` or ``{"error": "..."}``).

Run by tests/oracle/test_engine_tensorflow.py in a subprocess of its own, so that
TensorFlow stays out of the pytest process and a crash cannot kill it::

    python tests/oracle/tensorflow_worker.py nn|graph|lite < cases.json

A case: ``{"op": "conv"|"pool_max"|"pool_avg"|"transpose", "x": [1, *sizes, 1],
"kernel": [...], "strides": [...], "dilations": [...], "padding": "SAME"|"VALID"|
[[before, after], ...] (spatial axes only), "output_shape": [...] (transpose)}``.
"""

from __future__ import annotations

import json
import os
import sys
import warnings

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")
warnings.simplefilter("ignore")

import numpy as np  # noqa: E402
import tensorflow as tf  # noqa: E402


def _padding(case: dict):
    padding = case["padding"]
    if isinstance(padding, str):
        return padding
    return [[0, 0], *padding, [0, 0]]


def _call(case: dict, x, output_shape=None):
    """The tf.nn op of a case on ``x`` (a transposed convolution's output shape: the
    case's, or the tensor ``output_shape``)."""
    op, axes = case["op"], len(case["kernel"])
    padding = _padding(case)
    strides, dilations = case["strides"], case["dilations"]
    if op == "conv":
        w = tf.ones([*case["kernel"], 1, 1])
        conv = {1: tf.nn.conv1d, 2: tf.nn.conv2d, 3: tf.nn.conv3d}[axes]
        if axes == 1:
            return conv(x, w, strides[0], padding, dilations=dilations[0])
        if axes == 3:
            return conv(x, w, [1, *strides, 1], padding, dilations=[1, *dilations, 1])
        return conv(x, w, strides, padding, dilations=dilations)
    if op in ("pool_max", "pool_avg"):
        pools = {
            "pool_max": {1: tf.nn.max_pool1d, 2: tf.nn.max_pool2d, 3: tf.nn.max_pool3d},
            "pool_avg": {1: tf.nn.avg_pool1d, 2: tf.nn.avg_pool2d, 3: tf.nn.avg_pool3d},
        }
        return pools[op][axes](x, case["kernel"], strides, padding)
    w = tf.ones([*case["kernel"], 1, 1])
    shape = [1, *case["output_shape"], 1] if output_shape is None else output_shape
    transpose = {
        1: tf.nn.conv1d_transpose,
        2: tf.nn.conv2d_transpose,
        3: tf.nn.conv3d_transpose,
    }[axes]
    return transpose(x, w, shape, strides, padding, dilations=dilations)


def _answer(run) -> dict:
    try:
        return {"shape": [int(n) for n in run().shape]}
    except Exception as error:  # noqa: BLE001 - every refusal is an answer
        return {"error": f"{type(error).__name__}: {str(error).splitlines()[0][:300]}"}


def eager(cases: list[dict]) -> list[dict]:
    return [_answer(lambda c=c: _call(c, tf.zeros(c["x"]))) for c in cases]


def graph(cases: list[dict]) -> list[dict]:
    """Each op traced in a tf.function (graph mode: TensorFlow's shape functions)."""

    def run(case):
        spec = tf.TensorSpec(case["x"], tf.float32)
        function = tf.function(lambda x: _call(case, x), input_signature=[spec])
        return function(tf.zeros(case["x"]))

    return [_answer(lambda c=c: run(c)) for c in cases]


def _convert(cases: list[dict], chosen: list[int]) -> bytes:
    """One TF Lite model holding the op of each chosen case, on an input of unknown
    spatial size; a transposed convolution's output shape is an input too (after all
    the ``x`` inputs)."""
    specs = [
        tf.TensorSpec([1, *([None] * len(cases[i]["kernel"])), 1], tf.float32)
        for i in chosen
    ]
    shaped = [i for i in chosen if cases[i]["op"] == "transpose"]
    specs += [tf.TensorSpec([len(cases[i]["kernel"]) + 2], tf.int32) for i in shaped]

    @tf.function(input_signature=specs)
    def model(*inputs):
        shapes = dict(zip(shaped, inputs[len(chosen) :], strict=True))
        return [
            _call(cases[i], x, shapes.get(i))
            for i, x in zip(chosen, inputs[: len(chosen)], strict=True)
        ]

    converter = tf.lite.TFLiteConverter.from_concrete_functions(
        [model.get_concrete_function()], model
    )
    return converter.convert()


def _safe(case: dict) -> tuple[list[int], list[int] | None]:
    """An input size (and a transposed convolution's output shape) that the case's op
    takes whatever its window: 16 cells an axis, stride 1 for the output shape."""
    axes = len(case["kernel"])
    size = [1, *([16] * axes), 1]
    if case["op"] != "transpose":
        return size, None
    strides, kernel = case["strides"], case["kernel"]
    if case["padding"] == "SAME":
        out = [16 * s for s in strides]
    else:
        pads = [(0, 0)] * axes if case["padding"] == "VALID" else case["padding"]
        out = [
            15 * s + k - b - a for s, k, (b, a) in zip(strides, kernel, pads, strict=True)
        ]
    return size, [1, *out, 1]


def _message(error: Exception) -> str:
    return f"{type(error).__name__}: {str(error).splitlines()[0][:300]}"


def lite(cases: list[dict]) -> list[dict]:
    """TF Lite: the convolutions and poolings in one model, the transposed convolutions
    in another, each converted once; each case resizes its own input (the others stay
    at a size every op takes) and reads the shape TF Lite's builtin kernels compute (no
    delegate): at allocation, or for a transposed convolution (whose output shape is
    an input of the model) at invocation. An op kind TF Lite cannot convert (its first
    case, converted alone, fails) is answered by that conversion error."""
    answers: list[dict] = [{} for _ in cases]
    windows = [i for i, c in enumerate(cases) if c["op"] != "transpose"]
    transposed = [i for i, c in enumerate(cases) if c["op"] == "transpose"]
    for chosen in (windows, transposed):
        if chosen:
            _lite_group(cases, chosen, answers)
    return answers


def _lite_group(cases: list[dict], chosen: list[int], answers: list[dict]) -> None:
    try:
        content = _convert(cases, chosen)
    except Exception:  # noqa: BLE001 - find the kinds TF Lite lacks, keep the rest
        kinds: dict[tuple, list[int]] = {}
        for index in chosen:
            kinds.setdefault((cases[index]["op"], len(cases[index]["kernel"])), [])
            kinds[cases[index]["op"], len(cases[index]["kernel"])].append(index)
        for members in kinds.values():
            try:
                _convert(cases, members[:1])
            except Exception as error:  # noqa: BLE001
                for index in members:
                    answers[index] = {"error": _message(error)}
        chosen = [i for i in chosen if not answers[i]]
        if not chosen:
            return
        content = _convert(cases, chosen)
    interpreter = tf.lite.Interpreter(
        model_content=content,
        experimental_op_resolver_type=(
            tf.lite.experimental.OpResolverType.BUILTIN_WITHOUT_DEFAULT_DELEGATES
        ),
    )
    # Inputs are named inputs_<n>, outputs Identity, Identity_<n>, in the model's order.
    inputs = {
        int(d["name"].rsplit("_", 1)[1]): d["index"]
        for d in interpreter.get_input_details()
    }
    outputs = {
        int(d["name"].rsplit("_", 1)[1]) if "_" in d["name"] else 0: d["index"]
        for d in interpreter.get_output_details()
    }
    shaped = [i for i in chosen if cases[i]["op"] == "transpose"]
    assert sorted(inputs) == list(range(len(chosen) + len(shaped)))
    assert sorted(outputs) == list(range(len(chosen)))
    shape_inputs = {i: inputs[len(chosen) + n] for n, i in enumerate(shaped)}
    for slot, index in enumerate(chosen):
        for other_slot, other in enumerate(chosen):
            size = cases[index]["x"] if other == index else _safe(cases[other])[0]
            interpreter.resize_tensor_input(inputs[other_slot], size, strict=False)
        try:
            interpreter.allocate_tensors()
            if shaped:
                for other in shaped:
                    wanted = (
                        [1, *cases[other]["output_shape"], 1]
                        if other == index
                        else _safe(cases[other])[1]
                    )
                    interpreter.set_tensor(
                        shape_inputs[other], np.array(wanted, dtype=np.int32)
                    )
                interpreter.invoke()
                shape = interpreter.get_tensor(outputs[slot]).shape
            else:
                shape = interpreter.get_tensor_details()[outputs[slot]]["shape"]
            answers[index] = {"shape": [int(n) for n in shape]}
        except Exception as error:  # noqa: BLE001
            answers[index] = {"error": _message(error)}


def main() -> None:
    mode = sys.argv[1]
    cases = json.load(sys.stdin)
    answers = {"nn": eager, "graph": graph, "lite": lite}[mode](cases)
    json.dump({"version": tf.__version__, "answers": answers}, sys.stdout)


if __name__ == "__main__":
    main()

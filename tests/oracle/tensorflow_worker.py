"""Ask TensorFlow (tf.nn, eager or in a tf.function) or TF Lite (its interpreter, on a
model converted once) for the output shape of tiny ops: JSON cases on stdin, one
answer each on stdout (``{"shape": [...]}`` or ``{"error": "..."}``).

Run by tests/oracle/test_engine_tensorflow.py in a subprocess of its own, so that
TensorFlow stays out of the pytest process and a crash cannot kill it::

    python tests/oracle/tensorflow_worker.py < batches.json

``batches.json`` maps each way of running (``"nn"``: eager tf.nn; ``"graph"``: each op
in a tf.function; ``"lite"``: TF Lite) to its cases; the answers come back the same way.

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


def _key(case: dict) -> str:
    """What a TF Lite model fixes of an op (its input size and a transposed
    convolution's output shape are inputs of the model)."""
    fixed = {k: case[k] for k in ("op", "kernel", "strides", "dilations", "padding")}
    return json.dumps(fixed, sort_keys=True)


def _convert(ops: list[dict]) -> bytes:
    """One TF Lite model holding each op, on an input of unknown spatial size; a
    transposed convolution's output shape is an input too (after all the ``x``
    inputs)."""
    specs = [tf.TensorSpec([1, *([None] * len(op["kernel"])), 1], tf.float32) for op in ops]
    shaped = [n for n, op in enumerate(ops) if op["op"] == "transpose"]
    specs += [tf.TensorSpec([len(ops[n]["kernel"]) + 2], tf.int32) for n in shaped]

    @tf.function(input_signature=specs)
    def model(*inputs):
        shapes = dict(zip(shaped, inputs[len(ops) :], strict=True))
        return [_call(op, inputs[n], shapes.get(n)) for n, op in enumerate(ops)]

    converter = tf.lite.TFLiteConverter.from_concrete_functions(
        [model.get_concrete_function()], model
    )
    return converter.convert()


def lite(cases: list[dict]) -> list[dict]:
    """TF Lite: one op per fixed part of the cases (see ``_key``), the convolutions and
    poolings in one model, the transposed convolutions in another, each converted
    once; each case resizes its op's input (the others stay at a size every op takes)
    and reads the shape TF Lite's builtin kernels compute (no delegate): at
    allocation, or for a transposed convolution (whose output shape is an input of the
    model) at invocation. An op TF Lite cannot convert alone is answered by that
    conversion error."""
    answers: list[dict] = [{} for _ in cases]
    for transposed in (False, True):
        chosen = [i for i, c in enumerate(cases) if (c["op"] == "transpose") == transposed]
        if chosen:
            _lite_group(cases, chosen, answers)
    return answers


def _lite_group(cases: list[dict], chosen: list[int], answers: list[dict]) -> None:
    ops: dict[str, dict] = {}
    for index in chosen:
        ops.setdefault(_key(cases[index]), cases[index])
    try:
        content = _convert(list(ops.values()))
    except Exception:  # noqa: BLE001 - find the ops TF Lite lacks, keep the rest
        for key, op in list(ops.items()):
            try:
                _convert([op])
            except Exception as error:  # noqa: BLE001
                del ops[key]
                for index in chosen:
                    if _key(cases[index]) == key:
                        answers[index] = {"error": _message(error)}
        if not ops:
            return
        content = _convert(list(ops.values()))
    slots = {key: n for n, key in enumerate(ops)}
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
    ordered = list(ops.values())
    shaped = [n for n, op in enumerate(ordered) if op["op"] == "transpose"]
    assert sorted(inputs) == list(range(len(ordered) + len(shaped)))
    assert sorted(outputs) == list(range(len(ordered)))
    shape_inputs = {n: inputs[len(ordered) + m] for m, n in enumerate(shaped)}
    for index in chosen:
        if answers[index]:
            continue
        slot = slots[_key(cases[index])]
        for n, op in enumerate(ordered):
            size = cases[index]["x"] if n == slot else _safe(op)[0]
            interpreter.resize_tensor_input(inputs[n], size, strict=False)
        try:
            interpreter.allocate_tensors()
            if shaped:
                for n in shaped:
                    wanted = (
                        [1, *cases[index]["output_shape"], 1]
                        if n == slot
                        else _safe(ordered[n])[1]
                    )
                    interpreter.set_tensor(
                        shape_inputs[n], np.array(wanted, dtype=np.int32)
                    )
                interpreter.invoke()
                shape = interpreter.get_tensor(outputs[slot]).shape
            else:
                shape = interpreter.get_tensor_details()[outputs[slot]]["shape"]
            answers[index] = {"shape": [int(n) for n in shape]}
        except Exception as error:  # noqa: BLE001
            answers[index] = {"error": _message(error)}


def _safe(case: dict) -> tuple[list[int], list[int] | None]:
    """An input size (and a transposed convolution's output shape) that the case's op
    takes whatever its window: 16 cells an axis, and an output shape whose forward
    convolution gives 16 (TF Lite's 3-D transposed convolution checks that)."""
    axes = len(case["kernel"])
    size = [1, *([16] * axes), 1]
    if case["op"] != "transpose":
        return size, None
    strides = case["strides"]
    kernel = [
        d * (k - 1) + 1 for k, d in zip(case["kernel"], case["dilations"], strict=True)
    ]
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


def main() -> None:
    batches = json.load(sys.stdin)
    modes = {"nn": eager, "graph": graph, "lite": lite}
    answers = {mode: modes[mode](cases) for mode, cases in batches.items()}
    json.dump({"version": tf.__version__, "answers": answers}, sys.stdout)


if __name__ == "__main__":
    main()

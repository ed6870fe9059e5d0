"""convdims.conventions against the real Keras 3 and PyTorch: the same refusals, the same
sizes, on random 1-D layers of every family and padding form."""

from __future__ import annotations

import random
import warnings

import pytest

from convdims import conventions

CASES = 400


def _random_case(rng: random.Random, framework: str) -> dict:
    family = rng.choice(["conv", "pool", "transpose"])
    kernel = rng.randint(1, 5)
    stride = rng.choice([None, 1, 1, 2, 3])
    dilation = rng.choice([1, 1, 2, 3])
    words = ["valid", "same", "causal", "full"]
    padding = rng.choice([*words, 0, 1, 2, 3, (0, 1), None])
    size = rng.randint(1, 12)
    ceil_mode = family == "pool" and rng.random() < 0.3
    output_padding = "default"
    if family == "transpose":
        output_padding = rng.choice(["default", None, 0, 1, 2])
    if family != "pool" and stride is None:
        stride = 1
    return {
        "family": family,
        "size": size,
        "kernel": kernel,
        "stride": stride,
        "padding": padding,
        "dilation": dilation,
        "ceil_mode": ceil_mode,
        "output_padding": output_padding,
    }


def _ours(framework: str, case: dict):
    try:
        return conventions.get(framework).output_size(
            case["family"],
            case["size"],
            case["kernel"],
            case["stride"],
            case["padding"],
            case["dilation"],
            case["ceil_mode"],
            case["output_padding"],
        )
    except ValueError:
        return "refused"


def _keras(keras, case: dict):
    layers = keras.layers
    padding = "valid" if case["padding"] is None else case["padding"]
    family = case["family"]
    extra = None if case["output_padding"] == "default" else case["output_padding"]
    try:
        if family == "conv":
            layer = layers.Conv1D(
                1, case["kernel"], strides=case["stride"], padding=padding,
                dilation_rate=case["dilation"],
            )  # fmt: skip
        elif family == "pool":
            if case["ceil_mode"] or case["dilation"] != 1:
                return "refused"  # no such argument in Keras pooling
            layer = layers.MaxPooling1D(
                case["kernel"], strides=case["stride"], padding=padding
            )
        else:
            layer = layers.Conv1DTranspose(
                1, case["kernel"], strides=case["stride"], padding=padding,
                output_padding=extra, dilation_rate=case["dilation"],
            )  # fmt: skip
        shape = layer.compute_output_shape((None, case["size"], 1))
    except (ValueError, TypeError, AttributeError):
        return "refused"
    out = shape[1]
    return "refused" if out is None or out < 1 else out


def _torch(torch, case: dict):
    nn = torch.nn
    padding = 0 if case["padding"] is None else case["padding"]
    family = case["family"]
    extra = 0 if case["output_padding"] == "default" else case["output_padding"]
    try:
        if family == "conv":
            module = nn.Conv1d(
                1, 1, case["kernel"], stride=case["stride"], padding=padding,
                dilation=case["dilation"],
            )  # fmt: skip
        elif family == "pool":
            module = nn.MaxPool1d(
                case["kernel"], stride=case["stride"], padding=padding,
                dilation=case["dilation"], ceil_mode=case["ceil_mode"],
            )  # fmt: skip
        else:
            module = nn.ConvTranspose1d(
                1, 1, case["kernel"], stride=case["stride"], padding=padding,
                output_padding=extra, dilation=case["dilation"],
            )  # fmt: skip
        with torch.no_grad(), warnings.catch_warnings():
            # 'same' with an even kernel warns that it copies the input: not a refusal.
            warnings.simplefilter("ignore", UserWarning)
            out = module(torch.zeros(1, 1, case["size"])).shape[-1]
    except (ValueError, TypeError, RuntimeError):
        return "refused"
    return "refused" if out < 1 else out


@pytest.mark.parametrize("seed", range(2))
def test_keras_convention_matches_keras(keras, seed):
    rng = random.Random(seed)
    for _ in range(CASES):
        case = _random_case(rng, "keras")
        assert _ours("keras", case) == _keras(keras, case), case


@pytest.mark.parametrize("seed", range(2))
def test_torch_convention_matches_torch(torch, seed):
    rng = random.Random(100 + seed)
    for _ in range(CASES):
        case = _random_case(rng, "torch")
        assert _ours("torch", case) == _torch(torch, case), case

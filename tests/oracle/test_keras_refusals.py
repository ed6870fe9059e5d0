"""Borderline and invalid layer arguments: convdims.keras refuses where, and as, Keras does.

Bools, floats, strings, zeros and negatives in counts (``units``, ``filters``,
``depth_multiplier``, ``groups``) and in window arguments (``kernel_size``,
``strides``, ``dilation_rate``, ``pool_size``, ``output_padding``). For each, the
lookalike must fail at the same stage as Keras 3 (construction or call) with an
exception of Keras's class, or accept it with the same output shape and parameter
count. Each case runs right after the same layer built with plain ints, so an answer
remembered for ``1`` cannot be given for ``True`` or ``1.0``.
"""

from __future__ import annotations

import math
import warnings

import pytest

from convdims import keras as ck

CASES = [
    ("Dense", (0,), {}),
    ("Dense", (-1,), {}),
    ("Dense", (True,), {}),
    ("Dense", (2.0,), {}),
    ("Dense", (None,), {}),
    ("Dense", ("3",), {}),
    ("Conv2D", (0, 3), {}),
    ("Conv2D", (-1, 3), {}),
    ("Conv2D", (True, 3), {}),
    ("Conv2D", (2.0, 3), {}),
    ("Conv2D", (None, 3), {}),
    ("Conv2D", (4, (1.0, 1.0)), {}),
    ("Conv2D", (4, 1.0), {}),
    ("Conv2D", (4, True), {}),
    ("Conv2D", (4, (True, True)), {}),
    ("Conv2D", (4, (2.0, 2.0)), {}),
    ("Conv2D", (4, "3"), {}),
    ("Conv2D", (4, ("3", "3")), {}),
    ("Conv2D", (4, -1), {}),
    ("Conv2D", (4, 3), {"strides": 1.0}),
    ("Conv2D", (4, 3), {"strides": (1.0, 1.0)}),
    ("Conv2D", (4, 3), {"strides": (2.0, 2.0)}),
    ("Conv2D", (4, 3), {"strides": (True, True)}),
    ("Conv2D", (4, 3), {"strides": True}),
    ("Conv2D", (4, 3), {"strides": (False, 1)}),
    ("Conv2D", (4, 3), {"dilation_rate": (1.0, 1.0)}),
    ("Conv2D", (4, 3), {"dilation_rate": (2.0, 2.0)}),
    ("Conv2D", (4, 3), {"groups": True}),
    ("Conv2D", (4, 3), {"groups": 2.0}),
    ("Conv2D", (4, 3), {"groups": 0}),
    ("Conv2D", (4, 3), {"groups": -2}),
    ("Conv2D", (4, 3), {"padding": 1}),
    ("Conv2D", (4, 3), {"padding": None}),
    ("Conv2D", (4, 3), {"padding": "full"}),
    ("Conv2D", (4, 3), {"padding": (1, 1)}),
    ("Conv1D", (4, 3.0), {}),
    ("Conv1D", (0, 3), {}),
    ("Conv3D", (4, (1.0, 1.0, 1.0)), {}),
    ("Conv2DTranspose", (0, 3), {}),
    ("Conv2DTranspose", (-3, 3), {}),
    ("Conv2DTranspose", (True, 3), {}),
    ("Conv2DTranspose", (4, (1.0, 1.0)), {}),
    ("Conv2DTranspose", (4, 3), {"strides": 2, "output_padding": 1.0}),
    ("Conv2DTranspose", (4, 3), {"strides": 2, "output_padding": True}),
    ("Conv2DTranspose", (4, 3), {"strides": 2, "output_padding": -1}),
    ("DepthwiseConv2D", (3,), {"depth_multiplier": 0}),
    ("DepthwiseConv2D", (3,), {"depth_multiplier": -1}),
    ("DepthwiseConv2D", (3,), {"depth_multiplier": True}),
    ("DepthwiseConv2D", (3,), {"depth_multiplier": 2.0}),
    ("DepthwiseConv2D", ((1.0, 1.0),), {}),
    ("SeparableConv2D", (0, 3), {}),
    ("SeparableConv2D", (True, 3), {}),
    ("SeparableConv2D", (4, (1.0, 1.0)), {}),
    ("SeparableConv2D", (4, 3), {"depth_multiplier": 0}),
    ("MaxPooling2D", (1.0,), {}),
    ("MaxPooling2D", ((2.0, 2.0),), {}),
    ("MaxPooling2D", (True,), {}),
    ("MaxPooling2D", (0,), {}),
    ("MaxPooling2D", (-2,), {}),
    ("MaxPooling2D", (2,), {"strides": 1.0}),
    ("MaxPooling2D", (2,), {"strides": (1.0, 1.0)}),
    ("AveragePooling2D", ((2.0, 2.0),), {}),
    ("UpSampling2D", ((2.0, 2.0),), {}),
    ("UpSampling2D", (0,), {}),
    ("ZeroPadding2D", ((1.0, 1.0),), {}),
    ("ZeroPadding2D", (-1,), {}),
    ("Cropping2D", ((1.0, 1.0),), {}),
    ("Cropping2D", (-1,), {}),
]

#: The one input each case is called on (channels last).
SHAPES = {"Conv1D": (8, 3), "Conv3D": (8, 8, 8, 3)}

#: Plain-int twins, built first in the same process: what a cache would remember.
PLAIN = {
    "Dense": ("Dense", (1,), {}),
    "Conv2D": ("Conv2D", (4, (1, 1)), {"strides": (1, 1)}),
    "Conv2DTranspose": ("Conv2DTranspose", (4, (1, 1)), {"strides": 2}),
    "DepthwiseConv2D": ("DepthwiseConv2D", ((1, 1),), {}),
    "SeparableConv2D": ("SeparableConv2D", (4, (1, 1)), {}),
    "MaxPooling2D": ("MaxPooling2D", ((2, 2),), {"strides": (1, 1)}),
}


def outcome(module, name, args, kwargs):
    """("init", error), ("call", error) or ("ok", shape, params)."""
    module.backend.clear_session()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            layer = getattr(module.layers, name)(*args, **kwargs)
        except Exception as error:  # noqa: BLE001 - any refusal counts
            return ("init", error)
        try:
            output = layer(module.Input(SHAPES.get(name, (8, 8, 3))))
        except Exception as error:  # noqa: BLE001
            return ("call", error)
        return ("ok", tuple(output.shape), sum(math.prod(w.shape) for w in layer.weights))


@pytest.mark.parametrize(("name", "args", "kwargs"), CASES, ids=repr)
def test_refuses_or_accepts_as_keras_does(keras, name, args, kwargs):
    twin = PLAIN.get(name)
    if twin is not None:
        assert outcome(ck, *twin)[0] == "ok"
    expected = outcome(keras, name, args, kwargs)
    actual = outcome(ck, name, args, kwargs)
    case = f"{name}(*{args!r}, **{kwargs!r})"
    if expected[0] == "ok":
        assert actual == expected, f"{case}: Keras gives {expected}, convdims {actual}"
        return
    assert actual[0] == expected[0], (
        f"{case}: Keras raises {expected[1]!r} at {expected[0]}, convdims gives {actual}"
    )
    assert isinstance(actual[1], type(expected[1])), (
        f"{case}: Keras raises {type(expected[1]).__name__}, convdims "
        f"{type(actual[1]).__name__}: {actual[1]}"
    )


def test_pooling_strides_of_zero_are_a_value_error(keras):
    """A deliberate difference: Keras divides by zero when called (ZeroDivisionError);
    convdims says which argument is wrong, with a ValueError at the same moment."""
    assert isinstance(
        outcome(keras, "MaxPooling2D", (2,), {"strides": 0})[1], ZeroDivisionError
    )
    stage, error = outcome(ck, "MaxPooling2D", (2,), {"strides": 0})
    assert stage == "call" and isinstance(error, ValueError) and "strides" in str(error)

"""Each framework's rules, as data and small functions: the one place a rule lives.

The core (``convdims.convolution``, ``convdims.pooling``, ...) computes sizes for
any padding, stride and dilation. A framework accepts less, words things its own way and
picks its own defaults: Keras takes padding words only and refuses strides > 1 together
with dilation > 1; PyTorch takes cells on each side, allows ``'same'`` only at stride 1
and pads a pooling window by at most half of it. Each framework's rules live in one
module of this package, as a [`Convention`][convdims.conventions.Convention]; its
[`resolve`][convdims.conventions.Convention.resolve] turns one axis, in the framework's
own words, into an [`AxisRule`][convdims.conventions.AxisRule]: the core's arguments,
and the answer. The command line's ``--framework``, the Keras and PyTorch lookalikes and
the site read the same data.

Examples:
    >>> from convdims import conventions
    >>> conventions.FRAMEWORKS[:2]
    ('keras', 'torch')
    >>> torch = conventions.get("torch")
    >>> torch.output_size("pool", 11, 3, stride=2, padding=1)
    6
    >>> try:
    ...     torch.output_size("pool", 11, 3, stride=2, padding=2)
    ... except ValueError as error:
    ...     print(error.argument, error.valid, error)  # doctest: +NORMALIZE_WHITESPACE
    padding 0..1 padding=2 puts 2 cell(s) before the input, but pooling padding
    must be at most half of pool_size=3 (pool_size // 2 = 1), as PyTorch requires;
    use a padding of 0..1
"""

from __future__ import annotations

import importlib

from convdims._checks import shown
from convdims.conventions._convention import AxisRule, Convention, Family, _or
from convdims.conventions.keras import KERAS
from convdims.conventions.torch import TORCH
from convdims.errors import ArgumentError

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

#: Where each framework's convention is: its module in this package and its name there,
#: in the order the site and the command line list them.
_WHERE: dict[str, tuple[str, str]] = {
    "keras": ("keras", "KERAS"),
    "torch": ("torch", "TORCH"),
    "onnx": ("onnx", "ONNX"),
    "jax": ("jax", "JAX"),
    "flax": ("jax", "FLAX"),
    "tensorflow": ("tensorflow", "TENSORFLOW"),
    "tflite": ("tensorflow", "TFLITE"),
    "tfjs": ("tfjs", "TFJS"),
    "openvino": ("openvino", "OPENVINO"),
    "caffe": ("caffe", "CAFFE"),
    "mxnet": ("mxnet", "MXNET"),
    "coreml": ("coreml", "COREML"),
    "tensorrt": ("tensorrt", "TENSORRT"),
}

#: The keys of every framework convdims knows the rules of.
FRAMEWORKS: tuple[str, ...] = tuple(_WHERE)


def get(framework: str) -> Convention:
    """The rules of ``framework`` (one of ``FRAMEWORKS``), loaded on first use.

    Raises:
        ArgumentError: an unknown framework.

    Examples:
        >>> get("keras").title
        'Keras'
    """
    try:
        module, name = _WHERE[framework]
    except (KeyError, TypeError):
        raise ArgumentError(
            f"framework={shown(framework)} is not one convdims knows; use one of "
            f"{', '.join(FRAMEWORKS)}",
            argument="framework",
            value=framework,
            valid=_or(FRAMEWORKS),
        ) from None
    convention: Convention = getattr(
        importlib.import_module(f"convdims.conventions.{module}"), name
    )
    return convention


def __getattr__(name: str) -> Any:
    if name == "CONVENTIONS":  # every framework's rules, by key (loads them all)
        return {framework: get(framework) for framework in FRAMEWORKS}
    for framework, (_, attribute) in _WHERE.items():  # JAX, FLAX, ...: loaded on use
        if attribute == name:
            return get(framework)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = [
    "CAFFE",
    "CONVENTIONS",
    "COREML",
    "FLAX",
    "FRAMEWORKS",
    "JAX",
    "KERAS",
    "MXNET",
    "ONNX",
    "OPENVINO",
    "TENSORFLOW",
    "TENSORRT",
    "TFJS",
    "TFLITE",
    "TORCH",
    "AxisRule",
    "Convention",
    "Family",
    "get",
]

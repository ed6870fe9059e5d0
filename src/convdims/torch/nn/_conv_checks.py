"""What a convolution's arguments must be: PyTorch's ``_ConvNd`` keeps them as given
and its kernels check them when the layer runs.

PyTorch's ``_pair``/``_triple`` turn any iterable into a tuple of whatever length it has
(``stride=[1]`` stays ``(1,)``: the layer stores it and prints it so), and the convolution
then takes one value for every axis or exactly one value per axis, refusing any other
length when it runs (``expected stride to be a single integer value or a list of 2
values``). ``given_tuple`` keeps an argument as
PyTorch stores it; ``axis_values`` spreads it
over the axes as the kernels do, or says what they refuse.

>>> given_tuple([1], 2), given_tuple(3, 2)
((1,), (3, 3))
>>> axis_values((1,), 2, "stride", "Conv2d")
(1, 1)
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache

from convdims.convolution import conv_output_size
from convdims.torch.errors import ArgumentTypeError, ShapeError
from convdims.torch.nn._args import Refusal

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any


def given_tuple(value: Any, n: int) -> tuple[Any, ...]:
    """PyTorch's ``_ntuple(n)``: an iterable as a tuple of its own length, anything else
    repeated ``n`` times."""
    if isinstance(value, Iterable) and not isinstance(value, str):
        return tuple(value)
    return (value,) * n


def axis_values(values: tuple[Any, ...], n: int, name: str, layer: str) -> Any:
    """``values`` over ``n`` axes as PyTorch's convolution takes them: one value for
    every axis, or one per axis; a ``Refusal`` for any
    other length (PyTorch's RuntimeError when the layer runs)."""
    if len(values) == n:
        return values
    if len(values) == 1:
        return values * n
    return Refusal(
        ShapeError,
        f"{layer}: expected {name} to be a single integer value or a list of {n} values "
        f"to match the convolution dimensions, but got {name}={list(values)}",
        name,
        values,
        f"an int, or a tuple of 1 or {n} ints",
    )


def kernel_refusal(kernel: tuple[int, ...], n: int, layer: str, shape: Any) -> Refusal:
    """A kernel of another length than the layer's axes: PyTorch builds a weight of that
    many axes and its convolution refuses it when it runs (naming the stride, the first
    argument it then finds of the wrong length); convdims names the kernel."""
    return Refusal(
        ShapeError,
        f"{layer}: kernel_size={kernel} has {len(kernel)} value(s) for this {n}-D layer, "
        f"so its weight is {list(shape)}, which PyTorch's convolution refuses when it runs",
        "kernel_size",
        kernel,
        f"an int, or a tuple of {n} ints",
    )


def padding_mode_refusal(
    pads: tuple[Any, ...], n: int, mode: str, layer: str
) -> Refusal | None:
    """A padding of one value under a padding mode other than zeros pads the last axis
    only (PyTorch's ``F.pad`` gets 2 numbers) and PyTorch refuses it for more than one
    axis when the layer runs (NotImplementedError there)."""
    if mode == "zeros" or n == 1 or len(pads) == n:
        return None
    return Refusal(
        ShapeError,
        f"{layer}: padding={pads} with padding_mode={mode!r} pads {len(pads)} of the "
        f"{n} axes: PyTorch's F.pad refuses it when the layer runs (Padding size "
        f"{2 * len(pads)} is not supported for {n + 2}D input tensor)",
        "padding",
        pads,
        f"an int, or a tuple of {n} ints",
    )


def spread_axes(
    n: int,
    layer: str,
    kernel: tuple[int, ...],
    weight_shape: tuple[int, ...],
    strides: tuple[Any, ...],
    padding: str | tuple[Any, ...],
    dilations: tuple[Any, ...],
    output_paddings: tuple[Any, ...],
    padding_mode: str,
) -> tuple[Refusal | None, dict[str, tuple[Any, ...]]]:
    """The arguments spread over the layer's axes as PyTorch's kernels take them,
    or the first refusal of a length (kernel, stride, padding, dilation, output
    padding: the order PyTorch's convolution expands them in)."""
    if len(kernel) != n:
        return kernel_refusal(kernel, n, layer, weight_shape), {}
    axes: dict[str, tuple[Any, ...]] = {}
    for name, values in (
        ("stride", strides),
        ("padding", (0,) * n if isinstance(padding, str) else padding),
        ("dilation", dilations),
        ("output_padding", output_paddings),
    ):
        spread = axis_values(values, n, name, layer)
        if isinstance(spread, Refusal):
            return spread, {}
        axes[name] = spread
    if not isinstance(padding, str):
        refusal = padding_mode_refusal(padding, n, padding_mode, layer)
        if refusal is not None:
            return refusal, {}
    return None, axes


def _call_refusal(
    layer: str,
    kernel: tuple[int, ...],
    strides: tuple[Any, ...],
    padding: tuple[Any, ...] | str,
    dilations: tuple[Any, ...],
    out_channels: int,
    transposed: bool,
    groups: Any,
) -> Refusal | None:
    """What PyTorch refuses when the convolution runs (its kernels check these), in the
    order it checks them; None when it runs."""
    pads = () if isinstance(padding, str) else padding
    if isinstance(groups, bool):
        return Refusal(
            ArgumentTypeError,
            f"{layer}: groups={groups!r} must be an int; PyTorch's convolution refuses a "
            "bool when it runs",
            "groups",
            groups,
            "an int",
        )
    for name, values in (("stride", strides), ("padding", pads), ("dilation", dilations)):
        for value in values:
            if not isinstance(value, int) or isinstance(value, bool):
                return Refusal(
                    ArgumentTypeError,
                    f"{layer}: {name}={values} must hold ints; PyTorch's convolution "
                    f"refuses {value!r} of type {type(value).__name__} when it runs",
                    name,
                    values,
                    "ints",
                )
    if min(strides) < 1:
        return Refusal(
            ShapeError,
            f"{layer}: non-positive stride is not supported (stride={strides})",
            "stride",
            strides,
            "integers of at least 1",
        )
    if pads and min(pads) < 0:
        return Refusal(
            ShapeError,
            f"{layer}: negative padding is not supported (padding={pads})",
            "padding",
            pads,
            "integers of at least 0",
        )
    if min(dilations) < 1:
        return Refusal(
            ShapeError,
            f"{layer}: dilation should be greater than zero, but got {list(dilations)}",
            "dilation",
            dilations,
            "integers of at least 1",
        )
    if min(kernel) < 1:
        return Refusal(
            ShapeError,
            f"{layer}: kernel size should be greater than zero, but got "
            f"kernel_size={kernel}",
            "kernel_size",
            kernel,
            "integers of at least 1",
        )
    if out_channels < 1:
        what = "non-empty weight tensor expected" if transposed else "expected weight"
        return Refusal(
            ShapeError,
            f"{layer}: {what} to be at least 1 at dimension {1 if transposed else 0}, but "
            f"got out_channels={out_channels} (PyTorch builds the layer and refuses it "
            "when it runs)",
            "out_channels",
            out_channels,
            "an int of at least 1",
        )
    return None


@lru_cache(maxsize=4096)
def _conv_size(size: int, kernel: int, stride: int, before: int, after: int, d: int) -> int:
    """The core's output size, remembered: layers of a model repeat the same few
    (every argument is a plain int, checked by the layer: no ``True == 1`` aliasing)."""
    return conv_output_size(size, kernel, stride, (before, after), d)


@lru_cache(maxsize=4096)
def _conv_spatial(
    spatial: tuple[int, ...],
    kernel: tuple[int, ...],
    strides: tuple[int, ...],
    pads: tuple[tuple[int, int], ...],
    dilations: tuple[int, ...],
) -> tuple[int, ...] | None:
    """The output's spatial sizes by the core, axis by axis, remembered for the
    arguments (a pure function of ints), or None where the core refuses an axis (the
    checked path then raises PyTorch's error)."""
    try:
        return tuple(
            conv_output_size(size, k, s, pad, d)
            for size, k, s, pad, d in zip(
                spatial, kernel, strides, pads, dilations, strict=True
            )
        )
    except ValueError:
        return None


def _plain_ints(value: Any, n: int) -> tuple[int, ...] | None:
    """``value`` as ``n`` plain ints (an int, or a tuple of ``n`` ints; no bools), or
    None for anything else (the checked path reads it)."""
    if type(value) is int:
        return (value,) * n
    if type(value) is tuple and len(value) == n:
        for item in value:
            if type(item) is not int:
                return None
        return value
    return None


def _plain_conv(
    n: int,
    in_channels: Any,
    out_channels: Any,
    kernel_size: Any,
    stride: Any,
    padding: Any,
    dilation: Any,
    groups: Any,
    padding_mode: Any,
) -> tuple[tuple[int, ...], ...] | None:
    """A convolution's arguments when they are the common case that PyTorch accepts
    and runs without a question (plain ints, ``zeros`` padding, every size in range):
    ``(kernel, strides, paddings, dilations)``; None sends the layer through every
    check of ``_ConvNd``, which decides the same for these and refuses the rest."""
    if (
        type(in_channels) is not int
        or type(out_channels) is not int
        or type(groups) is not int
        or padding_mode != "zeros"
        or groups < 1
        or in_channels < 0
        or out_channels < 1
        or in_channels % groups
        or out_channels % groups
    ):
        return None
    kernel = _plain_ints(kernel_size, n)
    strides = _plain_ints(stride, n)
    paddings = _plain_ints(padding, n)
    dilations = _plain_ints(dilation, n)
    if (
        kernel is None
        or strides is None
        or paddings is None
        or dilations is None
        or min(kernel) < 1
        or min(strides) < 1
        or min(paddings) < 0
        or min(dilations) < 1
    ):
        return None
    return kernel, strides, paddings, dilations


def _plain_values(
    plain: tuple[tuple[int, ...], ...],
    in_channels: int,
    out_channels: int,
    groups: int,
    padding_mode: str,
) -> dict[str, Any]:
    """What ``_ConvNd`` stores for arguments that ``_plain_conv`` found plain."""
    kernel, strides, paddings, dilations = plain
    zeros = (0,) * len(kernel)
    return {
        "in_channels": in_channels,
        "out_channels": out_channels,
        "kernel_size": kernel,
        "stride": strides,
        "padding": paddings,
        "dilation": dilations,
        "transposed": False,
        "output_padding": zeros,
        "groups": groups,
        "padding_mode": padding_mode,
        "_pads": tuple((p, p) for p in paddings),
        "_refusal": None,
        "_strides": strides,
        "_dilations": dilations,
        "_paddings": paddings,
        "_output_paddings": zeros,
    }

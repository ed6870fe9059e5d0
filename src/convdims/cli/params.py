"""``params``: a layer's parameter count (weights and biases), with its formula."""

from __future__ import annotations

import argparse

from convdims.cli.errors import CommandError, from_argument_error
from convdims.render.formula import (
    Derivation,
    conv_params_derivation,
    dense_params_derivation,
    depthwise_conv_params_derivation,
    separable_conv_params_derivation,
)

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any


def _kernel(args: argparse.Namespace) -> int | tuple[int, ...]:
    sizes = args.kernel_size
    if args.ndim is None:
        return sizes[0] if len(sizes) == 1 else tuple(sizes)
    if len(sizes) == 1:
        return tuple(sizes) * args.ndim
    if len(sizes) != args.ndim:
        raise CommandError(
            f"{len(sizes)} sizes for --ndim {args.ndim}; give one size or {args.ndim}",
            option="-k/--kernel-size",
            value=list(sizes),
            valid=f"1 or {args.ndim} sizes",
        )
    return tuple(sizes)


def params_command(args: argparse.Namespace) -> dict[str, Any]:
    """The count, the layer's arguments by their Python names, and the derivation."""
    layer = args.layer
    bias = not args.no_bias
    arguments: dict[str, Any]
    try:
        if layer == "dense":
            arguments = {
                "in_features": args.in_features,
                "units": args.units,
                "use_bias": bias,
            }
            derivation = dense_params_derivation(args.in_features, args.units, bias)
        else:
            kernel = _kernel(args)
            arguments = {
                "kernel_size": list(kernel) if isinstance(kernel, tuple) else kernel,
                "in_channels": args.in_channels,
            }
            if layer == "conv":
                arguments.update(filters=args.filters, groups=args.groups, use_bias=bias)
                derivation = conv_params_derivation(
                    kernel, args.in_channels, args.filters, bias, args.groups
                )
            elif layer == "depthwise":
                arguments.update(depth_multiplier=args.depth_multiplier, use_bias=bias)
                derivation = depthwise_conv_params_derivation(
                    kernel, args.in_channels, args.depth_multiplier, bias
                )
            else:
                arguments.update(
                    filters=args.filters,
                    depth_multiplier=args.depth_multiplier,
                    use_bias=bias,
                )
                derivation = separable_conv_params_derivation(
                    kernel, args.in_channels, args.filters, args.depth_multiplier, bias
                )
    except (TypeError, ValueError) as error:
        raise from_argument_error(error) from None
    return {
        "command": "params",
        "layer": layer,
        "arguments": arguments,
        "params": derivation.result,
        "derivation": derivation,
    }


def params_text(result: dict[str, Any]) -> str:
    """The count first, then its formula."""
    derivation: Derivation = result["derivation"]
    return f"parameters: {result['params']:,}\n\n{derivation.render_text()}"

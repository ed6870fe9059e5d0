"""ONNX's rules (opset 11 and later), as ONNX Runtime runs them: checked against
onnxruntime 1.32.0 here (``tests/oracle/test_engine_onnxruntime.py``).

``Conv``, ``MaxPool``, ``AveragePool`` and ``ConvTranspose`` take ``auto_pad``
``NOTSET`` (the explicit ``pads``, cells before and after on each axis: ``B,A``, or one
number for both), ``VALID``, ``SAME_UPPER`` (the odd cell after) or ``SAME_LOWER`` (the
odd cell before). Pooling's stride defaults to 1, not to the window. Where ONNX Runtime
and the operator specification (``onnx/defs/nn/defs.cc``) differ, the engine decides and
[`KNOWN_ENGINE_QUIRKS`][convdims.conventions.onnx.KNOWN_ENGINE_QUIRKS] says so:

- pooling divides toward zero (``pool_attributes.h``, ``ComputeOutputSize``): a window
  that overhangs the padded input by less than one stride still gives one output, by
  less than two strides an empty axis (0), by more an error;
- pooling's ``SAME_*`` padding is computed from the kernel without its dilation, and
  each explicit pad must be smaller than the kernel (``PoolAttributes``);
- ``Conv`` refuses ``SAME_*`` with a dilation (``ComputePad`` in
  ``core/providers/common.h``);
- ``ConvTranspose`` wants ``output_padding`` below the stride, gives ``I*S`` for
  ``SAME_*`` (less when the windows reach less far) and takes an ``output_shape`` up
  to ``I*S + K - 1``
  (``conv_transpose_attributes.h``).

Examples:
    >>> from convdims import conventions
    >>> onnx = conventions.get("onnx")
    >>> onnx.output_size("pool", 11, 2, 2, (0, 1), ceil_mode=True)
    6
    >>> onnx.output_size("pool", 3, 2), onnx.output_size("pool", 1, 2, 2)
    (2, 1)
    >>> onnx.output_size("pool", 1, 4, 2)  # the window overhangs by 3 cells: empty
    0
    >>> onnx.resolve("transpose", 12, 3, 2, "same_upper").output_size
    24
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from typing import Any

from convdims._checks import as_int, positive_int, shown
from convdims.conventions._convention import AxisRule, Convention, Family, _family
from convdims.conventions._engines import (
    EngineQuirk,
    pads_text,
    pool_operator,
    refuse_explicit_word,
    split_pads,
)
from convdims.errors import ArgumentError, ArgumentTypeError
from convdims.padding import explicit_padding
from convdims.window import effective_kernel

_SAME = ("same_upper", "same_lower")
_ENGINE = "onnxruntime 1.32.0"


#: Where ONNX Runtime differs from the ONNX specification, or from itself.
KNOWN_ENGINE_QUIRKS: tuple[EngineQuirk, ...] = (
    EngineQuirk(
        "onnx",
        _ENGINE,
        "spec",
        "MaxPool, AveragePool",
        "the window (with dilation) overhangs the padded input",
        "divides toward zero: one output when it overhangs by less than a stride, an "
        "empty axis by less than two strides, an error beyond (the specification's floor "
        "would give fewer)",
        "the same sizes; 0 for the empty axis",
        {"family": "pool", "input_size": 1, "kernel_size": 2, "stride": 2},
        "onnxruntime/core/providers/cpu/nn/pool_attributes.h, ComputeOutputSize",
    ),
    EngineQuirk(
        "onnx",
        _ENGINE,
        "spec",
        "MaxPool, AveragePool",
        "auto_pad SAME_UPPER or SAME_LOWER with a dilation above 1",
        "pads (ceil(I/S) - 1)*S + k - I cells: the kernel without its dilation, so the "
        "output is not ceil(I/S)",
        "the engine's padding and size",
        {
            "family": "pool",
            "input_size": 5,
            "kernel_size": 2,
            "padding": "same_upper",
            "dilation": 3,
        },
        "onnxruntime/core/providers/cpu/nn/pool_attributes.h, ComputeSizePadDilations",
    ),
    EngineQuirk(
        "onnx",
        _ENGINE,
        "self",
        "MaxPool, AveragePool",
        "auto_pad SAME_* where (ceil(I/S) - 1)*S + k < I (a stride larger than the window)",
        "the padding it computes is negative: MaxPool refuses ('padding values must be "
        "non-negative') when every dilation is 1, and AveragePool before opset 19 "
        "(unless ceil_mode=1 and count_include_pad=1); AveragePool from opset 19, and "
        "MaxPool with a dilation above 1, answer, the windows never reaching the last "
        "cells",
        "the engine's answer for each operator (resolve's op=, dilations=, opset= and "
        "count_include_pad=)",
        {
            "family": "pool",
            "input_size": 2,
            "kernel_size": 1,
            "stride": 2,
            "padding": "same_upper",
            "op": "AveragePool",
        },
        "onnxruntime/core/providers/cpu/nn/pool_attributes.h, ComputeSizePadDilations",
    ),
    EngineQuirk(
        "onnx",
        _ENGINE,
        "spec",
        "MaxPool, AveragePool",
        "explicit pads as large as the kernel",
        "refuses: each pad must be smaller than the kernel (without its dilation)",
        "refuses",
        {
            "family": "pool",
            "input_size": 5,
            "kernel_size": 2,
            "padding": (2, 0),
            "dilation": 3,
        },
        "onnxruntime/core/providers/cpu/nn/pool_attributes.h, PoolAttributes",
    ),
    EngineQuirk(
        "onnx",
        _ENGINE,
        "spec",
        "Conv",
        "auto_pad SAME_UPPER or SAME_LOWER with a dilation above 1",
        "refuses ('Dilation not supported for AutoPadType::SAME_UPPER or "
        "AutoPadType::SAME_LOWER')",
        "refuses",
        {
            "family": "conv",
            "input_size": 5,
            "kernel_size": 2,
            "padding": "same_upper",
            "dilation": 3,
        },
        "onnxruntime/core/providers/common.h, ComputePad",
    ),
    EngineQuirk(
        "onnx",
        _ENGINE,
        "spec",
        "ConvTranspose",
        "output_padding at least the stride (the specification allows up to the larger "
        "of stride and dilation)",
        "refuses: the forward convolution of its output would not give the input back",
        "refuses",
        {
            "family": "transpose",
            "input_size": 4,
            "kernel_size": 4,
            "stride": 1,
            "dilation": 3,
            "output_padding": 1,
        },
        "onnxruntime/core/providers/cpu/nn/conv_transpose_attributes.h",
    ),
    EngineQuirk(
        "onnx",
        _ENGINE,
        "spec",
        "ConvTranspose",
        "auto_pad SAME_* where the kernel and output_padding reach less far than the "
        "stride",
        "the output is (I - 1)*S + K + output_padding, shorter than the I*S of the "
        "specification (it never pads with negative cells)",
        "the engine's size",
        {
            "family": "transpose",
            "input_size": 2,
            "kernel_size": 1,
            "stride": 3,
            "padding": "same_upper",
        },
        "onnxruntime/core/providers/cpu/nn/conv_transpose_attributes.h",
    ),
    EngineQuirk(
        "onnx",
        _ENGINE,
        "spec",
        "ConvTranspose",
        "an output_shape larger than I*S + K - 1",
        "refuses ('Explicit output_shape is inconsistent with input spatial dimensions')",
        "refuses",
        {
            "family": "transpose",
            "input_size": 2,
            "kernel_size": 3,
            "stride": 2,
            "output_shape": 7,
        },
        "onnxruntime/core/providers/cpu/nn/conv_transpose_attributes.h",
    ),
)


class OnnxConvention(Convention):
    """ONNX's rules: a [`Convention`][convdims.conventions.Convention] whose ``resolve``
    also takes ConvTranspose's ``output_shape`` and applies ONNX Runtime's own
    arithmetic where the generic data cannot say it (see the module)."""

    def check(
        self,
        family: Family | str,
        *,
        paddings: Sequence[Any],
        strides: Sequence[int | None],
        dilations: Sequence[int],
        kernel_sizes: Sequence[int] | None = None,
        ceil_mode: bool = False,
        output_paddings: Sequence[int | None] | None = None,
        axes: int | None = None,
    ) -> None:
        """Refuse what ONNX Runtime refuses: the generic rules (padding forms, no
        ``output_padding=None``), then ``SAME_*`` with a dilation in ``Conv``, a pooling
        pad as large as the kernel, and ``output_padding`` not below the stride.

        Examples:
            >>> from convdims import conventions
            >>> try:
            ...     conventions.get("onnx").check(
            ...         "conv", paddings=["SAME_UPPER"], strides=[1], dilations=[2])
            ... except ValueError as error:
            ...     print(error.argument, "|", error)  # doctest: +ELLIPSIS
            dilation | ONNX Runtime's Conv refuses auto_pad SAME_UPPER with dilation 2 ...
        """
        refuse_explicit_word(paddings, "notset", "NOTSET", "pads")
        super().check(
            family,
            paddings=paddings,
            strides=strides,
            dilations=dilations,
            kernel_sizes=kernel_sizes,
            ceil_mode=ceil_mode,
            output_paddings=output_paddings,
            axes=axes,
        )
        family = _family(family)
        kernels = list(kernel_sizes) if kernel_sizes is not None else []
        for axis, (padding, dilation) in enumerate(zip(paddings, dilations, strict=False)):
            word = padding.lower() if isinstance(padding, str) else None
            if family is Family.CONV and word in _SAME and dilation > 1:
                self._refuse(
                    "dilation",
                    dilation,
                    f"ONNX Runtime's Conv refuses auto_pad {word.upper()} with dilation "
                    f"{dilation} ('Dilation not supported for SAME_UPPER or SAME_LOWER'); "
                    "give explicit pads B,A instead, or dilation 1",
                    "dilation 1 with SAME_UPPER or SAME_LOWER, or explicit pads",
                )
            if family is Family.POOL and word is None and axis < len(kernels):
                self._check_pads_below_kernel(padding, as_int("kernel_size", kernels[axis]))
        if family is Family.TRANSPOSE and output_paddings is not None:
            for output_padding, stride in zip(output_paddings, strides, strict=False):
                if output_padding is None:
                    continue
                extra = as_int("output_padding", output_padding)
                step = 1 if stride is None else stride
                if extra >= step >= 1:
                    self._refuse(
                        "output_padding",
                        output_padding,
                        f"output_padding={extra} must be smaller than stride={step}: ONNX "
                        "Runtime refuses a larger one (the forward convolution of its "
                        "output would not give the input back); use "
                        f"0..{step - 1}",
                        f"0..{step - 1}",
                    )

    def _check_pads_below_kernel(self, padding: Any, kernel: int) -> None:
        amounts = padding if isinstance(padding, (tuple, list)) else (padding, padding)
        for side, amount in zip(("before", "after"), amounts, strict=False):
            if isinstance(amount, int) and not isinstance(amount, bool) and 1 <= kernel:
                if amount >= kernel:
                    self._refuse(
                        "padding",
                        padding,
                        f"padding (pads) {pads_text(padding)} puts {amount} cell(s) {side} "
                        "the input, but ONNX Runtime's pooling wants each pad smaller "
                        f"than kernel_shape={kernel} (without its dilation); use a pad of "
                        f"0..{kernel - 1}",
                        f"0..{kernel - 1}",
                    )

    def layer_options(
        self, family: Family | str, paddings: Any, dilations: Any = None
    ) -> dict[str, Any]:
        """``dilations`` for pooling: every axis's (MaxPool refuses a negative
        ``SAME_*`` padding only when none is dilated)."""
        if _family(family) is not Family.POOL or dilations is None:
            return {}
        return {"dilations": list(dilations)}

    def resolve(
        self,
        family: Family | str,
        input_size: int,
        kernel_size: int,
        stride: int | None = None,
        padding: Any = None,
        dilation: int = 1,
        ceil_mode: bool = False,
        output_padding: Any = "default",
        *,
        axes: int = 1,
        rounding: str | None = None,
        output_shape: int | None = None,
        op: str | None = None,
        dilations: Sequence[int] | None = None,
        opset: int | None = None,
        count_include_pad: bool = False,
    ) -> AxisRule:
        """One axis as ONNX Runtime computes it, in the core's terms.

        Args:
            family: ``"conv"``, ``"pool"`` or ``"transpose"``.
            input_size: I.
            kernel_size: k (``kernel_shape``, or the weight's extent).
            stride: S (``strides``); None is 1, for pooling too.
            padding: ``"VALID"``, ``"SAME_UPPER"``, ``"SAME_LOWER"`` (any case), an int
                (``pads`` on both sides) or a ``(before, after)`` pair; None is no
                padding.
            dilation: d (``dilations``).
            ceil_mode: pooling's ``ceil_mode=1``.
            output_padding: ConvTranspose's ``output_padding`` (default 0).
            axes: the layer's spatial axes.
            rounding: refused (TF.js's option): ``ceil_mode`` is ONNX's.
            output_shape: ConvTranspose's ``output_shape`` along this axis (then the
                pads are computed, ``auto_pad`` choosing the side of an odd one).
            op: pooling's operator, ``"MaxPool"`` (None) or ``"AveragePool"``: they
                differ only where ``SAME_*`` padding comes out negative.
            dilations: every axis's dilation (None: this axis's only), for that same
                case: MaxPool refuses it only when all of them are 1.
            opset: the model's opset (None: the latest): AveragePool takes dilations,
                and crops rather than refuses that case, from opset 19.
            count_include_pad: AveragePool's (False, ONNX's default): it never changes
                a size, but before opset 19 AveragePool crops rather than refuses that
                case only with ``ceil_mode`` and ``count_include_pad``.

        Raises:
            ArgumentError: what ONNX Runtime refuses (see the module).

        Examples:
            >>> from convdims import conventions
            >>> onnx = conventions.get("onnx")
            >>> rule = onnx.resolve("pool", 5, 2, padding="SAME_UPPER", dilation=3)
            >>> rule.padding, rule.output_size
            ((0, 1), 3)
            >>> rule = onnx.resolve("transpose", 12, 3, 2, output_shape=24)
            >>> rule.padding, rule.output_padding, rule.output_size
            ((1, 0), 0, 24)
        """
        family = _family(family)
        if output_shape is not None and family is not Family.TRANSPOSE:
            raise ArgumentError(
                f"output_shape={shown(output_shape)} is ConvTranspose's; a "
                f"{family.value} layer has none",
                argument="output_shape",
                value=output_shape,
                valid="None",
            )
        if rounding is not None:
            self._refuse(
                "rounding",
                rounding,
                f"ONNX has no rounding option (rounding={shown(rounding)} is TF.js's "
                "dimRoundingMode): its pooling rounds up with ceil_mode=1 (--ceil-mode), "
                "and down otherwise",
                "no rounding option; ceil_mode for pooling",
            )
        if op is not None and family is not Family.POOL:
            raise ArgumentError(
                f"op={shown(op)} names a pooling operator; a {family.value} layer takes "
                "none",
                argument="op",
                value=op,
                valid="None",
            )
        rule = super().resolve(
            family,
            input_size,
            kernel_size,
            stride,
            padding,
            dilation,
            ceil_mode,
            output_padding,
            axes=axes,
            rounding=rounding,
        )
        kernel = positive_int("kernel_size", rule.kernel_size)
        step = positive_int("stride", rule.stride)
        dil = positive_int("dilation", rule.dilation)
        word = padding.lower() if isinstance(padding, str) else None
        if family is Family.POOL:
            chosen = pool_operator(op, _POOL_OPS, "an ONNX pooling operator")
            every = (
                [dil] if dilations is None else [as_int("dilation", d) for d in dilations]
            )
            version = _opset(opset)
            if chosen == "AveragePool" and version < 19 and max(every) > 1:
                self._refuse(
                    "dilation",
                    dil,
                    f"AveragePool takes dilations from opset 19 (this model's opset is "
                    f"{version}); use opset 19 or later, or dilation 1",
                    "dilation 1 before opset 19",
                )
            if not isinstance(count_include_pad, bool):
                raise ArgumentTypeError(
                    "count_include_pad must be True or False, got "
                    f"{shown(count_include_pad)}",
                    argument="count_include_pad",
                    value=count_include_pad,
                    valid="True or False",
                )
            # MaxPool without dilations, and AveragePool before opset 19 unless it rounds
            # up and counts the padding, run a kernel that refuses negative padding; the
            # others crop.
            if chosen == "MaxPool":
                strict = all(d == 1 for d in every)
            else:
                strict = version < 19 and not (rule.ceil_mode and count_include_pad)
            return self._pool(rule, word, kernel, step, dil, strict)
        if family is Family.TRANSPOSE:
            return self._transpose(rule, word, kernel, step, dil, output_shape)
        return rule

    def _pool(
        self,
        rule: AxisRule,
        word: str | None,
        kernel: int,
        step: int,
        dil: int,
        strict: bool,
    ) -> AxisRule:
        size = rule.input_size
        if word in _SAME:
            need = (-(-size // step) - 1) * step + kernel - size
            if need < 0:
                if strict:
                    raise ArgumentError(
                        f"auto_pad {word.upper()} with input_size={size}, kernel_shape="
                        f"{kernel} and strides={step} asks for {need} cell(s) of padding "
                        "((ceil(I/S) - 1)*S + k - I): ONNX Runtime's MaxPool refuses "
                        "this when every dilation is 1, and AveragePool before opset 19 "
                        "unless ceil_mode and count_include_pad are 1 ('padding values "
                        "must be non-negative'; AveragePool from opset 19 and a dilated "
                        "MaxPool crop the input instead); use VALID, explicit pads or a "
                        "stride of at most the window",
                        argument="padding",
                        value=word,
                        valid="VALID, explicit pads, or a stride no larger than the window",
                    )
                # Negative padding: the windows never see the last -need cells (ONNX
                # Runtime's AveragePool, and its MaxPool with a dilation).
                rule = dataclasses.replace(rule, input_size=size + need)
                size, pads, core = size + need, (0, 0), (0, 0)
            else:
                pads = split_pads(need, odd_before=word == "same_lower")
                core = rule.padding if dil == 1 else pads
        elif word == "valid":
            pads, core = (0, 0), rule.padding
        else:
            pads = explicit_padding(rule.padding, size, kernel, step, dil)
            core = rule.padding
        padded = pads[0] + size + pads[1]
        overhang = padded - effective_kernel(kernel, dil)
        if overhang <= -2 * step:
            raise ArgumentError(
                f"kernel_size={kernel} (kernel_shape)"
                + (
                    f" (effective {effective_kernel(kernel, dil)} with dilation={dil})"
                    if dil != 1
                    else ""
                )
                + f" overhangs the padded input {padded} by "
                f"{-overhang} cells, two strides ({2 * step}) or more: ONNX Runtime "
                "refuses it (it gives an empty axis only for less); use a smaller window "
                "or more padding",
                argument="kernel_size",
                value=kernel,
                valid=f"an effective kernel of at most {padded + 2 * step - 1}",
            )
        # ONNX Runtime divides toward zero: a window that overhangs by less than a stride
        # still gives one output, which is what rounding up says; by less than two
        # strides, the axis is empty.
        return dataclasses.replace(
            rule,
            padding=core,
            ceil_mode=rule.ceil_mode or overhang < 0,
            empty_allowed=overhang <= -step,
        )

    def _transpose(
        self,
        rule: AxisRule,
        word: str | None,
        kernel: int,
        step: int,
        dil: int,
        output_shape: int | None,
    ) -> AxisRule:
        size = rule.input_size
        extra = rule.output_padding or 0
        reach = effective_kernel(kernel, dil)
        full = (size - 1) * step + reach + extra
        if output_shape is not None:
            target = positive_int("output_shape", output_shape)
            largest = size * step + reach - 1
            if target > largest:
                raise ArgumentError(
                    f"output_shape={target} is larger than ONNX Runtime takes for "
                    f"input_size={size}, kernel {reach} and stride={step}: at most "
                    f"I*S + K - 1 = {largest} (a forward convolution of a larger output "
                    f"would have more than {size} outputs)",
                    argument="output_shape",
                    value=output_shape,
                    valid=f"1..{largest}",
                )
        elif word in _SAME:
            # I*S, unless the windows reach less far: then no padding and no more cells.
            target = min(size * step, full)
        elif word == "valid":
            return dataclasses.replace(rule, padding=(0, 0))
        else:
            return rule
        total = full - target
        if total >= 0:
            pads = split_pads(total, odd_before=word != "same_upper")
            return dataclasses.replace(rule, padding=pads)
        # The output is longer than the windows reach: the extra cells come after.
        return dataclasses.replace(
            rule, padding=(0, 0), output_padding=target - (size - 1) * step - reach
        )


#: The opset convdims assumes when none is given (every opset from 19 on gives the same
#: sizes here).
LATEST_OPSET = 23


def _opset(opset: int | None) -> int:
    if opset is None:
        return LATEST_OPSET
    version = as_int("opset", opset)
    if version < 11:
        raise ArgumentError(
            f"opset={version}: convdims has ONNX's rules from opset 11 on; use 11 or later",
            argument="opset",
            value=opset,
            valid="11 or later",
        )
    return version


_POOL_OPS = {"maxpool": "MaxPool", "averagepool": "AveragePool"}


ONNX = OnnxConvention(
    name="onnx",
    title="ONNX",
    padding_words={family: ("valid", "same_upper", "same_lower") for family in Family},
    padding_cells=frozenset(Family),
    padding_pairs=frozenset(Family),
    default_padding={family: 0 for family in Family},
    spellings={family: {"same_upper": "same"} for family in Family},
    output_padding_limit="stride",
    pool_stride_window=False,
    last_window="drop",
    empty_output=frozenset({Family.POOL}),
    source=f"{_ENGINE} (run here, CPU), opset 19 and later for AveragePool's dilations",
)

__all__ = ["KNOWN_ENGINE_QUIRKS", "LATEST_OPSET", "ONNX", "EngineQuirk", "OnnxConvention"]

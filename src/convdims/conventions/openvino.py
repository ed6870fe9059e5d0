"""OpenVINO's rules (opset 14's ``Convolution``, ``MaxPool``, ``AvgPool`` and
``ConvolutionBackpropData``): checked against openvino 2026.4.1 here, shape inference
on the ``Model`` and models compiled for the CPU (``tests/oracle/test_engine_openvino.py``).

``auto_pad`` is ``explicit`` (``pads_begin``/``pads_end``: give them as ``B,A``, or one
number for both sides), ``same_upper`` (the odd cell after), ``same_lower`` (before) or
``valid``. Pooling rounds with ``rounding_type``: ``floor``, ``ceil`` (every window that
starts in the padded input counts, even one that starts in the end padding: ``--ceil-mode``)
or ``ceil_torch`` (PyTorch's rule: such a window is dropped). The operations take no
default stride; convdims takes 1 when none is given (as ONNX, which OpenVINO reads).

What the shape inference (``src/core/shape_inference/include/``) does beyond the generic
data (and what surprises users of other frameworks, in
[`KNOWN_ENGINE_QUIRKS`][convdims.conventions.openvino.KNOWN_ENGINE_QUIRKS]):

- a window larger than the padded input is an error (``pooling_shape_inference_util.hpp``),
  but a pooling pad may be as large as the window, except in ``AvgPool`` with
  ``exclude_pad`` (``avg_pool_shape_inference.hpp``);
- ``ConvolutionBackpropData`` has no bound on ``output_padding``, gives an empty axis (0)
  when the padding takes all of the output, adds no padding for ``same_*`` unless an
  ``output_shape`` is given, and takes any ``output_shape``
  (``convolution_backprop_shape_inference_util.hpp``).

Examples:
    >>> from convdims import conventions
    >>> openvino = conventions.get("openvino")
    >>> openvino.output_size("pool", 11, 2, 2, 1, ceil_mode=True)
    7
    >>> openvino.resolve("pool", 11, 2, 2, 1, rounding="ceil_torch").output_size
    6
    >>> openvino.output_size("transpose", 1, 1, 1, (1, 0))
    0
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from convdims._checks import non_negative_int, positive_int, shown
from convdims.conventions._convention import AxisRule, Convention, Family, _family
from convdims.conventions._engines import EngineQuirk, pool_operator, refuse_explicit_word
from convdims.errors import ArgumentError, ArgumentTypeError
from convdims.padding import explicit_padding
from convdims.window import effective_kernel

_ENGINE = "openvino 2026.4.1"
_SAME = ("same_upper", "same_lower")
_ROUNDINGS = ("floor", "ceil", "ceil_torch")
_POOL_OPS = {"maxpool": "MaxPool", "avgpool": "AvgPool"}

#: OpenVINO's own rules that users of other frameworks do not expect (``kind="note"``).
KNOWN_ENGINE_QUIRKS: tuple[EngineQuirk, ...] = (
    EngineQuirk(
        "openvino",
        _ENGINE,
        "note",
        "ConvolutionBackpropData",
        "auto_pad same_upper or same_lower without output_shape",
        "adds no padding: (I - 1)*S + K + output_padding, as valid (ONNX gives I*S)",
        "the engine's size",
        {
            "family": "transpose",
            "input_size": 4,
            "kernel_size": 3,
            "stride": 2,
            "padding": "same_upper",
        },
        "src/core/shape_inference/include/convolution_backprop_shape_inference_util.hpp",
    ),
    EngineQuirk(
        "openvino",
        _ENGINE,
        "note",
        "ConvolutionBackpropData",
        "output_padding at least the stride, or an output_shape of any size",
        "takes them: no bound on either (ONNX and PyTorch bound output_padding by the "
        "stride)",
        "the engine's size",
        {
            "family": "transpose",
            "input_size": 4,
            "kernel_size": 3,
            "stride": 2,
            "padding": 1,
            "output_padding": 3,
        },
        "src/core/shape_inference/include/convolution_backprop_shape_inference_util.hpp",
    ),
    EngineQuirk(
        "openvino",
        _ENGINE,
        "note",
        "AvgPool",
        "exclude_pad=True with a pad as large as the window",
        "refuses ('Kernel after dilation is sometimes entirely in the padding area'); "
        "MaxPool and AvgPool without exclude_pad take it",
        "refuses with op='AvgPool' (exclude_pad is True unless told)",
        {
            "family": "pool",
            "input_size": 2,
            "kernel_size": 1,
            "padding": 1,
            "op": "AvgPool",
        },
        "src/core/shape_inference/include/avg_pool_shape_inference.hpp",
    ),
)


@dataclass(frozen=True)
class OpenVinoAxisRule(AxisRule):
    """An [`AxisRule`][convdims.conventions.AxisRule] with OpenVINO's leeway: a pooling
    pad may be as large as the window (the core's ``padding_only``), a transposed
    convolution's ``output_padding`` has no bound (``output_padding_bound=False``) and
    its axis is empty (0) when the padding takes all of its output.

    Examples:
        >>> from convdims import conventions
        >>> rule = conventions.get("openvino").resolve("pool", 2, 1, padding=1)
        >>> rule.core_arguments()["padding_only"], rule.output_size
        (True, 4)
    """

    @property
    def empty(self) -> bool:
        """Whether OpenVINO gives an empty axis (a transposed convolution whose padding
        takes all of its output)."""
        if self.family is not Family.TRANSPOSE:
            return False
        before, after = self.padding
        reach = effective_kernel(self.kernel_size, self.dilation)
        extra = self.output_padding or 0
        return (self.input_size - 1) * self.stride + reach + extra - before - after == 0

    @property
    def output_size(self) -> int:
        """O, from the core (0 for an empty axis)."""
        return 0 if self.empty else AxisRule.output_size.fget(self)  # type: ignore[attr-defined]

    def core_arguments(self) -> dict[str, Any]:
        """The core's keyword arguments, with OpenVINO's leeway."""
        arguments = super().core_arguments()
        if self.family is Family.POOL:
            arguments["padding_only"] = True
        if self.family is Family.TRANSPOSE:
            arguments["output_padding_bound"] = False
        return arguments


class OpenVinoConvention(Convention):
    """OpenVINO's rules: a [`Convention`][convdims.conventions.Convention] whose
    ``resolve`` also takes ``rounding_type``, the pooling operator and
    ``ConvolutionBackpropData``'s ``output_shape``."""

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
        """Refuse what OpenVINO refuses, as
        [`Convention.check`][convdims.conventions.Convention.check] does; ``explicit``
        is said with the pads themselves, ``B,A``.

        Examples:
            >>> from convdims import conventions
            >>> try:
            ...     conventions.get("openvino").check(
            ...         "conv", paddings=["explicit"], strides=[1], dilations=[1])
            ... except ValueError as error:
            ...     print(error.argument, "|", error)  # doctest: +ELLIPSIS
            padding | auto_pad explicit means the explicit pads_begin/pads_end: give the ...
        """
        refuse_explicit_word(paddings, "explicit", "explicit", "pads_begin/pads_end")
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
        exclude_pad: bool = True,
    ) -> AxisRule:
        """One axis as OpenVINO computes it, in the core's terms.

        Args:
            family: ``"conv"``, ``"pool"`` or ``"transpose"``.
            input_size: I.
            kernel_size: k.
            stride: S (``strides``; None is 1).
            padding: ``"valid"``, ``"same_upper"``, ``"same_lower"`` (any case), an int
                (``explicit``, both sides) or a ``(before, after)`` pair; None is
                ``explicit`` zeros.
            dilation: d (``dilations``; not in ``AvgPool``).
            ceil_mode: ``rounding_type="ceil"``.
            output_padding: ``ConvolutionBackpropData``'s (default 0).
            axes: the layer's spatial axes.
            rounding: pooling's ``rounding_type``: ``"floor"``, ``"ceil"`` or
                ``"ceil_torch"``; None is ``"ceil"`` with ``ceil_mode``, else
                ``"floor"``.
            output_shape: ``ConvolutionBackpropData``'s ``output_shape`` on this axis.
            op: the pooling operation, ``"MaxPool"`` (None) or ``"AvgPool"``.
            exclude_pad: ``AvgPool``'s ``exclude_pad`` (True, as OpenVINO's ONNX reader
                sets it for ``count_include_pad=0``).

        Raises:
            ArgumentError: what OpenVINO refuses.

        Examples:
            >>> from convdims import conventions
            >>> openvino = conventions.get("openvino")
            >>> rule = openvino.resolve("transpose", 4, 3, 2, "same_upper")
            >>> rule.padding, rule.output_size
            ((0, 0), 9)
            >>> openvino.resolve("transpose", 4, 3, 2, "same_upper",
            ...                  output_shape=8).output_size
            8
        """
        family = _family(family)
        for name, value, owner in (
            ("rounding", rounding, Family.POOL),
            ("op", op, Family.POOL),
            ("output_shape", output_shape, Family.TRANSPOSE),
        ):
            if value is not None and family is not owner:
                raise ArgumentError(
                    f"{name}={shown(value)} belongs to OpenVINO's "
                    f"{'pooling' if owner is Family.POOL else 'ConvolutionBackpropData'}; "
                    f"a {family.value} layer takes none",
                    argument=name,
                    value=value,
                    valid="None",
                )
        if family is Family.POOL:
            rounding = _rounding(rounding, ceil_mode)
            ceil_mode = rounding != "floor"
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
        )
        kernel = positive_int("kernel_size", rule.kernel_size)
        step = positive_int("stride", rule.stride)
        dil = positive_int("dilation", rule.dilation)
        word = padding.lower() if isinstance(padding, str) else None
        if family is Family.POOL:
            return self._pool(
                rule,
                kernel,
                step,
                dil,
                rounding,
                pool_operator(op, _POOL_OPS, "an OpenVINO pooling operation"),
                exclude_pad,
            )
        if family is Family.TRANSPOSE:
            return self._transpose(rule, word, kernel, step, dil, output_shape)
        return rule

    def _pool(
        self,
        rule: AxisRule,
        kernel: int,
        step: int,
        dil: int,
        rounding: str,
        op: str,
        exclude_pad: bool,
    ) -> AxisRule:
        if not isinstance(exclude_pad, bool):
            raise ArgumentTypeError(
                f"exclude_pad must be True or False, got {shown(exclude_pad)}",
                argument="exclude_pad",
                value=exclude_pad,
                valid="True or False",
            )
        size = rule.input_size
        before, after = explicit_padding(rule.padding, size, kernel, step, dil)
        if op == "AvgPool":
            if dil != 1:
                self._refuse(
                    "dilation",
                    dil,
                    f"OpenVINO's AvgPool has no dilations (got dilation {dil}); MaxPool "
                    "has them",
                    "dilation 1",
                )
            if exclude_pad and max(before, after) >= kernel:
                self._refuse(
                    "padding",
                    rule.padding,
                    f"padding {before} before and {after} after: OpenVINO's AvgPool with "
                    f"exclude_pad refuses a pad as large as kernel={kernel} (a window "
                    f"would hold padding only); use a pad of 0..{kernel - 1}, or "
                    "exclude_pad=False",
                    f"0..{kernel - 1}",
                )
        reach = effective_kernel(kernel, dil)
        span = before + size + after - reach
        if span < 0:
            raise ArgumentError(
                f"kernel_size={kernel}"
                + (f" (effective {reach} with dilation={dil})" if dil != 1 else "")
                + f" is larger than the padded input {before + size + after} "
                f"(input_size={size} + padding {before} before + {after} after): "
                "OpenVINO refuses it ('Kernel after dilation has size larger than the "
                "data shape after padding'), whatever the rounding_type",
                argument="kernel_size",
                value=kernel,
                valid=f"an effective kernel of at most {before + size + after}",
            )
        rule = dataclasses.replace(
            rule, last_window="drop" if rounding == "ceil_torch" else "keep"
        )
        return OpenVinoAxisRule(**_fields(rule))

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
        extra = non_negative_int("output_padding", rule.output_padding or 0)
        reach = effective_kernel(kernel, dil)
        if word in _SAME or word == "valid":
            before, after = 0, 0
        else:
            before, after = explicit_padding(rule.padding, size, kernel, step, dil)
        full = (size - 1) * step + reach + extra
        if output_shape is not None:
            target = non_negative_int("output_shape", output_shape)
            total = full - target
            if total >= 0:
                if word in _SAME:
                    small = total // 2
                    before = total - small if word == "same_upper" else small
                else:
                    before = min(before, total)
                before, after = before, total - before
            else:
                before, after, extra = 0, 0, extra - total
        output = full - before - after if output_shape is None else target
        if output < 0:
            raise ArgumentError(
                f"a transposed convolution of input_size={size} with kernel_size="
                f"{kernel}, stride={step}, dilation={dil}, output_padding={extra} and "
                f"padding {before} before + {after} after would have output size "
                f"{output}; OpenVINO refuses a negative size (0 is an empty axis), so use "
                "less padding or a larger input",
                argument="padding",
                value=rule.padding,
                valid="less padding, or a larger input",
            )
        rule = dataclasses.replace(rule, padding=(before, after), output_padding=extra)
        return OpenVinoAxisRule(**_fields(rule))


def _fields(rule: AxisRule) -> dict[str, Any]:
    return {field.name: getattr(rule, field.name) for field in dataclasses.fields(AxisRule)}


def _rounding(rounding: str | None, ceil_mode: bool) -> str:
    if rounding is None:
        return "ceil" if ceil_mode else "floor"
    word = rounding.lower() if isinstance(rounding, str) else None
    if word not in _ROUNDINGS:
        raise ArgumentError(
            f"rounding={shown(rounding)} is not an OpenVINO rounding_type; use 'floor', "
            "'ceil' or 'ceil_torch'",
            argument="rounding",
            value=rounding,
            valid="'floor', 'ceil' or 'ceil_torch'",
        )
    if ceil_mode and word == "floor":
        raise ArgumentError(
            "ceil_mode asks for rounding_type='ceil' but rounding='floor' was given; give "
            "one of them",
            argument="rounding",
            value=rounding,
            valid="'ceil' or 'ceil_torch' with ceil_mode, or no ceil_mode",
        )
    return word


OPENVINO = OpenVinoConvention(
    name="openvino",
    title="OpenVINO",
    padding_words={family: ("valid", "same_upper", "same_lower") for family in Family},
    padding_cells=frozenset(Family),
    padding_pairs=frozenset(Family),
    default_padding={family: 0 for family in Family},
    spellings={family: {"same_upper": "same"} for family in Family},
    pool_stride_window=False,
    last_window="keep",
    empty_output=frozenset({Family.TRANSPOSE}),
    source=f"{_ENGINE} (run here: shape inference, and models compiled for the CPU)",
    extra_hint={},
)

__all__ = ["KNOWN_ENGINE_QUIRKS", "OPENVINO", "OpenVinoAxisRule", "OpenVinoConvention"]

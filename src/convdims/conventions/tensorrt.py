"""NVIDIA TensorRT's rules (cited from its public header, not run here).

Read in github.com/NVIDIA/TensorRT at commit a892d22267d9cd2dedc1a0893e6892ac901f6d3d,
``include/NvInfer.h:669-831`` (``enum class PaddingMode``, with the formulas), where
``M = I + B + A`` (B cells before, A after) and ``DK = 1 + D*(F - 1)``:

- ``kEXPLICIT_ROUND_DOWN`` (the default, ``NvInfer.h:1430``): ``O = floor((M - DK)/S) + 1``.
- ``kEXPLICIT_ROUND_UP``: ``O = ceil((M - DK)/S) + 1``, for convolution and pooling
  alike and with no drop of a last window in the padding (the core's
  ``last_window="keep"``). For a convolution the core has no round-up, so the cells the
  last window reads past the padded input are added after it (same windows, same size).
- ``kSAME_UPPER`` / ``kSAME_LOWER``: ``O = ceil(I/S)``,
  ``P = floor((I - 1)/S)*S + DK - I``; UPPER puts ``floor(P/2)`` before, LOWER after.
  Deconvolution: ``O = min(I*S, (I - 1)*S + DK)``, ``P = max(DK - S, 0)`` split the
  same way; explicit deconvolution ``O = (I - 1)*S + DK - (B + A)``, no output_padding.
- Pooling strides default to 1 (``NvInfer.h:1475``); pooling has no dilation.
- ``kCAFFE_ROUND_DOWN`` / ``kCAFFE_ROUND_UP`` (symmetric ``B``; removed in TensorRT 10.0,
  read at a892d222's parent of the 10.0 release, commit 147005ff^, ``NvInfer.h:822-1046``):
  convolution as the explicit modes; pooling subtracts 1 when ``(O - 1)*S >= I + B``,
  whether or not there is padding, but refuses ``B >= F`` (round down) and
  ``B + S > F`` (round up): exactly the layers where a window could start in the
  padding, so the subtraction never applies and Caffe's drop is never needed. They are
  reached through ``padding_mode``.

Here the words ``same_upper`` / ``same_lower`` are the SAME modes, an int or a
``(B, A)`` pair the explicit ones, and ``ceil_mode=True`` is ``kEXPLICIT_ROUND_UP``.

Examples:
    >>> from convdims import conventions
    >>> trt = conventions.get("tensorrt")
    >>> (trt.output_size("pool", 5, 2, 2, 1),
    ...  trt.output_size("pool", 5, 2, 2, 1, ceil_mode=True))
    (3, 4)
    >>> trt.resolve("pool", 6, 3, 2, "same_upper").padding, trt.resolve(
    ...     "pool", 6, 3, 2, "same_lower").padding
    ('same', 'same_lower')
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from convdims._checks import shown
from convdims.conventions._convention import AxisRule, Convention, Family, _family
from convdims.padding import explicit_padding
from convdims.window import effective_kernel

_REPO = "github.com/NVIDIA/TensorRT@a892d22267d9cd2dedc1a0893e6892ac901f6d3d"

#: TensorRT's padding modes, lower case, without the ``k``.
PADDING_MODES = (
    "explicit_round_down",
    "explicit_round_up",
    "same_upper",
    "same_lower",
    "caffe_round_down",
    "caffe_round_up",
)

#: Where TensorRT's documented formula and the library's answer part ways. (Windows of
#: padding only, the header's Pooling Example 1 at NvInfer.h:762-786, convdims follows.)
KNOWN_ENGINE_QUIRKS: tuple[dict[str, str], ...] = (
    {
        "framework": "tensorrt",
        "case": "SAME_UPPER with DK < S, for example I 6, F 1, S 2",
        "engine": "the documented P = floor((I - 1)/S)*S + DK - I is -1 (B -1, A 0)",
        "convdims": "no padding (0, 0); the same size, ceil(I/S)",
        "source": f"{_REPO} include/NvInfer.h:702-715",
    },
)


def _mode(padding_mode: Any) -> str:
    word = padding_mode.lower() if isinstance(padding_mode, str) else None
    if word is not None and word.startswith("k") and word[1:] in PADDING_MODES:
        word = word[1:]
    if word not in PADDING_MODES:
        listed = ", ".join(repr(m) for m in PADDING_MODES)
        raise _error(
            "padding_mode",
            padding_mode,
            f"padding_mode={shown(padding_mode)} is not a TensorRT PaddingMode; use one "
            f"of {listed}",
            f"one of {listed}",
        )
    return word


def _error(argument: str, value: Any, message: str, valid: str) -> Exception:
    from convdims.errors import ArgumentError

    return ArgumentError(message, argument=argument, value=value, valid=valid)


class TensorRTConvention(Convention):
    """TensorRT's rules: a [`Convention`][convdims.conventions.Convention] plus its
    padding modes (round up without a drop, SAME for deconvolution, the Caffe modes).

    Examples:
        >>> from convdims import conventions
        >>> try:
        ...     conventions.get("tensorrt").check("transpose", paddings=[0],
        ...                                       strides=[2], dilations=[1],
        ...                                       output_paddings=[1])
        ... except ValueError as error:
        ...     print(error.argument, "|", error)  # doctest: +ELLIPSIS
        output_padding | TensorRT's deconvolution has no output_padding ...
    """

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
        padding_mode: str | None = None,
    ) -> AxisRule:
        """One axis as TensorRT computes it (arguments as
        [`Convention.resolve`][convdims.conventions.Convention.resolve]).

        Args:
            family: ``"conv"``, ``"pool"`` or ``"transpose"``.
            input_size: I.
            kernel_size: F.
            stride: S (default 1, pooling too).
            padding: ``"same_upper"``, ``"same_lower"``, an int or a ``(B, A)`` pair.
            dilation: D (not for pooling).
            ceil_mode: ``kEXPLICIT_ROUND_UP``.
            output_padding: only 0 (TensorRT has none).
            axes: the layer's spatial axes.
            rounding: not a TensorRT option (refused).
            padding_mode: a ``PaddingMode`` by name (``"kCAFFE_ROUND_UP"``,
                ``"caffe_round_up"``, ...); None: from ``padding`` and ``ceil_mode``.

        Raises:
            ArgumentError: TensorRT refuses the arguments, or the core does.

        Examples:
            >>> from convdims import conventions
            >>> trt = conventions.get("tensorrt")
            >>> trt.output_size("pool", 6, 3, 2, (1, 1), ceil_mode=True)
            4
            >>> trt.resolve("pool", 5, 2, 2, 1,
            ...             padding_mode="kCAFFE_ROUND_DOWN").output_size
            3
            >>> trt.output_size("transpose", 5, 3, 2, "same_upper")
            10
        """
        family = _family(family)
        caffe = False
        if padding_mode is not None:
            mode = _mode(padding_mode)
            if mode.startswith("same_"):
                padding = mode  # the mode takes precedence over pre/post padding
            elif mode.startswith("caffe_"):
                caffe = True
                if not (isinstance(padding, int) or padding is None):
                    self._refuse(
                        "padding",
                        padding,
                        f"TensorRT's {mode.upper()} pads both sides with prePadding: give "
                        f"an int, not {shown(padding)}",
                        "an int",
                    )
            if mode.endswith("round_up"):
                ceil_mode = True
            elif mode.endswith("round_down") and ceil_mode:
                self._refuse(
                    "ceil_mode",
                    True,
                    f"padding_mode={shown(padding_mode)} rounds down: it cannot go with "
                    "ceil_mode",
                    "ceil_mode=False",
                )
        # Rounding up is a pooling option of the base rules; here every family has it.
        rule = super().resolve(
            family,
            input_size,
            kernel_size,
            stride,
            padding,
            dilation,
            ceil_mode and family is Family.POOL,
            output_padding,
            axes=axes,
            rounding=rounding,
        )
        if family is Family.TRANSPOSE:
            return self._transpose(rule)
        before, after = explicit_padding(
            rule.padding, rule.input_size, rule.kernel_size, rule.stride, rule.dilation
        )
        if caffe and family is Family.POOL:
            self._caffe_pool_limits(rule, before, ceil_mode)
            return replace(rule, last_window="drop")
        if family is Family.POOL:
            return replace(rule, last_window="keep", padding_only=True)
        if ceil_mode and not isinstance(rule.padding, str):
            span = rule.input_size + before + after
            span -= effective_kernel(rule.kernel_size, rule.dilation)
            extra = (-span) % rule.stride
            if extra:
                return replace(rule, padding=(before, after + extra))
        return rule

    def _transpose(self, rule: AxisRule) -> AxisRule:
        if isinstance(rule.padding, str):  # SAME_UPPER / SAME_LOWER
            total = max(effective_kernel(rule.kernel_size, rule.dilation) - rule.stride, 0)
            small = total // 2
            pair = (
                (total - small, small)
                if rule.padding == "same_lower"
                else (
                    small,
                    total - small,
                )
            )
            return replace(rule, padding=pair, output_padding=0)
        return replace(rule, output_padding=0)

    def _caffe_pool_limits(self, rule: AxisRule, pad: int, ceil_mode: bool) -> None:
        window, step = rule.kernel_size, rule.stride
        if ceil_mode and pad + step > window:
            self._refuse(
                "padding",
                pad,
                f"TensorRT's CAFFE_ROUND_UP pooling requires prePadding + stride <= window "
                f"(got {pad} + {step} > {window}: NvInfer.h, PaddingMode restrictions)",
                f"0..{max(window - step, 0)}",
            )
        if not ceil_mode and pad >= window:
            self._refuse(
                "padding",
                pad,
                f"TensorRT's CAFFE_ROUND_DOWN pooling requires prePadding < window (got "
                f"{pad} >= {window}: NvInfer.h, PaddingMode restrictions)",
                f"0..{window - 1}",
            )


TENSORRT = TensorRTConvention(
    name="tensorrt",
    title="TensorRT",
    padding_words={
        Family.CONV: ("same_upper", "same_lower"),
        Family.POOL: ("same_upper", "same_lower"),
        Family.TRANSPOSE: ("same_upper", "same_lower"),
    },
    padding_cells=frozenset(Family),
    padding_pairs=frozenset(Family),
    default_padding={Family.CONV: 0, Family.POOL: 0, Family.TRANSPOSE: 0},
    spellings={
        family: {"same_upper": "same", "same_lower": "same_lower"} for family in Family
    },
    pool_dilation=False,
    pool_stride_window=False,
    last_window="keep",
    run_here=False,
    source=(
        f"cited from {_REPO}: include/NvInfer.h:669-831 (PaddingMode), 1430, 1475; "
        "the Caffe modes from NvInfer.h:822-1046 before TensorRT 10.0 (147005ff^)"
    ),
    no_output_padding=("deconvolution", "; give less post-padding (A) instead"),
    rounding_hint="; it rounds up with ceil_mode (kEXPLICIT_ROUND_UP)",
)

__all__ = ["KNOWN_ENGINE_QUIRKS", "PADDING_MODES", "TENSORRT", "TensorRTConvention"]

"""TensorFlow.js's rules: ``@tensorflow/tfjs-core`` 4.22.0 on its CPU backend, run here
with node (``tests/oracle/test_engine_tfjs.py``, cases in ``tests/oracle/tfjs/``).

The ops: ``tf.conv1d``, ``tf.conv2d``, ``tf.conv3d``; ``tf.maxPool``/``tf.avgPool``
(2-D) and ``tf.maxPool3d``/``tf.avgPool3d``; ``tf.conv2dTranspose`` and
``tf.conv3dTranspose``, whose ``outputShape`` is required. TF.js has no 1-D pooling and
no 1-D transposed convolution.

Its sizes come from ``tfjs-core/src/ops/conv_util.ts`` (tensorflow/tfjs at 0fc04d9):

- ``'same'``: ``ceil(I / S)``, TensorFlow's split (``getPadAndOutInfo``, lines 447-458).
- ``'valid'`` in 1-D and 2-D: ``ceil((I - K + 1) / S)`` (lines 459-462); 0 is an empty
  axis, a negative size a refusal (``conv2d`` returns a tensor of negative shape,
  ``maxPool`` and ``conv1d`` raise).
- a number P (``pad`` = cells on each side) or explicit pairs:
  ``R((I - K + before + after) / S + 1)`` (``computeOutputShape2D``, lines 350-365,
  and lines 463-476), ``R`` the ``dimRoundingMode``: ``'floor'``, ``'round'`` (halves
  up), ``'ceil'``, or none given: truncation toward zero (``round``, lines 548-564).
- 3-D (``get3DPadAndOutInfo``, lines 483-541): ``'valid'`` is the number 0, and an axis
  whose padded input is shorter than the window is empty whatever the rounding
  (``computeOutputShape4D``, line 377). ``tf.conv3d`` takes no ``dimRoundingMode``.
- ``dimRoundingMode`` with ``'same'`` or ``'valid'`` is refused
  (``checkPadOnDimRoundingMode``, lines 614-639), and a stride > 1 together with a
  dilation > 1 (``eitherStridesOrDilationsAreOne``, line 571).
- Transposed convolutions take ``outputShape`` as given: TF.js checks it against
  nothing, so any size (0 too) is its answer. Without one, convdims answers what
  tfjs-layers' ``Conv2DTranspose`` infers (Keras's rule, ``deconvLength``):
  ``'valid'`` ``I*S + max(K - S, 0)``, ``'same'`` ``I*S``, a pad P
  ``(I - 1)*S + max(K, S) - 2P``.

Where TF.js disagrees with itself, convdims gives the arithmetic each axis means and
[`KNOWN_ENGINE_QUIRKS`][convdims.conventions.tfjs.KNOWN_ENGINE_QUIRKS] lists the cases
(the oracle test checks each one still happens).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from fractions import Fraction
from math import ceil, floor, trunc
from typing import Any

from convdims._checks import as_int, positive_int, shown
from convdims.conventions._convention import AxisRule, Convention, Family, _or
from convdims.errors import ArgumentError
from convdims.padding import explicit_padding
from convdims.window import effective_kernel

#: TF.js's ``dimRoundingMode`` values (none given: it truncates toward zero).
ROUNDINGS = ("floor", "round", "ceil")

#: The spatial axes each family has in TF.js.
_AXES = {Family.CONV: (1, 2, 3), Family.POOL: (2, 3), Family.TRANSPOSE: (2, 3)}
#: The axes where a family takes a number of cells (``pad: number``).
_CELLS = {Family.CONV: (1, 2, 3), Family.POOL: (2, 3), Family.TRANSPOSE: (2,)}
#: The axes where a family takes explicit ``[before, after]`` pairs.
_PAIRS = {Family.CONV: (1, 2), Family.POOL: (2,), Family.TRANSPOSE: (2,)}
_OPS = {
    Family.CONV: {1: "tf.conv1d", 2: "tf.conv2d", 3: "tf.conv3d"},
    Family.POOL: {2: "tf.maxPool/tf.avgPool", 3: "tf.maxPool3d/tf.avgPool3d"},
    Family.TRANSPOSE: {2: "tf.conv2dTranspose", 3: "tf.conv3dTranspose"},
}

#: Where TF.js 4.22 disagrees with itself, with a case each: ``engine`` is what TF.js
#: gives (sizes per axis, or "error"), which the oracle test checks still happens;
#: convdims answers each axis's own arithmetic (``TFJS.resolve``), or refuses a
#: negative size. The site shows the table.
KNOWN_ENGINE_QUIRKS: tuple[dict[str, Any], ...] = (
    {
        "what": "A 2-D convolution or pooling with a numeric pad sizes the width with "
        "the height's kernel and stride (computeOutputShape2D takes one fieldSize "
        "and one stride; conv_util.ts lines 350-365 and 443-444).",
        "op": "conv2d",
        "case": {"input": [7, 9], "kernel": [3, 2], "strides": [2, 1], "pad": 1},
        "engine": [4, 5],
    },
    {
        "what": "The same for pooling: maxPool and avgPool go through the same function.",
        "op": "maxPool",
        "case": {"input": [7, 9], "kernel": [3, 2], "strides": [2, 1], "pad": 1},
        "engine": [4, 5],
    },
    {
        "what": "conv1d is a conv2d of height 1 with a 1-high kernel, so with a numeric "
        "pad its width is sized with kernel 1 and stride 1: pad 0 gives the input "
        "size, and a pad above 0 makes the result's reshape fail.",
        "op": "conv1d",
        "case": {"input": [9], "kernel": [3], "strides": [2], "pad": 0},
        "engine": [9],
    },
    {
        "what": "conv1d with a numeric pad above 0: the reshape of the 2-D result "
        "fails (its height is 1 + 2*pad).",
        "op": "conv1d",
        "case": {"input": [9], "kernel": [3], "strides": [2], "pad": 1},
        "engine": "error",
    },
    {
        "what": "A 2-D convolution whose 'valid' window is too big by a stride or more "
        "returns a tensor of negative shape instead of an error (maxPool raises).",
        "op": "conv2d",
        "case": {"input": [2, 2], "kernel": [5, 5], "strides": [2, 2], "pad": "valid"},
        "engine": [-1, -1],
    },
)


def _rounded(value: Fraction, rounding: str | None) -> int:
    if rounding is None:
        return trunc(value)
    if rounding == "floor":
        return floor(value)
    if rounding == "ceil":
        return ceil(value)
    return floor(value + Fraction(1, 2))  # JavaScript's Math.round: halves up


def engine_size(
    axes: int,
    input_size: int,
    kernel: int,
    stride: int,
    padding: Any,
    rounding: str | None = None,
) -> int:
    """TF.js's own size of one axis (``conv_util.ts``), 0 or negative included; for
    ``axes`` 1 or 2 without the width quirk (each axis with its own kernel and stride).

    ``kernel`` is the effective kernel ``d*(k - 1) + 1``; ``padding`` is ``'same'``,
    ``'valid'``, a number of cells or a ``(before, after)`` pair.

    Examples:
        >>> engine_size(2, 11, 2, 2, 1, "ceil"), engine_size(2, 11, 2, 2, 1)
        (7, 6)
        >>> engine_size(2, 2, 4, 2, "valid"), engine_size(2, 2, 5, 2, "valid")
        (0, -1)
        >>> engine_size(3, 2, 5, 1, 1, "ceil")
        0
    """
    if padding == "same":
        return -(-input_size // stride)
    if axes == 3:
        cells = 0 if padding == "valid" else padding
        if input_size + 2 * cells < kernel:
            return 0
        return _rounded(Fraction(input_size - kernel + 2 * cells, stride) + 1, rounding)
    if padding == "valid":
        return ceil(Fraction(input_size - kernel + 1, stride))
    before, after = padding if isinstance(padding, tuple) else (padding, padding)
    return _rounded(Fraction(input_size - kernel + before + after, stride) + 1, rounding)


@dataclass(frozen=True)
class TfjsAxisRule(AxisRule):
    """One axis under TF.js: the core's arguments plus TF.js's rounding, its own size
    (``engine``: 0 is an empty axis) and the ``outputShape`` of a transposed
    convolution (taken as given)."""

    rounding: str | None = None
    engine: int = 1
    output_shape: int | None = None

    @property
    def empty(self) -> bool:
        """Whether TF.js gives this axis no cell (and no error)."""
        if self.family is Family.TRANSPOSE:
            return self.output_shape == 0
        return self.engine == 0

    def core_arguments(self) -> dict[str, Any]:
        """The core's arguments: the rounding as the core spells it (truncation is the
        core's floor wherever a window fits), and pooling windows of padding only."""
        arguments = super().core_arguments()
        if self.family is not Family.TRANSPOSE:
            arguments["rounding"] = self.rounding or "floor"
        if self.family is Family.POOL:
            arguments["last_window"] = "keep"
            arguments["padding_only"] = True
        return arguments

    @property
    def output_size(self) -> int:
        """O (0 for an empty axis); a transposed convolution's ``outputShape``."""
        if self.family is Family.TRANSPOSE and self.output_shape is not None:
            return self.output_shape
        return super().output_size


@dataclass(frozen=True)
class TfjsConvention(Convention):
    """TF.js: per axis count, which ops exist and which pads they take; the rounding
    mode; ``outputShape``."""

    def takes_padding(self, family: Family | str, padding: Any, axes: int = 1) -> bool:
        """Whether the op of ``family`` with ``axes`` spatial axes takes ``padding``.

        Examples:
            >>> TFJS.takes_padding("conv", 1, axes=3), TFJS.takes_padding(
            ...     "conv", (0, 1), axes=3)
            (True, False)
        """
        family = Family(family)
        if isinstance(padding, str):
            return padding.lower() in self.padding_words[family]
        if isinstance(padding, (tuple, list)):
            return axes in _PAIRS[family] and len(padding) == 2
        if isinstance(padding, bool) or not isinstance(padding, int):
            return False
        return axes in _CELLS[family]

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
        """Refuse what TF.js refuses (see
        [`Convention.check`][convdims.conventions.Convention.check]); also an op TF.js
        does not have for this many axes (``argument="input_size"``), a pad that is
        not one value for all axes, a dilated pooling or transposed convolution, and
        any ``output_padding``.

        Examples:
            >>> try:
            ...     TFJS.check("pool", paddings=["valid"], strides=[2], dilations=[1])
            ... except ValueError as error:
            ...     print(error.argument, "|", error)  # doctest: +NORMALIZE_WHITESPACE
            input_size | TF.js has no 1-D pooling; it has 2-D tf.maxPool/tf.avgPool,
            3-D tf.maxPool3d/tf.avgPool3d: give 2 or 3 sizes
        """
        family = Family(family)
        axes = len(paddings) if axes is None else axes
        if axes not in _AXES[family]:
            ops = ", ".join(f"{n}-D {op}" for n, op in _OPS[family].items())
            self._refuse(
                "input_size",
                axes,
                f"TF.js has no {axes}-D {_NOUN[family]}; it has {ops}: give "
                f"{_or([str(n) for n in _AXES[family]])} sizes",
                f"{_or([str(n) for n in _AXES[family]])} sizes",
            )
        words = {p.lower() for p in paddings if isinstance(p, str)}
        numbers = {p for p in paddings if isinstance(p, int) and not isinstance(p, bool)}
        mixed = words and (len(words) > 1 or not all(isinstance(p, str) for p in paddings))
        if mixed or (axes == 3 and len(numbers) > 1):
            self._refuse(
                "padding",
                list(paddings),
                "TF.js takes one pad for all axes ('same', 'valid' or a number; explicit "
                f"pairs in 1-D and 2-D), not {', '.join(map(shown, paddings))}",
                "one pad for all axes",
            )
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
        dilations = [as_int("dilation", d) for d in dilations]
        if family is Family.TRANSPOSE:
            if max(dilations, default=1) > 1:
                self._refuse(
                    "dilation",
                    list(dilations),
                    f"TF.js {_OPS[family][axes]} takes no dilations; use dilation 1",
                    "dilation 1",
                )
            for extra in output_paddings or ():
                if extra not in (None, 0):  # 0: none (as the command line says it)
                    self._refuse(
                        "output_padding",
                        extra,
                        f"TF.js {_OPS[family][axes]} has no output_padding: its "
                        "outputShape (output_shape) sets the size",
                        "no output_padding (give output_shape)",
                    )

    def _check_padding(self, family: Family, padding: Any, axes: int) -> None:
        if self.takes_padding(family, padding, axes):
            return
        op = _OPS[family].get(axes, "TF.js")
        accepted = ["'same'", "'valid'"]
        if axes in _CELLS[family]:
            accepted.append("a number of cells")
        if axes in _PAIRS[family]:
            accepted.append("explicit (before, after) pairs")
        self._refuse(
            "padding",
            padding,
            f"TF.js {op} takes padding (its pad) {_or(accepted)}, not {shown(padding)}",
            _or(accepted),
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
        axes: int = 2,
        rounding: str | None = None,
        output_shape: int | None = None,
    ) -> TfjsAxisRule:
        """One axis as TF.js computes it (see
        [`Convention.resolve`][convdims.conventions.Convention.resolve]).

        Args:
            family: ``"conv"``, ``"pool"`` or ``"transpose"``.
            input_size: I.
            kernel_size: k.
            stride: S; None is 1 (the window for pooling, as tfjs-layers).
            padding: ``'same'``, ``'valid'`` (the default), a number of cells or a
                ``(before, after)`` pair, as the op of ``axes`` axes takes them.
            dilation: d (convolutions only).
            ceil_mode: pooling's round-up: ``dimRoundingMode='ceil'``.
            output_padding: none in TF.js (``"default"``, None or 0 only).
            axes: the op's spatial axes: 1, 2 or 3 (default 2: TF.js's ``tf.conv2d``).
            rounding: ``dimRoundingMode``: ``'floor'``, ``'round'`` or ``'ceil'`` (None:
                TF.js truncates), with a numeric or explicit pad only.
            output_shape: a transposed convolution's ``outputShape`` along this axis
                (taken as given, 0 included); None: what tfjs-layers infers.

        Raises:
            ArgumentError: TF.js refuses the arguments (``argument`` names which), or
                would give a negative size.

        Examples:
            >>> rule = TFJS.resolve("conv", 11, 2, 2, 1, rounding="ceil")
            >>> rule.output_size, rule.empty
            (7, False)
            >>> TFJS.resolve("pool", 2, 4, 2, "valid").output_size
            0
            >>> TFJS.resolve("transpose", 4, 3, 2, "valid").output_size
            9
        """
        family = Family(family)
        positive_int("input_size", input_size)
        if padding is None:
            padding = self.default_padding[family]
        if output_padding in ("default", 0):
            output_padding = None
        self.check(
            family,
            paddings=[padding],
            strides=[stride],
            dilations=[dilation],
            kernel_sizes=[kernel_size],
            ceil_mode=ceil_mode,
            output_paddings=[output_padding] if family is Family.TRANSPOSE else None,
            axes=axes,
        )
        padding = self.core_padding(family, padding)
        rounding = self._rounding(family, padding, axes, rounding, ceil_mode)
        step = self.default_stride(family, kernel_size) if stride is None else stride
        positive_int("kernel_size", kernel_size)
        positive_int("stride", step)
        positive_int("dilation", dilation)
        explicit_padding(padding, input_size, kernel_size, step, dilation)  # 0 or more
        rule = dict(
            framework=self.name,
            family=family,
            input_size=input_size,
            kernel_size=kernel_size,
            stride=step,
            padding=padding,
            dilation=dilation,
            ceil_mode=rounding == "ceil" and family is Family.POOL,
            last_window="keep",
            empty_allowed=True,
            rounding=rounding,
        )
        if family is Family.TRANSPOSE:
            return self._transpose(rule, output_shape)
        if output_shape is not None:
            self._refuse(
                "output_shape",
                output_shape,
                "output_shape is a transposed convolution's (outputShape)",
                "no output_shape",
            )
        kernel = effective_kernel(kernel_size, dilation)
        size = engine_size(axes, input_size, kernel, step, padding, rounding)
        if size < 0:
            what = "kernel_size" if family is Family.CONV else "pool_size"
            dilated = f" (effective {kernel} with dilation={dilation})"
            raise ArgumentError(
                f"{what}={kernel_size}"
                + (dilated if dilation > 1 else "")
                + f" with stride={step} and pad {shown(padding)} does not fit "
                f"input_size={input_size}: TF.js would give the size {size} "
                f"({_OPS[family][axes]} returns a negative shape or raises); use a "
                "smaller kernel, more padding or a larger input",
                argument=what,
                value=kernel_size,
                valid=f"a window that fits input_size={input_size}",
            )
        answer = TfjsAxisRule(**rule, engine=size)
        answer.output_size  # noqa: B018 - the core's own refusals, here and not later
        return answer

    def _rounding(
        self,
        family: Family,
        padding: Any,
        axes: int,
        rounding: str | None,
        ceil_mode: bool,
    ) -> str | None:
        if rounding is not None and rounding not in ROUNDINGS:
            self._refuse(
                "rounding",
                rounding,
                f"rounding={shown(rounding)} is not a TF.js dimRoundingMode; use "
                "'floor', 'round' or 'ceil'",
                "'floor', 'round' or 'ceil'",
            )
        if ceil_mode:
            if rounding not in (None, "ceil"):
                self._refuse(
                    "rounding",
                    rounding,
                    f"ceil_mode is TF.js's dimRoundingMode 'ceil', not {shown(rounding)}",
                    "'ceil' with ceil_mode",
                )
            # The refusals below then name the option the caller gave.
            argument, value = (
                ("ceil_mode", True) if rounding is None else ("rounding", "ceil")
            )
            rounding = "ceil"
        elif rounding is None:
            return None
        else:
            argument, value = "rounding", rounding
        op = _OPS[family][axes]
        if family is Family.CONV and axes == 3:
            self._refuse(
                argument,
                value,
                f"TF.js {op} takes no dimRoundingMode (its sizes truncate)",
                "no rounding",
            )
        if isinstance(padding, str):
            self._refuse(
                argument,
                value,
                f"TF.js {op}: pad must be an integer when using dimRoundingMode "
                f"{rounding} but got pad {padding}; give a number of cells",
                "a numeric or explicit pad",
            )
        return rounding

    def _transpose(self, rule: dict[str, Any], output_shape: Any) -> TfjsAxisRule:
        size, kernel, step = rule["input_size"], rule["kernel_size"], rule["stride"]
        padding = rule["padding"]
        rule["output_padding"] = None
        if output_shape is not None:
            shape = as_int("output_shape", output_shape)
            if shape < 0:
                self._refuse(
                    "output_shape",
                    output_shape,
                    f"output_shape={shape} is negative; TF.js takes any size of 0 or "
                    "more as outputShape",
                    "an int of 0 or more",
                )
            return TfjsAxisRule(**rule, output_shape=shape)
        if not isinstance(padding, str):
            # tfjs-layers infers no size for a numeric pad: the 'valid' rule, minus the
            # pads, expressed as the core's output_padding.
            rule["output_padding"] = max(kernel, step) - kernel
            before, after = padding if isinstance(padding, tuple) else (padding,) * 2
            inferred = (size - 1) * step + max(kernel, step) - before - after
            if inferred < 1:
                self._refuse(
                    "padding",
                    padding,
                    f"pad {shown(padding)} leaves no output for input_size={size}, "
                    f"kernel_size={kernel}, stride={step} ({inferred}); give less "
                    "padding or output_shape",
                    "less padding, or output_shape",
                )
        return TfjsAxisRule(**rule)


_NOUN = {
    Family.CONV: "convolution",
    Family.POOL: "pooling",
    Family.TRANSPOSE: "transposed convolution",
}

TFJS = TfjsConvention(
    name="tfjs",
    title="TF.js",
    padding_words={
        Family.CONV: ("same", "valid"),
        Family.POOL: ("same", "valid"),
        Family.TRANSPOSE: ("same", "valid"),
    },
    padding_cells=frozenset(Family),
    padding_pairs=frozenset(Family),
    default_padding={Family.CONV: "valid", Family.POOL: "valid", Family.TRANSPOSE: "valid"},
    strided_dilation=False,
    pool_dilation=False,
    output_padding_none=True,
    last_window="keep",
    empty_output=frozenset({Family.CONV, Family.POOL, Family.TRANSPOSE}),
    source="@tensorflow/tfjs-core 4.22.0 with @tensorflow/tfjs-backend-cpu 4.22.0 "
    "(run here with node); sizes from tfjs-core/src/ops/conv_util.ts",
)

__all__ = [
    "KNOWN_ENGINE_QUIRKS",
    "ROUNDINGS",
    "TFJS",
    "TfjsAxisRule",
    "TfjsConvention",
    "engine_size",
]

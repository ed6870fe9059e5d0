"""TensorFlow's rules (``tf.nn``, tensorflow-cpu 2.21 run here) and TF Lite's (its
interpreter's builtin kernels, on models converted from ``tf.nn`` ops, run here):
``tests/oracle/test_engine_tensorflow.py``.

TensorFlow's sizes come from ``GetWindowedOutputSizeVerbose``
(tensorflow/core/framework/kernel_shape_util.cc at 1142c5f, lines 23-65): ``'VALID'``
``(I - K + S) / S`` (line 39), explicit pairs ``(I + before + after - K + S) / S``
(line 43), ``'SAME'`` ``ceil(I / S)`` with the odd cell after (lines 47-55), C++
integer division (toward zero), and a negative size refused (line 58). TF Lite's
``ComputeOutSize`` (tensorflow/lite/kernels/padding.h at 08df8c4, lines 43-60) is the
same for ``'SAME'`` and ``'VALID'``, its only paddings.

What each op takes, as this CPU build runs it:

- ``tf.nn.conv1d``, ``conv2d``, ``conv3d``: ``'SAME'``, ``'VALID'``; explicit
  ``[before, after]`` pairs only in ``conv2d`` (``conv1d`` and ``conv3d`` take a
  string). Strides and dilations together are fine in 1-D and 2-D; ``conv3d`` on CPU
  takes no dilation above 1 at all ("CPU implementation of Conv3D currently only
  supports dilated rates of 1").
- ``tf.nn.max_pool1d/2d/3d``, ``avg_pool1d/2d/3d``: no dilation, no round-up option;
  explicit pairs only in ``max_pool1d`` and ``max_pool2d`` (``avg_pool*`` and
  ``max_pool3d`` take a string: convdims cannot tell max from average, so it takes
  pairs in 1-D and 2-D pooling and says so), each side below the window.
- ``tf.nn.conv1d_transpose``, ``conv2d_transpose``, ``conv3d_transpose``: no dilation
  above 1 on CPU; explicit pairs only in ``conv2d_transpose``. ``output_shape`` is
  required, and TensorFlow refuses one whose forward convolution does not give the
  input ("Size of out_backprop doesn't match computed"). ``resolve(...,
  output_shape=O)`` checks that rule; without one, convdims answers what Keras's
  TensorFlow backend would ask for (``output_padding=None``: ``'VALID'``
  ``(I - 1)*S + max(K, S)``, ``'SAME'`` ``I*S``; explicit pairs the ``'VALID'`` size
  minus the pads), and an ``output_padding`` picks another size as Keras does (below
  the stride), which the same rule then checks.
- A window longer than the padded input is refused. In eager mode TensorFlow gives 0
  for a window too big by less than two strides (the division truncates toward
  zero) while a ``tf.function`` refuses it: such cases are not held against convdims
  ([`KNOWN_ENGINE_QUIRKS`][convdims.conventions.tensorflow.KNOWN_ENGINE_QUIRKS]).

TF Lite: ``'SAME'`` and ``'VALID'`` only; conv 1-D (a 2-D conv of height 1), 2-D and
3-D with any stride and dilation; pooling in 1-D and 2-D only (the converter has no
3-D pooling: "neither a custom op nor a flex op"); a window too big by less than two
strides gives an empty axis (0), by more an error; ``TRANSPOSE_CONV`` (1-D and 2-D, no
dilation: the converter cannot lower a dilated one) takes ``output_shape`` as given,
``CONV_3D_TRANSPOSE`` (dilations too) checks it as TensorFlow does.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from convdims._checks import as_int, non_negative_int, positive_int, shown
from convdims.conventions._convention import AxisRule, Convention, Family, _or
from convdims.errors import ArgumentError
from convdims.padding import explicit_padding

_ALL = (1, 2, 3)
_OPS = {
    Family.CONV: "tf.nn.conv{n}d",
    Family.POOL: "tf.nn.max_pool{n}d/avg_pool{n}d",
    Family.TRANSPOSE: "tf.nn.conv{n}d_transpose",
}

#: Where TensorFlow disagrees with itself, with a case each: ``observed`` is what each
#: way of running it gives here (``eager``: tf.nn in eager mode; ``graph``: the same
#: call in a tf.function; ``lite``: TF Lite's interpreter), sizes per axis or "error";
#: the oracle test checks each still happens, in a subprocess of its own. convdims
#: refuses these windows under ``tensorflow`` and gives 0 under ``tflite``.
KNOWN_ENGINE_QUIRKS: tuple[dict[str, Any], ...] = (
    {
        "what": "A 'VALID' window too big by less than two strides: the size "
        "(I - K + S)/S truncates to 0, so eager tf.nn ops (the Eigen kernels) return "
        "an empty axis, while a tf.function's shape inference refuses the layer. The "
        "issue reports that on x86 builds running oneDNN a convolution returns the "
        "input size instead and a max pool fails or crashes the process; this "
        "tensorflow-cpu 2.21 wheel runs the Eigen kernels here, both with and "
        "without TF_ENABLE_ONEDNN_OPTS.",
        "case": {
            "op": "conv",
            "input": [3, 3],
            "kernel": [4, 4],
            "strides": [1, 1],
            "padding": "VALID",
        },
        "observed": {"eager": [0, 0], "graph": "error", "lite": [0, 0]},
    },
    {
        "what": "The same for a max pool whose window is too big by more than one "
        "stride but less than two.",
        "case": {
            "op": "pool_max",
            "input": [3, 3],
            "kernel": [6, 6],
            "strides": [2, 2],
            "padding": "VALID",
        },
        "observed": {"eager": [0, 0], "graph": "error", "lite": [0, 0]},
    },
    {
        "what": "Explicit padding counts as the padded input: a conv2d window too big "
        "for it by less than two strides is empty in eager mode, refused in a "
        "tf.function.",
        "case": {
            "op": "conv",
            "input": [3, 5],
            "kernel": [6, 3],
            "strides": [1, 1],
            "padding": [[1, 1], [0, 0]],
        },
        "observed": {"eager": [0, 3], "graph": "error"},
    },
    {
        "what": "TF Lite's CONV_3D sizes a 'VALID' window too big by two strides or "
        "more as a negative axis instead of refusing it, when another axis is empty (a "
        "negative element count is refused; its 2-D ops and TensorFlow refuse).",
        "case": {
            "op": "conv",
            "input": [3, 3, 3],
            "kernel": [5, 4, 1],
            "strides": [1, 1, 1],
            "padding": "VALID",
        },
        "observed": {"eager": "error", "lite": [-1, 0, 3]},
    },
    {
        "what": "TF Lite's TRANSPOSE_CONV (1-D and 2-D) takes any output_shape, while "
        "its CONV_3D_TRANSPOSE and TensorFlow refuse one whose forward convolution "
        "does not give the input.",
        "case": {
            "op": "transpose",
            "input": [4, 4],
            "kernel": [3, 3],
            "strides": [2, 2],
            "padding": "VALID",
            "output_shape": [20, 20],
        },
        "observed": {"eager": "error", "lite": [20, 20]},
    },
)


def _toward_zero(numerator: int, denominator: int) -> int:
    """C++'s integer division (positive denominator)."""
    quotient = abs(numerator) // denominator
    return quotient if numerator >= 0 else -quotient


def forward_size(input_size: int, kernel: int, stride: int, padding: Any) -> int:
    """TensorFlow's size of a convolution of ``input_size`` (``GetWindowedOutputSize``:
    toward zero, possibly 0 or negative); ``padding`` is ``'same'``, ``'valid'`` or a
    ``(before, after)`` pair, ``kernel`` the effective one.

    Examples:
        >>> forward_size(11, 3, 2, "same"), forward_size(3, 4, 1, "valid")
        (6, 0)
        >>> forward_size(3, 5, 1, "valid"), forward_size(3, 6, 1, (1, 1))
        (-1, 0)
    """
    if padding == "same":
        return -(-input_size // stride)
    before, after = (0, 0) if padding == "valid" else padding
    return _toward_zero(input_size + before + after - kernel + stride, stride)


@dataclass(frozen=True)
class ShapedAxisRule(AxisRule):
    """A transposed convolution's axis whose size is the ``output_shape`` given, which
    the engine takes unchecked (TF Lite's TRANSPOSE_CONV): no core formula gives it."""

    output_shape: int | None = None

    @property
    def output_size(self) -> int:
        """O: the ``output_shape`` given."""
        return super().output_size if self.output_shape is None else self.output_shape


@dataclass(frozen=True)
class TensorFlowConvention(Convention):
    """TensorFlow's and TF Lite's rules: which ops exist per axis count, where explicit
    pairs and dilations are taken, ``output_shape`` and its consistency rule.

    Attributes:
        axes_taken: per family, the spatial axes an op exists for.
        pairs_axes: per family, the axes whose op takes explicit pairs.
        dilation_axes: per family, the axes whose op takes a dilation above 1.
        checked_shapes: the axes of transposed convolutions whose ``output_shape`` is
            checked against the input.
        empty_band: a window too big by less than two strides gives an empty axis (TF
            Lite); otherwise it is refused.
    """

    axes_taken: Mapping[Family, tuple[int, ...]] = field(
        default_factory=lambda: dict.fromkeys(Family, _ALL)
    )
    pairs_axes: Mapping[Family, tuple[int, ...]] = field(default_factory=dict)
    dilation_axes: Mapping[Family, tuple[int, ...]] = field(default_factory=dict)
    checked_shapes: tuple[int, ...] = _ALL
    empty_band: bool = False

    def takes_padding(self, family: Family | str, padding: Any, axes: int = 1) -> bool:
        """Whether the op of ``family`` with ``axes`` spatial axes takes ``padding``
        (a word, any case; a ``(before, after)`` pair where the op takes explicit
        paddings; never a bare number).

        Examples:
            >>> TENSORFLOW.takes_padding("conv", (1, 2), axes=2), TENSORFLOW.takes_padding(
            ...     "conv", (1, 2), axes=3)
            (True, False)
        """
        family = Family(family)
        if isinstance(padding, str):
            return padding.lower() in self.padding_words[family]
        if isinstance(padding, (tuple, list)):
            return axes in self.pairs_axes.get(family, ()) and len(padding) == 2
        return False

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
        """Refuse what this framework refuses (see
        [`Convention.check`][convdims.conventions.Convention.check]), and an op it
        does not have for this many axes (``argument="input_size"``), a padding that
        is not one string or explicit pairs on every axis, a dilation its CPU kernel
        refuses, and an output_padding not below the stride.

        Examples:
            >>> try:
            ...     TENSORFLOW.check("conv", paddings=["same"] * 3, strides=[1] * 3,
            ...                      dilations=[2] * 3)
            ... except ValueError as error:
            ...     print(error.argument, "|", error)  # doctest: +ELLIPSIS
            dilation | TensorFlow's CPU kernel of tf.nn.conv3d takes no dilation above 1 ...
        """
        family = Family(family)
        axes = len(paddings) if axes is None else axes
        taken = self.axes_taken[family]
        if axes not in taken:
            self._refuse(
                "input_size",
                axes,
                f"{self.title} has no {axes}-D {_NOUN[family]}; give "
                f"{_or([str(n) for n in taken])} sizes",
                f"{_or([str(n) for n in taken])} sizes",
            )
        words = {p.lower() for p in paddings if isinstance(p, str)}
        if words and (len(words) > 1 or not all(isinstance(p, str) for p in paddings)):
            self._refuse(
                "padding",
                list(paddings),
                f"{self.title} takes one padding string for all axes ('SAME' or "
                f"'VALID') or explicit pairs on every axis, not "
                f"{', '.join(map(shown, paddings))}",
                "one padding for all axes",
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
        if family is not Family.POOL and max(dilations, default=1) > 1:
            if axes not in self.dilation_axes.get(family, ()):
                op = _OPS[family].format(n=axes)
                self._refuse(
                    "dilation",
                    list(dilations),
                    f"{self.title}'s CPU kernel of {op} takes no dilation above 1 "
                    f"(got {'x'.join(map(str, dilations))}); use dilation 1",
                    "dilation 1",
                )
        if family is Family.TRANSPOSE:
            concrete = [1 if s is None else as_int("stride", s) for s in strides]
            for extra, stride in zip(output_paddings or (), concrete, strict=False):
                if extra is None:
                    continue
                extra = non_negative_int("output_padding", extra)
                if extra >= stride:
                    self._refuse(
                        "output_padding",
                        extra,
                        f"output_padding={extra} must be smaller than stride={stride} "
                        f"(as Keras asks {self.title}); use 0..{stride - 1} or leave "
                        "it out",
                        f"0..{stride - 1}",
                    )

    def _check_padding(self, family: Family, padding: Any, axes: int) -> None:
        if self.takes_padding(family, padding, axes):
            return
        op = _OPS[family].format(n=axes)
        accepted = ["'SAME'", "'VALID'"]
        if axes in self.pairs_axes.get(family, ()):
            accepted.append("explicit (before, after) pairs")
        where = [_OPS[family].format(n=n) for n in self.pairs_axes.get(family, ())]
        hint = (
            f"; explicit pairs go to {_or(where)}" if where and len(accepted) == 2 else ""
        )
        pairs = axes in self.pairs_axes.get(family, ())
        number = (
            " (give N cells a side as N,N)" if isinstance(padding, int) and pairs else ""
        )
        self._refuse(
            "padding",
            padding,
            f"{self.title} {op} takes padding {_or(accepted)}, not "
            f"{shown(padding)}{number}{hint}",
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
        axes: int = 1,
        rounding: str | None = None,
        output_shape: int | None = None,
    ) -> AxisRule:
        """One axis as this framework computes it (see
        [`Convention.resolve`][convdims.conventions.Convention.resolve]).

        Args:
            family: ``"conv"``, ``"pool"`` or ``"transpose"``.
            input_size: I.
            kernel_size: k.
            stride: S; None is 1 (the window for pooling).
            padding: ``'SAME'``, ``'VALID'`` (the default; any case) or a
                ``(before, after)`` pair where the op takes explicit paddings.
            dilation: d.
            ceil_mode: refused (no round-up option).
            output_padding: transposed convolutions: None (the default: the size
                Keras's TensorFlow backend infers) or Keras's output_padding.
            axes: the op's spatial axes (1, 2 or 3).
            rounding: refused (TF.js's option).
            output_shape: a transposed convolution's ``output_shape`` along this axis;
                TensorFlow requires that its forward convolution gives ``input_size``.

        Raises:
            ArgumentError: the framework refuses the arguments (``argument`` names
                which), or the core does.

        Examples:
            >>> TENSORFLOW.resolve("conv", 11, 2, 2, "SAME").output_size
            6
            >>> [TENSORFLOW.resolve("transpose", 12, 3, 2, "same", output_shape=o)
            ...  .output_size for o in (23, 24)]
            [23, 24]
            >>> TFLITE.resolve("conv", 3, 4, 1, "valid").output_size
            0
        """
        family = Family(family)
        if rounding is not None:
            self._refuse(
                "rounding",
                rounding,
                f"{self.title} has no rounding option (dimRoundingMode is TF.js's); "
                "leave it out",
                "no rounding option",
            )
        if output_shape is not None and family is not Family.TRANSPOSE:
            self._refuse(
                "output_shape",
                output_shape,
                "output_shape is a transposed convolution's",
                "no output_shape",
            )
        positive_int("input_size", input_size)
        if output_padding == "default":
            output_padding = None
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
        if family is Family.TRANSPOSE:
            return self._transpose(rule, output_shape, axes)
        self._check_fits(rule)
        rule.output_size  # noqa: B018 - the core's own refusals, here and not later
        return rule

    def _check_fits(self, rule: AxisRule) -> None:
        """Refuse a window longer than the padded input (TF Lite: only one too long by
        two strides or more; shorter ones are empty)."""
        before, after = explicit_padding(
            rule.padding, rule.input_size, rule.kernel_size, rule.stride, rule.dilation
        )
        from convdims.window import effective_kernel

        kernel = effective_kernel(rule.kernel_size, rule.dilation)
        size = forward_size(rule.input_size, kernel, rule.stride, (before, after))
        if size < 0 or (size == 0 and not self.empty_band):
            what = "kernel_size" if rule.family is Family.CONV else "pool_size"
            padded = before + rule.input_size + after
            raise ArgumentError(
                f"{what}={rule.kernel_size}"
                + (
                    f" (effective {kernel} with dilation={rule.dilation})"
                    if rule.dilation > 1
                    else ""
                )  # fmt: skip
                + f" is longer than the padded input {padded} (input_size="
                f"{rule.input_size} + padding {before} before + {after} after), so no "
                f"window fits; {self.title} "
                + (
                    "refuses it (a negative size)"
                    if size < 0 or not self.empty_band
                    else "gives an empty axis"
                )
                + f"; use an effective kernel of at most {padded} or more padding",
                argument=what,
                value=rule.kernel_size,
                valid=f"an effective kernel of at most {padded}",
            )

    def _transpose(self, rule: AxisRule, output_shape: Any, axes: int) -> AxisRule:
        from convdims.window import effective_kernel

        size, step = rule.input_size, rule.stride
        kernel = effective_kernel(rule.kernel_size, rule.dilation)
        padding, extra = rule.padding, rule.output_padding
        if isinstance(padding, tuple) and extra is None:
            extra = max(kernel, step) - kernel  # the 'VALID' inference, minus the pads
        if output_shape is None:
            arguments = dict(rule.__dict__, output_padding=extra)
            inferred = AxisRule(**arguments)
            shape = inferred.output_size  # the core refuses a size below 1
            given = "output_padding"
        else:
            shape = positive_int("output_shape", output_shape)
            given = "output_shape"
        forward = forward_size(shape, kernel, step, padding)
        if forward != size and axes in self.checked_shapes:
            valid = _consistent(size, kernel, step, padding)
            self._refuse(
                given,
                output_shape if given == "output_shape" else rule.output_padding,
                f"an output of {shape} cells would give {forward} cell(s) through the "
                f"forward convolution (kernel_size={kernel}, stride={step}, padding "
                f"{shown(padding)}), not the input's {size}, and {self.title} refuses "
                f"that; use an output_shape of {valid}",
                f"an output_shape of {valid}",
            )
        if forward != size:
            return ShapedAxisRule(**dict(rule.__dict__, output_shape=shape))
        # The size in the core's terms: the pads TensorFlow applies and the cells the
        # forward convolution leaves unread after them.
        if padding == "same":
            total = max((size - 1) * step + kernel - shape, 0)
            pads = (total // 2, total - total // 2)
        else:
            pads = (0, 0) if padding == "valid" else padding
        if output_shape is None and isinstance(padding, str):
            return AxisRule(**dict(rule.__dict__, output_padding=extra))
        remainder = shape - ((size - 1) * step + kernel - pads[0] - pads[1])
        return AxisRule(**dict(rule.__dict__, padding=pads, output_padding=remainder))


def _consistent(size: int, kernel: int, stride: int, padding: Any) -> str:
    """The output sizes whose forward convolution gives ``size``."""
    if padding == "same":
        low, high = (size - 1) * stride + 1, size * stride
    else:
        before, after = (0, 0) if padding == "valid" else padding
        low = (size - 1) * stride + kernel - before - after
        high = low + stride - 1
    low = max(low, 1)
    if high < low:
        return "none: use less padding"
    return str(low) if low == high else f"{low}..{high}"


_NOUN = {
    Family.CONV: "convolution",
    Family.POOL: "pooling",
    Family.TRANSPOSE: "transposed convolution",
}
_WORDS = {family: ("same", "valid") for family in Family}
_VALID = dict.fromkeys(Family, "valid")

TENSORFLOW = TensorFlowConvention(
    name="tensorflow",
    title="TensorFlow",
    padding_words=_WORDS,
    padding_cells=frozenset(),
    padding_pairs=frozenset(Family),
    default_padding=_VALID,
    pool_ceil_mode=False,
    pool_dilation=False,
    output_padding_none=True,
    pairs_axes={Family.CONV: (2,), Family.POOL: (1, 2), Family.TRANSPOSE: (2,)},
    dilation_axes={Family.CONV: (1, 2)},
    source="tensorflow-cpu 2.21 (tf.nn, eager, run here); sizes from "
    "tensorflow/core/framework/kernel_shape_util.cc:23-65 at 1142c5f",
)

TFLITE = TensorFlowConvention(
    name="tflite",
    title="TF Lite",
    padding_words=_WORDS,
    padding_cells=frozenset(),
    default_padding=_VALID,
    pool_ceil_mode=False,
    pool_dilation=False,
    output_padding_none=True,
    empty_output=frozenset({Family.CONV, Family.POOL}),
    axes_taken={Family.CONV: _ALL, Family.POOL: (1, 2), Family.TRANSPOSE: _ALL},
    dilation_axes={Family.CONV: _ALL, Family.TRANSPOSE: (3,)},
    checked_shapes=(3,),
    empty_band=True,
    source="TF Lite of tensorflow-cpu 2.21 (tf.lite.Interpreter, builtin kernels, run "
    "here on models converted from tf.nn); sizes from "
    "tensorflow/lite/kernels/padding.h:43-60 at 08df8c4",
)

__all__ = [
    "KNOWN_ENGINE_QUIRKS",
    "TENSORFLOW",
    "TFLITE",
    "ShapedAxisRule",
    "TensorFlowConvention",
    "forward_size",
]

"""Core ML's rules, as its ML program ops (MIL) compute them (cited from coremltools, not
run here).

Read in github.com/apple/coremltools at commit e0e2f42b0b7c601958c0c2b53ce12c8a39023d00:

- ``pad_type`` (``coremltools/converters/mil/mil/ops/defs/_utils.py:166-236``):
  ``valid`` (none), ``custom`` (``pad``: before and after per axis), ``same``
  (total ``max(0, S*ceil(I/S) - I + K - S)`` with ``K = d*(k - 1) + 1``, the odd cell
  after) and ``same_lower`` (the odd cell before; iOS 16 and later, ``conv.py:177-179``).
  ``conv``'s default is ``valid`` (``iOS15/conv.py:147``).
- Sizes (``_utils.py:319-338``): ``floor((I + pad - K)/S) + 1``; with ``ceil_mode`` the
  division rounds up, then the last window is dropped when
  ``(O - 1)*S >= I + pad/2`` **and the axis is padded** (``pad`` is the axis's total
  padding): a pooling without padding keeps it. Below 1 is an error.
- Pooling (``iOS15/pool.py:42-78``): strides default to 1, there is no dilation;
  ``ceil_mode`` is refused with ``same``, with unequal padding before and after, and for
  3-D pooling (lines 54-62).
- ``conv_transpose`` (``iOS15/conv.py:402-428``): ``same`` gives ``I*S``, ``valid``
  ``S*(I - 1) + K``, ``custom`` ``S*(I - 1) + K - before - after``; there is no
  output_padding (``output_shape`` instead) and no ``same_lower``.

The older NeuralNetwork format (``mlmodel/format/NeuralNetwork.proto:1150-1242`` and
``1911-1965``) has the same sizes; its pooling ``includeLastPixel`` drops the last window
when *any* axis is padded, as Caffe does.

Examples:
    >>> from convdims import conventions
    >>> coreml = conventions.get("coreml")
    >>> coreml.output_size("pool", 5, 1, 3, ceil_mode=True), coreml.output_size(
    ...     "pool", 5, 2, 3, (1, 1), ceil_mode=True)
    (3, 2)
    >>> coreml.output_size("transpose", 4, 1, 3), coreml.output_size(
    ...     "transpose", 4, 1, 3, "same")
    (10, 12)
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from convdims._checks import shown
from convdims.conventions._convention import AxisRule, Convention, Family
from convdims.conventions._rule import LayerArguments
from convdims.padding import explicit_padding

_REPO = "github.com/apple/coremltools@e0e2f42b0b7c601958c0c2b53ce12c8a39023d00"
_OPS = "coremltools/converters/mil/mil/ops/defs"

#: Where Core ML differs from what the library does: nothing known (its shape code takes
#: a custom pad as large as the window, windows of padding only, and so does convdims:
#: _utils.py:319-338).
KNOWN_ENGINE_QUIRKS: tuple[dict[str, str], ...] = ()


def _pair(padding: Any) -> tuple[Any, Any] | None:
    return tuple(padding) if isinstance(padding, (tuple, list)) else None  # type: ignore[return-value]


class CoreMLConvention(Convention):
    """Core ML's rules: a [`Convention`][convdims.conventions.Convention] plus its
    ``ceil_mode`` rules and ``conv_transpose``'s sizes (a ``(before, after)`` pair is
    ``pad_type='custom'``).

    Examples:
        >>> from convdims import conventions
        >>> try:
        ...     conventions.get("coreml").check("pool", paddings=[(0, 1)], strides=[2],
        ...                                     dilations=[1], ceil_mode=True)
        ... except ValueError as error:
        ...     print(error.argument, "|", error)  # doctest: +ELLIPSIS
        padding | Core ML's ceil_mode needs equal padding before and after ...
    """

    def _refuse_more(self, family: Family, layer: LayerArguments) -> None:
        if family is not Family.POOL or not layer.ceil_mode:
            return
        if layer.axes > 2:
            self._refuse(
                "ceil_mode",
                True,
                f"Core ML's ceil_mode is for 1-D and 2-D pooling only (this layer has "
                f"{layer.axes} axes)",
                "ceil_mode=False",
            )
        for padding in layer.paddings:
            if isinstance(padding, str) and padding.lower() == "same":
                self._refuse(
                    "ceil_mode",
                    True,
                    "Core ML refuses ceil_mode with pad_type 'same'; use 'valid', "
                    "'same_lower' or custom padding",
                    "ceil_mode=False with 'same'",
                )
            pair = _pair(padding)
            if pair is not None and pair[0] != pair[1]:
                self._refuse(
                    "padding",
                    padding,
                    f"Core ML's ceil_mode needs equal padding before and after (got "
                    f"{shown(pair)})",
                    "a (P, P) pair",
                )

    def _adjust(self, rule: AxisRule) -> AxisRule:
        if rule.family is Family.POOL and rule.ceil_mode:
            before, after = explicit_padding(
                rule.padding, rule.input_size, rule.kernel_size, rule.stride
            )
            # The drop compares with I + pad/2; pads are equal here, or 'same_lower's odd
            # cell is before, so pad/2 rounded up is the cells before: the core's "drop".
            return replace(
                rule, last_window="drop" if before + after else "keep", padding_only=True
            )
        if rule.family is Family.POOL:
            return replace(rule, padding_only=True)
        if rule.family is Family.TRANSPOSE:
            if rule.padding == "valid":
                return replace(rule, padding=(0, 0), output_padding=0)
            if rule.padding == "same":
                return replace(rule, output_padding=None)
        return rule


COREML = CoreMLConvention(
    name="coreml",
    title="Core ML",
    padding_words={
        Family.CONV: ("valid", "same", "same_lower"),
        Family.POOL: ("valid", "same", "same_lower"),
        Family.TRANSPOSE: ("valid", "same"),
    },
    padding_cells=frozenset(),
    padding_pairs=frozenset(Family),
    default_padding={
        Family.CONV: "valid",
        Family.POOL: "valid",
        Family.TRANSPOSE: "valid",
    },
    pool_dilation=False,
    pool_stride_window=False,
    run_here=False,
    source=(
        f"cited from {_REPO}: {_OPS}/_utils.py:166-338, iOS15/conv.py:147-199 and "
        "402-428, iOS15/pool.py:42-78; mlmodel/format/NeuralNetwork.proto:1150-1242"
    ),
    extra_hint={
        "int": "; Core ML's custom padding is a (before, after) pair: give {padding},"
        "{padding}"
    },
    no_output_padding=("conv_transpose", "; it takes output_shape, the whole output size"),
    rounding_hint="; pooling rounds up with ceil_mode",
)

__all__ = ["COREML", "KNOWN_ENGINE_QUIRKS", "CoreMLConvention"]

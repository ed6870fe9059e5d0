"""Caffe's rules (BVLC Caffe; cited from its source, not run here).

Read in github.com/BVLC/caffe at commit 9b891540183ddc834a02b2bd81b31afae71b2153:

- Convolution, ``src/caffe/layers/conv_layer.cpp:17-19``:
  ``O = (I + 2*pad - (dilation*(k - 1) + 1)) / stride + 1``, C++ integer division (floor
  for the sizes a layer can have). ``pad`` is a number of cells on both sides
  (``src/caffe/proto/caffe.proto:598``); the stride defaults to 1 (``:600``). There is no
  padding word: Caffe has no ``'same'``.
- Deconvolution, ``src/caffe/layers/deconv_layer.cpp:17-19``:
  ``O = stride*(I - 1) + (dilation*(k - 1) + 1) - 2*pad``; no output_padding.
- Pooling, ``src/caffe/layers/pooling_layer.cpp:91-118``: the division rounds up
  (``round_mode`` defaults to ``CEIL``, ``caffe.proto:951``; ``FLOOR`` was added in
  2018, commit d7da0924); then, **only if the layer has padding on any axis**
  (``if (pad_h_ || pad_w_)``, line 107), a last window that would start in the padding
  after the input is dropped: ``if ((O - 1)*stride >= I + pad) --O`` (lines 110-115).
  A layer without padding keeps it. The pad must be smaller than the window
  (``CHECK_LT(pad_h_, kernel_h_)``, lines 74-75); the stride defaults to 1, not to the
  window (``caffe.proto:934``); there is no dilation.

The drop is decided for the whole layer: with ``pad_h=1, pad_w=0`` the width keeps the
drop rule too. [`resolve`][convdims.conventions.caffe.CaffeConvention.resolve] takes the
layer's answer as ``layer_padded`` (default: this axis's own padding).

Examples:
    >>> from convdims import conventions
    >>> caffe = conventions.get("caffe")
    >>> caffe.output_size("pool", 5, 1, stride=3), caffe.output_size("pool", 5, 2, 3, 1)
    (3, 2)
    >>> caffe.output_size("pool", 112, 3, stride=2)
    56
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from convdims._checks import shown
from convdims.conventions._convention import AxisRule, Convention, Family, _family
from convdims.conventions._rule import LayerArguments

_REPO = "github.com/BVLC/caffe@9b891540183ddc834a02b2bd81b31afae71b2153"

#: Where Caffe does something the library does not follow, with the cited line: a kernel
#: larger than the padded input by less than the stride.
KNOWN_ENGINE_QUIRKS: tuple[dict[str, str], ...] = (
    {
        "framework": "caffe",
        "case": "conv, input 2, kernel 3, stride 2, pad 0",
        "engine": "output 1: (2 - 3) / 2 + 1 truncates toward zero in C++",
        "convdims": "refuses: the kernel does not fit the padded input",
        "source": f"{_REPO} src/caffe/layers/conv_layer.cpp:18-19",
    },
)

_ROUNDINGS = ("ceil", "floor")


class CaffeConvention(Convention):
    """Caffe's rules: the data of a [`Convention`][convdims.conventions.Convention],
    plus the pooling rules data cannot say (round up, drop only when padded, pad below
    the window).

    Examples:
        >>> from convdims import conventions
        >>> try:
        ...     conventions.get("caffe").check("conv", paddings=["same"],
        ...                                    strides=[1], dilations=[1])
        ... except ValueError as error:
        ...     print(error.argument, "|", error)  # doctest: +ELLIPSIS
        padding | Caffe has no padding words ('same'): ...
    """

    def _refuse_first(self, family: Family, layer: LayerArguments) -> None:
        for padding in layer.paddings:
            if isinstance(padding, str):
                self._refuse(
                    "padding",
                    padding,
                    f"Caffe has no padding words ({shown(padding)}): its layers take "
                    "pad, the cells added on each side; pad = (kernel_size - 1) // 2 "
                    "keeps the size of an odd kernel at stride 1",
                    "an int",
                )

    def _refuse_more(self, family: Family, layer: LayerArguments) -> None:
        if family is not Family.POOL or layer.kernel_sizes is None:
            return
        for padding, kernel in zip(layer.paddings, layer.kernel_sizes, strict=False):
            if isinstance(padding, int) and kernel >= 1 and padding >= kernel:
                self._refuse(
                    "padding",
                    padding,
                    f"Caffe requires pad < kernel_size for pooling (got pad="
                    f"{shown(padding)}, kernel_size={kernel}: CHECK_LT(pad_h_, "
                    f"kernel_h_) in pooling_layer.cpp); use a pad of 0..{kernel - 1}",
                    f"0..{kernel - 1}",
                )

    def layer_options(
        self, family: Family | str, paddings: Any, dilations: Any = None
    ) -> dict[str, Any]:
        """``layer_padded`` for pooling: whether any axis has padding (Caffe's
        ``if (pad_h_ || pad_w_)``)."""
        if _family(family) is not Family.POOL:
            return {}
        return {"layer_padded": any(p not in (0, None) for p in paddings)}

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
        layer_padded: bool | None = None,
    ) -> AxisRule:
        """One axis as Caffe computes it (arguments as
        [`Convention.resolve`][convdims.conventions.Convention.resolve]).

        Args:
            family: ``"conv"``, ``"pool"`` or ``"transpose"``.
            input_size: I.
            kernel_size: k.
            stride: S (default 1, pooling too).
            padding: pad, cells on each side (default 0).
            dilation: d (not for pooling).
            ceil_mode: Caffe's pooling rounds up anyway; True changes nothing.
            output_padding: only 0 (Caffe has none).
            axes: the layer's spatial axes.
            rounding: pooling's ``round_mode``: None or ``"ceil"`` (Caffe's default),
                or ``"floor"``.
            layer_padded: whether any axis of the pooling layer has padding (Caffe drops
                a last window in the padding on every axis then); None: this axis's
                padding decides.

        Raises:
            ArgumentError: Caffe refuses the arguments, or the core does.

        Examples:
            >>> from convdims import conventions
            >>> caffe = conventions.get("caffe")
            >>> caffe.resolve("pool", 5, 1, 3, 0, layer_padded=True).output_size
            2
            >>> caffe.output_size("transpose", 12, 4, 2, 1)
            24
        """
        family = _family(family)
        pooled = family is Family.POOL
        if rounding is not None and (not pooled or rounding not in _ROUNDINGS):
            where = "pooling's round_mode" if family is Family.POOL else "pooling only"
            self._refuse(
                "rounding",
                rounding,
                f"Caffe takes rounding 'ceil' or 'floor' ({where}), not {shown(rounding)}",
                "'ceil' or 'floor' (pooling only)",
            )
        if rounding == "floor" and ceil_mode:
            self._refuse(
                "ceil_mode",
                True,
                "Caffe's round_mode is one value: rounding='floor' cannot go with "
                "ceil_mode",
                "ceil_mode=False with rounding='floor'",
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
        )
        if family is Family.POOL:
            padded = rule.padding != 0 if layer_padded is None else bool(layer_padded)
            rule = replace(
                rule,
                ceil_mode=rounding != "floor",
                last_window="drop" if padded else "keep",
            )
        return rule


CAFFE = CaffeConvention(
    name="caffe",
    title="Caffe",
    padding_words={Family.CONV: (), Family.POOL: (), Family.TRANSPOSE: ()},
    padding_cells=frozenset(Family),
    default_padding={Family.CONV: 0, Family.POOL: 0, Family.TRANSPOSE: 0},
    pool_dilation=False,
    pool_stride_window=False,
    ceil_always=frozenset({Family.POOL}),
    run_here=False,
    source=(
        f"cited from {_REPO}: src/caffe/layers/conv_layer.cpp:17-19, "
        "deconv_layer.cpp:17-19, pooling_layer.cpp:74-75 and 91-118, "
        "src/caffe/proto/caffe.proto:598-600, 934, 951"
    ),
    extra_hint={"pair": "; Caffe pads both sides equally (pad, or pad_h and pad_w)"},
    no_output_padding=(
        "Deconvolution",
        ": its output is stride*(I - 1) + K - 2*pad; crop or pad the result instead",
    ),
)

__all__ = ["CAFFE", "KNOWN_ENGINE_QUIRKS", "CaffeConvention"]

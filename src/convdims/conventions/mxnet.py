"""Apache MXNet's rules (cited from its source, not run here).

Read in github.com/apache/mxnet at commit b84609d3fc73d20929c114eab95faaa56e6c5ede:

- Convolution, ``src/operator/nn/convolution.cc:155-156`` (and 206-210 for 2-D):
  ``O = (I + 2*pad - (dilate*(k - 1) + 1)) / stride + 1``, floor; the dilated kernel
  must fit the padded input (``CHECK_LE(dilated_ksize_x, AddPad(dshape[2], pad))``,
  line 170). ``pad`` is cells on both sides.
- Deconvolution, ``src/operator/nn/deconvolution.cc:143-144``:
  ``O = stride*(I - 1) + (dilate*(k - 1) + 1) - 2*pad + adj``, with ``adj`` (the
  output_padding) smaller than the stride (``CHECK_GE(stride - 1, adj)``, line 137).
  ``target_shape`` (``deconvolution-inl.h:126-158``) is not modelled.
- Pooling, ``src/operator/nn/pooling.cc:110-178``: the window must fit the padded input
  (line 165), the stride defaults to 1 and the pad to 0 (lines 43-60), there is no
  dilation. ``pooling_convention``: ``valid`` (floor, the default), ``full`` (round up,
  lines 170-174, and **no** drop of a last window that starts in the padding: the
  core's ``last_window="keep"``), ``same`` (``ceil(I / stride)``, lines 176-177, only for
  1-D pooling with pad 0, lines 110-114; the windows start at 0 and every missing cell
  is after the input: ``src/operator/nn/pool.h:102-104``).

Here ``padding="same"`` stands for ``pooling_convention='same'`` and ``ceil_mode=True``
for ``'full'``.

Examples:
    >>> from convdims import conventions
    >>> mxnet = conventions.get("mxnet")
    >>> mxnet.output_size("pool", 5, 1, 3, ceil_mode=True), mxnet.output_size(
    ...     "pool", 5, 2, 2, 1, ceil_mode=True)
    (3, 4)
    >>> mxnet.resolve("pool", 10, 3, 4, "same").padding
    (0, 1)
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from convdims.conventions._convention import AxisRule, Convention, Family
from convdims.conventions._rule import LayerArguments
from convdims.padding import explicit_padding
from convdims.window import effective_kernel

_REPO = "github.com/apache/mxnet@b84609d3fc73d20929c114eab95faaa56e6c5ede"

#: Where MXNet differs from what the library does: nothing known (MXNet's pooling takes a
#: pad as large as the window, windows of padding only, and so does convdims here).
KNOWN_ENGINE_QUIRKS: tuple[dict[str, str], ...] = ()


class MXNetConvention(Convention):
    """MXNet's rules: a [`Convention`][convdims.conventions.Convention] plus the
    pooling conventions and ``adj`` < stride (``padding="same"`` is pooling's
    ``pooling_convention='same'``, ``ceil_mode`` its ``'full'``).

    Examples:
        >>> from convdims import conventions
        >>> mxnet = conventions.get("mxnet")
        >>> try:
        ...     mxnet.check("pool", paddings=["same"] * 2, strides=[1, 1],
        ...                 dilations=[1, 1])
        ... except ValueError as error:
        ...     print(error.argument, "|", error)  # doctest: +ELLIPSIS
        padding | MXNet's pooling_convention='same' is for 1-D pooling only ...
        >>> try:
        ...     mxnet.output_size("pool", 4, 7, 2, 1, ceil_mode=True)
        ... except ValueError as error:
        ...     print(error.argument, "|", error)  # doctest: +ELLIPSIS
        kernel_size | MXNet requires kernel <= padded input ...
    """

    def _refuse_more(self, family: Family, layer: LayerArguments) -> None:
        if family is Family.POOL and any(_is_same(p) for p in layer.paddings):
            if layer.axes != 1:
                self._refuse(
                    "padding",
                    "same",
                    f"MXNet's pooling_convention='same' is for 1-D pooling only (this "
                    f"layer has {layer.axes} axes); use pad with 'valid' or 'full' "
                    "(ceil_mode)",
                    "an int",
                )
            if layer.ceil_mode:
                self._refuse(
                    "ceil_mode",
                    True,
                    "MXNet's pooling_convention is one of 'valid', 'full' (ceil_mode) or "
                    "'same': 'same' cannot go with ceil_mode",
                    "ceil_mode=False with 'same'",
                )
        if family is Family.TRANSPOSE and layer.output_paddings is not None:
            for extra, stride in zip(layer.output_paddings, layer.strides, strict=False):
                step = 1 if stride is None else stride
                if isinstance(extra, int) and extra >= step >= 1:
                    self._refuse(
                        "output_padding",
                        extra,
                        f"MXNet requires adj (output_padding) < stride (got adj={extra}, "
                        f"stride={step}: deconvolution.cc); use 0..{step - 1}",
                        f"0..{step - 1}",
                    )

    def _adjust(self, rule: AxisRule) -> AxisRule:
        if rule.family is not Family.POOL:
            return rule
        if rule.padding == "same":
            if rule.kernel_size > rule.input_size:
                _too_big(rule.kernel_size, rule.input_size, 0)
            output = -(-rule.input_size // rule.stride)
            after = max((output - 1) * rule.stride + rule.kernel_size - rule.input_size, 0)
            return replace(rule, padding=(0, after))
        before, after = explicit_padding(
            rule.padding, rule.input_size, rule.kernel_size, rule.stride
        )
        if effective_kernel(rule.kernel_size, 1) > rule.input_size + before + after:
            _too_big(rule.kernel_size, rule.input_size, before)
        # No check on pad: a window may hold padding only (pooling.cc:165-174).
        return replace(rule, last_window="keep", padding_only=True)


def _is_same(padding: Any) -> bool:
    return isinstance(padding, str) and padding.lower() == "same"


def _too_big(kernel: int, size: int, pad: int) -> None:
    from convdims.errors import ArgumentError

    raise ArgumentError(
        f"MXNet requires kernel <= padded input for pooling (kernel {kernel}, input "
        f"{size} padded to {size + 2 * pad}: pooling.cc); use a kernel of at most "
        f"{size + 2 * pad}",
        argument="kernel_size",
        value=kernel,
        valid=f"at most {size + 2 * pad}",
    )


MXNET = MXNetConvention(
    name="mxnet",
    title="MXNet",
    padding_words={Family.CONV: (), Family.POOL: ("same",), Family.TRANSPOSE: ()},
    padding_cells=frozenset(Family),
    default_padding={Family.CONV: 0, Family.POOL: 0, Family.TRANSPOSE: 0},
    pool_dilation=False,
    pool_stride_window=False,
    last_window="keep",
    run_here=False,
    source=(
        f"cited from {_REPO}: src/operator/nn/convolution.cc:155-170, "
        "deconvolution.cc:137-144, pooling.cc:43-60 and 110-178, pool.h:102-104"
    ),
    extra_hint={"pair": "; MXNet pads both sides equally (pad per axis)"},
    rounding_hint="; pooling rounds up with ceil_mode (pooling_convention='full')",
)

__all__ = ["KNOWN_ENGINE_QUIRKS", "MXNET", "MXNetConvention"]

"""JAX's and Flax's rules: ``jax.lax`` (checked against jax 0.10.2 here) and
``flax.linen`` (checked against flax 0.12.8 here), shape-only with ``jax.eval_shape``.

Where the rules come from (jax 0.10.2, flax 0.12.8; paths inside the installed packages):

- ``jax/_src/lax/lax.py:9332-9393`` (``padtype_to_pads``): ``'SAME'`` and
  ``'SAME_LOWER'`` pad ``max((ceil(I/S) - 1)*S + K - I, 0)`` cells, the odd one after
  (``SAME``) or before (``SAME_LOWER``); ``'VALID'`` none. Words are upper-cased first
  (line 9369), so lax takes them in any case.
- ``jax/_src/lax/convolution.py:157-162``: ``conv_general_dilated`` splits ``'SAME'`` on
  the *dilated* kernel (``core.dilate_dim(k, rhs_dilation)``); lines 164-170: explicit
  padding is a sequence of ``(low, high)`` pairs, an int is refused.
  ``jax/_src/lax/convolution.py:898-918`` (``conv_shape_tuple``) and
  ``jax/_src/core.py:3116-3123`` (``stride_dim``):
  ``O = max(0, floor((I + P_lo + P_hi - K)/S) + 1)``: a window that does not fit gives an
  empty axis, not an error.
- ``jax/_src/lax/windowed_reductions.py:74-82``: ``reduce_window`` splits ``'SAME'`` on
  the dilated window (``window_dilation``); line 121: ``window_strides=None`` means unit
  strides, line 122: padding defaults to ``'VALID'``; lines 628-636
  (``reduce_window_shape_tuple``): any padding, even windows of padding only, and
  ``stride_dim``'s empty axis.
- ``jax/_src/lax/convolution.py:260-287`` (``_conv_transpose_padding``) and 296-389
  (``conv_transpose``): ``'SAME'`` gives ``I*S``, ``'VALID'`` ``I*S + max(K - S, 0)``;
  explicit ``(low, high)`` pairs pad the stride-dilated input (``lhs_dilation``) of a
  stride-1 ``conv_general_dilated``: ``O = (I - 1)*S + 1 + P_lo + P_hi - K + 1``
  (PyTorch's meaning only with ``use_consistent_padding=True``). Only ``'SAME'`` and
  ``'VALID'`` in capitals are the transpose's words (line 375); any other string falls
  through to ``conv_general_dilated``, which refuses it when a stride is not 1
  (lines 150-154) and otherwise reads it as a forward padding: ``'SAME_LOWER'`` then
  gives ``I``. ``transpose_kernel`` does not change sizes.
- ``flax/linen/linear.py:443-464`` (``canonicalize_padding``): an int pads both sides,
  a sequence of ints or pairs one per axis; 512: ``nn.Conv`` pads ``'SAME'`` by default;
  591-614: ``'CIRCULAR'`` and ``'REFLECT'`` pad ``((K - 1)//2, K//2)`` of the dilated
  kernel then convolve ``'VALID'``; ``'CAUSAL'`` pads ``K - 1`` before and is 1-D only
  (line 607-610). These three words are compared in capitals; any other string goes to
  lax. 941: ``nn.ConvTranspose`` pads ``'SAME'`` by default; 1023-1025 and 1051-1094:
  its ``'CIRCULAR'`` runs ``'VALID'`` and wraps the result to one period, ``I*S``.
- ``flax/linen/pooling.py:22-76`` (``pool``): ``strides`` default to 1 (line 46),
  padding is a word or ``(low, high)`` pairs (no int, no dilation), lines 110-125:
  ``max_pool``/``avg_pool`` pad ``'VALID'`` by default.
- No ``ceil_mode`` anywhere, and no ``output_padding``: add the cells to the padding.

Where lax has no default (``conv_general_dilated`` and ``conv_transpose`` require the
stride and the padding), convdims takes ``jax.example_libraries.stax``'s: stride 1,
``'VALID'`` (``jax/example_libraries/stax.py:65-71, 92-98, 163-166``).

Not modelled, and refused with the reason: negative padding, which lax takes as a crop
of the input (``convolution.py:906-910`` refuses it only past the input's size).

Examples:
    >>> from convdims import conventions
    >>> jax, flax = conventions.get("jax"), conventions.get("flax")
    >>> jax.output_size("conv", 11, 3), flax.output_size("conv", 11, 3)
    (9, 11)
    >>> jax.output_size("conv", 2, 5), flax.output_size("pool", 2, 5)
    (0, 0)
    >>> (jax.output_size("transpose", 5, 3, 2, (2, 2)),
    ...  flax.output_size("transpose", 5, 3, 2))
    (11, 10)
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from convdims._checks import positive_int, shown
from convdims.conventions._convention import AxisRule, Convention, Family, _family
from convdims.window import effective_kernel

#: Where an engine of this module disagrees with itself or its documentation, or a
#: spelling changes meaning with its case: the cases convdims does not follow, and why.
#: The oracle test (tests/oracle/test_engine_jax.py) leaves exactly these out of its
#: comparison; the site shows them.
KNOWN_ENGINE_QUIRKS: tuple[dict[str, str], ...] = (
    {
        "framework": "jax",
        "op": "lax.reduce_window",
        "case": "window_strides=None (the documented default) with a padding word",
        "engine": "ValueError: operands could not be broadcast together (padtype_to_pads "
        "gets an empty list of strides, windowed_reductions.py:78-79)",
        "convdims": "unit strides, as documented (and as with window_strides=(1, ...))",
    },
    {
        "framework": "jax",
        "op": "lax.conv_transpose",
        "case": "padding 'same' or 'valid' in lower case",
        "engine": "not the transpose's words (convolution.py:375): at stride 1 they are "
        "a forward convolution's padding ('valid' gives I - K + 1, not I + K - 1); at "
        "a stride above 1 a ValueError",
        "convdims": "words are case-insensitive: 'valid' is 'VALID'",
    },
    {
        "framework": "flax",
        "op": "nn.Conv, nn.ConvTranspose",
        "case": "padding 'circular', 'reflect' or 'causal' in lower case",
        "engine": "compared in capitals (linear.py:592, 606, 1024): in lower case they "
        "go to lax, which refuses them",
        "convdims": "words are case-insensitive: 'circular' is 'CIRCULAR'",
    },
)


@dataclass(frozen=True)
class XlaAxisRule(AxisRule):
    """An axis under XLA's arithmetic: pooling takes any padding, a transposed
    convolution's cells pad its stride-dilated input, and a transposed convolution
    whose window does not fit is empty too.

    Examples:
        >>> from convdims import conventions
        >>> rule = conventions.get("jax").resolve("transpose", 1, 5, padding=(1, 1))
        >>> rule.empty, rule.output_size, rule.core_arguments()["padding_of"]
        (True, 0, 'input')
    """

    padding_of: str = "output"

    def core_arguments(self) -> dict[str, Any]:
        arguments = super().core_arguments()
        if self.family is Family.TRANSPOSE and self.padding_of != "output":
            arguments["padding_of"] = self.padding_of
        return arguments

    @property
    def empty(self) -> bool:
        if self.family is not Family.TRANSPOSE:
            return super().empty
        if not self.empty_allowed or self.padding_of != "input":
            return False  # the words never leave an empty axis
        before, after = _pair(self.padding)
        dilated = (self.input_size - 1) * self.stride + 1
        return dilated + before + after < effective_kernel(self.kernel_size, self.dilation)


def _pair(padding: Any) -> tuple[int, int]:
    if isinstance(padding, (tuple, list)):
        return int(padding[0]), int(padding[1])
    return int(padding), int(padding)


@dataclass(frozen=True)
class XlaConvention(Convention):
    """The rules JAX and Flax share (both build on XLA's shape rules), with what data
    alone cannot say.

    Attributes:
        stride_one_words: per family, words the framework takes only when every stride
            is 1 (``lax.conv_transpose`` passes ``'SAME_LOWER'`` on as a forward
            padding, which ``conv_general_dilated`` refuses with a stride).
        op: per family, the framework's function or class, for messages.
    """

    transpose_pads_input = True

    stride_one_words: dict[Family, tuple[str, ...]] | None = None
    op: dict[Family, str] | None = None

    def _word(self, word: str) -> str:
        return word.upper()  # as JAX and Flax write their words

    def _check_padding(self, family: Family, padding: Any, axes: int) -> None:
        if isinstance(padding, str) and padding.lower() == "causal":
            if "causal" in self.padding_words[family] and axes != self.causal_axes:
                self._refuse(
                    "padding",
                    padding,
                    f"{self.title} takes 'CAUSAL' only in a 1-D {self._op(family)} "
                    f"('Causal padding is only implemented for 1D convolutions.'), and "
                    f"this input has {axes} axes; use 'VALID', 'SAME' or (low, high) "
                    "pairs",
                    "'VALID', 'SAME' or (low, high) pairs",
                )
        if isinstance(padding, (tuple, list)) and len(padding) == 2:
            if family in self.padding_pairs and any(
                isinstance(p, int) and not isinstance(p, bool) and p < 0 for p in padding
            ):
                self._refuse(
                    "padding",
                    padding,
                    f"padding={_shown_pair(padding)} is negative: {self.title} crops the "
                    "input by a negative amount, which convdims does not model; crop the "
                    "input first and pad 0 or more",
                    "a (low, high) pair of 0 or more",
                )
        if (
            isinstance(padding, int)
            and not isinstance(padding, bool)
            and padding < 0
            and family in self.padding_cells
        ):
            self._refuse(
                "padding",
                padding,
                f"padding={padding} is negative: {self.title} crops the input by a "
                "negative amount, which convdims does not model; crop the input first "
                "and pad 0 or more",
                "an int of 0 or more",
            )
        if self.takes_padding(family, padding, axes):
            return
        words = [repr(self._word(w)) for w in self.padding_words[family]]
        forms = words + ["(low, high) pairs"]
        if family in self.padding_cells:
            forms.insert(0, "an int")
        hint = ""
        if isinstance(padding, int) and not isinstance(padding, bool):
            hint = f"; for {padding} cell(s) on each side give the pair {padding},{padding}"
        self._refuse(
            "padding",
            padding,
            f"{self.title}'s {self._op(family)} takes padding {_or_words(forms)}, not "
            f"{_shown_pair(padding)!r}{hint}",
            _or_words(forms),
        )

    def _op(self, family: Family) -> str:
        return (self.op or {}).get(family, str(family))

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
        """Refuse what the framework refuses (see
        [`Convention.check`][convdims.conventions.Convention.check]).

        Examples:
            >>> from convdims import conventions
            >>> try:
            ...     conventions.get("jax").check("transpose", paddings=["same_lower"],
            ...                                  strides=[2], dilations=[1])
            ... except ValueError as error:
            ...     print(error.argument, "|", error)  # doctest: +ELLIPSIS
            padding | JAX's lax.conv_transpose takes 'SAME_LOWER' only when every ...
        """
        family = _family(family)
        # output_padding: none in JAX or Flax (0 or not given is the same).
        if family is Family.TRANSPOSE and output_paddings is not None:
            for extra in output_paddings:
                if extra not in (None, 0) or isinstance(extra, bool):
                    self._refuse(
                        "output_padding",
                        extra,
                        f"{self.title}'s {self._op(family)} has no output_padding (got "
                        f"{shown(extra)}); add the cells to the padding after, with "
                        "(low, high) pairs",
                        "0 (none)",
                    )
            output_paddings = None
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
        limited = (self.stride_one_words or {}).get(family, ())
        concrete = [1 if s is None else s for s in strides]
        for padding in paddings:
            if isinstance(padding, str) and padding.lower() in limited:
                if max(concrete, default=1) > 1:
                    self._refuse(
                        "padding",
                        padding,
                        f"{self.title}'s {self._op(family)} takes "
                        f"{self._word(padding.lower())!r} only when every stride is 1 "
                        "(it passes the word on to conv_general_dilated as a forward "
                        "padding, which is 'not implemented for transposed convolution' "
                        f"with a stride; got stride {'x'.join(map(str, concrete))}); use "
                        "'SAME', 'VALID' or (low, high) pairs",
                        "'SAME', 'VALID' or (low, high) pairs",
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
    ) -> AxisRule:
        """One axis as JAX or Flax sizes it, in the core's terms (see
        [`Convention.resolve`][convdims.conventions.Convention.resolve]).

        Examples:
            >>> from convdims import conventions
            >>> rule = conventions.get("flax").resolve("conv", 10, 4, padding="circular")
            >>> rule.padding, rule.geometry().pad_before, rule.output_size
            ('circular', 1, 10)
        """
        family = _family(family)
        if rounding is not None:
            self._refuse(
                "rounding",
                rounding,
                f"{self.title} has no rounding option (that is TF.js's "
                "dimRoundingMode); its sizes round down",
                "no rounding option",
            )
        positive_int("input_size", input_size)
        if padding is None:
            padding = self.default_padding[family]
        if output_padding == "default":
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
        core = self.core_padding(family, padding)
        padding_of = "output"
        if family is Family.TRANSPOSE and self.transpose_pads_input:
            padding_of = "output" if isinstance(core, str) else "input"
        return XlaAxisRule(
            framework=self.name,
            family=family,
            input_size=input_size,
            kernel_size=kernel_size,
            stride=self.default_stride(family, kernel_size) if stride is None else stride,
            padding=core,
            dilation=dilation,
            ceil_mode=False,
            last_window=self.last_window,
            # The words are Keras's sizes with output_padding=None (I*S, I*S + max(K -
            # S, 0)); the pairs have no output_padding.
            output_padding=None,
            empty_allowed=family in self.empty_output,
            padding_of=padding_of,
            padding_only=family is Family.POOL,
        )


def _shown_pair(padding: Any) -> str:
    if isinstance(padding, (tuple, list)):
        return ",".join(shown(p) for p in padding)
    return padding if isinstance(padding, str) else shown(padding)


def _or_words(items: Sequence[str]) -> str:
    items = list(items)
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " or " + items[-1]


JAX = XlaConvention(
    name="jax",
    title="JAX",
    padding_words={
        Family.CONV: ("valid", "same", "same_lower"),
        Family.POOL: ("valid", "same", "same_lower"),
        Family.TRANSPOSE: ("valid", "same", "same_lower"),
    },
    padding_cells=frozenset(),
    padding_pairs=frozenset(Family),
    default_padding={Family.CONV: "valid", Family.POOL: "valid", Family.TRANSPOSE: "valid"},
    pool_ceil_mode=False,
    pool_stride_window=False,
    last_window="keep",
    spellings={Family.TRANSPOSE: {"same_lower": "same"}},
    empty_output=frozenset(Family),
    stride_one_words={Family.TRANSPOSE: ("same_lower",)},
    op={
        Family.CONV: "lax.conv_general_dilated",
        Family.POOL: "lax.reduce_window",
        Family.TRANSPOSE: "lax.conv_transpose",
    },
    source="jax 0.10.2 (run here, jax.eval_shape): jax/_src/lax/lax.py:9332-9393, "
    "jax/_src/lax/convolution.py:61-389 and 898-918, "
    "jax/_src/lax/windowed_reductions.py:74-136 and 628-636, jax/_src/core.py:3116-3123",
)

FLAX = XlaConvention(
    name="flax",
    title="Flax",
    padding_words={
        Family.CONV: ("same", "valid", "same_lower", "circular", "reflect", "causal"),
        Family.POOL: ("valid", "same", "same_lower"),
        Family.TRANSPOSE: ("same", "valid", "circular", "same_lower"),
    },
    padding_cells=frozenset({Family.CONV, Family.TRANSPOSE}),
    padding_pairs=frozenset(Family),
    default_padding={Family.CONV: "same", Family.POOL: "valid", Family.TRANSPOSE: "same"},
    causal_axes=1,
    pool_ceil_mode=False,
    pool_dilation=False,
    pool_stride_window=False,
    last_window="keep",
    spellings={
        Family.CONV: {"reflect": "circular"},
        # Flax wraps a 'CIRCULAR' transpose to one period: I*S, as 'SAME' gives.
        Family.TRANSPOSE: {"circular": "same", "same_lower": "same"},
    },
    empty_output=frozenset(Family),
    stride_one_words={Family.TRANSPOSE: ("same_lower",)},
    op={
        Family.CONV: "nn.Conv",
        Family.POOL: "nn.max_pool/nn.avg_pool",
        Family.TRANSPOSE: "nn.ConvTranspose",
    },
    source="flax 0.12.8 (run here, jax.eval_shape of Module.init): "
    "flax/linen/linear.py:443-464, 467-614, 930-1094, flax/linen/pooling.py:22-125",
)

__all__ = ["FLAX", "JAX", "KNOWN_ENGINE_QUIRKS", "XlaAxisRule", "XlaConvention"]

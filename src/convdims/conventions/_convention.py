"""The ``Convention`` class: one framework's rules as data, predicates and the
per-axis answer ([`AxisRule`][convdims.conventions.AxisRule]) in the core's terms."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from convdims._checks import as_int, positive_int, shown
from convdims._values import field, value
from convdims.conventions._rule import AxisRule, Family, LayerArguments, _family
from convdims.errors import ArgumentError, ArgumentTypeError

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any


#: What ``output_padding`` must stay below: the stride, or the larger of stride and
#: dilation.
OutputPaddingLimit = str

_LAYERS = {
    Family.CONV: "convolutions",
    Family.POOL: "pooling layers",
    Family.TRANSPOSE: "transposed convolutions",
}


def _or(items: Sequence[str]) -> str:
    items = list(items)
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " or " + items[-1]


def _shown(padding: Any) -> str:
    if isinstance(padding, (tuple, list)):
        return ",".join(shown(p) for p in padding)
    return padding if isinstance(padding, str) else shown(padding)


def _joined(values: Sequence[int]) -> str:
    return "x".join(str(v) for v in values)


@value
class Convention:
    """One framework's rules for convolution, pooling and transposed convolution.

    Attributes:
        name: the framework's key (``"keras"``, ``"torch"``).
        title: its name in prose.
        padding_words: per family, the padding words the framework takes.
        padding_cells: families that take a number of cells on each side (an int).
        default_padding: per family, the padding when none is given.
        causal_axes: the number of spatial axes that may take ``'causal'`` (Keras: only
            Conv1D), or None.
        strided_dilation: whether a stride > 1 may go with a dilation > 1.
        same_strided: whether ``'same'`` convolution padding allows a stride > 1.
        pool_ceil_mode: whether pooling has a round-up option (``ceil_mode``).
        pool_dilation: whether pooling takes a dilation.
        pool_padding_half: pooling padding must be at most ``kernel // 2`` a side.
        output_padding_none: ``output_padding=None`` is a value of its own (Keras: "let
            the size be inferred"); otherwise the default is 0.
        output_padding_limit: what output_padding must stay below: ``"stride"`` or
            ``"stride or dilation"``.
        extra_hint: per family, what to do instead of a refused number of cells.
        spellings: per family, the framework's padding words (lower case) that the core
            spells otherwise, and the core's word for each (ONNX ``same_upper`` is the
            core's ``same``); a word not listed is the core's own.
        padding_pairs: families that take a ``(before, after)`` pair.
        pool_stride_window: pooling's stride defaults to the window (else to 1: ONNX,
            Flax).
        last_window: what rounding up does with a last window that starts in the
            padding after the input: ``"drop"`` or ``"keep"`` (see
            [`pool_output_size`][convdims.pool_output_size]).
        ceil_always: families that always round up (Caffe's pooling).
        empty_output: families where a window that does not fit gives an empty axis (0)
            instead of an error.
        run_here: whether the tests check these rules against the real engine here
            (else they are cited from its source: ``source``).
        source: where the rules come from: the engine and version checked, or the
            file and line cited.
        no_output_padding: for a framework whose transposed convolution has no
            output_padding, its layer's name and what to do instead (after "(got N)").
        rounding_hint: what follows "has no rounding option" when a rounding is given.
    """

    name: str
    title: str
    padding_words: Mapping[Family, tuple[str, ...]]
    padding_cells: frozenset[Family]
    default_padding: Mapping[Family, Any]
    causal_axes: int | None = None
    strided_dilation: bool = True
    same_strided: bool = True
    pool_ceil_mode: bool = True
    pool_dilation: bool = True
    pool_padding_half: bool = False
    output_padding_none: bool = False
    output_padding_limit: OutputPaddingLimit = "stride"
    extra_hint: Mapping[str, str] = field(default_factory=dict)
    spellings: Mapping[Family, Mapping[str, str]] = field(default_factory=dict)
    padding_pairs: frozenset[Family] = frozenset()
    pool_stride_window: bool = True
    last_window: str = "drop"
    ceil_always: frozenset[Family] = frozenset()
    empty_output: frozenset[Family] = frozenset()
    run_here: bool = True
    source: str = ""
    no_output_padding: tuple[str, str] | None = None
    rounding_hint: str = " (dimRoundingMode is TF.js's); leave it out"

    #: Whether a transposed convolution's numeric padding pads the stride-dilated input
    #: (XLA's ``lax.conv_transpose``) instead of cropping the full output.
    transpose_pads_input = False

    # Predicates: what the lookalikes ask ------------------------------------------

    def takes_padding(self, family: Family | str, padding: Any, axes: int = 1) -> bool:
        """Whether the framework accepts ``padding`` (a word or a number of cells).

        Examples:
            >>> get("keras").takes_padding("conv", "causal"), get("torch").takes_padding(
            ...     "conv", 1)
            (True, True)
            >>> get("keras").takes_padding("conv", "causal", axes=2)
            False
        """
        family = _family(family)
        if isinstance(padding, str):
            if padding.lower() not in self.padding_words[family]:
                return False
            return padding.lower() != "causal" or axes == self.causal_axes
        if isinstance(padding, (tuple, list)):
            return family in self.padding_pairs and len(padding) == 2
        return (
            family in self.padding_cells
            and isinstance(padding, int)
            and not isinstance(padding, bool)
        )

    def core_padding(self, family: Family | str, padding: Any) -> Any:
        """``padding`` in the core's terms: the core's word for the framework's, an int
        or a ``(before, after)`` pair as given.

        Examples:
            >>> get("keras").core_padding("conv", "SAME"), get("torch").core_padding(
            ...     "conv", 2)
            ('same', 2)
        """
        family = _family(family)
        if isinstance(padding, str):
            word = padding.lower()
            return self.spellings.get(family, {}).get(word, word)
        if isinstance(padding, list):
            return tuple(padding)
        return padding

    def default_stride(self, family: Family | str, kernel_size: int) -> int:
        """The stride when none is given: the window for pooling (unless the framework
        says 1), else 1."""
        family = _family(family)
        return kernel_size if family is Family.POOL and self.pool_stride_window else 1

    def pool_padding_bound(self, kernel_size: int) -> int | None:
        """The most padding a pooling window of ``kernel_size`` may have a side (None:
        no bound of the framework's own).

        Examples:
            >>> get("torch").pool_padding_bound(3), get("keras").pool_padding_bound(3)
            (1, None)
        """
        return kernel_size // 2 if self.pool_padding_half else None

    def output_padding_bound(self, stride: int, dilation: int = 1) -> int:
        """The smallest output_padding the framework refuses for this stride/dilation.

        Examples:
            >>> keras, torch = get("keras"), get("torch")
            >>> keras.output_padding_bound(2, 3), torch.output_padding_bound(2, 3)
            (2, 3)
        """
        if self.output_padding_limit == "stride":
            return stride
        return max(stride, dilation)

    def refuses_strided_dilation(
        self, strides: Sequence[int], dilations: Sequence[int]
    ) -> bool:
        """Whether the framework refuses this mix of strides and dilations."""
        return not self.strided_dilation and max(strides) > 1 and max(dilations) > 1

    # The checks the command line (and any caller) runs -------------------------------

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
        """Refuse what this framework refuses: one
        [`ArgumentError`][convdims.ArgumentError] per rule.

        Args:
            family: ``"conv"``, ``"pool"`` or ``"transpose"``.
            paddings: one per spatial axis: a word, an int, or a ``(before, after)``
                pair.
            strides: one per axis (None: the framework's default).
            dilations: one per axis.
            kernel_sizes: one per axis (for the pooling padding bound).
            ceil_mode: pooling's round-up flag.
            output_paddings: transposed convolutions, one per axis (None: not given).
            axes: the spatial axes of the layer, when the lists describe fewer (one
                axis checked at a time); default ``len(paddings)``.

        Raises:
            ArgumentError: with ``argument`` one of ``padding``, ``dilation``,
                ``ceil_mode``, ``output_padding``.

        Examples:
            >>> try:
            ...     get("keras").check("conv", paddings=["same"], strides=[2],
            ...                        dilations=[2])
            ... except ValueError as error:
            ...     print(error.argument, "|", error)  # doctest: +ELLIPSIS
            dilation | Keras rejects strides > 1 together with dilation_rate > 1 ...
        """
        family = _family(family)
        axes = len(paddings) if axes is None else axes
        # Integers only; their range is the core's to check (after the framework's rules,
        # as the frameworks themselves do).
        strides = [None if s is None else as_int("stride", s) for s in strides]
        dilations = [as_int("dilation", d) for d in dilations]
        if kernel_sizes is not None:
            kernel_sizes = [as_int("kernel_size", k) for k in kernel_sizes]
        if not isinstance(ceil_mode, bool):
            raise ArgumentTypeError(
                f"ceil_mode must be True or False, got {shown(ceil_mode)}",
                argument="ceil_mode",
                value=ceil_mode,
                valid="True or False",
            )
        layer = LayerArguments(
            paddings=list(paddings),
            strides=strides,
            dilations=dilations,
            kernel_sizes=kernel_sizes,
            ceil_mode=ceil_mode,
            output_paddings=None if output_paddings is None else list(output_paddings),
            axes=axes,
        )
        self._refuse_first(family, layer)
        concrete = [1 if s is None else s for s in strides]
        for padding in paddings:
            self._check_padding(family, padding, axes)
        if family is Family.CONV:
            if not self.same_strided and "same" in paddings and max(concrete) > 1:
                self._refuse(
                    "padding",
                    "same",
                    f"{self.title} rejects padding='same' when a stride is not 1; give "
                    "the padding as an int instead",
                    "an int (cells on each side), or 'same' at stride 1",
                )
        if family in (Family.CONV, Family.TRANSPOSE):
            if self.refuses_strided_dilation(concrete, dilations):
                self._refuse(
                    "dilation",
                    list(dilations),
                    f"{self.title} rejects strides > 1 together with dilation_rate > 1 "
                    f"(got stride {_joined(concrete)}, dilation {_joined(dilations)}); "
                    "use stride 1 or dilation 1",
                    "stride 1 or dilation 1",
                )
        if family is Family.POOL:
            if ceil_mode and not self.pool_ceil_mode:
                self._refuse(
                    "ceil_mode",
                    True,
                    f"{self.title} pooling has no ceil_mode (it is PyTorch's); padding "
                    f"'same' is how {self.title} keeps the last window",
                    "no ceil_mode",
                )
            if max(dilations) > 1 and not self.pool_dilation:
                self._refuse(
                    "dilation",
                    list(dilations),
                    f"{self.title} pooling layers have no dilation",
                    "dilation 1",
                )
            if kernel_sizes is not None:
                for padding, kernel in zip(paddings, kernel_sizes, strict=False):
                    self._check_pool_padding(padding, kernel)
        if family is Family.TRANSPOSE and output_paddings is not None:
            if not self.output_padding_none and any(op is None for op in output_paddings):
                self._refuse(
                    "output_padding",
                    None,
                    f"{self.title} has no output_padding=None (that is Keras); its "
                    "default is 0",
                    "an int of 0 or more",
                )
            for extra in output_paddings if self.no_output_padding else ():
                if extra not in (None, 0):
                    layer_name, instead = self.no_output_padding
                    self._refuse(
                        "output_padding",
                        extra,
                        f"{self.title}'s {layer_name} has no output_padding (got "
                        f"{shown(extra)}){instead}",
                        "0 (none)",
                    )
        self._refuse_more(family, layer)

    def _refuse_first(self, family: Family, layer: LayerArguments) -> None:
        """A framework's own refusals that come before the common ones (none here)."""

    def _refuse_more(self, family: Family, layer: LayerArguments) -> None:
        """A framework's own refusals after the common ones (none here)."""

    def _check_padding(self, family: Family, padding: Any, axes: int) -> None:
        if self.takes_padding(family, padding, axes):
            return
        words = self.padding_words[family]
        if isinstance(padding, str) and padding.lower() == "causal" and "causal" in words:
            self._refuse(
                "padding",
                padding,
                f"{self.title} accepts 'causal' only in Conv1D, and this input has "
                f"{axes} axes",
                "'valid' or 'same'",
            )
        accepted = [repr(w) for w in words]
        if family in self.padding_cells:
            accepted.insert(0, "an int")
        hint = ""
        if not isinstance(padding, str):
            template = self.extra_hint.get("pair" if isinstance(padding, tuple) else "int")
            hint = template.format(axes=axes, padding=_shown(padding)) if template else ""
        self._refuse(
            "padding",
            padding,
            f"{self.title} {_LAYERS[family]} take padding {_or(accepted)}, not "
            f"{_shown(padding)!r}{hint}",
            _or(accepted),
        )

    def _check_pool_padding(self, padding: Any, kernel: int) -> None:
        if kernel < 1 or isinstance(padding, str):
            return  # the core refuses a kernel below 1
        bound = self.pool_padding_bound(kernel)
        if bound is None:
            return
        amounts = padding if isinstance(padding, (tuple, list)) else (padding, padding)
        for side, amount in zip(("before", "after"), amounts, strict=False):
            if amount > bound:
                self._refuse(
                    "padding",
                    padding,
                    f"padding={shown(padding)} puts {amount} cell(s) {side} the input, but "
                    f"pooling padding must be at most half of pool_size={kernel} "
                    f"(pool_size // 2 = {bound}), as {self.title} requires; use a "
                    f"padding of 0..{bound}",
                    f"0..{bound}",
                )

    @staticmethod
    def _refuse(argument: str, value: Any, message: str, valid: str) -> None:
        raise ArgumentError(message, argument=argument, value=value, valid=valid)

    # One axis, the framework's way ------------------------------------------------

    def layer_options(
        self,
        family: Family | str,
        paddings: Sequence[Any],
        dilations: Sequence[int] | None = None,
    ) -> dict[str, Any]:
        """Keyword arguments of [`resolve`][convdims.conventions.Convention.resolve] that
        depend on the whole layer, not on one axis (Caffe drops a pooling window on
        every axis when any axis is padded; ONNX Runtime's MaxPool asks whether any axis
        is dilated); none for most frameworks.

        Examples:
            >>> get("torch").layer_options("pool", [1, 0])
            {}
            >>> get("caffe").layer_options("pool", [1, 0])
            {'layer_padded': True}
            >>> get("onnx").layer_options("pool", [0, 0], [1, 2])
            {'dilations': [1, 2]}
        """
        return {}

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
        """One axis of a layer as this framework computes it, in the core's terms.

        Applies the framework's defaults (padding, stride, output_padding), refuses what
        it refuses, and maps its words onto the core's.

        Args:
            family: ``"conv"``, ``"pool"`` or ``"transpose"``.
            input_size: I, as in the core.
            kernel_size: k.
            stride: S; None is the framework's default.
            padding: the framework's own spelling (case-insensitive words); None is its
                default.
            dilation: d.
            ceil_mode: the framework's round-up option for pooling.
            output_padding: transposed convolutions; ``"default"`` is the framework's
                (Keras: None, PyTorch: 0).
            axes: the layer's spatial axes (for rules such as Keras's 1-D-only
                ``'causal'``).
            rounding: how a numeric padding's division rounds, for frameworks that
                take it (TF.js's ``dimRoundingMode``); None is the framework's way.

        Raises:
            ArgumentError: the framework refuses the arguments, or the core does.

        Examples:
            >>> rule = get("keras").resolve("pool", 11, 2, padding="same")
            >>> rule.stride, rule.padding, rule.output_size
            (2, 'same', 6)
        """
        family = _family(family)
        positive_int("input_size", input_size)
        if rounding is not None:
            self._refuse(
                "rounding",
                rounding,
                f"{self.title} has no rounding option{self.rounding_hint}",
                "no rounding option",
            )
        if padding is None:
            padding = self.default_padding[family]
        if output_padding == "default":
            output_padding = None if self.output_padding_none else 0
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
        return self._adjust(
            AxisRule(
                framework=self.name,
                family=family,
                input_size=input_size,
                kernel_size=kernel_size,
                stride=self.default_stride(family, kernel_size)
                if stride is None
                else stride,
                padding=self.core_padding(family, padding),
                dilation=dilation,
                ceil_mode=bool(ceil_mode) or family in self.ceil_always,
                last_window=self.last_window,
                output_padding=output_padding if family is Family.TRANSPOSE else None,
                empty_allowed=family in self.empty_output,
            )
        )

    def _adjust(self, rule: AxisRule) -> AxisRule:
        """A framework's own change to the common answer for one axis (none here)."""
        return rule

    def output_size(
        self,
        family: Family | str,
        input_size: int,
        kernel_size: int,
        stride: int | None = None,
        padding: Any = None,
        dilation: int = 1,
        ceil_mode: bool = False,
        output_padding: Any = "default",
    ) -> int:
        """The output size along one axis under this framework's rules and defaults
        (0: the framework gives an empty axis); arguments as
        [`resolve`][convdims.conventions.Convention.resolve].

        Raises:
            ArgumentError: the framework refuses the arguments, or the core does.

        Examples:
            >>> keras, torch = get("keras"), get("torch")
            >>> keras.output_size("conv", 11, 2, 2, "same"), torch.output_size(
            ...     "conv", 11, 2, 2, 1)
            (6, 6)
            >>> keras.output_size("transpose", 12, 3, 2), torch.output_size(
            ...     "transpose", 12, 3, 2)
            (25, 25)
        """
        return self.resolve(
            family,
            input_size,
            kernel_size,
            stride,
            padding,
            dilation,
            ceil_mode,
            output_padding,
        ).output_size


def get(framework: str) -> Convention:
    """The rules of ``framework`` (one of ``FRAMEWORKS``)."""
    from convdims.conventions import get as get_

    return get_(framework)

"""The per-axis answer of a framework's rules, in the core's terms
([`AxisRule`][convdims.conventions.AxisRule]), and the layer families whose rules
differ."""

from __future__ import annotations

from convdims._checks import shown
from convdims._compat import StrEnum
from convdims._values import value
from convdims.errors import ArgumentError

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Sequence
    from typing import Any


class Family(StrEnum):
    """The layer families whose rules differ: convolution, pooling, transposed."""

    CONV = "conv"
    POOL = "pool"
    TRANSPOSE = "transpose"


def _family(family: Any) -> Family:
    try:
        return Family(family)
    except ValueError:
        raise ArgumentError(
            f"family={shown(family)} is not a layer family; use 'conv', 'pool' or "
            "'transpose'",
            argument="family",
            value=family,
            valid="'conv', 'pool' or 'transpose'",
        ) from None


@value
class LayerArguments:
    """A whole layer's arguments as
    [`Convention.check`][convdims.conventions.Convention.check] has them, one entry per
    spatial axis (integers checked), for the checks a framework adds to the common
    ones."""

    paddings: Sequence[Any]
    strides: Sequence[int | None]
    dilations: Sequence[int]
    kernel_sizes: Sequence[int] | None
    ceil_mode: bool
    output_paddings: Sequence[int | None] | None
    axes: int


@value
class AxisRule:
    """One axis of one framework's layer, in the core's terms: what the core computes.

    ``padding`` is the core's (a word of [`PADDING_WORDS`][convdims.PADDING_WORDS], an
    int, or a ``(before, after)`` pair); ``stride`` is concrete; ``padding_only``: the
    framework's pooling takes windows of padding only (the core's option of that name).

    Examples:
        >>> from convdims import conventions
        >>> rule = conventions.get("torch").resolve("pool", 11, 2, padding=1,
        ...                                         ceil_mode=True)
        >>> rule.output_size, rule.empty, rule.geometry().window_starts
        (6, False, (0, 2, 4, 6, 8, 10))
    """

    framework: str
    family: Family
    input_size: int
    kernel_size: int
    stride: int
    padding: Any
    dilation: int = 1
    ceil_mode: bool = False
    last_window: str = "drop"
    output_padding: int | None = None
    empty_allowed: bool = False
    padding_only: bool = False

    @property
    def empty(self) -> bool:
        """Whether the window does not fit and the framework gives an empty axis."""
        if not self.empty_allowed or self.family is Family.TRANSPOSE:
            return False
        from convdims.padding import explicit_padding
        from convdims.window import effective_kernel

        before, after = explicit_padding(
            self.padding, self.input_size, self.kernel_size, self.stride, self.dilation
        )
        padded = before + self.input_size + after
        return padded < effective_kernel(self.kernel_size, self.dilation)

    def core_arguments(self) -> dict[str, Any]:
        """The keyword arguments of the core's function (and derivation) for this axis."""
        arguments: dict[str, Any] = {
            "input_size": self.input_size,
            "stride": self.stride,
            "padding": self.padding,
            "dilation": self.dilation,
        }
        if self.family is Family.POOL:
            arguments["pool_size"] = self.kernel_size
            arguments["ceil_mode"] = self.ceil_mode
            arguments["last_window"] = self.last_window
            if self.padding_only:
                arguments["padding_only"] = True
        else:
            arguments["kernel_size"] = self.kernel_size
        if self.family is Family.TRANSPOSE:
            arguments["output_padding"] = self.output_padding
        return arguments

    def geometry(self) -> Any:
        """The core's [`AxisGeometry`][convdims.AxisGeometry] of a convolution or pooling
        axis (None for a transposed convolution, or an empty axis)."""
        if self.family is Family.TRANSPOSE or self.empty:
            return None
        from convdims.convolution import conv_geometry
        from convdims.pooling import pool_geometry

        build = pool_geometry if self.family is Family.POOL else conv_geometry
        return build(**self.core_arguments())

    @property
    def output_size(self) -> int:
        """O, from the core (0 for an empty axis)."""
        if self.empty:
            return 0
        if self.family is Family.TRANSPOSE:
            from convdims.transposed import conv_transpose_output_size

            return conv_transpose_output_size(**self.core_arguments())
        return self.geometry().output_size

"""Derivations: the formula, the same formula with the numbers in it, and the result.

Each ``*_derivation`` function takes the arguments of the core function it explains
(:func:`~convdims.conv_output_size`, :func:`~convdims.pool_output_size`,
:func:`~convdims.conv_transpose_output_size`, :func:`~convdims.conv_params`, ...) and
returns a :class:`Derivation` in plain text (for terminals) and LaTeX (for the site, which
turns it into MathML at build time).

The numbers come from the core. The renderer only writes the formula down, once, as a
small expression tree that prints itself with symbols or with numbers; before returning,
it evaluates the printed numbers and checks that they give the core's result, so a typo
here or a broken formula in the core cannot go unnoticed.

Symbols, as on the site: I input size, k kernel size, S stride, P padding on each side
(P_b before and P_a after when they differ), d dilation, K = d(k - 1) + 1 the effective
kernel, a output padding, C input channels, D filters, G groups, m depth multiplier,
N input features, U units.

Examples:
    >>> d = conv_derivation(32, 3)
    >>> print(d.formula)
    O = floor((I - k + 2P)/S) + 1
    >>> print(d.substituted)
    floor((32 - 3 + 2*0)/1) + 1 = 30
    >>> print(d.substituted_latex)
    \\left\\lfloor \\frac{32 - 3 + 2\\cdot 0}{1} \\right\\rfloor + 1 = 30
"""

from __future__ import annotations

import math
import textwrap
from dataclasses import dataclass, field
from fractions import Fraction
from typing import Any

from convdims.convolution import conv_geometry, conv_output_size
from convdims.padding import same_padding
from convdims.parameters import (
    conv_params,
    dense_params,
    depthwise_conv_params,
    separable_conv_params,
)
from convdims.pooling import pool_geometry
from convdims.transposed import conv_transpose_output_size

__all__ = [
    "Derivation",
    "Step",
    "Symbol",
    "conv_derivation",
    "conv_params_derivation",
    "conv_transpose_derivation",
    "dense_params_derivation",
    "depthwise_conv_params_derivation",
    "pool_derivation",
    "separable_conv_params_derivation",
]


_NBSP = "\u00a0"  # textwrap does not break here

# --------------------------------------------------------------------------------------
# Values


@dataclass(frozen=True)
class Symbol:
    """A symbol of a formula, what it stands for, and its value here.

    Examples:
        >>> Symbol("I", "I", "input size", 32).text
        'I = 32 (input size)'
    """

    name: str
    latex: str
    meaning: str
    value: int

    @property
    def text(self) -> str:
        """``name = value (meaning)``."""
        return f"{self.name} = {self.value} ({self.meaning})"

    def as_dict(self) -> dict[str, Any]:
        """The symbol as JSON-ready data."""
        return {
            "symbol": self.name,
            "latex": self.latex,
            "meaning": self.meaning,
            "value": self.value,
        }


@dataclass(frozen=True)
class Step:
    """One equation: the general formula, then the numbers, then the value.

    Attributes:
        formula: the general formula in plain text, with its left-hand side
            (``O = floor((I - k + 2P)/S) + 1``).
        formula_latex: the same in LaTeX.
        substituted: the right-hand side with the numbers in place of the symbols,
            then ``= result`` (``floor((32 - 3 + 2*0)/1) + 1 = 30``).
        substituted_latex: the same in LaTeX.
        result: the value, as the core computes it.
    """

    formula: str
    formula_latex: str
    substituted: str
    substituted_latex: str
    result: int

    @property
    def text(self) -> str:
        """``formula = substituted`` on one line.

        Examples:
            >>> conv_derivation(11, 2, 2).text
            'O = floor((I - k + 2P)/S) + 1 = floor((11 - 2 + 2*0)/2) + 1 = 5'
        """
        return f"{self.formula} = {self.substituted}"

    @property
    def latex(self) -> str:
        """The whole chain in LaTeX, one equation: ``O = <formula> = <numbers> = 30``.

        Examples:
            >>> print(dense_params_derivation(2, 3).latex)
            \\mathrm{params} = (N + 1)\\cdot U = (2 + 1)\\cdot 3 = 9
        """
        return f"{self.formula_latex} = {self.substituted_latex}"

    def as_dict(self) -> dict[str, Any]:
        """The step as JSON-ready data."""
        return {
            "formula": self.formula,
            "formula_latex": self.formula_latex,
            "substituted": self.substituted,
            "substituted_latex": self.substituted_latex,
            "result": self.result,
        }


@dataclass(frozen=True)
class Derivation(Step):
    """How a result follows from its formula: the main equation and what supports it.

    Attributes:
        quantity: what is computed (``"output size"``, ``"parameters"``).
        steps: auxiliary equations shown before the main one (the effective kernel, the
            ``"same"`` padding, the count before PyTorch's last-window rule, ...).
        legend: every symbol of the formulas, what it means, and its value.
        notes: the convention in use, in words, with its numbers.

    Examples:
        >>> d = pool_derivation(11, 2, ceil_mode=True, padding=1)
        >>> d.result, d.substituted
        (6, 'ceil((11 - 2 + 2*1)/2) + 1 - 1 = 6')
        >>> print(d.render_text())  # doctest: +NORMALIZE_WHITESPACE
        O' = ceil((I - k + 2P)/S) + 1 = ceil((11 - 2 + 2*1)/2) + 1 = 7
        start = (O' - 1)*S = (7 - 1)*2 = 12
        O = ceil((I - k + 2P)/S) + 1 - 1
          = ceil((11 - 2 + 2*1)/2) + 1 - 1 = 6
        where I = 11 (input size), k = 2 (pool size), S = 2 (stride),
          P = 1 (padding on each side)
        note: S defaults to the pool size (k = 2).
        note: ceil_mode (PyTorch) rounds the division up, but the last window must start
          inside the input or the left padding: window 7 would start at 12, which is not
          before I + P = 12, so PyTorch drops it (7 - 1 = 6).
    """

    quantity: str = "output size"
    steps: tuple[Step, ...] = ()
    legend: tuple[Symbol, ...] = ()
    notes: tuple[str, ...] = field(default=())

    def render_text(self, width: int | None = 88) -> str:
        """Several lines of plain text: steps, the equation, its symbols, the notes.

        Args:
            width: wrap the legend and the notes to this many columns (continuation
                lines are indented by 2); None keeps each on one line.
        """
        lines = [step.text for step in self.steps]
        lhs = self.formula.partition(" = ")[0]
        lines.append(self.formula)
        lines.append(" " * len(lhs) + " = " + self.substituted)
        prose = []
        if self.legend:
            # No line break inside "P_b = 0 (padding before)": only between symbols.
            items = (symbol.text.replace(" ", _NBSP) for symbol in self.legend)
            prose.append("where " + ", ".join(items))
        prose.extend(f"note: {note}" for note in self.notes)
        for paragraph in prose:
            if width is None:
                lines.append(paragraph.replace(_NBSP, " "))
            else:
                lines.extend(
                    textwrap.wrap(
                        paragraph,
                        width,
                        subsequent_indent="  ",
                        break_on_hyphens=False,
                        break_long_words=False,
                    )
                )
        return "\n".join(lines).replace(_NBSP, " ")

    def as_dict(self) -> dict[str, Any]:
        """The derivation as JSON-ready data (the schema the CLI's ``--json`` prints).

        Examples:
            >>> sorted(conv_derivation(32, 3).as_dict())  # doctest: +NORMALIZE_WHITESPACE
            ['formula', 'formula_latex', 'legend', 'notes', 'quantity', 'result', 'steps',
             'substituted', 'substituted_latex']
        """
        data = super().as_dict()
        data["quantity"] = self.quantity
        data["steps"] = [step.as_dict() for step in self.steps]
        data["legend"] = [symbol.as_dict() for symbol in self.legend]
        data["notes"] = list(self.notes)
        return data


# --------------------------------------------------------------------------------------
# A tiny expression tree: written once, printed with symbols or with numbers, evaluated
# only to check the core's result.

_SUM, _PRODUCT, _ATOM = 1, 2, 3


class _Node:
    precedence = _ATOM

    def text(self, numbers: bool) -> str:
        raise NotImplementedError

    def latex(self, numbers: bool) -> str:
        raise NotImplementedError

    def value(self) -> Fraction:
        raise NotImplementedError


@dataclass(frozen=True)
class _Const(_Node):
    number: int

    def text(self, numbers: bool) -> str:
        return str(self.number)

    def latex(self, numbers: bool) -> str:
        return str(self.number)

    def value(self) -> Fraction:
        return Fraction(self.number)


@dataclass(frozen=True)
class _Var(_Node):
    symbol: Symbol

    def text(self, numbers: bool) -> str:
        return str(self.symbol.value) if numbers else self.symbol.name

    def latex(self, numbers: bool) -> str:
        return str(self.symbol.value) if numbers else self.symbol.latex

    def value(self) -> Fraction:
        return Fraction(self.symbol.value)


def _wrap(node: _Node, text: str, below: int) -> str:
    return f"({text})" if node.precedence <= below else text


@dataclass(frozen=True)
class _Sum(_Node):
    terms: tuple[tuple[int, _Node], ...]  # (sign +1 or -1, term)
    precedence = _SUM

    def _join(self, parts: list[tuple[int, str]]) -> str:
        out = parts[0][1] if parts[0][0] > 0 else "-" + parts[0][1]
        for sign, part in parts[1:]:
            out += (" + " if sign > 0 else " - ") + part
        return out

    def text(self, numbers: bool) -> str:
        return self._join(
            [(s, _wrap(t, t.text(numbers), _SUM if s < 0 else 0)) for s, t in self.terms]
        )

    def latex(self, numbers: bool) -> str:
        return self._join(
            [(s, _wrap(t, t.latex(numbers), _SUM if s < 0 else 0)) for s, t in self.terms]
        )

    def value(self) -> Fraction:
        return sum((s * t.value() for s, t in self.terms), Fraction(0))


@dataclass(frozen=True)
class _Product(_Node):
    factors: tuple[_Node, ...]
    precedence = _PRODUCT

    @staticmethod
    def _juxtaposed(left: _Node, right: _Node, numbers: bool) -> bool:
        """With symbols, write ``2P`` and ``d(k - 1)``, not ``2*P`` and ``d*(k - 1)``."""
        if numbers or not isinstance(left, (_Const, _Var)):
            return False
        return (isinstance(left, _Const) and isinstance(right, _Var)) or (
            right.precedence == _SUM
        )

    def _join(self, numbers: bool, latex: bool) -> str:
        out = ""
        previous: _Node | None = None
        for factor in self.factors:
            rendered = factor.latex(numbers) if latex else factor.text(numbers)
            # Sums always need parentheses; a fraction only in text ("3*3*(32/4)").
            if factor.precedence == _SUM or (isinstance(factor, _Frac) and not latex):
                rendered = f"({rendered})"
            if previous is not None and not self._juxtaposed(previous, factor, numbers):
                out += "\\cdot " if latex else "*"
            out += rendered
            previous = factor
        return out

    def text(self, numbers: bool) -> str:
        return self._join(numbers, latex=False)

    def latex(self, numbers: bool) -> str:
        return self._join(numbers, latex=True)

    def value(self) -> Fraction:
        return math.prod((f.value() for f in self.factors), start=Fraction(1))


@dataclass(frozen=True)
class _Frac(_Node):
    numerator: _Node
    denominator: _Node
    precedence = _PRODUCT

    def text(self, numbers: bool) -> str:
        top = _wrap(self.numerator, self.numerator.text(numbers), _PRODUCT)
        bottom = _wrap(self.denominator, self.denominator.text(numbers), _PRODUCT)
        return f"{top}/{bottom}"

    def latex(self, numbers: bool) -> str:
        top = self.numerator.latex(numbers)
        bottom = self.denominator.latex(numbers)
        return f"\\frac{{{top}}}{{{bottom}}}"

    def value(self) -> Fraction:
        return self.numerator.value() / self.denominator.value()


@dataclass(frozen=True)
class _Round(_Node):
    inner: _Node
    up: bool

    def text(self, numbers: bool) -> str:
        return f"{'ceil' if self.up else 'floor'}({self.inner.text(numbers)})"

    def latex(self, numbers: bool) -> str:
        left, right = ("\\lceil", "\\rceil") if self.up else ("\\lfloor", "\\rfloor")
        return f"\\left{left} {self.inner.latex(numbers)} \\right{right}"

    def value(self) -> Fraction:
        inner = self.inner.value()
        return Fraction(math.ceil(inner) if self.up else math.floor(inner))


@dataclass(frozen=True)
class _Max(_Node):
    first: _Node
    second: _Node

    def text(self, numbers: bool) -> str:
        return f"max({self.first.text(numbers)}, {self.second.text(numbers)})"

    def latex(self, numbers: bool) -> str:
        return f"\\max({self.first.latex(numbers)}, {self.second.latex(numbers)})"

    def value(self) -> Fraction:
        return max(self.first.value(), self.second.value())


@dataclass(frozen=True)
class _Mod(_Node):
    dividend: _Node
    divisor: _Node

    def text(self, numbers: bool) -> str:
        return f"({self.dividend.text(numbers)} mod {self.divisor.text(numbers)})"

    def latex(self, numbers: bool) -> str:
        return f"({self.dividend.latex(numbers)} \\bmod {self.divisor.latex(numbers)})"

    def value(self) -> Fraction:
        return self.dividend.value() % self.divisor.value()


def _add(*terms: _Node) -> _Sum:
    return _Sum(tuple((1, t) for t in terms))


def _signed(*terms: tuple[int, _Node]) -> _Sum:
    return _Sum(tuple(terms))


def _floor(inner: _Node) -> _Round:
    return _Round(inner, up=False)


def _ceil(inner: _Node) -> _Round:
    return _Round(inner, up=True)


ONE = _Const(1)
TWO = _Const(2)


def _step(lhs: str, lhs_latex: str, expression: _Node, expected: int, what: str) -> Step:
    """Write ``lhs = expression`` both ways, after checking it evaluates to ``expected``.

    ``expected`` is the core's number: a mismatch means the renderer's formula or the
    core's arithmetic is wrong, and nothing is printed rather than a false derivation.
    """
    value = expression.value()
    if value != expected:
        raise RuntimeError(
            f"the derivation of {what} does not agree with the core: "
            f"{expression.text(numbers=True)} evaluates to {value}, the core says "
            f"{expected}"
        )
    return Step(
        formula=f"{lhs} = {expression.text(numbers=False)}",
        formula_latex=f"{lhs_latex} = {expression.latex(numbers=False)}",
        substituted=f"{expression.text(numbers=True)} = {expected}",
        substituted_latex=f"{expression.latex(numbers=True)} = {expected}",
        result=expected,
    )


def _derivation(
    main: Step,
    quantity: str,
    steps: list[Step],
    legend: list[Symbol],
    notes: list[str],
) -> Derivation:
    return Derivation(
        formula=main.formula,
        formula_latex=main.formula_latex,
        substituted=main.substituted,
        substituted_latex=main.substituted_latex,
        result=main.result,
        quantity=quantity,
        steps=tuple(steps),
        legend=tuple(legend),
        notes=tuple(notes),
    )


# --------------------------------------------------------------------------------------
# Sliding windows: convolution and pooling


def _kernel_term(
    k: Symbol, dilation: int, effective: int
) -> tuple[_Node, list[Symbol], list[Step]]:
    """The kernel as it enters a formula: k itself, or, with dilation, the effective kernel
    K with its own step ``K = d(k - 1) + 1``. Returns the node, its symbols and steps."""
    if dilation == 1:
        return _Var(k), [k], []
    d = Symbol("d", "d", "dilation", dilation)
    big_k = Symbol("K", "K", "effective kernel", effective)
    step = _step(
        "K",
        "K",
        _add(_Product((_Var(d), _signed((1, _Var(k)), (-1, ONE)))), ONE),
        effective,
        "the effective kernel",
    )
    return _Var(big_k), [k, d, big_k], [step]


def _window_terms(
    input_size: int,
    kernel_size: int,
    dilation: int,
    effective: int,
    before: int,
    after: int,
    kernel_meaning: str,
) -> tuple[_Var, _Node, _Node, list[Step], list[Symbol]]:
    """The symbols I, k (or K), the padding term (2P or P_b + P_a) and the K step."""
    i = Symbol("I", "I", "input size", input_size)
    k = Symbol("k", "k", kernel_meaning, kernel_size)
    kernel, legend, steps = _kernel_term(k, dilation, effective)
    legend = [i, *legend]
    if before == after:
        p = Symbol("P", "P", "padding on each side", before)
        legend.append(p)
        pad: _Node = _Product((TWO, _Var(p)))
    else:
        pb = Symbol("P_b", "P_b", "padding before", before)
        pa = Symbol("P_a", "P_a", "padding after", after)
        legend += [pb, pa]
        pad = _add(_Var(pb), _Var(pa))
    return _Var(i), kernel, pad, steps, legend


def _ordered(legend: list[Symbol], stride: Symbol) -> list[Symbol]:
    """Put S after the kernel symbols, before the padding: I, k, S, P (as the site does)."""
    head = [s for s in legend if s.name in ("I", "k", "d", "K")]
    tail = [s for s in legend if s.name not in ("I", "k", "d", "K")]
    return head + [stride] + tail


def _cells(indices: tuple[int, ...]) -> str:
    shown = ", ".join(str(i) for i in indices[:8])
    return shown + (", ..." if len(indices) > 8 else "")


def _unvisited_note(unvisited: tuple[int, ...], dilation: int) -> list[str]:
    if not unvisited:
        return []
    why = (
        "the floor drops the windows that would need them"
        if dilation == 1
        else "they fall in the holes of the dilated kernel or past the last window"
    )
    return [
        f"no window reads input cell(s) {_cells(unvisited)} (0-based, "
        f"{len(unvisited)} in all): {why}."
    ]


def _same_steps(
    input_size: int,
    kernel_size: int,
    stride: int,
    dilation: int,
    output_size: int,
    i: _Var,
    kernel: _Node,
    s: _Var,
    pooling: bool,
) -> tuple[list[Step], list[str]]:
    """TensorFlow's 'same': O = ceil(I/S), then the total padding and its split."""
    before, after = same_padding(input_size, kernel_size, stride, dilation)
    o = Symbol("O", "O", "output size", output_size)
    steps = [
        _step("O", "O", _ceil(_Frac(i, s)), output_size, "the 'same' output size"),
        _step(
            "P_b + P_a",
            "P_b + P_a",
            _Max(
                _signed(
                    (1, _Product((_signed((1, _Var(o)), (-1, ONE)), s))),
                    (1, kernel),
                    (-1, i),
                ),
                _Const(0),
            ),
            before + after,
            "the 'same' total padding",
        ),
    ]
    who = "Keras" if pooling else "Keras/TensorFlow; PyTorch at stride 1"
    k_text = kernel.text(numbers=False)
    if before == after:
        notes = [
            f"padding='same' ({who}) keeps O = ceil(I/S) and pads {before} cell(s) "
            f"on each side."
        ]
    else:
        notes = [
            f"padding='same' ({who}) keeps O = ceil(I/S) and pads "
            f"max((O - 1)*S + {k_text} - I, 0) = {before + after} cell(s) in total: "
            f"P_b = {before} before, P_a = {after} after; the odd cell goes after "
            f"(right/bottom), as TensorFlow does."
        ]
    return steps, notes


def conv_derivation(
    input_size: int,
    kernel_size: int,
    stride: int = 1,
    padding: Any = 0,
    dilation: int = 1,
) -> Derivation:
    """Derive the output size of a convolution along one axis.

    Arguments and errors as :func:`convdims.conv_output_size`. The general formula is
    ``O = floor((I - K + P_b + P_a)/S) + 1`` with ``K = d(k - 1) + 1``; it is written
    with k when d = 1 and with 2P when the padding is symmetric.

    Examples:
        >>> d = conv_derivation(11, 2, stride=2, padding="same")
        >>> d.result
        6
        >>> print(d.render_text())  # doctest: +NORMALIZE_WHITESPACE
        O = ceil(I/S) = ceil(11/2) = 6
        P_b + P_a = max((O - 1)*S + k - I, 0) = max((6 - 1)*2 + 2 - 11, 0) = 1
        O = floor((I - k + P_b + P_a)/S) + 1
          = floor((11 - 2 + 0 + 1)/2) + 1 = 6
        where I = 11 (input size), k = 2 (kernel size), S = 2 (stride),
          P_b = 0 (padding before), P_a = 1 (padding after)
        note: padding='same' (Keras/TensorFlow; PyTorch at stride 1) keeps O = ceil(I/S)
          and pads max((O - 1)*S + k - I, 0) = 1 cell(s) in total: P_b = 0 before,
          P_a = 1 after; the odd cell goes after (right/bottom), as TensorFlow does.
        >>> conv_derivation(32, 3, dilation=2).steps[0].text
        'K = d(k - 1) + 1 = 2*(3 - 1) + 1 = 5'
    """
    geometry = conv_geometry(input_size, kernel_size, stride, padding, dilation)
    return _window_derivation(geometry, padding, "kernel size", "convolution", None)


def _window_derivation(
    geometry: Any,
    padding: Any,
    kernel_meaning: str,
    what: str,
    stride_given: int | None,
) -> Derivation:
    g = geometry
    i, kernel, pad, steps, legend = _window_terms(
        g.input_size,
        g.kernel_size,
        g.dilation,
        g.effective_kernel,
        g.pad_before,
        g.pad_after,
        kernel_meaning,
    )
    stride = Symbol("S", "S", "stride", g.stride)
    s = _Var(stride)
    legend = _ordered(legend, stride)
    notes: list[str] = []
    if what == "pooling" and stride_given is None:
        notes.append(f"S defaults to the pool size (k = {g.kernel_size}).")
    if padding == "same":
        same_steps, same_notes = _same_steps(
            g.input_size,
            g.kernel_size,
            g.stride,
            g.dilation,
            g.output_size,
            i,
            kernel,
            s,
            what == "pooling",
        )
        steps += same_steps
        notes += same_notes
        if what == "pooling":
            notes.append(
                "pooling ignores the padded cells (Keras's average excludes them)."
            )
    elif padding in ("full", "causal"):
        reach = "K - 1" if g.dilation != 1 else "k - 1"
        sides = "on each side" if padding == "full" else "before and none after"
        notes.append(
            f"padding={padding!r} pads {reach} = {g.pad_before} cell(s) {sides}"
            + (
                "; causal (Keras Conv1D only): output t reads no input after t."
                if padding == "causal"
                else "."
            )
        )
    span = _signed((1, i), (-1, kernel), (1, pad))
    ceil_mode = getattr(g, "ceil_mode", False)
    if not ceil_mode:
        main = _step(
            "O", "O", _add(_floor(_Frac(span, s)), ONE), g.output_size, f"the {what} size"
        )
    else:
        naive_node = _add(_ceil(_Frac(span, s)), ONE)
        naive = int(naive_node.value())
        if naive == g.output_size:
            main = _step("O", "O", naive_node, g.output_size, f"the {what} size")
            start = g.window_starts[-1]
            notes.append(
                f"ceil_mode (PyTorch) rounds the division up; the last window starts at "
                f"{start}, before I + P_b = {g.input_size + g.pad_before}, so it is kept"
                + (
                    f" (it reaches {g.overhang} cell(s) past the padded input; those "
                    "are ignored)."
                    if g.overhang
                    else "."
                )
            )
        elif naive == g.output_size + 1:
            o_naive = Symbol("O'", "O'", "count before the last-window rule", naive)
            steps.append(_step("O'", "O'", naive_node, naive, "the ceil_mode count"))
            start_node = _Product((_signed((1, _Var(o_naive)), (-1, ONE)), s))
            start = int(start_node.value())
            steps.append(_step("start", "\\text{start}", start_node, start, "the start"))
            if start < g.input_size + g.pad_before:
                raise RuntimeError(
                    f"the core dropped a last window that starts at {start}, inside "
                    f"I + P_b = {g.input_size + g.pad_before}"
                )
            main = _step(
                "O",
                "O",
                _signed((1, _ceil(_Frac(span, s))), (1, ONE), (-1, ONE)),
                g.output_size,
                f"the {what} size",
            )
            notes.append(
                f"ceil_mode (PyTorch) rounds the division up, but the last window must "
                f"start inside the input or the left padding: window {naive} would start "
                f"at {start}, which is not before I + P = {g.input_size + g.pad_before}, "
                f"so PyTorch drops it ({naive} - 1 = {g.output_size})."
                if g.pad_before == g.pad_after
                else f"ceil_mode (PyTorch) rounds the division up, but the last window "
                f"must start inside the input or the left padding: window {naive} would "
                f"start at {start}, which is not before I + P_b = "
                f"{g.input_size + g.pad_before}, so PyTorch drops it "
                f"({naive} - 1 = {g.output_size})."
            )
        else:
            raise RuntimeError(
                f"ceil_mode: the rounded-up count {naive} and the core's "
                f"{g.output_size} differ by more than the last-window rule allows"
            )
    notes += _unvisited_note(g.unvisited_inputs, g.dilation)
    return _derivation(main, "output size", steps, legend, notes)


def pool_derivation(
    input_size: int,
    pool_size: int,
    stride: int | None = None,
    padding: Any = 0,
    dilation: int = 1,
    ceil_mode: bool = False,
) -> Derivation:
    """Derive the output size of max or average pooling along one axis.

    Arguments and errors as :func:`convdims.pool_output_size`: the stride defaults to
    the pool size, ``ceil_mode`` rounds up under PyTorch's last-window rule.

    Examples:
        >>> d = pool_derivation(30, 2)
        >>> d.text
        'O = floor((I - k + 2P)/S) + 1 = floor((30 - 2 + 2*0)/2) + 1 = 15'
        >>> pool_derivation(112, 3, 2, 1, ceil_mode=True).substituted
        'ceil((112 - 3 + 2*1)/2) + 1 = 57'
    """
    geometry = pool_geometry(input_size, pool_size, stride, padding, dilation, ceil_mode)
    return _window_derivation(geometry, padding, "pool size", "pooling", stride)


# --------------------------------------------------------------------------------------
# Transposed convolution


def conv_transpose_derivation(
    input_size: int,
    kernel_size: int,
    stride: int = 1,
    padding: Any = 0,
    output_padding: int | None = None,
    dilation: int = 1,
) -> Derivation:
    """Derive the output size of a transposed convolution along one axis.

    Arguments and errors as :func:`convdims.conv_transpose_output_size`. An int (or a
    ``(before, after)`` pair) is PyTorch's padding: ``O = (I - 1)S - 2P + K + a``; the
    words ``"valid"`` and ``"same"`` are Keras's, where ``output_padding=None`` and 0
    differ.

    Examples:
        >>> conv_transpose_derivation(12, 3, 2, 1).text
        'O = (I - 1)*S - 2P + k + a = (12 - 1)*2 - 2*1 + 3 + 0 = 23'
        >>> conv_transpose_derivation(12, 3, 2, "same").text
        'O = I*S = 12*2 = 24'
        >>> conv_transpose_derivation(12, 3, 2, "same", output_padding=0).text
        'O = (I - 1)*S + (k mod 2) + a = (12 - 1)*2 + (3 mod 2) + 0 = 23'
    """
    output = conv_transpose_output_size(
        input_size, kernel_size, stride, padding, output_padding, dilation
    )
    size, kernel_cells, step, dil = input_size, kernel_size, stride, dilation
    effective = dil * (kernel_cells - 1) + 1
    i = Symbol("I", "I", "input size", size)
    k = Symbol("k", "k", "kernel size", kernel_cells)
    s = Symbol("S", "S", "stride", step)
    kernel, legend, steps = _kernel_term(k, dil, effective)
    legend = [i, *legend, s]
    i_minus_1_s = _Product((_signed((1, _Var(i)), (-1, ONE)), _Var(s)))
    notes: list[str] = []
    what = "the transposed convolution size"
    if isinstance(padding, str):
        if output_padding is None:
            if padding == "valid":
                expression: _Node = _add(
                    _Product((_Var(i), _Var(s))),
                    _Max(_signed((1, kernel), (-1, _Var(s))), _Const(0)),
                )
            else:
                expression = _Product((_Var(i), _Var(s)))
            other = _other_size(size, kernel_cells, step, padding, 0, dil)
            notes.append(
                f"Keras with output_padding=None (its default) infers the extra cells; "
                f"output_padding=0 {_would_give(other, output)}"
            )
        else:
            a = Symbol("a", "a", "output padding", output_padding)
            legend.append(a)
            if padding == "valid":
                expression = _add(i_minus_1_s, kernel, _Var(a))
            else:
                expression = _add(i_minus_1_s, _Mod(kernel, TWO), _Var(a))
            other = _other_size(size, kernel_cells, step, padding, None, dil)
            notes.append(
                f"Keras: output_padding={output_padding} is not the same as None (the "
                f"default), which {_would_give(other, output)}"
            )
    else:
        if isinstance(padding, (tuple, list)):
            before, after = int(padding[0]), int(padding[1])
        else:
            before = after = int(padding)
        a = Symbol("a", "a", "output padding", output_padding or 0)
        if before == after:
            p = Symbol("P", "P", "padding (cropped from each side)", before)
            legend.append(p)
            crop: list[tuple[int, _Node]] = [(-1, _Product((TWO, _Var(p))))]
        else:
            pb = Symbol("P_b", "P_b", "padding cropped before", before)
            pa = Symbol("P_a", "P_a", "padding cropped after", after)
            legend += [pb, pa]
            crop = [(-1, _Var(pb)), (-1, _Var(pa))]
        legend.append(a)
        expression = _signed((1, i_minus_1_s), *crop, (1, kernel), (1, _Var(a)))
        notes.append(
            "PyTorch: padding crops cells off both ends of the full output "
            "(I - 1)*S + K; output_padding (a) adds cells at the end and must be smaller "
            "than the stride or the dilation."
        )
    main = _step("O", "O", expression, output, what)
    notes += _preimage_note(size, kernel_cells, step, padding, dil, output)
    return _derivation(main, "output size", steps, legend, notes)


def _other_size(
    size: int, kernel: int, stride: int, padding: Any, extra: int | None, dilation: int
) -> int | None:
    """The core's size for another output_padding, or None where the core rejects it."""
    try:
        return conv_transpose_output_size(size, kernel, stride, padding, extra, dilation)
    except ValueError:
        return None


def _would_give(other: int | None, output: int) -> str:
    if other is None:
        return "would leave no output at all here."
    return f"would give {other}" + (" (the same here)." if other == output else ".")


def _preimage_note(
    size: int, kernel: int, stride: int, padding: Any, dilation: int, output: int
) -> list[str]:
    """Which sizes a forward convolution with the same settings maps back to I."""
    if stride == 1:
        return []
    effective = dilation * (kernel - 1) + 1
    low = max(1, (size - 1) * stride - effective)
    candidates = []
    for n in range(low, (size + 1) * stride + 2 * effective):
        try:
            if conv_output_size(n, kernel, stride, padding, dilation) == size:
                candidates.append(n)
        except ValueError:
            continue
    if len(candidates) < 2:
        return []
    listed = ", ".join(str(n) for n in candidates)
    picked = "this picks" if output in candidates else "none of them is"
    return [
        f"a forward convolution with these settings maps each of {listed} to {size}, "
        f"so the transpose must choose: {picked} {output}."
        if output in candidates
        else f"a forward convolution with these settings maps each of {listed} to "
        f"{size}; this output ({output}) is none of them."
    ]


# --------------------------------------------------------------------------------------
# Parameter counts

_PARAMS_LHS, _PARAMS_LATEX = "params", "\\mathrm{params}"
_AXIS_NAMES = {1: ("",), 2: ("h", "w"), 3: ("d", "h", "w")}


def _kernel_factors(kernel_size: int | tuple[int, ...]) -> tuple[list[_Node], list[Symbol]]:
    """k*k for an int (a square 2-D kernel, as the core reads it), k_h*k_w for a pair..."""
    if isinstance(kernel_size, (tuple, list)):
        sizes = tuple(kernel_size)
        names = _AXIS_NAMES.get(len(sizes), tuple(str(n + 1) for n in range(len(sizes))))
        symbols = [
            Symbol(
                f"k_{n}" if n else "k",
                f"k_{{{n}}}" if n else "k",
                f"kernel size{' along ' + n if n else ''}",
                v,
            )
            for n, v in zip(names, sizes, strict=True)
        ]
        return [_Var(sym) for sym in symbols], symbols
    k = Symbol("k", "k", "kernel size on both axes", kernel_size)
    return [_Var(k), _Var(k)], [k]


def _split(total: int, weights: int, use_bias: bool) -> list[str]:
    if not use_bias:
        return [f"no bias: {total:,} weights."]
    return [f"{weights:,} weights + {total - weights:,} biases = {total:,}."]


def conv_params_derivation(
    kernel_size: int | tuple[int, ...],
    in_channels: int,
    filters: int,
    use_bias: bool = True,
    groups: int = 1,
) -> Derivation:
    """Derive the parameter count of a convolution.

    Arguments and errors as :func:`convdims.conv_params`: ``(k*k*C/G + 1)*D``, without
    the ``+ 1`` when there is no bias.

    Examples:
        >>> conv_params_derivation(3, 3, 5).text
        'params = (k*k*C + 1)*D = (3*3*3 + 1)*5 = 140'
        >>> conv_params_derivation(3, 32, 64, groups=4).substituted
        '(3*3*(32/4) + 1)*64 = 4672'
        >>> conv_params_derivation((3, 5), 2, 4, use_bias=False).text
        'params = k_h*k_w*C*D = 3*5*2*4 = 120'
    """
    total = conv_params(kernel_size, in_channels, filters, use_bias, groups)
    weights = conv_params(kernel_size, in_channels, filters, False, groups)
    factors, legend = _kernel_factors(kernel_size)
    c = Symbol("C", "C", "input channels", in_channels)
    d = Symbol("D", "D", "filters", filters)
    legend += [c, d]
    channels: _Node = _Var(c)
    notes = []
    if groups != 1:
        g = Symbol("G", "G", "groups", groups)
        legend.append(g)
        channels = _Frac(_Var(c), _Var(g))
        notes.append(
            f"groups: each filter sees C/G = {in_channels // groups} of the "
            f"{in_channels} input channels."
        )
    if use_bias:
        expression: _Node = _Product((_add(_Product((*factors, channels)), ONE), _Var(d)))
    else:
        expression = _Product((*factors, channels, _Var(d)))
    notes += _split(total, weights, use_bias)
    main = _step(_PARAMS_LHS, _PARAMS_LATEX, expression, total, "the conv parameters")
    return _derivation(main, "parameters", [], legend, notes)


def depthwise_conv_params_derivation(
    kernel_size: int | tuple[int, ...],
    in_channels: int,
    depth_multiplier: int = 1,
    use_bias: bool = True,
) -> Derivation:
    """Derive the parameter count of a depthwise convolution: ``(k*k + 1)*C*m``.

    Examples:
        >>> depthwise_conv_params_derivation(3, 32).text
        'params = (k*k + 1)*C*m = (3*3 + 1)*32*1 = 320'
    """
    total = depthwise_conv_params(kernel_size, in_channels, depth_multiplier, use_bias)
    weights = depthwise_conv_params(kernel_size, in_channels, depth_multiplier, False)
    factors, legend = _kernel_factors(kernel_size)
    c = Symbol("C", "C", "input channels", in_channels)
    m = Symbol("m", "m", "depth multiplier", depth_multiplier)
    legend += [c, m]
    if use_bias:
        expression: _Node = _Product(
            (_add(_Product(tuple(factors)), ONE), _Var(c), _Var(m))
        )
    else:
        expression = _Product((*factors, _Var(c), _Var(m)))
    notes = ["each of the C*m output channels has its own kernel over one input channel."]
    notes += _split(total, weights, use_bias)
    main = _step(_PARAMS_LHS, _PARAMS_LATEX, expression, total, "the depthwise parameters")
    return _derivation(main, "parameters", [], legend, notes)


def separable_conv_params_derivation(
    kernel_size: int | tuple[int, ...],
    in_channels: int,
    filters: int,
    depth_multiplier: int = 1,
    use_bias: bool = True,
) -> Derivation:
    """Derive the parameter count of a depthwise-separable convolution.

    ``k*k*C*m`` depthwise weights, ``C*m*D`` pointwise weights, ``D`` biases.

    Examples:
        >>> separable_conv_params_derivation(3, 32, 64).text
        'params = k*k*C*m + C*m*D + D = 3*3*32*1 + 32*1*64 + 64 = 2400'
    """
    total = separable_conv_params(
        kernel_size, in_channels, filters, depth_multiplier, use_bias
    )
    weights = separable_conv_params(
        kernel_size, in_channels, filters, depth_multiplier, False
    )
    factors, legend = _kernel_factors(kernel_size)
    c = Symbol("C", "C", "input channels", in_channels)
    m = Symbol("m", "m", "depth multiplier", depth_multiplier)
    d = Symbol("D", "D", "filters", filters)
    legend += [c, m, d]
    terms: list[_Node] = [
        _Product((*factors, _Var(c), _Var(m))),
        _Product((_Var(c), _Var(m), _Var(d))),
    ]
    if use_bias:
        terms.append(_Var(d))
    notes = ["the depthwise step has no bias of its own; the pointwise step has D."]
    notes += _split(total, weights, use_bias)
    main = _step(
        _PARAMS_LHS, _PARAMS_LATEX, _add(*terms), total, "the separable parameters"
    )
    return _derivation(main, "parameters", [], legend, notes)


def dense_params_derivation(
    in_features: int, units: int, use_bias: bool = True
) -> Derivation:
    """Derive the parameter count of a dense layer: ``(N + 1)*U``.

    Examples:
        >>> dense_params_derivation(7 * 7 * 512, 4096).substituted
        '(25088 + 1)*4096 = 102764544'
    """
    total = dense_params(in_features, units, use_bias)
    weights = dense_params(in_features, units, False)
    n = Symbol("N", "N", "input features", in_features)
    u = Symbol("U", "U", "units", units)
    if use_bias:
        expression: _Node = _Product((_add(_Var(n), ONE), _Var(u)))
    else:
        expression = _Product((_Var(n), _Var(u)))
    main = _step(_PARAMS_LHS, _PARAMS_LATEX, expression, total, "the dense parameters")
    return _derivation(main, "parameters", [], [n, u], _split(total, weights, use_bias))

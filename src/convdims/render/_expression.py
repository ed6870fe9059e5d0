"""A tiny expression tree: written once, printed with symbols or with numbers.

Each derivation writes its formula once as a tree of these nodes; the tree prints itself
with the symbols (``floor((I - k + 2P)/S) + 1``) or with the numbers in their place, in
plain text or LaTeX, and is evaluated (exactly, with fractions) only to check that the
printed numbers give the core's result: ``equation`` refuses to write an equation the
core contradicts.
"""

from __future__ import annotations

import math
from fractions import Fraction

from convdims._values import value as _value
from convdims.errors import ArgumentError
from convdims.render._derivation import Derivation, Step, Symbol

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

#: Digits of a derivation's arguments, all together. A derivation writes every number
#: out; its results are sums and products of the arguments, so with this many digits in
#: all they stay well under the 4,300 digits Python turns into text.
MAX_DIGITS = 1_500


def _digits(value: int) -> int:
    """Decimal digits of ``value``, from its bit length for long ones (within one)."""
    if value.bit_length() <= 3_000:
        return len(str(abs(value)))
    return int(value.bit_length() * math.log10(2)) + 1


def check_digits(**arguments: Any) -> None:
    """Refuse arguments too long to write out, naming the longest.

    Raises:
        ArgumentError: the int arguments have more than ``MAX_DIGITS`` digits in all.
    """
    sizes: dict[str, int] = {}
    for name, value in arguments.items():
        for item in value if isinstance(value, (tuple, list)) else (value,):
            if isinstance(item, int) and not isinstance(item, bool):
                sizes[name] = sizes.get(name, 0) + _digits(item)
    total = sum(sizes.values())
    if total <= MAX_DIGITS:
        return
    name = max(sizes, key=lambda key: sizes[key])
    raise ArgumentError(
        f"{name} has {sizes[name]:,} digits: a derivation writes its numbers out in full, "
        f"and its arguments may have {MAX_DIGITS:,} digits in all (these have "
        f"{total:,})",
        argument=name,
        value=arguments[name],
        valid=f"numbers of at most {MAX_DIGITS:,} digits in all",
    )


_SUM, _PRODUCT, _ATOM = 1, 2, 3


class Node:
    precedence = _ATOM

    def text(self, numbers: bool) -> str:
        raise NotImplementedError

    def latex(self, numbers: bool) -> str:
        raise NotImplementedError

    def value(self) -> Fraction:
        raise NotImplementedError


@_value
class Const(Node):
    number: int

    def text(self, numbers: bool) -> str:
        return str(self.number)

    def latex(self, numbers: bool) -> str:
        return str(self.number)

    def value(self) -> Fraction:
        return Fraction(self.number)


@_value
class Var(Node):
    symbol: Symbol

    def text(self, numbers: bool) -> str:
        return str(self.symbol.value) if numbers else self.symbol.name

    def latex(self, numbers: bool) -> str:
        return str(self.symbol.value) if numbers else self.symbol.latex

    def value(self) -> Fraction:
        return Fraction(self.symbol.value)


def _wrap(node: Node, text: str, below: int) -> str:
    return f"({text})" if node.precedence <= below else text


@_value
class Sum(Node):
    terms: tuple[tuple[int, Node], ...]  # (sign +1 or -1, term)
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


@_value
class Product(Node):
    factors: tuple[Node, ...]
    precedence = _PRODUCT

    @staticmethod
    def _juxtaposed(left: Node, right: Node, numbers: bool) -> bool:
        """With symbols, write ``2P`` and ``d(k - 1)``, not ``2*P`` and ``d*(k - 1)``."""
        if numbers or not isinstance(left, (Const, Var)):
            return False
        return (isinstance(left, Const) and isinstance(right, Var)) or (
            right.precedence == _SUM
        )

    def _join(self, numbers: bool, latex: bool) -> str:
        out = ""
        previous: Node | None = None
        for factor in self.factors:
            rendered = factor.latex(numbers) if latex else factor.text(numbers)
            # Sums always need parentheses; a fraction only in text ("3*3*(32/4)").
            if factor.precedence == _SUM or (isinstance(factor, Frac) and not latex):
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


@_value
class Frac(Node):
    numerator: Node
    denominator: Node
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


@_value
class Round(Node):
    inner: Node
    up: bool

    def text(self, numbers: bool) -> str:
        return f"{'ceil' if self.up else 'floor'}({self.inner.text(numbers)})"

    def latex(self, numbers: bool) -> str:
        left, right = ("\\lceil", "\\rceil") if self.up else ("\\lfloor", "\\rfloor")
        return f"\\left{left} {self.inner.latex(numbers)} \\right{right}"

    def value(self) -> Fraction:
        inner = self.inner.value()
        return Fraction(math.ceil(inner) if self.up else math.floor(inner))


@_value
class Max(Node):
    first: Node
    second: Node

    def text(self, numbers: bool) -> str:
        return f"max({self.first.text(numbers)}, {self.second.text(numbers)})"

    def latex(self, numbers: bool) -> str:
        return f"\\max({self.first.latex(numbers)}, {self.second.latex(numbers)})"

    def value(self) -> Fraction:
        return max(self.first.value(), self.second.value())


@_value
class Mod(Node):
    dividend: Node
    divisor: Node

    def text(self, numbers: bool) -> str:
        return f"({self.dividend.text(numbers)} mod {self.divisor.text(numbers)})"

    def latex(self, numbers: bool) -> str:
        return f"({self.dividend.latex(numbers)} \\bmod {self.divisor.latex(numbers)})"

    def value(self) -> Fraction:
        return self.dividend.value() % self.divisor.value()


def add(*terms: Node) -> Sum:
    return Sum(tuple((1, t) for t in terms))


def signed(*terms: tuple[int, Node]) -> Sum:
    return Sum(tuple(terms))


def floor(inner: Node) -> Round:
    return Round(inner, up=False)


def ceil(inner: Node) -> Round:
    return Round(inner, up=True)


ONE = Const(1)
TWO = Const(2)


def equation(lhs: str, lhs_latex: str, expression: Node, expected: int, what: str) -> Step:
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


def assemble(
    main: Step,
    quantity: str,
    steps: list[Step],
    legend: list[Symbol],
    notes: list[str],
) -> Derivation:
    """The derivation whose main equation is ``main``, with what supports it."""
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

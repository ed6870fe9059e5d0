"""The values a derivation is made of: symbols, equations, and the derivation itself.

A [`Derivation`][convdims.render.formula.Derivation] prints itself as plain text (for
terminals, [`render_text`][convdims.render.formula.Derivation.render_text]), as LaTeX
(for the site, which turns it into MathML at build time) and as JSON-ready data
([`as_dict`][convdims.render.formula.Derivation.as_dict], the schema of the CLI's
``--json``). The functions that build one live next to the arithmetic they explain
(``convdims.render.convolution``, ``pooling``, ``transposed``, ``parameters``).
"""

from __future__ import annotations

import textwrap

from convdims._values import field
from convdims._values import value as _value

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

_NBSP = "\u00a0"  # textwrap does not break here


@_value
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


@_value
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
            >>> from convdims.render import conv_derivation
            >>> conv_derivation(11, 2, 2).text
            'O = floor((I - k + 2P)/S) + 1 = floor((11 - 2 + 2*0)/2) + 1 = 5'
        """
        return f"{self.formula} = {self.substituted}"

    @property
    def latex(self) -> str:
        """The whole chain in LaTeX, one equation: ``O = <formula> = <numbers> = 30``.

        Examples:
            >>> from convdims.render import dense_params_derivation
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


@_value
class Derivation(Step):
    """How a result follows from its formula: the main equation and what supports it.

    Attributes:
        quantity: what is computed (``"output size"``, ``"parameters"``).
        steps: auxiliary equations shown before the main one (the effective kernel, the
            ``"same"`` padding, the count before PyTorch's last-window rule, ...).
        legend: every symbol of the formulas, what it means, and its value.
        notes: the convention in use, in words, with its numbers.

    Examples:
        >>> from convdims.render import pool_derivation
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
            >>> from convdims.render import conv_derivation
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

"""Helpers the ONNX and OpenVINO rules share (both take ONNX-style pads and
auto_pad words)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from convdims._checks import shown
from convdims.errors import ArgumentError

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Mapping, Sequence


@dataclass(frozen=True)
class EngineQuirk:
    """One case where an engine differs from its own specification (``kind="spec"``)
    or from itself (``kind="self"``), as data for the site.

    Attributes:
        framework: the convention's key (``"onnx"``, ``"openvino"``).
        engine: the engine and version that showed it.
        kind: ``"spec"`` (the engine and its documentation disagree: convdims follows
            the engine), ``"self"`` (the engine answers two equivalent questions
            differently) or ``"note"`` (a rule of the engine's own that users of other
            frameworks do not expect).
        ops: the operators concerned.
        when: the configurations concerned.
        engine_does: what the engine does.
        convdims_does: what convdims answers.
        example: a case, as ``resolve``'s arguments.
        source: where in the engine's code (file and function).
    """

    framework: str
    engine: str
    kind: str
    ops: str
    when: str
    engine_does: str
    convdims_does: str
    example: dict[str, Any]
    source: str


def split_pads(total: int, odd_before: bool) -> tuple[int, int]:
    small = total // 2
    return (total - small, small) if odd_before else (small, total - small)


def refuse_explicit_word(
    paddings: Sequence[Any], word: str, shown_as: str, attribute: str
) -> None:
    """Refuse the word for explicit padding (ONNX's NOTSET, OpenVINO's explicit): the
    pads themselves are the padding."""
    for padding in paddings:
        if isinstance(padding, str) and padding.lower() == word:
            raise ArgumentError(
                f"auto_pad {shown_as} means the explicit {attribute}: give the padding "
                "as B,A (cells before and after) or one number for both sides, instead "
                f"of {padding!r}",
                argument="padding",
                value=padding,
                valid="B,A pads, one number, 'valid', 'same_upper' or 'same_lower'",
            )


def pool_operator(op: str | None, operators: Mapping[str, str], what: str) -> str:
    """The pooling operator ``op`` names (any case), the first of ``operators`` when
    None; ``what`` says whose operators they are, for the refusal."""
    names = list(operators.values())
    if op is None:
        return names[0]
    name = operators.get(op.lower()) if isinstance(op, str) else None
    if name is None:
        listed = " or ".join(repr(n) for n in names)
        raise ArgumentError(
            f"op={shown(op)} is not {what}; use {listed}",
            argument="op",
            value=op,
            valid=listed,
        )
    return name


def pads_text(padding: Any) -> str:
    if isinstance(padding, (tuple, list)):
        return ",".join(shown(p) for p in padding)
    return shown(padding)

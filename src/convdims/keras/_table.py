"""Plain-text tables drawn the way the ``rich`` library draws Keras's summary.

Keras 3 prints ``model.summary()`` with rich: a table of fixed column widths, heavy
lines under the header, a line between rows, cells word-wrapped and cut with "…" when a
single word does not fit. This module reproduces that output for plain text (what rich
writes to a file, a pipe or a captured stream) without importing rich: the column-width
reduction, the word wrapping and the box characters follow rich's own algorithms.
"""

from __future__ import annotations

import builtins
import functools
import operator
import os
import re
import sys
import unicodedata
from collections.abc import Callable, Sequence

# rich.box.HEAVY_HEAD, row by row: top, header, under the header, body, between rows,
# bottom; each as (left, horizontal, cross, right).
_HEAVY_HEAD = {
    "top": ("┏", "━", "┳", "┓"),
    "head": ("┃", " ", "┃", "┃"),
    "head_row": ("┡", "━", "╇", "┩"),
    "body": ("│", " ", "│", "│"),
    "row": ("├", "─", "┼", "┤"),
    "bottom": ("└", "─", "┴", "┘"),
}
# rich.box.ASCII, which rich substitutes when the output encoding is not UTF.
_ASCII = {
    "top": ("+", "-", "-", "+"),
    "head": ("|", " ", "|", "|"),
    "head_row": ("|", "-", "+", "|"),
    "body": ("|", " ", "|", "|"),
    "row": ("|", "-", "+", "|"),
    "bottom": ("+", "-", "-", "+"),
}
_WORD = re.compile(r"\s*\S+\s*")
# Characters one cell wide for sure: printable ASCII, box drawing, the ellipsis. Text made
# only of these (nearly every summary line) is measured by len().
_NOT_SIMPLE = re.compile("[^\x20-\x7e\u2500-\u257f\u2026]")
_TRAILING_SPACE = re.compile(r"\s+$")
ELLIPSIS = "…"


def char_width(char: str) -> int:
    """Terminal cells a character takes: 2 for wide East Asian characters, 0 for marks."""
    if ord(char) < 0x300:
        return 0 if ord(char) < 32 or 0x7F <= ord(char) < 0xA0 else 1
    if unicodedata.combining(char):
        return 0
    return 2 if unicodedata.east_asian_width(char) in ("W", "F") else 1


def needs_measuring(text: str) -> bool:
    """Whether ``text`` holds a character that may not be one cell wide."""
    return _NOT_SIMPLE.search(text) is not None


def cell_len(text: str) -> int:
    """Terminal cells a string takes."""
    if not _NOT_SIMPLE.search(text):
        return len(text)
    return sum(char_width(c) for c in text)


def set_cell_size(text: str, total: int) -> str:
    """Crop or pad ``text`` with spaces to exactly ``total`` cells."""
    size = cell_len(text)
    if size == total:
        return text
    if size < total:
        return text + " " * (total - size)
    if total <= 0:
        return ""
    if not _NOT_SIMPLE.search(text):
        return text[:total]
    result, used = [], 0
    for char in text:
        width = char_width(char)
        if used + width > total:
            break
        result.append(char)
        used += width
    return "".join(result) + " " * (total - used)


def _chop_cells(text: str, width: int) -> list[str]:
    lines: list[str] = [""]
    used = 0
    for char in text:
        size = char_width(char)
        if used + size > width and lines[-1]:
            lines.append(char)
            used = size
        else:
            lines[-1] += char
            used += size
    return lines


def _chop_simple(text: str, width: int) -> list[str]:
    """``_chop_cells`` for text of one-cell characters: pieces of ``width`` characters
    (of one character when the width is below 1, as ``_chop_cells`` cuts)."""
    step = max(width, 1)
    return [text[i : i + step] for i in range(0, len(text), step)]


def divide_line(
    text: str, width: int, fold: bool = True, measure: Callable[[str], int] = cell_len
) -> list[int]:
    """Offsets where rich breaks ``text`` to fit ``width`` cells (``divide_line``).

    ``measure`` gives the cells of a piece of ``text``: ``len`` when every character of
    ``text`` is one cell wide (see [`wrap`][convdims.keras._table.wrap]).
    """
    breaks: list[int] = []
    offset = 0
    for match in _WORD.finditer(text):
        start, word = match.start(), match.group(0)
        length = measure(word.rstrip())
        if width - offset >= length:
            offset += measure(word)
        elif length > width:
            if fold:
                chop = _chop_cells if measure is cell_len else _chop_simple
                pieces = chop(word, width)
                for i, piece in enumerate(pieces):
                    if start:
                        breaks.append(start)
                    if i == len(pieces) - 1:
                        offset = measure(piece)
                    else:
                        start += len(piece)
            else:
                if start:
                    breaks.append(start)
                offset = measure(word)
        elif offset and start:
            breaks.append(start)
            offset = measure(word)
    return breaks


def _fit(text: str, total: int) -> str:
    """[`set_cell_size`][convdims.keras._table.set_cell_size] for text of one-cell
    characters only."""
    size = len(text)
    if size < total:
        return text + " " * (total - size)
    return text[:total] if total > 0 else ""


def _truncate(
    line: str,
    width: int,
    overflow: str,
    pad: bool = False,
    measure: Callable[[str], int] = cell_len,
) -> str:
    length = measure(line)
    if length > width:
        fit = set_cell_size if measure is cell_len else _fit
        if overflow == "ellipsis":
            line = fit(line, width - 1) + ELLIPSIS
        else:
            line = fit(line, width)
    if pad and length < width:
        line += " " * (width - length)
    return line


def wrap(
    text: str, width: int, justify: str = "default", overflow: str = "fold"
) -> list[str]:
    """Lines of ``text`` wrapped to ``width`` cells as rich's ``Text.wrap`` does.

    ``justify`` is ``"left"``, ``"right"`` or ``"center"`` (lines padded to the width) or
    ``"default"`` (not padded); ``overflow`` is ``"fold"`` (long words split over
    lines) or ``"ellipsis"`` (long words cut, ending in "…").

    >>> wrap("conv2_block1_1_bn (BatchNormalization)", 19, "left", "ellipsis")
    ['conv2_block1_1_bn  ', '(BatchNormalizatio…']
    >>> wrap("(None, 224, 224, 3)", 17, "left", "ellipsis")
    ['(None, 224, 224, ', '3)               ']
    """
    # Text of one-cell characters only (nearly every cell of a summary) is measured by
    # len(): the same steps as rich's, without measuring every piece character by
    # character.
    measure = cell_len if _NOT_SIMPLE.search(text) else len
    if measure(text) <= width and (
        measure is len or ("\n" not in text and "\t" not in text)
    ):
        # One line that fits: only the justification to do.
        if justify == "left":
            return [text + " " * (width - measure(text))]
        if justify == "right":
            stripped = text.rstrip()
            return [" " * (width - measure(stripped)) + stripped]
        if justify == "default":
            return [text]
    lines: list[str] = []
    for paragraph in text.split("\n"):
        paragraph = paragraph.expandtabs(8)
        offsets = divide_line(paragraph, width, overflow == "fold", measure)
        bounds = [0, *offsets, len(paragraph)]
        pieces = [paragraph[a:b] for a, b in zip(bounds, bounds[1:], strict=False)]
        result = []
        for piece in pieces:
            if len(piece) > width:
                match = _TRAILING_SPACE.search(piece)
                if match:
                    piece = piece[
                        : len(piece) - min(len(match.group(0)), len(piece) - width)
                    ]
            if justify == "left":
                piece = _truncate(piece, width, overflow, True, measure)
            elif justify == "right":
                piece = _truncate(piece.rstrip(), width, overflow, False, measure)
                piece = " " * max(width - measure(piece), 0) + piece
            elif justify == "center":
                piece = _truncate(piece.rstrip(), width, overflow, False, measure)
                piece = " " * max((width - measure(piece)) // 2, 0) + piece
                piece += " " * max(width - measure(piece), 0)
            result.append(_truncate(piece, width, overflow, False, measure))
        lines.extend(result)
    return lines


def ratio_reduce(
    total: int, ratios: list[int], maximums: list[int], values: list[int]
) -> list[int]:
    """Take ``total`` away from ``values`` in proportion to ``ratios`` (rich._ratio)."""
    ratios = [
        ratio if maximum else 0 for ratio, maximum in zip(ratios, maximums, strict=False)
    ]
    total_ratio = sum(ratios)
    if not total_ratio:
        return values[:]
    remaining = total
    result = []
    for ratio, maximum, value in zip(ratios, maximums, values, strict=False):
        if ratio and total_ratio > 0:
            distributed = min(maximum, round(ratio * remaining / total_ratio))
            result.append(value - distributed)
            remaining -= distributed
            total_ratio -= ratio
        else:
            result.append(value)
    return result


def column_widths(widths: Sequence[int], table_width: int, padding: int = 2) -> list[int]:
    """Rendered widths (padding included) of fixed-width columns in a table this wide.

    rich gives each column its width plus padding, then shrinks all columns evenly
    until the table, borders included, fits ``table_width``.

    >>> column_widths([34, 26, 16], 76)
    [33, 24, 15]
    """
    available = table_width - (len(widths) + 1)
    if available < 1:
        return [0] * len(widths)
    measured = [min(w + padding, available) or 1 for w in widths]
    if sum(measured) > available:
        excess = sum(measured) - available
        measured = ratio_reduce(excess, [1] * len(measured), measured, measured)
    return [
        0 if width < 1 else min(w + padding, width)
        for w, width in zip(widths, measured, strict=False)
    ]


def _is_jupyter() -> bool:
    get_ipython = builtins.__dict__.get("get_ipython")
    if get_ipython is None:
        return False
    shell = get_ipython()
    name = type(shell).__name__
    return bool(
        "google.colab" in str(type(shell))
        or os.getenv("DATABRICKS_RUNTIME_VERSION")
        or name == "ZMQInteractiveShell"
    )


def console_width(terminal: bool) -> int:
    """The width rich's Console would use to print (``COLUMNS``, the terminal, or 80).

    Args:
        terminal: whether rich would treat the output as a terminal (only a "dumb"
            terminal changes the answer).
    """
    environ = os.environ
    if _is_jupyter():
        columns = environ.get("JUPYTER_COLUMNS")
        return int(columns) if columns is not None and columns.isdigit() else 115
    columns = environ.get("COLUMNS")
    if columns is not None and columns.isdigit():
        return int(columns)
    if terminal and environ.get("TERM", "").lower() in ("dumb", "unknown"):
        return 80
    width = None
    for descriptor in (0, 1, 2):
        try:
            width, _ = os.get_terminal_size(descriptor)
        except (AttributeError, ValueError, OSError):
            continue
        break
    return width or 80


def terminal_columns() -> int:
    """``shutil.get_terminal_size().columns``, what Keras reads to cap the line length:
    ``COLUMNS`` if a positive integer, else the terminal of ``sys.__stdout__``, else 80
    (the same steps, without importing shutil and the compression modules it loads)."""
    try:
        columns = int(os.environ["COLUMNS"])
    except (KeyError, ValueError):
        columns = 0
    if columns > 0:
        return columns
    try:
        size = os.get_terminal_size(sys.__stdout__.fileno())  # type: ignore[union-attr]
    except (AttributeError, ValueError, OSError):
        return 80
    return size.columns or 80


def ascii_only() -> bool:
    """Whether rich would fall back to ASCII boxes (the output encoding is not UTF)."""
    encoding = (getattr(sys.stdout, "encoding", "utf-8") or "utf-8").lower()
    return not encoding.startswith("utf")


def _box_line(box: dict, level: str, widths: Sequence[int]) -> str:
    left, horizontal, cross, right = box[level]
    return left + cross.join(horizontal * w for w in widths) + right


_first = operator.itemgetter(0)


def _simple_lines(text: str, width: int, left: bool) -> list[str]:
    """``wrap(text, width, "left" or "right", "ellipsis")`` for text of one-cell
    characters only (no newline, no tab: what nearly every summary cell is), in one
    pass: rich's word breaks (``divide_line`` without folding), the trailing space of an
    overlong line trimmed, each line cut with "…" and justified. ``width`` is at least 1.
    """
    if len(text) <= width:  # wrap's own shortcut: one line
        if left:
            return [text + " " * (width - len(text))]
        stripped = text.rstrip()
        return [" " * (width - len(stripped)) + stripped]
    lines = []
    start = offset = position = 0
    for word in _WORD.findall(text):  # the words tile the text from its start
        size = len(word)
        length = len(word.rstrip())
        if width - offset >= length:
            offset += size
        elif length > width or (offset and position):
            if position:
                lines.append(text[start:position])
                start = position
            offset = size
        position += size
    lines.append(text[start:])
    result = []
    for line in lines:
        if len(line) > width:
            trailing = len(line) - len(line.rstrip())
            if trailing:
                line = line[: len(line) - min(trailing, len(line) - width)]
        if not left:
            line = line.rstrip()
        if len(line) > width:
            line = line[: width - 1] + ELLIPSIS
        elif left:
            line += " " * (width - len(line))
        else:
            line = " " * (width - len(line)) + line
        result.append(line)
    return result


@functools.lru_cache(maxsize=4096)
def _cell_lines(text: str, width: int, how: str) -> list[str]:
    """One cell's lines, padded to ``width``; summaries repeat shapes and counts a lot."""
    inner = max(width - 2, 0)
    if not inner:
        return [" " * width]
    if how != "center" and not _NOT_SIMPLE.search(text):
        return [" " + line + " " for line in _simple_lines(text, inner, how == "left")]
    lines = wrap(text, inner, how, "ellipsis")
    fit = set_cell_size if _NOT_SIMPLE.search(text) else _fit
    return [fit(" " + line + " ", width) for line in lines]


def _padded(lines: list[str], space: str, height: int, above: bool) -> list[str]:
    """A cell's lines made ``height`` long with blank lines above or below."""
    blank = [space] * (height - len(lines))
    return blank + lines if above else lines + blank


def render_table(
    header: Sequence[str],
    justify: Sequence[str],
    widths: Sequence[int],
    rows: Sequence[Sequence[str]],
    table_width: int,
    ascii_box: bool = False,
) -> list[str]:
    """Lines of a rich ``Table(show_lines=True, box=HEAVY_HEAD)`` with fixed columns.

    Args:
        header: column titles.
        justify: ``"left"``, ``"right"`` or ``"center"`` per column.
        widths: each column's requested width (without its one-space padding).
        rows: cell texts, one sequence per row.
        table_width: the table's total width, borders included.
        ascii_box: draw with ``+ - |`` instead of box-drawing characters.
    """
    box = _ASCII if ascii_box else _HEAVY_HEAD
    final = column_widths(widths, table_width)

    spaces = [" " * width for width in final]
    # A body row whose cells all fit on one line (most rows) is one str.format of this
    # template: what _cell_lines gives for each cell, without wrapping any. Only where
    # every column has room inside its padding and none is centred.
    left, _, divider, right = box["body"]
    limits = [width - 2 for width in final]
    template = None
    if all(limit > 0 for limit in limits) and all(
        how in ("left", "right") for how in justify
    ):
        template = (
            left
            + divider.join(
                f" {{:{'<' if how == 'left' else '>'}{limit}}} "
                for how, limit in zip(justify, limits, strict=False)
            )
            + right
        )
    # A right-justified cell is stripped first: one that ends in a space is not simple.
    stripped = [i for i, how in enumerate(justify) if how == "right"]

    def cells(texts: Sequence[str], bottom: bool) -> list[str]:
        columns = list(map(_cell_lines, texts, final, justify))
        left, _, divider, right = box["head" if bottom else "body"]
        height = max(map(len, columns))
        if height == 1:  # a row of one-line cells
            return [left + divider.join(map(_first, columns)) + right]
        # Shorter cells get blank lines: below (body), above (header).
        block = [
            lines if len(lines) == height else _padded(lines, space, height, bottom)
            for lines, space in zip(columns, spaces, strict=False)
        ]
        return [left + divider.join(parts) + right for parts in zip(*block, strict=False)]

    out = [_box_line(box, "top", final)]
    out += cells(header, bottom=True)
    out.append(_box_line(box, "head_row", final))
    between = _box_line(box, "row", final)
    # The body rows: cells(row, bottom=False), written out in the loop (a summary has
    # a row per layer).
    for index, row in enumerate(rows):
        if index:
            out.append(between)
        if (
            template is not None
            and all(map(operator.le, map(len, row), limits))
            and not _NOT_SIMPLE.search("".join(row))
            and not any(row[i].endswith(" ") for i in stripped)
        ):
            out.append(template.format(*row))
            continue
        columns = list(map(_cell_lines, row, final, justify))
        height = max(map(len, columns))
        if height == 1:
            out.append(left + divider.join(map(_first, columns)) + right)
            continue
        block = [
            lines if len(lines) == height else lines + [space] * (height - len(lines))
            for lines, space in zip(columns, spaces, strict=False)
        ]
        out += [left + divider.join(parts) + right for parts in zip(*block, strict=False)]
    out.append(_box_line(box, "bottom", final))
    return out

"""Every registered framework side by side: the tables, figures and lists of the pages of
issue 14 (the explanation "The same layer in every framework", the conversion how-to, the
formula sheet's and the command line's framework sections).

Nothing here knows a framework by name: each table reads ``convdims.conventions.FRAMEWORKS``
and each [`Convention`][convdims.conventions.Convention]'s ``title``, ``run_here`` and
``source`` when the site builds, and every number comes from
``Convention.resolve``. A framework merged later appears by itself.
"""

from __future__ import annotations

import html
import importlib
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from convdims import ArgumentError, conventions
from convdims.conventions import Convention, Family

ROOT = Path(__file__).resolve().parents[2]

#: What a case asks for, in any framework's words: no padding, "same", or P cells a side.
NONE, SAME = "none", "same"


@dataclass(frozen=True)
class Case:
    """One column of a table: a layer axis described without any framework's words."""

    label: str
    input_size: int
    kernel_size: int
    stride: int | None = None
    padding: Any = NONE  # NONE, SAME, or an int P (cells on each side)
    dilation: int = 1
    ceil_mode: bool = False
    output_padding: int | None = None  # None: the framework's default
    figure: bool = False  # draw the windows when the frameworks differ


CASES: dict[Family, tuple[Case, ...]] = {
    Family.CONV: (
        Case("odd input, no padding: I 11, k 3, S 2", 11, 3, 2),
        Case("even kernel, 'same': I 11, k 2, S 2", 11, 2, 2, SAME, figure=True),
        Case("even kernel, 'same', stride 1: I 10, k 4", 10, 4, 1, SAME),
        Case("dilation, 'same': I 11, k 3, d 2", 11, 3, 1, SAME, dilation=2),
        Case("explicit: I 11, k 3, S 2, P 1", 11, 3, 2, 1),
    ),
    Family.POOL: (
        Case("stride left out: I 11, k 2", 11, 2, None, figure=True),
        Case("'same': I 11, k 2, S 2", 11, 2, 2, SAME),
        Case("round up: I 12, k 3, S 2", 12, 3, 2, ceil_mode=True),
        Case(
            "round up, padded: I 11, k 2, S 2, P 1",
            11,
            2,
            2,
            1,
            ceil_mode=True,
            figure=True,
        ),
        Case("round up, unpadded: I 5, k 1, S 3", 5, 1, 3, ceil_mode=True),
    ),
    Family.TRANSPOSE: (
        Case("no padding: I 5, k 3, S 2", 5, 3, 2),
        Case("'same': I 5, k 3, S 2", 5, 3, 2, SAME),
        Case("kernel below stride: I 5, k 1, S 3", 5, 1, 3),
        Case("explicit: I 5, k 4, S 2, P 1", 5, 4, 2, 1),
        Case("output_padding 1: I 5, k 3, S 2, P 1", 5, 3, 2, 1, output_padding=1),
    ),
}

_KIND = {
    Family.CONV: "convolution",
    Family.POOL: "pooling",
    Family.TRANSPOSE: "transposed convolution",
}


def registered() -> list[Convention]:
    """Every framework the library knows when the site builds, in listing order."""
    return [conventions.get(name) for name in conventions.FRAMEWORKS]


def same_word(convention: Convention, family: Family) -> str | None:
    """The framework's own word for the core's ``'same'`` (odd cell after), if any."""
    for word in convention.padding_words[family]:
        if convention.core_padding(family, word) == "same":
            return word
    return None


def spelled(convention: Convention, family: Family, padding: Any) -> tuple[bool, Any]:
    """``padding`` (NONE, SAME or cells) in the framework's own words: (found, value)."""
    words = convention.padding_words[family]
    if padding == NONE:
        if "valid" in words:
            return True, "valid"
        if family in convention.padding_cells:
            return True, 0
        if family in convention.padding_pairs:
            return True, (0, 0)
        return False, None
    if padding == SAME:
        word = same_word(convention, family)
        return word is not None, word
    if family in convention.padding_cells:
        return True, padding
    if family in convention.padding_pairs:
        return True, (padding, padding)
    return False, None


def shown_padding(value: Any) -> str:
    if isinstance(value, str):
        return f"'{value}'"
    if isinstance(value, tuple):
        return f"({value[0]}, {value[1]})"
    return str(value)


@dataclass(frozen=True)
class Cell:
    """One framework's answer to one case."""

    convention: Convention
    case: Case
    spelling: Any = None
    rule: Any = None  # the AxisRule, when the framework answers
    refusal: str = ""  # the framework's refusal, when it refuses
    missing: bool = False  # the framework has no such padding

    @property
    def answered(self) -> bool:
        return self.rule is not None

    @property
    def split(self) -> tuple[int, int] | None:
        """Padding before and after (convolution and pooling; for a transposed
        convolution the cells cropped, when the rule gives them as numbers)."""
        if self.rule is None or self.rule.empty:
            return None
        geometry = self.rule.geometry()
        if geometry is not None:
            return geometry.pad_before, geometry.pad_after
        padding = self.rule.padding
        if isinstance(padding, tuple):
            return padding
        if isinstance(padding, int):
            return padding, padding
        return None

    @property
    def key(self) -> tuple:
        """What two frameworks must share to agree on this case."""
        if self.rule is None:
            return ("refused" if self.refusal else "missing",)
        if self.rule.family is Family.TRANSPOSE or self.rule.empty:  # the size is it
            return (self.rule.output_size,)
        return (self.rule.output_size, self.rule.stride, self.first_window)

    @property
    def first_window(self) -> int:
        """Where the first window starts, in input cells (-1: one cell before the
        input): with the size and the stride, it says where every window is."""
        geometry = self.rule.geometry()
        return geometry.window_starts[0] - geometry.pad_before

    @property
    def reach(self) -> tuple[int, int]:
        """Cells the windows read before the input and past its end (padding, or the
        part of a rounded-up window that hangs past the padded input)."""
        rule = self.rule
        last = self.first_window + (rule.output_size - 1) * rule.stride
        extent = rule.dilation * (rule.kernel_size - 1) + 1
        return max(-self.first_window, 0), max(last + extent - rule.input_size, 0)

    def text(self) -> str:
        if self.missing:
            return "no such padding"
        if self.rule is None:
            return "refused"
        if self.rule.empty:
            return "**0** (empty)"
        split = self.split
        size = f"**{self.rule.output_size}**"
        return size if split is None else f"{size} ({split[0]}, {split[1]})"


def answer(convention: Convention, family: Family, case: Case) -> Cell:
    """The framework's answer to ``case``, from ``Convention.resolve``."""
    found, padding = spelled(convention, family, case.padding)
    if not found:
        return Cell(convention, case, missing=True)
    extra: Any = "default" if case.output_padding is None else case.output_padding
    try:
        rule = convention.resolve(
            family,
            case.input_size,
            case.kernel_size,
            case.stride,
            padding,
            case.dilation,
            case.ceil_mode,
            extra,
        )
        rule.output_size  # noqa: B018 - the core refuses lazily, when asked the size
    except ArgumentError as error:
        return Cell(convention, case, padding, refusal=str(error))
    return Cell(convention, case, padding, rule=rule)


#: Where the list of sources is, from a page other than the explanation.
EXPLANATION = "../explanation/every-framework.md"


def _name(convention: Convention, page: str = "") -> str:
    """The framework's title, marked ``cited`` (a link to the sources) when not run."""
    mark = "" if convention.run_here else f" <sup>[cited]({page}#sources)</sup>"
    return f"{html.escape(convention.title)}{mark}"


def table(family: Family | str, frameworks: Sequence[Convention] | None = None) -> str:
    """A Markdown table: one row per framework, one column per case of ``family``, each
    cell the output size and the padding before and after; then the refusals' words and
    the spellings used, as notes."""
    family = Family(family)
    frameworks = registered() if frameworks is None else list(frameworks)
    cases = CASES[family]
    head = "| Framework | " + " | ".join(case.label for case in cases) + " |"
    lines = [head, "|---|" + "---:|" * len(cases)]
    # One footnote per framework and refusal, naming every case it refuses.
    notes: dict[tuple[str, str], list[str]] = {}
    for convention in frameworks:
        cells = [answer(convention, family, case) for case in cases]
        row = []
        for cell in cells:
            text = cell.text()
            if cell.refusal:
                key = (convention.title, cell.refusal)
                notes.setdefault(key, []).append(cell.case.label)
                text = f"refused[^{family.value}-{list(notes).index(key) + 1}]"
            row.append(text)
        lines.append(f"| {_name(convention)} | " + " | ".join(row) + " |")
    out = "\n".join(lines) + "\n"
    if notes:
        out += "\n" + "\n".join(
            f"[^{family.value}-{n}]: {title}, {'; '.join(labels)}: "
            f"{html.escape(refusal, quote=False)}"
            for n, ((title, refusal), labels) in enumerate(notes.items(), 1)
        )
        out += "\n"
    return out


def spellings(family: Family | str, frameworks: Sequence[Convention] | None = None) -> str:
    """A list: how each framework spells the cases' paddings (so a reader can redo one)."""
    family = Family(family)
    frameworks = registered() if frameworks is None else list(frameworks)
    items = []
    for convention in frameworks:
        said = []
        for what, label in ((NONE, "no padding"), (SAME, "'same'"), (1, "P 1")):
            found, value = spelled(convention, family, what)
            said.append(f"{label} `{shown_padding(value)}`" if found else f"no {label}")
        items.append(f"- {convention.title}: " + ", ".join(said))
    return "\n".join(items) + "\n"


def differing_figures(
    family: Family | str, frameworks: Sequence[Convention] | None = None
) -> str:
    """For each case marked ``figure`` where the frameworks' windows differ: one window
    picture per different answer, headed by the frameworks that give it (HTML)."""
    from pages import side_by_side_figures

    from convdims import draw

    family = Family(family)
    if family is Family.TRANSPOSE:
        return ""
    frameworks = registered() if frameworks is None else list(frameworks)
    parts = []
    for n, case in enumerate(CASES[family]):
        if not case.figure:
            continue
        groups: dict[tuple, list[Cell]] = {}
        for convention in frameworks:
            cell = answer(convention, family, case)
            if cell.answered and not cell.rule.empty:
                groups.setdefault(cell.key, []).append(cell)
        if len(groups) < 2:
            continue
        panels = []
        for g, cells in enumerate(groups.values()):
            names = ", ".join(cell.convention.title for cell in cells)
            geometry = cells[0].rule.geometry()
            figure = draw.window(geometry, id=f"every-{family.value}-{n}-{g}")
            answer_html = re.sub(r"\*\*(.+?)\*\*", r"<strong>\1</strong>", cells[0].text())
            panels.append((f"{html.escape(names)}: {answer_html}", figure.svg))
        label = html.escape(case.label, quote=False)
        parts.append(f"<p><strong>{label}</strong></p>\n" + side_by_side_figures(*panels))
    return "\n\n".join(parts) + ("\n" if parts else "")


def agreement(family: Family | str, frameworks: Sequence[Convention] | None = None) -> str:
    """One line per case: the frameworks that answer alike, or that they all agree."""
    family = Family(family)
    frameworks = registered() if frameworks is None else list(frameworks)
    lines = []
    for case in CASES[family]:
        groups: dict[tuple, list[Cell]] = {}
        for convention in frameworks:
            cell = answer(convention, family, case)
            if cell.answered:
                groups.setdefault(cell.key, []).append(cell)
        if len(groups) == 1:
            lines.append(f"- {case.label}: every framework that takes it agrees.")
        elif groups:
            said = "; ".join(
                ", ".join(c.convention.title for c in cells)
                + (" give " if len(cells) > 1 else " gives ")
                + cells[0].text()
                for cells in groups.values()
            )
            lines.append(f"- {case.label}: {len(groups)} answers. {said}.")
    return "\n".join(lines) + "\n"


def oracle_tests() -> list[str]:
    """The oracle test files that ask the real engines (found when the site builds)."""
    folder = ROOT / "tests" / "oracle"
    names = ["test_conventions.py", "test_docs_every_framework.py"] + sorted(
        p.name for p in folder.glob("test_engine_*.py")
    )
    return [f"tests/oracle/{name}" for name in names if (folder / name).exists()]


def sources(frameworks: Sequence[Convention] | None = None) -> str:
    """Where each framework's rules come from: run here (and which tests), or cited."""
    frameworks = registered() if frameworks is None else list(frameworks)
    tests = ", ".join(f"`{t}`" for t in oracle_tests())
    lines = []
    for convention in frameworks:
        how = "run here" if convention.run_here else "**cited, not run here**"
        lines.append(
            f"- **{convention.title}** (`{convention.name}`), {how}: "
            f"{html.escape(convention.source, quote=False)}"
        )
    lines.append(
        f"\nThe frameworks run here are checked against the real engines by {tests}: "
        "the same sizes and the same refusals on random layers."
    )
    return "\n".join(lines) + "\n"


def _module_of(name: str) -> Any:
    module, _ = conventions._WHERE[name]
    return importlib.import_module(f"convdims.conventions.{module}")


#: The columns of the quirks table, in every module's own words mapped onto them.
QUIRK_COLUMNS = ("framework", "case", "engine", "convdims", "source")


_KINDS = {
    "spec": "the engine parts with its specification",
    "self": "the engine parts with itself",
}


def _quirk_row(entry: Any, framework: str) -> dict[str, str]:
    """One module's ``KNOWN_ENGINE_QUIRKS`` entry (a dict or a small record, each module
    words it its own way) in the table's columns."""
    raw = dict(entry if isinstance(entry, dict) else vars(entry))
    if isinstance(raw.get("example"), dict):
        raw["example"] = "e.g. " + ", ".join(
            f"{k}={v!r}" for k, v in raw["example"].items()
        )
    if raw.get("kind") in _KINDS:
        raw["kind"] = _KINDS[raw["kind"]]
    row = {str(k): " ".join(str(v).split()) for k, v in raw.items() if v not in (None, "")}
    case = "; ".join(
        row[key]
        for key in ("kind", "what", "op", "ops", "when", "case", "example")
        if key in row
    )
    # ``engine`` is what the engine does, unless a record also names the engine itself.
    done = row.get("engine_does") or row.get("observed") or row.get("engine", "")
    if "engine_does" in row and row.get("engine"):
        done = f"{row['engine']}: {done}"
    return {
        "framework": row.get("framework", framework),
        "case": case,
        "engine": done,
        "convdims": row.get("convdims_does") or row.get("convdims", ""),
        "source": row.get("source", ""),
    }


def quirks(frameworks: Sequence[Convention] | None = None) -> list[dict[str, str]]:
    """Every ``KNOWN_ENGINE_QUIRKS`` entry of the registered frameworks' modules (a
    module may hold several frameworks: each entry is listed once), in
    ``QUIRK_COLUMNS``."""
    frameworks = registered() if frameworks is None else list(frameworks)
    seen: set[int] = set()
    rows: list[dict[str, str]] = []
    for convention in frameworks:
        module = _module_of(convention.name)
        if id(module) in seen:
            continue
        seen.add(id(module))
        for entry in getattr(module, "KNOWN_ENGINE_QUIRKS", ()):
            rows.append(_quirk_row(entry, convention.name))
    return rows


def quirks_table(frameworks: Sequence[Convention] | None = None) -> str:
    rows = quirks(frameworks)
    if not rows:
        return "No framework registered here lists a known quirk.\n"
    columns = [c for c in QUIRK_COLUMNS if any(row[c] for row in rows)]
    head = "| " + " | ".join(c.replace("_", " ").capitalize() for c in columns) + " |"
    lines = [head, "|" + "---|" * len(columns)]
    for row in rows:
        cells = [html.escape(row[c], quote=False).replace("|", "\\|") for c in columns]
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines) + "\n"


def rules_table(frameworks: Sequence[Convention] | None = None) -> str:
    """The formula sheet's table: per framework, the padding it takes per family, its
    defaults and its round-up rule, read from the conventions and probed with resolve."""
    frameworks = registered() if frameworks is None else list(frameworks)
    head = (
        "| Framework | Convolution padding | Pooling padding | Transposed padding | "
        "Pooling stride default | Pooling round-up | Window that does not fit | Rules |"
    )
    lines = [head, "|---|---|---|---|---|---|---|---|"]
    for convention in frameworks:
        forms = [padding_forms(convention, family) for family in Family]
        lines.append(
            f"| {_name(convention, EXPLANATION)} | "
            + " | ".join(forms)
            + f" | {pool_stride_default(convention)} | {round_up(convention)} | "
            f"{does_not_fit(convention)} | "
            + ("run here" if convention.run_here else "cited")
            + " |"
        )
    return "\n".join(lines) + "\n"


def padding_forms(convention: Convention, family: Family) -> str:
    forms = [f"`{word}`" for word in convention.padding_words[family]]
    if family in convention.padding_cells:
        forms.append("an int $P$")
    if family in convention.padding_pairs:
        forms.append("$(P_b, P_a)$")
    default = convention.default_padding[family]
    return ", ".join(forms) + f" (default `{shown_padding(default)}`)"


def pool_stride_default(convention: Convention) -> str:
    rule = convention.resolve("pool", 9, 3)
    return "the window $k$" if rule.stride == rule.kernel_size else f"{rule.stride}"


def _pool_size(convention: Convention, size: int, kernel: int, stride: int, pad: int,
               ceil_mode: bool) -> int | None:  # fmt: skip
    found, padding = spelled(convention, Family.POOL, pad if pad else NONE)
    if not found:
        return None
    try:
        return convention.resolve(
            "pool", size, kernel, stride, padding, 1, ceil_mode
        ).output_size
    except ArgumentError:
        return None


def round_up(convention: Convention) -> str:
    """Probed: does rounding up keep a last window that starts in the padding after the
    input, with padding and without?"""
    floor = _pool_size(convention, 12, 3, 2, 0, False)
    ceil = _pool_size(convention, 12, 3, 2, 0, True)
    if ceil is None:
        return "none"
    always = floor == ceil  # the framework rounds up even when not asked
    padded = _pool_size(convention, 11, 2, 2, 1, True)  # ceiling 7, last window in padding
    bare = _pool_size(convention, 5, 1, 3, 0, True)  # ceiling 3, last window past the end
    padded_rule = {6: "dropped", 7: "kept"}.get(padded) if padded else None
    bare_rule = {2: "dropped", 3: "kept"}.get(bare) if bare else None
    if padded_rule and bare_rule and padded_rule != bare_rule:
        last = f"{padded_rule} when padded, {bare_rule} when not"
    else:
        last = padded_rule or bare_rule or "n/a"
    return ("always; " if always else "") + f"a last window in the padding is {last}"


def does_not_fit(convention: Convention) -> str:
    empty = sorted(_KIND[f] for f in convention.empty_output)
    return f"an empty axis (0): {', '.join(empty)}" if empty else "an error"


def cli_table(frameworks: Sequence[Convention] | None = None) -> str:
    """The command line page's table: ``--framework`` keys and their ``-p`` words."""
    frameworks = registered() if frameworks is None else list(frameworks)
    lines = [
        "| `--framework` | Framework | `-p` for `conv` | `-p` for `pool` | "
        "`-p` for `transpose` | Rules |",
        "|---|---|---|---|---|---|",
    ]
    for convention in frameworks:
        forms = [_cli_forms(convention, family) for family in Family]
        lines.append(
            f"| `{convention.name}` | {_name(convention, EXPLANATION)} | "
            + " | ".join(forms)
            + " | "
            + ("run here" if convention.run_here else "cited")
            + " |"
        )
    return "\n".join(lines) + "\n"


def _cli_forms(convention: Convention, family: Family) -> str:
    forms = [f"`{word}`" for word in convention.padding_words[family]]
    if family in convention.padding_cells:
        forms.append("`N`")
    if family in convention.padding_pairs:
        forms.append("`B,A`")
    return ", ".join(forms) or "none"


def cli_commands(frameworks: Iterable[Convention] | None = None) -> list[str]:
    """One pooling command per framework, the padded round-up case in its own words."""
    frameworks = registered() if frameworks is None else list(frameworks)
    commands = []
    for convention in frameworks:
        found, padding = spelled(convention, Family.POOL, 1)
        if not found:
            continue
        p = ",".join(map(str, padding)) if isinstance(padding, tuple) else str(padding)
        ceil = " --ceil-mode" if convention.pool_ceil_mode else ""
        commands.append(f"pool 11 -k 2 -s 2 -p {p}{ceil} --framework {convention.name}")
    return commands


def _grouped(pairs: Iterable[tuple[str, str]]) -> str:
    """``(answer, title)`` pairs as "answer: titles; answer: titles"."""
    groups: dict[str, list[str]] = {}
    for said, title in pairs:
        groups.setdefault(said, []).append(title)
    return "".join(
        f"\n    - {said}: {', '.join(titles)}" for said, titles in groups.items()
    )


def same_sides(family: Family | str, frameworks: Sequence[Convention] | None = None) -> str:
    """Where each framework's "same" words put the odd cell, grouped."""
    family = Family(family)
    frameworks = registered() if frameworks is None else list(frameworks)
    pairs = []
    for convention in frameworks:
        words = convention.padding_words[family]
        cores = {word: convention.core_padding(family, word) for word in words}
        after = [f"`{w}`" for w, core in cores.items() if core == "same"]
        before = [f"`{w}`" for w, core in cores.items() if core == "same_lower"]
        if not after and not before:
            pairs.append(("no 'same' word", convention.title))
        if after:
            pairs.append(("the odd cell after", f"{convention.title} ({', '.join(after)})"))
        if before:
            pairs.append(
                ("the odd cell before", f"{convention.title} ({', '.join(before)})")
            )
    return _grouped(pairs)


def rule_groups(frameworks: Sequence[Convention] | None = None) -> str:
    """The rules that split the frameworks, each with who follows which (Markdown)."""
    frameworks = registered() if frameworks is None else list(frameworks)
    strides = _grouped(
        (pool_stride_default(c).replace("the window $k$", "the window"), c.title)
        for c in frameworks
    )
    rounding = _grouped((round_up(c), c.title) for c in frameworks)
    return (
        f"- **The pooling stride when none is given**{strides}\n"
        f'- **Where "same" puts the odd cell** (convolution)'
        f"{same_sides(Family.CONV, frameworks)}\n"
        f"- **Rounding up in pooling**{rounding}\n"
        "- **A window that does not fit**"
        f"{_grouped((does_not_fit(c), c.title) for c in frameworks)}\n"
    )


# Porting a layer: the target framework's spellings that give the same windows ---------


def known(name: str) -> Convention | None:
    """The framework's rules if this build registers it, else None."""
    return conventions.get(name) if name in conventions.FRAMEWORKS else None


def _candidates(convention: Convention, family: Family, reach: int) -> Iterable[Any]:
    yield from convention.padding_words[family]
    if family in convention.padding_cells:
        yield from range(reach + 1)
    if family in convention.padding_pairs:
        for before in range(reach + 1):
            for after in range(reach + 1):
                yield (before, after)


def same_windows(source: Cell, target: Convention) -> list[tuple[Any, bool]]:
    """Every (padding, round-up) of ``target`` that slides exactly ``source``'s windows
    (same size, same padding before and after, same stride), simplest first."""
    rule = source.rule
    family = rule.family
    reach = rule.dilation * (rule.kernel_size - 1) + 1
    found = []
    for ceil_mode in (False, True) if family is Family.POOL else (False,):
        for padding in _candidates(target, family, reach):
            try:
                other = target.resolve(
                    family,
                    rule.input_size,
                    rule.kernel_size,
                    rule.stride,
                    padding,
                    rule.dilation,
                    ceil_mode,
                )
                cell = Cell(target, source.case, padding, rule=other)
                if cell.key == source.key and not other.empty:
                    found.append((padding, ceil_mode))
            except ArgumentError:
                continue
    return found


def _said(padding: Any, ceil_mode: bool, round_up_word: str) -> str:
    text = f"padding `{shown_padding(padding)}`"
    return text + (f" with {round_up_word}" if ceil_mode else "")


def port(
    source: str,
    target: str,
    family: Family | str,
    case: Case,
    *,
    source_padding: Any = None,
    round_up_word: str = "round-up on",
    naive: Any = "default",
) -> str:
    """Markdown: the layer in ``source``, what ``target`` gives for the naive
    translation (``naive``: a padding in the target's words, or its default), and the
    target's spellings that slide the same windows (the fix), all computed."""
    family = Family(family)
    src, dst = known(source), known(target)
    missing = [name for name, c in ((source, src), (target, dst)) if c is None]
    if missing:
        return (
            f"*The rules of {' and '.join(missing)} are not registered in this build of "
            "the site, so this fix is not computed here.*\n"
        )
    if source_padding is None:
        cell = answer(src, family, case)
    else:
        cell = _resolved(src, family, case, source_padding)
    if not cell.answered:
        return f"*{src.title} refuses this layer: {cell.refusal}*\n"
    lines = [f"- {src.title}: {cell.text()}, stride {cell.rule.stride}."]
    if naive is not None:
        padding = None if naive == "default" else naive
        said = "its default padding" if naive == "default" else f"`{shown_padding(naive)}`"
        tried = _resolved(dst, family, case, padding, stride=cell.rule.stride)
        verdict = (
            "the same windows"
            if tried.answered and tried.key == cell.key
            else "**different windows**"
            if tried.answered
            else "a refusal"
        )
        shown_answer = tried.text() if tried.answered else tried.refusal
        lines.append(f"- {dst.title} with {said}: {shown_answer}: {verdict}.")
    fixes = same_windows(cell, dst)
    if fixes:
        best = ", or ".join(_said(p, c, round_up_word) for p, c in fixes[:3])
        lines.append(f"- **The fix in {dst.title}**: {best}.")
    else:
        lines.append(
            f"- **No {dst.title} padding slides these windows**{_padded_first(cell, dst)}"
        )
    return "\n".join(lines) + "\n"


def _padded_first(cell: Cell, target: Convention) -> str:
    """The fix through an explicit padding layer: pad what the windows read outside the
    input, then no padding (checked: the target then slides the same windows)."""
    if cell.rule.family is Family.TRANSPOSE:
        return "."
    before, after = cell.reach
    found, none = spelled(target, cell.rule.family, NONE)
    if not found:
        return "."
    padded = Case(
        cell.case.label,
        cell.rule.input_size + before + after,
        cell.rule.kernel_size,
        cell.rule.stride,
        dilation=cell.rule.dilation,
    )
    other = _resolved(target, cell.rule.family, padded, none)
    if not other.answered or other.rule.output_size != cell.rule.output_size:
        return "."
    return (
        f": pad the input explicitly first ({before} before, {after} after), then use "
        f"padding `{shown_padding(none)}`: {other.text()} on the padded "
        f"{padded.input_size} cells, the same windows."
    )


def _resolved(
    convention: Convention,
    family: Family,
    case: Case,
    padding: Any,
    stride: int | None = None,
) -> Cell:
    try:
        rule = convention.resolve(
            family,
            case.input_size,
            case.kernel_size,
            case.stride if stride is None else stride,
            padding,
            case.dilation,
            case.ceil_mode,
        )
        rule.output_size  # noqa: B018 - the core refuses lazily
    except ArgumentError as error:
        return Cell(convention, case, padding, refusal=str(error))
    return Cell(convention, case, padding, rule=rule)


def round_up_derivations(
    frameworks: Sequence[Convention] | None = None,
) -> list[tuple[Any, str]]:
    """One pooling derivation per round-up rule among the frameworks, each with the
    frameworks that follow it: the padded case, and the unpadded one where the rule
    depends on the padding. ``(derivation, applies)`` pairs."""
    from convdims.render.formula import pool_derivation

    frameworks = registered() if frameworks is None else list(frameworks)
    groups: dict[str, list[Convention]] = {}
    for convention in frameworks:
        rule = round_up(convention)
        if rule != "none":
            groups.setdefault(rule, []).append(convention)
    out = []
    for rule, members in groups.items():
        names = ", ".join(c.title for c in members)
        probes = [Case("padded", 11, 2, 2, 1, ceil_mode=True)]
        if "when" in rule:
            probes.append(Case("unpadded", 5, 1, 3, ceil_mode=True))
        for case in probes:
            cell = answer(members[0], Family.POOL, case)
            if cell.answered:
                d = pool_derivation(**cell.rule.core_arguments(), framework=names)
                out.append((d, f"{names} ({rule}; {case.label})."))
    return out

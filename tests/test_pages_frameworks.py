"""docs/_lib/frameworks.py: the every-framework tables, figures and fixes of the site.

They must work for any set of registered frameworks (others are merged later), so most
tests also pass a framework the registry does not have: an ONNX-like convention built
here from data."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from convdims import conventions
from convdims.conventions import Convention, Family

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "docs" / "_lib"))
import frameworks  # noqa: E402 - docs/_lib, as the site build imports it

LOWER_FIRST = Convention(
    name="lowerfirst",
    title="LowerFirst",
    padding_words={family: ("same_upper", "same_lower", "valid") for family in Family},
    padding_cells=frozenset(),
    padding_pairs=frozenset(Family),
    default_padding={family: "valid" for family in Family},
    spellings={family: {"same_upper": "same"} for family in Family},
    pool_stride_window=False,
    run_here=False,
    source="made up for this test",
)


def test_every_registered_framework_has_a_row_in_every_table():
    for family in Family:
        text = frameworks.table(family)
        for name in conventions.FRAMEWORKS:
            assert f"| {frameworks._name(conventions.get(name))} |" in text


def test_a_framework_merged_later_appears_by_itself():
    everyone = [*frameworks.registered(), LOWER_FIRST]
    text = frameworks.table("conv", everyone)
    assert "| LowerFirst <sup>[cited](#sources)</sup> |" in text
    assert "LowerFirst" in frameworks.rules_table(everyone)
    assert "`lowerfirst`" in frameworks.cli_table(everyone)
    assert "made up for this test" in frameworks.sources(everyone)


def test_cells_are_the_conventions_answers():
    case = frameworks.CASES[Family.POOL][3]  # round up, padded
    for name in conventions.FRAMEWORKS:
        convention = conventions.get(name)
        cell = frameworks.answer(convention, Family.POOL, case)
        found, padding = frameworks.spelled(convention, Family.POOL, case.padding)
        if cell.answered:
            rule = convention.resolve("pool", 11, 2, 2, padding, 1, True)
            assert cell.rule.output_size == rule.output_size
            assert f"**{rule.output_size}**" in cell.text()
        else:
            assert cell.missing or cell.refusal


def test_refusals_are_notes_with_the_frameworks_words():
    text = frameworks.table("pool")
    assert "refused[^pool-1]" in text
    assert "[^pool-1]: Keras" in text and "ceil_mode" in text


def test_the_probes_tell_the_round_up_rules_apart():
    assert frameworks.round_up(conventions.get("torch")).endswith("is dropped")
    assert frameworks.round_up(conventions.get("mxnet")).endswith("is kept")
    caffe = frameworks.round_up(conventions.get("caffe"))
    assert caffe.startswith("always") and "when padded, kept when not" in caffe
    assert frameworks.round_up(conventions.get("keras")) == "none"
    assert frameworks.pool_stride_default(conventions.get("caffe")) == "1"
    assert frameworks.pool_stride_default(LOWER_FIRST) == "1"


def test_same_sides_reads_the_spellings():
    text = frameworks.same_sides("conv", [LOWER_FIRST])
    assert "the odd cell after: LowerFirst (`same_upper`)" in text
    assert "the odd cell before: LowerFirst (`same_lower`)" in text


def test_figures_only_where_the_windows_differ():
    figures = frameworks.differing_figures("pool")
    assert figures.count("<svg") >= 2  # the default stride differs: 1 or the window
    only_torch = frameworks.differing_figures("pool", [conventions.get("torch")])
    assert only_torch == ""
    assert frameworks.differing_figures("transpose") == ""


@pytest.mark.parametrize(
    ("source", "target", "family", "case"),
    [
        ("caffe", "torch", "pool", frameworks.Case("", 112, 3, 2)),
        ("torch", "tensorrt", "pool", frameworks.Case("", 11, 2, 2, 1, ceil_mode=True)),
        ("keras", "coreml", "conv", frameworks.Case("", 224, 3, 2, frameworks.SAME)),
        ("caffe", "mxnet", "pool", frameworks.Case("", 11, 2, 2, 1)),
    ],
)
def test_every_fix_slides_the_same_windows(source, target, family, case):
    cell = frameworks.answer(conventions.get(source), Family(family), case)
    fixes = frameworks.same_windows(cell, conventions.get(target))
    assert fixes
    want = cell.rule.geometry()
    for padding, ceil_mode in fixes:
        rule = conventions.get(target).resolve(
            family, case.input_size, case.kernel_size, want.stride, padding, 1, ceil_mode
        )
        got = rule.geometry()
        shift = want.pad_before - got.pad_before
        assert got.output_size == want.output_size
        assert [s + shift for s in got.window_starts] == list(want.window_starts)


def test_the_explicit_padding_fix_is_checked():
    text = frameworks.port("keras", "torch", "conv", frameworks.Case("", 224, 3, 2, "same"))
    assert "pad the input explicitly first (0 before, 1 after)" in text
    assert "the same windows" in text


def test_a_framework_this_build_lacks_is_said_not_guessed():
    text = frameworks.port("torch", "nonesuch", "conv", frameworks.Case("", 9, 3))
    assert "not registered in this build" in text and "nonesuch" in text


def test_quirks_come_from_the_modules():
    rows = frameworks.quirks()
    assert {row["framework"] for row in rows} >= {"caffe", "tensorrt", "onnx", "openvino"}
    assert frameworks.quirks_table().count("\n") == len(rows) + 2


def test_a_fix_into_a_framework_registered_later_is_computed(monkeypatch):
    # Stand a registered framework in for one merged later ("onnx"): the how-to's
    # blocks then compute its fix instead of saying it is missing.
    where = {**conventions._WHERE, "onnx": ("coreml", "COREML")}
    monkeypatch.setattr(conventions, "_WHERE", where)
    monkeypatch.setattr(conventions, "FRAMEWORKS", tuple(where))
    text = frameworks.port(
        "torch", "onnx", "pool", frameworks.Case("", 11, 2, 2, 1, ceil_mode=True), naive=1
    )
    assert "not registered" not in text
    assert "**The fix in Core ML**: padding `'same_lower'`" in text

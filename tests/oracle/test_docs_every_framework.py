"""The Keras and PyTorch cells of "The same layer in every framework" (and of the
conversion how-to's cases) against the real Keras 3 and PyTorch: each cell's size, or its
refusal, is what the framework gives for the same layer."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

from convdims.conventions import Family

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent.parent / "docs" / "_lib"))
import frameworks  # noqa: E402 - docs/_lib, as the site build imports it

_spec = importlib.util.spec_from_file_location(
    "_oracle_conventions", HERE / "test_conventions.py"
)
_oracle = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(_oracle)

CELLS = [
    (family, n, case)
    for family, cases in frameworks.CASES.items()
    for n, case in enumerate(cases)
]


def _case(convention, family: Family, case: frameworks.Case) -> dict | None:
    found, padding = frameworks.spelled(convention, family, case.padding)
    if not found:
        return None
    return {
        "family": family.value,
        "size": case.input_size,
        "kernel": case.kernel_size,
        "stride": case.stride if case.stride is not None or family is Family.POOL else 1,
        "padding": padding,
        "dilation": case.dilation,
        "ceil_mode": case.ceil_mode,
        "output_padding": "default" if case.output_padding is None else case.output_padding,
    }


def _shown(cell: frameworks.Cell):
    return cell.rule.output_size if cell.answered else "refused"


@pytest.mark.parametrize(("family", "n", "case"), CELLS)
def test_keras_cells_are_keras(keras, family, n, case):
    convention = frameworks.known("keras")
    layer = _case(convention, family, case)
    if layer is None:
        pytest.skip("Keras has no such padding (the page says so)")
    cell = frameworks.answer(convention, family, case)
    assert _shown(cell) == _oracle._keras(keras, layer), (family, case)


@pytest.mark.parametrize(("family", "n", "case"), CELLS)
def test_torch_cells_are_torch(torch, family, n, case):
    convention = frameworks.known("torch")
    layer = _case(convention, family, case)
    if layer is None:
        pytest.skip("PyTorch has no such padding (the page says so)")
    cell = frameworks.answer(convention, family, case)
    assert _shown(cell) == _oracle._torch(torch, layer), (family, case)

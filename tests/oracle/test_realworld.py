"""The real-world corpus (tests/realworld/) prints under ``convdims run`` what it prints
under the real framework.

Every corpus file runs as ``python FILE`` under the real torch + torchinfo or Keras (torch
backend), and as ``convdims run FILE`` with the real frameworks hidden; the outputs must
be the same, but for torchinfo's unit label and Keras's auto-numbered name suffixes
(issue 13). Each side runs all the files from one process, forking a fresh child per file
(tests/realworld_runner.py), once per test session.

Files that ``convdims run`` cannot run yet are in NOT_YET with what they miss, and skip
with that reason; one that passes while listed fails, so the list shrinks as the
lookalikes grow and never goes stale. tests/realworld/INVENTORY.md has every file's
first error (``KERAS_BACKEND=torch python tests/realworld_runner.py`` rewrites it).
"""

from __future__ import annotations

import pytest

from realworld_runner import corpus_files, first_difference, passes, run_corpus

pytestmark = pytest.mark.slow

FILES = corpus_files()
NAMES = [path.name for path in FILES]

#: Corpus files that do not run under ``convdims run`` yet: file -> what is missing.
#: "sys.path" is issue 13 item 4 (convdims run does not put the script's folder on
#: sys.path, so `from torchvision_support...` fails); what follows is the first missing
#: feature of the lookalikes behind it (INVENTORY.md has the exact errors).
NOT_YET: dict[str, str] = {}


@pytest.fixture(scope="module")
def real_runs(torch, keras, torchinfo, tmp_path_factory):
    """Every corpus file under the real framework."""
    return run_corpus("real", FILES, tmp_path_factory.mktemp("realworld-real"))


@pytest.fixture(scope="module")
def convdims_runs(tmp_path_factory):
    """Every corpus file under ``convdims run``, the real frameworks hidden."""
    return run_corpus("convdims", FILES, tmp_path_factory.mktemp("realworld-convdims"))


def test_not_yet_lists_only_corpus_files():
    assert not set(NOT_YET) - set(NAMES)
    assert all(reason.strip() for reason in NOT_YET.values())


@pytest.mark.parametrize("path", FILES, ids=NAMES)
def test_runs_under_the_real_framework(path, real_runs):
    run = real_runs[path.name]
    assert run.status == 0, f"{path.name} fails under the real framework:\n{run.stderr}"
    assert run.stdout.strip(), f"{path.name} prints nothing"


@pytest.mark.parametrize("path", FILES, ids=NAMES)
def test_convdims_run_prints_what_the_framework_prints(path, real_runs, convdims_runs):
    real, ours = real_runs[path.name], convdims_runs[path.name]
    if real.status != 0:
        pytest.skip(f"{path.name} does not run under the real framework")
    ok = passes(real, ours)
    if path.name in NOT_YET:
        if ok:
            pytest.fail(
                f"{path.name} now runs under convdims run and matches: "
                "take it out of NOT_YET in tests/oracle/test_realworld.py",
                pytrace=False,
            )
        pytest.skip(f"not yet: {NOT_YET[path.name]}")
    if ours.status != 0:
        pytest.fail(f"convdims run {path.name} failed: {ours.error}", pytrace=False)
    difference = first_difference(real.stdout, ours.stdout)
    assert ok, f"{path.name} prints something else, at {difference}"

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

import datetime
import os
import random

import pytest

from realworld_runner import corpus_files, first_difference, passes, run_corpus

pytestmark = pytest.mark.slow

FILES = corpus_files()
NAMES = [path.name for path in FILES]

#: Corpus files that do not run under ``convdims run`` yet: file -> the first feature of
#: the framework that the lookalikes miss (INVENTORY.md has the exact errors). A file can
#: miss more behind that.
NOT_YET: dict[str, str] = {}


#: How many corpus files one test run compares with the real frameworks. They take
#: about 6 minutes over the whole corpus on this project's 2-core machine, more than
#: ``.ci/run``'s budget allows, so each day's runs compare a different sample of 3 (the
#: day seeds it; 10 made .ci/run 14m46s once the lookalikes' reach grew in session 6);
#: ``CONVDIMS_CORPUS=all`` compares every file, ``CONVDIMS_CORPUS=N`` N files.
#: ``convdims run`` itself runs every selected file in every run.
SAMPLE_DEFAULT = 3


def _real_sample(paths: list) -> list:
    wanted = os.environ.get("CONVDIMS_CORPUS", str(SAMPLE_DEFAULT)).strip().lower()
    if wanted == "all":
        return paths
    count = int(wanted)
    seed = int(
        os.environ.get("CONVDIMS_CORPUS_SEED", datetime.date.today().strftime("%Y%m%d"))
    )
    chosen = set(random.Random(seed).sample(sorted(paths), min(count, len(paths))))
    return [path for path in paths if path in chosen]


def selected(request) -> list:
    """The corpus files this session's tests ask about (all, or those that -k picked)."""
    paths = {
        item.callspec.params["path"]
        for item in request.session.items
        if getattr(item, "module", None) is request.module
        and "path" in getattr(getattr(item, "callspec", None), "params", {})
    }
    return sorted(paths) or FILES


@pytest.fixture(scope="module")
def real_runs(torch, keras, torchinfo, request, tmp_path_factory, convdims_runs):
    """The selected corpus files under the real framework: those convdims should run,
    and any NOT_YET file that ``convdims run`` now finishes (to compare). The real
    frameworks take minutes over the whole corpus; a file convdims cannot run yet has
    nothing to compare with."""
    home = tmp_path_factory.mktemp("realworld-real")
    wanted = _real_sample(
        [
            path
            for path in selected(request)
            if path.name not in NOT_YET or convdims_runs[path.name].status == 0
        ]
    )
    return run_corpus("real", wanted, home) if wanted else {}


@pytest.fixture(scope="module")
def convdims_runs(request, tmp_path_factory):
    """The selected corpus files under ``convdims run``, the real frameworks hidden."""
    home = tmp_path_factory.mktemp("realworld-convdims")
    return run_corpus("convdims", selected(request), home)


def test_not_yet_lists_only_corpus_files():
    assert not set(NOT_YET) - set(NAMES)
    assert all(reason.strip() for reason in NOT_YET.values())


@pytest.mark.parametrize("path", FILES, ids=NAMES)
def test_runs_under_the_real_framework(path, real_runs):
    if path.name not in real_runs:
        if path.name in NOT_YET:
            pytest.skip(f"not run: convdims cannot run it yet ({NOT_YET[path.name]})")
        pytest.skip("not in this run's sample (CONVDIMS_CORPUS=all compares every file)")
    run = real_runs[path.name]
    assert run.status == 0, f"{path.name} fails under the real framework:\n{run.stderr}"
    assert run.stdout.strip(), f"{path.name} prints nothing"


@pytest.mark.parametrize("path", FILES, ids=NAMES)
def test_convdims_run_prints_what_the_framework_prints(path, real_runs, convdims_runs):
    if path.name not in real_runs:
        if path.name in NOT_YET:
            pytest.skip(f"not yet: {NOT_YET[path.name]}")
        ours = convdims_runs[path.name]
        assert ours.status == 0, f"convdims run {path.name} failed: {ours.error}"
        pytest.skip("not in this run's sample (CONVDIMS_CORPUS=all compares every file)")
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

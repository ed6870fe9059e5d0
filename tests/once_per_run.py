"""What a test run makes once, whatever the number of pytest-xdist workers.

Session-scoped fixtures are made once per *process*: with ``-n 2`` (pyproject.toml), once
per worker. A fixture whose result is costly and the same for every worker makes it with
:func:`once` instead: the first worker to ask makes it, the others wait for it and read it.

    @pytest.fixture(scope="session")
    def corpus(tmp_path_factory):
        return once(run_folder(tmp_path_factory), "corpus", lambda folder: run(folder))
"""

from __future__ import annotations

import fcntl
import os
import pickle
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TypeVar

import pytest

T = TypeVar("T")


def run_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder of this test run that every xdist worker shares (without xdist, the run's
    base temporary folder; with it, the folder that holds each worker's own)."""
    base = tmp_path_factory.getbasetemp()
    return base.parent if os.environ.get("PYTEST_XDIST_WORKER") else base


@contextmanager
def locked(path: Path, blocking: bool = True) -> Iterator[bool]:
    """Hold an exclusive lock on ``path`` (flock: it also excludes other threads, which
    open the file anew); yields False, holding nothing, when not blocking and taken."""
    with open(path, "a+") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | (0 if blocking else fcntl.LOCK_NB))
        except BlockingIOError:
            yield False
            return
        try:
            yield True
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def once(folder: Path, name: str, make: Callable[[Path], T]) -> T:
    """What ``make(folder / name)`` returns, made once per run in ``folder``.

    The first process to ask runs ``make`` (which may fill the folder it is given); the
    others wait for it and read the same result, pickled in ``folder / (name + ".pickle")``.
    A ``make`` that raises leaves nothing behind: the next process to ask tries again.
    """
    with locked(folder / f"{name}.lock"):
        if not made(folder, name):
            result = make(folder / name)
            store(folder, name, result)
            return result
    return pickle.loads((folder / f"{name}.pickle").read_bytes())


def made(folder: Path, name: str) -> bool:
    """Whether ``name`` was made (and stored) in ``folder`` already."""
    return (folder / f"{name}.pickle").exists()


def store(folder: Path, name: str, result: object) -> None:
    """Keep ``result`` as ``name``'s for the run, atomically (all or nothing is seen)."""
    partial = folder / f"{name}.pickle.{os.getpid()}"
    partial.write_bytes(pickle.dumps(result))
    partial.replace(folder / f"{name}.pickle")

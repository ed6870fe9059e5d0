"""Fixtures that load the real frameworks, once per test session.

Without torch or keras installed these tests skip with the reason; with
CONVDIMS_REQUIRE_ORACLE=1 (set by .ci/run) a missing framework is a failure instead.
"""

from __future__ import annotations

import importlib
import os
import tempfile

import pytest

REQUIRE = os.environ.get("CONVDIMS_REQUIRE_ORACLE") == "1"


def _load(module: str):
    try:
        return importlib.import_module(module)
    except ImportError as error:
        message = (
            f"the oracle needs {module!r} ({error}); install it with "
            f"`pip install -r requirements-oracle.txt`"
        )
        if REQUIRE:
            pytest.fail(f"CONVDIMS_REQUIRE_ORACLE=1 but {message}", pytrace=False)
        pytest.skip(message)


def pytest_collection_modifyitems(items):
    here = os.path.dirname(__file__)
    for item in items:
        if str(item.fspath).startswith(here):
            item.add_marker(pytest.mark.oracle)


@pytest.fixture(scope="session")
def torch():
    """The real PyTorch module."""
    return _load("torch")


@pytest.fixture(scope="session")
def keras():
    """The real Keras 3 module, on the torch backend, writing its config to a temp dir."""
    os.environ["KERAS_BACKEND"] = "torch"
    os.environ.setdefault("KERAS_HOME", tempfile.mkdtemp(prefix="convdims-keras-"))
    _load("torch")
    return _load("keras")


@pytest.fixture(scope="session")
def torchinfo():
    """torchinfo, the reference for torch summaries and mult-adds."""
    _load("torch")
    return _load("torchinfo")


@pytest.fixture(scope="session")
def engine():
    """``engine("onnxruntime")``: an engine's module, loaded once (skipped or, with
    CONVDIMS_REQUIRE_ORACLE=1, failed when it is missing)."""
    return _load

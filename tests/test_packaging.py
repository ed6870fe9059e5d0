"""The package builds, installs from its wheel into a fresh environment, and runs.

There is no release on a package index yet: the README says to install from the
repository; this is what such an install does."""

from __future__ import annotations

import os
import subprocess
import sys
import venv
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

pytestmark = pytest.mark.slow


def _run(*command: str | Path, cwd: Path | None = None) -> str:
    # The fresh environment must see only itself: no PYTHONPATH into a source tree.
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "PYTHONHOME")}
    result = subprocess.run(
        [str(c) for c in command],
        capture_output=True,
        text=True,
        cwd=cwd,
        timeout=600,
        env=env,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return result.stdout


@pytest.fixture(scope="module")
def dist(tmp_path_factory) -> Path:
    pytest.importorskip("build", reason="pip install build (in requirements.txt)")
    out = tmp_path_factory.mktemp("dist")
    _run(sys.executable, "-m", "build", "--sdist", "--wheel", "--outdir", out, ROOT)
    return out


def test_wheel_and_sdist_pass_twine_check(dist):
    pytest.importorskip("twine", reason="pip install twine (in requirements.txt)")
    files = sorted(dist.iterdir())
    assert {f.suffix for f in files} == {".whl", ".gz"}, files
    _run(sys.executable, "-m", "twine", "check", "--strict", *files)


def test_the_wheel_installs_and_runs_in_a_fresh_venv(dist, tmp_path):
    wheel = next(dist.glob("*.whl"))
    env = tmp_path / "venv"
    venv.EnvBuilder(with_pip=True).create(env)
    bindir = env / ("Scripts" if sys.platform == "win32" else "bin")
    _run(bindir / "python", "-m", "pip", "install", "--no-deps", "--no-index", wheel)
    import convdims

    version = _run(bindir / "convdims", "--version", cwd=tmp_path)
    assert convdims.__version__ in version
    out = _run(bindir / "convdims", "conv", "32", "-k", "3", "--json", cwd=tmp_path)
    assert '"output_size": [\n    30\n  ]' in out
    # The wheel carries the marker for type checkers and no tests or docs.
    code = (
        "import convdims, pathlib; "
        "print(sorted(p.name for p in pathlib.Path(convdims.__file__).parent.iterdir()))"
    )
    listing = _run(bindir / "python", "-c", code, cwd=tmp_path)
    assert "py.typed" in listing and "tests" not in listing

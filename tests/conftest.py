"""Shared test setup: the brute-force module, one strict build of the site per session."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(Path(__file__).parent))


def site_environment(home: Path) -> dict[str, str]:
    """An environment for the build: Jupyter and IPython write under `home`, not ~."""
    env = dict(os.environ)
    env.update(
        IPYTHONDIR=str(home / "ipython"),
        JUPYTER_CONFIG_DIR=str(home / "jupyter-config"),
        JUPYTER_DATA_DIR=str(home / "jupyter-data"),
        JUPYTER_RUNTIME_DIR=str(home / "jupyter-runtime"),
        MPLCONFIGDIR=str(home / "mpl"),
        NO_MKDOCS_2_WARNING="1",
        PYTHONWARNINGS="ignore",
    )
    return env


@pytest.fixture(scope="session")
def built_site(tmp_path_factory) -> Path:
    """Build the whole site with `mkdocs build --strict` into a temporary folder."""
    home = tmp_path_factory.mktemp("site-home")
    out = tmp_path_factory.mktemp("site")
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(out)],
        cwd=ROOT,
        env=site_environment(home),
        capture_output=True,
        text=True,
        timeout=600,
    )
    if result.returncode != 0:
        pytest.fail(
            f"mkdocs build --strict failed ({result.returncode}):\n"
            f"{result.stdout}\n{result.stderr}",
            pytrace=False,
        )
    return out

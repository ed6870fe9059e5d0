"""The modules training scripts import around a model (torch.utils.data,
torch.nn.parallel, torch.backends, torch.distributed, torch.amp / torch.cuda.amp,
torch.randint, torch.device): each script in scripts/ prints under convdims run what it
prints under the real PyTorch (torchinfo's unit label aside, as in the corpus)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from convdims import standin

SCRIPTS = sorted((Path(__file__).parent / "scripts").glob("torch_*.py"))


def _normalised(text: str) -> str:
    return text.replace("(Units.MEGABYTES)", "(M)").replace("(Units.GIGABYTES)", "(G)")


@pytest.mark.parametrize("script", SCRIPTS, ids=[s.stem for s in SCRIPTS])
def test_the_script_prints_what_pytorch_prints(torch, script):
    real = subprocess.run(
        [sys.executable, str(script)], capture_output=True, text=True, check=True
    ).stdout
    ours = standin.run(script)
    assert _normalised(ours) == _normalised(real)

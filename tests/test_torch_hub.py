"""torch/hub.py: torchvision's hub entry points build from convdims.torchvision, a local
hubconf.py runs, other repositories are refused (they would be downloaded)."""

from __future__ import annotations

import pytest

from convdims.standin import Unsupported
from convdims.torch import hub, summary


def _table(model) -> str:
    return str(summary(model, input_size=(1, 3, 64, 64), verbose=0))


def test_torchvisions_entry_points_are_its_builders():
    from convdims.torchvision import models

    for repo in ("pytorch/vision", "pytorch/vision:v0.10.0", "pytorch/vision:main"):
        built = hub.load(repo, "resnet18", weights=None)
        assert _table(built) == _table(models.resnet18())
    assert type(hub.load("pytorch/vision", "fcn_resnet50", weights=None)).__name__ == "FCN"


def test_an_unknown_entry_and_source_are_pytorchs_errors():
    with pytest.raises(RuntimeError, match="^Cannot find callable nope in hubconf$"):
        hub.load("pytorch/vision", "nope")
    with pytest.raises(ValueError, match='Unknown source: "ftp"'):
        hub.load("pytorch/vision", "resnet18", source="ftp")


def test_another_repository_is_refused_as_a_download():
    with pytest.raises(Unsupported) as refused:
        hub.load("ultralytics/yolov5", "yolov5s")
    assert refused.value.name == "torch.hub.load"


def test_a_local_hubconf_runs(tmp_path):
    (tmp_path / "hubconf.py").write_text(
        "from convdims.torch import nn\n\n"
        "def tiny(width=4):\n    return nn.Linear(3, width)\n"
    )
    model = hub.load(str(tmp_path), "tiny", source="local", width=5)
    assert model.out_features == 5
    with pytest.raises(FileNotFoundError):
        hub.load(str(tmp_path / "missing"), "tiny", source="local")

"""convdims.torchvision.models builds what torchvision builds: for each builder,
torchvision's own model file under the real torch (the corpus copy in tests/realworld)
and torchinfo's ``summary(model, input_size=...)`` print what convdims's summary of
``convdims.torchvision.models.<builder>()`` prints, text for text (torchinfo's unit
label may differ, as in the corpus test), without weights and with the default weights
(whose download both sides skip: weights change no shape or count). Every builder's and
class's ``inspect.signature`` equals the corpus copy's.

The real torch takes minutes over every builder on this 2-core machine, so a run compares
a sample that the day seeds (``CONVDIMS_TORCHVISION=N`` builders;
``CONVDIMS_TORCHVISION=all`` every one), always with the signatures of all.
"""

from __future__ import annotations

import datetime
import io
import json
import os
import random
import re
import subprocess
import sys
import warnings
from contextlib import redirect_stdout
from pathlib import Path

import pytest

from realworld_runner import first_difference, same_output

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parents[2]
REALWORLD = ROOT / "tests" / "realworld"
#: The site's torchvision scripts: run under the real torch with the corpus copies as
#: ``torchvision``, they print what ``convdims run`` prints on the site.
SCRIPTS = sorted((ROOT / "docs" / "snippets" / "torchvision").glob("*.py"))
WORKER = Path(__file__).with_name("torchvision_worker.py")
#: A default run's sample: image models of at most LIGHT parameters (the real torch's
#: forward pass of the big ones, and of the 3-D video models, takes seconds to tens of
#: seconds each; loading torch and the corpus takes about 15 s of the run).
SAMPLE_DEFAULT = 2
LIGHT = 15_000_000

from convdims.torchvision import models  # noqa: E402

VIDEO = set(models.list_models(module=models.video))
SEGMENTATION = set(models.list_models(module=models.segmentation))
DETECTION = set(models.list_models(module=models.detection))
BUILDERS = sorted(models.list_models())


def corpus_files() -> dict[str, str]:
    """torchvision's path of each corpus copy -> the corpus module."""
    found = {}
    for path in REALWORLD.glob("torchvision_*.py"):
        match = re.search(r"^# Path: (\S+)$", path.read_text(), re.MULTILINE)
        found[match.group(1)] = path.stem
    return found


CORPUS = corpus_files()


def corpus_module(module: str) -> str:
    """The corpus copy of a convdims.torchvision module (``_resnet_part1`` is resnet)."""
    package, _, leaf = module.rpartition(".")
    leaf = re.sub(r"^_(\w+)_part\d+$", r"\1", leaf)
    path = f"{package[len('convdims.') :].replace('.', '/')}/{leaf}.py"
    return CORPUS[path]


def case(builder: str, weights: str) -> dict:
    kwargs: dict = {"weights": None if weights == "none" else "DEFAULT"}
    size = [1, 3, 224, 224]
    attribute = None
    if builder in VIDEO:
        size = (
            [1, 3, 16, 224, 224]
            if builder.startswith(("mvit", "s3d"))
            else [1, 3, 8, 112, 112]
        )
        if builder.startswith("swin3d"):
            size = [1, 3, 8, 224, 224]
    elif builder == "inception_v3":
        size = [1, 3, 299, 299]
    elif builder in SEGMENTATION:
        kwargs["weights_backbone"] = None
        size = [1, 3, 224, 224] if builder.startswith("lraspp") else [1, 3, 128, 128]
    elif builder in DETECTION:
        kwargs["weights_backbone"] = None
        attribute = "backbone"  # the heads run torchvision's compiled box operations
        size = [1, 3, 300, 300] if builder == "ssd300_vgg16" else [1, 3, 320, 320]
    image = models.get_model_weights(builder).DEFAULT.meta.get("min_size")
    if weights == "default" and builder.startswith("vit") and image:
        size = [1, 3, *image]
    module = models.get_model_builder(builder).__module__
    return {
        "id": f"{builder}-{weights}",
        "builder": builder,
        "corpus": corpus_module(module),
        "kwargs": kwargs,
        "input_size": size,
        "attribute": attribute,
    }


def sample() -> list[str]:
    wanted = os.environ.get("CONVDIMS_TORCHVISION", str(SAMPLE_DEFAULT)).strip().lower()
    if wanted == "all":
        return BUILDERS
    seed = int(
        os.environ.get("CONVDIMS_CORPUS_SEED", datetime.date.today().strftime("%Y%m%d"))
    )
    pool = BUILDERS
    if wanted == str(SAMPLE_DEFAULT):
        pool = [
            b
            for b in BUILDERS
            if models.get_model_weights(b).DEFAULT.meta["num_params"] <= LIGHT
            and b not in VIDEO
        ]
    return sorted(random.Random(seed).sample(pool, min(int(wanted), len(pool))))


CASES = [case(builder, weights) for builder in sample() for weights in ("none", "default")]
MODULES = sorted(CORPUS.values())


@pytest.fixture(scope="module")
def real(torch, torchinfo, tmp_path_factory):
    """The worker's summaries and signatures, under the real torch."""
    folder = tmp_path_factory.mktemp("torchvision")
    (folder / "cases.json").write_text(
        json.dumps(
            {"builds": CASES, "modules": MODULES, "scripts": [str(s) for s in SCRIPTS]}
        )
    )
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src"), "PYTHONWARNINGS": "ignore"}
    done = subprocess.run(
        [sys.executable, str(WORKER), str(folder / "out.json"), str(folder / "cases.json")],
        capture_output=True,
        text=True,
        env=env,
        timeout=3000,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    return json.loads((folder / "out.json").read_text())


def ours(entry: dict) -> str:
    from convdims import torchvision
    from convdims.torch import summary

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        model = torchvision.models.get_model(entry["builder"], **entry["kwargs"])
    if entry["attribute"]:
        model = getattr(model, entry["attribute"])
    out = io.StringIO()
    with redirect_stdout(out):
        summary(model, input_size=tuple(entry["input_size"]))
    return out.getvalue()


@pytest.mark.parametrize("entry", CASES, ids=[entry["id"] for entry in CASES])
def test_summary_is_torchinfos(entry, real):
    assert entry["id"] not in real["errors"], real["errors"].get(entry["id"])
    theirs, mine = real["summaries"][entry["id"]], ours(entry)
    assert same_output(theirs, mine), first_difference(theirs, mine)


def _normalised(signature: str) -> str:
    """Annotations name classes by module; only the class names must agree."""
    return re.sub(r"\b(?:[A-Za-z_]\w*\.)+([A-Za-z_]\w*)", r"\1", signature)


def test_every_builder_and_class_has_torchvisions_signature(real):
    import importlib
    import inspect

    theirs = real["signatures"]
    assert len(theirs) > 100
    checked = 0
    for key, signature in sorted(theirs.items()):
        corpus, _, name = key.rpartition(".")
        path = next(p for p, m in CORPUS.items() if m == corpus)
        module = importlib.import_module("convdims." + path[:-3].replace("/", "."))
        mine = str(inspect.signature(getattr(module, name)))
        assert _normalised(mine) == _normalised(signature), key
        checked += 1
    assert checked == len(theirs)


@pytest.mark.parametrize("script", SCRIPTS, ids=[s.name for s in SCRIPTS])
def test_site_script_prints_what_torchvision_prints(script, real):
    from convdims import standin

    theirs, mine = real["scripts"][str(script)], standin.run(script)
    assert theirs.strip(), f"{script.name} prints nothing under torch"
    assert same_output(theirs, mine), first_difference(theirs, mine)


@pytest.mark.parametrize(
    "shape, repeats, dim", [((8, 96), 196, 0), ((2, 3), 2, None), ((2, 3, 4), 3, -1)]
)
def test_repeat_interleave_is_torchs(torch, shape, repeats, dim):
    from convdims import torch as lookalike

    theirs = torch.repeat_interleave(torch.empty(*shape), repeats, dim=dim).shape
    ours = lookalike.repeat_interleave(lookalike.empty(*shape), repeats, dim=dim).shape
    assert tuple(ours) == tuple(theirs)

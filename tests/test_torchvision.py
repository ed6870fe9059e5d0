"""convdims.torchvision: torchvision's API over torchvision's own model code (the
oracle test in tests/oracle/test_torchvision_models.py compares it with torchvision under
torch)."""

from __future__ import annotations

import ast
import re
import warnings
from pathlib import Path

import pytest

from convdims import standin, torchvision
from convdims.torch import summary
from convdims.torchvision import datasets, models, transforms

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "src" / "convdims" / "torchvision"
REALWORLD = ROOT / "tests" / "realworld"

#: torchvision 0.29's classification builders (its documentation's model list).
CLASSIFICATION = {
    "alexnet", "convnext_base", "convnext_large", "convnext_small", "convnext_tiny",
    "densenet121", "densenet161", "densenet169", "densenet201", "efficientnet_b0",
    "efficientnet_b1", "efficientnet_b2", "efficientnet_b3", "efficientnet_b4",
    "efficientnet_b5", "efficientnet_b6", "efficientnet_b7", "efficientnet_v2_l",
    "efficientnet_v2_m", "efficientnet_v2_s", "googlenet", "inception_v3", "maxvit_t",
    "mnasnet0_5", "mnasnet0_75", "mnasnet1_0", "mnasnet1_3", "mobilenet_v2",
    "mobilenet_v3_large", "mobilenet_v3_small", "regnet_x_16gf", "regnet_x_1_6gf",
    "regnet_x_32gf", "regnet_x_3_2gf", "regnet_x_400mf", "regnet_x_800mf", "regnet_x_8gf",
    "regnet_y_128gf", "regnet_y_16gf", "regnet_y_1_6gf", "regnet_y_32gf", "regnet_y_3_2gf",
    "regnet_y_400mf", "regnet_y_800mf", "regnet_y_8gf", "resnet101", "resnet152",
    "resnet18", "resnet34", "resnet50", "resnext101_32x8d", "resnext101_64x4d",
    "resnext50_32x4d", "shufflenet_v2_x0_5", "shufflenet_v2_x1_0", "shufflenet_v2_x1_5",
    "shufflenet_v2_x2_0", "squeezenet1_0", "squeezenet1_1", "swin_b", "swin_s", "swin_t",
    "swin_v2_b", "swin_v2_s", "swin_v2_t", "vgg11", "vgg11_bn", "vgg13", "vgg13_bn",
    "vgg16", "vgg16_bn", "vgg19", "vgg19_bn", "vit_b_16", "vit_b_32", "vit_h_14",
    "vit_l_16", "vit_l_32", "wide_resnet101_2", "wide_resnet50_2",
}  # fmt: skip


def test_every_classification_builder_is_registered():
    assert CLASSIFICATION <= set(models.list_models(module=models))
    for name in CLASSIFICATION:
        assert callable(getattr(models, name))


@pytest.mark.parametrize("name", sorted(models.list_models()))
def test_every_builder_builds_and_its_parameters_are_its_weights(name):
    """torchvision's meta ``num_params`` of the default weights is the count of the
    model built with them (torchvision's own test checks the same)."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        model = models.get_model(name, weights="DEFAULT")
    weights = models.get_model_weights(name).DEFAULT
    count = sum(p.numel() for p in model.parameters())
    assert count == weights.meta["num_params"], name


def test_weights_forms_build_the_same_model():
    text = {}
    for form in (
        models.ResNet50_Weights.IMAGENET1K_V2,
        "IMAGENET1K_V2",
        "ResNet50_Weights.IMAGENET1K_V2",
        "DEFAULT",
    ):
        text[str(form)] = str(models.resnet50(weights=form))
    assert len(set(text.values())) == 1
    assert models.resnet50(weights="DEFAULT").fc.out_features == 1000


def test_pretrained_warns_as_torchvision():
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        models.vgg11(pretrained=True)
    said = [str(w.message) for w in caught]
    assert said[0] == (
        "The parameter 'pretrained' is deprecated since 0.13 and may be removed in the "
        "future, please use 'weights' instead."
    )
    assert said[1].startswith("Arguments other than a weight enum or `None` for 'weights'")


def test_refusals_are_torchvisions():
    with pytest.raises(ValueError, match="The parameter 'num_classes' expected value 1000"):
        models.resnet18(weights="DEFAULT", num_classes=10)
    with pytest.raises(
        TypeError, match="Invalid Weight class provided; expected ResNet18_Weights"
    ):
        models.resnet18(weights=models.VGG16_Weights.DEFAULT)
    with pytest.raises(KeyError):
        models.resnet18(weights="NO_SUCH_WEIGHTS")
    with pytest.raises(ValueError, match="Unknown model"):
        models.get_model("resnet19")


def test_weights_meta_sets_the_architecture():
    assert models.vit_h_14(weights="DEFAULT").image_size == 518
    assert models.vit_h_14().image_size == 224
    assert models.inception_v3(weights="DEFAULT").aux_logits
    seg = models.segmentation.fcn_resnet50(weights="DEFAULT")
    assert seg.classifier[-1].out_channels == len(
        models.segmentation.FCN_ResNet50_Weights.DEFAULT.meta["categories"]
    )


def test_get_weight_and_api():
    assert (
        models.get_weight("ResNet50_Weights.IMAGENET1K_V2")
        is models.ResNet50_Weights.DEFAULT
    )
    assert models.get_model_builder("resnet18") is models.resnet18
    assert "resnet18" in models.list_models(include="resnet*")
    segmentation = models.get_weight("FCN_ResNet50_Weights.COCO_WITH_VOC_LABELS_V1")
    assert segmentation is models.segmentation.FCN_ResNet50_Weights.DEFAULT
    video = models.get_weight("R3D_18_Weights.KINETICS400_V1")
    assert video is models.video.R3D_18_Weights.DEFAULT
    assert models.get_model_weights(models.resnet50) is models.ResNet50_Weights
    assert torchvision.__version__ == "0.29.1"


def test_summary_through_the_lookalike():
    stats = summary(models.resnet18(), input_size=(1, 3, 224, 224), verbose=0)
    assert stats.total_params == models.ResNet18_Weights.DEFAULT.meta["num_params"]


def test_transforms_compose_and_refuse_data():
    preprocess = transforms.Compose(
        [transforms.Resize(256), transforms.ToTensor(), transforms.Normalize([0.5], [0.5])]
    )
    assert len(preprocess.transforms) == 3
    with pytest.raises(
        standin.Unsupported, match="torchvision.transforms.Compose.__call__"
    ):
        preprocess("image")
    with pytest.raises(standin.Unsupported, match="torchvision.datasets.MNIST"):
        datasets.MNIST("data", download=True)
    with pytest.raises(AttributeError):
        transforms.NoSuchTransform  # noqa: B018
    with pytest.raises(standin.Unsupported, match="torchvision.utils.make_grid"):
        torchvision.utils.make_grid([])
    preset = models.ResNet50_Weights.DEFAULT.transforms()
    with pytest.raises(standin.Unsupported):
        preset("image")


def test_convdims_run_maps_torchvision(tmp_path):
    script = tmp_path / "finetune.py"
    script.write_text(
        "import torchvision\nfrom torch import nn\nfrom torchinfo import summary\n"
        "from torchvision.models import resnet50, ResNet50_Weights\n"
        "model = resnet50(weights=ResNet50_Weights.DEFAULT)\n"
        "model.fc = nn.Linear(model.fc.in_features, 10)\n"
        "print(summary(model, input_size=(1, 3, 224, 224), verbose=0).total_params)\n"
    )
    out = standin.run(script)
    assert out.strip() == str(23528522)  # 25,557,032 less 2048*990 + 990 of the head


def _statements(text: str) -> list[str]:
    """Each top-level statement but imports, docstrings and documentation meta dropped."""
    tree = ast.parse(text)
    for node in ast.walk(tree):
        body = getattr(node, "body", None)
        if isinstance(body, list) and body and isinstance(body[0], ast.Expr):
            if isinstance(body[0].value, ast.Constant) and isinstance(
                body[0].value.value, str
            ):
                body[:] = body[1:] or [ast.Pass()]
        if isinstance(node, ast.Dict):
            keep = [
                (k, v)
                for k, v in zip(node.keys, node.values, strict=True)
                if not (isinstance(k, ast.Constant) and k.value in DROPPED)
            ]
            node.keys, node.values = [k for k, _ in keep], [v for _, v in keep]
    return [
        ast.dump(s) for s in tree.body if not isinstance(s, (ast.Import, ast.ImportFrom))
    ]


DROPPED = {"_docs", "_file_size", "_metrics", "_ops", "license", "recipe"}


def _corpus() -> list[tuple[Path, Path]]:
    pairs = []
    for path in sorted(REALWORLD.glob("torchvision_*.py")):
        where = re.search(r"^# Path: torchvision/(\S+)$", path.read_text(), re.MULTILINE)
        pairs.append((path, PACKAGE / where.group(1)))
    return pairs


def _support() -> list[tuple[Path, Path]]:
    """The package's files derived from the corpus's torchvision_support copies."""
    pairs = []
    for path in sorted(PACKAGE.rglob("*.py")):
        if (
            not path.read_text().startswith(DERIVED)
            or path.stem.startswith("_")
            and ("_part" in path.stem)
        ):
            continue
        copy = REALWORLD / "torchvision_support" / path.relative_to(PACKAGE)
        if copy.exists():
            pairs.append((copy, path))
    return pairs


DERIVED = "# Derived from torchvision 0.29.1's own source: the code is torchvision's"


@pytest.mark.parametrize("corpus, ours", _corpus() + _support(), ids=lambda p: p.name)
def test_code_is_torchvisions_verbatim(corpus, ours):
    """Statement by statement, the package's file (and its split-off parts) is the
    corpus copy's, but for imports, docstrings and documentation meta (and what
    convdims appends below ``# --- convdims (added) ---``)."""
    text = corpus.read_text().split("\n# --- convdims corpus driver (added) ---\n")[0]
    parts = sorted(ours.parent.glob(f"_{ours.stem}_part*.py")) + [ours]
    own = [part.read_text().split("\n# --- convdims (added) ---\n")[0] for part in parts]
    mine = [s for part in own for s in _statements(part)]
    assert mine == _statements(text)


def test_every_derived_file_is_compared():
    compared = {ours for _, ours in _corpus() + _support()}
    derived = {
        path
        for path in PACKAGE.rglob("*.py")
        if path.read_text().startswith(DERIVED) and "_part" not in path.stem
    }
    assert derived == compared


def test_no_source_file_over_600_lines():
    for path in PACKAGE.rglob("*.py"):
        assert path.read_text().count("\n") <= 600, path


def test_categories_are_torchvisions():
    from convdims.torchvision.models import _meta

    namespace: dict = {}
    exec((REALWORLD / "torchvision_support" / "models" / "_meta.py").read_text(), namespace)
    for name in (
        "_IMAGENET_CATEGORIES",
        "_COCO_CATEGORIES",
        "_VOC_CATEGORIES",
        "_KINETICS400_CATEGORIES",
    ):
        assert getattr(_meta, name) == namespace[name]


def test_importing_the_package_loads_no_model():
    import subprocess
    import sys

    code = (
        "import sys, convdims.torchvision; print(sorted(m for m in sys.modules "
        "if m.startswith('convdims.torchvision.') or m in ('typing', 'dataclasses')))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        env={"PYTHONPATH": str(ROOT / "src")},
    )
    assert out.stdout.strip() == "[]", out.stdout + out.stderr


def test_load_state_dict_takes_only_a_skipped_download():
    from convdims.torch import nn
    from convdims.torchvision._internally_replaced_utils import SkippedDownload

    layer = nn.Linear(2, 3)
    keys = layer.load_state_dict(SkippedDownload("https://example.org/w.pth"))
    assert (keys.missing_keys, keys.unexpected_keys) == ([], [])
    with pytest.raises(standin.Unsupported, match="Module.load_state_dict"):
        layer.load_state_dict({"weight": None})


def test_repeat_interleave_function():
    from convdims import torch

    assert torch.repeat_interleave(torch.empty(8, 96), 196, dim=0).shape == (1568, 96)
    assert torch.repeat_interleave(torch.empty(2, 3), 2).shape == (12,)


def test_a_builder_named_as_its_module_is_the_builder():
    """torchvision's ``from .alexnet import *`` makes ``models.alexnet`` the builder,
    whichever name of the family was looked up first."""
    import importlib
    import subprocess
    import sys

    code = (
        "from convdims.torchvision import models\n"
        "models.AlexNet; models.GoogLeNet\n"
        "print(callable(models.alexnet), callable(models.googlenet))\n"
        "print(models.list_models()[0])\n"
        "print(type(models.alexnet).__name__, type(models.inception).__name__)\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        env={"PYTHONPATH": str(ROOT / "src")},
    )
    assert out.stdout.split() == ["True", "True", "alexnet", "function", "module"], (
        out.stderr
    )
    assert importlib.import_module("convdims.torchvision.models").alexnet is models.alexnet


def test_classes_and_weights_say_what_they_are():
    assert "ResNet" in models.ResNet.__doc__
    assert "IMAGENET1K_V2" in models.ResNet50_Weights.__doc__

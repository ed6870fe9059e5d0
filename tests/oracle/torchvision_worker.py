"""Run by tests/oracle/test_torchvision_models.py under the real torch + torchinfo:
torchvision's own model files (the corpus copies in tests/realworld, with their
torchvision_support) build each asked model and print torchinfo's summary; it also gives
the signature of every builder and class. Weights are never downloaded: the download
returns an empty marker that ``load_state_dict`` skips, as convdims.torchvision does, so
a build with weights is the architecture torchvision builds with them.

Usage: python torchvision_worker.py OUT.json CASES.json
"""

import enum
import importlib
import inspect
import io
import json
import sys
import warnings
from contextlib import redirect_stdout
from pathlib import Path

REALWORLD = Path(__file__).resolve().parents[1] / "realworld"
sys.path.insert(0, str(REALWORLD))
warnings.simplefilter("ignore")

import torch  # noqa: E402
import torchinfo  # noqa: E402


class _Skipped(dict):
    skipped_download = True


def _skip_download(url, *args, **kwargs):
    return _Skipped()


_load = torch.nn.Module.load_state_dict


def _load_state_dict(self, state_dict, *args, **kwargs):
    if getattr(state_dict, "skipped_download", False):
        return None
    return _load(self, state_dict, *args, **kwargs)


torch.nn.Module.load_state_dict = _load_state_dict
importlib.import_module(
    "torchvision_support.models._api"
).load_state_dict_from_url = _skip_download


def build(case):
    module = importlib.import_module(case["corpus"])
    torch.manual_seed(0)
    model = getattr(module, case["builder"])(**case["kwargs"])
    if case.get("attribute"):
        model = getattr(model, case["attribute"])
    out = io.StringIO()
    with redirect_stdout(out):
        torchinfo.summary(model, input_size=tuple(case["input_size"]))
    return out.getvalue()


def signatures(modules):
    found = {}
    for name in modules:
        module = importlib.import_module(name)
        for attribute in getattr(module, "__all__", ()):
            value = getattr(module, attribute)
            if inspect.isclass(value) and issubclass(value, enum.Enum):
                continue
            if inspect.isclass(value) or inspect.isfunction(value):
                found[f"{name}.{attribute}"] = str(inspect.signature(value))
    return found


def corpus_torchvision():
    """``import torchvision`` for scripts: a package whose ``models`` (and its
    ``segmentation``, ``detection``, ``video``) hold the corpus copies' public names,
    as torchvision's packages re-export their files'."""
    import re
    import types

    root = types.ModuleType("torchvision")
    packages = {"torchvision": root}
    for path in sorted(REALWORLD.glob("torchvision_*.py")):
        where = re.search(r"^# Path: (\S+)$", path.read_text(), re.MULTILINE).group(1)
        package = where.rpartition("/")[0].replace("/", ".")
        module = importlib.import_module(path.stem)
        for depth in range(2, package.count(".") + 2):
            name = ".".join(package.split(".")[:depth])
            if name not in packages:
                packages[name] = types.ModuleType(name)
                parent, _, leaf = name.rpartition(".")
                setattr(packages[parent], leaf, packages[name])
        for name in getattr(module, "__all__", ()):
            setattr(packages[package], name, getattr(module, name))
    sys.modules.update(packages)


def run_script(path):
    import runpy

    out = io.StringIO()
    with redirect_stdout(out):
        runpy.run_path(path, run_name="__main__")
    return out.getvalue()


def main():
    out, cases = sys.argv[1], json.loads(Path(sys.argv[2]).read_text())
    result = {"summaries": {}, "errors": {}, "signatures": signatures(cases["modules"])}
    for case in cases["builds"]:
        try:
            result["summaries"][case["id"]] = build(case)
        except Exception as error:  # reported by the test, with the case
            result["errors"][case["id"]] = f"{type(error).__name__}: {error}"
    if cases.get("scripts"):
        corpus_torchvision()
        result["scripts"] = {path: run_script(path) for path in cases["scripts"]}
    Path(out).write_text(json.dumps(result))


if __name__ == "__main__":
    main()

"""``torch.hub`` for shapes: importable, so model files that fetch their pretrained
weights through it build with random weights; fetching anything is refused.

torchSR, torchvision and many repositories do ``from torch.hub import
load_state_dict_from_url`` at the top and call it only when asked for pretrained
weights. Here the import works and the model builds; the call raises
[`Unsupported`][convdims.standin.Unsupported], which ``convdims run`` reports as "not
available", naming the file and line. convdims downloads nothing.

>>> from convdims.torch.hub import load_state_dict_from_url
>>> try:
...     load_state_dict_from_url("https://example.org/weights.pth")
... except RuntimeError as error:
...     print(error.name)
torch.hub.load_state_dict_from_url
"""

from __future__ import annotations

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

__all__ = [
    "download_url_to_file",
    "get_dir",
    "help",
    "list",
    "load",
    "load_state_dict_from_url",
    "set_dir",
]


def _refuse(name: str) -> Any:
    from convdims.standin import Unsupported

    raise Unsupported(f"torch.hub.{name}")


def load_state_dict_from_url(
    url: str,
    model_dir: str | None = None,
    map_location: Any = None,
    progress: bool = True,
    check_hash: bool = False,
    file_name: str | None = None,
    weights_only: bool = False,
) -> dict[str, Any]:
    """``torch.hub.load_state_dict_from_url``: refused (there are no weights here).

    Raises:
        Unsupported: always.
    """
    return _refuse("load_state_dict_from_url")


def download_url_to_file(
    url: str, dst: str, hash_prefix: str | None = None, progress: bool = True
) -> None:
    """``torch.hub.download_url_to_file``: refused (convdims downloads nothing).

    Raises:
        Unsupported: always.
    """
    _refuse("download_url_to_file")


def load(
    repo_or_dir: Any,
    model: Any,
    *args: Any,
    source: str = "github",
    trust_repo: Any = "check",
    force_reload: bool = False,
    verbose: bool = True,
    skip_validation: bool = False,
    **kwargs: Any,
) -> Any:
    """``torch.hub.load``: torchvision's entry points (``"pytorch/vision"``, any tag)
    build from [`convdims.torchvision`][convdims.torchvision] (weights are never
    downloaded: they change no shape); a local directory's ``hubconf.py`` runs as
    PyTorch runs it; any other repository would be downloaded, and is refused.

    >>> model = load("pytorch/vision:v0.10.0", "resnet18", weights=None)
    >>> type(model).__name__
    'ResNet'

    Raises:
        Unsupported: a repository on GitHub other than torchvision's.
        RuntimeError: no such entry point (PyTorch's message).
    """
    if source not in ("github", "local"):
        raise ValueError(f'Unknown source: "{source}". Allowed values: "github" | "local".')
    entries = _entries(repo_or_dir, source)
    entry = entries.get(model) if isinstance(model, str) else None
    if entry is None or not callable(entry):
        raise RuntimeError(f"Cannot find callable {model} in hubconf")
    return entry(*args, **kwargs)


def _entries(repo_or_dir: Any, source: str) -> dict[str, Any]:
    """The entry points of a hub repository: torchvision's, or a local hubconf's."""
    if source == "local":
        import importlib.util
        import os

        path = os.path.join(os.fspath(repo_or_dir), "hubconf.py")
        if not os.path.exists(path):
            raise FileNotFoundError(f"{path} not found")
        spec = importlib.util.spec_from_file_location("hubconf", path)
        module = importlib.util.module_from_spec(spec)  # type: ignore[arg-type]
        spec.loader.exec_module(module)  # type: ignore[union-attr]
        return {k: v for k, v in vars(module).items() if not k.startswith("_")}
    repo = str(repo_or_dir).split(":")[0]
    if repo != "pytorch/vision":
        return _refuse("load")
    # torchvision's hubconf.py: the classification and segmentation builders (and
    # get_model_weights, get_weight).
    from convdims.torchvision import models
    from convdims.torchvision.models import segmentation

    found: dict[str, Any] = {}
    for module in (models, segmentation):
        for name in getattr(module, "__all__", ()):
            found.setdefault(name, getattr(module, name))
    return found


def list(  # noqa: A001 - PyTorch's name
    github: Any,
    force_reload: bool = False,
    skip_validation: bool = False,
    trust_repo: Any = "check",
    verbose: bool = True,
) -> Any:
    """``torch.hub.list``: refused (it downloads a repository).

    Raises:
        Unsupported: always.
    """
    return _refuse("list")


def help(  # noqa: A001 - PyTorch's name
    github: Any,
    model: Any,
    force_reload: bool = False,
    skip_validation: bool = False,
    trust_repo: Any = "check",
) -> Any:
    """``torch.hub.help``: refused (it downloads a repository).

    Raises:
        Unsupported: always.
    """
    return _refuse("help")


_hub_dir: list[str] = []


def get_dir() -> str:
    """``torch.hub.get_dir``: where PyTorch keeps downloads (``$TORCH_HOME/hub``, by
    default ``~/.cache/torch/hub``); nothing is stored there by convdims.

    >>> get_dir().endswith("hub")
    True
    """
    import os

    if _hub_dir:
        return _hub_dir[-1]
    home = os.environ.get("TORCH_HOME") or os.path.join(
        os.environ.get("XDG_CACHE_HOME") or os.path.expanduser("~/.cache"), "torch"
    )
    return os.path.join(os.path.expanduser(home), "hub")


def set_dir(d: Any) -> None:
    """``torch.hub.set_dir``: what ``get_dir`` then answers.

    >>> set_dir("/tmp/hub"); get_dir()
    '/tmp/hub'
    >>> _hub_dir.clear()
    """
    import os

    _hub_dir.append(os.path.expanduser(os.fspath(d)))

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
    """``torch.hub.load``: refused (it downloads a repository and runs it).

    Raises:
        Unsupported: always.
    """
    return _refuse("load")


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

"""What torchvision/_internally_replaced_utils.py gives the models: the weights
download. Here nothing is downloaded: weights change no shape or count, so a builder
given weights gets a ``SkippedDownload`` (an empty state dict that
``Module.load_state_dict`` accepts as it is) and builds the
architecture those weights belong to.

>>> from convdims.torchvision.models import ResNet18_Weights
>>> state = ResNet18_Weights.DEFAULT.get_state_dict()
>>> state.skipped_download, state.url, len(state)
(True, 'https://download.pytorch.org/models/resnet18-f37072fd.pth', 0)
"""

from __future__ import annotations

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any


class SkippedDownload(dict):
    """The state dict of weights that were not downloaded (``url``): empty."""

    skipped_download = True

    def __init__(self, url: str) -> None:
        super().__init__()
        self.url = url

    def __repr__(self) -> str:
        return f"SkippedDownload({self.url!r})"


def load_state_dict_from_url(url: str, *args: Any, **kwargs: Any) -> SkippedDownload:
    """torchvision's (torch.hub's) download of weights, skipped: see the module."""
    return SkippedDownload(url)


__all__ = ["SkippedDownload", "load_state_dict_from_url"]

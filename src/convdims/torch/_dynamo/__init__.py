"""``torch._dynamo``: the one query of ``torch.compile``'s front end that model files
import (torchvision's ``ops/roi_align.py``); nothing compiles here."""

from convdims.torch._dynamo import utils

__all__ = ["utils"]

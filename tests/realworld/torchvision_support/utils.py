# convdims real-world corpus: a shim written for the corpus, with one function verbatim.
# Repository: https://github.com/pytorch/vision
# Path: torchvision/utils.py
# Commit: 1f1a920d685d46dfbe187934b785b7ecb7a182f2 (torchvision 0.29.1)
# Licence: BSD-3-Clause (torchvision's LICENSE, Copyright (c) Soumith Chintala 2016)
# Changes: torchvision/utils.py draws images and needs PIL; the models use two of its
# functions. _make_ntuple is copied verbatim. _log_api_usage_once, which in torchvision
# hands the model's name to torch._C._log_api_usage_once (a no-op unless an organisation
# subscribes a logger), does nothing here: it is telemetry, not model code.
import collections
from itertools import repeat
from typing import Any


def _log_api_usage_once(obj: Any) -> None:
    """torchvision's API-usage log; a no-op in the corpus (see the header)."""


def _make_ntuple(x: Any, n: int) -> tuple[Any, ...]:
    """
    Make n-tuple from input x. If x is an iterable, then we just convert it to tuple.
    Otherwise, we will make a tuple of length n, all with value of x.
    reference: https://github.com/pytorch/pytorch/blob/master/torch/nn/modules/utils.py#L8

    Args:
        x (Any): input value
        n (int): length of the resulting tuple
    """
    if isinstance(x, collections.abc.Iterable):
        return tuple(x)
    return tuple(repeat(x, n))

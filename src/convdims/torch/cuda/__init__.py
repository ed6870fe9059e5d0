"""``torch.cuda`` for shapes: there is no GPU (shapes do not depend on one).

>>> is_available(), device_count()
(False, 0)
"""

from __future__ import annotations

__all__ = [
    "BoolTensor",
    "ByteTensor",
    "DoubleTensor",
    "FloatTensor",
    "HalfTensor",
    "IntTensor",
    "LongTensor",
    "device_count",
    "empty_cache",
    "is_available",
    "manual_seed",
    "manual_seed_all",
]


class _CudaTensorType(type):
    """``torch.cuda.FloatTensor`` and friends as types: with no GPU no tensor is one
    (``isinstance(x.data, torch.cuda.FloatTensor)`` is False, as on a CPU machine);
    building one says why."""

    def __instancecheck__(cls, instance: object) -> bool:
        return False

    def __call__(cls, *args: object, **kwargs: object) -> object:
        raise RuntimeError(
            f"torch.cuda.{cls.__name__}: no CUDA GPU (torch.cuda.is_available() is False)"
        )


class FloatTensor(metaclass=_CudaTensorType):
    """``torch.cuda.FloatTensor``: no tensor is one here."""


class DoubleTensor(metaclass=_CudaTensorType):
    """``torch.cuda.DoubleTensor``: no tensor is one here."""


class HalfTensor(metaclass=_CudaTensorType):
    """``torch.cuda.HalfTensor``: no tensor is one here."""


class LongTensor(metaclass=_CudaTensorType):
    """``torch.cuda.LongTensor``: no tensor is one here."""


class IntTensor(metaclass=_CudaTensorType):
    """``torch.cuda.IntTensor``: no tensor is one here."""


class ByteTensor(metaclass=_CudaTensorType):
    """``torch.cuda.ByteTensor``: no tensor is one here."""


class BoolTensor(metaclass=_CudaTensorType):
    """``torch.cuda.BoolTensor``: no tensor is one here."""


def is_available() -> bool:
    """``torch.cuda.is_available``: False."""
    return False


def device_count() -> int:
    """``torch.cuda.device_count``: 0."""
    return 0


def manual_seed(seed: int) -> None:
    """``torch.cuda.manual_seed``: accepted; there is nothing random here."""


def manual_seed_all(seed: int) -> None:
    """``torch.cuda.manual_seed_all``: accepted; there is nothing random here."""


def empty_cache() -> None:
    """``torch.cuda.empty_cache``: accepted; nothing is cached."""

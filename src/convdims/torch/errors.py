"""The exceptions the torch dialect raises where PyTorch would raise.

PyTorch reports a bad configuration with ``ValueError`` (or ``TypeError``), and a shape
or an argument its kernels cannot take with ``RuntimeError`` (``IndexError`` for a
dimension out of range). convdims always raises a ``ValueError`` (or a ``TypeError``
for a wrong type, as PyTorch does); the classes here are also the PyTorch type, so code
written for PyTorch (``except RuntimeError:``) keeps working. Each carries the data of
[`convdims.ArgumentError`][convdims.ArgumentError]: ``argument``, ``value``, ``valid``
(``"input"`` for a tensor that does not fit).

>>> issubclass(ShapeError, ValueError), issubclass(ShapeError, RuntimeError)
(True, True)
>>> from convdims.torch import empty, nn
>>> try:
...     nn.Conv2d(3, 5, 3, stride=0)(empty(1, 3, 8, 8))
... except RuntimeError as error:
...     error.argument, error.valid
('stride', 'integers of at least 1')
"""

from __future__ import annotations

from convdims import errors

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any


class ShapeError(errors.ArgumentError, RuntimeError):
    """A tensor shape, or an argument, that the layer or operation cannot take when it
    runs (PyTorch: RuntimeError)."""

    def __init__(
        self, message: str, *, argument: str = "input", value: Any = None, valid: str = ""
    ) -> None:
        super().__init__(message, argument=argument, value=value, valid=valid)


class DimensionError(errors.ArgumentError, IndexError):
    """A dimension index out of range (PyTorch: IndexError)."""

    def __init__(
        self, message: str, *, argument: str = "dim", value: Any = None, valid: str = ""
    ) -> None:
        super().__init__(message, argument=argument, value=value, valid=valid)


class ArgumentTypeError(errors.ArgumentTypeError, ValueError):
    """An argument of a type PyTorch refuses (PyTorch: TypeError)."""

    def __init__(
        self, message: str, *, argument: str = "", value: Any = None, valid: str = ""
    ) -> None:
        super().__init__(message, argument=argument, value=value, valid=valid)

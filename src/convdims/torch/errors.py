"""The exceptions the torch dialect raises where PyTorch would raise.

PyTorch reports a bad configuration with ``ValueError`` and a shape that does not fit
with ``RuntimeError`` (or ``IndexError`` for a dimension out of range). convdims always
raises a ``ValueError``; the classes here are also the PyTorch type, so code written
for PyTorch (``except RuntimeError:``) keeps working.

>>> issubclass(ShapeError, ValueError), issubclass(ShapeError, RuntimeError)
(True, True)
"""

from __future__ import annotations


class ShapeError(ValueError, RuntimeError):
    """A tensor shape that the layer or operation cannot take (PyTorch: RuntimeError)."""


class DimensionError(ValueError, IndexError):
    """A dimension index out of range (PyTorch: IndexError)."""


class ArgumentTypeError(ValueError, TypeError):
    """An argument of a type PyTorch refuses (PyTorch: TypeError)."""

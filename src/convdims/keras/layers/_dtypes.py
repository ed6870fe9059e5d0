"""Keras's dtype names and dtype policies: which names a layer's ``dtype`` accepts,
the compute and variable dtypes of a policy (``mixed_float16``), and bits per scalar.
"""

from __future__ import annotations

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

_DTYPE_BITS = {
    "float16": 16,
    "bfloat16": 16,
    "float32": 32,
    "float64": 64,
    "int8": 8,
    "int16": 16,
    "int32": 32,
    "int64": 64,
    "uint8": 8,
    "uint16": 16,
    "uint32": 32,
    "uint64": 64,
    "bool": 8,
    "float8_e4m3fn": 8,
    "float8_e5m2": 8,
}
_DTYPE_ALIASES = {
    "float": "float32",
    "double": "float64",
    "half": "float16",
    "int": "int64",
}


def standardize_dtype(dtype: Any) -> str:
    """A dtype name Keras knows, with its aliases resolved (``None`` is float32)."""
    if dtype is None:
        return "float32"
    name = getattr(dtype, "name", dtype)
    name = _DTYPE_ALIASES.get(str(name), str(name))
    if name not in _DTYPE_BITS:
        raise ValueError(f"Invalid dtype: {dtype}")
    return name


def dtype_policy(dtype: Any) -> tuple[str, str]:
    """``(compute_dtype, variable_dtype)`` of a Keras dtype policy name.

    >>> dtype_policy(None), dtype_policy("mixed_float16")
    (('float32', 'float32'), ('float16', 'float32'))
    """
    if dtype is None:
        return "float32", "float32"
    name = getattr(dtype, "name", dtype)
    if not isinstance(name, str):
        raise TypeError(
            "'name' must be a string, such as 'mixed_float16'. "
            f"Received: name={name} (of type {type(name)})"
        )
    if name == "mixed_float16":
        return "float16", "float32"
    if name == "mixed_bfloat16":
        return "bfloat16", "float32"
    try:
        single = standardize_dtype(name)
    except ValueError:
        raise ValueError(
            f"Cannot convert '{name}' to a mixed precision DTypePolicy. Valid policies "
            "include 'mixed_float16', 'mixed_bfloat16', and the name of any float dtype "
            "such as 'float32'."
        ) from None
    return single, single


def dtype_bits(dtype: str) -> int:
    """Bits per scalar of a dtype (float32: 32)."""
    return _DTYPE_BITS[dtype]

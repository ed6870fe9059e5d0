"""Keras's argument normalisation: ints to tuples, padding words, data formats.

Each function accepts what the Keras function of the same name accepts and raises the
same ValueError for what it rejects, at the same moment (layer construction).
"""

from __future__ import annotations

from convdims.errors import ArgumentError
from convdims.keras import config

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

    from convdims.conventions import Convention, Family


_RULES: list[Convention] = []


def keras_rules() -> Convention:
    """Keras's rules, ``conventions.KERAS``, loaded when a
    layer first needs them (``import convdims.keras`` stays fast); every later call
    returns them without the import statement (every convolution asks)."""
    if _RULES:
        return _RULES[0]
    from convdims.conventions import KERAS

    _RULES.append(KERAS)
    return KERAS


_WORDS: dict[tuple[str, int, bool], tuple[str, ...]] = {}


def standardize_tuple(value: Any, n: int, name: str, allow_zero: bool = False) -> tuple:
    """An int, or an iterable of ``n`` ints, as a tuple of ``n`` ints.

    >>> standardize_tuple(3, 2, "kernel_size")
    (3, 3)
    >>> standardize_tuple((1, 0), 2, "kernel_size")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    ValueError: The `kernel_size` argument must be a tuple of 2 integers. ...`value > 0`
    """
    least = 0 if allow_zero else 1
    if type(value) is int and value >= least:  # the common cases, checked at once
        return (value,) * n
    if type(value) is tuple and len(value) == n:
        for single in value:
            if type(single) is not int or single < least:
                break
        else:
            return value
    message = (
        f"The `{name}` argument must be a tuple of {n} integers. Received {name}={value}"
    )
    if isinstance(value, int):
        values = (value,) * n
    else:
        try:
            values = tuple(value)
        except TypeError:
            raise ValueError(message) from None
        if len(values) != n:
            raise ValueError(message)
        for single in values:
            try:
                int(single)
            except (ValueError, TypeError):
                raise ValueError(
                    message + f"including element {single} of type {type(single)}"
                ) from None
    if allow_zero:
        bad = {v for v in values if v < 0}
        rule = ">= 0"
    else:
        bad = {v for v in values if v <= 0}
        rule = "> 0"
    if bad:
        raise ValueError(
            message + f", including values {bad} that do not satisfy `value {rule}`"
        )
    return values


class PaddingNotAWordError(ArgumentError, AttributeError):
    """A padding that is not a word: Keras fails here with AttributeError (``'int' object
    has no attribute 'lower'``); this says what is meant and is both a ValueError (with
    the argument's data) and the AttributeError Keras raises."""


def padding_words(
    family: Family | str, rank: int, allow_causal: bool = True
) -> tuple[str, ...]:
    """The padding words Keras takes for a layer family with ``rank`` spatial axes, in
    Keras's order (from [`convdims.conventions`][convdims.conventions]).

    ``allow_causal=False``: a layer that never takes ``'causal'`` (Keras's depthwise and
    separable convolutions, whatever their rank).

    >>> padding_words("conv", 1), padding_words("conv", 2)
    (('valid', 'same', 'causal'), ('valid', 'same'))
    """
    key = (str(family), int(rank), bool(allow_causal))
    words = _WORDS.get(key)
    if words is None:
        from convdims.conventions import Family

        rules = keras_rules()
        words = _WORDS[key] = tuple(
            word
            for word in rules.padding_words[Family(family)]
            if rules.takes_padding(family, word, axes=rank)
            and (allow_causal or word != "causal")
        )
    return words


def standardize_padding(
    value: Any, family: Family | str = "conv", rank: int = 2, allow_causal: bool = True
) -> Any:
    """A padding word in lower case; lists and tuples pass through (and fail at build).

    The words a family takes come from [`convdims.conventions`][convdims.conventions]
    (``'causal'`` only with one spatial axis).

    >>> standardize_padding("SAME"), standardize_padding("causal", rank=1)
    ('same', 'causal')
    """
    if isinstance(value, (list, tuple)):
        return value
    words = padding_words(family, rank, allow_causal)
    if not isinstance(value, str):
        shown = " or ".join(repr(w) for w in words)
        raise PaddingNotAWordError(
            f"The `padding` argument must be {shown}; received padding={value!r}. Keras "
            f"layers take no number of cells: put a ZeroPadding layer with "
            f"padding={value!r} before a 'valid' layer instead.",
            argument="padding",
            value=value,
            valid=shown,
        )
    padding = value.lower()
    if padding not in words:
        # Keras's message shows a set literal built in this order.
        allowed = set(words)
        raise ValueError(
            f"The `padding` argument must be a list/tuple or one of {allowed}. "
            f"Received: {padding}"
        )
    return padding


def arithmetic(values: tuple) -> tuple:
    """Values Keras accepted, as the plain ints its arithmetic uses: ``True`` is 1 and
    ``2.0`` is 2 (Keras computes with them as numbers).

    Raises:
        ValueError: a float that is not a whole number (Keras would compute a
            fractional size).

    >>> arithmetic((True, 2.0, 3))
    (1, 2, 3)
    """
    if all(type(v) is int for v in values):
        return values
    result = []
    for v in values:
        if isinstance(v, float):
            if not v.is_integer():
                raise ValueError(
                    f"{values} holds {v}, which is not a whole number; convdims computes "
                    "sizes with whole numbers of cells"
                )
        result.append(int(v))
    return tuple(result)


def standardize_data_format(data_format: Any) -> str:
    """``None`` means the configured default; otherwise one of the two formats.

    >>> standardize_data_format(None), standardize_data_format("Channels_First")
    ('channels_last', 'channels_first')
    """
    if data_format is None:
        return config.image_data_format()
    value = str(data_format).lower()
    if value not in {"channels_first", "channels_last"}:
        raise ValueError(
            "The `data_format` argument must be one of "
            "{'channels_first', 'channels_last'}. "
            f"Received: data_format={data_format}"
        )
    return value


#: Tuples that standardize_shape returned as they were, by id (held, so that no other
#: object can take the id).
_STANDARD: dict[int, tuple] = {}


def standardize_shape(shape: Any) -> tuple:
    """A shape as a tuple of ints (at least 0) and ``None`` for unknown sizes.

    >>> standardize_shape([None, 32, 32, 3])
    (None, 32, 32, 3)
    """
    if type(shape) is tuple:
        if _STANDARD.get(id(shape)) is shape:  # this very tuple passed before
            return shape
        for d in shape:
            if d is not None and (type(d) is not int or d < 0):
                break
        else:
            # Already a shape: every layer call passes one through here, most of them
            # a tuple seen before (a remembered output shape, or the input's own shape
            # passed on). A tuple cannot change, and keeping it keeps its id its own.
            if len(_STANDARD) < 8192:
                _STANDARD[id(shape)] = shape
            return shape
    if not isinstance(shape, tuple):
        if shape is None:
            raise ValueError("Undefined shapes are not supported.")
        if not hasattr(shape, "__iter__"):
            raise ValueError(f"Cannot convert '{shape}' to a shape.")
    result = []
    for d in shape:
        if d is None:
            result.append(None)
            continue
        if isinstance(d, (str, float)):
            raise ValueError(
                f"Cannot convert '{shape}' to a shape. "
                f"Found invalid dimension '{d}' of type '{type(d)}'. "
            )
        try:
            d = int(d)
        except Exception as error:
            raise ValueError(
                f"Cannot convert '{shape}' to a shape. "
                f"Found invalid dimension '{d}' of type '{type(d)}'. "
            ) from error
        if d < 0:
            raise ValueError(
                f"Cannot convert '{shape}' to a shape. Negative dimensions are not allowed."
            )
        result.append(d)
    return tuple(result)

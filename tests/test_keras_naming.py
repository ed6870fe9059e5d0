"""convdims.keras._naming: Keras's snake case, written without regular expressions,
against the expressions Keras uses (keras/src/utils/naming.py: to_snake_case)."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from convdims import keras
from convdims.keras import layers
from convdims.keras._naming import to_snake_case


def keras_snake_case(name: str) -> str:
    name = re.sub(r"\W+", "", name)
    name = re.sub("(.)([A-Z][a-z]+)", r"\1_\2", name)
    return re.sub("([a-z])([A-Z])", r"\1_\2", name).lower()


def test_every_layer_class_name() -> None:
    names = [name for name in dir(layers) if isinstance(getattr(layers, name), type)]
    names += ["Conv2DTranspose", "ReLU", "PReLU", "MaxPooling2D", "HTTPServer2D"]
    assert len(names) > 50
    for name in names:
        assert to_snake_case.__wrapped__(name) == keras_snake_case(name), name


# Letters, digits, underscores and some punctuation and non-ASCII, where the rules differ.
_ALPHABET = st.sampled_from(list("aAbBzZ09_- .\n\tÄéßΣσ²Ⅻ") + ["ǅ"])


@given(st.text(_ALPHABET, max_size=30))
def test_any_text_as_keras(name: str) -> None:
    assert to_snake_case.__wrapped__(name) == keras_snake_case(name)


@given(st.text(max_size=20))
def test_any_unicode_text_as_keras(name: str) -> None:
    assert to_snake_case.__wrapped__(name) == keras_snake_case(name)


def test_layer_names_come_from_it() -> None:
    keras.backend.clear_session()
    assert layers.Conv2DTranspose(2, 3).name == "conv2d_transpose"
    assert layers.ReLU().name == "re_lu"

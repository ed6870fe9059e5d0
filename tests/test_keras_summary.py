"""The summary text: rich's table layout, Keras's columns and number formats."""

from __future__ import annotations

import pytest

from convdims import keras
from convdims.keras import _table, layers
from convdims.keras.summary import readable_memory_size


@pytest.fixture(autouse=True)
def fixed_console(monkeypatch):
    monkeypatch.setenv("COLUMNS", "80")
    keras.backend.clear_session()


def summary(model, **options) -> str:
    lines: list[str] = []
    model.summary(print_fn=lines.append, **options)
    assert len(lines) == 1, "print_fn gets the whole summary in one call, as in Keras"
    return lines[0]


def test_seed_summary_layout():
    model = keras.Sequential(
        [keras.Input((32, 32, 3)), layers.Conv2D(5, 3), layers.MaxPooling2D(2)]
    )
    text = summary(model)
    lines = text.splitlines()
    assert lines[0] == 'Model: "sequential"'
    # COLUMNS=80: line length min(88, 80 - 4) = 76.
    assert {len(line) for line in lines[1:8]} == {76}
    assert lines[4].startswith("│ conv2d (Conv2D) ") and lines[4].endswith(" 140 │")
    assert lines[-3:] == [
        " Total params: 140 (560.00 B)",
        " Trainable params: 140 (560.00 B)",
        " Non-trainable params: 0 (0.00 B)",
    ]


def test_unbuilt_layers_show_question_marks():
    text = summary(keras.Sequential([layers.Dense(2), layers.Dropout(0.1)]))
    assert "│ dense (Dense)" in text and " ?  " in text and "0 (unbuilt) │" in text
    assert "dropout (Dropout)" in text and " 0 │" in text


def test_functional_summary_has_connected_to():
    a = keras.Input((4,), name="a")
    model = keras.Model(a, layers.Add()([layers.Dense(4)(a), a]))
    text = summary(model)
    assert "Connected to" in text
    assert "a[0][0]" in text and "dense[0][0]" in text


def test_long_words_end_in_an_ellipsis():
    model = keras.Sequential([keras.Input((4,)), layers.Dense(2, name="n" * 60)])
    assert "…" in summary(model)


def test_bytes_follow_the_dtype():
    model = keras.Sequential([keras.Input((4,)), layers.Dense(2, dtype="float16")])
    assert " Total params: 10 (20.00 B)" in summary(model)


def test_show_trainable_and_line_length(monkeypatch):
    monkeypatch.setenv("COLUMNS", "120")
    model = keras.Sequential([keras.Input((4,)), layers.Dense(2, trainable=False)])
    text = summary(model, show_trainable=True, line_length=100)
    assert text.splitlines()[2].count("┃") == 5  # four columns
    assert " N " in text
    assert len(text.splitlines()[1]) == 100
    # Narrower, the header is cut with an ellipsis, as rich does.
    assert "┃ Tr… ┃" in summary(model, show_trainable=True, line_length=60)
    # Wider than the console (COLUMNS), lines are cropped, as rich does.
    monkeypatch.setenv("COLUMNS", "50")
    assert {len(line) for line in summary(model, line_length=70).splitlines()[1:6]} == {50}


def test_too_narrow():
    with pytest.raises(ValueError, match="Insufficient console width"):
        summary(keras.Sequential([layers.Dense(2)]), line_length=8)


def test_summary_prints_to_stdout(capsys):
    keras.Sequential([keras.Input((4,)), layers.Dense(2)]).summary()
    assert capsys.readouterr().out.startswith('Model: "sequential"\n┏')


def test_readable_memory_size():
    assert readable_memory_size(0) == "0.00 B"
    assert readable_memory_size(1023) == "1023.00 B"
    assert readable_memory_size(1024) == "1.00 KB"
    assert readable_memory_size(138_357_544 * 4) == "527.79 MB"


def test_wrapping_rules():
    assert _table.wrap("a bb ccc", 4, "left", "ellipsis") == ["a bb", "ccc "]
    assert _table.wrap("abcdefgh", 4, "left", "ellipsis") == ["abc…"]
    assert _table.wrap("abcdefgh", 4, "default", "fold") == ["abcd", "efgh"]
    assert _table.wrap("7", 4, "right", "ellipsis") == ["   7"]
    assert _table.column_widths([22, 20, 14, 20], 76) == [21, 19, 12, 19]

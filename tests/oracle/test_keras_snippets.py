"""The architecture examples readers copy print exactly what real Keras prints.

Each ``docs/snippets/keras_*.py`` file imports ``keras`` from convdims. Run as written,
and again with the imports pointed at real Keras, the two summaries must be the same
text (both libraries start from fresh name counters, so even auto-generated names match).
"""

from __future__ import annotations

import contextlib
import io
import pathlib
import warnings

import pytest

from convdims import keras as ck

FOLDER = pathlib.Path(__file__).parents[2] / "docs" / "snippets"
ARCHITECTURES = ("keras_seed", "keras_vgg16", "keras_mobilenet", "keras_resnet50")
SNIPPETS = [FOLDER / f"{name}.py" for name in ARCHITECTURES]
REAL_IMPORTS = {
    "from convdims import keras\n": "import keras\n",
    "from convdims.keras import layers\n": "from keras import layers\n",
}


def printed(source: str, path: pathlib.Path) -> str:
    out = io.StringIO()
    with contextlib.redirect_stdout(out), warnings.catch_warnings():
        warnings.simplefilter("ignore")
        exec(compile(source, str(path), "exec"), {"__name__": "__main__"})
    return out.getvalue()


@pytest.mark.parametrize("path", SNIPPETS, ids=lambda path: path.stem)
def test_snippet_summary_matches_keras(keras, monkeypatch, path):
    monkeypatch.setenv("COLUMNS", "80")
    source = path.read_text()
    real_source = source
    for ours, theirs in REAL_IMPORTS.items():
        assert ours in source, f"{path.name} must import keras from convdims"
        real_source = real_source.replace(ours, theirs)
    ck.backend.clear_session()
    ours = printed(source, path)
    keras.backend.clear_session(free_memory=False)
    theirs = printed(real_source, path)
    assert ours.count("\n") > 5
    assert ours == theirs

"""The real-world corpus (tests/realworld/) is what issue 13 asks for: at least 60 model
files from public repositories, each saying where it comes from and what was changed, with
one driver appended. tests/oracle/test_realworld.py runs them."""

from __future__ import annotations

import re

import pytest

from realworld_runner import (
    MARK,
    corpus_files,
    header,
    is_keras,
    missing_feature,
    run_corpus,
)

FILES = corpus_files()
NAMES = [path.name for path in FILES]


def test_the_corpus_has_at_least_60_model_files():
    assert len(FILES) >= 60, NAMES


def test_the_corpus_has_both_frameworks():
    keras_files = [path for path in FILES if is_keras(path)]
    assert 15 <= len(keras_files) <= len(FILES) - 15


@pytest.mark.parametrize("path", FILES, ids=NAMES)
def test_file_says_where_it_comes_from(path):
    fields = header(path)
    for key in ("Repository", "Path", "Commit", "Licence", "Changes"):
        assert fields.get(key, "").strip() or key == "Changes", f"{path.name}: no {key}"
    assert "Changes" in fields, f"{path.name}: no Changes list"
    assert fields["Repository"].startswith("https://github.com/")
    assert re.search(r"\b[0-9a-f]{40}\b|sha256 [0-9a-f]{64}", fields["Commit"])


@pytest.mark.parametrize("path", FILES, ids=NAMES)
def test_file_has_one_driver_and_lists_it(path):
    text = path.read_text()
    assert text.splitlines().count(MARK) == 1, f"{path.name}: expected one line {MARK!r}"
    head = text.split("\n\n", 1)[0]
    assert "appended the driver" in head
    driver = text.split(MARK, 1)[1]
    assert 'if __name__ == "__main__":' in driver
    assert re.search(r"\.summary\(\)|summary\(|print\(", driver)


def test_support_files_say_what_they_are():
    support = [
        path
        for path in FILES[0].parent.glob("*/**/*.py")
        if "__pycache__" not in path.parts
    ]
    assert support
    for path in support:
        first = path.read_text().splitlines()[0]
        assert first.startswith("# convdims real-world corpus:"), path
        text = path.read_text()
        assert "shim written for the corpus" in first or "# Repository: https://" in text


def test_convdims_side_hides_the_real_frameworks(tmp_path):
    script = tmp_path / "probe.py"
    script.write_text(
        "import sys\n"
        "import torch\n"
        "import keras\n"
        "print(torch.__name__, keras.__name__)\n"
        "for name in ('torchvision', 'tensorflow', 'jax'):\n"
        "    try:\n"
        "        print(name, 'is', __import__(name).__name__)\n"
        "    except ModuleNotFoundError:\n"
        "        print(name, 'hidden')\n"
        "print(sorted(n for n in sys.modules if n.split('.')[0] in ('torch', 'keras')"
        " and not sys.modules[n].__name__.startswith('convdims')))\n"
    )
    run = run_corpus("convdims", [script], tmp_path)[script.name]
    assert run.status == 0, run.stderr
    assert run.stdout.splitlines() == [
        "convdims.torch convdims.keras",
        "torchvision is convdims.torchvision",  # the torchvision lookalike stands in
        "tensorflow is convdims.keras.tensorflow",  # tf.keras is Keras 3: stood in for
        "jax hidden",
        "[]",
    ]


def test_each_file_runs_in_a_fresh_process_with_its_folder_first(tmp_path):
    (tmp_path / "sibling.py").write_text("VALUE = 'from the folder'\n")
    first = tmp_path / "first.py"
    first.write_text(
        "import sys\nsys.modules['marker'] = sys\nfrom sibling import VALUE\nprint(VALUE)\n"
    )
    second = tmp_path / "second.py"
    second.write_text("import sys\nprint('marker' in sys.modules)\n")
    runs = run_corpus("convdims-with-folder", [first, second], tmp_path)
    assert runs["first.py"].stdout == "from the folder\n"
    assert runs["second.py"].stdout == "False\n"


def test_a_failing_file_reports_its_error_and_status(tmp_path):
    script = tmp_path / "broken.py"
    script.write_text("print('before')\nimport torch.nn.no_such_module\n")
    run = run_corpus("convdims", [script], tmp_path)[script.name]
    assert run.status == 2
    assert "no_such_module" in run.error and "not available" in run.error
    assert missing_feature(run.error) == "torch.nn.no_such_module"


def test_the_readme_gives_the_corpus_figure_the_tests_give():
    """README's figure is the corpus's size and the files not in NOT_YET."""
    import ast
    from pathlib import Path

    root = Path(__file__).resolve().parent.parent
    source = (root / "tests" / "oracle" / "test_realworld.py").read_text()
    tree = ast.parse(source)
    not_yet = next(
        node.value
        for node in tree.body
        if isinstance(node, ast.AnnAssign) and getattr(node.target, "id", "") == "NOT_YET"
    )
    pending = len(ast.literal_eval(not_yet))
    readme = " ".join((root / "README.md").read_text().split())
    found = re.search(r"\((\d+) model files from published packages\), (\d+) run", readme)
    assert found, "README.md no longer gives the corpus figure"
    assert (int(found[1]), int(found[2])) == (len(FILES), len(FILES) - pending)

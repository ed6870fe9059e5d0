"""convdims.cli.browser: what the site's Run buttons call gives what the command line and
the pages give (the browser tests then check Pyodide gives the same)."""

from __future__ import annotations

import contextlib
import io
import json
import re
from pathlib import Path

import pytest

from convdims import draw
from convdims.cli import browser, main

ROOT = Path(__file__).resolve().parent.parent
SNIPPETS = ROOT / "docs" / "snippets"
PYCON = re.compile(r"^```pycon\n(.*?)^```", re.DOTALL | re.MULTILINE)


def cli(argv):
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        status = main(argv)
    return out.getvalue(), err.getvalue(), status


@pytest.mark.parametrize(
    "name", ["keras_seed.py", "torch_seed.py", "keras_check_model.py", "torch_resnet50.py"]
)
def test_run_script_prints_what_convdims_run_prints(name):
    result = browser.run_script((SNIPPETS / name).read_text(), name)
    out, err, status = cli(["run", str(SNIPPETS / name)])
    assert (result["output"], result["error"], result["status"]) == (out, None, status)
    assert status == 0 and "params" in out.lower()


def test_run_script_reports_errors_as_the_command_line_does(tmp_path):
    source = (
        (SNIPPETS / "keras_seed.py").read_text().replace("Conv2D(5, 3)", "Conv2D(5, 40)")
    )
    (tmp_path / "keras_seed.py").write_text(source)
    result = browser.run_script(source, "keras_seed.py")
    with contextlib.chdir(tmp_path):
        _, err, status = cli(["run", "keras_seed.py"])
    assert result["error"] == err.strip() and result["status"] == status == 2
    assert result["error"].startswith("convdims: error: keras_seed.py raised ValueError")


def test_run_script_says_what_convdims_cannot_do():
    result = browser.run_script("import keras\nkeras.Sequential([]).fit()\n", "train.py")
    assert "Sequential.fit is not available" in result["error"]


def test_run_script_leaves_the_working_directory_and_sys_path():
    import os
    import sys

    before = (os.getcwd(), list(sys.path), sorted(sys.modules))
    browser.run_script("import torch\nprint(torch.__name__)\n", "x.py")
    after = (os.getcwd(), list(sys.path), sorted(sys.modules))
    assert before[:2] == after[:2]


@pytest.mark.parametrize("page", ["tutorial.md", "how-to/check-a-model.md", "index.md"])
def test_pycon_blocks_print_the_page_transcript(page):
    """Each page's pycon blocks, run in page order, print exactly what the page shows."""
    text = (ROOT / "docs" / page).read_text()
    blocks = [m.group(1) for m in PYCON.finditer(text)]
    assert blocks
    session = []
    for block in blocks:
        session.append({"kind": "pycon", "source": block})
        result = browser.run_session(session)
        assert result["error"] is None
        assert result["output"].rstrip("\n") == block.rstrip("\n")


def test_session_runs_the_blocks_above_first():
    blocks = [
        {"kind": "python", "source": "from convdims import conv_output_size\nn = 11"},
        {"kind": "pycon", "source": ">>> conv_output_size(n, 2, stride=2)\n"},
    ]
    assert browser.run_session(blocks)["output"].splitlines() == [
        ">>> conv_output_size(n, 2, stride=2)",
        "5",
    ]
    alone = browser.run_session(blocks[1:])
    assert "NameError: name 'conv_output_size' is not defined" in alone["output"]
    assert alone["error"] == "NameError: name 'conv_output_size' is not defined"


def test_session_errors_name_the_block_and_line():
    blocks = [{"kind": "python", "source": "x = 1\nraise ValueError('no')"}]
    assert browser.run_session(blocks)["error"] == (
        "example.py raised ValueError: no (line 2)"
    )
    earlier = [blocks[0], {"kind": "python", "source": "print(1)"}]
    error = browser.run_session(earlier)["error"]
    assert error.startswith("example 1 on this page, which runs first, failed: ")


def test_session_stands_in_for_the_frameworks():
    blocks = [{"kind": "pycon", "source": ">>> import torch\n>>> torch.__name__\n"}]
    assert browser.run_session(blocks)["output"].endswith("'convdims.torch'\n")


def test_pycon_shows_tracebacks_as_a_console_does():
    blocks = [{"kind": "pycon", "source": ">>> 1/0\n>>> 2 + 2\n"}]
    result = browser.run_session(blocks)
    assert result["output"] == (
        ">>> 1/0\nTraceback (most recent call last):\n"
        '  File "<stdin>", line 1, in <module>\n'
        "ZeroDivisionError: division by zero\n>>> 2 + 2\n4\n"
    )
    assert result["error"] == "ZeroDivisionError: division by zero"


def test_cells_show_results_as_a_kernel_does(monkeypatch):
    monkeypatch.setattr(browser, "_has_ipython", lambda: False)  # as in Pyodide
    cells = [
        "from convdims import draw\nrows = ['| a |', '|---|', '| 1 |']",
        "from IPython.display import Markdown\nprint('table:')\nMarkdown('\\n'.join(rows))",
    ]
    result = browser.run_cells(cells)
    assert result == {
        "outputs": [
            {"mime": "stream", "data": "table:\n"},
            {"mime": "text/markdown", "data": "| a |\n|---|\n| 1 |"},
        ],
        "error": None,
    }
    figure = browser.run_cells(["from convdims import draw\ndraw.window(5, 3, id='w')"])
    assert figure["outputs"] == [
        {"mime": "image/svg+xml", "data": draw.window(5, 3, id="w").svg}
    ]
    import sys

    assert "IPython.display" not in sys.modules or not hasattr(
        sys.modules["IPython.display"], "_Display"
    )


def test_notebook_cells_give_the_notebooks_outputs():
    """LeNet-5's executed outputs (text) are what run_cells gives, cell by cell."""
    import nbformat

    notebook = nbformat.read(ROOT / "docs" / "examples" / "lenet5.ipynb", as_version=4)
    cells = [cell.source for cell in notebook.cells if cell.cell_type == "code"]
    import copy
    import importlib.util

    spec = importlib.util.spec_from_file_location(
        "notebook_run", ROOT / "docs" / "_hooks" / "notebook_run.py"
    )
    notebook_run = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(notebook_run)
    folder = ROOT / "docs" / "examples"
    executed = notebook_run.run(copy.deepcopy(notebook), folder, "lenet5.ipynb")
    code = [cell for cell in executed.cells if cell.cell_type == "code"]
    for number in range(len(cells)):
        result = browser.run_cells(cells[: number + 1])
        assert result["error"] is None
        want = []
        for output in code[number].outputs:
            if output.output_type == "stream":
                want.append(output.text)
            else:
                want.append(output.data.get("text/markdown") or output.data["text/plain"])
        assert [o["data"] for o in result["outputs"]] == want, f"cell {number + 1}"


def test_cells_say_which_earlier_cell_failed():
    result = browser.run_cells(["1/0", "print(2)"])
    assert result == {
        "outputs": [],
        "error": "cell 1, which runs first, raised ZeroDivisionError: division by zero",
    }


def test_playground_is_convdims_summary_with_columns(tmp_path):
    source = (SNIPPETS / "keras_check_model.py").read_text()
    result = browser.playground(source, columns=["macs", "receptive_field"])
    (tmp_path / "model.py").write_text(source)
    with contextlib.chdir(tmp_path):
        out, err, status = cli(["summary", "model.py", "--columns", "macs,receptive_field",
                                "--json"])  # fmt: skip
    want = json.loads(out)
    assert status == 0 and result["error"] is None
    assert result["summary"] == want["summary"] and "Receptive field" in want["summary"]
    assert result["total_params"] == want["total_params"]
    assert result["printed"] == err  # the file's own model.summary()
    assert result["models"] == [["model", "keras"]] and result["name"] == "model"
    assert (
        result["figure"].startswith("<svg")
        and 'id="playground-volumes"' in result["figure"]
    )


def test_playground_finds_a_torch_class_and_its_input_size():
    source = (SNIPPETS / "torch_check_model.py").read_text()
    result = browser.playground(source)
    assert result["error"] is None
    assert (result["name"], result["dialect"], result["input_size"]) == (
        "SmallNet", "torch", [1, 3, 64, 64],
    )  # fmt: skip
    assert result["models"] == [["SmallNet", "torch"]]
    assert "MACs" in result["summary"]


def test_playground_refusals_are_the_command_lines():
    torch_file = "from torch import nn\nmodel = nn.Sequential(nn.Conv2d(3, 8, 3))\n"
    result = browser.playground(torch_file)
    assert result["error"]["option"] == "--input-size"
    assert "required for a torch-dialect module" in result["error"]["message"]
    assert browser.playground(torch_file, input_size=[1, 3, 8, 8])["error"] is None
    missing = browser.playground("x = 1\n", name="net")
    assert missing["error"]["option"] == "FILE"
    assert "defines no 'net'" in missing["error"]["message"]
    broken = browser.playground("import keras\nkeras.layers.Conv2D(0, 3)\n")
    assert broken["error"]["message"].startswith("model.py raised ValueError")
    assert broken["error"]["message"].endswith("(line 2)")
    columns = browser.playground(torch_file, input_size=[1, 3, 8, 8], columns=["flops"])
    assert columns["error"]["option"] == "--columns"
    assert "unknown column 'flops'" in columns["error"]["message"]


def test_input_size_in():
    assert browser.input_size_in("summary(m, input_size=[2, 3, 8, 8])") == [2, 3, 8, 8]
    assert browser.input_size_in("summary(m, input_size=(1, True))") is None
    assert browser.input_size_in("def (") is None


def _documented():
    import convdims

    for name in convdims.__all__:
        obj = getattr(convdims, name)
        doc = getattr(obj, "__doc__", None) or ""
        if ">>>" in doc and callable(obj):
            yield name, doc


@pytest.mark.parametrize(("name", "doc"), list(_documented()), ids=lambda v: v[:30])
def test_api_page_examples_run_in_their_modules_namespace(name, doc):
    """An API page's Run runs a docstring's examples as doctest does: with the globals
    of the module that defines the object (the heading's id names it)."""
    import doctest
    import inspect

    examples = doctest.DocTestParser().get_examples(inspect.cleandoc(doc))
    text = "".join(
        ">>> " + e.source.rstrip("\n").replace("\n", "\n... ") + "\n" + e.want
        for e in examples
    )
    result = browser.run_session(
        [{"kind": "pycon", "source": text}], context=f"convdims.{name}"
    )
    assert result["error"] is None, f"{name}: {result['error']}"
    assert result["output"].count("\n>>> ") + 1 == len(examples)

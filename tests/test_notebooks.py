"""The site's notebooks are executed inside the build process (docs/_hooks/notebook_run.py);
what that gives must be what a real Jupyter kernel gives, cell for cell."""

from __future__ import annotations

import builtins
import copy
import importlib.util
import os
import sys
import warnings
from pathlib import Path

import nbformat
import pytest
from nbformat.v4 import new_code_cell, new_notebook

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOKS = sorted((ROOT / "docs").rglob("*.ipynb"))


def _load_hook():
    spec = importlib.util.spec_from_file_location(
        "notebook_run", ROOT / "docs" / "_hooks" / "notebook_run.py"
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


hook = _load_hook()

# Every kind of output a kernel sends: streams (interleaved with displays), rich reprs,
# a suppressed result, clear_output (immediate and deferred) and display updates.
FEATURES = [
    "print('one'); print('two')\nimport sys; print('to stderr', file=sys.stderr)\n"
    "print('three')",
    "from IPython.display import Markdown, HTML, display\n"
    "print('before'); display(Markdown('**bold**')); print('after')\n1 + 1",
    "40 + 2;",
    "x = 5\nx",
    "from IPython.display import clear_output\n"
    "print('gone'); clear_output()\nprint('kept')",
    "print('gone too'); clear_output(wait=True)\nprint('kept too')",
    "handle = display(HTML('<b>first</b>'), display_id='d')\nprint('shown')",
    "handle.update(HTML('<b>second</b>'))",
    "class Rich:\n    def __repr__(self):\n        return 'Rich()'\n"
    "    def _repr_svg_(self):\n        return '<svg/>'\n"
    "    def _repr_html_(self):\n        return '<p>rich</p>'\nRich()",
    "import os; os.path.basename(os.getcwd())",
    "!echo from a shell",
    "%%capture captured\nprint('hidden')",
    "captured.stdout",
    "import sys; sys.stdout.encoding",
    "_ + '!'",
]


def _kernel_run(notebook, folder: Path, home: Path):
    """The same notebook, executed by nbclient in a real ipykernel."""
    from nbclient import NotebookClient

    env = {
        "IPYTHONDIR": str(home / "ipython"),
        "JUPYTER_CONFIG_DIR": str(home / "config"),
        "JUPYTER_DATA_DIR": str(home / "data"),
        "JUPYTER_RUNTIME_DIR": str(home / "runtime"),
        "JUPYTER_PLATFORM_DIRS": "1",
    }
    with pytest.MonkeyPatch.context() as patch:
        for name, value in env.items():
            patch.setenv(name, value)
        NotebookClient(
            notebook, timeout=120, resources={"metadata": {"path": str(folder)}}
        ).execute()
    return notebook


def _outputs(notebook):
    """What a reader sees of each code cell: its number and outputs, streams merged."""
    seen = []
    for cell in notebook.cells:
        if cell.cell_type != "code":
            continue
        outputs = []
        for output in cell.outputs:
            output = dict(output)
            last = outputs[-1] if outputs else None
            if (
                output["output_type"] == "stream"
                and last is not None
                and last["output_type"] == "stream"
                and last["name"] == output["name"]
            ):
                last["text"] += output["text"]
            else:
                outputs.append(output)
        seen.append((cell.execution_count, outputs))
    return seen


@pytest.fixture(scope="module")
def kernel_home(tmp_path_factory):
    pytest.importorskip("ipykernel")
    return tmp_path_factory.mktemp("jupyter-home")


@pytest.mark.slow
@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda path: path.name)
def test_site_notebook_gives_what_a_kernel_gives(path, kernel_home):
    written = nbformat.read(path, as_version=4)
    ours = hook.run(copy.deepcopy(written), path.parent, path.name)
    theirs = _kernel_run(copy.deepcopy(written), path.parent, kernel_home)
    assert _outputs(ours) == _outputs(theirs)
    assert any(outputs for _, outputs in _outputs(ours)), "the notebook shows nothing"


@pytest.mark.slow
def test_every_kind_of_output_matches_a_kernel(tmp_path, kernel_home):
    notebook = new_notebook(cells=[new_code_cell(source) for source in FEATURES])
    notebook.metadata["kernelspec"] = {
        "name": "python3",
        "display_name": "Python 3",
        "language": "python",
    }
    ours = hook.run(copy.deepcopy(notebook), tmp_path, "features.ipynb")
    theirs = _kernel_run(copy.deepcopy(notebook), tmp_path, kernel_home)
    assert _outputs(ours) == _outputs(theirs)
    # and the cases are not vacuous
    kinds = {output["output_type"] for _, outputs in _outputs(ours) for output in outputs}
    assert kinds == {"stream", "display_data", "execute_result"}
    results = {
        output["data"]["text/plain"]
        for _, outputs in _outputs(ours)
        for output in outputs
        if output["output_type"] == "execute_result"
    }
    assert repr(tmp_path.name) in results


def test_a_leftover_underscore_in_builtins_does_not_change_what_underscore_is(
    tmp_path, monkeypatch
):
    """Doctests and ``sys.displayhook`` leave ``builtins._`` behind in a test process."""
    monkeypatch.setattr(builtins, "_", "left behind", raising=False)
    notebook = new_notebook(cells=[new_code_cell("'fresh'"), new_code_cell("_ + '!'")])
    hook.run(notebook, tmp_path, "underscore.ipynb")
    assert notebook.cells[1].outputs[0]["data"]["text/plain"] == "'fresh!'"
    assert builtins._ == "left behind"


def test_a_failing_cell_names_the_notebook_the_cell_and_the_error(tmp_path):
    notebook = new_notebook(
        cells=[
            new_code_cell("x = 1"),
            new_code_cell("from convdims import conv_output_size\nconv_output_size(3, 5)"),
            new_code_cell("print('never runs')"),
        ]
    )
    with pytest.raises(hook.NotebookError) as raised:
        hook.run(notebook, tmp_path, "broken.ipynb")
    message = str(raised.value)
    # The core's refusals are ArgumentError, a ValueError that names the argument.
    assert message.startswith("broken.ipynb: cell 2 raised ArgumentError: ")
    assert "kernel_size" in message
    assert notebook.cells[2].outputs == []


def test_a_syntax_error_fails_too(tmp_path):
    notebook = new_notebook(cells=[new_code_cell("def f(:\n    pass")])
    with pytest.raises(hook.NotebookError, match=r"cell 1 raised SyntaxError"):
        hook.run(notebook, tmp_path, "typo.ipynb")


def test_each_notebook_starts_from_a_fresh_namespace(tmp_path):
    first = new_notebook(cells=[new_code_cell("leftover = 1")])
    second = new_notebook(cells=[new_code_cell("leftover")])
    hook.run(first, tmp_path, "first.ipynb")
    with pytest.raises(hook.NotebookError, match="NameError"):
        hook.run(second, tmp_path, "second.ipynb")


def _process_state():
    return (
        os.getcwd(),
        list(sys.path),
        sys.modules["__main__"],
        dict(vars(builtins)),
        list(warnings.filters),
        dict(os.environ),
        sys.stdout,
        sys.stderr,
        {
            name: getattr(sys, name, None)
            for name in (
                "ps1",
                "ps2",
                "ps3",
                "displayhook",
                "excepthook",
                "last_type",
                "last_value",
            )
        },
    )


def test_the_process_is_left_as_it_was(tmp_path):
    """An IPython shell sets prompts, builtins and more; a build must not see them."""
    before = _process_state()
    notebook = new_notebook(
        cells=[
            new_code_cell("import os\nprint(os.getcwd())\n3"),
            new_code_cell(
                "import warnings, sys\nwarnings.simplefilter('ignore')\n"
                "os.environ['CONVDIMS_NOTEBOOK_TEST'] = '1'\nsys.ps1"
            ),
        ]
    )
    hook.run(notebook, tmp_path, "cwd.ipynb")
    assert _process_state() == before
    assert not hasattr(sys, "ps1")  # torchinfo (and convdims) print summaries only then
    assert notebook.cells[0].outputs[0]["text"] == f"{tmp_path}\n"

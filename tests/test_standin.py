"""convdims.standin: framework imports answered by the dialects, one at a time, and files
executed as Python executes them."""

from __future__ import annotations

import subprocess
import sys
import textwrap

import pytest

from convdims import standin


def fresh_python(code: str) -> str:
    result = subprocess.run(
        [sys.executable, "-c", textwrap.dedent(code)],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.strip()


def test_only_the_dialect_a_script_imports_is_loaded(tmp_path):
    script = tmp_path / "model.py"
    script.write_text(
        "import keras\nfrom keras import layers\n"
        "model = keras.Sequential([keras.Input((8, 8, 1)), layers.Conv2D(2, 3)])\n"
    )
    loaded = fresh_python(
        f"""
        import sys
        from convdims import standin
        standin.run({str(script)!r})
        print(sorted(m for m in ("convdims.keras", "convdims.torch") if m in sys.modules))
        """
    )
    assert loaded == "['convdims.keras']"


def test_the_command_line_loads_no_command_before_it_knows_it():
    loaded = fresh_python(
        """
        import sys
        import convdims.cli
        heavy = ("json", "convdims.render", "convdims.analysis", "convdims.keras",
                 "convdims.torch", "convdims.cli.models", "convdims.cli.windows")
        print([m for m in heavy if m in sys.modules])
        """
    )
    assert loaded == "[]"


def test_framework_names_resolve_to_the_stand_ins_and_are_restored():
    before = {name: sys.modules.get(name) for name in ("keras", "torch", "torch.nn")}
    with standin.frameworks() as modules:
        import keras.layers
        import torch.nn
        from torch import nn
        from torchinfo import summary

        assert keras.layers.__name__ == "convdims.keras.layers"
        assert torch.nn is nn and nn.__name__ == "convdims.torch.nn"
        assert summary is modules["torchinfo"].summary
        assert modules["keras.backend"].__name__ == "convdims.keras.backend"
        # The stand-ins keep their own identity (spec, package) under the alias.
        assert nn.__spec__.name == "convdims.torch.nn"
    after = {name: sys.modules.get(name) for name in before}
    assert after == before


def test_a_framework_module_without_a_stand_in():
    with standin.frameworks():
        with pytest.raises(standin.NotStoodIn) as caught:
            import torch.no_such_module  # noqa: F401
    assert caught.value.name == "torch.no_such_module"
    assert isinstance(caught.value, ModuleNotFoundError)  # `except ImportError` works
    assert standin.unsupported(caught.value) == "torch.no_such_module"


def test_unsupported_names_missing_attributes_of_stand_ins_only():
    with standin.frameworks():
        from torch import nn

        conv = nn.Conv2d(3, 4, 3)
        with pytest.raises(AttributeError) as on_object:
            conv.no_such_method()
        with pytest.raises(AttributeError) as on_module:
            nn.NoSuchLayer  # noqa: B018
    assert standin.unsupported(on_object.value) == "Conv2d.no_such_method"
    assert standin.unsupported(on_module.value) == "torch.nn.NoSuchLayer"

    class Mine:
        pass

    with pytest.raises(AttributeError) as not_ours:
        Mine().missing  # noqa: B018
    assert standin.unsupported(not_ours.value) is None
    assert standin.unsupported(ValueError("no")) is None


def test_execute_runs_a_file_as_python_does(tmp_path, capsys):
    (tmp_path / "sibling.py").write_text("VALUE = 'from the sibling'\n")
    script = tmp_path / "main.py"
    script.write_text(
        "import sys\nfrom sibling import VALUE\n"
        "print(__name__, sys.argv, VALUE)\n"
        "if __name__ == '__main__':\n    print('main block')\n"
    )
    path_before, argv_before = list(sys.path), list(sys.argv)
    namespace = standin.execute(str(script), ["--size", "16"])
    out = capsys.readouterr().out
    assert out == (
        f"__main__ {[str(script), '--size', '16']} from the sibling\nmain block\n"
    )
    assert namespace["VALUE"] == "from the sibling"
    assert (sys.path, sys.argv) == (path_before, argv_before)


def test_execute_keeps_the_globals_of_a_file_that_raised(tmp_path):
    script = tmp_path / "exits.py"
    script.write_text("model = 'built'\nimport sys\nsys.exit(0)\n")
    namespace: dict = {}
    with pytest.raises(SystemExit):
        standin.execute(script, namespace=namespace, run_name="__not_main__")
    assert namespace["model"] == "built"


def test_run_returns_what_the_script_printed(tmp_path):
    script = tmp_path / "hello.py"
    script.write_text("import sys\nprint('hello', sys.argv[1:])\n")
    assert standin.run(script, ["x"]) == "hello ['x']\n"
    with pytest.raises(FileNotFoundError):
        standin.run(tmp_path / "missing.py")


def test_names_both_ways():
    assert standin.stand_in_for("keras.layers") == "convdims.keras.layers"
    assert standin.stand_in_for("numpy") is None
    assert standin.framework_name("convdims.torch.nn") == "torch.nn"
    assert standin.framework_name("convdims.analysis") is None

"""Refusals of the command line: the option named from the error's data, and under
``--json`` an ``{"error": ...}`` object on stdout with exit status 2."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from convdims import conventions
from convdims.cli import main
from convdims.cli.errors import OPTIONS, CommandError, from_argument_error
from convdims.cli.parser import build_parser
from convdims.errors import ArgumentError, ArgumentTypeError

ERROR_KEYS = {"message", "option", "argument", "value", "valid"}


def run(capsys, *args: str) -> tuple[int, str, str]:
    status = main(list(args))
    out, err = capsys.readouterr()
    return status, out, err


@pytest.mark.parametrize(
    ("argv", "option", "argument"),
    [
        (["frob"], "COMMAND", None),
        (["conv", "32"], None, None),  # argparse: "the following arguments are required"
        (["conv", "32x", "-k", "3"], "INPUT", None),
        (["conv", "32", "-k", "3", "-p", "1,2,3"], "-p/--padding", None),
        (["conv", "32", "-k", "3", "--framework", "theano"], "--framework", None),
        (["conv", "3", "-k", "5"], "-k/--kernel-size", "kernel_size"),
        (["conv", "32x3", "-k", "3x5"], "-k/--kernel-size", "kernel_size"),
        (["conv", "32", "-k", "3", "-s", "0"], "-s/--stride", "stride"),
        (
            ["conv", "32", "-k", "3", "-p", "3", "--framework", "keras"],
            "-p/--padding",
            "padding",
        ),
        (
            ["conv", "32", "-k", "3", "-s", "2", "-d", "2", "--framework", "keras"],
            "-d/--dilation",
            "dilation",
        ),
        (
            ["pool", "11", "-k", "2", "--ceil-mode", "--framework", "keras"],
            "--ceil-mode",
            "ceil_mode",
        ),
        (
            ["transpose", "12", "-k", "3", "-s", "2", "-p", "1", "--output-padding", "2"],
            "--output-padding",
            "output_padding",
        ),
        (
            ["params", "conv", "-k", "3", "-c", "32", "-f", "63", "-g", "4"],
            "-g/--groups",
            "groups",
        ),
        (["params", "dense", "-i", "0", "-u", "3"], "-i/--in-features", "in_features"),
        (["summary", "no-such-file.py"], "FILE", None),
        (["run", "no-such-script.py"], "SCRIPT", None),
    ],
)
def test_every_refusal_is_json_under_json(capsys, argv, option, argument):
    status, out, err = run(capsys, *argv, "--json")
    assert (status, err) == (2, "")
    data = json.loads(out)
    assert set(data["error"]) == ERROR_KEYS
    error = data["error"]
    assert (error["option"], error["argument"]) == (option, argument)
    if option:
        assert error["message"].startswith(f"argument {option}: ")
    # The same line as without --json.
    status, out, err = run(capsys, *argv)
    assert (status, out) == (2, "")
    assert err == f"convdims: error: {error['message']}\n"


def test_json_errors_carry_the_value_and_what_is_valid(capsys):
    status, out, _ = run(capsys, "conv", "32", "-k", "3", "-s", "0", "--json")
    error = json.loads(out)["error"]
    assert (error["value"], error["valid"]) == (0, "an integer of at least 1")
    status, out, _ = run(capsys, "conv", "32", "-k", "3x", "--json")
    assert json.loads(out)["error"]["value"] == "3x"


def test_a_json_refusal_in_a_real_process():
    result = subprocess.run(
        [sys.executable, "-m", "convdims", "pool", "11", "-k", "2", "-p", "2", "--json"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert (result.returncode, result.stderr) == (2, "")
    assert json.loads(result.stdout)["error"]["option"] == "-p/--padding"


def test_a_huge_number_is_refused_naming_the_option(capsys):
    digits = "9" * 5000
    status, out, err = run(capsys, "conv", digits, "-k", "3")
    assert status == 2 and out == ""
    assert err.startswith("convdims: error: argument INPUT: ") and len(err) < 300
    assert "5000 digits" in err


def test_the_framework_option_lists_the_conventions():
    conv = build_parser()._subparsers._group_actions[0].choices["conv"]  # noqa: SLF001
    (framework,) = [a for a in conv._actions if "--framework" in a.option_strings]  # noqa: SLF001
    assert tuple(framework.choices) == conventions.FRAMEWORKS


def test_the_conventions_decide_and_their_argument_names_the_option(capsys, monkeypatch):
    # The CLI keeps no framework rule of its own: a convention's refusal, whatever it
    # is, reaches the user named by its .argument.
    def refuse(self, family, **kwargs):
        raise ArgumentError(
            "a rule of tomorrow's framework", argument="stride", value=[2], valid="1"
        )

    monkeypatch.setattr(conventions.Convention, "check", refuse)
    status, _, err = run(capsys, "conv", "32", "-k", "3", "--framework", "torch")
    assert status == 2
    assert err == "convdims: error: argument -s/--stride: a rule of tomorrow's framework\n"


def test_from_argument_error_reads_the_data_not_the_message():
    error = ArgumentTypeError(
        "stride is wrong (the message does not start with the name)",
        argument="padding[0] (before)",
        value=1.5,
        valid="an integer",
    )
    refused = from_argument_error(error)
    assert refused.option == "-p/--padding" and refused.value == 1.5
    assert from_argument_error(ValueError("plain")).option is None


def test_every_mapped_option_exists():
    options = set()
    stack = [build_parser()]
    while stack:
        current = stack.pop()
        for action in current._actions:  # noqa: SLF001 - walking argparse's own tree
            options.update(action.option_strings)
            if action.metavar:
                options.add(action.metavar)
            if isinstance(getattr(action, "choices", None), dict):
                stack.extend(action.choices.values())
    for shown in OPTIONS.values():
        assert all(part in options for part in shown.split("/")), shown


def test_a_command_error_prefixes_its_option_once():
    assert str(CommandError("bad", option="-k/--kernel-size")) == (
        "argument -k/--kernel-size: bad"
    )
    assert str(
        CommandError("argument -k/--kernel-size: bad", option="-k/--kernel-size")
    ) == ("argument -k/--kernel-size: bad")


def test_framework_refusals_say_the_arithmetic_alone_would_answer(capsys):
    # A padding the framework never takes there: without --framework it is answered.
    status, _, err = run(
        capsys, "conv", "32", "-k", "3", "-p", "0,1", "--framework", "torch"
    )
    assert status == 2 and err.rstrip().endswith("(or leave out --framework)")
    assert run(capsys, "conv", "32", "-k", "3", "-p", "0,1")[0] == 0
    # 'causal' is a word Keras takes (on 1-D input): no such hint for a 2-D one.
    status, _, err = run(
        capsys, "conv", "32x32", "-k", "3", "-p", "causal", "--framework", "keras"
    )
    assert status == 2 and "leave out --framework" not in err


def test_the_old_import_paths_of_the_command_line():
    from convdims import cli

    assert cli.FRAMEWORKS == conventions.FRAMEWORKS
    assert callable(cli.build_parser) and cli.PROG == "convdims"

"""Generated command lines: every command answers or refuses cleanly.

Hypothesis drives the command line in-process with well-formed and malformed values;
whatever comes in, the outcome is an answer (status 0) or a refusal (status 2), never
a traceback; under ``--json`` standard output is one JSON object (an ``"error"`` object
for a refusal) and standard error is empty. Scripts under ``convdims run`` end with the
exit status and output Python gives them.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from convdims.cli import main
from convdims.conventions import FRAMEWORKS

# Huge numbers too: past int64 and C's ssize_t (``len`` of a range refuses them), every
# answer is in closed form, so none takes longer than a small one.
HUGE = (2**31, 2**63 - 1, 2**63, 2**64 + 1, 10**30, 10**40 + 7)
number = st.one_of(
    st.integers(-3, 40).map(str),
    st.sampled_from(HUGE).map(str),
    st.sampled_from(["0", "-1", "1.5", "x", "", "3x", "2x3", "1,2", "none"]),
)
per_axis = st.lists(
    st.one_of(st.integers(-1, 12), st.sampled_from(HUGE)), min_size=1, max_size=3
).map(lambda values: "x".join(map(str, values)))
value = st.one_of(number, per_axis)
padding = st.one_of(
    value, st.sampled_from(["valid", "same", "full", "causal", "bogus", "0,1", "1,0x2"])
)
framework = st.one_of(
    st.just([]), st.sampled_from(sorted(FRAMEWORKS)).map(lambda name: ["--framework", name])
)


@st.composite
def window_argv(draw) -> list[str]:
    command = draw(st.sampled_from(["conv", "pool", "transpose"]))
    argv = [command, draw(st.one_of(per_axis, number))]
    if draw(st.booleans()):
        argv += ["-k", draw(st.one_of(per_axis, number))]
    for option, values in (("-s", value), ("-p", padding), ("-d", value)):
        if draw(st.booleans()):
            argv += [option, draw(values)]
    if command == "pool" and draw(st.booleans()):
        argv.append("--ceil-mode")
    if command == "transpose" and draw(st.booleans()):
        argv += ["--output-padding", draw(st.one_of(value, st.just("none")))]
    if command == "transpose" and draw(st.booleans()):
        argv += ["--output-shape", draw(value)]
    if draw(st.booleans()):
        argv += [
            "--rounding",
            draw(st.sampled_from(["floor", "round", "ceil", "ceil_torch"])),
        ]
    return argv + draw(framework)


@st.composite
def params_argv(draw) -> list[str]:
    layer = draw(st.sampled_from(["conv", "depthwise", "separable", "dense"]))
    argv = ["params", layer]
    if layer == "dense":
        options = ["-i", "-u"]
    else:
        options = ["-k", "-c", "-f", "-g", "-m", "--ndim"]
    huge = st.sampled_from(["9" * 50, "9" * 4300, "9" * 4301])
    for option in options:
        if draw(st.booleans()):
            argv += [option, draw(st.one_of(value, huge))]
    if draw(st.booleans()):
        argv.append("--no-bias")
    return argv


SETTINGS = settings(
    # CONVDIMS_FUZZ_EXAMPLES=5000 for a long hunt; CI runs the default.
    max_examples=int(os.environ.get("CONVDIMS_FUZZ_EXAMPLES", "150")),
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)


def parse(text: str):
    """JSON, whatever the length of its numbers (a count of 4,300-digit sizes has more
    digits than Python's json reads by default)."""
    limit = sys.get_int_max_str_digits()
    sys.set_int_max_str_digits(0)
    try:
        return json.loads(text)
    finally:
        sys.set_int_max_str_digits(limit)


def check(capsys, argv: list[str]) -> None:
    status = main(argv)
    out, err = capsys.readouterr()
    assert status in (0, 2), (argv, status, err)
    assert "Traceback" not in out + err
    if status == 2:
        assert out == "" and err.startswith("convdims: error: ") and err.count("\n") == 1
    status_json = main([*argv, "--json"])
    out, err = capsys.readouterr()
    assert status_json == status and err == "", (argv, err)
    data = parse(out)
    if status == 2:
        assert set(data) == {"error"} and data["error"]["message"]
    else:
        assert "error" not in data


@SETTINGS
@given(argv=window_argv())
def test_window_commands_answer_or_refuse(capsys, argv):
    check(capsys, argv)


@SETTINGS
@given(argv=params_argv())
def test_params_answers_or_refuses(capsys, argv):
    check(capsys, argv)


@pytest.mark.parametrize(
    "code",
    ["0", "None", "", "1", "3", "255", "256", "-1", "True", "'a message'", "[1, 2]"],
)
def test_run_exits_as_python_does(tmp_path, code):
    script = tmp_path / "exits.py"
    script.write_text(f"import sys\nprint('out')\nsys.exit({code})\n")
    python = subprocess.run(
        [sys.executable, str(script)], capture_output=True, text=True, timeout=60
    )
    ours = subprocess.run(
        [sys.executable, "-m", "convdims", "run", str(script)],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert (ours.returncode, ours.stdout, ours.stderr) == (
        python.returncode,
        python.stdout,
        python.stderr,
    )

"""The calculator's questions and the library's answers to them.

A case is what the calculator's query string holds (``layer``, ``input``, ``kernel``,
``stride``, ``padding``, ``dilation``, ``ceil_mode``, ``output_padding``, ``framework``:
strings, a missing key meaning the field is left at its default). The library answers it
as ``convdims LAYER INPUT -k K [-s S] [-p P] [-d D] --framework F [--ceil-mode]
[--output-padding A]`` does, run in-process through :func:`convdims.cli.main`, and draws
each axis with :func:`convdims.draw.window`. Shared by the browser tests and the
keystroke benchmark.
"""

from __future__ import annotations

import contextlib
import functools
import io
import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from hypothesis import strategies as st

from convdims import cli, draw

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "docs" / "_lib"))
import calculator  # noqa: E402

# The frameworks the calculator offers (docs/_lib/calculator.py), and one it does not.
FRAMEWORKS = tuple(name for name, _ in calculator.frameworks())
UNOFFERED = "theano"
LAYERS = ("conv", "pool", "transpose")
WORDS = ("valid", "same", "full", "causal")


def argv(case: dict[str, str]) -> list[str]:
    """The command line that asks the library what the calculator is asked."""
    out = [case["layer"], case["input"], "-k", case["kernel"]]
    for key, option in (("stride", "-s"), ("padding", "-p"), ("dilation", "-d")):
        if key in case:
            out += [option, case[key]]
    if "framework" in case:
        out += ["--framework", case["framework"]]
    if case["layer"] == "pool" and case.get("ceil_mode") == "true":
        out.append("--ceil-mode")
    if case["layer"] == "transpose" and "output_padding" in case:
        out += ["--output-padding", case["output_padding"]]
    return out


@contextlib.contextmanager
def one_parser() -> Iterator[None]:
    """Build the command's argument parser once for many calls of cli.main.

    Building it is 85 % of a call (argparse and gettext); parsing does not change it, so
    the answers are the same.
    """
    from convdims.cli import parser

    original = parser.build_parser
    parser.build_parser = functools.cache(original)
    try:
        yield
    finally:
        parser.build_parser = original


def run_cli(arguments: list[str]) -> tuple[int, str, str]:
    """The command line offering the calculator's frameworks (``--framework`` choices),
    as the calculator is the command line for those."""
    from convdims.cli import parser

    out, err = io.StringIO(), io.StringIO()
    offered, parser.FRAMEWORKS = parser.FRAMEWORKS, FRAMEWORKS
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            status = cli.main(arguments)
    finally:
        parser.FRAMEWORKS = offered
    return status, out.getvalue(), err.getvalue()


def library_answer(case: dict[str, str]) -> dict[str, Any]:
    """{"ok": True, "result": the --json answer, "text": the plain answer, "svgs": [...]}
    or {"ok": False, "error": the message after ``convdims: error:``}."""
    status, out, err = run_cli([*argv(case), "--json"])
    if status:
        # Under --json a refusal is a JSON object on stdout, exit status 2.
        assert status == 2, (case, status, err)
        message = json.loads(out)["error"]["message"]
        assert "\n" not in message, message
        return {"ok": False, "error": message}
    result = json.loads(out)
    text_status, text, _ = run_cli(argv(case))
    assert text_status == 0
    answer = {"ok": True, "result": result, "text": text.rstrip("\n")}
    if case["layer"] != "transpose":
        answer["svgs"] = [window_svg(case, record) for record in result["axes"]]
    return answer


def window_svg(case: dict[str, str], record: dict[str, Any]) -> str:
    padding = record["padding"]
    return draw.window(
        record["input_size"],
        record["kernel_size"],
        record["stride"],
        tuple(padding) if isinstance(padding, list) else padding,
        record["dilation"],
        pool=case["layer"] == "pool",
        ceil_mode=bool(record.get("ceil_mode")),
        id=f"f{record['axis']}",
    ).svg


# What the page evaluates: the module's answer, its plain text and each axis's picture,
# with the MathML (the page's own rendering, not the library's) left out.
EVALUATE_JS = """(cases) => cases.map((q) => {
  const answer = window.cdCalc.evaluate(q);
  const drop = (k, v) => (k.endsWith('_mathml') ? undefined : v);
  const out = JSON.parse(JSON.stringify(answer, drop));
  if (answer.ok) {
    out.text = window.cdCalc.windowText(answer.result);
    if (q.layer !== 'transpose') {
      out.svgs = answer.result.axes.map((a) => window.cdCalc.drawWindow(
        a.input_size, a.kernel_size, a.stride, a.padding, a.dilation,
        {pool: q.layer === 'pool', ceilMode: !!a.ceil_mode, id: 'f' + a.axis}));
    }
  }
  return out;
})"""

IMPORT_JS = """async (folder) => {
  const core = await import(folder + 'convdims.js');
  await import(folder + 'convdims-transpose.js');  // registers itself with the core
  const text = await import(folder + 'convdims-text.js');
  window.cdCalc = {...core, windowText: text.windowText};
  return true;
}"""


# -- random cases ----------------------------------------------------------------------

# Now and then a value no field would hold, but a hand-edited link could.
JUNK = st.sampled_from(["", "abc", "1.5", " 3", "+2", "1_0", "0", "-1", "-3x4", "2x", "x"])


def _axis_values(draw, axes: int, values: st.SearchStrategy[int]) -> str:
    """One value for every axis, one per axis, or (rarely) the wrong count."""
    form = draw(st.sampled_from(["one"] * 5 + ["each"] * 4 + ["wrong"]))
    if form == "one":
        return str(draw(values))
    count = axes if form == "each" else draw(st.integers(1, 4).filter(lambda n: n != axes))
    return "x".join(str(draw(values)) for _ in range(count))


def _padding(draw, axes: int, framework: str, layer: str) -> str | None:
    native = {
        ("keras", "conv"): ["word"],
        ("keras", "pool"): ["word"],
        ("keras", "transpose"): ["word"],
        ("torch", "conv"): ["int", "int", "word"],
        ("torch", "pool"): ["int"],
        ("torch", "transpose"): ["int"],
    }.get((framework, layer), ["word", "int"])
    form = draw(
        st.sampled_from(native * 6 + ["int", "word", "pair", "mixed", "junk", "default"])
    )
    if form == "default":
        return None
    if form == "junk":
        return draw(st.sampled_from(["", "foo", "1,2,3", "-1", "1,-1", "samex", " same "]))
    if form == "word":
        return draw(st.sampled_from(WORDS if layer == "conv" else WORDS[:2] + WORDS[:2]))
    amount = st.integers(0, 2) if layer == "pool" else st.integers(0, 4)
    if form == "int":
        return _axis_values(draw, axes, amount)
    if form == "pair":
        pairs = [
            f"{draw(amount)},{draw(amount)}"
            for _ in range(draw(st.sampled_from([1, axes])))
        ]
        return "x".join(pairs)
    parts = [
        str(draw(amount)) if draw(st.booleans()) else f"{draw(amount)},{draw(amount)}"
        for _ in range(axes)
    ]
    return "x".join(parts)


def _mostly(draw, usual: st.SearchStrategy, edge: st.SearchStrategy):
    """The usual strategy nine times in ten, the edge cases the tenth (Hypothesis leans
    toward the first choice of a sampled_from, so the usual one comes first)."""
    return draw(draw(st.sampled_from([usual] * 9 + [edge])))


@st.composite
def cases(draw) -> dict[str, str]:
    """One calculator question: every layer kind, framework and padding form, refusals
    included (bad framework combinations, windows that do not fit, bad values)."""
    layer = draw(st.sampled_from(LAYERS))
    framework = draw(st.sampled_from(FRAMEWORKS * 12 + (UNOFFERED,)))
    axes = draw(st.integers(1, 3))
    case: dict[str, str] = {"layer": layer, "framework": framework}
    case["input"] = "x".join(
        str(_mostly(draw, st.integers(4, 32), st.integers(-2, 3))) for _ in range(axes)
    )
    kernel = (
        st.integers(1, 5) if draw(st.sampled_from([1] * 9 + [0])) else st.integers(0, 30)
    )
    case["kernel"] = _axis_values(draw, axes, kernel)
    if draw(st.sampled_from([True, True, False])):
        case["stride"] = _axis_values(
            draw, axes, st.sampled_from([1, 2, 1, 3, 2, 4]) | st.integers(0, 6)
        )
    if draw(st.sampled_from([True, True, False])):
        case["dilation"] = _axis_values(
            draw, axes, st.sampled_from([1, 1, 1, 1, 2, 3]) | st.integers(0, 4)
        )
    padding = _padding(draw, axes, framework, layer)
    if padding is not None:
        case["padding"] = padding
    if layer == "pool":
        case["ceil_mode"] = draw(st.sampled_from(["false", "true", "false"]))
    if layer == "transpose" and draw(st.booleans()):
        case["output_padding"] = (
            "none"
            if draw(st.sampled_from([False, False, True]))
            else _axis_values(draw, axes, st.integers(0, 3))
        )
    if draw(st.sampled_from([False] * 40 + [True])):  # a value no field would hold
        key = draw(st.sampled_from(["input", "kernel", "stride", "padding", "dilation"]))
        case[key] = draw(JUNK)
    return case

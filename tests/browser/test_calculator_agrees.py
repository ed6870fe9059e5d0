"""The calculator's ES module answers what the library answers, on thousands of random
cases evaluated in Chromium: sizes, padding split, the derivations (text and LaTeX), the
refusals and their messages, the command's plain text, and every axis's window picture
(the SVG markup of convdims.draw.window, so every window's position)."""

from __future__ import annotations

import json
from collections import Counter

import calculator_cases
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

BATCH = 100  # cases per page.evaluate
BATCHES = 52  # 5,200 cases in all (issue 17: at least 5,000)


@pytest.fixture(scope="module")
def module_page(session, site):
    """The calculator page with its ES module imported as window.cdCalc."""

    async def open_page():
        context = await session.browser.new_context(service_workers="block")
        page = await context.new_page()
        await page.goto(site + "calculator/")
        await page.wait_for_selector("form[data-ready]")
        await page.evaluate(calculator_cases.IMPORT_JS, site + "assets/calculator/")
        return context, page

    context, page = session.run(open_page())
    yield page
    session.run(context.close())


def evaluate(session, page, cases):
    return session.run(page.evaluate(calculator_cases.EVALUATE_JS, cases))


def first_difference(expected, actual, path="answer"):
    """Where two JSON values first differ, for a readable failure."""
    if isinstance(expected, dict) and isinstance(actual, dict):
        for key in sorted(set(expected) | set(actual)):
            if key not in expected or key not in actual:
                return f"{path}.{key}: only in {'js' if key in actual else 'python'}"
            found = first_difference(expected[key], actual[key], f"{path}.{key}")
            if found:
                return found
        return None
    if isinstance(expected, list) and isinstance(actual, list):
        if len(expected) != len(actual):
            return f"{path}: {len(expected)} items in python, {len(actual)} in js"
        for n, (e, a) in enumerate(zip(expected, actual, strict=True)):
            found = first_difference(e, a, f"{path}[{n}]")
            if found:
                return found
        return None
    if expected != actual or type(expected) is not type(actual):
        return f"{path}: python {expected!r}, js {actual!r}"
    return None


def check(session, page, batch):
    answers = evaluate(session, page, batch)
    with calculator_cases.one_parser():
        for case, js in zip(batch, answers, strict=True):
            python = calculator_cases.library_answer(case)
            difference = first_difference(python, js)
            assert difference is None, (
                f"the calculator and the library disagree on {json.dumps(case)}\n"
                f"  convdims {' '.join(calculator_cases.argv(case))}\n  {difference}"
            )
    return answers


def test_the_module_agrees_with_the_library_on_random_cases(session, module_page):
    seen: Counter[str] = Counter()

    @settings(
        max_examples=BATCHES,
        deadline=None,
        database=None,
        suppress_health_check=[
            HealthCheck.too_slow,
            HealthCheck.data_too_large,
            HealthCheck.large_base_example,
        ],
    )
    @given(st.lists(calculator_cases.cases(), min_size=BATCH, max_size=BATCH))
    def agree(batch):
        answers = check(session, module_page, batch)
        for case, answer in zip(batch, answers, strict=True):
            outcome = "answer" if answer["ok"] else "refusal"
            seen[outcome] += 1
            seen[f"{case['layer']} {case['framework']} {outcome}"] += 1

    agree()
    total = seen["answer"] + seen["refusal"]
    assert total >= 5000, f"only {total} cases ran"
    # Both sides of every layer and framework were exercised, not only refusals.
    for layer in calculator_cases.LAYERS:
        for framework in calculator_cases.FRAMEWORKS:
            for outcome in ("answer", "refusal"):
                assert seen[f"{layer} {framework} {outcome}"] >= 20, (
                    layer,
                    framework,
                    seen,
                )


# Cases worth keeping whatever Hypothesis draws: the site's own examples and the rules.
KNOWN = [
    {
        "layer": "conv",
        "input": "11",
        "kernel": "2",
        "stride": "2",
        "padding": "same",
        "dilation": "1",
        "framework": "keras",
    },
    {
        "layer": "conv",
        "input": "32x32",
        "kernel": "3",
        "padding": "3",
        "framework": "keras",
    },
    {
        "layer": "conv",
        "input": "32x32",
        "kernel": "3",
        "padding": "3",
        "framework": "torch",
    },
    {
        "layer": "conv",
        "input": "224",
        "kernel": "7",
        "stride": "2",
        "padding": "same",
        "framework": "torch",
    },
    {
        "layer": "conv",
        "input": "20",
        "kernel": "3",
        "stride": "2",
        "dilation": "2",
        "padding": "same",
        "framework": "keras",
    },
    {
        "layer": "conv",
        "input": "100",
        "kernel": "3",
        "padding": "causal",
        "dilation": "2",
        "framework": "keras",
    },
    {
        "layer": "conv",
        "input": "10x10",
        "kernel": "3",
        "padding": "causal",
        "framework": "keras",
    },
    {
        "layer": "pool",
        "input": "11",
        "kernel": "2",
        "stride": "2",
        "padding": "1",
        "ceil_mode": "true",
        "framework": "torch",
    },
    {
        "layer": "pool",
        "input": "112",
        "kernel": "3",
        "stride": "2",
        "padding": "1",
        "ceil_mode": "true",
        "framework": "torch",
    },
    {
        "layer": "pool",
        "input": "11",
        "kernel": "2",
        "padding": "same",
        "framework": "keras",
    },
    {
        "layer": "pool",
        "input": "11",
        "kernel": "2",
        "ceil_mode": "true",
        "framework": "keras",
    },
    {
        "layer": "pool",
        "input": "9",
        "kernel": "2",
        "padding": "2",
        "dilation": "3",
        "framework": "torch",
    },
    {
        "layer": "transpose",
        "input": "12",
        "kernel": "3",
        "stride": "2",
        "padding": "same",
        "framework": "keras",
    },
    {
        "layer": "transpose",
        "input": "12",
        "kernel": "3",
        "stride": "2",
        "padding": "same",
        "output_padding": "0",
        "framework": "keras",
    },
    {
        "layer": "transpose",
        "input": "12",
        "kernel": "3",
        "stride": "2",
        "padding": "same",
        "output_padding": "2",
        "framework": "keras",
    },
    {
        "layer": "transpose",
        "input": "12",
        "kernel": "3",
        "stride": "2",
        "padding": "1",
        "output_padding": "1",
        "framework": "torch",
    },
    {
        "layer": "transpose",
        "input": "12",
        "kernel": "3",
        "stride": "2",
        "padding": "1",
        "output_padding": "none",
        "framework": "torch",
    },
    {"layer": "conv", "input": "7", "kernel": "9", "framework": "torch"},
    {"layer": "conv", "input": "7", "kernel": "3", "framework": "tensorflow"},
]


@pytest.mark.parametrize(
    "case", KNOWN, ids=lambda case: " ".join(calculator_cases.argv(case))
)
def test_the_module_agrees_on_known_cases(session, module_page, case):
    check(session, module_page, [case])

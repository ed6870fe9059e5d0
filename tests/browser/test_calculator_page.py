"""The calculator page as a reader uses it in Chromium: typing, the keyboard, the query
string, refusals, the copy button, the home page's compact form; every answer compared
with what the library (the convdims command) says for the same numbers."""

from __future__ import annotations

import re
from urllib.parse import parse_qsl, urlsplit

import calculator_cases
import pytest
import site_browser

from convdims import conv_output_size

FORM = "form#cd-calc"
PICTURE_CELLS, PICTURE_WINDOWS = 80, 48  # the largest picture the page draws
HOME_FORM = "form#cd-calc-home"
ISSUE_EXAMPLE = (
    "layer=conv&input=11&kernel=2&stride=2&padding=same&dilation=1&framework=keras"
)

# What the page shows: the output, the alert, the derivations (each <math>'s plain text),
# the padding split and the windows of every picture.
READ_JS = """async (form) => {
  const f = document.querySelector(form);
  // the details follow the answer in the next frame
  await new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
  // the plain text is made when its section opens (its module loads then)
  const text = f.querySelector('.cd-text');
  if (text) {
    text.open = true;
    for (let n = 0; n < 200 && !text.querySelector('code').textContent; n++) {
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  }
  return {
    output: f.querySelector('output[name="output-size"]').value,
    alert: f.querySelector('[role="alert"]').textContent,
    alertShown: f.querySelector('[role="alert"]').checkVisibility(),
    math: [...f.querySelectorAll('.cd-axis math')].map((m) => m.getAttribute('alttext')),
    splits: [...f.querySelectorAll('.cd-split')].map((p) => p.textContent),
    pictures: [...f.querySelectorAll('.cd-picture svg')].map((svg) => ({
      id: svg.id,
      starts: [...svg.querySelectorAll('g.w')].map((g) => Number(g.dataset.start)),
      cells: [...svg.querySelectorAll('g.input rect')].map((r) => r.getAttribute('class')),
    })),
    text: f.querySelector('.cd-text code')?.textContent ?? null,
    code: f.querySelector('.cd-code code')?.textContent ?? null,
    params: f.querySelector('.cd-params')?.textContent ?? null,
  };
}"""


@pytest.fixture
def browser_page(session, site):
    """A fresh page (light palette, other hosts refused) and its uncaught errors."""
    outside: list[str] = []
    context = session.run(
        site_browser.new_context(
            session.browser,
            site,
            "light",
            outside,
            permissions=["clipboard-read", "clipboard-write"],
        )
    )
    page = session.run(context.new_page())
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.on("console", lambda m: m.type == "error" and errors.append(m.text))
    yield page
    session.run(context.close())
    assert not errors, f"errors in the page: {errors}"
    assert not outside, f"requests to other hosts: {outside}"


def open_calculator(session, site, page, query: str = "", form: str = FORM):
    path = "" if form == HOME_FORM else "calculator/"
    session.run(page.goto(site + path + (f"?{query}" if query else "")))
    session.run(page.wait_for_selector(f"{form}[data-ready]"))
    # The first answer is drawn once its module has loaded (the transposed one loads
    # on first use): wait for it, not only for the form.
    session.run(page.wait_for_selector(f"{form}[data-rendered]"))


def shown(session, page, form: str = FORM) -> dict:
    return session.run(page.evaluate(READ_JS, form))


def query_of(session, page) -> dict[str, str]:
    return dict(parse_qsl(urlsplit(page.url).query, keep_blank_values=True))


def assert_shows_library_answer(seen: dict, case: dict[str, str], full: bool = True):
    """The page shows what `convdims ...` answers for ``case``."""
    with calculator_cases.one_parser():
        answer = calculator_cases.library_answer(case)
    command = "convdims " + " ".join(calculator_cases.argv(case))
    if not answer["ok"]:
        assert seen["output"] == "", f"{command}: a refusal leaves the output empty"
        assert seen["alertShown"] and seen["alert"] == answer["error"], command
        return
    result = answer["result"]
    assert seen["output"] == "x".join(str(n) for n in result["output_size"]), command
    assert seen["alert"] == "" and not seen["alertShown"], command
    if not full:
        return
    expected_math = []
    for record in result["axes"]:
        d = record["derivation"]
        expected_math += [f"{s['formula']} = {s['substituted']}" for s in d["steps"]]
        expected_math.append(f"{d['formula']} = {d['substituted']}")
    assert seen["math"] == expected_math, command
    splits = [
        f"Padding: {r['pad_before']} before, {r['pad_after']} after"
        for r in result["axes"]
        if r["pad_before"] is not None
    ]
    if case["layer"] != "transpose":
        assert seen["splits"] == splits, command
        pictures = {picture["id"]: picture for picture in seen["pictures"]}
        for record in result["axes"]:
            svg = answer["svgs"][record["axis"]]
            starts = [
                int(s) for s in re.findall(r'<g class="w[^"]*" data-start="(\d+)"', svg)
            ]
            group = re.search(r'<g class="input">(.*?)</g>', svg).group(1)
            cells = re.findall(r'class="(\w+)"', group)
            picture = pictures.get(f"cd-calc-window-{record['axis']}")
            if len(cells) > PICTURE_CELLS or len(starts) > PICTURE_WINDOWS:
                assert picture is None, f"{command}: too large to draw"
                continue
            assert picture is not None, f"{command}: axis {record['axis']} not drawn"
            assert picture["starts"] == starts, command
            assert picture["cells"] == cells, command
    assert seen["text"].split("\n", 1)[1] == answer["text"], command


def type_into(session, page, label: str, text: str, form: str = FORM):
    box = page.locator(form).get_by_label(label, exact=True)
    session.run(box.click())
    session.run(page.keyboard.press("Control+A"))
    session.run(page.keyboard.type(text))


# -- the query string ------------------------------------------------------------------

QUERIES = [
    ISSUE_EXAMPLE,
    "layer=conv&input=32x32&kernel=3&stride=1&padding=valid&dilation=1&framework=keras",
    "layer=conv&input=224x224&kernel=7&stride=2&padding=3&dilation=1&framework=torch",
    "layer=conv&input=11x13x9&kernel=3x2x1&stride=2x1x1&padding=1x0x2&framework=torch",
    "layer=conv&input=20&kernel=3&dilation=2&padding=0,2&framework=torch",
    "layer=conv&input=100&kernel=3&padding=causal&dilation=4&framework=keras",
    "layer=pool&input=11&kernel=2&stride=2&padding=1&ceil_mode=true&framework=torch",
    "layer=pool&input=112x112&kernel=3&stride=2&padding=1&ceil_mode=true&framework=torch",
    "layer=pool&input=11&kernel=2&padding=same&ceil_mode=false&framework=keras",
    "layer=transpose&input=12&kernel=3&stride=2&padding=same&framework=keras",
    "layer=transpose&input=12x12&kernel=3&stride=2&padding=same&output_padding=0"
    "&framework=keras",
    "layer=transpose&input=12&kernel=3&stride=2&padding=1&output_padding=1&framework=torch",
    # refusals: the framework's rules, a window that does not fit, a bad value
    "layer=conv&input=11&kernel=3&stride=2&padding=same&framework=torch",
    "layer=conv&input=32&kernel=3&stride=2&dilation=2&padding=valid&framework=keras",
    "layer=conv&input=32&kernel=3&padding=3&framework=keras",
    "layer=pool&input=11&kernel=2&padding=2&framework=torch",
    "layer=pool&input=11&kernel=2&ceil_mode=true&framework=keras",
    "layer=conv&input=4&kernel=9&framework=torch",
    "layer=transpose&input=12&kernel=3&stride=2&padding=same&output_padding=2"
    "&framework=keras",
    "layer=conv&input=abc&kernel=3&framework=torch",
    "layer=conv&input=11&kernel=3x3&framework=torch",
]


@pytest.mark.parametrize("query", QUERIES)
def test_a_shared_link_shows_the_library_answer(session, site, browser_page, query):
    open_calculator(session, site, browser_page, query)
    case = dict(parse_qsl(query, keep_blank_values=True))
    assert_shows_library_answer(shown(session, browser_page), case)


def test_the_issue_example_answers_6_with_tensorflow_split(session, site, browser_page):
    open_calculator(session, site, browser_page, ISSUE_EXAMPLE)
    seen = shown(session, browser_page)
    assert seen["output"] == "6"
    assert seen["splits"] == ["Padding: 0 before, 1 after"]
    assert seen["pictures"][0]["starts"] == [0, 2, 4, 6, 8, 10]


# -- typing ----------------------------------------------------------------------------


def test_typing_answers_every_keystroke_as_the_library(session, site, browser_page):
    page = browser_page
    open_calculator(session, site, page, ISSUE_EXAMPLE)
    box = page.locator(FORM).get_by_label("Input size", exact=True)
    session.run(box.click())
    session.run(page.keyboard.press("Control+A"))
    typed = ""
    for key in "127":
        session.run(page.keyboard.type(key))
        typed += key
        case = dict(parse_qsl(ISSUE_EXAMPLE), input=typed)
        seen = shown(session, page)
        assert_shows_library_answer(seen, case)
        assert seen["output"] == str(conv_output_size(int(typed), 2, 2, "same"))
        assert query_of(session, page)["input"] == typed  # the address follows
    # deleting everything is a refusal (the library's), not a stale answer
    session.run(page.keyboard.press("Control+A"))
    session.run(page.keyboard.press("Backspace"))
    seen = shown(session, page)
    assert seen["output"] == "" and seen["alertShown"]
    assert_shows_library_answer(seen, dict(parse_qsl(ISSUE_EXAMPLE), input="x".join([""])))


def test_per_axis_fields_and_the_address(session, site, browser_page):
    page = browser_page
    open_calculator(session, site, page, ISSUE_EXAMPLE)
    form = page.locator(FORM)
    session.run(form.get_by_label("Axes", exact=True).select_option("2"))
    session.run(form.get_by_label("Same for all axes").uncheck())
    type_into(session, page, "Input size (width)", "13")
    type_into(session, page, "Kernel size (height)", "3")
    session.run(form.get_by_label("Framework").select_option("torch"))
    session.run(form.get_by_label("Padding", exact=True).select_option("each"))
    type_into(session, page, "Padding on each side (width)", "1")
    query = query_of(session, page)
    assert query["input"] == "11x13" and query["kernel"] == "3x2"
    assert query["padding"] == "0x1" and query["framework"] == "torch"
    seen = shown(session, page)
    assert_shows_library_answer(seen, query)
    assert "x" in seen["output"]
    # the address reopens the same answer, fields included
    open_calculator(session, site, page, urlsplit(page.url).query)
    assert shown(session, page) == seen
    value = session.run(form.get_by_label("Input size (width)").input_value())
    assert value == "13"


def test_pool_ceil_mode_and_transposed_output_padding(session, site, browser_page):
    page = browser_page
    open_calculator(session, site, page, ISSUE_EXAMPLE)
    form = page.locator(FORM)
    session.run(form.get_by_label("Framework").select_option("torch"))
    session.run(form.get_by_label("Layer").select_option("pool"))
    session.run(form.get_by_label("Padding", exact=True).select_option("each"))
    type_into(session, page, "Padding on each side", "1")
    session.run(form.get_by_label("ceil_mode").check())
    query = query_of(session, page)
    assert query["layer"] == "pool" and query["ceil_mode"] == "true"
    assert_shows_library_answer(shown(session, page), query)
    session.run(form.get_by_label("Layer").select_option("transpose"))
    session.run(form.get_by_label("Output padding", exact=True).select_option("number"))
    type_into(session, page, "Output padding cells", "1")
    query = query_of(session, page)
    assert query["output_padding"] == "1" and "ceil_mode" not in query
    assert_shows_library_answer(shown(session, page), query)


def test_the_keyboard_alone_drives_the_form(session, site, browser_page):
    page = browser_page
    open_calculator(session, site, page, ISSUE_EXAMPLE)
    session.run(page.locator(FORM).get_by_label("Layer").focus())
    session.run(page.keyboard.press("ArrowDown"))  # Convolution -> Pooling
    names = []
    for _ in range(12):  # Tab to the input size field
        session.run(page.keyboard.press("Tab"))
        name = session.run(page.evaluate("() => document.activeElement.name"))
        names.append(name)
        if name == "input_0":
            break
    assert names[-1] == "input_0", f"Tab order never reached the input size: {names}"
    session.run(page.keyboard.press("Control+A"))
    session.run(page.keyboard.type("9"))
    query = query_of(session, page)
    assert query["layer"] == "pool" and query["input"] == "9"
    assert_shows_library_answer(shown(session, page), query)
    focused = session.run(page.evaluate("() => document.activeElement.name"))
    assert focused == "input_0", "typing kept the focus in the field"


def test_refusal_is_announced_and_clears_when_fixed(session, site, browser_page):
    page = browser_page
    query = "layer=conv&input=11&kernel=3&stride=2&padding=same&dilation=1&framework=torch"
    open_calculator(session, site, page, query)
    seen = shown(session, page)
    assert seen["output"] == "" and "stride is not 1" in seen["alert"]
    assert_shows_library_answer(seen, dict(parse_qsl(query)))
    type_into(session, page, "Stride", "1")
    seen = shown(session, page)
    assert seen["alert"] == "" and seen["output"] == "11"


# -- parameters and code ---------------------------------------------------------------


def test_parameters_when_channels_are_given(session, site, browser_page):
    page = browser_page
    query = "layer=conv&input=32x32&kernel=3&padding=valid&framework=keras"
    open_calculator(session, site, page, query + "&in_channels=3&filters=5")
    status, out, _ = calculator_cases.run_cli(
        ["params", "conv", "-k", "3", "--ndim", "2", "-c", "3", "-f", "5"]
    )
    assert status == 0
    count = int(out.split("\n")[0].split(": ")[1].replace(",", ""))
    seen = shown(session, page)
    assert seen["params"] is not None and f"{count} parameters" in seen["params"]
    assert "(k_h*k_w*C + 1)*D" not in seen["params"]  # shown as MathML, not as text


def test_copy_the_code_copies_the_framework_layer(session, site, browser_page):
    page = browser_page
    open_calculator(session, site, page, ISSUE_EXAMPLE)
    session.run(page.locator(FORM).get_by_role("button", name="Copy the code").click())
    session.run(
        page.wait_for_function("() => document.querySelector('.cd-copied').textContent")
    )
    copied = session.run(page.evaluate("() => navigator.clipboard.readText()"))
    seen = shown(session, page)
    assert copied == seen["code"]
    assert 'layers.Conv1D(8, kernel_size=2, strides=2, padding="same")' in copied
    assert copied.endswith("# (None, 6, 8)")


# -- the home page ---------------------------------------------------------------------


def test_the_home_page_answers_and_links_to_the_calculator(session, site, browser_page):
    page = browser_page
    open_calculator(session, site, page, form=HOME_FORM)
    type_into(session, page, "Input size", "11x13", form=HOME_FORM)
    type_into(session, page, "Kernel size", "2", form=HOME_FORM)
    type_into(session, page, "Stride", "2", form=HOME_FORM)
    home = page.locator(HOME_FORM)
    session.run(home.get_by_label("Padding", exact=True).select_option("word:same"))
    seen = shown(session, page, HOME_FORM)
    case = {"layer": "conv", "input": "11x13", "kernel": "2", "stride": "2"}
    case |= {"padding": "same", "framework": calculator_cases.FRAMEWORKS[0]}
    assert_shows_library_answer(seen, case, full=False)
    assert seen["output"] == "6x7"
    session.run(home.get_by_role("link", name="Open this in the full calculator").click())
    session.run(page.wait_for_selector(f"{FORM}[data-ready]"))
    assert urlsplit(page.url).path.endswith("/calculator/")
    assert shown(session, page)["output"] == "6x7"


# -- the contract ----------------------------------------------------------------------

CONTRACT_JS = """(form) => {
  const f = document.querySelector(form);
  const controls = [...f.querySelectorAll('input, select')];
  return {
    unlabelled: controls.filter((c) => !c.labels.length || !c.labels[0].textContent.trim())
      .map((c) => c.name),
    inputLabels: controls.filter((c) => /^(input_|compact_input)/.test(c.name))
      .map((c) => c.labels[0].textContent),
    outputs: f.querySelectorAll('output[name="output-size"]').length,
    alerts: f.querySelectorAll('[role="alert"]').length,
    frameworks: [...f.elements.framework.options].map((o) => o.value),
  };
}"""


@pytest.mark.parametrize(
    ("path", "form"),
    [("calculator/?" + QUERIES[3], FORM), ("calculator/", FORM), ("", HOME_FORM)],
)
def test_every_field_is_labelled_and_the_frameworks_come_from_the_library(
    session, site, browser_page, path, form
):
    session.run(browser_page.goto(site + path))
    session.run(browser_page.wait_for_selector(f"{form}[data-ready]"))
    seen = session.run(browser_page.evaluate(CONTRACT_JS, form))
    assert seen["unlabelled"] == []
    assert seen["inputLabels"] and all("Input size" in t for t in seen["inputLabels"])
    assert seen["outputs"] == 1 and seen["alerts"] == 1
    assert tuple(seen["frameworks"]) == calculator_cases.FRAMEWORKS


CALCULATOR_BUDGET_KB = 400  # issue 17; the home page stays under site_browser's 600


def test_the_calculator_page_weighs_at_most_400_kb(visits):
    results, _ = visits
    for palette in ("light", "dark"):
        visit = results["calculator/", palette]
        total = sum(load.bytes for load in visit.loads)
        assert total <= CALCULATOR_BUDGET_KB * 1024, (
            f"the calculator loads {total / 1024:.0f} KB ({palette})"
        )
        assert not visit.outside_requests and not visit.console_errors
        assert any(load.url.endswith("calculator/convdims.js") for load in visit.loads)

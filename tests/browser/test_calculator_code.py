"""The code the calculator's "Copy the code" gives is real framework code that prints what
its comment says: run under the real Keras 3 (torch backend) and PyTorch, each script
prints the output shape the calculator shows."""

from __future__ import annotations

import contextlib
import importlib
import io
import os
import tempfile
import warnings

import pytest

pytestmark = pytest.mark.oracle
REQUIRE = os.environ.get("CONVDIMS_REQUIRE_ORACLE") == "1"

CASES = [
    "layer=conv&input=11&kernel=2&stride=2&padding=same&framework=keras",
    "layer=conv&input=32x32&kernel=3&padding=valid&framework=keras",
    "layer=conv&input=20x21x9&kernel=3x2x1&padding=same&dilation=2&framework=keras",
    "layer=conv&input=100&kernel=3&padding=causal&dilation=4&framework=keras",
    "layer=pool&input=11x13&kernel=2&padding=same&framework=keras",
    "layer=pool&input=30&kernel=3&stride=2&padding=valid&framework=keras",
    "layer=transpose&input=12&kernel=3&stride=2&padding=same&framework=keras",
    "layer=transpose&input=12x7&kernel=3&stride=2&padding=same&output_padding=0"
    "&framework=keras",
    "layer=transpose&input=12&kernel=4&stride=3&padding=valid&output_padding=2"
    "&framework=keras",
    "layer=conv&input=224x224&kernel=7&stride=2&padding=3&framework=torch",
    "layer=conv&input=11x13&kernel=3x2&stride=1&padding=same&dilation=2x1&framework=torch",
    "layer=conv&input=20&kernel=3&padding=valid&dilation=3&framework=torch",
    "layer=conv&input=9x10x11&kernel=3&stride=2x1x2&padding=1x0x1&framework=torch",
    "layer=pool&input=11&kernel=2&stride=2&padding=1&ceil_mode=true&framework=torch",
    "layer=pool&input=112x112&kernel=3&stride=2&padding=1&ceil_mode=true&framework=torch",
    "layer=pool&input=10&kernel=3&padding=1&dilation=2&framework=torch",
    "layer=transpose&input=12&kernel=3&stride=2&padding=1&output_padding=1&framework=torch",
    "layer=transpose&input=5x6&kernel=4x3&stride=2x3&padding=1x0&framework=torch",
]

CODE_JS = """async ([folder, queries]) => {
  const cd = await import(folder + 'convdims.js');
  await import(folder + 'convdims-transpose.js');
  const { layerCode } = await import(folder + 'calculator-code.js');
  return queries.map((query) => {
    const q = Object.fromEntries(new URLSearchParams(query));
    const answer = cd.evaluate(q);
    return answer.ok ? layerCode(q, answer.result, { inChannels: 3, filters: 8 }) : null;
  });
}"""


def _load(module: str):
    try:
        return importlib.import_module(module)
    except ImportError as error:
        message = (
            f"the oracle needs {module!r} ({error}); pip install -r requirements-oracle.txt"
        )
        if REQUIRE:
            pytest.fail(f"CONVDIMS_REQUIRE_ORACLE=1 but {message}", pytrace=False)
        pytest.skip(message)


@pytest.fixture(scope="module")
def frameworks():
    os.environ["KERAS_BACKEND"] = "torch"
    os.environ.setdefault("KERAS_HOME", tempfile.mkdtemp(prefix="convdims-keras-"))
    _load("torch")
    _load("keras")


@pytest.fixture(scope="module")
def scripts(session, site):
    async def make():
        context = await session.browser.new_context(service_workers="block")
        page = await context.new_page()
        await page.goto(site + "calculator/")
        codes = await page.evaluate(CODE_JS, [site + "assets/calculator/", CASES])
        await context.close()
        return codes

    return dict(zip(CASES, session.run(make()), strict=True))


@pytest.mark.parametrize("query", CASES)
def test_the_copied_code_prints_the_shape_the_calculator_shows(frameworks, scripts, query):
    code = scripts[query]
    assert code is not None, f"the calculator refused {query}"
    expected = code.rstrip().rsplit("# ", 1)[1]
    out = io.StringIO()
    # PyTorch warns that 'same' with an even kernel copies the input: true, and harmless
    with contextlib.redirect_stdout(out), warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)
        exec(compile(code, f"<calculator code for {query}>", "exec"), {})  # noqa: S102
    assert out.getvalue().strip() == expected, code

"""Time the calculator in Chromium: from a keystroke to the answer, and from the page's
start to its first answer (issue 17: within 50 ms of a keystroke, from the first load).

The site is built strictly (or taken from ``--site``) and served on 127.0.0.1. For each
case the page is opened from a shared link, the Input size field is cleared and a number
typed key by key through Playwright's keyboard (real key events). The page's input
handler records, for every keystroke, the time from the event's creation (the key
press) to the answer written in the page (``form.dataset.answerMs``); the next frame is
awaited too, so "to paint" includes layout. Figures are milliseconds, median and worst.

    python benchmarks/bench_calculator.py [--site DIR] [--repeat 5]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests" / "browser"))
sys.path.insert(0, str(ROOT / "benchmarks"))

import site_browser  # noqa: E402
from bench_page_weight import build_site  # noqa: E402

CASES = {
    "conv 1-D, Keras same": "layer=conv&input=11&kernel=2&stride=2&padding=same"
    "&dilation=1&framework=keras",
    "conv 3-D per axis, PyTorch": "layer=conv&input=40x41x42&kernel=3x5x3&stride=2x1x1"
    "&padding=1x2x1&dilation=1&framework=torch",
    "pool ceil_mode, PyTorch": "layer=pool&input=112x112&kernel=3&stride=2&padding=1"
    "&dilation=1&ceil_mode=true&framework=torch",
    "transpose, Keras": "layer=transpose&input=12x12&kernel=3&stride=2&padding=same"
    "&dilation=1&framework=keras",
}
TYPED = "1234"


async def measure(browser, base: str, query: str, repeat: int) -> dict[str, list[float]]:
    context = await browser.new_context(viewport=site_browser.DESKTOP)
    page = await context.new_page()
    answer, paint, ready = [], [], []
    for _ in range(repeat):
        await page.goto(f"{base}calculator/?{query}")
        await page.wait_for_selector("form#cd-calc[data-ready]")
        # the page marks its first answer; startTime counts from the navigation's start
        ready.append(
            await page.evaluate(
                "() => performance.getEntriesByName('convdims-calculator-ready')[0]"
                ".startTime"
            )
        )
        box = page.locator("form#cd-calc").get_by_label("Input size", exact=True)
        if not await box.count():  # per-axis fields: the first axis
            box = page.locator("form#cd-calc input[name=input_0]")
        await box.click()
        await page.keyboard.press("Control+A")
        for key in TYPED:
            await page.keyboard.type(key)
            ms = await page.evaluate(
                "() => new Promise((done) => requestAnimationFrame(() => done(["
                "Number(document.querySelector('form#cd-calc').dataset.answerMs), "
                "performance.now()])))"
            )
            answer.append(ms[0])
        # to paint: one more keystroke, timed from before the key to the next frame
        start = await page.evaluate("() => performance.now()")
        await page.keyboard.press("Backspace")
        end = await page.evaluate(
            "() => new Promise((done) => "
            "requestAnimationFrame(() => done(performance.now())))"
        )
        paint.append(end - start)
    await context.close()
    return {"answer": answer, "paint": paint, "ready": ready}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--site", type=Path, help="a built site (default: build one)")
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    reason = site_browser.missing_browser()
    if reason:
        sys.exit(reason)
    site = args.site
    if site is None:
        site = Path(tempfile.mkdtemp(prefix="convdims-site-"))
        build_site(site)
    session = site_browser.Session().start()
    try:
        with site_browser.serve(site) as base:
            print(
                f"Chromium: {site_browser.chromium_version()}; "
                f"{args.repeat} runs per case, "
                f"keys typed: {' '.join(TYPED)} (ms)"
            )
            print()
            print(
                "| case | keystroke to answer, median | worst | key to next frame, median "
                "| first answer after load |"
            )
            print("|---|---:|---:|---:|---:|")
            for name, query in CASES.items():
                seen = session.run(measure(session.browser, base, query, args.repeat))
                ready = f"{statistics.median(seen['ready']):.0f}" if seen["ready"] else "-"
                print(
                    f"| {name} | {statistics.median(seen['answer']):.2f} | "
                    f"{max(seen['answer']):.2f} | {statistics.median(seen['paint']):.1f} | "
                    f"{ready} |"
                )
    finally:
        session.close()


if __name__ == "__main__":
    main()

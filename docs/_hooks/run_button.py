"""MkDocs hook: a Run button on every runnable example, with Python served by the site.

The reader's browser runs convdims itself: Pyodide (CPython compiled to WebAssembly) from
the npm package ``pyodide``, pinned in package.json and installed by ``npm ci`` into
node_modules/, is copied into the site (``assets/pyodide/``), and the convdims wheel is
built from this checkout while the site builds and served beside our scripts
(``assets/run/``). docs/assets/run/run.js adds the buttons; it loads nothing until a
reader presses Run, and then only from this site (no CDN, no package index).

- Pages with a ``python`` or ``pycon`` block, or a notebook's code cell, get the
  button script and its stylesheet; other pages (the calculator) get nothing.
- Without node_modules/pyodide (or with ``CONVDIMS_RUN=false``) the build still works:
  the buttons are left out, the playground says why, and the build logs it at INFO
  (``--strict`` fails on warnings).
- The wheel is the one ``pip wheel`` would build (setuptools' PEP 517 backend, on a copy
  of pyproject.toml, README.md and src/, so the checkout gets no build/ or egg-info), and
  is kept in .cache/run-button/ under a hash of those files: ``mkdocs serve`` rebuilds it
  only when the library changes.
- Of Pyodide only what it needs to start is copied: its loader, the WebAssembly module,
  its JavaScript glue and the standard library. Its lock file lists no packages: the
  site uses none of Pyodide's own packages (not even micropip; the worker unpacks the
  wheel itself).
"""

from __future__ import annotations

import hashlib
import logging
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from mkdocs.utils import get_relative_url

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "_lib"))
from run_assets import (  # noqa: E402 - docs/_lib, shared with the playground page
    PYODIDE_FILES,
    pyodide_folder,
    pyodide_version,
    trimmed_lock,
)

sys.path.pop(0)

log = logging.getLogger("mkdocs.hooks.run_button")

PYODIDE_DIR = "assets/pyodide"
RUN_DIR = "assets/run"
PLAYGROUND = "playground.md"
#: ``CONVDIMS_RUN=false`` builds without the Run buttons, as a checkout without npm does.
SWITCH = "CONVDIMS_RUN"

_RUNNABLE = re.compile(
    r'class="language-(?:python|pycon|py) highlight"|class="jp-Cell jp-CodeCell'
)
# The playground's note for a build without Pyodide (one <div>, nothing nested in it).
_MISSING = re.compile(r'<div class="[^"]*\bcd-run-missing\b[^"]*">.*?</div>\s*', re.DOTALL)
_WHEEL_INPUTS = ("pyproject.toml", "README.md")

_state: dict = {}


def _root(config) -> Path:
    return Path(config.config_file_path).resolve().parent


def on_config(config):
    root = _root(config)
    folder = pyodide_folder(root)
    _state.clear()
    _state.update(root=root, pyodide=folder, wheel=None)
    if os.environ.get(SWITCH, "true").strip().lower() in ("0", "false", "no", "off"):
        _state["pyodide"] = None
        log.info("Run buttons left out: %s=false", SWITCH)
    elif folder is None:
        log.info(
            "Run buttons left out: Pyodide is not installed (run `npm ci` in %s to add "
            "them; the site builds without it)",
            root,
        )
    return config


def _wheel_key(root: Path) -> str:
    digest = hashlib.sha256()
    paths = [root / name for name in _WHEEL_INPUTS]
    paths += sorted(
        path
        for path in (root / "src").rglob("*")
        if path.is_file()
        and "__pycache__" not in path.parts
        and ".egg-info" not in str(path)
    )
    for path in paths:
        digest.update(str(path.relative_to(root)).encode() + b"\0")
        digest.update(path.read_bytes() + b"\0")
    return digest.hexdigest()[:16]


_BUILD = (
    "import sys; from setuptools import build_meta; "
    "print(build_meta.build_wheel(sys.argv[1]))"
)


def build_wheel(root: Path) -> Path:
    """The convdims wheel of this checkout, built once per state of the library.

    Raises:
        RuntimeError: the wheel could not be built (the message says why).
    """
    key = _wheel_key(root)
    cache = root / ".cache" / "run-button" / key
    built = sorted(cache.glob("convdims-*.whl")) if cache.is_dir() else []
    if built:
        return built[0]
    with tempfile.TemporaryDirectory(prefix="convdims-wheel-") as temp:
        source = Path(temp, "source")
        source.mkdir()
        for name in _WHEEL_INPUTS:
            shutil.copy2(root / name, source / name)
        shutil.copytree(
            root / "src",
            source / "src",
            ignore=shutil.ignore_patterns("__pycache__", "*.egg-info"),
        )
        out = Path(temp, "wheel")
        out.mkdir()
        commands = [
            [sys.executable, "-c", _BUILD, str(out)],
            [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(out), "."],
        ]
        errors = []
        for command in commands:
            result = subprocess.run(
                command, cwd=source, capture_output=True, text=True, timeout=300
            )
            wheels = sorted(out.glob("convdims-*.whl"))
            if result.returncode == 0 and wheels:
                break
            errors.append((result.stderr or result.stdout).strip().splitlines()[-1:])
        else:
            raise RuntimeError(f"could not build the convdims wheel: {errors}")
        staging = cache.with_name(key + ".partial-" + Path(temp).name)
        staging.mkdir(parents=True)
        shutil.copy2(wheels[0], staging / wheels[0].name)
        try:
            staging.rename(cache)
        except OSError:  # another build got there first: use its wheel
            shutil.rmtree(staging, ignore_errors=True)
        return sorted(cache.glob("convdims-*.whl"))[0]


def runnable(html: str) -> bool:
    """Whether a page has an example the Run button can run."""
    return _RUNNABLE.search(html) is not None


_EXEC_SHOWN = re.compile(
    r'^(?P<indent>[ \t]*)```python[^\n]*\bexec="on"[^\n]*\bsource="[^"]+"[^\n]*\n'
    r"(?P<code>.*?)^(?P=indent)```",
    re.DOTALL | re.MULTILINE,
)
_FILENAME = re.compile(r'<span class="filename">.*?</span>', re.DOTALL)
_BLOCK = re.compile(r'<div class="language-python highlight">(.*?)</div>', re.DOTALL)


def _text(html: str) -> str:
    import html as entities

    return entities.unescape(re.sub(r"<[^>]+>", "", html)).strip()


def on_page_markdown(markdown, page, config, files):
    # markdown-exec blocks that show their source run in the page's build-time session,
    # after blocks the reader never sees: the browser cannot run them alone.
    page.convdims_exec_shown = {
        _text(match.group("code")).replace("\n" + match.group("indent"), "\n")
        for match in _EXEC_SHOWN.finditer(markdown)
    }
    return markdown


def _compiles(text: str) -> bool:
    try:
        compile(text, "<example>", "exec", dont_inherit=True)
    except (SyntaxError, ValueError):
        return False
    return True


def _mark_not_runnable(html: str, shown: set[str]) -> str:
    """Mark the python blocks Run must leave alone: those markdown-exec runs after blocks
    the reader does not see, and those that are not Python (a formula a docstring shows
    as code): ``data-cd-norun``."""

    def mark(match: re.Match) -> str:
        text = _text(_FILENAME.sub("", match.group(1)))
        if text.lstrip().startswith(">>>") or (text not in shown and _compiles(text)):
            return match.group(0)
        return match.group(0).replace('highlight">', 'highlight" data-cd-norun>', 1)

    return _BLOCK.sub(mark, html)


def on_page_content(html, page, config, files):
    html = _mark_not_runnable(html, getattr(page, "convdims_exec_shown", set()))
    page.convdims_runnable = runnable(html) or page.file.src_uri == PLAYGROUND
    return html


def _tags(page, config) -> str:
    def url(path: str) -> str:
        return get_relative_url(path, page.url)

    wheel = _state["wheel"]
    data = {
        "pyodide": url(PYODIDE_DIR + "/"),
        "wheel": url(f"{RUN_DIR}/{wheel['name']}") + f"?v={wheel['key']}",
        "worker": url(f"{RUN_DIR}/worker.js") + f"?v={wheel['key']}",
        "page": page.file.src_uri,
    }
    attributes = " ".join(f'data-{key}="{value}"' for key, value in data.items())
    return (
        f'<link rel="stylesheet" href="{url(RUN_DIR + "/run.css")}">\n'
        f'<script type="module" src="{url(RUN_DIR + "/run.js")}" id="cd-run" '
        f"{attributes}></script>\n"
    )


def on_post_page(output, page, config):
    if not getattr(page, "convdims_runnable", False) or _state.get("pyodide") is None:
        return output
    if _state["wheel"] is None:
        try:
            path = build_wheel(_state["root"])
        except RuntimeError as error:
            log.info("Run buttons left out: %s", error)
            _state["pyodide"] = None
            return output
        _state["wheel"] = {"path": path, "name": path.name, "key": path.parent.name}
    output = _MISSING.sub("", output)
    return output.replace("</head>", _tags(page, config) + "</head>", 1)


def on_post_build(config):
    site = Path(config["site_dir"])
    folder = _state.get("pyodide")
    if folder is None or _state.get("wheel") is None:
        shutil.rmtree(site / RUN_DIR, ignore_errors=True)
        return
    target = site / PYODIDE_DIR
    target.mkdir(parents=True, exist_ok=True)
    for name in PYODIDE_FILES:
        shutil.copy2(folder / name, target / name)
    (target / "pyodide-lock.json").write_text(trimmed_lock(folder), encoding="utf-8")
    wheel = _state["wheel"]
    shutil.copy2(wheel["path"], site / RUN_DIR / wheel["name"])
    log.info(
        "Run buttons: Pyodide %s and %s copied into the site",
        pyodide_version(folder),
        wheel["name"],
    )

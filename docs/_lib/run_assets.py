"""What the Run buttons load, for the playground page and the Run hook.

docs/_hooks/run_button.py copies :data:`PYODIDE_FILES` from node_modules/pyodide (``npm
ci``) into the site; :func:`loads` measures them (and the wheel) as a reader's browser
gets them: raw, and gzip-compressed as a static host that compresses (GitHub Pages) sends
them. Compressing 13 MB takes a while, so the sizes are kept in .cache/run-button/ under
the files' names, sizes and modification times.
"""

from __future__ import annotations

import gzip
import json
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

#: What Pyodide needs to start, as the site serves it (the lock file is written by the
#: hook: Pyodide's own, without its package list).
PYODIDE_FILES = ("pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm", "python_stdlib.zip")

#: What each file is, for the table.
ROLES = {
    "pyodide.mjs": "Pyodide's loader",
    "pyodide.asm.mjs": "the interpreter's JavaScript glue",
    "pyodide.asm.wasm": "CPython compiled to WebAssembly",
    "python_stdlib.zip": "Python's standard library",
    "pyodide-lock.json": "Pyodide's lock file, with no packages",
    "wheel": "the convdims wheel, built from this checkout",
    "worker.js": "the worker that runs Python (ours)",
}


def pyodide_folder(root: Path = ROOT) -> Path | None:
    """node_modules/pyodide when ``npm ci`` installed it whole, else None."""
    folder = root / "node_modules" / "pyodide"
    if all((folder / name).is_file() for name in (*PYODIDE_FILES, "pyodide-lock.json")):
        return folder
    return None


def pyodide_version(folder: Path) -> str:
    return json.loads((folder / "package.json").read_text(encoding="utf-8"))["version"]


def trimmed_lock(folder: Path) -> str:
    """Pyodide's lock file without its packages: the site loads none of them."""
    lock = json.loads((folder / "pyodide-lock.json").read_text(encoding="utf-8"))
    return json.dumps({"info": lock["info"], "packages": {}}, indent=1) + "\n"


def _gzip_size(data: bytes) -> int:
    return len(gzip.compress(data, compresslevel=6, mtime=0))


def sizes(
    paths: dict[str, Path], cache: Path = ROOT / ".cache" / "run-button"
) -> list[tuple[str, int, int]]:
    """(name, bytes, gzip bytes) of each file, the gzip sizes cached."""
    index = cache / "sizes.json"
    try:
        known = json.loads(index.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        known = {}
    rows, changed = [], False
    for name, path in paths.items():
        stat = path.stat()
        key = f"{path.name}:{stat.st_size}:{stat.st_mtime_ns}"
        if key not in known:
            known[key] = _gzip_size(path.read_bytes())
            changed = True
        rows.append((name, stat.st_size, known[key]))
    if changed:
        cache.mkdir(parents=True, exist_ok=True)
        temporary = index.with_suffix(f".{id(rows)}.tmp")
        temporary.write_text(json.dumps(known, indent=1), encoding="utf-8")
        temporary.replace(index)
    return rows


def loads(root: Path = ROOT) -> list[tuple[str, int, int]] | None:
    """What the first Run on a page loads, by file: (name, bytes, gzip bytes); None
    without Pyodide. The wheel is built (or taken from the hook's cache) for its size."""
    import sys

    folder = pyodide_folder(root)
    if folder is None:
        return None
    paths = {name: folder / name for name in PYODIDE_FILES}
    hooks = str(root / "docs" / "_hooks")
    if hooks not in sys.path:
        sys.path.insert(0, hooks)
    import run_button

    paths["wheel"] = run_button.build_wheel(root)
    paths["worker.js"] = root / "docs" / "assets" / "run" / "worker.js"
    rows = sizes(paths)
    lock = trimmed_lock(folder).encode()
    rows.insert(len(PYODIDE_FILES), ("pyodide-lock.json", len(lock), _gzip_size(lock)))
    return rows


def loads_table(root: Path = ROOT) -> str:
    """A Markdown table of :func:`loads`, with the total (KB of 1024 bytes)."""
    rows = loads(root)
    if rows is None:
        return (
            "*This copy of the site was built without Pyodide (`npm ci` was not run), so "
            "it has no Run buttons and nothing to measure.*"
        )
    version = pyodide_version(pyodide_folder(root))
    lines = ["| file | what it is | KB | gzip KB |", "|---|---|---:|---:|"]
    for name, raw, packed in rows:
        shown = f"`{name}`" if name != "wheel" else "`convdims-*.whl`"
        lines.append(
            f"| {shown} | {ROLES[name]} | {raw / 1024:,.0f} | {packed / 1024:,.0f} |"
        )
    raw = sum(row[1] for row in rows)
    packed = sum(row[2] for row in rows)
    lines.append(
        f"| **total** | Pyodide {version} and convdims | **{raw / 1024:,.0f}** | "
        f"**{packed / 1024:,.0f}** |"
    )
    return "\n".join(lines)

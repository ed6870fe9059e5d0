"""Time to build every ``keras.applications`` model and print its summary, in convdims
and (with ``--keras``) in the real Keras 3 on the torch backend.

    python benchmarks/bench_applications.py [--keras] [--repeat 3] [--only NAME ...]

For each application: the best of ``--repeat`` builds of ``NAME(weights=None)``
followed by ``model.summary()`` (printed to nowhere), each from a fresh session, and
the model's layer and parameter counts. Real Keras allocates and initialises the
weights, convdims only counts them: the ratio is what ``convdims run`` saves on a
script that builds one. The machine is shared: take the best of several runs.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
import warnings
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))


def _time(module, name: str, repeat: int) -> tuple[float, int, int] | None:
    best = float("inf")
    model = None
    for _ in range(repeat):
        module.backend.clear_session()
        start = time.perf_counter()
        try:
            model = getattr(module.applications, name)(weights=None)
        except ValueError:
            return None  # refused (NASNetMobile on the torch backend)
        model.summary(print_fn=lambda *args, **kwargs: None)
        best = min(best, time.perf_counter() - start)
    return best, len(model.layers), model.count_params()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--keras", action="store_true", help="also time the real Keras")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--only", nargs="*", help="these applications only")
    args = parser.parse_args()

    from convdims import keras as ck

    names = args.only or sorted(ck.applications._APPLICATIONS, key=str.lower)
    real = None
    if args.keras:
        os.environ.setdefault("KERAS_BACKEND", "torch")
        os.environ.setdefault("KERAS_HOME", tempfile.mkdtemp(prefix="convdims-keras-"))
        warnings.simplefilter("ignore")
        import keras as real

    header = f"{'application':<20} {'layers':>7} {'params':>12} {'convdims':>10}"
    print(header + (f" {'Keras':>10} {'ratio':>7}" if real else ""))
    total_ours = total_real = 0.0
    for name in names:
        ours = _time(ck, name, args.repeat)
        if ours is None:
            print(f"{name:<20} refused (as Keras does on the torch backend)")
            continue
        seconds, layers, params = ours
        total_ours += seconds
        line = f"{name:<20} {layers:>7} {params:>12,} {seconds * 1000:>8.1f}ms"
        if real:
            theirs = _time(real, name, 1)
            if theirs is not None:
                total_real += theirs[0]
                line += f" {theirs[0]:>9.2f}s {theirs[0] / seconds:>6.0f}x"
        print(line, flush=True)
    print(f"{'total':<41} {total_ours:>8.2f}s" + (f" {total_real:>9.1f}s" if real else ""))


if __name__ == "__main__":
    main()

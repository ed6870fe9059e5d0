"""The floor under the summary budgets: the example scripts run on bare stubs.

    python benchmarks/bench_floor.py [--repeat 50]

Issue 12 asks the ResNet-50 summaries to be at least 1000x faster than real Keras
(about 1.1 ms against Keras's 1.1 s) and at most 2 ms in the torch lookalike. This
measures what the same scripts cost when the layers do almost nothing: each layer
keeps its arguments, computes its output shape with one line of arithmetic (no
argument checks, no weights, no naming, no errors to raise), the model walks its graph
once, and the summary is one f-string per layer (no wrapping, no widths, no totals).
No lookalike can be faster than this in CPython; the distance between this floor and
the ``first run`` of ``bench_keras_summary.py`` / ``bench_torch_summary.py`` is what
the real work (Keras's and PyTorch's checks, weights, layer order, torchinfo's rows
and the table) costs.

Prints the best of ``--repeat`` runs (milliseconds of CPU time) of each script on the
stubs and, for comparison in the same process and moment, on convdims (warm: its
caches hold the answers of the runs before). Not a test: timings depend on the
machine.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import sys
import time
import types
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SNIPPETS = ROOT / "docs" / "snippets"


def _size(n: int, k: int, s: int, p: int, d: int = 1) -> int:
    return (n + 2 * p - d * (k - 1) - 1) // s + 1


def _pair(v):
    return v if isinstance(v, tuple) else (v, v)


# Keras ---------------------------------------------------------------------------------


class _KTensor:
    __slots__ = ("shape", "layer")

    def __init__(self, shape, layer=None):
        self.shape = shape
        self.layer = layer


class _KLayer:
    def __init__(self, *args, name=None, **kwargs):
        self.args, self.kwargs, self.name = args, kwargs, name or type(self).__name__

    def shape(self, shape):
        return shape

    def __call__(self, x):
        shape = x[0].shape if isinstance(x, list) else x.shape
        self.input, self.output = x, _KTensor(self.shape(shape), self)
        return self.output


class _Conv2D(_KLayer):
    def shape(self, shape):
        filters, k = self.args[0], _pair(self.args[1])
        s = _pair(self.kwargs.get("strides", 1))
        same = self.kwargs.get("padding") == "same"
        hw = [
            -(-n // st) if same else _size(n, kk, st, 0)
            for n, kk, st in zip(shape[1:3], k, s, strict=False)
        ]
        return (shape[0], *hw, filters)


class _Pad2D(_KLayer):
    def shape(self, shape):
        (t, b), (left, r) = self.kwargs["padding"]
        return (shape[0], shape[1] + t + b, shape[2] + left + r, shape[3])


class _Pool2D(_KLayer):
    def shape(self, shape):
        k, s = self.args[0], self.kwargs.get("strides", self.args[0])
        return (shape[0], _size(shape[1], k, s, 0), _size(shape[2], k, s, 0), shape[3])


class _Global(_KLayer):
    def shape(self, shape):
        return (shape[0], shape[-1])


class _Dense(_KLayer):
    def shape(self, shape):
        return (*shape[:-1], self.args[0])


class _KModel:
    def __init__(self, inputs, outputs, name=None):
        order, seen, stack = [], set(), [outputs]
        while stack:
            layer = stack.pop().layer
            if layer is None or id(layer) in seen:
                continue
            seen.add(id(layer))
            order.append(layer)
            stack.extend(layer.input if isinstance(layer.input, list) else [layer.input])
        self.layers = order[::-1]

    def summary(self, print_fn=print):
        print_fn(
            "\n".join(
                f"│ {layer.name} ({type(layer).__name__}) │ {layer.output.shape} │"
                for layer in self.layers
            )
        )


def keras_stub() -> dict[str, types.ModuleType]:
    layers = types.ModuleType("keras.layers")
    for name, base in {
        "Conv2D": _Conv2D,
        "BatchNormalization": _KLayer,
        "Activation": _KLayer,
        "Add": _KLayer,
        "ZeroPadding2D": _Pad2D,
        "MaxPooling2D": _Pool2D,
        "GlobalAveragePooling2D": _Global,
        "Dense": _Dense,
        "Flatten": _Global,
    }.items():
        setattr(layers, name, type(name, (base,), {}))
    keras = types.ModuleType("keras")
    keras.layers = layers
    keras.Input = lambda shape, **kwargs: _KTensor((None, *shape))
    keras.Model = _KModel
    return {"keras": keras, "keras.layers": layers}


# PyTorch -------------------------------------------------------------------------------


class _TTensor:
    __slots__ = ("shape",)

    def __init__(self, shape):
        self.shape = shape

    def __iadd__(self, other):
        return self


_CALLS: list = []


class _Module:
    weight = bias = None

    def __init__(self, *args, **kwargs):
        object.__setattr__(self, "_modules", {})
        self.args, self.kwargs = args, kwargs

    def __setattr__(self, name, value):
        if isinstance(value, _Module):
            self._modules[name] = value
        object.__setattr__(self, name, value)

    def __call__(self, *args):
        output = self.forward(*args)
        _CALLS.append((type(self).__name__, output.shape))
        return output

    def forward(self, x):
        return x

    def modules(self):
        yield self
        for child in self._modules.values():
            yield from child.modules()


class _Conv2d(_Module):
    def forward(self, x):
        out, k = self.args[1], _pair(self.kwargs.get("kernel_size", 1))
        s = _pair(self.kwargs.get("stride", 1))
        p = _pair(self.kwargs.get("padding", 0))
        hw = [_size(n, *a) for n, *a in zip(x.shape[2:], k, s, p, strict=False)]
        return _TTensor((x.shape[0], out, *hw))


class _MaxPool2d(_Module):
    def forward(self, x):
        k, s, p = self.kwargs["kernel_size"], self.kwargs["stride"], self.kwargs["padding"]
        n, c, h, w = x.shape
        return _TTensor((n, c, _size(h, k, s, p), _size(w, k, s, p)))


class _Adaptive(_Module):
    def forward(self, x):
        return _TTensor((*x.shape[:2], 1, 1))


class _Linear(_Module):
    def forward(self, x):
        return _TTensor((x.shape[0], self.args[1]))


class _Sequential(_Module):
    def __init__(self, *modules):
        super().__init__()
        for index, module in enumerate(modules):
            setattr(self, str(index), module)

    def forward(self, x):
        for module in self._modules.values():
            x = module(x)
        return x


def _torch_summary(model, input_size):
    _CALLS.clear()
    model(_TTensor(tuple(input_size)))
    text = "\n".join(f"├─{name} {list(shape)}" for name, shape in _CALLS)
    print(text)


def torch_stub() -> dict[str, types.ModuleType]:
    nn = types.ModuleType("torch.nn")
    nn.Module = _Module
    nn.Conv2d, nn.MaxPool2d, nn.Linear = _Conv2d, _MaxPool2d, _Linear
    nn.AdaptiveAvgPool2d, nn.Sequential = _Adaptive, _Sequential
    nn.BatchNorm2d = nn.ReLU = nn.Identity = nn.GroupNorm = _Module
    nn.init = types.SimpleNamespace(
        kaiming_normal_=lambda *a, **k: None, constant_=lambda *a, **k: None
    )
    torch = types.ModuleType("torch")
    torch.nn = nn
    torch.flatten = lambda x, start_dim=0: _TTensor((x.shape[0], x.shape[1]))
    torchinfo = types.ModuleType("torchinfo")
    torchinfo.summary = _torch_summary
    return {"torch": torch, "torch.nn": nn, "torchinfo": torchinfo}


# Timing --------------------------------------------------------------------------------


def best_ms(code, modules, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        saved = {name: sys.modules.get(name) for name in modules}
        sys.modules.update(modules)
        try:
            with contextlib.redirect_stdout(io.StringIO()):
                start = time.process_time()
                exec(code, {"__name__": "__main__"})  # noqa: S102 - our own scripts
                times.append(time.process_time() - start)
        finally:
            for name, module in saved.items():
                if module is None:
                    sys.modules.pop(name, None)
                else:
                    sys.modules[name] = module
    return min(times) * 1000


def convdims_ms(code, repeat: int) -> float:
    from convdims.standin import frameworks

    times = []
    for _ in range(repeat):
        with frameworks(), contextlib.redirect_stdout(io.StringIO()):
            start = time.process_time()
            exec(code, {"__name__": "__main__"})  # noqa: S102 - our own scripts
            times.append(time.process_time() - start)
    return min(times) * 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=50, help="runs (best kept)")
    args = parser.parse_args()
    print(f"best of {args.repeat}, ms of CPU time")
    print(f"{'script':22} {'stubs (floor)':>14} {'convdims (warm)':>16}")
    for script, stub in (
        ("keras_resnet50.py", keras_stub),
        ("torch_resnet50.py", torch_stub),
    ):
        code = compile((SNIPPETS / script).read_text(), script, "exec")
        floor = best_ms(code, stub(), args.repeat)
        ours = convdims_ms(code, args.repeat)
        print(f"{script:22} {floor:14.2f} {ours:16.2f}")


if __name__ == "__main__":
    main()

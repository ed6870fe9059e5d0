"""What convolution and pooling share: a window sliding along one axis.

[`window_derivation`][convdims.render._window.window_derivation] writes the output size
of a convolution or a pooling layer from its
[`AxisGeometry`][convdims.geometry.AxisGeometry]: the general formula (with k, or the
effective kernel K and its own step under dilation; with 2P, or P_b + P_a when the
padding is asymmetric), TensorFlow's ``"same"`` steps, PyTorch's ``ceil_mode`` and its
last-window rule, and the input cells no window reads.
"""

from __future__ import annotations

from convdims.geometry import AxisGeometry
from convdims.padding import same_padding
from convdims.render._derivation import Derivation, Step, Symbol
from convdims.render._expression import (
    ONE,
    TWO,
    Const,
    Frac,
    Max,
    Node,
    Product,
    Var,
    add,
    assemble,
    ceil,
    equation,
    floor,
    signed,
)

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any


def kernel_term(
    k: Symbol, dilation: int, effective: int
) -> tuple[Node, list[Symbol], list[Step]]:
    """The kernel as it enters a formula: k itself, or, with dilation, the effective kernel
    K with its own step ``K = d(k - 1) + 1``. Returns the node, its symbols and steps."""
    if dilation == 1:
        return Var(k), [k], []
    d = Symbol("d", "d", "dilation", dilation)
    big_k = Symbol("K", "K", "effective kernel", effective)
    step = equation(
        "K",
        "K",
        add(Product((Var(d), signed((1, Var(k)), (-1, ONE)))), ONE),
        effective,
        "the effective kernel",
    )
    return Var(big_k), [k, d, big_k], [step]


def _window_terms(
    input_size: int,
    kernel_size: int,
    dilation: int,
    effective: int,
    before: int,
    after: int,
    kernel_meaning: str,
) -> tuple[Var, Node, Node, list[Step], list[Symbol]]:
    """The symbols I, k (or K), the padding term (2P or P_b + P_a) and the K step."""
    i = Symbol("I", "I", "input size", input_size)
    k = Symbol("k", "k", kernel_meaning, kernel_size)
    kernel, legend, steps = kernel_term(k, dilation, effective)
    legend = [i, *legend]
    if before == after:
        p = Symbol("P", "P", "padding on each side", before)
        legend.append(p)
        pad: Node = Product((TWO, Var(p)))
    else:
        pb = Symbol("P_b", "P_b", "padding before", before)
        pa = Symbol("P_a", "P_a", "padding after", after)
        legend += [pb, pa]
        pad = add(Var(pb), Var(pa))
    return Var(i), kernel, pad, steps, legend


def _ordered(legend: list[Symbol], stride: Symbol) -> list[Symbol]:
    """Put S after the kernel symbols, before the padding: I, k, S, P (as the site does)."""
    head = [s for s in legend if s.name in ("I", "k", "d", "K")]
    tail = [s for s in legend if s.name not in ("I", "k", "d", "K")]
    return head + [stride] + tail


def _unvisited_note(geometry: AxisGeometry) -> list[str]:
    """The input cells no window reads: the first 8 and how many, in closed form."""
    count = geometry.unvisited_count
    if not count:
        return []
    first = geometry.first_unvisited(8)
    shown = ", ".join(str(i) for i in first) + (", ..." if count > len(first) else "")
    why = (
        "the floor drops the windows that would need them"
        if geometry.dilation == 1
        else "they fall in the holes of the dilated kernel or past the last window"
    )
    return [f"no window reads input cell(s) {shown} (0-based, {count} in all): {why}."]


def _same_steps(
    input_size: int,
    kernel_size: int,
    stride: int,
    dilation: int,
    output_size: int,
    i: Var,
    kernel: Node,
    s: Var,
    pooling: bool,
    framework: str | None = None,
    lower: bool = False,
) -> tuple[list[Step], list[str]]:
    """TensorFlow's 'same': O = ceil(I/S), then the total padding and its split (the
    odd cell after; before with ``lower``, ONNX's SAME_LOWER)."""
    before, after = same_padding(input_size, kernel_size, stride, dilation, lower=lower)
    o = Symbol("O", "O", "output size", output_size)
    steps = [
        equation("O", "O", ceil(Frac(i, s)), output_size, "the 'same' output size"),
        equation(
            "P_b + P_a",
            "P_b + P_a",
            Max(
                signed(
                    (1, Product((signed((1, Var(o)), (-1, ONE)), s))),
                    (1, kernel),
                    (-1, i),
                ),
                Const(0),
            ),
            before + after,
            "the 'same' total padding",
        ),
    ]
    if framework is not None:
        who = framework
    else:
        who = "Keras" if pooling else "Keras/TensorFlow; PyTorch at stride 1"
    word = "same_lower" if lower else "same"
    k_text = kernel.text(numbers=False)
    if before == after:
        notes = [
            f"padding={word!r} ({who}) keeps O = ceil(I/S) and pads {before} cell(s) "
            f"on each side."
        ]
    else:
        where = (
            "before (left/top), as ONNX's SAME_LOWER does"
            if lower
            else "after (right/bottom), as TensorFlow does"
        )
        notes = [
            f"padding={word!r} ({who}) keeps O = ceil(I/S) and pads "
            f"max((O - 1)*S + {k_text} - I, 0) = {before + after} cell(s) in total: "
            f"P_b = {before} before, P_a = {after} after; the odd cell goes {where}."
        ]
    return steps, notes


def window_derivation(
    geometry: AxisGeometry,
    padding: Any,
    kernel_meaning: str,
    what: str,
    stride_given: int | None,
    rounding: str = "floor",
    framework: str | None = None,
) -> Derivation:
    """The derivation of a window layer's output size; ``framework`` is the title of
    the framework whose rules gave the arguments, for the notes (None: the core's
    rules, which are PyTorch's for ceil_mode)."""
    g = geometry
    rounds_up = f"ceil_mode ({framework or 'PyTorch'}) rounds the division up"
    dropped = "PyTorch drops it" if framework is None else "it is dropped"
    i, kernel, pad, steps, legend = _window_terms(
        g.input_size,
        g.kernel_size,
        g.dilation,
        g.effective_kernel,
        g.pad_before,
        g.pad_after,
        kernel_meaning,
    )
    stride = Symbol("S", "S", "stride", g.stride)
    s = Var(stride)
    legend = _ordered(legend, stride)
    notes: list[str] = []
    if what == "pooling" and stride_given is None:
        notes.append(f"S defaults to the pool size (k = {g.kernel_size}).")
    if padding in ("same", "same_lower"):
        same_steps, same_notes = _same_steps(
            g.input_size,
            g.kernel_size,
            g.stride,
            g.dilation,
            g.output_size,
            i,
            kernel,
            s,
            what == "pooling",
            framework,
            lower=padding == "same_lower",
        )
        steps += same_steps
        notes += same_notes
        if what == "pooling":
            notes.append(
                "pooling ignores the padded cells (Keras's average excludes them)."
                if framework is None
                else "the padded cells hold no data: max pooling never picks one; "
                f"whether an average counts them is a separate option of {framework}."
            )
    elif padding in ("full", "causal"):
        reach = "K - 1" if g.dilation != 1 else "k - 1"
        sides = "on each side" if padding == "full" else "before and none after"
        notes.append(
            f"padding={padding!r} pads {reach} = {g.pad_before} cell(s) {sides}"
            + (
                "; causal (Keras Conv1D only): output t reads no input after t."
                if padding == "causal"
                else "."
            )
        )
    span = signed((1, i), (-1, kernel), (1, pad))
    ceil_mode = getattr(g, "ceil_mode", False)
    if rounding in ("ceil", "round") and not ceil_mode:
        # A rounding of the framework's own (TF.js's dimRoundingMode): no last-window
        # rule; a window may reach past the padded input.
        division = Frac(span, s)
        rounded = (
            ceil(division) if rounding == "ceil" else floor(add(division, Frac(ONE, TWO)))
        )
        main = equation("O", "O", add(rounded, ONE), g.output_size, f"the {what} size")
        notes.append(
            f"rounding={rounding!r} (TF.js's dimRoundingMode) rounds the division "
            + ("up" if rounding == "ceil" else "to the nearest integer, halves up")
            + (
                f"; the last window reaches {g.overhang} cell(s) past the padded input."
                if g.overhang
                else "."
            )
        )
    elif not ceil_mode:
        main = equation(
            "O", "O", add(floor(Frac(span, s)), ONE), g.output_size, f"the {what} size"
        )
    else:
        naive_node = add(ceil(Frac(span, s)), ONE)
        naive = int(naive_node.value())
        if naive == g.output_size:
            main = equation("O", "O", naive_node, g.output_size, f"the {what} size")
            start = g.last_start
            if start >= g.input_size + g.pad_before:  # kept only under last_window="keep"
                notes.append(
                    f"Rounding up (ceil_mode) keeps every window here: the last one "
                    f"starts at {start}, not before I + P_b = "
                    f"{g.input_size + g.pad_before}, so it reads no input cell, and no "
                    "last-window rule drops it."
                )
            else:
                notes.append(
                    f"{rounds_up}; the last window starts "
                    f"at {start}, before I + P_b = {g.input_size + g.pad_before}, so it "
                    "is kept"
                    + (
                        f" (it reaches {g.overhang} cell(s) past the padded input; those "
                        "are ignored)."
                        if g.overhang
                        else "."
                    )
                )
        elif naive == g.output_size + 1:
            o_naive = Symbol("O'", "O'", "count before the last-window rule", naive)
            steps.append(equation("O'", "O'", naive_node, naive, "the ceil_mode count"))
            start_node = Product((signed((1, Var(o_naive)), (-1, ONE)), s))
            start = int(start_node.value())
            steps.append(equation("start", "\\text{start}", start_node, start, "the start"))
            if start < g.input_size + g.pad_before:
                raise RuntimeError(
                    f"the core dropped a last window that starts at {start}, inside "
                    f"I + P_b = {g.input_size + g.pad_before}"
                )
            main = equation(
                "O",
                "O",
                signed((1, ceil(Frac(span, s))), (1, ONE), (-1, ONE)),
                g.output_size,
                f"the {what} size",
            )
            notes.append(
                f"{rounds_up}, but the last window must "
                f"start inside the input or the left padding: window {naive} would start "
                f"at {start}, which is not before I + P = {g.input_size + g.pad_before}, "
                f"so {dropped} ({naive} - 1 = {g.output_size})."
                if g.pad_before == g.pad_after
                else f"{rounds_up}, but the last window "
                f"must start inside the input or the left padding: window {naive} would "
                f"start at {start}, which is not before I + P_b = "
                f"{g.input_size + g.pad_before}, so {dropped} "
                f"({naive} - 1 = {g.output_size})."
            )
        else:
            raise RuntimeError(
                f"ceil_mode: the rounded-up count {naive} and the core's "
                f"{g.output_size} differ by more than the last-window rule allows"
            )
    notes += _unvisited_note(g)
    return assemble(main, "output size", steps, legend, notes)

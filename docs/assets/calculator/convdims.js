// convdims for the browser: the library's window arithmetic, framework rules, derivations
// and window picture, written again for the calculator (docs/calculator.md).
//
// It must stay the library's: tests/browser/test_calculator_agrees.py feeds thousands of
// random cases (Hypothesis) to both sides and requires the same JSON as
// `convdims conv|pool|transpose ... --framework F --json` (sizes, padding split,
// derivations, refusal messages) and the same SVG as `convdims.draw.window`.
// Python source of each part: src/convdims/cli.py (parsing, framework rules),
// convolution.py, pooling.py, transposed.py, padding.py (arithmetic),
// render/formula.py (derivations), draw/_window.py and draw/_svg.py (picture).
// No dependencies, no build step.

// ---------------------------------------------------------------------------------------
// Python-like helpers

class CommandError extends Error {}

const pyRepr = (value) => {
  if (value === null || value === undefined) return "None";
  if (typeof value === "boolean") return value ? "True" : "False";
  if (typeof value === "number") return String(value);
  if (Array.isArray(value)) {
    const inner = value.map(pyRepr).join(", ");
    return value.length === 1 ? `(${inner},)` : `(${inner})`;
  }
  const text = String(value);
  const quote = text.includes("'") && !text.includes('"') ? '"' : "'";
  let out = "";
  for (const ch of text) {
    const code = ch.codePointAt(0);
    if (ch === "\\") out += "\\\\";
    else if (ch === quote) out += "\\" + ch;
    else if (ch === "\n") out += "\\n";
    else if (ch === "\r") out += "\\r";
    else if (ch === "\t") out += "\\t";
    else if (code < 0x20 || code === 0x7f) out += "\\x" + code.toString(16).padStart(2, "0");
    else out += ch;
  }
  return quote + out + quote;
};

// Python's int() of a string (ASCII digits): spaces around, a sign, '_' between digits.
const INT = /^\s*[+-]?\d+(_\d+)*\s*$/;
const pyInt = (text) => {
  if (!INT.test(text)) throw new TypeError("not an int");
  const value = Number(text.replace(/_/g, "").trim());
  if (!Number.isSafeInteger(value)) throw new RangeError("too large for the calculator");
  return value;
};

const isAlpha = (text) => /^\p{L}+$/u.test(text);
const floorDiv = (a, b) => {
  const r = ((a % b) + b) % b;
  return (a - r) / b;
};
const pyMod = (a, b) => ((a % b) + b) % b;
const thousands = (n) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ",");
const orList = (items) =>
  items.length === 1 ? items[0] : items.slice(0, -1).join(", ") + " or " + items[items.length - 1];

// ---------------------------------------------------------------------------------------
// Argument checks (src/convdims/_checks.py)

const positiveInt = (name, value) => {
  if (value < 1) throw new RangeError(`${name} must be at least 1, got ${value}`);
  return value;
};
const nonNegativeInt = (name, value) => {
  if (value < 0) throw new RangeError(`${name} must be 0 or more, got ${value}`);
  return value;
};

// ---------------------------------------------------------------------------------------
// Padding (src/convdims/padding.py)

const PADDING_WORDS = ["valid", "same", "full", "causal"];
const POOL_PADDING_WORDS = ["valid", "same"];
const TRANSPOSE_PADDING_WORDS = ["valid", "same"];

const effectiveKernel = (kernel, dilation) => dilation * (kernel - 1) + 1;

export function samePadding(size, kernel, stride = 1, dilation = 1) {
  positiveInt("input_size", size);
  positiveInt("kernel_size", kernel);
  positiveInt("stride", stride);
  positiveInt("dilation", dilation);
  const output = -floorDiv(-size, stride);
  const total = Math.max((output - 1) * stride + effectiveKernel(kernel, dilation) - size, 0);
  return [floorDiv(total, 2), total - floorDiv(total, 2)];
}

function explicitPadding(padding, size, kernel, stride, dilation, words = PADDING_WORDS) {
  positiveInt("input_size", size);
  positiveInt("kernel_size", kernel);
  positiveInt("stride", stride);
  positiveInt("dilation", dilation);
  if (typeof padding === "string") {
    if (!words.includes(padding)) {
      const valid = words.map(pyRepr).join(", ");
      throw new RangeError(
        `padding=${pyRepr(padding)} is not a padding word known here; ` +
          `use one of ${valid}, an int or a (before, after) pair`,
      );
    }
    const reach = effectiveKernel(kernel, dilation) - 1;
    if (padding === "valid") return [0, 0];
    if (padding === "same") return samePadding(size, kernel, stride, dilation);
    if (padding === "full") return [reach, reach];
    return [reach, 0];
  }
  if (Array.isArray(padding)) {
    return [
      nonNegativeInt("padding[0] (before)", padding[0]),
      nonNegativeInt("padding[1] (after)", padding[1]),
    ];
  }
  const amount = nonNegativeInt("padding", padding);
  return [amount, amount];
}

// ---------------------------------------------------------------------------------------
// Geometry of one axis (src/convdims/geometry.py, convolution.py, pooling.py)

class AxisGeometry {
  constructor(fields) {
    Object.assign(this, fields);
  }
  get effectiveKernel() {
    return effectiveKernel(this.kernel_size, this.dilation);
  }
  get paddedSize() {
    return this.pad_before + this.input_size + this.pad_after;
  }
  get windowStarts() {
    return Array.from({ length: this.output_size }, (_, n) => n * this.stride);
  }
  taps(start) {
    return Array.from({ length: this.kernel_size }, (_, j) => start + j * this.dilation);
  }
  get unvisitedInputs() {
    if (this._unvisited) return this._unvisited;
    const read = new Uint8Array(this.paddedSize + this.effectiveKernel + this.stride);
    const last = (this.output_size - 1) * this.stride;
    if (this.dilation === 1) {
      // windows are intervals: mark each cell once
      for (let start = 0, reach = -1; start <= last; start += this.stride) {
        for (let c = Math.max(start, reach + 1); c < start + this.kernel_size; c++) read[c] = 1;
        reach = start + this.kernel_size - 1;
      }
    } else if (this.stride === 1) {
      // the taps j*d + n for n = 0..O-1 are intervals too
      for (let j = 0; j < this.kernel_size; j++) {
        const from = j * this.dilation;
        for (let c = from; c <= from + last && c < read.length; c++) read[c] = 1;
      }
    } else {
      for (let start = 0; start <= last; start += this.stride) {
        for (const tap of this.taps(start)) read[tap] = 1;
      }
    }
    const out = [];
    for (let i = 0; i < this.input_size; i++) if (!read[i + this.pad_before]) out.push(i);
    this._unvisited = out;
    return out;
  }
  get overhang() {
    if (!this.output_size) return 0;
    const lastEnd = (this.output_size - 1) * this.stride + this.effectiveKernel;
    return Math.max(lastEnd - this.paddedSize, 0);
  }
}

function noWindowMessage(kernel, dilation, size, before, after, what) {
  const effective = effectiveKernel(kernel, dilation);
  const padded = size + before + after;
  let k = `${what}=${kernel}`;
  if (dilation !== 1) k += ` (effective ${effective} with dilation=${dilation})`;
  return (
    `${k} is larger than the padded input ${padded} ` +
    `(input_size=${size} + padding ${before} before + ${after} after), so no ` +
    `window fits and the output would be empty; use an effective kernel of at most ` +
    `${padded} or pad at least ${effective - padded} more cell(s)`
  );
}

export function convGeometry(size, kernel, stride = 1, padding = 0, dilation = 1) {
  positiveInt("input_size", size);
  positiveInt("kernel_size", kernel);
  positiveInt("stride", stride);
  positiveInt("dilation", dilation);
  const [before, after] = explicitPadding(padding, size, kernel, stride, dilation);
  const span = size + before + after - effectiveKernel(kernel, dilation);
  if (span < 0) {
    throw new RangeError(noWindowMessage(kernel, dilation, size, before, after, "kernel_size"));
  }
  return new AxisGeometry({
    input_size: size,
    kernel_size: kernel,
    stride,
    dilation,
    pad_before: before,
    pad_after: after,
    output_size: floorDiv(span, stride) + 1,
    ceil_mode: false,
  });
}

export function poolGeometry(size, pool, stride = null, padding = 0, dilation = 1, ceilMode = false) {
  positiveInt("input_size", size);
  positiveInt("pool_size", pool);
  const step = stride === null ? pool : positiveInt("stride", stride);
  positiveInt("dilation", dilation);
  const [before, after] = explicitPadding(padding, size, pool, step, dilation, POOL_PADDING_WORDS);
  // The core's own bound: padding as wide as the window would make a window of padding
  // only (each framework's tighter rules are checked before, as in convdims.conventions).
  const reach = effectiveKernel(pool, dilation);
  for (const [side, amount] of [
    ["before", before],
    ["after", after],
  ]) {
    if (amount >= reach) {
      throw new RangeError(
        `padding=${pyRepr(padding)} puts ${amount} cell(s) ${side} the input, but a ` +
          `pooling window of pool_size=${pool}` +
          (dilation !== 1 ? ` (effective ${reach} with dilation=${dilation})` : "") +
          ` would then hold padding only; use a padding of 0..${reach - 1} ` +
          "(frameworks may allow less: see convdims.conventions)",
      );
    }
  }
  const span = size + before + after - effectiveKernel(pool, dilation);
  let output;
  if (!ceilMode) {
    if (span < 0) {
      throw new RangeError(noWindowMessage(pool, dilation, size, before, after, "pool_size"));
    }
    output = floorDiv(span, step) + 1;
  } else {
    output = floorDiv(span + step - 1, step) + 1;
    if (output >= 1 && (output - 1) * step >= size + before) output -= 1;
    if (output < 1) {
      throw new RangeError(noWindowMessage(pool, dilation, size, before, after, "pool_size"));
    }
  }
  return new AxisGeometry({
    input_size: size,
    kernel_size: pool,
    stride: step,
    dilation,
    pad_before: before,
    pad_after: after,
    output_size: output,
    ceil_mode: ceilMode,
  });
}


// ---------------------------------------------------------------------------------------
// Derivations (src/convdims/render/formula.py): a tiny expression tree printed as text,
// LaTeX (both compared with the library) and MathML (what the page shows).

const SUM = 1;
const PRODUCT = 2;
const ATOM = 3;

const symbol = (name, latex, meaning, value) => ({ symbol: name, latex, meaning, value });
const symbolText = (s) => `${s.symbol} = ${s.value} (${s.meaning})`;

const esc = (text) =>
  String(text).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

// Rationals as [numerator, denominator], denominator > 0.
const gcd = (a, b) => {
  a = Math.abs(a);
  b = Math.abs(b);
  while (b) [a, b] = [b, a % b];
  return a || 1;
};
const rat = (n, d = 1) => {
  if (d < 0) [n, d] = [-n, -d];
  const g = gcd(n, d);
  return [n / g, d / g];
};
const radd = (a, b) => rat(a[0] * b[1] + b[0] * a[1], a[1] * b[1]);
const rmul = (a, b) => rat(a[0] * b[0], a[1] * b[1]);
const rdiv = (a, b) => rat(a[0] * b[1], a[1] * b[0]);
const requal = (a, n) => a[1] === 1 && a[0] === n;

function symbolMathml(name) {
  if (name === "O'") return "<msup><mi>O</mi><mo>\u2032</mo></msup>";
  const sub = name.match(/^([A-Za-z])_(\w+)$/);
  if (sub) return `<msub><mi>${sub[1]}</mi><mi>${esc(sub[2])}</mi></msub>`;
  if (name.length > 1) return `<mi mathvariant="normal">${esc(name)}</mi>`;
  return `<mi>${esc(name)}</mi>`;
}

// Each node prints itself in one of three modes, with symbols or with numbers (n).
const TEXT = 0;
const LATEX = 1;
const MATHML = 2;
const paren = (m, s) => (m === MATHML ? `<mo>(</mo>${s}<mo>)</mo>` : `(${s})`);
const wrap = (node, m, n, below) => {
  const s = node.r(m, n);
  return node.p <= below ? paren(m, s) : s;
};

class Const {
  constructor(k) {
    this.k = k;
    this.p = ATOM;
  }
  r(m) {
    return m === MATHML ? `<mn>${this.k}</mn>` : String(this.k);
  }
  value() {
    return rat(this.k);
  }
}

class Var {
  constructor(sym) {
    this.s = sym;
    this.p = ATOM;
  }
  r(m, n) {
    const s = this.s;
    if (n) return m === MATHML ? `<mn>${s.value}</mn>` : String(s.value);
    return [s.symbol, s.latex, symbolMathml(s.symbol)][m];
  }
  value() {
    return rat(this.s.value);
  }
}

class Sum {
  constructor(terms) {
    this.terms = terms; // [sign, node]
    this.p = SUM;
  }
  r(m, n) {
    const [plus, minus, neg] = m === MATHML ? ["<mo>+</mo>", "<mo>\u2212</mo>", "<mo>\u2212</mo>"] : [" + ", " - ", "-"];
    return this.terms
      .map(([sign, t], i) => {
        const x = wrap(t, m, n, sign < 0 ? SUM : 0);
        if (i === 0) return sign > 0 ? x : neg + x;
        return (sign > 0 ? plus : minus) + x;
      })
      .join("");
  }
  value() {
    return this.terms.reduce((acc, [s, t]) => radd(acc, rmul(rat(s), t.value())), rat(0));
  }
}

class Product {
  constructor(factors) {
    this.factors = factors;
    this.p = PRODUCT;
  }
  // With symbols, write 2P and d(k - 1), not 2*P and d*(k - 1).
  static juxtaposed(left, right, n) {
    if (n || !(left instanceof Const || left instanceof Var)) return false;
    return (left instanceof Const && right instanceof Var) || right.p === SUM;
  }
  r(m, n) {
    let out = "";
    let previous = null;
    for (const f of this.factors) {
      let x = f.r(m, n);
      if (f.p === SUM || (f instanceof Frac && m === TEXT)) x = paren(m, x);
      if (previous !== null && !Product.juxtaposed(previous, f, n)) {
        out += ["*", "\\cdot ", "<mo>\u22c5</mo>"][m];
      }
      out += x;
      previous = f;
    }
    return out;
  }
  value() {
    return this.factors.reduce((acc, f) => rmul(acc, f.value()), rat(1));
  }
}

class Frac {
  constructor(a, b) {
    this.a = a;
    this.b = b;
    this.p = PRODUCT;
  }
  r(m, n) {
    if (m === TEXT) return `${wrap(this.a, m, n, PRODUCT)}/${wrap(this.b, m, n, PRODUCT)}`;
    const [a, b] = [this.a.r(m, n), this.b.r(m, n)];
    return m === LATEX ? `\\frac{${a}}{${b}}` : `<mfrac><mrow>${a}</mrow><mrow>${b}</mrow></mfrac>`;
  }
  value() {
    return rdiv(this.a.value(), this.b.value());
  }
}

class Round {
  constructor(inner, up) {
    this.i = inner;
    this.up = up;
    this.p = ATOM;
  }
  r(m, n) {
    const [i, up] = [this.i.r(m, n), this.up];
    if (m === TEXT) return `${up ? "ceil" : "floor"}(${i})`;
    if (m === LATEX) return up ? `\\left\\lceil ${i} \\right\\rceil` : `\\left\\lfloor ${i} \\right\\rfloor`;
    return `<mrow><mo>${up ? "\u2308" : "\u230a"}</mo>${i}<mo>${up ? "\u2309" : "\u230b"}</mo></mrow>`;
  }
  value() {
    const [a, b] = this.i.value();
    return rat(this.up ? -floorDiv(-a, b) : floorDiv(a, b));
  }
}

class Max {
  constructor(a, b) {
    this.a = a;
    this.b = b;
    this.p = ATOM;
  }
  r(m, n) {
    const [a, b] = [this.a.r(m, n), this.b.r(m, n)];
    return m === MATHML ? `<mi>max</mi>${paren(m, `${a}<mo>,</mo>${b}`)}` : `${m === LATEX ? "\\max" : "max"}(${a}, ${b})`;
  }
  value() {
    const [a, b] = [this.a.value(), this.b.value()];
    return a[0] * b[1] >= b[0] * a[1] ? a : b;
  }
}

class Mod {
  constructor(a, b) {
    this.a = a;
    this.b = b;
    this.p = ATOM;
  }
  r(m, n) {
    const [a, b] = [this.a.r(m, n), this.b.r(m, n)];
    return m === MATHML ? paren(m, `${a}<mo>mod</mo>${b}`) : `(${a} ${m === LATEX ? "\\bmod" : "mod"} ${b})`;
  }
  value() {
    return rat(pyMod(this.a.value()[0], this.b.value()[0])); // integers only (k mod 2)
  }
}

const add = (...terms) => new Sum(terms.map((t) => [1, t]));
const signed = (...terms) => new Sum(terms);
const floorOf = (inner) => new Round(inner, false);
const ceilOf = (inner) => new Round(inner, true);
const ONE = new Const(1);
const TWO = new Const(2);

function lhsMathml(lhs) {
  if (lhs === "P_b + P_a") return `${symbolMathml("P_b")}<mo>+</mo>${symbolMathml("P_a")}`;
  if (lhs === "start" || lhs === "params") return `<mtext>${lhs}</mtext>`;
  return symbolMathml(lhs);
}

// A step as the library's JSON has it, plus MathML for the page (keys ending in _mathml).
function step(lhs, lhsLatex, expression, expected, what) {
  const value = expression.value();
  if (!requal(value, expected)) {
    throw new Error(
      `the derivation of ${what} does not agree with the core: ` +
        `${expression.r(TEXT, true)} evaluates to ${value[0]}/${value[1]}, the core says ${expected}`,
    );
  }
  return {
    formula: `${lhs} = ${expression.r(TEXT, false)}`,
    formula_latex: `${lhsLatex} = ${expression.r(LATEX, false)}`,
    substituted: `${expression.r(TEXT, true)} = ${expected}`,
    substituted_latex: `${expression.r(LATEX, true)} = ${expected}`,
    result: expected,
    formula_mathml: `${lhsMathml(lhs)}<mo>=</mo>${expression.r(MATHML, false)}`,
    substituted_mathml: `${expression.r(MATHML, true)}<mo>=</mo><mn>${expected}</mn>`,
  };
}

const derivation = (main, quantity, steps, legend, notes) => ({
  ...main,
  quantity,
  steps,
  legend,
  notes,
});

function kernelTerm(k, dilation, effective) {
  if (dilation === 1) return [new Var(k), [k], []];
  const d = symbol("d", "d", "dilation", dilation);
  const bigK = symbol("K", "K", "effective kernel", effective);
  const s = step(
    "K",
    "K",
    add(new Product([new Var(d), signed([1, new Var(k)], [-1, ONE])]), ONE),
    effective,
    "the effective kernel",
  );
  return [new Var(bigK), [k, d, bigK], [s]];
}

function windowTerms(size, kernelSize, dilation, effective, before, after, kernelMeaning) {
  const i = symbol("I", "I", "input size", size);
  const k = symbol("k", "k", kernelMeaning, kernelSize);
  let [kernel, legend, steps] = kernelTerm(k, dilation, effective);
  legend = [i, ...legend];
  let pad;
  if (before === after) {
    const p = symbol("P", "P", "padding on each side", before);
    legend.push(p);
    pad = new Product([TWO, new Var(p)]);
  } else {
    const pb = symbol("P_b", "P_b", "padding before", before);
    const pa = symbol("P_a", "P_a", "padding after", after);
    legend.push(pb, pa);
    pad = add(new Var(pb), new Var(pa));
  }
  return [new Var(i), kernel, pad, steps, legend];
}

function ordered(legend, stride) {
  const head = legend.filter((s) => ["I", "k", "d", "K"].includes(s.symbol));
  const tail = legend.filter((s) => !["I", "k", "d", "K"].includes(s.symbol));
  return [...head, stride, ...tail];
}

const cells = (indices) =>
  indices.slice(0, 8).join(", ") + (indices.length > 8 ? ", ..." : "");

function unvisitedNote(unvisited, dilation) {
  if (!unvisited.length) return [];
  const why =
    dilation === 1
      ? "the floor drops the windows that would need them"
      : "they fall in the holes of the dilated kernel or past the last window";
  return [
    `no window reads input cell(s) ${cells(unvisited)} (0-based, ` +
      `${unvisited.length} in all): ${why}.`,
  ];
}

function sameSteps(size, kernelSize, stride, dilation, outputSize, i, kernel, s, pooling) {
  const [before, after] = samePadding(size, kernelSize, stride, dilation);
  const o = symbol("O", "O", "output size", outputSize);
  const steps = [
    step("O", "O", ceilOf(new Frac(i, s)), outputSize, "the 'same' output size"),
    step(
      "P_b + P_a",
      "P_b + P_a",
      new Max(
        signed([1, new Product([signed([1, new Var(o)], [-1, ONE]), s])], [1, kernel], [-1, i]),
        new Const(0),
      ),
      before + after,
      "the 'same' total padding",
    ),
  ];
  const who = pooling ? "Keras" : "Keras/TensorFlow; PyTorch at stride 1";
  const kText = kernel.r(TEXT, false);
  const notes =
    before === after
      ? [
          `padding='same' (${who}) keeps O = ceil(I/S) and pads ${before} cell(s) ` +
            `on each side.`,
        ]
      : [
          `padding='same' (${who}) keeps O = ceil(I/S) and pads ` +
            `max((O - 1)*S + ${kText} - I, 0) = ${before + after} cell(s) in total: ` +
            `P_b = ${before} before, P_a = ${after} after; the odd cell goes after ` +
            `(right/bottom), as TensorFlow does.`,
        ];
  return [steps, notes];
}

function windowDerivation(g, padding, kernelMeaning, what, strideGiven) {
  let [i, kernel, pad, steps, legend] = windowTerms(
    g.input_size,
    g.kernel_size,
    g.dilation,
    g.effectiveKernel,
    g.pad_before,
    g.pad_after,
    kernelMeaning,
  );
  const stride = symbol("S", "S", "stride", g.stride);
  const s = new Var(stride);
  legend = ordered(legend, stride);
  let notes = [];
  if (what === "pooling" && strideGiven === null) {
    notes.push(`S defaults to the pool size (k = ${g.kernel_size}).`);
  }
  if (padding === "same") {
    const [sameS, sameN] = sameSteps(
      g.input_size, g.kernel_size, g.stride, g.dilation, g.output_size, i, kernel, s,
      what === "pooling",
    );
    steps = [...steps, ...sameS];
    notes = [...notes, ...sameN];
    if (what === "pooling") {
      notes.push("pooling ignores the padded cells (Keras's average excludes them).");
    }
  } else if (padding === "full" || padding === "causal") {
    const reach = g.dilation !== 1 ? "K - 1" : "k - 1";
    const sides = padding === "full" ? "on each side" : "before and none after";
    notes.push(
      `padding=${pyRepr(padding)} pads ${reach} = ${g.pad_before} cell(s) ${sides}` +
        (padding === "causal"
          ? "; causal (Keras Conv1D only): output t reads no input after t."
          : "."),
    );
  }
  const span = signed([1, i], [-1, kernel], [1, pad]);
  let main;
  if (!g.ceil_mode) {
    main = step("O", "O", add(floorOf(new Frac(span, s)), ONE), g.output_size, `the ${what} size`);
  } else {
    const naiveNode = add(ceilOf(new Frac(span, s)), ONE);
    const nv = naiveNode.value();
    const naive = floorDiv(nv[0], nv[1]);
    const inputEnd = g.input_size + g.pad_before;
    if (naive === g.output_size) {
      main = step("O", "O", naiveNode, g.output_size, `the ${what} size`);
      const start = g.windowStarts[g.windowStarts.length - 1];
      notes.push(
        `ceil_mode (PyTorch) rounds the division up; the last window starts at ` +
          `${start}, before I + P_b = ${inputEnd}, so it is kept` +
          (g.overhang
            ? ` (it reaches ${g.overhang} cell(s) past the padded input; those are ignored).`
            : "."),
      );
    } else if (naive === g.output_size + 1) {
      const oNaive = symbol("O'", "O'", "count before the last-window rule", naive);
      steps.push(step("O'", "O'", naiveNode, naive, "the ceil_mode count"));
      const startNode = new Product([signed([1, new Var(oNaive)], [-1, ONE]), s]);
      const sv = startNode.value();
      const start = sv[0] / sv[1];
      steps.push(step("start", "\\text{start}", startNode, start, "the start"));
      if (start < inputEnd) {
        throw new Error(`the core dropped a last window that starts at ${start}, inside I + P_b = ${inputEnd}`);
      }
      main = step(
        "O",
        "O",
        signed([1, ceilOf(new Frac(span, s))], [1, ONE], [-1, ONE]),
        g.output_size,
        `the ${what} size`,
      );
      const head =
        `ceil_mode (PyTorch) rounds the division up, but the last window must ` +
        `start inside the input or the left padding: window ${naive} would start ` +
        `at ${start}, which is not before `;
      notes.push(
        head +
          (g.pad_before === g.pad_after ? "I + P" : "I + P_b") +
          ` = ${inputEnd}, so PyTorch drops it (${naive} - 1 = ${g.output_size}).`,
      );
    } else {
      throw new Error(`ceil_mode: the rounded-up count ${naive} and the core's ${g.output_size} differ`);
    }
  }
  notes = [...notes, ...unvisitedNote(g.unvisitedInputs, g.dilation)];
  return derivation(main, "output size", steps, legend, notes);
}

export function convDerivation(size, kernel, stride = 1, padding = 0, dilation = 1) {
  const g = convGeometry(size, kernel, stride, padding, dilation);
  return windowDerivation(g, padding, "kernel size", "convolution", null);
}

export function poolDerivation(size, pool, stride = null, padding = 0, dilation = 1, ceilMode = false) {
  const g = poolGeometry(size, pool, stride, padding, dilation, ceilMode);
  return windowDerivation(g, padding, "pool size", "pooling", stride);
}

// ---------------------------------------------------------------------------------------
// The command line's grammar and rules (src/convdims/cli.py), for `conv`, `pool` and
// `transpose` with --framework: evaluate() answers what `convdims ... --json` answers.

const OPTIONS = {
  input_size: "INPUT",
  kernel_size: "-k/--kernel-size",
  pool_size: "-k/--kernel-size",
  stride: "-s/--stride",
  padding: "-p/--padding",
  dilation: "-d/--dilation",
  output_padding: "--output-padding",
  ceil_mode: "--ceil-mode",
};

class ArgumentTypeError extends Error {}

function ints(text, what, example) {
  return text
    .toLowerCase()
    .split("x")
    .map((part) => {
      try {
        return pyInt(part);
      } catch {
        throw new ArgumentTypeError(`expected ${what} such as ${example}, got ${pyRepr(text)}`);
      }
    });
}

const sizes = (text) => ints(text, "an integer or one per axis joined by 'x'", "32 or 32x24");
const perAxis = (text) => ints(text, "an integer or one per axis joined by 'x'", "3 or 3x5");

function parsePadding(text) {
  const word = text.trim().toLowerCase();
  if (isAlpha(word)) return word;
  const axes = [];
  for (const part of word.split("x")) {
    let values;
    try {
      values = part.split(",").map(pyInt);
    } catch {
      throw new ArgumentTypeError(
        `expected a word (valid, same, full, causal), N cells on each side, ` +
          `B,A cells before and after, or one per axis joined by 'x' ` +
          `(1x0,1); got ${pyRepr(text)}`,
      );
    }
    if (values.length === 1) axes.push(values[0]);
    else if (values.length === 2) axes.push([values[0], values[1]]);
    else {
      throw new ArgumentTypeError(
        `B,A takes 2 numbers (cells before, after), got ${pyRepr(part)} in ${pyRepr(text)}`,
      );
    }
  }
  return axes;
}

function parseOutputPadding(text) {
  return text
    .toLowerCase()
    .split("x")
    .map((part) => {
      if (part === "none") return null;
      try {
        return pyInt(part);
      } catch {
        throw new ArgumentTypeError(
          `expected 'none', an integer or one per axis joined by 'x' (1x0); got ${pyRepr(text)}`,
        );
      }
    });
}

function spread(values, axes, option) {
  if (values === null) return Array(axes).fill(null);
  if (values.length === 1) return Array(axes).fill(values[0]);
  if (values.length !== axes) {
    throw new CommandError(
      `argument ${option}: ${values.length} values for ${axes} input ` +
        `ax${axes === 1 ? "is" : "es"}; give one value, or one per axis joined by 'x'`,
    );
  }
  return values;
}

const shown = (padding) => (Array.isArray(padding) ? `${padding[0]},${padding[1]}` : String(padding));

function checkKerasPadding(paddings, allowed, layer) {
  for (const padding of paddings) {
    if (typeof padding === "string" && allowed.includes(padding)) continue;
    const words = orList(allowed.map(pyRepr));
    const hint =
      typeof padding !== "string"
        ? `; for explicit padding put ZeroPadding${paddings.length}D(${shown(padding)}) before the layer`
        : "";
    throw new CommandError(
      `argument -p/--padding: Keras ${layer} take padding ${words}, not ` +
        `${pyRepr(shown(padding))}${hint} (or leave out --framework)`,
    );
  }
}

function checkKerasDilation(strides, dilations) {
  if (Math.max(...strides) > 1 && Math.max(...dilations) > 1) {
    throw new CommandError(
      `argument -d/--dilation: Keras rejects strides > 1 together with ` +
        `dilation_rate > 1 (got stride ${strides.join("x")}, dilation ` +
        `${dilations.join("x")}); use stride 1 or dilation 1`,
    );
  }
}

function checkTorchPadding(paddings, allowed, layer) {
  for (const padding of paddings) {
    if (typeof padding === "number" || (typeof padding === "string" && allowed.includes(padding))) continue;
    const accepted = orList(["an int", ...allowed.map(pyRepr)]);
    const hint = Array.isArray(padding)
      ? "; PyTorch pads both sides equally: pad B,A with nn.ZeroPad first"
      : "";
    throw new CommandError(
      `argument -p/--padding: PyTorch ${layer} take padding ${accepted}, not ` +
        `${pyRepr(shown(padding))}${hint} (or leave out --framework)`,
    );
  }
}

function frameworkRules(command, framework, paddings, strides, dilations, ceilMode, outputPadding, kernels = []) {
  if (framework === null) return;
  const concrete = strides.map((s) => (s === null ? 1 : s));
  const axes = paddings.length;
  if (framework === "keras") {
    if (command === "conv") {
      checkKerasPadding(paddings, ["valid", "same", "causal"], "convolutions");
      if (paddings.includes("causal") && axes !== 1) {
        throw new CommandError(
          `argument -p/--padding: Keras accepts 'causal' only in Conv1D, and ` +
            `this input has ${axes} axes`,
        );
      }
      checkKerasDilation(concrete, dilations);
    } else if (command === "pool") {
      checkKerasPadding(paddings, ["valid", "same"], "pooling layers");
      if (ceilMode) {
        throw new CommandError(
          "argument --ceil-mode: Keras pooling has no ceil_mode (it is " +
            "PyTorch's); padding 'same' is how Keras keeps the last window",
        );
      }
      if (Math.max(...dilations) > 1) {
        throw new CommandError("argument -d/--dilation: Keras pooling layers have no dilation");
      }
    } else {
      checkKerasPadding(paddings, ["valid", "same"], "transposed convolutions");
      checkKerasDilation(concrete, dilations);
    }
  } else if (command === "conv") {
    checkTorchPadding(paddings, ["valid", "same"], "convolutions");
    if (paddings.includes("same") && Math.max(...concrete) > 1) {
      throw new CommandError(
        "argument -p/--padding: PyTorch rejects padding='same' when a " +
          "stride is not 1; give the padding as an int instead",
      );
    }
  } else if (command === "pool") {
    checkTorchPadding(paddings, [], "pooling layers");
    // PyTorch's own bound (convdims.conventions): at most half the raw pool size a side.
    paddings.forEach((padding, axis) => {
      const pool = kernels[axis];
      if (typeof padding !== "number" || !(pool >= 1)) return;
      const half = floorDiv(pool, 2);
      if (padding > half) {
        throw new CommandError(
          `argument -p/--padding: padding=${pyRepr(padding)} puts ${padding} cell(s) ` +
            `before the input, but pooling padding must be at most half of ` +
            `pool_size=${pool} (pool_size // 2 = ${half}), as PyTorch requires; use a ` +
            `padding of 0..${half}`,
        );
      }
    });
  } else {
    checkTorchPadding(paddings, [], "transposed convolutions");
    if ((outputPadding || []).some((op) => op === null)) {
      throw new CommandError(
        "argument --output-padding: PyTorch has no output_padding=None " +
          "(that is Keras); its default is 0",
      );
    }
  }
}

function coreError(error, axis = 0, axes = 1) {
  const message = error.message;
  const match = message.match(/^[a-z_]+/);
  const named = error.argument || (match ? match[0] : undefined);
  const option = named ? OPTIONS[named] : undefined;
  const where = axes > 1 ? `axis ${axis} of ${axes}: ` : "";
  const prefix = option ? `argument ${option}: ` : "";
  return new CommandError(prefix + where + message);
}

// argparse takes "-3" as a value but "-3x4" or "-1,0" as an option: what it then says.
const NEGATIVE_NUMBER = /^-\d+$|^-\d*\.\d+$/;
const optionLike = (text) => text.length > 1 && text.startsWith("-") && !NEGATIVE_NUMBER.test(text) && !text.includes(" ");

// Transposed convolutions live in convdims-transpose.js, which the page loads when the
// reader picks one (it registers itself here).
let transposed = null;
export const useTransposed = (derive) => {
  transposed = derive;
};
export const hasTransposed = () => transposed !== null;

export const FRAMEWORKS_DEFAULT = ["keras", "torch"];
let frameworks = FRAMEWORKS_DEFAULT;

/** Set the frameworks the page offers (the build emits them from Python). */
export function setFrameworks(list) {
  frameworks = [...list];
}

/**
 * Answer a query as `convdims LAYER INPUT -k K [-s S] [-p P] [-d D] --framework F
 * [--ceil-mode] [--output-padding A] --json` does. `query` holds the query string's
 * values (strings; a missing or null one is left out, as the option would be).
 * Returns {ok: true, result} with the CLI's JSON, or {ok: false, error} with the
 * message the CLI prints after "convdims: error: ".
 */
export function evaluate(query) {
  try {
    return { ok: true, result: run(query) };
  } catch (error) {
    if (error instanceof CommandError) {
      return { ok: false, error: error.message.split(/\s+/).filter(Boolean).join(" ") };
    }
    throw error;
  }
}

function run(query) {
  const command = query.layer;
  const prog = `convdims ${command}`;
  const parserError = (message) => new CommandError(`${message} (see '${prog} --help')`);
  const given = (name) => query[name] !== undefined && query[name] !== null;
  const convert = (value, option, parse) => {
    if (optionLike(value)) throw parserError(`argument ${option}: expected one argument`);
    try {
      return parse(value);
    } catch (error) {
      if (error instanceof ArgumentTypeError) throw parserError(`argument ${option}: ${error.message}`);
      throw error;
    }
  };
  // The positional INPUT comes first, as on the command line.
  const inputText = String(query.input ?? "");
  const inputMissing = optionLike(inputText);
  let sizesList = null;
  if (!inputMissing) {
    try {
      sizesList = sizes(inputText);
    } catch (error) {
      if (error instanceof ArgumentTypeError) throw parserError(`argument INPUT: ${error.message}`);
      throw error;
    }
  }
  const kernelsIn = convert(String(query.kernel ?? ""), "-k/--kernel-size", perAxis);
  const stridesIn = given("stride") ? convert(String(query.stride), "-s/--stride", perAxis) : null;
  const paddingIn = given("padding") ? convert(String(query.padding), "-p/--padding", parsePadding) : null;
  const dilationsIn = given("dilation") ? convert(String(query.dilation), "-d/--dilation", perAxis) : null;
  const framework = query.framework ?? null;
  if (framework !== null && !frameworks.includes(framework)) {
    throw parserError(
      `argument --framework: invalid choice: ${pyRepr(framework)} (choose from ${frameworks.map(pyRepr).join(", ")})`,
    );
  }
  const ceilMode = command === "pool" && String(query.ceil_mode ?? "false").toLowerCase() === "true";
  let outputPaddingIn = null;
  if (command === "transpose" && given("output_padding")) {
    outputPaddingIn = convert(String(query.output_padding), "--output-padding", parseOutputPadding);
  }
  if (inputMissing) throw parserError("the following arguments are required: INPUT");

  const axes = sizesList.length;
  const kernels = spread(kernelsIn, axes, "-k/--kernel-size");
  let strides = spread(stridesIn, axes, "-s/--stride");
  const dilations = spread(dilationsIn, axes, "-d/--dilation").map((d) => (d === null ? 1 : d));
  let paddingSpec = paddingIn;
  if (paddingSpec === null) paddingSpec = framework === "keras" ? "valid" : [0];
  const paddings =
    typeof paddingSpec === "string" ? Array(axes).fill(paddingSpec) : spread(paddingSpec, axes, "-p/--padding");
  let extras = Array(axes).fill(null);
  if (command === "transpose") {
    extras = spread(outputPaddingIn, axes, "--output-padding");
    if (framework === "torch") extras = extras.map((e) => (e === null ? 0 : e));
  }
  if (command !== "pool") strides = strides.map((s) => (s === null ? 1 : s));
  frameworkRules(command, framework, paddings, strides, dilations, ceilMode, outputPaddingIn, kernels);

  const records = [];
  for (let axis = 0; axis < axes; axis++) {
    const [size, kernel, stride, padding, dilation, extra] = [
      sizesList[axis], kernels[axis], strides[axis], paddings[axis], dilations[axis], extras[axis],
    ];
    const record = {
      axis,
      input_size: size,
      kernel_size: kernel,
      stride,
      dilation,
      padding: Array.isArray(padding) ? [...padding] : padding,
    };
    let d;
    let geometry = null;
    try {
      if (command === "conv") {
        d = convDerivation(size, kernel, stride, padding, dilation);
        geometry = convGeometry(size, kernel, stride, padding, dilation);
      } else if (command === "pool") {
        d = poolDerivation(size, kernel, stride, padding, dilation, ceilMode);
        geometry = poolGeometry(size, kernel, stride, padding, dilation, ceilMode);
        record.stride = geometry.stride;
        record.ceil_mode = ceilMode;
      } else {
        if (!transposed) throw new Error("convdims-transpose.js is not loaded yet");
        d = transposed(size, kernel, stride, padding, extra, dilation);
        record.output_padding = extra;
      }
    } catch (error) {
      if (error instanceof RangeError) throw coreError(error, axis, axes);
      throw error;
    }
    record.pad_before = geometry ? geometry.pad_before : null;
    record.pad_after = geometry ? geometry.pad_after : null;
    record.output_size = d.result;
    record.empty = false; // the calculator's frameworks refuse a window that does not fit
    record.derivation = d;
    records.push(record);
  }
  return {
    command,
    framework,
    input_size: sizesList,
    output_size: records.map((r) => r.output_size),
    axes: records,
  };
}

// ---------------------------------------------------------------------------------------
// The window picture (src/convdims/draw/_window.py `window`, src/convdims/draw/_svg.py)

const PALETTE = {
  "pad-before": "#3d8bd9",
  "pad-after": "#e6892e",
  skipped: "#e0453a",
  window: "#8a5cd6",
  output: "#2e9e5b",
};
const color = (name) => `var(--cd-${name},${PALETTE[name]})`;
const fill = (name, opacity = 0.35, dash = null) => {
  const value = color(name);
  let out = `fill:${value};fill-opacity:${opacity};stroke:${value}`;
  if (dash) out += `;stroke-dasharray:${dash}`;
  return out;
};

// Python's f"{value:.1f}" rounds half to even on the exact binary value.
function num(value) {
  if (Number.isInteger(value)) return String(value);
  const fixed = value.toFixed(1);
  const scaled = value * 10;
  if (Math.abs(scaled - Math.trunc(scaled)) === 0.5) {
    // an exact tie (x.x5 held exactly in binary): round to even, as Python does
    const down = Math.floor(scaled);
    const even = down % 2 === 0 ? down : down + 1;
    return (even / 10).toFixed(1);
  }
  return fixed;
}

const ATTR_NAMES = { class_: "class", data_start: "data-start", aria_labelledby: "aria-labelledby" };
function el(tag, content, attrs) {
  const parts = [tag];
  for (const [key, value] of attrs) {
    if (value === null || value === undefined) continue;
    const shownValue = typeof value === "number" ? num(value) : String(value);
    parts.push(`${key}="${esc(shownValue)}"`);
  }
  const head = parts.join(" ");
  return content === null ? `<${head}/>` : `<${head}>${esc(content)}</${tag}>`;
}
const rect = (x, y, w, h, cls) =>
  el("rect", null, [["x", x], ["y", y], ["width", w], ["height", h], ["class", cls]]);
const svgText = (x, y, content, cls = "l") => el("text", content, [["x", x], ["y", y], ["class", cls]]);
const group = (cls, children, extra = []) => {
  const head = el("g", null, [["class", cls], ...extra]).slice(0, -2);
  return head + ">" + children.join("") + "</g>";
};
const textWidth = (content, size = 11) => [...content].length * size * 0.56;

const BASE_STYLE = (s) =>
  `${s}{font-family:var(--md-text-font-family,system-ui),system-ui,sans-serif;` +
  "max-width:100%;height:auto}" +
  `${s} text{fill:currentColor;font-size:11px;dominant-baseline:central}` +
  `${s} .m{text-anchor:middle}${s} .e{text-anchor:end}` +
  `${s} .sm{font-size:9px;fill-opacity:.75}` +
  `${s} .h{font-size:12px;font-weight:600}` +
  `${s} rect,${s} .grid{shape-rendering:crispEdges}` +
  `${s} .c{fill:currentColor;fill-opacity:.07;stroke:currentColor;stroke-opacity:.55}`;

function styleRules(fig, rules) {
  const scope = `#${fig}`;
  let body = BASE_STYLE(scope);
  for (const [selector, declarations] of rules) {
    const scoped = selector
      .split(",")
      .map((part) => `${scope} ${part.trim()}`)
      .join(",");
    body += `${scoped}{${declarations}}`;
  }
  body += `@media (prefers-color-scheme:dark){svg${scope}:root{color:#e6e6e6}}`;
  return body;
}

// The rules of draw/_window.py that a one-axis picture can use, in its order.
const RULES = [
  [".pb", fill("pad-before", 0.3, "3 2")],
  [".pa", fill("pad-after", 0.3, "3 2")],
  [".sk", fill("skipped", 0.45)],
  [".ov", "fill:none;stroke:" + color("skipped") + ";stroke-dasharray:2 2"],
  [".tap", fill("window", 1)],
  [".tx", "fill:none;stroke:" + color("skipped") + ";stroke-dasharray:2 2"],
  [".span", "stroke:" + color("window") + ";stroke-width:1.5"],
  [".o", fill("output", 0.35)],
  [".op", fill("output", 0.1, "3 2")],
];

function render(fig, width, height, title, desc, rules, body, data) {
  const w = Math.round(width);
  const h = Math.round(height);
  const markup = body.join("");
  const tokens = new Set();
  for (const m of markup.matchAll(/class="([^"]*)"/g)) for (const t of m[1].split(/\s+/)) tokens.add(t);
  const used = rules.filter(([selector]) => [...selector.matchAll(/\.([\w-]+)/g)].some((m) => tokens.has(m[1])));
  const head = el("svg", null, [
    ["xmlns", "http://www.w3.org/2000/svg"],
    ["id", fig],
    ["class", "convdims-figure"],
    ["viewBox", `0 0 ${w} ${h}`],
    ["width", w],
    ["height", h],
    ["role", "img"],
    ["aria-labelledby", `${fig}-title ${fig}-desc`],
    ...data.map(([k, v]) => [`data-${k}`, v]),
  ]).slice(0, -2);
  return [
    head + ">",
    el("title", title, [["id", `${fig}-title`]]),
    el("desc", desc, [["id", `${fig}-desc`]]),
    "<style>" + styleRules(fig, used) + "</style>",
    markup,
    "</svg>",
  ].join("");
}

function legendItems(x, y, items, maxWidth) {
  const out = [];
  let cx = x;
  let cy = y;
  const line = 16;
  for (const [cls, label] of items) {
    const need = 16 + textWidth(label) + 14;
    if (cx > x && cx + need > x + maxWidth) {
      cx = x;
      cy = cy + line;
    }
    out.push(rect(cx, cy, 12, 12, cls));
    out.push(svgText(cx + 17, cy + 6, label));
    cx += need;
  }
  return [out.length ? [group("legend", out)] : [], out.length ? cy - y + line : 0];
}

function describeAxis(g, kind) {
  const parts = [
    `${kind} over an input of ${g.input_size} cells with kernel ${g.kernel_size}, ` +
      `stride ${g.stride}` +
      (g.dilation !== 1 ? `, dilation ${g.dilation}` : "") +
      ` and padding ${g.pad_before} before, ${g.pad_after} after: ${g.output_size} window positions give ` +
      `${g.output_size} output cells.`,
  ];
  if (g.unvisitedInputs.length) {
    parts.push(`No window reads input cell(s) ${g.unvisitedInputs.join(", ")} (0-based).`);
  }
  if (g.overhang) parts.push(`With ceil_mode the last window hangs ${g.overhang} cell(s) past the end.`);
  return parts.join(" ");
}

const CELL = 20;
const PITCH = 22;
const ROW = 12;
const TAP = 8;

/** `convdims.draw.window(input_size, kernel_size, stride, padding, dilation, pool=,
 * ceil_mode=, id=)`: the same SVG markup. */
export function drawWindow(size, kernel, stride = null, padding = 0, dilation = 1, { pool = false, ceilMode = false, id } = {}) {
  const g =
    pool || ceilMode
      ? poolGeometry(size, kernel, stride, padding, dilation, ceilMode)
      : convGeometry(size, kernel, stride === null ? 1 : stride, padding, dilation);
  return windowSvg(g, pool || ceilMode, id);
}

export function windowSvg(g, pooled, fig) {
  const kind = pooled || g.ceil_mode ? "Pooling window" : "Convolution window";
  const labelW = 56;
  const x0 = labelW + 8;
  const cellsN = g.paddedSize + g.overhang;
  const starts = g.windowStarts;
  const yHead = 10;
  const yIn = 26;
  const yIdx = yIn + CELL + 7;
  const yW = yIdx + 10;
  const yOut = yW + starts.length * ROW + 6;
  const yOidx = yOut + CELL + 7;
  const x = (cell) => x0 + cell * PITCH;
  const body = [];
  const head =
    `I=${g.input_size}  k=${g.kernel_size}  S=${g.stride}` +
    (g.dilation !== 1 ? `  d=${g.dilation}` : "") +
    `  padding ${g.pad_before}|${g.pad_after}` +
    (g.ceil_mode ? "  ceil_mode" : "") +
    `  \u2192  O=${g.output_size}`;
  body.push(svgText(x0, yHead, head, "h"));

  const unvisited = new Set(g.unvisitedInputs);
  const cellRects = [];
  const labels = [];
  for (let cell = 0; cell < cellsN; cell++) {
    let cls;
    if (cell < g.pad_before) cls = "pb";
    else if (cell < g.pad_before + g.input_size) {
      const i = cell - g.pad_before;
      cls = unvisited.has(i) ? "sk" : "c";
      labels.push(svgText(x(cell) + CELL / 2, yIdx, String(i), "sm m"));
    } else if (cell < g.paddedSize) cls = "pa";
    else cls = "ov";
    cellRects.push(rect(x(cell), yIn, CELL, CELL, cls));
  }
  body.push(svgText(labelW, yIn + CELL / 2, "input", "e"));
  body.push(group("input", cellRects));
  body.push(group("index", labels));

  const rows = [];
  const padded = g.paddedSize;
  const tapPath = (list, y, cls) =>
    el("path", null, [
      ["d", list.map((cell) => `M${num(x(cell))} ${num(y)}h${CELL}v${TAP}h-${CELL}z`).join("")],
      ["class", cls],
    ]);
  starts.forEach((start, n) => {
    const y = yW + n * ROW;
    const taps = g.taps(start);
    const marks = [
      el("line", null, [
        ["x1", x(taps[0]) + CELL / 2],
        ["y1", y + ROW / 2],
        ["x2", x(taps[taps.length - 1]) + CELL / 2],
        ["y2", y + ROW / 2],
        ["class", "span"],
      ]),
    ];
    const inside = taps.filter((tap) => tap < padded);
    const outside = taps.filter((tap) => tap >= padded);
    const yt = y + (ROW - TAP) / 2;
    marks.push(tapPath(inside, yt, "tap"));
    if (outside.length) marks.push(tapPath(outside, yt, "tx"));
    rows.push(group(outside.length ? "w partial" : "w", marks, [["data-start", start]]));
  });
  body.push(svgText(labelW, yW + ROW / 2, "windows", "e"));
  body.push(group("windows", rows));

  const outs = [];
  const oidx = [];
  const half = (g.effectiveKernel - 1) / 2;
  starts.forEach((start, n) => {
    const cx = x(start + half);
    const partial = g.taps(start).some((tap) => tap >= padded);
    outs.push(rect(cx, yOut, CELL, CELL, partial ? "op" : "o"));
    oidx.push(svgText(cx + CELL / 2, yOidx, String(n), "sm m"));
  });
  body.push(svgText(labelW, yOut + CELL / 2, "output", "e"));
  body.push(group("output", outs));
  body.push(group("index", oidx));

  const right = Math.max(x(cellsN), Math.max(...starts.map((s) => x(s + half))) + PITCH);
  const width = Math.max(right + 8, x0 + textWidth(head, 12) + 8);
  const items = [];
  if (g.pad_before) items.push(["pb", "padding before"]);
  if (g.pad_after) items.push(["pa", "padding after"]);
  items.push(["tap", "window taps"]);
  if (unvisited.size) items.push(["sk", "never read"]);
  if (g.overhang) items.push(["ov", "past the end (ceil_mode)"]);
  items.push(["o", "output"]);
  const [leg, legH] = legendItems(x0, yOidx + 12, items, width - x0 - 8);
  body.push(...leg);
  const height = yOidx + 12 + legH + 4;
  const title = `${kind}: I=${g.input_size}, k=${g.kernel_size}, S=${g.stride} gives O=${g.output_size}`;
  return render(fig, width, height, title, describeAxis(g, kind), RULES, body, [
    ["x0", x0],
    ["pitch", PITCH],
  ]);
}

// For convdims-transpose.js and convdims-params.js.
export {
  ATOM, CommandError, Const, Max, Mod, ONE, Product, TWO, Var, add, coreError, derivation,
  effectiveKernel, explicitPadding, floorDiv, kernelTerm, nonNegativeInt, perAxis, positiveInt,
  pyInt, pyRepr, signed, step, symbol, thousands, TRANSPOSE_PADDING_WORDS,
};

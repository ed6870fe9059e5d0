// Transposed convolutions for the calculator: src/convdims/transposed.py (the size) and
// conv_transpose_derivation in src/convdims/render/formula.py, written for the browser.
// The page loads this module when the reader picks a transposed convolution; it registers
// itself with convdims.js. Tested with the rest (tests/browser/test_calculator_agrees.py).

import {
  Const, Max, Mod, ONE, Product, TWO, TRANSPOSE_PADDING_WORDS, Var, add, convGeometry,
  derivation, effectiveKernel, explicitPadding, floorDiv, kernelTerm, nonNegativeInt,
  positiveInt, pyRepr, signed, step, symbol, useTransposed,
} from "./convdims.js";

const convOutputSize = (...args) => convGeometry(...args).output_size;

// src/convdims/transposed.py
export function convTransposeOutputSize(size, kernel, stride = 1, padding = 0, outputPadding = null, dilation = 1) {
  positiveInt("input_size", size);
  positiveInt("kernel_size", kernel);
  positiveInt("stride", stride);
  positiveInt("dilation", dilation);
  const effective = effectiveKernel(kernel, dilation);
  let extra = outputPadding === null ? null : nonNegativeInt("output_padding", outputPadding);
  let output;
  let what;
  if (typeof padding === "string") {
    explicitPadding(padding, size, kernel, stride, dilation, TRANSPOSE_PADDING_WORDS);
    if (extra === null) {
      output = padding === "valid" ? size * stride + Math.max(effective - stride, 0) : size * stride;
    } else {
      if (extra >= stride) {
        throw new RangeError(
          `output_padding=${extra} must be smaller than stride=${stride} ` +
            `(Keras's rule for padding=${pyRepr(padding)}); use 0..${stride - 1} or None`,
        );
      }
      const removed = padding === "valid" ? 0 : 2 * floorDiv(effective, 2);
      output = (size - 1) * stride + effective - removed + extra;
    }
    what = `padding=${pyRepr(padding)}, output_padding=${pyRepr(outputPadding)}`;
  } else {
    const [before, after] = explicitPadding(padding, size, kernel, stride, dilation);
    extra = extra || 0;
    if (extra >= stride && extra >= dilation) {
      throw new RangeError(
        `output_padding=${extra} must be smaller than either stride=${stride} or ` +
          `dilation=${dilation} (PyTorch's rule); use 0..${Math.max(stride, dilation) - 1}`,
      );
    }
    output = (size - 1) * stride - before - after + effective + extra;
    what = `padding ${before} before + ${after} after, output_padding=${extra}`;
  }
  if (output < 1) {
    const error = new RangeError(
      `a transposed convolution of input_size=${size} with kernel_size=${kernel}, ` +
        `stride=${stride}, dilation=${dilation} and ${what} would have output size ${output}; ` +
        `it must be at least 1, so use less padding or a larger input`,
    );
    error.argument = "padding"; // as the library's ArgumentError says, for the option
    throw error;
  }
  return output;
}

function otherSize(size, kernel, stride, padding, extra, dilation) {
  try {
    return convTransposeOutputSize(size, kernel, stride, padding, extra, dilation);
  } catch (error) {
    if (error instanceof RangeError) return null;
    throw error;
  }
}

const wouldGive = (other, output) =>
  other === null
    ? "would leave no output at all here."
    : `would give ${other}` + (other === output ? " (the same here)." : ".");

// The input sizes n >= 1 a forward convolution with these settings maps to `size`, in
// closed form (render/transposed.py's _forward_preimage): floor((n + P - K)/S) + 1 = size
// for (size - 1)*S + K - P <= n <= size*S - 1 + K - P; "same": (size - 1)*S + 1 .. size*S.
const LISTED = 8;

function forwardPreimage(size, kernel, stride, padding, dilation) {
  if (padding === "same") return [(size - 1) * stride + 1, size * stride];
  let total;
  if (padding === "valid") total = 0;
  else if (Array.isArray(padding)) total = padding[0] + padding[1];
  else total = 2 * padding;
  const reach = effectiveKernel(kernel, dilation) - total;
  return [Math.max(1, (size - 1) * stride + reach), size * stride - 1 + reach];
}

function listedSizes(first, last) {
  const count = last - first + 1;
  if (count <= LISTED) {
    return Array.from({ length: count }, (_, i) => String(first + i)).join(", ");
  }
  return `${first}, ${first + 1}, ..., ${last} (${count.toLocaleString("en-US")} sizes)`;
}

function preimageNote(size, kernel, stride, padding, dilation, output) {
  if (stride === 1) return [];
  const [first, last] = forwardPreimage(size, kernel, stride, padding, dilation);
  if (last - first + 1 < 2) return [];
  const listed = listedSizes(first, last);
  return [
    first <= output && output <= last
      ? `a forward convolution with these settings maps each of ${listed} to ${size}, ` +
        `so the transpose must choose: this picks ${output}.`
      : `a forward convolution with these settings maps each of ${listed} to ` +
        `${size}; this output (${output}) is none of them.`,
  ];
}

export function convTransposeDerivation(size, kernelCells, stride = 1, padding = 0, outputPadding = null, dilation = 1) {
  const output = convTransposeOutputSize(size, kernelCells, stride, padding, outputPadding, dilation);
  const effective = effectiveKernel(kernelCells, dilation);
  const i = symbol("I", "I", "input size", size);
  const k = symbol("k", "k", "kernel size", kernelCells);
  const s = symbol("S", "S", "stride", stride);
  let [kernel, legend, steps] = kernelTerm(k, dilation, effective);
  legend = [i, ...legend, s];
  const iMinus1S = new Product([signed([1, new Var(i)], [-1, ONE]), new Var(s)]);
  const notes = [];
  const what = "the transposed convolution size";
  let expression;
  if (typeof padding === "string") {
    if (outputPadding === null) {
      expression =
        padding === "valid"
          ? add(new Product([new Var(i), new Var(s)]), new Max(signed([1, kernel], [-1, new Var(s)]), new Const(0)))
          : new Product([new Var(i), new Var(s)]);
      const other = otherSize(size, kernelCells, stride, padding, 0, dilation);
      notes.push(
        `Keras with output_padding=None (its default) infers the extra cells; ` +
          `output_padding=0 ${wouldGive(other, output)}`,
      );
    } else {
      const a = symbol("a", "a", "output padding", outputPadding);
      legend.push(a);
      expression =
        padding === "valid"
          ? add(iMinus1S, kernel, new Var(a))
          : add(iMinus1S, new Mod(kernel, TWO), new Var(a));
      const other = otherSize(size, kernelCells, stride, padding, null, dilation);
      notes.push(
        `Keras: output_padding=${outputPadding} is not the same as None (the ` +
          `default), which ${wouldGive(other, output)}`,
      );
    }
  } else {
    const [before, after] = Array.isArray(padding) ? padding : [padding, padding];
    const a = symbol("a", "a", "output padding", outputPadding || 0);
    let crop;
    if (before === after) {
      const p = symbol("P", "P", "padding (cropped from each side)", before);
      legend.push(p);
      crop = [[-1, new Product([TWO, new Var(p)])]];
    } else {
      const pb = symbol("P_b", "P_b", "padding cropped before", before);
      const pa = symbol("P_a", "P_a", "padding cropped after", after);
      legend.push(pb, pa);
      crop = [
        [-1, new Var(pb)],
        [-1, new Var(pa)],
      ];
    }
    legend.push(a);
    expression = signed([1, iMinus1S], ...crop, [1, kernel], [1, new Var(a)]);
    notes.push(
      "PyTorch: padding crops cells off both ends of the full output " +
        "(I - 1)*S + K; output_padding (a) adds cells at the end and must be smaller " +
        "than the stride or the dilation.",
    );
  }
  const main = step("O", "O", expression, output, what);
  notes.push(...preimageNote(size, kernelCells, stride, padding, dilation, output));
  return derivation(main, "output size", steps, legend, notes);
}

useTransposed(convTransposeDerivation);

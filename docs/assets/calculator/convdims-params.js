// Parameter counts for the calculator: `convdims params conv -k K --ndim N -c C -f D`
// (src/convdims/cli.py, conv_params_derivation in src/convdims/render/formula.py),
// loaded when the reader gives channels.

import {
  CommandError, ONE, Product, Var, add, coreError, derivation, perAxis, positiveInt, pyInt,
  pyRepr, step, symbol, thousands,
} from "./convdims.js";

// Parameter count of a convolution with one kernel extent per axis (`params conv --ndim`).
const AXIS_NAMES = { 1: [""], 2: ["h", "w"], 3: ["d", "h", "w"] };

export function convParamsDerivation(kernelSizes, inChannels, filters) {
  kernelSizes.forEach((v, n) => positiveInt(`kernel_size[${n}]`, v));
  positiveInt("in_channels", inChannels);
  positiveInt("filters", filters);
  const cellsCount = kernelSizes.reduce((a, b) => a * b, 1);
  const weights = cellsCount * inChannels * filters;
  const total = weights + filters;
  const names = AXIS_NAMES[kernelSizes.length] || kernelSizes.map((_, n) => String(n + 1));
  const legend = names.map((n, idx) =>
    symbol(n ? `k_${n}` : "k", n ? `k_{${n}}` : "k", `kernel size${n ? " along " + n : ""}`, kernelSizes[idx]),
  );
  const factors = legend.map((sym) => new Var(sym));
  const c = symbol("C", "C", "input channels", inChannels);
  const d = symbol("D", "D", "filters", filters);
  legend.push(c, d);
  const expression = new Product([add(new Product([...factors, new Var(c)]), ONE), new Var(d)]);
  const notes = [`${thousands(weights)} weights + ${thousands(total - weights)} biases = ${thousands(total)}.`];
  const main = step("params", "\\mathrm{params}", expression, total, "the conv parameters");
  return derivation(main, "parameters", [], legend, notes);
}

/**
 * `convdims params conv -k K --ndim N -c C -f D --json`: {ok, result} or {ok, error}.
 */
export function params(kernelText, ndim, inChannelsText, filtersText) {
  const prog = "convdims params conv";
  try {
    let kernels;
    try {
      kernels = perAxis(String(kernelText));
    } catch (error) {
      throw new CommandError(`argument -k/--kernel-size: ${error.message} (see '${prog} --help')`);
    }
    const asInt = (text, option) => {
      try {
        return pyInt(String(text));
      } catch {
        throw new CommandError(`argument ${option}: invalid int value: ${pyRepr(String(text))} (see '${prog} --help')`);
      }
    };
    const c = asInt(inChannelsText, "-c/--in-channels");
    const f = asInt(filtersText, "-f/--filters");
    if (kernels.length === 1) kernels = Array(ndim).fill(kernels[0]);
    else if (kernels.length !== ndim) {
      throw new CommandError(
        `argument -k/--kernel-size: ${kernels.length} sizes for --ndim ${ndim}; give one size or ${ndim}`,
      );
    }
    let d;
    try {
      d = convParamsDerivation(kernels, c, f);
    } catch (error) {
      if (error instanceof RangeError) throw coreError(error);
      throw error;
    }
    return {
      ok: true,
      result: {
        command: "params",
        layer: "conv",
        arguments: { kernel_size: kernels, in_channels: c, filters: f, groups: 1, use_bias: true },
        params: d.result,
        derivation: d,
      },
    };
  } catch (error) {
    if (error instanceof CommandError) return { ok: false, error: error.message };
    throw error;
  }
}

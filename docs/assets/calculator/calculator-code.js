// The calculator's code, made when the reader asks for it: the framework's own layer as a
// short script, and the convdims command for the same question.

const tuple = (list) => (list.every((v) => v === list[0]) ? String(list[0]) : `(${list.join(", ")})`);

/** The framework's own layer for this answer, as a script that prints the shape. */
export function layerCode(query, result, channels) {
  const axes = result.axes;
  const n = axes.length;
  const c = channels.inChannels;
  const d = query.layer === "pool" ? c : channels.filters;
  const kernels = tuple(axes.map((a) => a.kernel_size));
  const strideGiven = query.stride !== undefined;
  const strides = tuple(axes.map((a) => a.stride));
  const dilations = tuple(axes.map((a) => a.dilation));
  const paddings = axes.map((a) => a.padding);
  const outSizes = result.output_size;
  const args = [];
  if (query.framework === "keras") {
    const name = { conv: `Conv${n}D`, pool: `MaxPooling${n}D`, transpose: `Conv${n}DTranspose` }[query.layer];
    if (query.layer !== "pool") args.push(String(d), `kernel_size=${kernels}`);
    else args.push(`pool_size=${kernels}`);
    if (strideGiven && (query.layer === "pool" || strides !== "1")) args.push(`strides=${strides}`);
    args.push(`padding="${paddings[0]}"`);
    if (query.layer === "transpose" && axes[0].output_padding !== null) {
      args.push(`output_padding=${tuple(axes.map((a) => a.output_padding))}`);
    }
    if (dilations !== "1") args.push(`dilation_rate=${dilations}`);
    const shape = `(${[...axes.map((a) => a.input_size), c].join(", ")})`;
    return [
      "import keras",
      "from keras import layers",
      "",
      `inputs = keras.Input(shape=${shape})`,
      `outputs = layers.${name}(${args.join(", ")})(inputs)`,
      `print(outputs.shape)  # (None, ${[...outSizes, d].join(", ")})`,
    ].join("\n");
  }
  if (query.framework === "torch") {
    const name = { conv: `nn.Conv${n}d`, pool: `nn.MaxPool${n}d`, transpose: `nn.ConvTranspose${n}d` }[query.layer];
    if (query.layer !== "pool") args.push(String(c), String(d));
    args.push(`kernel_size=${kernels}`);
    if (strideGiven && (query.layer === "pool" || strides !== "1")) args.push(`stride=${strides}`);
    const padding =
      typeof paddings[0] === "string" ? `"${paddings[0]}"` : tuple(paddings.map((p) => (Array.isArray(p) ? p.join(",") : p)));
    if (padding !== "0") args.push(`padding=${padding}`);
    if (query.layer === "transpose" && axes.some((a) => a.output_padding)) {
      args.push(`output_padding=${tuple(axes.map((a) => a.output_padding))}`);
    }
    if (dilations !== "1") args.push(`dilation=${dilations}`);
    if (query.layer === "pool" && axes[0].ceil_mode) args.push("ceil_mode=True");
    const shape = [1, c, ...axes.map((a) => a.input_size)].join(", ");
    return [
      "import torch",
      "from torch import nn",
      "",
      `layer = ${name}(${args.join(", ")})`,
      `print(layer(torch.zeros(${shape})).shape)  # torch.Size([${[1, d, ...outSizes].join(", ")}])`,
    ].join("\n");
  }
  return null;
}

/** The command that answers the same question. */
export function commandLine(q) {
  const quote = (v) => (/^[\w.,x-]+$/.test(v) ? v : `'${v.replace(/'/g, "'\\''")}'`);
  const a = ["$ convdims", q.layer, quote(q.input), "-k", quote(q.kernel)];
  if (q.stride !== undefined) a.push("-s", quote(q.stride));
  if (q.padding !== undefined) a.push("-p", quote(q.padding));
  if (q.dilation !== undefined) a.push("-d", quote(q.dilation));
  if (q.framework !== undefined) a.push("--framework", quote(q.framework));
  if (q.layer === "pool" && q.ceil_mode === "true") a.push("--ceil-mode");
  if (q.layer === "transpose" && q.output_padding !== undefined) a.push("--output-padding", quote(q.output_padding));
  return a.join(" ");
}

// The calculator's page: fields <-> query string <-> convdims.js <-> answer.
// The arithmetic, rules, derivations and picture are convdims.js's (the library's, ported
// and tested against it); this file only reads the form and writes the answer.

import * as cd from "./convdims.js";

const AXIS_NAMES = { 1: [""], 2: ["height", "width"], 3: ["depth", "height", "width"] };
const WORDS = {
  conv: ["valid", "same", "full", "causal"],
  pool: ["valid", "same"],
  transpose: ["valid", "same"],
};
const WORD_HINTS = {
  valid: "valid (no padding)",
  same: "same (TensorFlow's split)",
  full: "full (K \u2212 1 each side)",
  causal: "causal (K \u2212 1 before)",
};
const PICTURE_CELLS = 80; // the window picture is drawn up to this many padded cells
const PICTURE_WINDOWS = 48;
const QUANTITIES = ["input", "kernel", "stride", "dilation", "pad", "padb", "pada", "op"];

const esc = (text) =>
  String(text).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

// ---------------------------------------------------------------------------------------
// State <-> query string

function defaultState(frameworks) {
  const framework = frameworks[0];
  return {
    layer: "conv",
    framework,
    axes: 2,
    same: true,
    paddingKind: framework === "torch" ? "each" : "word:valid",
    opKind: "default",
    ceil: false,
    values: {
      input: ["32", "32", "32"],
      kernel: ["3", "3", "3"],
      stride: ["1", "1", "1"],
      dilation: ["1", "1", "1"],
      pad: ["0", "0", "0"],
      padb: ["0", "0", "0"],
      pada: ["1", "1", "1"],
      op: ["0", "0", "0"],
    },
    inChannels: "",
    filters: "",
    compactInput: "32x32",
  };
}

function perAxisParam(values, state, fallback) {
  const list = values.slice(0, state.axes);
  if (state.same) return list[0] === "" ? undefined : list[0];
  if (list.every((v) => v === "")) return undefined;
  return list.map((v, n) => (v === "" ? fallback(n) : v)).join("x");
}

/** The query (the CLI's values, as strings) that the fields say. */
function toQuery(state, compact) {
  const v = state.values;
  const q = { layer: state.layer };
  if (compact) {
    q.input = state.compactInput;
    q.kernel = v.kernel[0];
    if (v.stride[0] !== "") q.stride = v.stride[0];
  } else {
    q.input = state.same ? Array(state.axes).fill(v.input[0]).join("x") : v.input.slice(0, state.axes).join("x");
    q.kernel = state.same ? v.kernel[0] : v.kernel.slice(0, state.axes).join("x");
    const stride = perAxisParam(v.stride, state, (n) => (state.layer === "pool" ? v.kernel[n] : "1"));
    if (stride !== undefined) q.stride = stride;
  }
  const axes = compact ? 1 : state.axes;
  const same = compact || state.same;
  const pick = (list) => (same ? list[0] : list.slice(0, axes).join("x"));
  if (state.paddingKind.startsWith("word:")) q.padding = state.paddingKind.slice(5);
  else if (state.paddingKind === "each") q.padding = pick(v.pad);
  else {
    q.padding = same ? `${v.padb[0]},${v.pada[0]}` : v.padb.slice(0, axes).map((b, n) => `${b},${v.pada[n]}`).join("x");
  }
  if (!compact) {
    const dilation = perAxisParam(v.dilation, state, () => "1");
    if (dilation !== undefined) q.dilation = dilation;
    if (state.layer === "pool") q.ceil_mode = state.ceil ? "true" : "false";
    if (state.layer === "transpose") {
      if (state.opKind === "none") q.output_padding = "none";
      else if (state.opKind === "number") q.output_padding = pick(v.op);
    }
  }
  q.framework = state.framework;
  if (!compact && state.layer !== "pool") {
    if (state.inChannels !== "") q.in_channels = state.inChannels;
    if (state.filters !== "") q.filters = state.filters;
  }
  return q;
}

const QUERY_KEYS = [
  "layer", "input", "kernel", "stride", "padding", "dilation", "ceil_mode", "output_padding",
  "framework", "in_channels", "filters",
];

function readQuery(search) {
  const params = new URLSearchParams(search);
  const q = {};
  for (const key of QUERY_KEYS) if (params.has(key)) q[key] = params.get(key);
  return q;
}

const queryString = (q) =>
  QUERY_KEYS.filter((k) => q[k] !== undefined)
    .map((k) => `${k}=${encodeURIComponent(q[k]).replace(/%2C/g, ",")}`)
    .join("&");

/** Fields from a query, as far as they can show it (the query itself is what is answered). */
function fromQuery(q, frameworks, compact) {
  const state = defaultState(frameworks);
  if (["conv", "pool", "transpose"].includes(q.layer)) state.layer = q.layer;
  if (q.framework !== undefined) state.framework = q.framework;
  const split = (text) => String(text).toLowerCase().split("x");
  const fill = (key, text) => {
    if (text === undefined) return 1;
    const parts = split(text);
    for (let n = 0; n < 3; n++) state.values[key][n] = parts.length === 1 ? parts[0] : parts[n] ?? "";
    return parts.length;
  };
  if (q.input !== undefined) {
    state.compactInput = q.input;
    const parts = split(q.input);
    state.axes = Math.min(Math.max(parts.length, 1), 3);
    fill("input", q.input);
  }
  const counts = [fill("kernel", q.kernel)];
  if (q.stride !== undefined) counts.push(fill("stride", q.stride));
  else state.values.stride = ["", "", ""];
  if (q.dilation !== undefined) counts.push(fill("dilation", q.dilation));
  if (q.padding !== undefined) {
    const word = q.padding.trim().toLowerCase();
    if (/^\p{L}+$/u.test(word)) state.paddingKind = `word:${word}`;
    else {
      const parts = word.split("x");
      state.paddingKind = parts.some((p) => p.includes(",")) ? "pair" : "each";
      counts.push(parts.length);
      parts.forEach((part, n) => {
        if (n > 2) return;
        const [b, a] = part.split(",");
        state.values.pad[n] = b;
        state.values.padb[n] = b;
        state.values.pada[n] = a ?? b;
      });
      if (parts.length === 1) for (const key of ["pad", "padb", "pada"]) state.values[key].fill(state.values[key][0]);
    }
  } else if (q.framework === "torch") state.paddingKind = "each";
  state.ceil = String(q.ceil_mode ?? "false").toLowerCase() === "true";
  if (q.output_padding !== undefined) {
    if (q.output_padding.toLowerCase() === "none") state.opKind = "none";
    else {
      state.opKind = "number";
      counts.push(fill("op", q.output_padding));
    }
  }
  state.inChannels = q.in_channels ?? "";
  state.filters = q.filters ?? "";
  const uniform = (key) => state.values[key].slice(0, state.axes).every((v) => v === state.values[key][0]);
  state.same = compact || QUANTITIES.every(uniform);
  return state;
}

// ---------------------------------------------------------------------------------------
// The fields

let formId = "cd"; // the form's id prefixes the fields' ids (set by setup)

function field(name, label, value, placeholder = "", attrs = 'inputmode="numeric" size="6"') {
  const id = `${formId}-${name}`;
  return (
    `<div class="cd-field"><label for="${id}">${esc(label)}</label><input id="${id}" name="${name}" ` +
    `value="${esc(value)}" ${attrs} spellcheck="false"` +
    (placeholder ? ` placeholder="${esc(placeholder)}"` : "") +
    "></div>"
  );
}

function selectField(name, label, optionsHtml) {
  const id = `${formId}-${name}`;
  return `<div class="cd-field"><label for="${id}">${esc(label)}</label><select id="${id}" name="${name}">${optionsHtml}</select></div>`;
}

function quantity(state, key, label, placeholder = "") {
  const names = AXIS_NAMES[state.axes];
  if (state.same) return `<div class="cd-q">${field(`${key}_0`, label, state.values[key][0], placeholder)}</div>`;
  const inputs = names
    .map((axis, n) => field(`${key}_${n}`, `${label} (${axis})`, state.values[key][n], placeholder))
    .join("");
  return `<div class="cd-q cd-q-axes">${inputs}</div>`;
}

function paddingOptions(state) {
  const words = WORDS[state.layer].map((w) => [`word:${w}`, WORD_HINTS[w]]);
  const all = [...words, ["each", "P cells on each side"], ["pair", "P_b before, P_a after"]];
  if (state.paddingKind.startsWith("word:") && !all.some(([v]) => v === state.paddingKind)) {
    all.push([state.paddingKind, state.paddingKind.slice(5)]);
  }
  return all
    .map(([value, label]) => `<option value="${esc(value)}"${value === state.paddingKind ? " selected" : ""}>${esc(label)}</option>`)
    .join("");
}

function fieldsHtml(state, compact) {
  const parts = [];
  const strideHint = state.layer === "pool" ? "= pool size" : "1";
  if (compact) {
    parts.push(`<div class="cd-q">${field("compact_input", "Input size", state.compactInput, "32 or 32x32", 'size="9"')}</div>`);
    parts.push(`<div class="cd-q">${field("kernel_0", "Kernel size", state.values.kernel[0])}</div>`);
    parts.push(`<div class="cd-q">${field("stride_0", "Stride", state.values.stride[0], strideHint)}</div>`);
  } else {
    parts.push(quantity(state, "input", "Input size"));
    parts.push(quantity(state, "kernel", state.layer === "pool" ? "Pool size" : "Kernel size"));
    parts.push(quantity(state, "stride", "Stride", strideHint));
    parts.push(quantity(state, "dilation", "Dilation", "1"));
  }
  parts.push(`<div class="cd-q">${selectField("padding_kind", "Padding", paddingOptions(state))}</div>`);
  const padState = compact ? { ...state, same: true } : state;
  if (state.paddingKind === "each") parts.push(quantity(padState, "pad", "Padding on each side"));
  if (state.paddingKind === "pair") {
    parts.push(quantity(padState, "padb", "Padding before"));
    parts.push(quantity(padState, "pada", "Padding after"));
  }
  if (!compact && state.layer === "pool") {
    parts.push(
      `<div class="cd-q"><label class="cd-check"><input type="checkbox" name="ceil_mode"${state.ceil ? " checked" : ""}> ` +
        "<code>ceil_mode</code> (PyTorch: round up)</label></div>",
    );
  }
  if (!compact && state.layer === "transpose") {
    const options = [
      ["default", "the framework's default"],
      ["none", "None (Keras)"],
      ["number", "a number of cells"],
    ]
      .map(([v, l]) => `<option value="${v}"${v === state.opKind ? " selected" : ""}>${l}</option>`)
      .join("");
    parts.push(`<div class="cd-q">${selectField("op_kind", "Output padding", options)}</div>`);
    if (state.opKind === "number") parts.push(quantity(state, "op", "Output padding cells"));
  }
  if (!compact && state.layer !== "pool") {
    parts.push(
      '<div class="cd-q cd-channels">' +
        field("in_channels", "Input channels", state.inChannels, "optional") +
        field("filters", "Filters", state.filters, "optional") +
        "</div>",
    );
  }
  return parts.join("");
}

// ---------------------------------------------------------------------------------------
// The answer

function mathBlock(s) {
  const text = `${s.formula} = ${s.substituted}`;
  return (
    `<math display="block" alttext="${esc(text)}" data-text="${esc(text)}">` +
    `<mrow>${s.formula_mathml}<mo>=</mo>${s.substituted_mathml}</mrow></math>`
  );
}

function derivationHtml(d) {
  const steps = d.steps.map(mathBlock).join("");
  const legend = d.legend.length
    ? `<p class="cd-legend">where ${d.legend.map((s) => esc(`${s.symbol} = ${s.value} (${s.meaning})`)).join(", ")}</p>`
    : "";
  const notes = d.notes.length ? `<ul class="cd-notes">${d.notes.map((n) => `<li>${esc(n)}</li>`).join("")}</ul>` : "";
  return `<div class="cd-math">${steps}${mathBlock(d)}</div>${legend}${notes}`;
}

function splitText(record) {
  if (record.pad_before === null) {
    if (typeof record.padding === "string") return "";
    const [b, a] = Array.isArray(record.padding) ? record.padding : [record.padding, record.padding];
    return `crops ${b} before, ${a} after`;
  }
  return `${record.pad_before} before, ${record.pad_after} after`;
}

function pictureHtml(query, record, id) {
  if (query.layer === "transpose") return "";
  const pool = query.layer === "pool";
  const g = pool
    ? cd.poolGeometry(record.input_size, record.kernel_size, record.stride, record.padding, record.dilation, record.ceil_mode)
    : cd.convGeometry(record.input_size, record.kernel_size, record.stride, record.padding, record.dilation);
  if (g.paddedSize + g.overhang > PICTURE_CELLS || g.output_size > PICTURE_WINDOWS) {
    return `<p class="cd-nopic">The picture is drawn for up to ${PICTURE_CELLS} padded cells and ${PICTURE_WINDOWS} windows.</p>`;
  }
  return `<div class="cd-picture">${cd.windowSvg(g, pool, id)}</div>`;
}

// ---------------------------------------------------------------------------------------
// One form

function setup(form) {
  const compact = form.dataset.mode === "compact";
  formId = form.id;
  const frameworkSelect = form.elements.framework;
  const frameworks = [...frameworkSelect.options].map((o) => o.value);
  cd.setFrameworks(frameworks); // the list the build wrote, from the library
  const fields = form.querySelector(".cd-fields");
  const output = form.querySelector('output[name="output-size"]');
  const alert = form.querySelector('[role="alert"]');
  const details = form.querySelector(".cd-details");
  const openLink = form.querySelector(".cd-open");
  const prefix = form.id;
  const initial = compact ? {} : readQuery(window.location.search);
  let state = fromQuery(initial, frameworks, compact);
  // Until the reader edits a field, the answer is the query's, even where the fields
  // cannot show it (a bad value in a shared link gets the library's refusal too).
  let pinned = Object.keys(initial).length ? initial : null;

  const syncControls = () => {
    form.elements.layer.value = state.layer;
    frameworkSelect.value = frameworks.includes(state.framework) ? state.framework : frameworks[0];
    if (!compact) {
      form.elements.axes.value = String(state.axes);
      form.elements.same.checked = state.same;
      form.elements.same.disabled = state.axes === 1;
    }
  };

  const rebuild = () => {
    const focused = document.activeElement && form.contains(document.activeElement) ? document.activeElement.name : null;
    formId = form.id;
    fields.innerHTML = fieldsHtml(state, compact);
    if (focused && form.elements[focused] && fields.contains(form.elements[focused])) form.elements[focused].focus();
  };

  const readFields = () => {
    state.layer = form.elements.layer.value;
    state.framework = frameworkSelect.value;
    if (!compact) {
      state.axes = Number(form.elements.axes.value);
      state.same = state.axes === 1 || form.elements.same.checked;
    }
    for (const el of fields.querySelectorAll("input[name], select[name]")) {
      const m = el.name.match(/^(\w+?)_(\d)$/);
      if (el.name === "padding_kind") state.paddingKind = el.value;
      else if (el.name === "op_kind") state.opKind = el.value;
      else if (el.name === "ceil_mode") state.ceil = el.checked;
      else if (el.name === "in_channels") state.inChannels = el.value.trim();
      else if (el.name === "filters") state.filters = el.value.trim();
      else if (el.name === "compact_input") state.compactInput = el.value;
      else if (m && state.values[m[1]]) {
        state.values[m[1]][Number(m[2])] = el.value;
        if (state.same) state.values[m[1]].fill(el.value);
      }
    }
  };

  let transposeLoading = null;
  let paramsModule = null;

  // The answer (size or refusal) is written at once; the details (derivations, pictures)
  // in the next frame, once for however many keys came before it.
  let frame = 0;
  const show = (now = false) => {
    const query = pinned || toQuery(state, compact);
    if (query.layer === "transpose" && !cd.hasTransposed()) {
      // the transposed convolution's module loads the first time it is asked for
      transposeLoading ??= import("./convdims-transpose.js").then(() => show(true));
      return null;
    }
    const answer = cd.evaluate(query);
    output.value = answer.ok ? answer.result.output_size.join("x") : "";
    alert.textContent = answer.ok ? "" : answer.error;
    alert.hidden = answer.ok;
    const render = () => {
      frame = 0;
      if (!answer.ok) details.innerHTML = "";
      else details.innerHTML = compact ? compactDetails(answer.result) : fullDetails(query, answer.result);
      if (!compact && answer.ok) wireDetails(query, answer.result);
      form.dataset.rendered = String(Number(form.dataset.rendered || 0) + 1);
    };
    cancelAnimationFrame(frame);
    if (now) render();
    else frame = requestAnimationFrame(render);
    if (openLink) openLink.href = `${form.dataset.calculator}?${queryString(expanded(query))}`;
    if (!compact && !pinned) {
      const search = "?" + queryString(query);
      if (search !== window.location.search) history.replaceState(null, "", search);
    }
    return answer;
  };

  // The home page's query, for the full calculator (which wants dilation=1 as well).
  const expanded = (query) => ({ ...query, dilation: query.dilation ?? "1" });

  const axisTitle = (result, record) => {
    const names = AXIS_NAMES[result.axes.length];
    const name = names ? names[record.axis] : "";
    return `Axis ${record.axis + 1}${name ? ` (${name})` : ""}: ${record.input_size} \u2192 ${record.output_size}`;
  };

  const compactDetails = (result) =>
    result.axes
      .map((record) => {
        const split = splitText(record);
        return (
          `<div class="cd-axis">` +
          (result.axes.length > 1 ? `<p class="cd-axis-title">${esc(axisTitle(result, record))}</p>` : "") +
          (split ? `<p class="cd-split">Padding: ${esc(split)}</p>` : "") +
          `<div class="cd-math">${mathBlock(record.derivation)}</div></div>`
        );
      })
      .join("");

  const fullDetails = (query, result) => {
    const parts = [];
    result.axes.forEach((record) => {
      const split = splitText(record);
      parts.push(
        `<section class="cd-axis">` +
          (result.axes.length > 1 ? `<h3>${esc(axisTitle(result, record))}</h3>` : "") +
          (split ? `<p class="cd-split">Padding: ${esc(split)}</p>` : "") +
          derivationHtml(record.derivation) +
          pictureHtml(query, record, `${prefix}-window-${record.axis}`) +
          "</section>",
      );
    });
    if (query.layer === "transpose") {
      parts.push(
        '<p class="cd-nopic">The window picture is for convolution and pooling; ' +
          `<a href="../explanation/transposed/">Transposed convolution</a> draws the transposed case.</p>`,
      );
    }
    if (query.in_channels !== undefined || query.filters !== undefined) {
      parts.push('<section class="cd-params"><h3>Parameters</h3>');
      if (!paramsModule) {
        // loads once, the first time channels are given
        import("./convdims-params.js").then((module) => {
          paramsModule = module;
          show(true);
        });
      } else {
        const counted = paramsModule.params(query.kernel, result.axes.length, query.in_channels ?? "", query.filters ?? "");
        if (counted.ok) {
          parts.push(
            `<p>${counted.result.params.toLocaleString("en-US")} parameters` +
              (query.layer === "transpose" ? " (a transposed convolution has as many as the convolution)" : "") +
              "</p>" + derivationHtml(counted.result.derivation),
          );
        } else parts.push(`<p class="cd-param-error">${esc(counted.error)}</p>`);
      }
      parts.push("</section>");
    }
    if (["keras", "torch"].includes(query.framework)) {
      const name = frameworkSelect.selectedOptions[0]?.textContent ?? query.framework;
      parts.push(
        `<section class="cd-code"><h3>The ${esc(name)} layer</h3>` +
          `<div class="cd-code-bar"><button type="button" class="md-button cd-copy">Copy the code</button>` +
          `<span class="cd-copied" role="status"></span></div>` +
          `<details${open.code ? " open" : ""}><summary>Show the code</summary><pre><code></code></pre></details></section>`,
      );
    }
    parts.push(
      `<details class="cd-text"${open.text ? " open" : ""}><summary>As the command line prints it</summary>` +
        "<pre><code></code></pre></details>",
    );
    return parts.join("");
  };

  // The code and the plain text are made when the reader asks for them (their modules
  // load then): what the page loads up front is only what the first answer needs.
  const open = { code: false, text: false };
  let codeModule = null;
  let textModule = null;
  let shownAnswer = null; // [query, result] of what the details show

  const fillCode = async () => {
    codeModule ??= import("./calculator-code.js");
    const { layerCode } = await codeModule;
    const [query, result] = shownAnswer;
    const c = Number(query.in_channels) > 0 ? Number(query.in_channels) : 3;
    const f = Number(query.filters) > 0 ? Number(query.filters) : 8;
    const code = layerCode(query, result, { inChannels: c, filters: f });
    const target = details.querySelector(".cd-code code");
    if (target) target.textContent = code;
    return code;
  };

  const fillText = async () => {
    codeModule ??= import("./calculator-code.js");
    textModule ??= import("./convdims-text.js");
    const [{ commandLine }, { windowText }] = await Promise.all([codeModule, textModule]);
    const [query, result] = shownAnswer;
    const target = details.querySelector(".cd-text code");
    if (target) target.textContent = `${commandLine(query)}\n${windowText(result)}`;
  };

  const wireDetails = (query, result) => {
    shownAnswer = [query, result];
    const code = details.querySelector(".cd-code details");
    const text = details.querySelector(".cd-text");
    code?.addEventListener("toggle", () => {
      open.code = code.open;
      if (code.open) fillCode();
    });
    text?.addEventListener("toggle", () => {
      open.text = text.open;
      if (text.open) fillText();
    });
    if (open.code && code) fillCode();
    if (open.text && text) fillText();
    const button = details.querySelector(".cd-copy");
    button?.addEventListener("click", async () => {
      const status = details.querySelector(".cd-copied");
      const source = await fillCode();
      try {
        await navigator.clipboard.writeText(source);
        status.textContent = "Copied.";
      } catch {
        code.open = true;
        const range = document.createRange();
        range.selectNodeContents(details.querySelector(".cd-code code"));
        const selection = window.getSelection();
        selection.removeAllRanges();
        selection.addRange(range);
        status.textContent = "Selected: press Ctrl+C to copy.";
      }
    });
  };

  const STRUCTURE = new Set(["layer", "framework", "axes", "same", "padding_kind", "op_kind"]);
  const onChange = (event) => {
    const started = event.timeStamp;
    pinned = null;
    readFields();
    if (STRUCTURE.has(event.target.name)) {
      syncControls();
      rebuild();
    }
    show();
    // keystroke to answer, in ms (the benchmark reads it)
    form.dataset.answerMs = (performance.now() - started).toFixed(2);
  };
  form.addEventListener("input", onChange);
  form.addEventListener("submit", (event) => event.preventDefault());

  syncControls();
  rebuild();
  show(true);
  form.dataset.ready = "true";
  performance.mark("convdims-calculator-ready"); // benchmarks/bench_calculator.py
}

document.querySelectorAll("form.cd-calc").forEach(setup);

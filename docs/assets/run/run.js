/* Run buttons: every python and pycon example, snippet tab and notebook code cell of the
   page can be edited and run in the reader's browser, by convdims itself.

   docs/_hooks/run_button.py adds this module (with the URLs below as data- attributes)
   to pages that have such an example. Nothing else loads until the reader presses Run;
   then worker.js starts Pyodide (served by this site) in a worker, unpacks the convdims
   wheel, and calls convdims.cli.browser, which runs the example as the command line does:

   - a snippet file (a tab titled keras_*.py or torch_*.py, and the convdims twin beside
     it): `convdims run FILE`, with convdims standing in for Keras, PyTorch, torchinfo;
   - the page's python and pycon examples: in one namespace, in page order, as the test
     suite runs them (running one runs the examples above it first, silently);
   - a notebook's code cells: in one namespace, the cells above first, as a kernel would
     after "run all above".

   The playground (playground.md) pastes a model file and gets `convdims summary` with
   the analysis columns and the volumes picture; its link keeps the file in the URL's
   fragment (deflate-raw, base64url). Output is shown as text; SVG figures and HTML are
   added only after removing scripts, event handlers and references to other hosts. */

const script = document.getElementById("cd-run");
const here = (path) => new URL(path, location.href).href;
const CONFIG = {
  pyodide: here(script.dataset.pyodide),
  wheel: here(script.dataset.wheel),
  worker: here(script.dataset.worker),
};

/* Timings, for benchmarks/bench_run.py and the tests (ms): Python's start, by phase
   (Pyodide, the wheel, importing convdims), then one per run. */
const timings = { start: null, phases: null, runs: [] };
window.convdimsRun = { timings };

// -- the worker --------------------------------------------------------------------------

let worker = null;
let starting = null;
let abandon = null;  // rejects `starting` when the reader stops Python while it starts
let nextId = 1;
const pending = new Map();

function startPython() {
  if (starting) return starting;
  worker = new Worker(CONFIG.worker, { type: "module" });
  starting = new Promise((resolve, reject) => {
    abandon = reject;
    worker.onmessage = (event) => {
      const message = event.data;
      if (message.type === "ready") {
        timings.start = message.ms;
        timings.phases = message.phases;
        resolve();
      } else if (message.type === "failed") {
        reject(new Error(message.message));
      } else if (message.type === "result") {
        const call = pending.get(message.id);
        pending.delete(message.id);
        if (!call) return;
        if (message.failure) call.reject(new Error(message.failure));
        else {
          timings.runs.push(message.ms);
          call.resolve(message.result);
        }
      }
    };
    worker.onerror = (event) => {
      event.preventDefault();
      reject(new Error(`Python could not start: ${event.message || "the worker failed"}`));
    };
  });
  starting.catch(() => stopPython());
  worker.postMessage({ type: "start", config: CONFIG });
  return starting;
}

function stopPython(reason = "stopped") {
  if (worker) worker.terminate();
  if (abandon) abandon(new Error(reason));
  worker = null;
  starting = null;
  abandon = null;
  for (const call of pending.values()) call.reject(new Error(reason));
  pending.clear();
}

async function python(name, args) {
  await startPython();
  return new Promise((resolve, reject) => {
    const id = nextId++;
    pending.set(id, { resolve, reject });
    worker.postMessage({ id, name, args });
  });
}

// -- showing what came out ---------------------------------------------------------------

const SVG_NS = "http://www.w3.org/2000/svg";
const SAFE_URL = /^\s*(#|data:image\/(png|jpeg|gif|webp);)/i;

/* Remove what could run code or reach another host: scripts, frames, objects, foreign
   content, event handlers, links that are not within the figure, url() to elsewhere. */
function sanitize(root) {
  const walker = [root, ...root.querySelectorAll("*")];
  for (const el of walker) {
    const tag = el.localName.toLowerCase();
    if (["script", "iframe", "object", "embed", "foreignobject", "link", "meta",
      "base", "form", "animate", "set", "animatemotion", "animatetransform"].includes(tag)) {
      el.remove();
      continue;
    }
    for (const attribute of [...el.attributes]) {
      const name = attribute.name.toLowerCase();
      const value = attribute.value;
      if (name.startsWith("on") ||
          ((name === "href" || name.endsWith(":href") || name === "src" ||
            name === "action" || name === "formaction") && !SAFE_URL.test(value)) ||
          (/url\(/i.test(value) && !/url\(\s*['"]?#/i.test(value))) {
        el.removeAttribute(attribute.name);
      }
    }
    if (tag === "style") {
      el.textContent = el.textContent.replace(/@import[^;]*;?/gi, "")
        .replace(/url\(\s*(?!['"]?#)[^)]*\)/gi, "none");
    }
  }
  return root;
}

function svgFigure(text) {
  const parsed = new DOMParser().parseFromString(text, "image/svg+xml");
  const svg = parsed.documentElement;
  if (svg.localName !== "svg" || svg.namespaceURI !== SVG_NS) return null;
  const figure = document.createElement("div");
  figure.className = "cd-run-figure";
  figure.append(document.importNode(sanitize(svg), true));
  return figure;
}

function htmlBlock(text) {
  const parsed = new DOMParser().parseFromString(text, "text/html");
  const block = document.createElement("div");
  block.className = "cd-run-html";
  block.append(...[...sanitize(parsed.body).childNodes].map((n) => document.importNode(n, true)));
  return block;
}

/* Markdown as notebooks show it: pipe tables become tables, other lines paragraphs;
   `code` spans stay code. Built as DOM nodes: the text is never parsed as HTML. */
function inline(text) {
  const span = document.createDocumentFragment();
  text.split(/(`[^`]+`)/).forEach((part) => {
    if (/^`[^`]+`$/.test(part)) {
      const code = document.createElement("code");
      code.textContent = part.slice(1, -1);
      span.append(code);
    } else {
      span.append(part.replace(/\*\*([^*]+)\*\*/g, "$1"));
    }
  });
  return span;
}

function markdownBlock(text) {
  const block = document.createElement("div");
  block.className = "cd-run-html";
  const lines = text.split("\n");
  const cells = (line) => line.trim().replace(/^\||\|$/g, "").split("|").map((c) => c.trim());
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (/^\s*\|/.test(line) && /^\s*\|?[\s:|-]+\|?\s*$/.test(lines[i + 1] || "")) {
      const table = document.createElement("table");
      const align = cells(lines[i + 1]).map((c) =>
        c.endsWith(":") ? (c.startsWith(":") ? "center" : "right") : "");
      const head = table.createTHead().insertRow();
      cells(line).forEach((c, k) => {
        const th = document.createElement("th");
        th.append(inline(c));
        if (align[k]) th.style.textAlign = align[k];
        head.append(th);
      });
      const body = table.createTBody();
      i += 2;
      for (; i < lines.length && /^\s*\|/.test(lines[i]); i++) {
        const row = body.insertRow();
        cells(lines[i]).forEach((c, k) => {
          const td = row.insertCell();
          td.append(inline(c));
          if (align[k]) td.style.textAlign = align[k];
        });
      }
      i--;
      const wrap = document.createElement("div");
      wrap.className = "md-typeset__table";
      wrap.append(table);
      block.append(wrap);
    } else if (line.trim()) {
      const p = document.createElement("p");
      p.append(inline(line));
      block.append(p);
    }
  }
  return block;
}

function textBlock(text, className = "cd-run-stdout") {
  const pre = document.createElement("pre");
  pre.className = className;
  const code = document.createElement("code");
  code.textContent = text;
  pre.append(code);
  return pre;
}

/* Printed text, with any SVG a script printed shown as the figure it is. */
function printed(text) {
  const parts = [];
  let last = 0;
  for (const match of text.matchAll(/<svg\b[\s\S]*?<\/svg>/g)) {
    const before = text.slice(last, match.index);
    if (before.trim()) parts.push(textBlock(before.replace(/^\n+|\n+$/g, "")));
    parts.push(svgFigure(match[0]) || textBlock(match[0]));
    last = match.index + match[0].length;
  }
  const rest = text.slice(last);
  if (rest.length && (rest.trim() || !parts.length)) {
    parts.push(textBlock(rest.replace(/\n$/, "")));
  }
  return parts;
}

function outputArea(after) {
  let area = after.nextElementSibling;
  if (!area || !area.classList.contains("cd-run-output")) {
    area = document.createElement("div");
    area.className = "cd-run-output";
    area.setAttribute("aria-live", "polite");
    after.after(area);
  }
  return area;
}

function status(area, text) {
  area.replaceChildren();
  const line = document.createElement("p");
  line.className = "cd-run-status";
  line.textContent = text;
  area.append(line);
}

function show(area, parts, error) {
  area.replaceChildren(...parts.filter(Boolean));
  if (error) area.append(textBlock(error, "cd-run-error"));
  if (!parts.length && !error) status(area, "(no output)");
}

// -- the editor --------------------------------------------------------------------------

function editor(original, replace) {
  const textarea = document.createElement("textarea");
  textarea.className = "cd-run-editor";
  textarea.spellcheck = false;
  textarea.setAttribute("autocapitalize", "off");
  textarea.setAttribute("autocomplete", "off");
  textarea.setAttribute("wrap", "off");
  textarea.setAttribute("aria-label", "Example code (editable)");
  textarea.value = original;
  const fit = () => {
    textarea.style.height = "auto";
    textarea.style.height = `${textarea.scrollHeight + 2}px`;
  };
  textarea.addEventListener("input", fit);
  textarea.addEventListener("keydown", (event) => {
    if (event.key === "Tab" && !event.shiftKey && !event.ctrlKey && !event.metaKey) {
      event.preventDefault();
      textarea.setRangeText("    ", textarea.selectionStart, textarea.selectionEnd, "end");
      fit();
    }
  });
  replace(textarea);
  fit();
  return textarea;
}

/* One runnable thing: a code block or a notebook cell, with its bar of buttons. */
class Runnable {
  constructor({ host, code, text, bar, run }) {
    this.host = host;         // the element the editor replaces
    this.code = code;         // the element shown before editing
    this.original = text;
    this.textarea = null;
    this.bar = bar;
    this.run = run;
    this.area = null;
    this.running = false;

    this.button = this.makeButton("Run", "cd-run-button", () => this.press());
    this.button.title = "Run this example in your browser (Ctrl+Enter in the editor)";
    this.reset = this.makeButton("Reset", "cd-run-reset", () => this.restore());
    this.reset.hidden = true;
    bar.append(this.button, this.reset);
  }

  makeButton(label, className, action) {
    const button = document.createElement("button");
    button.type = "button";
    button.className = `md-button ${className}`;
    button.textContent = label;
    button.addEventListener("click", action);
    return button;
  }

  text() {
    return this.textarea ? this.textarea.value : this.original;
  }

  edit() {
    if (this.textarea) return;
    this.textarea = editor(this.original, (textarea) => {
      // the editor takes the block's own type size, line height and padding
      const shown = this.code.querySelector("code") || this.code;
      const style = getComputedStyle(shown);
      for (const property of ["fontSize", "lineHeight", "paddingTop", "paddingRight",
        "paddingBottom", "paddingLeft"]) {
        textarea.style[property] = style[property];
      }
      this.code.style.display = "none";
      this.code.after(textarea);
    });
    this.textarea.addEventListener("keydown", (event) => {
      if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) {
        event.preventDefault();
        this.press();
      }
    });
    this.reset.hidden = false;
  }

  restore() {
    if (!this.textarea) return;
    this.textarea.value = this.original;
    this.textarea.dispatchEvent(new Event("input"));
  }

  async press() {
    if (this.running) {
      stopPython("stopped by the reader: Python starts again at the next Run");
      return;
    }
    this.edit();
    this.area = outputArea(this.bar);
    this.running = true;
    this.bar.dataset.state = "running";
    this.button.textContent = "Stop";
    this.button.classList.add("cd-run-busy");
    status(this.area, worker ? "Running…" :
      "Starting Python in your browser (the first Run on a page loads it)…");
    try {
      await startPython();
      status(this.area, "Running…");
      await this.run(this.text(), this.area);
    } catch (error) {
      show(this.area, [], String(error.message || error));
    } finally {
      this.running = false;
      this.bar.dataset.state = "done";
      this.button.textContent = "Run";
      this.button.classList.remove("cd-run-busy");
    }
  }
}

// -- what can run on this page -------------------------------------------------------------

const LANGUAGE = /\blanguage-(python|pycon|py)\b/;

function fileOf(block) {
  const title = block.querySelector(":scope > .filename");
  return title ? title.textContent.trim() : "";
}

function codeBlocks() {
  const found = [];
  for (const block of document.querySelectorAll(".md-content div.highlight")) {
    const language = (block.className.match(LANGUAGE) || [])[1];
    if (!language || block.hasAttribute("data-cd-norun")) continue;
    const code = block.querySelector(":scope > pre > code");
    if (!code) continue;
    const file = fileOf(block);
    if (file.startsWith("framework_only/")) continue;  // real framework code only
    let script = /\.py$/.test(file) ? file.split("/").pop() : "";
    if (!script) {  // the convdims twin of a snippet: the same file, other imports
      const set = block.closest(".tabbed-set");
      const sibling = set && [...set.querySelectorAll("div.highlight > .filename")]
        .map((el) => el.textContent.trim()).find((name) => /^(keras|torch)_\w+\.py$/.test(name));
      if (sibling) script = sibling;
    }
    const text = code.textContent.replace(/\n$/, "");
    const pycon = language === "pycon" || text.trimStart().startsWith(">>>");
    // an API page's docstring example runs in its module's namespace, as doctest runs it
    const doc = block.closest(".doc-contents");
    const heading = doc && doc.parentElement.querySelector(":scope > .doc-heading[id]");
    const context = heading ? heading.id : "";
    found.push({ block, code, text, script, context, doc, kind: pycon ? "pycon" : "python" });
  }
  return found;
}

function addBar(after) {
  const bar = document.createElement("div");
  bar.className = "cd-run-bar";
  after.after(bar);
  return bar;
}

function setUpBlocks() {
  const blocks = codeBlocks();
  const sessions = new Map();  // the page's, and one per docstring on API pages
  for (const found of blocks) {
    const pre = found.code.parentElement;
    const bar = addBar(found.block);
    let runnable;
    if (found.script) {
      runnable = new Runnable({
        host: found.block, code: pre, text: found.text, bar,
        run: async (text, area) => {
          const result = await python("run_script", { source: text, name: found.script });
          show(area, printed(result.output), result.error);
        },
      });
    } else {
      const key = found.doc || "page";
      if (!sessions.has(key)) sessions.set(key, []);
      const session = sessions.get(key);
      const position = session.length;
      runnable = new Runnable({
        host: found.block, code: pre, text: found.text, bar,
        run: async (text, area) => {
          const blocks = session.slice(0, position + 1).map((item) => ({
            kind: item.kind, source: item.runnable.text(),
          }));
          const result = await python("run_session", { blocks, context: found.context });
          show(area, printed(result.output), result.error);
        },
      });
      session.push({ kind: found.kind, runnable });
    }
    found.block.classList.add("cd-runnable");
  }
}

function setUpCells() {
  const cells = [...document.querySelectorAll(".jp-Cell.jp-CodeCell[id^='cell-id']")];
  const runnables = [];
  cells.forEach((cell, position) => {
    const code = cell.querySelector(".highlight-ipynb > pre");
    const input = cell.querySelector(".jp-Cell-inputWrapper");
    if (!code || !input) return;
    const bar = addBar(input);
    const text = code.textContent.replace(/\n$/, "");
    const runnable = new Runnable({
      host: cell, code, text, bar,
      run: async (_, area) => {
        const sources = runnables.slice(0, position + 1).map((r) => r.text());
        const result = await python("run_cells", { cells: sources });
        const parts = result.outputs.map((output) => {
          if (output.mime === "image/svg+xml") return svgFigure(output.data) || textBlock(output.data);
          if (output.mime === "text/markdown") return markdownBlock(output.data);
          if (output.mime === "text/html") return htmlBlock(output.data);
          return textBlock(output.data.replace(/\n$/, ""));
        });
        show(area, parts, result.error);
      },
    });
    runnables[position] = runnable;
  });
}

// -- the playground ------------------------------------------------------------------------

async function pack(text) {
  const stream = new Blob([text]).stream().pipeThrough(new CompressionStream("deflate-raw"));
  const bytes = new Uint8Array(await new Response(stream).arrayBuffer());
  let binary = "";
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

async function unpack(packed) {
  const base64 = packed.replace(/-/g, "+").replace(/_/g, "/");
  const binary = atob(base64 + "===".slice((base64.length + 3) % 4));
  const bytes = Uint8Array.from(binary, (c) => c.charCodeAt(0));
  const stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream("deflate-raw"));
  return new Response(stream).text();
}

function setUpPlayground() {
  const form = document.getElementById("cd-playground");
  if (!form) return;
  const source = form.querySelector("#cd-pg-source");
  const name = form.querySelector("#cd-pg-name");
  const size = form.querySelector("#cd-pg-input");
  const boxes = [...form.querySelectorAll("input[name='column']")];
  const output = document.getElementById("cd-pg-output");
  const submit = form.querySelector("button[type='submit']");
  const linkButton = form.querySelector("#cd-pg-link");
  const linkText = form.querySelector("#cd-pg-link-text");
  form.hidden = false;

  const state = () => ({
    name: name.value.trim(),
    input: size.value.trim(),
    columns: boxes.filter((b) => b.checked).map((b) => b.value),
  });

  async function link() {
    const { name: model, input, columns } = state();
    const params = new URLSearchParams({ code: await pack(source.value) });
    if (model) params.set("name", model);
    if (input) params.set("input", input);
    params.set("columns", columns.join(","));
    return `${location.origin}${location.pathname}#${params}`;
  }

  async function reopen() {
    const params = new URLSearchParams(location.hash.slice(1));
    if (!params.has("code")) return;
    try {
      source.value = await unpack(params.get("code"));
    } catch (error) {
      status(output, `This link's code could not be read (${error.message}).`);
      return;
    }
    name.value = params.get("name") || "";
    size.value = params.get("input") || "";
    if (params.has("columns")) {
      const columns = params.get("columns").split(",");
      boxes.forEach((b) => { b.checked = columns.includes(b.value); });
    }
    status(output, "Code from the link: press Summarise to run it.");
  }

  let running = false;
  async function summarise(event) {
    event.preventDefault();
    if (running) {
      stopPython("stopped by the reader: Python starts again at the next run");
      return;
    }
    const { name: model, input, columns } = state();
    const shape = input ? input.split(/[x×,\s]+/).filter(Boolean).map(Number) : null;
    if (shape && shape.some((v) => !Number.isInteger(v) || v <= 0)) {
      show(output, [], `Input size: expected positive integers joined by x, like 1x3x224x224; got ${JSON.stringify(input)}`);
      size.focus();
      return;
    }
    running = true;
    output.dataset.state = "running";
    submit.textContent = "Stop";
    status(output, worker ? "Running…" :
      "Starting Python in your browser (the first run on a page loads it)…");
    try {
      await startPython();
      status(output, "Running…");
      const result = await python("playground", {
        source: source.value, name: model, input_size: shape, columns,
      });
      renderPlayground(result);
      history.replaceState(null, "", await link());
    } catch (error) {
      show(output, [], String(error.message || error));
    } finally {
      running = false;
      output.dataset.state = "done";
      submit.textContent = "Summarise";
    }
  }

  function renderPlayground(result) {
    const parts = [];
    if (result.models && result.models.length) {
      const p = document.createElement("p");
      p.className = "cd-run-status";
      const others = result.models.map(([n, d]) => `${n} (${d})`).join(", ");
      p.textContent = result.name ? `Model: ${result.name}. Found in the file: ${others}.` :
        `Found in the file: ${others}.`;
      parts.push(p);
    }
    if (result.summary) parts.push(textBlock(result.summary, "cd-run-stdout cd-pg-summary"));
    if (result.figure) parts.push(svgFigure(result.figure));
    if (result.printed && result.printed.trim()) {
      const details = document.createElement("details");
      const summary = document.createElement("summary");
      summary.textContent = "What the file printed";
      details.append(summary, textBlock(result.printed.replace(/\n$/, "")));
      parts.push(details);
    }
    let error = null;
    if (result.error) {
      error = `convdims: error: ${result.error.message}`;
      const field = { "--input-size": size, "--columns": boxes[0] }[result.error.option];
      if (field) field.focus();
    }
    show(output, parts, error);
  }

  form.addEventListener("submit", summarise);
  source.addEventListener("keydown", (event) => {
    if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) summarise(event);
  });
  linkButton.addEventListener("click", async () => {
    const url = await link();
    history.replaceState(null, "", url);
    linkText.value = url;
    linkText.hidden = false;
    linkText.select();
    try {
      await navigator.clipboard.writeText(url);
      linkButton.textContent = "Link copied";
    } catch {
      linkButton.textContent = "Link below";
    }
    setTimeout(() => { linkButton.textContent = "Copy link"; }, 2000);
  });
  reopen();
}

setUpBlocks();
setUpCells();
setUpPlayground();

/* The Run buttons' Python: Pyodide in a module worker, with the convdims wheel unpacked.

   run.js starts this worker the first time a reader presses Run, with the URLs of Pyodide
   and of the wheel (both served by this site: docs/_hooks/run_button.py copies them in).
   Each message names a function of convdims.cli.browser and its keyword arguments; the
   answer is that function's result. Arguments and results cross as JSON text, so no
   Python object outlives a call. A worker keeps the page responsive while Python starts
   and runs, and a runaway example is stopped by ending the worker (run.js does). */

let ready = null;
let call = null;

async function start(config) {
  const started = performance.now();
  const phases = {};
  const mark = (name, since) => { phases[name] = performance.now() - since; return performance.now(); };
  let since = started;
  const { loadPyodide } = await import(new URL("pyodide.mjs", config.pyodide).href);
  const pyodide = await loadPyodide({
    indexURL: config.pyodide,
    lockFileURL: new URL("pyodide-lock.json", config.pyodide).href,
    packageBaseUrl: config.pyodide,
    stdout: () => {},
    stderr: () => {},
  });
  since = mark("pyodide", since);
  const response = await fetch(config.wheel);
  if (!response.ok) throw new Error(`could not load ${config.wheel}: HTTP ${response.status}`);
  pyodide.unpackArchive(await response.arrayBuffer(), "wheel");
  since = mark("wheel", since);
  call = pyodide.runPython(`
import json
from convdims.cli import browser

def _call(name, arguments):
    return json.dumps(getattr(browser, name)(**json.loads(arguments)))

_call
`);
  mark("import", since);
  return { ms: performance.now() - started, phases };
}

self.onmessage = async (event) => {
  const message = event.data;
  if (message.type === "start") {
    ready = start(message.config);
    try {
      const { ms, phases } = await ready;
      self.postMessage({ type: "ready", ms, phases });
    } catch (error) {
      self.postMessage({ type: "failed", message: String(error && error.message || error) });
    }
    return;
  }
  const { id, name, args } = message;
  try {
    await ready;
    const started = performance.now();
    const result = JSON.parse(call(name, JSON.stringify(args)));
    self.postMessage({ type: "result", id, result, ms: performance.now() - started });
  } catch (error) {
    self.postMessage({ type: "result", id, failure: String(error && error.message || error) });
  }
};

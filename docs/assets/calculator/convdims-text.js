// The command's plain text for the calculator's "As the command line prints it": what
// Derivation.render_text (src/convdims/render/formula.py) and cli._window_text print.
// Loaded when the reader opens that section; tests/browser/test_calculator_agrees.py
// compares it with the command's output.

const NBSP = "\u00a0";
const symbolText = (s) => `${s.symbol} = ${s.value} (${s.meaning})`;

// textwrap.wrap(text, width, subsequent_indent="  ", break_on_hyphens=False,
// break_long_words=False), for text whose only whitespace is spaces.
function wrapText(text, width) {
  const chunks = text.split(/( +)/).filter((c) => c).reverse();
  const lines = [];
  while (chunks.length) {
    const line = [];
    let length = 0;
    const indent = lines.length ? "  " : "";
    const room = width - indent.length;
    if (chunks[chunks.length - 1].trim() === "" && lines.length) chunks.pop();
    while (chunks.length) {
      const l = chunks[chunks.length - 1].length;
      if (length + l <= room) {
        line.push(chunks.pop());
        length += l;
      } else break;
    }
    if (chunks.length && chunks[chunks.length - 1].length > room && !line.length) {
      line.push(chunks.pop());
    }
    if (line.length && line[line.length - 1].trim() === "") line.pop();
    if (line.length) lines.push(indent + line.join(""));
  }
  return lines;
}

/** Derivation.render_text(width): steps, the equation, its symbols, the notes. */
export function renderText(d, width = 88) {
  const lines = d.steps.map((s) => `${s.formula} = ${s.substituted}`);
  const lhs = d.formula.split(" = ")[0];
  lines.push(d.formula);
  lines.push(" ".repeat(lhs.length) + " = " + d.substituted);
  const prose = [];
  if (d.legend.length) {
    prose.push("where " + d.legend.map((s) => symbolText(s).replaceAll(" ", NBSP)).join(", "));
  }
  prose.push(...d.notes.map((n) => `note: ${n}`));
  for (const paragraph of prose) lines.push(...wrapText(paragraph, width));
  return lines.join("\n").replaceAll(NBSP, " ");
}

/** What `convdims conv|pool|transpose ...` prints (without --json). */
export function windowText(result) {
  const axes = result.axes;
  const lines = [`output size: ${result.output_size.join("x")}`];
  if (axes.length > 1) lines[0] += ` (input ${result.input_size.join("x")})`;
  for (const record of axes) {
    lines.push("");
    if (axes.length === 1) lines.push(renderText(record.derivation));
    else {
      lines.push(`axis ${record.axis}: ${record.input_size} -> ${record.output_size}`);
      lines.push(
        renderText(record.derivation, 86)
          .split("\n")
          .map((line) => (line ? "  " + line : line))
          .join("\n"),
      );
    }
  }
  return lines.join("\n");
}

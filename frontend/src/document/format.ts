// Formatting detected from the file itself, so inserted text looks like the
// text around it: indent unit (spaces or a tab) and line ending.

export interface Style {
  /** One indent level as written in the file: "  ", "    " or "\t". */
  indent: string;
  eol: "\n" | "\r\n";
}

/** Detects the indent unit and line ending of a JSON or YAML text. */
export function detectStyle(text: string): Style {
  const eol = /\r\n/.test(text) ? "\r\n" : "\n";
  // The smallest non-zero leading whitespace of a content line is one level.
  let unit = "";
  for (const line of text.split(/\r?\n/)) {
    const m = /^([ \t]+)\S/.exec(line);
    if (!m) continue;
    const ws = m[1];
    if (ws.startsWith("\t")) {
      unit = "\t";
      break;
    }
    if (unit === "" || ws.length < unit.length) unit = ws;
    if (unit.length === 1) break;
  }
  return { indent: unit || "  ", eol };
}

// Whether the text reads as JSON or YAML at all, checked here in the
// browser at once. Go's analysis says where the mistake is and in what
// words, but it arrives after a pause in typing; until it does, the
// document must not take a canvas or inspector edit on a text that does
// not parse (the tolerant parsers the edits are made with would still
// find their way through it, and change the text the user cannot see).
import { parse, type ParseError } from "jsonc-parser";
import { parseDocument } from "yaml";
import type { Format } from "./textdoc";

/** The 1-based line of the first syntax mistake of text, or null when it parses. */
export function syntaxMistake(text: string, format: Format): number | null {
  const body = text.startsWith("\uFEFF") ? text.slice(1) : text;
  let at: number | null = null;
  if (format === "json") {
    const errors: ParseError[] = [];
    parse(body, errors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
    if (errors.length > 0) at = errors[0].offset;
  } else {
    // Repeated keys are the validator's to report (as in JSON), not a reason to stop editing.
    const errors = parseDocument(body).errors.filter((e) => e.code !== "DUPLICATE_KEY");
    if (errors.length > 0) at = errors[0].pos[0];
  }
  if (at === null) return null;
  let line = 1;
  for (let i = body.indexOf("\n"); i >= 0 && i < at; i = body.indexOf("\n", i + 1)) line++;
  return line;
}

/** What the canvas and inspector say while the code does not parse. */
export function lockedMessage(line: number | null): string {
  return line
    ? `The code has a mistake on line ${line}; fix it in the code view to edit the diagram.`
    : "The code has a mistake; fix it in the code view to edit the diagram.";
}

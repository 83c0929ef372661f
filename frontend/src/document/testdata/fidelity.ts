// Files whose bytes are the point: CRLF, a byte order mark, tab indents,
// no final newline, mixed line endings. Tests open them, view and edit
// them, and check that only what was edited changed.
const raw = import.meta.glob<string>("./fidelity/*.asl.{json,yaml}", { query: "?raw", import: "default", eager: true });

export const fixtures = Object.entries(raw).map(([path, text]) => ({
  name: path.slice(path.lastIndexOf("/") + 1),
  text,
  format: path.endsWith(".yaml") ? ("yaml" as const) : ("json" as const),
}));

export function fixture(name: string) {
  const f = fixtures.find((x) => x.name === name);
  if (!f) throw new Error(`no fixture ${name}`);
  return f;
}

/** The lines of text, each with its own line ending. */
export function linesOf(text: string): string[] {
  return text.split(/(?<=\n)/);
}

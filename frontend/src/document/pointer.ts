// JSON pointers (RFC 6901) as the Go diagram writes them: state ids such as
// "/States/Fan out/Branches/0/States/Pay" and edge ids such as
// "/States/Check/Choices/1/Next".

/** A path into the document: object keys and array indexes. */
export type Path = (string | number)[];

/** Splits a pointer into unescaped segments ("" is the root). */
export function segments(pointer: string): string[] {
  if (pointer === "") return [];
  if (!pointer.startsWith("/")) throw new Error(`not a JSON pointer: ${pointer}`);
  return pointer
    .slice(1)
    .split("/")
    .map((s) => s.replace(/~1/g, "/").replace(/~0/g, "~"));
}

/** Writes a path as a pointer. */
export function pointer(path: Path): string {
  return path.map((s) => "/" + String(s).replace(/~/g, "~0").replace(/\//g, "~1")).join("");
}

/**
 * Resolves pointer segments against a value so array steps become numbers
 * (jsonc-parser and yaml address arrays by number).
 */
export function toPath(value: unknown, segs: string[]): Path {
  const out: Path = [];
  let cur: unknown = value;
  for (const s of segs) {
    if (Array.isArray(cur)) {
      const i = Number(s);
      out.push(i);
      cur = cur[i];
    } else {
      out.push(s);
      cur = cur && typeof cur === "object" ? (cur as Record<string, unknown>)[s] : undefined;
    }
  }
  return out;
}

/** The value at path, or undefined. */
export function valueAt(value: unknown, path: Path): unknown {
  let cur: unknown = value;
  for (const s of path) {
    if (cur === null || typeof cur !== "object") return undefined;
    cur = (cur as Record<string | number, unknown>)[s];
  }
  return cur;
}

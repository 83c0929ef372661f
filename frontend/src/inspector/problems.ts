// Which form field a diagnostic belongs to. Diagnostics are located by a
// JSON pointer ("/States/Charge/Retry/0/MaxAttempts"); form fields carry
// the pointer of their value relative to the state ("/Retry/0/MaxAttempts").
import type { Diagnostic } from "../backend/studio";

/** The diagnostic's location relative to the state (or machine) at base, or null when outside it. */
export function relativeTo(location: string, base: string): string | null {
  if (location === base) return "";
  if (base === "") return location.startsWith("/") ? location : null;
  return location.startsWith(base + "/") ? location.slice(base.length) : null;
}

/** The deepest field whose pointer is rel or one of its ancestors, else null. */
export function deepestField(rel: string, fields: Iterable<string>): string | null {
  let best: string | null = null;
  for (const f of fields) {
    if (f === "") continue;
    if ((rel === f || rel.startsWith(f + "/")) && (best === null || f.length > best.length)) best = f;
  }
  return best;
}

/**
 * Groups diagnostics by the field that shows them; those that fit no field
 * (the state as a whole, or a field the form does not know) go under "".
 */
export function byField(diags: Diagnostic[], base: string, fields: Iterable<string>): Map<string, Diagnostic[]> {
  const list = [...fields];
  const out = new Map<string, Diagnostic[]>();
  for (const d of diags) {
    const rel = relativeTo(d.location ?? "", base);
    if (rel === null) continue;
    const f = deepestField(rel, list) ?? "";
    out.set(f, [...(out.get(f) ?? []), d]);
  }
  return out;
}

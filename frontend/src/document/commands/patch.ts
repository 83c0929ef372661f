// Form edits that change only what differs: the inspector hands a field's
// whole new value, and patchField writes the smallest set of text edits
// that turns the old value into it (objects are compared key by key, so
// editing one parameter of a JSON editor rewrites one line, not the block).
import { EditError, type TextDoc } from "../textdoc";
import { isObj, stateAt } from "../machine";
import { segments, toPath, valueAt, type Path } from "../pointer";
import type { Command } from "./template";

/**
 * Sets the field at fieldPointer (relative to the state) to next, touching
 * only the keys that changed. Keys in keep are left alone even when next
 * lacks them (a Choice rule's Next while its condition is replaced).
 * next === undefined removes the field. An absent field is added after the
 * key `after` when given.
 */
export function patchField(id: string, fieldPointer: string, next: unknown, opts: { keep?: string[]; after?: string } = {}): Command {
  return (d) => {
    const st = stateAt(d.value, id);
    const rel = toPath(st.value, segments(fieldPointer));
    if (rel.length === 0) throw new EditError("patchField needs a field");
    const path = [...st.path, ...rel];
    const old = valueAt(d.value, path);
    if (next === undefined) {
      if (old !== undefined) d.remove(path);
    } else if (old === undefined) {
      const parent = valueAt(d.value, path.slice(0, -1));
      const after = opts.after && isObj(parent) && opts.after in parent ? opts.after : undefined;
      d.set(path, next, after);
    } else {
      patchValue(d, path, old, next, opts.keep ?? []);
    }
    return [id];
  };
}

/** Appends item to the list at fieldPointer, creating the list when absent. */
export function appendItem(id: string, fieldPointer: string, item: unknown, opts: { after?: string } = {}): Command {
  return (d) => {
    const st = stateAt(d.value, id);
    const rel = toPath(st.value, segments(fieldPointer));
    const path = [...st.path, ...rel];
    const old = valueAt(d.value, path);
    if (Array.isArray(old) && old.length > 0) d.push(path, item);
    else return patchField(id, fieldPointer, [item], opts)(d);
    return [id];
  };
}

/** Removes item i of the list at fieldPointer; the last one takes the list with it. */
export function removeItem(id: string, fieldPointer: string, i: number): Command {
  return (d) => {
    const st = stateAt(d.value, id);
    const rel = toPath(st.value, segments(fieldPointer));
    const path = [...st.path, ...rel];
    const old = valueAt(d.value, path);
    if (!Array.isArray(old) || i < 0 || i >= old.length) throw new EditError(`there is no item ${i + 1} at ${fieldPointer}`);
    d.remove(old.length === 1 ? path : [...path, i]);
    return [id];
  };
}

function patchValue(d: TextDoc, path: Path, old: unknown, next: unknown, keep: string[]) {
  if (equal(old, next)) return;
  if (isObj(old) && isObj(next) && Object.keys(old).length > 0 && Object.keys(next).length > 0) {
    const stale = Object.keys(old).filter((k) => !(k in next) && !keep.includes(k));
    // New keys go after the key before them in next; the first one where
    // the keys it replaces were (before a kept Next), then those go.
    let prev: string | null = stale.length > 0 && Object.keys(old)[0] === stale[0] ? stale[stale.length - 1] : null;
    for (const [k, v] of Object.entries(next)) {
      const cur = valueAt(d.value, [...path, k]);
      if (cur === undefined) d.set([...path, k], v, prev);
      else patchValue(d, [...path, k], cur, v, []);
      prev = k;
    }
    for (const k of stale) d.remove([...path, k]);
    return;
  }
  if (Array.isArray(old) && Array.isArray(next) && old.length === next.length && old.length > 0 && next.some((v) => v !== null && typeof v === "object")) {
    next.forEach((v, i) => patchValue(d, [...path, i], old[i], v, []));
    return;
  }
  d.set(path, next);
}

/** Deep equality of plain JSON values (key order ignored). */
export function equal(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((v, i) => equal(v, b[i]));
  if (isObj(a) && isObj(b)) {
    const ka = Object.keys(a);
    return ka.length === Object.keys(b).length && ka.every((k) => k in b && equal(a[k], b[k]));
  }
  return false;
}

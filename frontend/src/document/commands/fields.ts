// Field edits for the inspector and the Choice rule builder: every form
// writes through these, so each change is one undoable transaction.
import { EditError } from "../textdoc";
import { stateAt } from "../machine";
import { segments, toPath, valueAt } from "../pointer";
import type { Command } from "./template";

/** Sets a field of a state; pointer is relative to it ("/Parameters/Key"). */
export function setField(id: string, fieldPointer: string, value: unknown): Command {
  return (d) => {
    const st = stateAt(d.value, id);
    const rel = toPath(st.value, segments(fieldPointer));
    if (rel.length === 0) throw new EditError("setField needs a field");
    d.set([...st.path, ...rel], value);
    return [id];
  };
}

/** Removes a field of a state; does nothing when it is absent. */
export function removeField(id: string, fieldPointer: string): Command {
  return (d) => {
    const st = stateAt(d.value, id);
    const rel = toPath(st.value, segments(fieldPointer));
    if (valueAt(st.value, rel) !== undefined) d.remove([...st.path, ...rel]);
    return [id];
  };
}

/** Sets a top-level field of the machine (Comment, QueryLanguage, TimeoutSeconds, Version). */
export function setMachineField(field: string, value: unknown): Command {
  return (d) => {
    if (value === undefined) {
      if (valueAt(d.value, [field]) !== undefined) d.remove([field]);
    } else {
      // A new machine field goes after StartAt, before the long States.
      const after = valueAt(d.value, [field]) === undefined && valueAt(d.value, ["StartAt"]) !== undefined ? "StartAt" : undefined;
      d.set([field], value, after);
    }
  };
}

/** Appends a Choice rule. */
export function addChoiceRule(id: string, rule: Record<string, unknown>): Command {
  return (d) => {
    const st = stateAt(d.value, id);
    if (st.value.Type !== "Choice") throw new EditError(`${st.name} is not a Choice.`);
    if (Array.isArray(st.value.Choices)) d.push([...st.path, "Choices"], rule);
    else d.set([...st.path, "Choices"], [rule], "Type");
    return [id];
  };
}

/** Replaces the condition of Choice rule i, keeping its Next (and Assign/Output). */
export function setChoiceCondition(id: string, i: number, condition: Record<string, unknown>): Command {
  return (d) => {
    const st = stateAt(d.value, id);
    const rule = valueAt(st.value, ["Choices", i]);
    if (typeof rule !== "object" || rule === null) throw new EditError(`${st.name} has no rule ${i + 1}.`);
    const keep = ["Next", "Assign", "Output", "Comment"];
    const path = [...st.path, "Choices", i];
    for (const k of Object.keys(rule)) if (!keep.includes(k) && !(k in condition)) d.remove([...path, k]);
    // Condition keys go before Next, as people write them.
    let prev: string | null = null;
    for (const [k, v] of Object.entries(condition)) {
      const exists = k in (valueAt(d.value, path) as object);
      d.set([...path, k], v, exists ? undefined : prev);
      prev = k;
    }
    return [id];
  };
}

/** Removes Choice rule i. */
export function removeChoiceRule(id: string, i: number): Command {
  return (d) => {
    const st = stateAt(d.value, id);
    if (!Array.isArray(st.value.Choices) || !st.value.Choices[i]) throw new EditError(`${st.name} has no rule ${i + 1}.`);
    d.remove([...st.path, "Choices", i]);
    return [id];
  };
}

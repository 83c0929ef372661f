// Renaming a state: the key, and every field of its machine that names it
// (StartAt, Next, Default, Choices[].Next, Catch[].Next) in one edit.
import { EditError } from "../textdoc";
import { allNames, referencesTo, stateAt } from "../machine";
import { stateId, type Command } from "./template";

/** Longest state name AWS accepts. */
export const maxNameLength = 80;

/** Why name cannot be used for the state now called current, or null. */
export function nameProblem(doc: unknown, current: string, name: string): string | null {
  if (name.trim() === "") return "A step needs a name.";
  if (name.length > maxNameLength) return `A name can have at most ${maxNameLength} characters.`;
  if (name !== current && allNames(doc).has(name)) return `Another step is already called "${name}".`;
  return null;
}

export function rename(id: string, newName: string): Command {
  return (d) => {
    const st = stateAt(d.value, id);
    if (newName === st.name) return [id];
    const problem = nameProblem(d.value, st.name, newName);
    if (problem) throw new EditError(problem);
    // References first, while every path (a loop back to itself included)
    // still goes through the old key.
    for (const ref of referencesTo(d.value, st.machine, st.name)) d.set(ref, newName);
    d.renameKey(st.path, newName);
    return [stateId(st.machine, newName)];
  };
}

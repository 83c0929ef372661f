// How the template machine picker describes each state machine.
import type { IaCMachine, IaCSubstitution } from "../backend/studio";

/** The folder of a path, with a trailing separator. */
const folderOf = (p: string) => p.replace(/[^\\/]*$/, "");

/** path relative to the template's folder when inside it, else as is. */
export function relativeTo(path: string, template: string): string {
  const dir = folderOf(template);
  return dir && path.startsWith(dir) ? path.slice(dir.length) : path;
}

/** "Inline Definition, line 12" or "DefinitionUri → statemachine/x.asl.json". */
export function whereDefined(m: IaCMachine, template: string): string {
  if (!m.file || m.problem) return m.origin || "no definition";
  if (m.file === template) return `${m.origin || "inline"}, line ${m.line}`;
  return `${m.origin} → ${relativeTo(m.file, template)}`;
}

/** "Name = value" for the substitutions list. */
export const substitutionText = (s: IaCSubstitution): string => `\${${s.name}} = ${s.value}`;

/** The machines that can be opened come first, in template order. */
export function openableFirst(ms: IaCMachine[]): IaCMachine[] {
  return [...ms.filter((m) => !m.problem), ...ms.filter((m) => m.problem)];
}

/** The title shown for a machine opened from a template. */
export const documentName = (id: string, template: string): string => `${id} · ${template.replace(/^.*[\\/]/, "")}`;

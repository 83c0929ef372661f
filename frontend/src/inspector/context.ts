// What every form of the inspector needs: the state being edited, how to
// run a command (one undo step each), and the problems of each field.
import { createContext, useContext } from "react";
import type { Diagnostic } from "../backend/studio";
import type { Command } from "../document/commands/template";
import type { Lang } from "./fields";

export interface FormContext {
  /** The diagram id of the state ("/States/A"), or "" for the machine. */
  id: string;
  lang: Lang;
  /** Runs a command as one labelled transaction; false (and a message) when refused. Selects what it made when asked. */
  run(label: string, cmd: Command, selectResult?: boolean): boolean;
  /** Selects a state (or nothing: the machine). */
  select(id: string | null): void;
  /** Undo and redo on the document's one history (a field with no pending edit sends its keys here). */
  undo(): void;
  redo(): void;
  /** The diagnostics shown at the field with this pointer (relative to the state). */
  problems(pointer: string): Diagnostic[];
  /** Names of the states a transition of this state may go to. */
  targets: string[];
}

export const InspectorContext = createContext<FormContext>({
  id: "",
  lang: "JSONPath",
  run: () => false,
  select: () => undefined,
  undo: () => undefined,
  redo: () => undefined,
  problems: () => [],
  targets: [],
});

export function useForm(): FormContext {
  return useContext(InspectorContext);
}

/** A JSON pointer from segments. */
export function ptr(...segs: (string | number)[]): string {
  return segs.map((s) => "/" + String(s).replace(/~/g, "~0").replace(/\//g, "~1")).join("");
}

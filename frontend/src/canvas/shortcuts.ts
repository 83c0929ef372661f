// Every keyboard shortcut of the editor, in one table: the key handler reads
// it and the help overlay (?) lists it, so the two cannot disagree.

export type Action =
  | "undo"
  | "redo"
  | "delete"
  | "duplicate"
  | "copy"
  | "paste"
  | "rename"
  | "search"
  | "selectAll"
  | "fit"
  | "help"
  | "focus"
  | "comment"
  | "present"
  | "escape";

export interface Shortcut {
  action: Action;
  keys: string[]; // as shown to the user
  what: string;
  /** Works while typing in the code editor or a field too. */
  global?: boolean;
}

export const shortcuts: Shortcut[] = [
  { action: "undo", keys: ["Ctrl+Z"], what: "Undo the last change (canvas, inspector or code)", global: true },
  { action: "redo", keys: ["Ctrl+Shift+Z", "Ctrl+Y"], what: "Redo", global: true },
  { action: "delete", keys: ["Delete", "Backspace"], what: "Delete the selected steps (their neighbours are reconnected)" },
  { action: "duplicate", keys: ["Ctrl+D"], what: "Duplicate the selected steps" },
  { action: "copy", keys: ["Ctrl+C"], what: "Copy the selected steps" },
  { action: "paste", keys: ["Ctrl+V"], what: "Paste steps after the selected one" },
  { action: "rename", keys: ["F2"], what: "Rename the selected step (or double-click its name)" },
  { action: "search", keys: ["Ctrl+F"], what: "Find a step by name" },
  { action: "selectAll", keys: ["Ctrl+A"], what: "Select every step" },
  { action: "fit", keys: ["Shift+1"], what: "Zoom to fit the whole workflow" },
  { action: "focus", keys: ["Ctrl+."], what: "Focus: hide every panel so the diagram has the whole window (again to bring them back)", global: true },
  { action: "comment", keys: ["Ctrl+Shift+M"], what: "Add a comment on the selected step (nothing selected: on the workflow)" },
  { action: "present", keys: ["Ctrl+Shift+P"], what: "Present: the diagram alone, read-only, to walk a meeting through it and play a run (Esc leaves)", global: true },
  { action: "help", keys: ["?"], what: "Show or hide this list" },
  { action: "escape", keys: ["Escape"], what: "Close a dialog, clear the selection" },
];

/** Mouse gestures, listed in the help overlay beside the keys. */
export const gestures: [string, string][] = [
  ["Drag from the palette onto an arrow", "Insert a step there"],
  ["Drag from the palette onto a step, or near the last one", "Add the step after it"],
  ["Drag from the palette into a branch or a Map", "Add a step inside it"],
  ["Drag from the palette anywhere else", "Add the step unconnected (connect it afterwards)"],
  ["Drag from a step's bottom dot to another step", "Connect them (Next; on a Choice: a new rule)"],
  ["Drag from a step's right dot", "On a Choice: its Default; on a Task, Parallel or Map: a Catch for errors"],
  ["Drag the tip of an arrow onto another step", "Point the arrow there"],
  ["Drag a step", "Place it by hand (kept beside the workflow, not in its code); Ctrl+Z puts it back"],
  ["Tidy up (button by the zoom buttons)", "Let the layout place every step again"],
  ["Right-click a step, or the background", "Comment, rename, add a step, duplicate, delete, set as start; add a step here, paste"],
  ["Click a speech bubble on a step", "Read and answer its comments"],
  ["Shift+click, or Shift+drag on the background", "Select several steps"],
  ["Double-click a name", "Rename the step"],
];

interface KeyLike {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
  altKey: boolean;
}

/** The action a key press asks for, or null. Cmd counts as Ctrl on a Mac. */
export function actionFor(e: KeyLike): Action | null {
  const mod = e.ctrlKey || e.metaKey;
  const k = e.key.length === 1 ? e.key.toLowerCase() : e.key;
  if (e.altKey) return null;
  if (mod && e.shiftKey && k === "m") return "comment";
  if (mod && k === "z") return e.shiftKey ? "redo" : "undo";
  if (mod && k === "y") return "redo";
  if (mod && k === "d") return "duplicate";
  if (mod && k === "c") return "copy";
  if (mod && k === "v") return "paste";
  if (mod && k === "f") return "search";
  if (mod && k === "a") return "selectAll";
  if (mod && k === ".") return "focus";
  if (mod && e.shiftKey && k === "p") return "present";
  if (mod) return null;
  if (k === "Delete" || k === "Backspace") return "delete";
  if (k === "F2") return "rename";
  if (k === "?") return "help";
  if (k === "!" && e.shiftKey) return "fit";
  if (k === "Escape") return "escape";
  return null;
}

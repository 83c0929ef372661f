// Debugger keys, as in most IDEs: F5 runs (or continues a paused run),
// F10 steps, Shift+F5 stops, F9 toggles the breakpoint on the selected state.

export type RunKeyAction = "run" | "continue" | "step" | "stop" | "breakpoint";

export function runKey(e: { key: string; shiftKey: boolean; ctrlKey: boolean; altKey: boolean; metaKey: boolean }, state: { live: boolean; paused: boolean }): RunKeyAction | null {
  if (e.ctrlKey || e.altKey || e.metaKey) return null;
  switch (e.key) {
    case "F5":
      if (e.shiftKey) return state.live ? "stop" : null;
      if (state.paused) return "continue";
      return state.live ? null : "run";
    case "F10":
      return !e.shiftKey && state.paused ? "step" : null;
    case "F9":
      return e.shiftKey ? null : "breakpoint";
  }
  return null;
}

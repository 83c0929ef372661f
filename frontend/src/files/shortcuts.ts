// The File menu's keyboard shortcuts, matched on a keydown event. Ctrl on
// Linux and Windows, Cmd on macOS; never with Alt (AltGr types characters).

export type FileAction = "new" | "open" | "save" | "saveAs";

export interface Keys {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
  altKey: boolean;
}

export const shortcutLabels: Record<FileAction, string> = {
  new: "Ctrl+N",
  open: "Ctrl+O",
  save: "Ctrl+S",
  saveAs: "Ctrl+Shift+S",
};

export function fileShortcut(e: Keys): FileAction | null {
  if (!(e.ctrlKey || e.metaKey) || e.altKey) return null;
  switch (e.key.toLowerCase()) {
    case "s":
      return e.shiftKey ? "saveAs" : "save";
    case "o":
      return e.shiftKey ? null : "open";
    case "n":
      return e.shiftKey ? null : "new";
  }
  return null;
}

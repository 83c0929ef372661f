// Words for what the file service reports, kept apart from the components
// so they are tested as plain functions.

/** "just now", "5 minutes ago", "2 hours ago", "3 days ago". */
export function timeAgo(ms: number, now: number): string {
  const s = Math.max(0, Math.round((now - ms) / 1000));
  if (s < 45) return "just now";
  const m = Math.round(s / 60);
  if (m < 60) return m === 1 ? "a minute ago" : `${m} minutes ago`;
  const h = Math.round(m / 60);
  if (h < 24) return h === 1 ? "an hour ago" : `${h} hours ago`;
  const d = Math.round(h / 24);
  return d === 1 ? "yesterday" : `${d} days ago`;
}

/** The folder part of a path, for the recent list ("" for none). */
export function folderOf(path: string): string {
  const i = Math.max(path.lastIndexOf("/"), path.lastIndexOf("\\"));
  return i > 0 ? path.slice(0, i) : "";
}

/** Shortens a folder from the left so its end (the nearest folders) shows. */
export function shortFolder(folder: string, max = 48): string {
  return folder.length <= max ? folder : "…" + folder.slice(folder.length - max + 1);
}

export interface Recovered {
  name: string;
  path: string;
  savedAt: number;
}

/** The recovery banner's sentence. */
export function recoveryMessage(s: Recovered, now: number): string {
  const where = s.path ? ` (${s.path})` : " (never saved)";
  return `Stepstudio did not close cleanly. Unsaved changes to ${s.name}${where} from ${timeAgo(s.savedAt, now)} were kept.`;
}

/** The changed-on-disk banner's sentence. */
export function diskMessage(state: "changed" | "missing", name: string, dirty: boolean): string {
  if (state === "missing") return `${name} was deleted or moved on disk. Save to write it again.`;
  return dirty
    ? `${name} changed on disk, and you have unsaved changes. Reload to take the disk version (your changes are dropped), or keep yours and overwrite it on the next save.`
    : `${name} changed on disk. Reload to see the new version, or keep this one.`;
}

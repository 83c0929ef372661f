// Everything the palette offers, and its search.
import type { PaletteEntry } from "./entry";
import { flowEntries } from "./flow";
import { actionEntries } from "./actions";

export const entries: PaletteEntry[] = [...flowEntries, ...actionEntries];

export function entry(id: string): PaletteEntry | undefined {
  return entries.find((e) => e.id === id);
}

/** Entries matching every word of query in their label, description or keywords. */
export function search(query: string, list: PaletteEntry[] = entries): PaletteEntry[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return list;
  return list.filter((e) => {
    const hay = `${e.label} ${e.description} ${e.keywords} ${e.type}`.toLowerCase();
    return words.every((w) => hay.includes(w));
  });
}

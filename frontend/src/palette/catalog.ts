// Everything the palette offers, read from the state registry (the flow
// states, then the Task integrations), and its search.
import type { PaletteEntry } from "./entry";
import { stateKinds } from "../states/registry";

const groups: PaletteEntry["group"][] = ["Flow", "Actions"];

export const entries: PaletteEntry[] = groups.flatMap((group) =>
  stateKinds.filter((k) => k.palette.group === group).flatMap((k) => k.palette.entries.map((e) => ({ ...e, group, type: k.type }))),
);

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

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

/** The words of a text, lowercased: "s3:getObject" gives "s3", "getobject". */
function words(text: string): string[] {
  return text.toLowerCase().split(/[^a-z0-9]+/).filter(Boolean);
}

/**
 * Entries where every word of query starts a word of their label,
 * description or keywords (purpose words and service names live in the
 * registry's keywords): "approv" finds "approval", "if" does not find
 * "notification".
 */
export function search(query: string, list: PaletteEntry[] = entries): PaletteEntry[] {
  const wanted = words(query);
  if (wanted.length === 0) return list;
  return list.filter((e) => {
    const hay = words(`${e.label} ${e.description} ${e.keywords} ${e.type}`);
    return wanted.every((w) => hay.some((h) => h.startsWith(w)));
  });
}

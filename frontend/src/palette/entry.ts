// A palette entry: what the user sees (name, a one-line description a
// non-developer understands) and the state it adds, written in the
// machine's query language.
import type { StateTemplate } from "../document/commands/template";

export type QueryLanguage = "JSONPath" | "JSONata";

export interface PaletteEntry {
  id: string;
  /** The name shown in the palette. */
  label: string;
  group: "Flow" | "Actions";
  /** The ASL state type, for the icon. */
  type: string;
  /** One plain line for someone who does not write code. */
  description: string;
  /** Extra words people search by (service names, verbs). */
  keywords: string;
  build(lang: QueryLanguage): StateTemplate;
}

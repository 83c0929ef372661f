// A palette entry: a template of the state registry (what the user sees and
// the state it adds, in the machine's query language) with the group it is
// listed under and the ASL type it adds, for the icon.
import type { PaletteTemplate, StateKind } from "../states/registry";

export type { QueryLanguage } from "../states/registry";

export interface PaletteEntry extends PaletteTemplate {
  group: StateKind["palette"]["group"];
  /** The ASL state type it adds. */
  type: string;
}

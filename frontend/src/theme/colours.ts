// The theme's colours, from colours.json: the one file that also holds Go's
// exported pictures to the same values (app/render/palette_test.go). They
// become CSS variables (--bg, --type-task, ...) in a style element set
// before the first render; the dark ones follow the operating system.
import colours from "./colours.json";

export type ColourName = keyof typeof colours.light;

/** The CSS text declaring every colour variable, light and dark. */
export function colourCss(): string {
  const block = (vars: Record<string, string>) =>
    Object.entries(vars)
      .map(([name, value]) => `  --${name}: ${value};`)
      .join("\n");
  return `:root {\n${block(colours.light)}\n}\n@media (prefers-color-scheme: dark) {\n:root {\n${block(colours.dark)}\n}\n}\n`;
}

/** Declares the colour variables in doc; call once, before rendering. */
export function installColours(doc: Document) {
  const style = doc.createElement("style");
  style.dataset.colours = "";
  style.textContent = colourCss();
  doc.head.prepend(style);
}

/** The colour of an ASL state type, as a CSS value; unknown types take the flow colour. */
export function stateColour(type: string): string {
  const name = (colours.stateTypes as Record<string, string | undefined>)[type] ?? "type-flow";
  return `var(--${name})`;
}

import { expect, test } from "vitest";
import colours from "./colours.json";
import { colourCss, stateColour } from "./colours";

test("every colour is a hex colour; dark overrides only names the light theme has", () => {
  for (const v of [...Object.values(colours.light), ...Object.values(colours.dark)]) expect(v).toMatch(/^#[0-9a-f]{6}$/);
  for (const name of Object.keys(colours.dark)) expect(colours.light).toHaveProperty(name);
});

test("every state type has a colour of the theme", () => {
  for (const name of Object.values(colours.stateTypes)) expect(colours.light).toHaveProperty(name);
  expect(stateColour("Task")).toBe("var(--type-task)");
  expect(stateColour("Pass")).toBe("var(--type-flow)");
  expect(stateColour("Something new")).toBe("var(--type-flow)");
});

test("the CSS declares each variable, the dark ones inside the media query", () => {
  const css = colourCss();
  expect(css).toContain(`  --type-map: ${colours.light["type-map"]};`);
  const dark = css.slice(css.indexOf("@media (prefers-color-scheme: dark)"));
  expect(dark).toContain(`  --type-map: ${colours.dark["type-map"]};`);
});

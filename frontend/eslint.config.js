// ESLint for the frontend: JavaScript's and typescript-eslint's recommended
// rules, React's hooks rules (eslint-plugin-react-hooks 7: the rules of hooks,
// exhaustive deps and the React Compiler's checks), and the import rule that
// keeps the Go bindings behind src/backend. Run it with `npm run lint`.
//
// Why the tools are imported from "@stepstudio/lint" (the npm workspace in
// lint/) and not installed beside vite:
//
// The app is type-checked and built with TypeScript 7 ("typescript": "7.0.2"
// in package.json). TypeScript 7's npm package is the native compiler and has
// no JavaScript compiler API (require("typescript").createSourceFile is
// undefined), yet typescript-eslint 8.74 parses every file through that API:
// its peer range is typescript >=4.8.4 <6.1.0, and with 7 it crashes. An alias
// such as "typescript5": "npm:typescript@5.9.3" does not help on its own:
// typescript-eslint requires the module named "typescript", and no parser
// option points it elsewhere. TypeScript's own side-by-side advice (install 6
// under the name "typescript" and 7 under an alias) gives node_modules/.bin two
// `tsc`s, and npm links whichever it meets first: `npx tsc` could quietly be 6.
//
// So lint/ is a workspace whose package.json asks for typescript 6.0.3. npm
// cannot hoist that next to the root's 7.0.2, so it stays in
// lint/node_modules, and typescript-eslint, whose peer range 7.0.2 does not
// meet, is nested beside it; requires of "typescript" from there find 6.0.3.
// ts-api-utils would accept 7 and be hoisted, so package.json's "overrides"
// pins its typescript peer to 6.0.3, which nests it too. The root keeps one
// TypeScript, 7, and one `tsc`. TypeScript 6 only parses here: the rules are
// the syntactic ones (no type-aware rules), which keeps lint quick on small
// machines and leaves type checking to tsc 7 alone.
//
// Undo all of this (move the packages back to devDependencies, drop the
// override) once typescript-eslint supports TypeScript 7: typescript-eslint
// issue #10940.
import { defineConfig, globalIgnores, js, reactHooks, tseslint } from "@stepstudio/lint";

export default defineConfig(
  // e2e/ holds Node scripts that drive a browser: not linted yet.
  globalIgnores(["dist/", "wailsjs/", "e2e/"]),
  js.configs.recommended,
  tseslint.configs.recommended,
  reactHooks.configs.flat.recommended,
  {
    linterOptions: { reportUnusedDisableDirectives: "error" },
  },
  {
    // The build does not run the React Compiler, so its note that it would
    // skip memoizing a component using a library with unmemoizable
    // functions (TanStack Virtual's useVirtualizer) asks nothing of us.
    rules: { "react-hooks/incompatible-library": "off" },
  },
  {
    // The Go bindings are generated and untyped at the edges: one thin layer
    // (src/backend) wraps them, and everything else imports that layer.
    files: ["src/**/*.{ts,tsx}"],
    ignores: ["src/backend/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              regex: "(^|/)wailsjs(/|$)",
              message: "Only src/backend imports wailsjs: call Go through the wrappers in src/backend.",
            },
          ],
        },
      ],
    },
  },
);

// The lint tools, re-exported from here so ../eslint.config.js resolves
// them (and typescript-eslint resolves "typescript") from this package's
// node_modules, where npm keeps TypeScript 6. See ../eslint.config.js.
export { defineConfig, globalIgnores } from "eslint/config";
export { default as js } from "@eslint/js";
export { default as tseslint } from "typescript-eslint";
export { default as reactHooks } from "eslint-plugin-react-hooks";

// ESLint with the TypeScript rules that catch what the compiler does not: a
// promise nobody awaits (a reply or a database write that fails silently, or
// races the next update), and code nothing uses. Run by `npm test` before vitest.
import js from "@eslint/js";
import tseslint from "typescript-eslint";

export default tseslint.config(
  { ignores: ["node_modules/**", "src/db/generated/**", "src/db/generated-pg/**", "data/**", "coverage/**", "test-results/**"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ["**/*.ts"],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      "@typescript-eslint/no-floating-promises": "error",
      "@typescript-eslint/no-misused-promises": ["error", { checksVoidReturn: { arguments: false } }],
      "@typescript-eslint/await-thenable": "error",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrors: "none" }],
      "@typescript-eslint/no-non-null-assertion": "off",
      // A let read by a closure before its one assignment cannot be a const.
      "prefer-const": ["error", { ignoreReadBeforeAssign: true }],
    },
  },
  {
    // JSON bodies of the fake Bot APIs and captured log lines are read loosely on purpose.
    files: ["test/**/*.ts", "bench/**/*.ts", "tryout/**/*.ts"],
    rules: { "@typescript-eslint/no-explicit-any": "off" },
  },
  {
    // The try-out's page runs in a browser.
    files: ["tryout/web/public/**/*.js"],
    languageOptions: {
      globals: Object.fromEntries(
        ["document", "window", "location", "history", "fetch", "FormData", "setTimeout", "clearTimeout", "setInterval", "confirm", "URL"].map((name) => [name, "readonly"]),
      ),
    },
  },
  {
    files: ["**/*.js", "**/*.mjs"],
    languageOptions: { globals: { process: "readonly", console: "readonly", URL: "readonly" } },
  },
);

// ESLint's flat config for the explorer page script (graph/assets/explorer/) and its Node tests (tests/js/).
"use strict";

const js = require("@eslint/js");
const globals = require("globals");

module.exports = [
  js.configs.recommended,
  {
    // The page's modules are plain scripts concatenated by graph/render.py inside one function that declares CG.
    files: ["graph/assets/explorer/*.js"],
    languageOptions: {
      ecmaVersion: 2022,
      sourceType: "script",
      globals: { ...globals.browser, vis: "readonly", CG: "readonly" },
    },
  },
  {
    files: ["graph/assets/serve.js"],
    languageOptions: { ecmaVersion: 2022, sourceType: "script", globals: { ...globals.browser } },
  },
  {
    files: ["tests/js/**/*.js", "eslint.config.js"],
    languageOptions: { ecmaVersion: 2022, sourceType: "commonjs", globals: { ...globals.node } },
  },
  {
    // what npm installs and what the tools write are not ours to lint
    ignores: ["node_modules/", ".venv/", "build/", "dist/", "out/", "benchmarks/data/", "benchmarks/results/", "tests/artifacts/"],
  },
];

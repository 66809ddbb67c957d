// Loads the explorer's pure modules into Node the way graph/render.py inlines them: in one function that declares
// the CG namespace, so the tests run the very files the page runs.
"use strict";

const fs = require("node:fs");
const path = require("node:path");
const vm = require("node:vm");

const MODULES = path.join(__dirname, "..", "..", "graph", "assets", "explorer");

// The pure modules, in their EXPLORER_MODULES order (graph/render.py); each needs no document.
const PURE = ["dates.js", "search.js", "model.js", "analysis.js", "filters.js", "address.js", "style.js", "standing.js"];

function loadExplorer(names = PURE) {
  const body = names.map((name) => fs.readFileSync(path.join(MODULES, name), "utf8")).join("\n");
  // runInThisContext, so Maps, Sets and objects compare with this realm's in assert.deepStrictEqual
  return vm.runInThisContext('(function () {\n"use strict";\nconst CG = {};\n' + body + "\nreturn CG;\n})()",
                             { filename: "explorer-modules.js" });
}

module.exports = { loadExplorer, MODULES, PURE };

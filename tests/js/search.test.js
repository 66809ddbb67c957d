// Search on the page (graph/assets/explorer/search.js): which nodes match, and in which order.
"use strict";

const test = require("node:test");
const assert = require("node:assert/strict");
const { loadExplorer } = require("./load.js");
const { pageData } = require("./fixture.js");

const CG = loadExplorer();
const data = pageData();
const index = CG.search.buildIndex(data.nodes);
const typeOrder = CG.model.create(data).typeOrder;
const ids = (text) => CG.search.search(index, text, typeOrder).map((n) => n.id);

test("a name starting with the words ranks before the text, actors before claims, then by name", () => {
  assert.deepEqual(ids("blue"), ["blue-gov", "c-deny", "c-accuse"]);
});

test("an exact id or name comes first, whatever its node type", () => {
  assert.deepEqual(ids("town"), ["town", "c-undated", "c-accuse"]);
  assert.deepEqual(ids("the town"), ["town", "c-accuse", "c-undated"]);  // two claims' text, by name
});

test("an alias matches after names and before the text", () => {
  assert.deepEqual(ids("ivanov"), ["red-spox", "c-accuse"]);
});

test("case and accents do not matter", () => {
  assert.equal(CG.search.fold("Al-Tánf"), "al-tanf");
  assert.deepEqual(ids("TANF"), ["town"]);
});

test("an empty or blank query finds nothing", () => {
  assert.deepEqual(ids(""), []);
  assert.deepEqual(ids("   "), []);
  assert.deepEqual(ids("zeppelin"), []);
});

test("rank: 0 exact, 1 word start of the name, 2 other names, 3 text, -1 none", () => {
  const [entry] = CG.search.buildIndex([data.nodes[2]]);  // "Red spokesperson", alias Ivanov
  assert.deepEqual(["red spokesperson", "spokes", "ivanov", "zz"].map((q) => CG.search.rank(entry, q)), [0, 1, 2, -1]);
  const [claim] = CG.search.buildIndex([data.nodes[5]]);
  assert.equal(CG.search.rank(claim, "shelled"), 3);
});

// How things stand on a day, in the page's words (graph/assets/explorer/standing.js).
"use strict";

const test = require("node:test");
const assert = require("node:assert/strict");
const { loadExplorer } = require("./load.js");

const { isAnalysisDay, statusText, rolesOn, rolesText, positionsOn, fromOrigin } = loadExplorer().standing;

// Proposition node 1: asserted on 2017-10-06 (claim 2), denied on 2017-10-09 (claim 3), asserted again undated
// (claim 4, on record from the analysis day only). Claim 3 also denies proposition node 5, never asserted.
const analysis = {
  asOf: "2026-11-28",
  propositions: [
    { node: 1, status: "disputed", since: "2017-10-09?", days: 3337, atIssue: true, withdrawn: [],
      roles: { denies: [3], asserts: [2, 4] },
      history: [["2017-10-06", "unanswered", "2017-10-06?"], ["2017-10-09", "disputed", "2017-10-09?"]] },
    { node: 5, status: "unasserted", since: "2017-10-09?", days: 3337, atIssue: false, withdrawn: [],
      roles: { denies: [3] }, history: [["2017-10-09", "unasserted", "2017-10-09?"]] },
  ],
  open: [1],
  claims: {
    2: { onRecord: "2017-10-06", positions: [[1, "asserts"]] },
    3: { onRecord: "2017-10-09", positions: [[1, "denies"], [5, "denies"]] },
    4: { onRecord: null, positions: [[1, "asserts"]] },
  },
};
const [accused, denied] = analysis.propositions;
const propositionAt = (node) => analysis.propositions.find((p) => p.node === node);

test("no day, the analysis day or a later one is the analysis day; an earlier one is not", () => {
  assert.equal(isAnalysisDay(analysis, null), true);
  assert.equal(isAnalysisDay(analysis, "2026-11-28"), true);
  assert.equal(isAnalysisDay(analysis, "2030-01-01"), true);
  assert.equal(isAnalysisDay(analysis, "2026-11-27"), false);
});

test("a status reads with its since, and without one when it has none", () => {
  assert.equal(statusText({ status: "disputed", since: "2017-10-06?" }), "disputed since 2017-10-06?");
  assert.equal(statusText({ status: "not yet made", since: null }), "not yet made");
});

test("the roles on a day hold only the claims said by then, assertions first", () => {
  assert.deepEqual(rolesOn(analysis, accused, null), { asserts: [2, 4], denies: [3] });
  assert.deepEqual(rolesOn(analysis, accused, "2017-10-07"), { asserts: [2] });
  assert.deepEqual(rolesOn(analysis, accused, "2017-01-01"), {});
});

test("the roles read as how many claims asserted, denied or qualified it", () => {
  assert.equal(rolesText({ asserts: [2, 4], denies: [3] }), "asserted by 2, denied by 1");
  assert.equal(rolesText({ qualifies: [7] }), "qualified by 1");
  assert.equal(rolesText({}), "");
});

test("a claim's positions carry each proposition's status on the day", () => {
  assert.deepEqual(positionsOn(analysis, propositionAt, analysis.claims[3], null), [
    { node: 1, role: "denies", status: "disputed", since: "2017-10-09?" },
    { node: 5, role: "denies", status: "unasserted", since: "2017-10-09?" },
  ]);
  assert.deepEqual(positionsOn(analysis, propositionAt, analysis.claims[2], "2017-10-07"), [
    { node: 1, role: "asserts", status: "unanswered", since: "2017-10-06?" },
  ]);
  assert.equal(denied.status, "unasserted");
});

test("a position on something the analysis does not list has no status", () => {
  assert.deepEqual(positionsOn(analysis, propositionAt, { positions: [[9, "asserts"]] }, null),
                   [{ node: 9, role: "asserts", status: null, since: null }]);
});

test("a report's chain reads from the origin back to the document", () => {
  assert.deepEqual(fromOrigin("doc-004-tasnim \u2192 tasnim \u2192 sputnik-arabic \u2192 field-source"),
                   ["field-source", "sputnik-arabic", "tasnim", "doc-004-tasnim"]);
  assert.deepEqual(fromOrigin("doc-1 \u2192 speaker"), ["speaker", "doc-1"]);
});

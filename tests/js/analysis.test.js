// Reading the shipped analysis (graph/assets/explorer/analysis.js): the status in force on a day, what had been said.
"use strict";

const test = require("node:test");
const assert = require("node:assert/strict");
const { loadExplorer } = require("./load.js");

const { statusOn, onRecord, withdrawnOn, eventDays, openOn, stepOn, sliderDays, sliderDay, stopOf, explain } =
  loadExplorer().analysis;

// An accusation on 2017-10-06 (node 1), denied on 2017-10-09 (node 2); an undated claim (node 3) asserts a second
// proposition, which is unanswered only from the analysis day on.
const analysis = {
  asOf: "2026-11-28",
  propositions: [
    { node: 1, status: "disputed", since: "2017-10-09", atIssue: true,
      history: [["2017-10-06", "unanswered", "2017-10-06"], ["2017-10-09", "disputed", "2017-10-09"]] },
    { node: 5, status: "unanswered", since: null, atIssue: true, history: [["2026-11-28", "unanswered", null]] },
  ],
  open: [1, 5],
  claims: { 1: { onRecord: "2017-10-06" }, 2: { onRecord: "2017-10-09" }, 3: { onRecord: null } },
};
const [accusation, undatedOne] = analysis.propositions;

test("before its first step a proposition is not yet made", () => {
  assert.deepEqual(statusOn(analysis, accusation, "2017-10-05"), { status: "not yet made", since: null });
});

test("a step holds from its own day until the next", () => {
  assert.equal(statusOn(analysis, accusation, "2017-10-06").status, "unanswered");
  assert.equal(statusOn(analysis, accusation, "2017-10-08").status, "unanswered");
  assert.deepEqual(statusOn(analysis, accusation, "2017-10-09"), { status: "disputed", since: "2017-10-09" });
});

test("no day, or a day after the analysis day, means the analysis day", () => {
  assert.equal(statusOn(analysis, undatedOne, null).status, "unanswered");
  assert.equal(statusOn(analysis, undatedOne, "2030-01-01").status, "unanswered");
  assert.equal(statusOn(analysis, undatedOne, "2020-01-01").status, "not yet made");
});

test("a claim is said once its day has come; an undated one only on the analysis day", () => {
  assert.equal(onRecord(analysis, analysis.claims[2], "2017-10-08"), false);
  assert.equal(onRecord(analysis, analysis.claims[2], "2017-10-09"), true);
  assert.equal(onRecord(analysis, analysis.claims[3], "2025-01-01"), false);
  assert.equal(onRecord(analysis, analysis.claims[3], null), true);
});

test("the slider's days are every day something came on record or changed, oldest first, each once", () => {
  assert.deepEqual(eventDays(analysis), ["2017-10-06", "2017-10-09", "2026-11-28"]);
});

test("open questions on a day are those unanswered or disputed then; on the analysis day, Python's list", () => {
  assert.deepEqual(openOn(analysis, "2017-10-07"), [1]);
  assert.deepEqual(openOn(analysis, "2017-01-01"), []);
  assert.deepEqual(openOn(analysis, null), [1, 5]);
});

test("stepOn finds the last step on or before a day among many", () => {
  const history = Array.from({ length: 100 }, (_, i) => [`2017-01-${String(i + 1).padStart(3, "0")}`, "s" + i, null]);
  assert.equal(stepOn(history, "2017-01-050")[1], "s49");
  assert.equal(stepOn(history, "2017-01-0505")[1], "s49");
  assert.equal(stepOn(history, "2016"), null);
});

test("the slider stops at every event day before the analysis day, then at now (null)", () => {
  assert.deepEqual(sliderDays(analysis), ["2017-10-06", "2017-10-09", null]);
  assert.deepEqual(sliderDays(Object.assign({}, analysis, { propositions: [], claims: {} })), [null]);
});

test("a day on or after the analysis day, or none, is now", () => {
  assert.equal(sliderDay(analysis, "2017-10-09"), "2017-10-09");
  assert.equal(sliderDay(analysis, "2026-11-28"), null);
  assert.equal(sliderDay(analysis, "2031-01-01"), null);
  assert.equal(sliderDay(analysis, ""), null);
});

test("a day between two events sits on the earlier stop; before every event on the first; now on the last", () => {
  const days = sliderDays(analysis);
  assert.equal(stopOf(days, analysis, "2017-10-06"), 0);
  assert.equal(stopOf(days, analysis, "2017-10-08"), 0);
  assert.equal(stopOf(days, analysis, "2017-10-09"), 1);
  assert.equal(stopOf(days, analysis, "2020-01-01"), 1);
  assert.equal(stopOf(days, analysis, "2001-01-01"), 0);
  assert.equal(stopOf(days, analysis, null), 2);
  assert.equal(stopOf(days, analysis, "2026-11-28"), 2);
});

test("a claim is withdrawn on a day only once a claim withdrawing it is on record by then", () => {
  // claim 1 withdrawn by claim 2 (2017-10-09) or by the undated claim 3, whichever comes first
  const withdrawnOne = { node: 1, withdrawn: [[1, [3, 2]]] };
  assert.deepEqual(withdrawnOn(analysis, withdrawnOne, "2017-10-08"), []);
  assert.deepEqual(withdrawnOn(analysis, withdrawnOne, "2017-10-09"), [1]);
  assert.deepEqual(withdrawnOn(analysis, withdrawnOne, null), [1]);
  assert.deepEqual(withdrawnOn(analysis, { node: 1, withdrawn: [[1, [3]]] }, "2020-01-01"), []);
});

test("the explanations shipped apart go back to their claims and propositions, null where a proposition has none", () => {
  const light = {
    propositions: [{ node: 1, status: "disputed" }, { node: 5, status: "unanswered" }],
    claims: { 1: { onRecord: "2017-10-06" }, 3: { onRecord: null } },
  };
  const apart = {
    claims: { 1: { why: "Accused, then denied.", origins: [["red", []]] }, 3: { why: "Undated.", origins: [] } },
    propositions: { 1: "Disputed since the denial." },
  };
  const explained = explain(light, apart);
  assert.equal(explained, light);
  assert.deepEqual(light.claims[1], { onRecord: "2017-10-06", why: "Accused, then denied.", origins: [["red", []]] });
  assert.deepEqual(light.claims[3], { onRecord: null, why: "Undated.", origins: [] });
  assert.deepEqual(light.propositions.map((p) => p.why), ["Disputed since the denial.", null]);
});

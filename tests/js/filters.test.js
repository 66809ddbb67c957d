// The page's filter rule (graph/assets/explorer/filters.js) on a small hand-built data set.
"use strict";

const test = require("node:test");
const assert = require("node:assert/strict");
const { loadExplorer } = require("./load.js");
const { pageData, filterState } = require("./fixture.js");

const CG = loadExplorer();
const data = pageData();
const filters = CG.filters.create(data, CG.model.create(data));
const sorted = (set) => [...set].sort();
const on = (...values) => ({ all: values.length, on: new Set(values) });

test("with every filter open every claim and every node is shown, and nothing is context", () => {
  const f = filterState(data);
  assert.deepEqual(sorted(filters.selectedClaims(f)), ["c-accuse", "c-deny", "c-undated"]);
  const { shown, context } = filters.visibleNodes(f);
  assert.deepEqual(sorted(shown), sorted(data.nodes.map((n) => n.id)));
  assert.deepEqual(sorted(context), []);
});

test("a side keeps its claims, its linked actors, and the claim its denial answers as context", () => {
  const f = filterState(data, { sides: on("blue") });
  assert.deepEqual(sorted(filters.selectedClaims(f)), ["c-deny", "c-undated"]);
  const { shown, context } = filters.visibleNodes(f);
  assert.deepEqual(sorted(shown), ["blue-gov", "c-accuse", "c-deny", "c-undated"]);
  assert.deepEqual(sorted(context), ["c-accuse"]);
});

test("a shown accusation keeps whom it accuses as context when that side is hidden", () => {
  const f = filterState(data, { sides: on("red", ""), kinds: on("accusation") });
  const { shown, context } = filters.visibleNodes(f);
  assert.deepEqual(sorted(shown), ["blue-gov", "c-accuse", "paper", "red-spox", "town"]);
  assert.deepEqual(sorted(context), ["blue-gov"]);
});

test("an accused actor of a shown side is shown plainly, not as context", () => {
  const f = filterState(data, { kinds: on("accusation") });
  const { shown, context } = filters.visibleNodes(f);
  assert.deepEqual(sorted(shown), ["blue-gov", "c-accuse", "paper", "red-spox", "town"]);
  assert.deepEqual(sorted(context), []);
});

test("turning a relation off drops what it linked and the context it gave", () => {
  const relations = on(...data.relations.map((r) => r.id).filter((r) => r !== "accuses" && r !== "reports"));
  const f = filterState(data, { sides: on("red", ""), kinds: on("accusation"), relations });
  const { shown, context } = filters.visibleNodes(f);
  assert.deepEqual(sorted(shown), ["c-accuse", "red-spox", "town"]);
  assert.deepEqual(sorted(context), []);
});

test("an actor selects its own claims; with members, its members' claims too; the actor itself stays shown", () => {
  assert.deepEqual(sorted(filters.selectedClaims(filterState(data, { actor: "red-gov" }))), []);
  assert.deepEqual(sorted(filters.selectedClaims(filterState(data, { actor: "red-gov", members: true }))), ["c-accuse"]);
  assert.ok(filters.visibleNodes(filterState(data, { actor: "red-gov" })).shown.has("red-gov"));
});

test("a place selects the claims about it and keeps the place", () => {
  const f = filterState(data, { place: "town" });
  assert.deepEqual(sorted(filters.selectedClaims(f)), ["c-accuse"]);
  assert.ok(filters.visibleNodes(f).shown.has("town"));
});

test("a date range keeps overlapping partial dates and, unless told not to, the undated", () => {
  const october = { from: "2017-10-01", to: "2017-10-31" };
  assert.deepEqual(sorted(filters.selectedClaims(filterState(data, october))), ["c-accuse", "c-deny", "c-undated"]);
  assert.deepEqual(sorted(filters.selectedClaims(filterState(data, { ...october, undated: false }))), ["c-accuse", "c-deny"]);
  assert.deepEqual(sorted(filters.selectedClaims(filterState(data, { from: "2018-01-01", undated: false }))), []);
  assert.deepEqual(sorted(filters.selectedClaims(filterState(data, { undated: false }))), ["c-accuse", "c-deny"]);
});

test("a link is shown only when its relation is on and both its ends are shown", () => {
  const link = (from, relation) => data.edges.findIndex((e) => data.nodes[e[0]].id === from && e[2] === relation);
  const [denial, report] = [link("c-deny", "denies"), link("paper", "reports")];
  const denials = filters.visibility(filterState(data, { kinds: on("denial") }));
  assert.equal(denials.edges[denial], 1, "the denied claim is shown as context");
  assert.equal(denials.edges[report], 0, "the paper reports no shown claim, so it is hidden");
  const notDenies = on(...data.relations.map((r) => r.id).filter((r) => r !== "denies"));
  const seen = filters.visibility(filterState(data, { relations: notDenies }));
  assert.deepEqual([seen.edges[denial], seen.edges[report]], [0, 1]);
});

test("context is what a shown claim answers or accuses, never a claim already shown", () => {
  const f = filterState(data);
  assert.deepEqual(sorted(filters.contextOf(new Set(["c-deny"]), f)), ["c-accuse"]);
  assert.deepEqual(sorted(filters.contextOf(new Set(["c-deny", "c-accuse"]), f)), ["blue-gov"]);
  assert.deepEqual(sorted(filters.contextOf(new Set(["c-deny"]), filterState(data, { relations: on("made") }))), []);
});

// When each claim came on record, as Python ships it: c-deny is dated only "2017", so it counts from 31 December.
const dated = Object.assign(pageData(), {
  analysis: { asOf: "2026-11-28", propositions: [], open: [],
              claims: { 5: { onRecord: "2017-10-06" }, 6: { onRecord: "2017-12-31" }, 7: { onRecord: null } } },
});
const byDay = CG.filters.create(dated, CG.model.create(dated));

test("a day keeps only the claims said by then, and the nodes left with something said", () => {
  const f = filterState(dated, { day: "2017-10-06" });
  assert.deepEqual(sorted(byDay.selectedClaims(f)), ["c-accuse"]);
  assert.deepEqual(sorted(byDay.visibleNodes(f).shown), ["blue-gov", "c-accuse", "paper", "red-spox", "town"]);
});

test("a partial date is said once its last day has come; an undated claim only now", () => {
  assert.deepEqual(sorted(byDay.selectedClaims(filterState(dated, { day: "2017-12-30" }))), ["c-accuse"]);
  assert.deepEqual(sorted(byDay.selectedClaims(filterState(dated, { day: "2017-12-31" }))), ["c-accuse", "c-deny"]);
  assert.deepEqual(sorted(byDay.selectedClaims(filterState(dated, { day: "2026-11-27" }))), ["c-accuse", "c-deny"]);
  assert.deepEqual(sorted(byDay.selectedClaims(filterState(dated, { day: null }))), ["c-accuse", "c-deny", "c-undated"]);
});

test("the day is one more condition: it narrows the other filters and never widens them", () => {
  const f = filterState(dated, { day: "2017-12-31", sides: on("blue") });
  assert.deepEqual(sorted(byDay.selectedClaims(f)), ["c-deny"]);
  assert.deepEqual(sorted(byDay.visibleNodes(f).context), ["c-accuse"]);
  assert.deepEqual(sorted(byDay.selectedClaims(filterState(dated, { day: "2017-12-31", undated: false, from: "2017-12-01" }))), ["c-deny"]);
});

test("a claim not yet said is never kept as context, even when a shown response answers it", () => {
  // records can date a response before what it answers (an undated or later-dated accusation)
  const early = Object.assign(pageData(), { analysis: Object.assign({}, dated.analysis, {
    claims: { 5: { onRecord: "2018-01-01" }, 6: { onRecord: "2017-12-31" }, 7: { onRecord: null } } }) });
  const earlyFilters = CG.filters.create(early, CG.model.create(early));
  const f = filterState(early, { day: "2017-12-31" });
  assert.deepEqual(sorted(earlyFilters.selectedClaims(f)), ["c-deny"]);
  assert.deepEqual(sorted(earlyFilters.visibleNodes(f).shown), ["blue-gov", "c-deny"]);
  assert.deepEqual(sorted(earlyFilters.visibleNodes(filterState(early, { day: "2018-01-01", sides: on("blue") })).context), ["c-accuse"]);
});

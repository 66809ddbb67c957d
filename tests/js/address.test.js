// The view in the address (graph/assets/explorer/address.js): what a shared link holds and what it restores.
"use strict";

const test = require("node:test");
const assert = require("node:assert/strict");
const { loadExplorer } = require("./load.js");

const { formatFragment, parseFragment } = loadExplorer().address;

function view(changes = {}) {
  return Object.assign({
    selected: null, undated: true, members: false, day: null, expanded: [], everything: false,
    unchecked: { "cg-filter-sides": [], "cg-filter-kinds": [], "cg-filter-relations": [] },
    values: { "cg-filter-actor": "", "cg-filter-place": "", "cg-date-from": "", "cg-date-to": "" },
  }, changes);
}

test("the whole view survives the round trip through the address", () => {
  const full = view({
    selected: "c deny/1", undated: false, members: true, day: "2017-10-09", position: { x: 12, y: -40 }, scale: 1.25,
    unchecked: { "cg-filter-sides": ["red", ""], "cg-filter-kinds": ["denial"], "cg-filter-relations": ["reports"] },
    values: { "cg-filter-actor": "blue-gov", "cg-filter-place": "town", "cg-date-from": "2017-10-01", "cg-date-to": "2017-10-31" },
  });
  const hash = formatFragment(full, true);
  assert.equal(hash, "#node=c+deny%2F1&hide-sides=red%2Cnone&hide-kinds=denial&hide-links=reports&actor=blue-gov" +
                     "&place=town&from=2017-10-01&to=2017-10-31&members=1&undated=0&day=2017-10-09&x=12&y=-40&zoom=1.250");
  assert.deepEqual(parseFragment(hash), full);
});

test("a selection alone is the node's id", () => {
  const hash = formatFragment(view({ selected: "général a" }), false);
  assert.equal(hash, "#g%C3%A9n%C3%A9ral%20a");
  assert.deepEqual(parseFragment(hash), view({ selected: "général a" }));
});

test("the default view is no fragment, and no fragment is the default view", () => {
  assert.equal(formatFragment(view(), false), "");
  assert.deepEqual(parseFragment(""), view());
});

test("position and zoom are written only once the view was moved", () => {
  assert.equal(formatFragment(view({ position: { x: 1, y: 2 }, scale: 1 }), false), "");
  assert.equal(formatFragment(view({ position: { x: 1.4, y: 2.6 }, scale: 1 }), true), "#x=1&y=3&zoom=1.000");
});

test("an address that cannot be read restores nothing, and a bad zoom no position", () => {
  assert.equal(parseFragment("#%E0%A4%A"), null);
  const parsed = parseFragment("#node=a&x=1&y=2&zoom=0");
  assert.equal(parsed.selected, "a");
  assert.equal("position" in parsed, false);
  assert.equal(parseFragment("#x=1&y=oops&zoom=2").scale, undefined);
});

test("the slider's day is in the address alone, beside a selection, and a day that is not one is now", () => {
  assert.equal(formatFragment(view({ day: "2017-12-29" }), false), "#day=2017-12-29");
  assert.deepEqual(parseFragment("#day=2017-12-29"), view({ day: "2017-12-29" }));
  assert.equal(formatFragment(view({ selected: "a", day: "2017-12-29" }), false), "#node=a&day=2017-12-29");
  ["2017-12", "2017-13-01", "<img>", "2017-12-29T00:00"].forEach((bad) => {
    assert.equal(parseFragment("#day=" + encodeURIComponent(bad)).day, null, bad);
  });
});

test("the overview's expanded propositions are in the address by id, the selected one implied by the selection", () => {
  const hash = formatFragment(view({ selected: "p-b", expanded: ["p-a", "p-b", "p-c"] }), false);
  assert.equal(hash, "#node=p-b&open=p-a%2Cp-c");
  assert.deepEqual(parseFragment(hash), view({ selected: "p-b", expanded: ["p-a", "p-c"] }));
  assert.equal(formatFragment(view({ selected: "p-b", expanded: ["p-b"] }), false), "#p-b");
  assert.deepEqual(parseFragment("#open=p-a"), view({ expanded: ["p-a"] }));
});

test("showing everything is all=1, and leaves out what the overview had expanded", () => {
  assert.equal(formatFragment(view({ everything: true, expanded: ["p-a"] }), false), "#all=1");
  assert.deepEqual(parseFragment("#all=1&open=p-a"), view({ everything: true }));
  assert.deepEqual(parseFragment("#all=yes"), view());
});

// The styles the canvas starts with (graph/assets/explorer/style.js): a proposition hub wears its status.
"use strict";

const test = require("node:test");
const assert = require("node:assert/strict");
const { loadExplorer } = require("./load.js");

const { nodeStyle, hubStyle } = loadExplorer().style;

const data = {
  shapes: { proposition: "hexagon" },
  statuses: { disputed: { colour: "#8E2C6B", dashes: false }, "not yet made": { colour: "#767676", dashes: [4, 4] } },
  nodes: [{ id: "p1", type: "proposition", label: "P1", x: 0, y: 0 }, { id: "p2", type: "proposition", label: "P2", x: 0, y: 0 }],
  analysis: { propositions: [{ node: 0, status: "disputed" }] },
};

test("a proposition hub is drawn in its analysis-day status's colour, solid", () => {
  const style = nodeStyle(data, data.nodes[0]);
  assert.equal(style.color.border, "#8E2C6B");
  assert.equal(style.shapeProperties.borderDashes, false);
  assert.equal(style.borderWidth, 3);
});

test("a status with dashes gives the hub a dashed border", () => {
  assert.deepEqual(hubStyle(data, "not yet made").shapeProperties.borderDashes, [4, 4]);
  assert.equal(hubStyle(data, "not yet made").color.border, "#767676");
});

test("a proposition the analysis does not list, or a page without analysis, is drawn grey", () => {
  assert.equal(nodeStyle(data, data.nodes[1]).color.border, "#767676");
  const { analysis, ...without } = data;
  assert.ok(analysis);
  assert.equal(nodeStyle(without, data.nodes[0]).color.border, "#555");
});

test("dashes are drawn from DASHES_MIN_SCALE up, solid below it", () => {
  const { dashesVisible, DASHES_MIN_SCALE } = loadExplorer().style;
  assert.equal(DASHES_MIN_SCALE, 0.4);
  assert.equal(dashesVisible(0.39), false);
  assert.equal(dashesVisible(0.4), true);
  assert.equal(dashesVisible(1.5), true);
});

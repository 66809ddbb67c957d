// Partial dates on the page (graph/assets/explorer/dates.js): a claim counts when any day of it is in the range.
"use strict";

const test = require("node:test");
const assert = require("node:assert/strict");
const { loadExplorer } = require("./load.js");

const { datePasses, compareDates } = loadExplorer().dates;
const year2017 = { date_from: "2017-01-01", date_to: "2017-12-31" };
const day = { date_from: "2017-10-06", date_to: "2017-10-06" };
const undated = {};
const range = (from, to, undated = true) => ({ from, to, undated });

test("a claim dated only 2017 passes a range within October 2017", () => {
  assert.equal(datePasses(year2017, range("2017-10-01", "2017-10-31")), true);
});

test("a partial date outside the range on either side fails", () => {
  assert.equal(datePasses(year2017, range("2018-01-01", "")), false);
  assert.equal(datePasses(year2017, range("", "2016-12-31")), false);
  assert.equal(datePasses(day, range("2017-10-07", "")), false);
});

test("a range's ends are inclusive, and an open end is no limit", () => {
  assert.equal(datePasses(day, range("2017-10-06", "2017-10-06")), true);
  assert.equal(datePasses(day, range("", "2017-10-06")), true);
  assert.equal(datePasses(day, range("2017-10-06", "")), true);
});

test("an undated claim passes only while undated claims are shown, with or without a range", () => {
  assert.equal(datePasses(undated, range("2017-10-01", "2017-10-31", true)), true);
  assert.equal(datePasses(undated, range("2017-10-01", "2017-10-31", false)), false);
  assert.equal(datePasses(undated, range("", "", false)), false);
  assert.equal(datePasses(day, range("", "", false)), true);
});

test("dates sort earliest first, undated last", () => {
  const infos = [undated, day, year2017];
  assert.deepEqual(infos.sort(compareDates), [year2017, day, undated]);
  assert.equal(compareDates(undefined, day) > 0, true);
});

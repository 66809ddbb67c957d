/* time.js: the date slider that replays the dispute: what had been said by a day, and the status of each
 * proposition then.
 *
 * The slider stops at each day on which something came on record (CG.analysis.sliderDays), then at "now", the
 * analysis day. The day is one more filter condition (filters.js: a claim is shown once it is on record by then, as
 * Python's as_of reads dates; a node left with nothing said goes with it), so it composes with the other filters and
 * is applied, like them, as a diff of what changes. The day is kept in state.day (null: now); a view in the address
 * carries it. app.refreshAnalysis (the analysis display) is called whenever the day shown changes.
 */
CG.time = function (app) {
  "use strict";

  const { $ } = CG.dom;
  const { data, state, api } = app;
  const analysis = data.analysis;
  const days = analysis ? CG.analysis.sliderDays(analysis) : [null];
  state.day = null;
  state.analysedDay = null;  // the day the analysis display was last drawn for
  let pending = null;  // the slider's latest stop, { day, push }, while it waits for the next frame

  const stopOf = (day) => (analysis ? CG.analysis.stopOf(days, analysis, day) : 0);
  const later = (a, b) => (a === null ? b !== null : b !== null && a > b);  // null (now) is after every day

  // Shows `day` on the slider without applying it (a restored view applies every filter at once afterwards).
  function showDay(day) {
    state.day = analysis ? CG.analysis.sliderDay(analysis, day) : null;
    const stop = stopOf(state.day);
    $("cg-day").value = String(stop);
    const text = state.day === null ? "now (" + (analysis ? analysis.asOf : "") + ")" : state.day;
    $("cg-day-text").textContent = text;
    $("cg-day").setAttribute("aria-valuetext", state.day === null ? "now: everything on record"
      : state.day + ", what had been said by then (event " + (stop + 1) + " of " + (days.length - 1) + ")");
    $("cg-day-prev").disabled = previousDay() === undefined;
    $("cg-day-next").disabled = state.day === null;
  }

  // A slider step: show what had been said by `day` (null: now). `push` adds a history entry (Back returns).
  function setDay(day, push) {
    showDay(day);
    app.applyFilters({ push: push !== false });
    return state.day;
  }

  // Called by applyFilters with the day it applied: the analysis display follows the day. True when the day changed.
  function dayApplied(day) {
    if (day === state.analysedDay) return false;
    state.analysedDay = day;
    if (app.refreshAnalysis) app.refreshAnalysis();
    return true;
  }

  const previousDay = () => days.filter((d) => d !== null && later(state.day, d)).pop();
  const nextDay = () => days.find((d) => later(d, state.day));

  // A drag fires input at every stop it crosses: apply the latest once a frame. Only the first step of a gesture (a
  // key press is one) adds a history entry, so Back returns to the day before the drag, not through every stop.
  function onInput() {
    const push = !state.dragging || (pending !== null && pending.push);
    const scheduled = pending !== null;
    state.dragging = true;
    pending = { day: days[Number($("cg-day").value)], push: push };
    if (scheduled) return;
    requestAnimationFrame(() => {
      const step = pending;
      pending = null;
      setDay(step.day, step.push);
    });
  }

  function build() {
    $("cg-time").hidden = days.length < 2;  // nothing to replay
    $("cg-day").max = String(days.length - 1);
    $("cg-day").addEventListener("input", onInput);
    $("cg-day").addEventListener("change", () => { state.dragging = false; });
    $("cg-day-prev").addEventListener("click", () => { const day = previousDay(); if (day !== undefined) setDay(day); });
    $("cg-day-next").addEventListener("click", () => { const day = nextDay(); if (day !== undefined) setDay(day); });
    showDay(null);
  }

  // The status of every proposition on the day shown, by node id (what the analysis display shows).
  function statusesOn() {
    const found = {};
    (analysis ? analysis.propositions : []).forEach((p) => {
      found[data.nodes[p.node].id] = CG.analysis.statusOn(analysis, p, state.day);
    });
    return found;
  }

  build();
  Object.assign(api, { setDay: setDay, day: () => state.day, sliderDays: () => days.slice(), statusesOn: statusesOn });
  return { showDay: showDay, setDay: setDay, dayApplied: dayApplied };
};

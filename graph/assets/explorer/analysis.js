/* analysis.js: reading the analysis Python ships (data.analysis, graph/page_analysis.py), PURE.
 *
 * Each claim's `why` and `origins` and each proposition's `why` come apart, in the page's second data block
 * (graph/render.py explanations_apart), read only by a details panel: `explain` puts them back in place.
 *
 * Python decides every status, strength and origin; the page only looks things up. A proposition's `history`
 * holds its status at each day it changed ([day, status, since], oldest first, days as `as_of` reads dates), so
 * its status on any day is the last step on or before that day, and "not yet made" before the first. A claim is
 * said by a day once its `onRecord` day has come; an undated claim (onRecord null) from the analysis day on.
 */
CG.analysis = (function () {
  "use strict";

  const NOT_YET = "not yet made";
  const OPEN = new Set(["unanswered", "disputed"]);

  // The analysis day when `day` is null or later; days are ISO strings, which compare as text.
  const dayOrNow = (analysis, day) => (!day || day > analysis.asOf ? analysis.asOf : day);

  // The last history step on or before `day` (binary search), or null before the first.
  function stepOn(history, day) {
    let lo = 0, hi = history.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (history[mid][0] <= day) lo = mid + 1; else hi = mid;
    }
    return lo ? history[lo - 1] : null;
  }

  // { status, since } of one proposition entry of data.analysis.propositions on `day` (null: the analysis day).
  function statusOn(analysis, proposition, day) {
    const when = dayOrNow(analysis, day);
    if (when === analysis.asOf) return { status: proposition.status, since: proposition.since };
    const step = stepOn(proposition.history, when);
    return step ? { status: step[1], since: step[2] } : { status: NOT_YET, since: null };
  }

  // Whether a claim (an entry of data.analysis.claims) had been said by `day` (null: the analysis day).
  function onRecord(analysis, claim, day) {
    const when = dayOrNow(analysis, day);
    return claim.onRecord === null || claim.onRecord === undefined ? when === analysis.asOf : claim.onRecord <= when;
  }

  // The claims (node indices) withdrawn from `proposition` on `day` (null: the analysis day): those Python found
  // withdrawn on the analysis day ([claim, [withdrawing claims]]) whose withdrawing claim was on record by `day`.
  function withdrawnOn(analysis, proposition, day) {
    return proposition.withdrawn.filter(([, by]) => by.some((c) => onRecord(analysis, analysis.claims[c], day)))
      .map(([claim]) => claim);
  }

  // Every day on which something came on record or a status changed, up to the analysis day, oldest first.
  function eventDays(analysis) {
    const days = new Set();
    Object.values(analysis.claims).forEach((c) => { if (c.onRecord && c.onRecord <= analysis.asOf) days.add(c.onRecord); });
    analysis.propositions.forEach((p) => p.history.forEach((step) => { if (step[0] <= analysis.asOf) days.add(step[0]); }));
    return [...days].sort();
  }

  // The slider's stops: every event day before the analysis day, then null, "now" (the analysis day, no limit).
  const sliderDays = (analysis) => eventDays(analysis).filter((day) => day < analysis.asOf).concat([null]);

  // The day a slider shows for `day`: null ("now") for no day or one on or after the analysis day.
  const sliderDay = (analysis, day) => (!day || day >= analysis.asOf ? null : day);

  // The stop of `days` (sliderDays) that shows `day`: the last stop on or before it (a day between two events reads
  // as the earlier one), the first stop for a day before every event, the last ("now") for null.
  function stopOf(days, analysis, day) {
    if (sliderDay(analysis, day) === null) return days.length - 1;
    return Math.max(0, days.filter((d) => d !== null && d <= day).length - 1);
  }

  // The open questions on `day`: the propositions at issue standing unanswered or disputed then, in the order the
  // analysis lists propositions (on the analysis day itself, exactly `analysis.open`).
  function openOn(analysis, day) {
    if (dayOrNow(analysis, day) === analysis.asOf) return analysis.open.slice();
    return analysis.propositions.filter((p) => {
      const status = statusOn(analysis, p, day).status;
      return status === "disputed" || (status === "unanswered" && p.atIssue);
    }).map((p) => p.node);
  }

  // Put the explanations shipped apart ({ claims: { node: { why, origins } }, propositions: { node: why } }) back
  // into `analysis`: each claim's why and origins, each proposition's why (null where it has none of its own).
  function explain(analysis, explanations) {
    Object.entries(explanations.claims).forEach(([node, parts]) => Object.assign(analysis.claims[node], parts));
    analysis.propositions.forEach((p) => {
      p.why = Object.hasOwn(explanations.propositions, p.node) ? explanations.propositions[p.node] : null;
    });
    return analysis;
  }

  return { NOT_YET: NOT_YET, OPEN: OPEN, explain: explain, stepOn: stepOn, statusOn: statusOn, onRecord: onRecord,
           withdrawnOn: withdrawnOn,
           eventDays: eventDays, openOn: openOn, sliderDays: sliderDays, sliderDay: sliderDay, stopOf: stopOf };
})();

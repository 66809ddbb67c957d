/* standing.js: how things stand on a day, in the words and counts the page shows, PURE (over data.analysis).
 *
 * Every status comes from CG.analysis (Python's history); this module only says it: "disputed since 2017-10-06?",
 * which claims stood where by a day, where a claim stands, and a report's chain read from the origin back.
 */
CG.standing = (function () {
  "use strict";

  const ROLES = ["asserts", "denies", "qualifies", "concedes", "retracts", "endorses"];
  const PAST = { asserts: "asserted", denies: "denied", qualifies: "qualified", concedes: "conceded",
                 retracts: "retracted", endorses: "endorsed" };

  // Whether `day` (null: the analysis day) is the analysis day itself, or later: Python's figures hold as shipped.
  const isAnalysisDay = (analysis, day) => !day || day >= analysis.asOf;

  // A status in words: "disputed since 2017-10-06?", "not yet made".
  function statusText(found) {
    return found.since ? found.status + " since " + found.since : found.status;
  }

  // The claims (node indices) in each role on a proposition that were on record by `day`, roles in ROLES order.
  function rolesOn(analysis, proposition, day) {
    const roles = {};
    ROLES.forEach((role) => {
      const said = (proposition.roles[role] || []).filter((c) => CG.analysis.onRecord(analysis, analysis.claims[c], day));
      if (said.length) roles[role] = said;
    });
    return roles;
  }

  // "asserted by 2, denied by 1": how many claims stood in each role by `day`.
  function rolesText(roles) {
    return Object.keys(roles).map((role) => (PAST[role] || role) + " by " + roles[role].length).join(", ");
  }

  // Where a claim stands on `day`: [{ node, role, status, since }] for each proposition it takes a stance on.
  function positionsOn(analysis, propositionOf, claim, day) {
    return claim.positions.map(([node, role]) => {
      const proposition = propositionOf(node);
      const found = proposition ? CG.analysis.statusOn(analysis, proposition, day) : { status: null, since: null };
      return { node: node, role: role, status: found.status, since: found.since };
    });
  }

  // A report's chain as Python writes it (document → speaker → relays → origin), read from the origin back.
  function fromOrigin(chain) {
    return chain.split(" \u2192 ").reverse();
  }

  return { ROLES: ROLES, isAnalysisDay: isAnalysisDay, statusText: statusText, rolesOn: rolesOn, rolesText: rolesText,
           positionsOn: positionsOn, fromOrigin: fromOrigin };
})();

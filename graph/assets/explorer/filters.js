/* filters.js: which nodes the filters show, PURE functions of the data and a filter state.
 *
 * A filter state: { sides, kinds, relations: { all, on: Set of values }, actor, place, from, to (ISO dates or ""),
 * undated, members (booleans), day (null, or an ISO day: only what had been said by then) }.
 */
CG.filters = (function () {
  "use strict";

  // The filter rule is decided in Python (graph/queries/filters.py, select_claims): the data lists, for each
  // actor, side, kind and place, the claims it selects. The page only intersects those lists.
  function create(data, model) {
    const { claimNodes, outgoing, incoming } = model;
    const selects = {};
    Object.entries(data.filters.selects).forEach(([name, values]) => {
      selects[name] = new Map(Object.entries(values).map(([value, claims]) => [value, new Set(claims.map((i) => data.nodes[i].id))]));
    });
    const CONTEXT = new Set(data.filters.context);
    const valueOf = (name) => {
      const found = new Map();
      selects[name].forEach((claims, value) => claims.forEach((c) => found.set(c, value)));
      return found;
    };
    const claimSide = valueOf("side");
    const claimKind = valueOf("kind");
    // The day each claim came on record, as Python's as_of reads dates (data.analysis, graph/page_analysis.py).
    const analysis = data.analysis;
    const record = new Map(Object.entries(analysis ? analysis.claims : {}).map(([i, c]) => [data.nodes[i].id, c]));
    const saidBy = (id, day) => !day || !record.has(id) || CG.analysis.onRecord(analysis, record.get(id), day);

    function selectedClaims(f) {
      const actorClaims = f.actor ? selects[f.members ? "members" : "actor"].get(f.actor) || new Set() : null;
      const placeClaims = f.place ? selects.place.get(f.place) || new Set() : null;
      return new Set(claimNodes.filter((n) =>
        f.sides.on.has(claimSide.get(n.id)) && f.kinds.on.has(claimKind.get(n.id)) &&
        (!actorClaims || actorClaims.has(n.id)) && (!placeClaims || placeClaims.has(n.id)) && CG.dates.datePasses(n.info, f) &&
        saidBy(n.id, f.day)
      ).map((n) => n.id));
    }

    // What a shown claim needs to be read: the claim a response answers, the actor an accusation accuses; never a
    // claim not yet said by the filter's day.
    function contextOf(claims, f) {
      const context = new Set();
      claims.forEach((id) => outgoing.get(id).forEach((e) => {
        if (CONTEXT.has(e.relation) && f.relations.on.has(e.relation) && !claims.has(e.to) && saidBy(e.to, f.day)) context.add(e.to);
      }));
      return context;
    }

    // While every claim is shown, so is every actor, source and place of a shown side: the link filter then hides
    // links only. Once a filter hides a claim, an actor, source or place stays only if a shown link joins it directly
    // to a claim still shown. Being linked to such a node is not enough: an outlet whose documents are all hidden goes,
    // and so does a body none of whose claims are left, even if one of its members still speaks. Context (contextOf)
    // stays whatever its side, dimmed.
    function visibleNodes(f) {
      const claims = selectedClaims(f);
      const everyClaim = claims.size === claimNodes.length;
      const linked = (e, end) => claims.has(e[end]) && f.relations.on.has(e.relation);
      const touchesClaim = (id) => outgoing.get(id).some((e) => linked(e, "to")) || incoming.get(id).some((e) => linked(e, "from"));
      const shown = new Set(claims);
      data.nodes.forEach((n) => {
        if (n.type === "claim") return;
        const sideOk = n.type === "place" || f.sides.on.has(n.side || "");
        if (sideOk && (everyClaim || touchesClaim(n.id) || n.id === f.actor || n.id === f.place)) shown.add(n.id);
      });
      const context = contextOf(claims, f);
      context.forEach((id) => { if (shown.has(id)) context.delete(id); else shown.add(id); });
      return { shown: shown, context: context };
    }

    // A link is shown when its relation is and both its ends are.
    const edgeShown = (e, f, shown) => f.relations.on.has(e.relation) && shown.has(e.from) && shown.has(e.to);

    return { saidBy: saidBy, selectedClaims: selectedClaims, contextOf: contextOf, visibleNodes: visibleNodes, edgeShown: edgeShown };
  }

  return { create: create };
})();

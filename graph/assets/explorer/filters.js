/* filters.js: which nodes the filters show, PURE functions of the data and a filter state.
 *
 * A filter state: { sides, kinds, relations: { all, on: Set of values }, actor, place, from, to (ISO dates or ""),
 * undated, members (booleans), day (null, or an ISO day: only what had been said by then) }.
 *
 * visibility(f) answers by position in data.nodes and data.edges (typed arrays of flags), in a few passes over the
 * data: at 20,000 claims and 128,000 links a filter change must answer in well under 200 ms, and sets of ids cost
 * many times more. selectedClaims, contextOf and visibleNodes give the same answers as sets of ids.
 */
CG.filters = (function () {
  "use strict";

  // The filter rule is decided in Python (graph/queries/filters.py, select_claims): the data lists, for each
  // actor, side, kind and place, the claims it selects. The page only intersects those lists.
  function create(data) {
    const nodes = data.nodes;
    const count = nodes.length;
    const isClaim = Uint8Array.from(nodes, (n) => (n.type === "claim" ? 1 : 0));
    const claimIndices = Int32Array.from(nodes.keys()).filter((i) => isClaim[i]);
    const selects = {};  // filter name -> value -> the node indices of the claims it selects
    Object.entries(data.filters.selects).forEach(([name, values]) => { selects[name] = new Map(Object.entries(values)); });
    // Each claim's side and kind, as an index into the filter's values (-1: none): a filter state ticks values.
    const valueIndex = (name) => {
      const values = [...selects[name].keys()];
      const found = new Int32Array(count).fill(-1);
      values.forEach((value, k) => selects[name].get(value).forEach((i) => { found[i] = k; }));
      return { values: values, of: found, on: (ticked) => Uint8Array.from(values, (v) => (ticked.on.has(v) ? 1 : 0)) };
    };
    const claimSide = valueIndex("side");
    const claimKind = valueIndex("kind");

    // Links as parallel arrays: ends, relation (an index into `relations`), and whether it gives context.
    const relations = [...new Set(data.edges.map((e) => e[2]))];
    const relationIndex = new Map(relations.map((r, k) => [r, k]));
    const CONTEXT = new Set(data.filters.context);
    const edgeFrom = Int32Array.from(data.edges, (e) => e[0]);
    const edgeTo = Int32Array.from(data.edges, (e) => e[1]);
    const edgeRelation = Int32Array.from(data.edges, (e) => relationIndex.get(e[2]));
    const edgeGivesContext = Uint8Array.from(data.edges, (e) => (CONTEXT.has(e[2]) ? 1 : 0));
    const relationsOn = (f) => Uint8Array.from(relations, (r) => (f.relations.on.has(r) ? 1 : 0));

    // The day each claim came on record, as Python's as_of reads dates (data.analysis, graph/page_analysis.py).
    const analysis = data.analysis;
    const record = new Array(count);
    Object.entries(analysis ? analysis.claims : {}).forEach(([i, c]) => { record[Number(i)] = c; });
    const saidAt = (i, day) => !day || record[i] === undefined || CG.analysis.onRecord(analysis, record[i], day);

    // 1 at each claim the filters select.
    function claimMask(f) {
      const mask = new Uint8Array(count);
      const actorClaims = f.actor ? selects[f.members ? "members" : "actor"].get(f.actor) || [] : null;
      const place = f.place ? new Set(selects.place.get(f.place) || []) : null;
      const sideOn = claimSide.on(f.sides), kindOn = claimKind.on(f.kinds);
      const datesMatter = f.from || f.to || !f.undated;
      (actorClaims || claimIndices).forEach((i) => {
        const side = claimSide.of[i], kind = claimKind.of[i];
        if (isClaim[i] && side >= 0 && sideOn[side] && kind >= 0 && kindOn[kind] && (!place || place.has(i)) &&
            (!datesMatter || CG.dates.datePasses(nodes[i].info, f)) && saidAt(i, f.day)) mask[i] = 1;
      });
      return mask;
    }

    // What a shown claim needs to be read: the claim a response answers, the actor an accusation accuses; never a
    // claim not yet said by the filter's day. 1 at each such node outside `claims` (a claim mask).
    function contextMask(claims, f, on) {
      const context = new Uint8Array(count);
      for (let k = 0; k < edgeFrom.length; k++) {
        const to = edgeTo[k];
        if (edgeGivesContext[k] && claims[edgeFrom[k]] && on[edgeRelation[k]] && !claims[to] && saidAt(to, f.day)) context[to] = 1;
      }
      return context;
    }

    // 1 at each node a shown link joins directly to a claim in `claims`.
    function touchingClaims(claims, on) {
      const touched = new Uint8Array(count);
      for (let k = 0; k < edgeFrom.length; k++) {
        if (!on[edgeRelation[k]]) continue;
        if (claims[edgeTo[k]]) touched[edgeFrom[k]] = 1;
        if (claims[edgeFrom[k]]) touched[edgeTo[k]] = 1;
      }
      return touched;
    }

    // While every claim is shown, so is every actor, source and place of a shown side: the link filter then hides
    // links only. Once a filter hides a claim, an actor, source or place stays only if a shown link joins it directly
    // to a claim still shown. Being linked to such a node is not enough: an outlet whose documents are all hidden goes,
    // and so does a body none of whose claims are left, even if one of its members still speaks. Context (contextMask)
    // stays whatever its side, dimmed. A link is shown when its relation is and both its ends are.
    // Returns { shown, context } by node index and { edges } by link index, each 1 where true.
    function visibility(f) {
      const claims = claimMask(f);
      const on = relationsOn(f);
      const everyClaim = claimIndices.every((i) => claims[i]);
      const touched = everyClaim ? null : touchingClaims(claims, on);
      const shown = new Uint8Array(count);
      nodes.forEach((n, i) => {
        if (isClaim[i]) { shown[i] = claims[i]; return; }
        const sideOk = n.type === "place" || f.sides.on.has(n.side || "");
        if (sideOk && (everyClaim || touched[i] || n.id === f.actor || n.id === f.place)) shown[i] = 1;
      });
      const context = contextMask(claims, f, on);
      context.forEach((c, i) => { if (c && shown[i]) context[i] = 0; else if (c) shown[i] = 1; });
      const edges = new Uint8Array(edgeFrom.length);
      for (let k = 0; k < edges.length; k++) edges[k] = on[edgeRelation[k]] && shown[edgeFrom[k]] && shown[edgeTo[k]];
      return { shown: shown, context: context, edges: edges };
    }

    const idsOf = (mask) => new Set(nodes.filter((n, i) => mask[i]).map((n) => n.id));
    const maskOf = (ids) => Uint8Array.from(nodes, (n) => (ids.has(n.id) ? 1 : 0));

    const selectedClaims = (f) => idsOf(claimMask(f));
    const contextOf = (claims, f) => idsOf(contextMask(maskOf(claims), f, relationsOn(f)));
    function visibleNodes(f) {
      const seen = visibility(f);
      return { shown: idsOf(seen.shown), context: idsOf(seen.context) };
    }

    return { selectedClaims: selectedClaims, contextOf: contextOf, visibility: visibility,
             visibleNodes: visibleNodes };
  }

  return { create: create };
})();

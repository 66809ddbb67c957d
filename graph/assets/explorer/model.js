/* model.js: the page data's nodes and links indexed for lookups, PURE (built once from the data). */
CG.model = (function () {
  "use strict";

  // The vocabulary (graph/vocabulary.py) decides kinds, node types and which relations answer a claim.
  function create(data) {
    const edgeList = data.edges.map((e, i) => ({
      id: i, from: data.nodes[e[0]].id, to: data.nodes[e[1]].id, relation: e[2], extra: e[3] || {},
    }));
    const outgoing = new Map(data.nodes.map((n) => [n.id, []]));
    const incoming = new Map(data.nodes.map((n) => [n.id, []]));
    edgeList.forEach((e) => { outgoing.get(e.from).push(e); incoming.get(e.to).push(e); });
    const byId = new Map(data.nodes.map((n) => [n.id, n]));
    const infoOf = (id) => (byId.get(id) || {}).info;
    return {
      byId: byId,
      sideById: new Map(data.sides.map((s) => [s.id, s])),
      relationById: new Map(data.relations.map((r) => [r.id, r])),
      typeOrder: Object.fromEntries(data.nodeTypes.map((t, i) => [t, i])),
      responses: new Set(data.relations.filter((r) => r.response).map((r) => r.id)),
      stances: new Set(data.relations.filter((r) => r.stance).map((r) => r.id)),
      claimNodes: data.nodes.filter((n) => n.type === "claim"),
      edgeList: edgeList, outgoing: outgoing, incoming: incoming,
      byDate: (a, b) => CG.dates.compareDates(infoOf(a), infoOf(b)),  // node ids, earliest first
    };
  }

  return { create: create };
})();

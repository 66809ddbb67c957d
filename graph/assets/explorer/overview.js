/* overview.js: what the canvas draws. Below the threshold Python sets (graph/overview.py) that is every node; above
 * it the page opens on an overview, one node per side and per proposition, and draws a proposition's claims when
 * it is expanded (clicked, chosen from the list or from search). "Show everything" draws the whole graph.
 * Which propositions are expanded, and whether everything is shown, are part of the view (address.js): overviewView()
 * reads them and setOverview(view) restores them, back to the overview itself when the view does not show everything.
 *
 * Every module updates node and link styles through updateNodes/updateEdges, which pass on only what is drawn;
 * whatever is drawn later takes its style from the shared state (hidden, dimmed, context) when it is drawn.
 */
CG.overview = function (app) {
  "use strict";

  const { $, el, append } = CG.dom;
  const { data, model, state, api } = app;
  const { mix, darken, DIM_NODE, CONTEXT_NODE, DIM_EDGE, SOLID_NODE, SOLID_EDGE } = CG.style;
  const view = data.overview;
  const REVEAL_LIMIT = 400;  // a search matching more draws its first 400 matches
  const SIDE_PREFIX = "overview:side:";
  const EDGE_PREFIX = "overview:edge:";
  const ov = { everything: !view, drawn: new Set(), drawnEdges: new Set(), expanded: new Set(), styled: null };

  const place = new Map();
  const groupOf = new Map();  // proposition id -> ids of its claims
  const overviewNodeIds = new Set();
  const aggregatesOf = new Map();  // proposition id -> its aggregate links, drawn while it is expanded
  if (view) {
    view.edges.forEach((e, k) => {
      const to = view.nodes[e[1]].id;
      if (!aggregatesOf.has(to)) aggregatesOf.set(to, []);
      aggregatesOf.get(to).push(aggregateEdge(e, k));
    });
    view.nodes.forEach((n) => { if (n.node !== null) place.set(n.id, { x: n.x, y: n.y }); });
    Object.entries(view.places).forEach(([i, [x, y]]) => place.set(data.nodes[i].id, { x: x, y: y }));
    Object.entries(view.groups).forEach(([i, members]) => groupOf.set(data.nodes[i].id, members.map((m) => data.nodes[m].id)));
    view.nodes.forEach((n) => overviewNodeIds.add(n.id));
  }

  const inOverview = () => !ov.everything;

  // --- what a drawn node or link looks like now --------------------------------------------------

  function nodeNow(id) {
    const base = ov.styled.nodes.get(id);
    const look = state.dimmedNodes.has(id) ? DIM_NODE : state.context.has(id) ? CONTEXT_NODE : {};
    const at = inOverview() ? place.get(id) : null;
    return Object.assign({}, base, state.dashesShown ? {} : SOLID_NODE, at || {}, look, { hidden: state.hidden.has(id) });
  }

  function edgeNow(e) {
    const look = state.dimmedEdges.has(e.id) ? DIM_EDGE : {};
    return Object.assign({}, ov.styled.edges[e.id], state.dashesShown ? {} : SOLID_EDGE, look, { hidden: state.hiddenEdges.has(e.id) });
  }

  function sideNode(n) {
    const side = model.sideById.get(n.side);
    const colour = side ? side.colour : data.noSideColour;
    return { id: n.id, label: n.label, x: n.x, y: n.y, shape: "box", margin: 12, borderWidth: 2,
             font: { size: 22, color: "#1a1a1a", multi: false },
             color: { background: mix(colour, 0.7), border: darken(colour, 0.2),
                      highlight: { background: mix(colour, 0.55), border: "#111" } } };
  }

  // A proposition in the overview: a box with its status and counts, its border the status's colour.
  const STATUS_BORDER = { disputed: "#6A3D9A", unanswered: "#D55E00" };

  function propositionNode(n) {
    const border = STATUS_BORDER[n.status] || "#555555";
    const look = { color: { background: "#ffffff", border: border, highlight: { background: "#eef4fb", border: "#111" } },
                   font: { color: "#1a1a1a", size: 20, strokeWidth: 0 }, shapeProperties: { borderDashes: false } };
    state.baseNodes.set(n.id, look);  // what undimming and context restore while the overview is shown
    return Object.assign({}, ov.styled.nodes.get(n.id), look, { x: n.x, y: n.y, label: n.label, shape: "box",
                                                                  borderWidth: 2.5, margin: 8 });
  }

  function aggregateEdge([from, to, stance, count], k) {
    const relation = model.relationById.get(stance === "for" ? "asserts" : "denies") || { colour: "#999" };
    return { id: EDGE_PREFIX + k, from: view.nodes[from].id, to: view.nodes[to].id, width: Math.min(1 + Math.log2(count), 6),
             dashes: stance !== "for", color: { color: relation.colour, opacity: 0.35, inherit: false } };
  }

  // --- the items the canvas starts with ----------------------------------------------------------

  function canvasItems(styledNodes, styledEdges) {
    ov.styled = { nodes: new Map(styledNodes.map((s) => [s.id, s])), edges: styledEdges };
    return view ? overviewItems() : { nodes: styledNodes, edges: styledEdges };
  }

  // The overview's own nodes and the links among them, as they look now, with nothing expanded.
  function overviewItems() {
    ov.drawn = new Set();
    ov.drawnEdges = new Set();
    ov.expanded = new Set();
    const nodes = view.nodes.map((n) => (n.node === null ? sideNode(n)
      : Object.assign(propositionNode(n), { hidden: state.hidden.has(n.id) })));
    view.nodes.forEach((n) => { if (n.node !== null) ov.drawn.add(n.id); });
    return { nodes: nodes, edges: newEdges() };
  }

  // Links between drawn nodes that are not drawn yet, marked as drawn.
  function newEdges(among) {
    const found = [];
    (among || ov.drawn).forEach((id) => {
      model.outgoing.get(id).concat(model.incoming.get(id)).forEach((e) => {
        if (ov.drawnEdges.has(e.id) || !ov.drawn.has(e.from) || !ov.drawn.has(e.to)) return;
        ov.drawnEdges.add(e.id);
        found.push(edgeNow(e));
      });
    });
    return found;
  }

  // --- style updates: only what is drawn --------------------------------------------------------

  function updateNodes(updates) {
    const drawn = ov.everything ? updates : updates.filter((u) => ov.drawn.has(u.id));
    if (drawn.length) api.nodes.update(drawn);
  }

  function updateEdges(updates) {
    const drawn = ov.everything ? updates : updates.filter((u) => ov.drawnEdges.has(u.id));
    if (drawn.length) api.edges.update(drawn);
  }

  // The overview's own nodes keep their colours while something is selected: dimming thousands of them made
  // every click take most of a second at 20,000 claims, and the selection's own links show where it stands.
  const dimmable = (id) => ov.everything || !overviewNodeIds.has(id);

  // --- drawing more, and less --------------------------------------------------------------------

  // Draw the nodes `ids` (at most REVEAL_LIMIT new ones) and the links among what is drawn; return those drawn.
  function reveal(ids) {
    if (ov.everything) return ids;
    const fresh = ids.filter((id) => !ov.drawn.has(id) && place.has(id)).slice(0, REVEAL_LIMIT);
    fresh.forEach((id) => ov.drawn.add(id));
    if (fresh.length) api.nodes.add(fresh.map(nodeNow));
    const edges = newEdges(fresh);
    if (edges.length) api.edges.add(edges);
    if (fresh.length) updateBar();
    return ids.filter((id) => ov.drawn.has(id));
  }

  function expand(id) {
    if (ov.everything || !groupOf.has(id)) return false;
    if (!ov.expanded.has(id)) api.edges.add(aggregatesOf.get(id) || []);
    ov.expanded.add(id);
    reveal(groupOf.get(id));
    updateBar();
    return true;
  }

  // What must stay drawn: the overview's own nodes, the claims of expanded propositions, the selection.
  function keptNodes() {
    const keep = new Set(overviewNodeIds);
    ov.expanded.forEach((p) => groupOf.get(p).forEach((id) => keep.add(id)));
    if (state.current) keep.add(state.current);
    return keep;
  }

  function collapse(id) {
    if (ov.everything) return;
    const closing = id === undefined ? [...ov.expanded] : [id].filter((p) => ov.expanded.has(p));
    closing.forEach((p) => { ov.expanded.delete(p); api.edges.remove((aggregatesOf.get(p) || []).map((e) => e.id)); });
    const keep = keptNodes();
    const gone = [...ov.drawn].filter((n) => !keep.has(n));
    gone.forEach((n) => ov.drawn.delete(n));
    const edges = [...ov.drawnEdges].filter((k) => !ov.drawn.has(model.edgeList[k].from) || !ov.drawn.has(model.edgeList[k].to));
    edges.forEach((k) => ov.drawnEdges.delete(k));
    api.edges.remove(edges);
    api.nodes.remove(gone);
    updateBar();
  }

  // A node about to be selected: a proposition's claims are drawn with it; any other node is drawn alone.
  function bringIntoView(id) {
    if (!expand(id)) reveal([id]);
  }

  function showEverything() {
    if (ov.everything) return;
    ov.everything = true;
    app.writeAddress(true);
    ov.styled.nodes.forEach((s, id) => state.baseNodes.set(id, { color: s.color, font: s.font || {},
                                                             shapeProperties: s.shapeProperties || { borderDashes: false } }));
    $("cg-loading").textContent = "Drawing " + data.nodes.length.toLocaleString("en") + " nodes…";
    $("cg-loading").hidden = false;
    updateBar();
    // let the message paint before the long draw
    requestAnimationFrame(() => setTimeout(() => {
      if (!ov.everything) return;  // Back to the overview before the draw began
      api.nodes = new vis.DataSet([...ov.styled.nodes.keys()].map(nodeNow));
      api.edges = new vis.DataSet(model.edgeList.map(edgeNow));
      const at = state.moved ? { position: api.network.getViewPosition(), scale: api.network.getScale() } : null;
      api.network.setData({ nodes: api.nodes, edges: api.edges });
      api.network.once("afterDrawing", () => { $("cg-loading").hidden = true; });
      if (at) api.network.moveTo(Object.assign(at, { animation: false })); else app.fitAll(false);
      if (state.current) api.network.selectNodes([state.current], false);
    }, 0));
  }

  // Back from everything to the overview (Back after "Show everything", or an address without it).
  function showOverview() {
    if (!view || !ov.everything) return;
    ov.everything = false;
    $("cg-loading").hidden = true;
    const items = overviewItems();
    api.nodes = new vis.DataSet(items.nodes);
    api.edges = new vis.DataSet(items.edges);
    api.network.setData({ nodes: api.nodes, edges: api.edges });
    app.fitAll(false);
    updateBar();
  }

  // --- the overview in the view (address.js) ---------------------------------------------------------

  const overviewView = () => ({ expanded: ov.everything ? [] : [...ov.expanded].sort(), everything: view ? ov.everything : false });

  // Shows what `wanted` ({ expanded, everything }) names: everything, or the overview with those propositions
  // expanded and no others (ids that are no proposition of the overview are passed over).
  function setOverview(wanted) {
    if (!view) return;
    if (wanted.everything) { showEverything(); return; }
    showOverview();
    const open = new Set((wanted.expanded || []).filter((id) => groupOf.has(id)));
    [...ov.expanded].filter((id) => !open.has(id)).forEach((id) => collapse(id));
    open.forEach((id) => expand(id));
  }

  // The overview opens at its top left (the sides, then the open questions) at a zoom its labels can be read at.
  const OPENING_SCALE = 0.6;

  function openOverview(animate) {
    if (!inOverview()) return false;
    const box = $("cg-network").getBoundingClientRect();
    const [x, y] = view.opening;
    api.network.moveTo({ position: { x: x + box.width / 2 / OPENING_SCALE, y: y + (box.height / 2 - 110) / OPENING_SCALE },
                         scale: OPENING_SCALE, animation: animate ? { duration: 300, easingFunction: "easeInOutQuad" } : false });
    return true;
  }

  // The drawing's left, top, right and bottom: the overview's while it is shown.
  const extent = () => (inOverview() ? view.extent : data.extent);

  // Side nodes and aggregate links are the overview's own: a click on one tells what it stands for.
  function overviewClick(params) {
    const node = params.nodes[0], edge = params.edges[0];
    const own = node ? String(node).startsWith(SIDE_PREFIX) : String(edge).startsWith(EDGE_PREFIX);
    if (!own || (!node && edge === undefined)) return false;
    if (node) {
      app.clearSelection();
      api.network.selectNodes([node], false);
    }
    const n = node ? view.nodes.find((o) => o.id === node) : null;
    const k = node ? -1 : Number(String(edge).slice(EDGE_PREFIX.length));
    $("cg-overview-note").textContent = n ? n.label.replace("\n", ": ")
      : view.nodes[view.edges[k][0]].label.split("\n")[0] + ": " + view.edges[k][3] + " claims " + view.edges[k][2] + " "
        + view.nodes[view.edges[k][1]].label.split("\n")[0];
    return true;
  }

  // --- the overview bar over the canvas ----------------------------------------------------------

  function updateBar() {
    const bar = $("cg-overview");
    if (!bar) return;
    $("cg-overview-collapse").disabled = ov.everything || !ov.expanded.size;
    $("cg-overview-all").hidden = ov.everything;
    $("cg-overview-text").textContent = ov.everything
      ? "Everything: " + data.nodes.length.toLocaleString("en") + " nodes."
      : "Overview of " + model.claimNodes.length.toLocaleString("en") + " claims: " + (view.nodes.length - countSides())
        + " propositions and " + countSides() + " sides" + (ov.expanded.size ? ", " + ov.expanded.size + " expanded" : "")
        + ". Click a proposition to draw its claims.";
  }

  const countSides = () => view.nodes.filter((n) => n.node === null).length;

  function buildBar() {
    if (!view) return;
    const bar = el("div", "cg-overview");
    bar.id = "cg-overview";
    bar.setAttribute("role", "region");
    bar.setAttribute("aria-label", "Overview");
    const text = el("span", "cg-overview-text");
    text.id = "cg-overview-text";
    const collapseButton = el("button", null, "Collapse all");
    collapseButton.id = "cg-overview-collapse";
    collapseButton.type = "button";
    collapseButton.addEventListener("click", () => { collapse(); app.writeAddress(true); });
    const all = el("button", null, "Show everything (" + data.nodes.length.toLocaleString("en") + " nodes, slow)");
    all.id = "cg-overview-all";
    all.type = "button";
    all.addEventListener("click", showEverything);
    const note = el("span", "cg-overview-note");
    note.id = "cg-overview-note";
    note.setAttribute("aria-live", "polite");
    append(bar, text, collapseButton, all, note);
    $("cg-network").after(bar);
    updateBar();
  }

  buildBar();

  Object.assign(api, {
    overview: () => ({ on: inOverview(), expanded: [...ov.expanded].sort(), drawn: [...ov.drawn].sort() }),
    expand: (id) => expand(id), collapse: (id) => collapse(id), showEverything: showEverything,
  });

  return { canvasItems: canvasItems, updateNodes: updateNodes, updateEdges: updateEdges, reveal: reveal,
           bringIntoView: bringIntoView, overviewClick: overviewClick, extent: extent,
           openOverview: openOverview, dimmable: dimmable, overviewView: overviewView, setOverview: setOverview };
};

/* claimgraph explorer: draws the graph with vis-network and builds every panel from the page's JSON data.
 *
 * Every string that comes from the claim records reaches the document through textContent or a
 * form control's value, never as markup; nodes and edges get no `title`, so vis-network never shows
 * a tooltip built from data. Links leave the page only for http(s) addresses.
 *
 * window.claimgraph exposes the state for tests, benchmarks and people poking around in the console:
 * { ready, readyAt (ms after navigation), data, network, nodes, edges, select(id), search(text), applyFilters(),
 *   reset(), visibleCounts(), viewState(), restoreView(view) }.
 */
(function () {
  "use strict";

  const FONT = 'Arial, "Liberation Sans", Helvetica, sans-serif';
  const data = JSON.parse(document.getElementById("claimgraph-data").textContent);
  // The vocabulary (graph/vocabulary.py) decides kinds, node types and which relations answer a claim.
  const KIND_COLOURS = data.kinds;
  const TYPE_ORDER = Object.fromEntries(data.nodeTypes.map((t, i) => [t, i]));
  const RESPONSES = new Set(data.relations.filter((r) => r.response).map((r) => r.id));
  const STANCES = new Set(data.relations.filter((r) => r.stance).map((r) => r.id));
  const api = { ready: false, data: data, network: null, nodes: null, edges: null };
  window.claimgraph = api;

  const byId = new Map(data.nodes.map((n) => [n.id, n]));
  const sideById = new Map(data.sides.map((s) => [s.id, s]));
  const relationById = new Map(data.relations.map((r) => [r.id, r]));
  const edgeList = data.edges.map((e, i) => ({
    id: i, from: data.nodes[e[0]].id, to: data.nodes[e[1]].id, relation: e[2], extra: e[3] || {},
  }));
  const outgoing = new Map(data.nodes.map((n) => [n.id, []]));
  const incoming = new Map(data.nodes.map((n) => [n.id, []]));
  edgeList.forEach((e) => { outgoing.get(e.from).push(e); incoming.get(e.to).push(e); });

  const $ = (id) => document.getElementById(id);
  const state = { current: null, dimmedNodes: new Set(), dimmedEdges: new Set(), hidden: new Set(),
                  hiddenEdges: new Set(), baseNodes: new Map(), baseEdges: new Map(), context: new Set() };

  // --- small DOM helpers: text only ----------------------------------------------------------

  function el(tag, className, text) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined && text !== null) node.textContent = String(text);
    return node;
  }

  function append(parent, ...children) {
    children.forEach((c) => parent.append(typeof c === "string" ? document.createTextNode(c) : c));
    return parent;
  }

  function safeHttpUrl(value) {
    if (typeof value !== "string" || !/^https?:\/\//i.test(value)) return null;
    try {
      const url = new URL(value);
      return url.protocol === "http:" || url.protocol === "https:" ? url.href : null;
    } catch (error) {
      return null;
    }
  }

  function externalLink(url, text) {
    const href = safeHttpUrl(url);
    if (!href) return el("span", null, text);
    const a = el("a", "cg-external", text);
    a.href = href;
    a.target = "_blank";
    a.rel = "noopener noreferrer";
    return a;
  }

  function nodeLink(id) {
    const node = byId.get(id);
    if (!node) return el("span", null, id);  // left out of a filtered subgraph: nothing to go to
    const a = el("a", "cg-node-link", node.name);
    a.href = "#" + encodeURIComponent(id);
    a.dataset.node = id;
    a.addEventListener("click", (event) => { event.preventDefault(); select(id, { focus: true }); });
    return a;
  }

  function joinNodes(ids, separator) {
    const span = el("span");
    ids.forEach((id, i) => { if (i) append(span, separator || ", "); append(span, nodeLink(id)); });
    return span;
  }

  // --- colours and vis-network styles ----------------------------------------------------------

  function mix(hex, white) {
    const n = parseInt(hex.slice(1), 16);
    const channel = (shift) => Math.round(((n >> shift) & 255) * (1 - white) + 255 * white);
    return "rgb(" + channel(16) + "," + channel(8) + "," + channel(0) + ")";
  }

  function darken(hex, amount) {
    const n = parseInt(hex.slice(1), 16);
    const channel = (shift) => Math.round(((n >> shift) & 255) * (1 - amount));
    return "rgb(" + channel(16) + "," + channel(8) + "," + channel(0) + ")";
  }

  function nodeStyle(n) {
    const style = { id: n.id, label: n.label, x: n.x, y: n.y, shape: data.shapes[n.type] || "dot" };
    const c = n.colour;
    if (n.type === "claim") {
      // the fill is the claimant's side, the border the claim's kind (colour and dashes from the vocabulary)
      const k = KIND_COLOURS[n.info.kind] || "#555555";
      style.color = { background: mix(c, 0.8), border: k,
                      highlight: { background: mix(c, 0.6), border: "#111" }, hover: { background: mix(c, 0.7), border: k } };
      style.shapeProperties = { borderDashes: data.kindBorders[n.info.kind] || false };
      style.borderWidth = 2.5;
      style.borderWidthSelected = 3.5;
      style.margin = 6;
      style.font = { color: "#1a1a1a" };
    } else if (n.type === "source") {
      style.size = 10;
      style.color = { background: mix(c, 0.55), border: darken(c, 0.3), highlight: { background: mix(c, 0.4), border: "#111" },
                      hover: { background: mix(c, 0.4), border: "#111" } };
      style.borderWidth = 2;
      style.font = { color: "#333", size: 13, strokeWidth: 3, strokeColor: "#ffffff" };
    } else if (n.type === "actor") {
      style.size = 12;
      style.color = { background: c, border: darken(c, 0.3), highlight: { background: c, border: "#111" },
                      hover: { background: c, border: "#111" } };
      style.borderWidth = 1.5;
      style.font = { color: "#222", strokeWidth: 3, strokeColor: "#ffffff" };
    } else {
      style.size = 10;
      style.color = { background: "#7a7a7a", border: "#555", highlight: { background: "#555", border: "#111" } };
      style.font = { color: "#555", size: 12, strokeWidth: 3, strokeColor: "#ffffff" };
    }
    return style;
  }

  function edgeStyle(e) {
    const r = relationById.get(e.relation) || { colour: "#999", dashes: false, width: 1 };
    const style = { id: e.id, from: e.from, to: e.to, width: r.width, dashes: r.dashes,
                    color: { color: r.colour, highlight: r.colour, hover: r.colour, inherit: false } };
    if (data.timeline) style.smooth = rowArc(byId.get(e.from), byId.get(e.to));
    return style;
  }

  // A timeline link between two nodes of one row would run straight through the nodes between them and read
  // as a chain: it arcs over them instead, about ARC_RISE canvas pixels high whatever its length.
  const ARC_RISE = 22;

  function rowArc(from, to) {
    const dx = to.x - from.x;
    if (Math.abs(to.y - from.y) > 20 || Math.abs(dx) < 60) return undefined;
    // vis-network bows curvedCW links to the left of their direction: upwards for one that runs rightwards
    return { enabled: true, type: dx > 0 ? "curvedCW" : "curvedCCW",
             roundness: Math.min(0.6, ARC_RISE / (0.39 * Math.abs(dx))) };
  }

  const DIM_NODE = { color: { background: "#f1f1f1", border: "#e0e0e0",
                              highlight: { background: "#f1f1f1", border: "#e0e0e0" } },
                     font: { color: "#c9c9c9", strokeWidth: 0 } };
  const CONTEXT_NODE = { color: { background: "#f4f4f4", border: "#8a8a8a",
                                  highlight: { background: "#e8e8e8", border: "#111" } },
                         font: { color: "#595959", strokeWidth: 0 } };
  const DIM_EDGE = { color: { color: "#ececec", highlight: "#ececec", hover: "#ececec", inherit: false } };

  // --- the network ---------------------------------------------------------------------------

  function networkOptions() {
    const big = data.nodes.length > 1500;
    return {
      autoResize: true,
      physics: { enabled: false },
      layout: { randomSeed: 7, improvedLayout: false },
      interaction: { hover: !big, hideEdgesOnDrag: big, hideEdgesOnZoom: big, multiselect: false,
                     selectConnectedEdges: false, tooltipDelay: 3600000 },
      nodes: { font: { face: FONT, size: 14 }, shapeProperties: { interpolation: false } },
      edges: { arrows: { to: { enabled: true, scaleFactor: 0.55 } }, selectionWidth: 1, hoverWidth: 0.5,
               smooth: big ? false : { enabled: true, type: "continuous", roundness: 0.15 } },
    };
  }

  function start() {
    const styledNodes = data.nodes.map(nodeStyle);
    const styledEdges = edgeList.map(edgeStyle);
    styledNodes.forEach((s) => state.baseNodes.set(s.id, { color: s.color, font: s.font || {},
                                                       shapeProperties: s.shapeProperties || { borderDashes: false } }));
    styledEdges.forEach((s) => state.baseEdges.set(s.id, { color: s.color }));
    api.nodes = new vis.DataSet(styledNodes);
    api.edges = new vis.DataSet(styledEdges);
    api.network = new vis.Network($("cg-network"), { nodes: api.nodes, edges: api.edges }, networkOptions());
    if (data.timeline) api.network.on("beforeDrawing", drawTimeline);
    api.network.on("click", onClick);
    api.network.on("hoverNode", preview);
    api.network.on("blurNode", hidePreview);
    api.network.on("dragStart", hidePreview);
    const moved = () => { state.moved = true; writeAddress(false); };
    api.network.on("dragEnd", (params) => { if (!params.nodes.length) moved(); });
    api.network.on("zoom", () => { clearTimeout(state.zoomTimer); state.zoomTimer = setTimeout(moved, 250); });
    api.network.once("afterDrawing", onFirstDraw);
    fitAll(false);
  }

  // Below this zoom a timeline's 14 px labels are drawn under 9 px: too small to read. A timeline too big to
  // fit at this zoom opens at its start instead, the first date column's left edge and the headings at the top
  // left, and the rest of the story is a drag away.
  const READABLE_TIMELINE_SCALE = 0.65;

  function fitAll(animate) {
    const [left, top, right, bottom] = data.extent;
    const box = $("cg-network").getBoundingClientRect();
    // the timeline keeps the strip under the hint bar free; its headings and band names are in the extent
    const margin = data.timeline ? { x: 12, top: 40, bottom: 8 } : { x: 16, top: 16, bottom: 16 };
    const width = box.width - 2 * margin.x, height = box.height - margin.top - margin.bottom;
    let scale = Math.min(width / Math.max(right - left, 1), height / Math.max(bottom - top, 1), 1.5);
    let x = (left + right) / 2, y = (top + bottom) / 2;
    if (data.timeline && scale < READABLE_TIMELINE_SCALE) {
      scale = READABLE_TIMELINE_SCALE;
      const start = data.timeline.columns.length ? data.timeline.columns[0][0] : left;
      x = Math.min(x, start + width / 2 / scale);
      y = Math.min(y, top + height / 2 / scale);
    }
    const position = { x: x, y: y + (margin.bottom - margin.top) / 2 / scale };
    api.network.moveTo({ position: position, scale: scale,
                         animation: animate ? { duration: 300, easingFunction: "easeInOutQuad" } : false });
  }

  function onFirstDraw() {
    $("cg-loading").hidden = true;
    const pending = data.embedded ? null : window.claimgraphPendingView;
    if (pending) restoreView(pending);
    else if (!fromHash()) updateCounts();
    api.ready = true;
    api.readyAt = performance.now();
  }

  function onClick(params) {
    hidePreview();
    if (params.nodes.length) select(params.nodes[0], { focus: false });
    else if (params.edges.length) explainEdge(params.edges[0]);
    else clearSelection();
  }

  // --- hover previews and edge explanations ---------------------------------------------------------

  function preview(params) {
    const n = byId.get(params.node);
    const box = $("cg-preview");
    const what = n.type === "claim" ? n.info.kind + (n.info.date_text ? ", " + n.info.date_text : "") : n.type;
    const text = String(n.info.text || n.info.statement || n.info.description || "");
    box.replaceChildren(el("strong", null, n.name), el("div", "cg-type", what));
    if (text) append(box, el("div", null, text.length > 160 ? text.slice(0, 157) + "…" : text));
    box.hidden = false;
    const stage = $("cg-network").getBoundingClientRect();
    const { x, y } = params.pointer.DOM;
    box.style.left = Math.max(4, Math.min(x + 14, stage.width - box.offsetWidth - 4)) + "px";
    box.style.top = Math.max(4, Math.min(y + 14, stage.height - box.offsetHeight - 4)) + "px";
  }

  function hidePreview() {
    $("cg-preview").hidden = true;
  }
  api.preview = (id) => { const pos = api.network.canvasToDOM(byId.get(id)); preview({ node: id, pointer: { DOM: pos } }); };

  function explainEdge(edgeId) {
    const e = edgeList[edgeId];
    const relation = relationById.get(e.relation) || { text: e.relation, meaning: "" };
    const panel = $("cg-details");
    panel.hidden = false;
    const close = el("button", "cg-close", "×");
    close.type = "button";
    close.setAttribute("aria-label", "Close details");
    close.addEventListener("click", clearSelection);
    panel.replaceChildren(close, el("h2", "cg-name", relation.text.split(" (")[0]));
    append(panel, append(el("p", "cg-edge-ends"), nodeLink(e.from), " → ", nodeLink(e.to)));
    if (relation.meaning) append(panel, el("p", "cg-text", relation.meaning));
    field(panel, "Confidence", e.extra.confidence);
    field(panel, "Through", (e.extra.via || []).length ? joinNodes(e.extra.via, " → ") : null);
    field(panel, "Translated", e.extra.translated ? "yes" : null);
    field(panel, "Inferred", e.extra.inferred ? "yes: not stated in the records, worked out from them" : null);
    if (e.extra.note) section(panel, "Note", el("p", "cg-note", e.extra.note));
    api.network.selectEdges([edgeId]);
  }
  api.explainEdge = explainEdge;

  // Drawn in canvas units, like the node labels: the layout kept room for every heading and band name.
  function drawTimeline(ctx) {
    const [left, top, right, bottom] = data.extent;
    const { columns, bands, fontSize, nameInset } = data.timeline;
    const lastBand = bands.length ? bands[bands.length - 1][1] : bottom;
    ctx.save();
    bands.forEach(([bandTop, bandBottom, , colour]) => {
      ctx.fillStyle = mix(colour, 0.95);
      ctx.fillRect(left, bandTop, right - left, bandBottom - bandTop);
    });
    ctx.font = "bold " + fontSize + "px " + FONT;
    ctx.textBaseline = "alphabetic";
    columns.forEach(([columnLeft, columnRight, text], i) => {
      ctx.fillStyle = "#555";
      ctx.textAlign = "center";
      ctx.fillText(text, (columnLeft + columnRight) / 2, top + fontSize + 2);
      if (i === 0) return;
      const x = (columns[i - 1][1] + columnLeft) / 2;  // a line in the gap between two columns
      ctx.strokeStyle = "#d0d0d0";
      ctx.lineWidth = 1;
      ctx.beginPath();
      ctx.moveTo(x, top);
      ctx.lineTo(x, lastBand);
      ctx.stroke();
    });
    ctx.textAlign = "left";
    bands.forEach(([bandTop, , text, colour]) => {
      ctx.fillStyle = darken(colour, 0.15);
      ctx.fillText(text, left + nameInset, bandTop + fontSize + 3);  // beside its first row, or above it
    });
    ctx.restore();
  }

  // --- selection, highlight and the address bar ----------------------------------------------

  function neighbourhood(id) {
    const ids = new Set([id]);
    const edges = new Set();
    outgoing.get(id).forEach((e) => { ids.add(e.to); edges.add(e.id); });
    incoming.get(id).forEach((e) => { ids.add(e.from); edges.add(e.id); });
    return { ids: ids, edges: edges };
  }

  // Context nodes (kept by a filter only to explain what is shown) are drawn faded, in grey.
  function baseStyle(id) {
    return state.context.has(id) ? CONTEXT_NODE : state.baseNodes.get(id);
  }

  function setContext(context) {
    const changed = [...context].filter((id) => !state.context.has(id)).concat([...state.context].filter((id) => !context.has(id)));
    state.context = context;
    const updates = changed.filter((id) => !state.dimmedNodes.has(id)).map((id) => Object.assign({ id: id }, baseStyle(id)));
    if (updates.length) api.nodes.update(updates);
  }
  api.contextNodes = () => [...state.context].sort();

  function highlight(keep) {
    const nodeUpdates = [];
    data.nodes.forEach((n) => {
      const dim = keep !== null && !keep.ids.has(n.id);
      if (dim === state.dimmedNodes.has(n.id)) return;
      if (dim) state.dimmedNodes.add(n.id); else state.dimmedNodes.delete(n.id);
      nodeUpdates.push(Object.assign({ id: n.id }, dim ? DIM_NODE : baseStyle(n.id)));
    });
    const edgeUpdates = [];
    edgeList.forEach((e) => {
      const dim = keep !== null && !keep.edges.has(e.id);
      if (dim === state.dimmedEdges.has(e.id)) return;
      if (dim) state.dimmedEdges.add(e.id); else state.dimmedEdges.delete(e.id);
      edgeUpdates.push(Object.assign({ id: e.id }, dim ? DIM_EDGE : state.baseEdges.get(e.id)));
    });
    if (nodeUpdates.length) api.nodes.update(nodeUpdates);
    if (edgeUpdates.length) api.edges.update(edgeUpdates);
  }

  function select(id, options) {
    const opts = options || {};
    if (!byId.has(id) || !api.network) return false;
    if (state.hidden.has(id)) { offerHidden(id); return false; }
    state.current = id;
    api.network.selectNodes([id], false);
    highlight(neighbourhood(id));
    showDetails(byId.get(id));
    markListed(id);
    if (opts.focus) focusOn([id]);
    writeAddress(true);
    return true;
  }

  // A node the filters hide is not shown by surprise: the panel says so and offers to clear the filters.
  function offerHidden(id) {
    const panel = $("cg-details");
    panel.hidden = false;
    const show = el("button", "cg-show-hidden", "Clear the filters and show it");
    show.type = "button";
    show.addEventListener("click", () => { resetFilters(); select(id, { focus: true }); });
    const keep = el("button", "cg-keep-filters", "Keep the filters");
    keep.type = "button";
    keep.addEventListener("click", hideDetails);
    panel.replaceChildren(el("h2", null, byId.get(id).name), el("p", null, "The filters hide this " + byId.get(id).type + "."),
                          append(el("p", "cg-offer"), show, " ", keep));
    show.focus();
  }

  function focusOn(ids) {
    if (ids.length === 1) {
      const scale = Math.max(api.network.getScale(), 0.9);
      // on a phone the details sheet covers the lower half: centre the node in the part left above it
      const sheet = $("cg-details");
      const covered = window.matchMedia("(max-width: 700px)").matches && !sheet.hidden ? sheet.offsetHeight : 0;
      api.network.focus(ids[0], { scale: scale, offset: { x: 0, y: -covered / 2 },
                                  animation: { duration: 350, easingFunction: "easeInOutQuad" } });
    } else if (ids.length) {
      api.network.fit({ nodes: ids, animation: { duration: 350, easingFunction: "easeInOutQuad" } });
    }
  }

  function clearSelection() {
    state.current = null;
    api.network.unselectAll();
    highlight(null);
    hideDetails();
    markListed(null);
    writeAddress(true);
  }

  // The address holds the view: "#<node id>" for a selection alone, else parameters
  // (node, hide-sides, hide-kinds, hide-links, actor, members, place, from, to, undated, x, y, zoom).
  // Selections and filters add a history entry; panning and zooming replace the current one.
  const HIDE_KEYS = { "cg-filter-sides": "hide-sides", "cg-filter-kinds": "hide-kinds", "cg-filter-relations": "hide-links" };
  const VALUE_KEYS = { "cg-filter-actor": "actor", "cg-filter-place": "place", "cg-date-from": "from", "cg-date-to": "to" };
  const NO_SIDE = "none";

  function viewFragment() {
    const view = viewState();
    const p = new URLSearchParams();
    if (view.selected) p.set("node", view.selected);
    Object.entries(HIDE_KEYS).forEach(([id, key]) => {
      if (view.unchecked[id].length) p.set(key, view.unchecked[id].map((v) => v || NO_SIDE).join(","));
    });
    Object.entries(VALUE_KEYS).forEach(([id, key]) => { if (view.values[id]) p.set(key, view.values[id]); });
    if (view.members) p.set("members", "1");
    if (!view.undated) p.set("undated", "0");
    if (state.moved) {
      p.set("x", Math.round(view.position.x));
      p.set("y", Math.round(view.position.y));
      p.set("zoom", view.scale.toFixed(3));
    }
    const keys = [...p.keys()];
    if (!keys.length) return "";
    return keys.length === 1 && view.selected ? "#" + encodeURIComponent(view.selected) : "#" + p.toString();
  }
  api.viewFragment = viewFragment;

  function parseFragment(hash) {
    const text = hash.replace(/^#/, "");
    const view = { selected: null, unchecked: {}, values: {}, undated: true, members: false };
    Object.keys(HIDE_KEYS).forEach((id) => { view.unchecked[id] = []; });
    Object.keys(VALUE_KEYS).forEach((id) => { view.values[id] = ""; });
    if (!text.includes("=")) {
      try { view.selected = decodeURIComponent(text) || null; } catch (error) { return null; }
      return view;
    }
    const p = new URLSearchParams(text);
    view.selected = p.get("node");
    Object.entries(HIDE_KEYS).forEach(([id, key]) => {
      view.unchecked[id] = (p.get(key) || "").split(",").filter(Boolean).map((v) => (v === NO_SIDE ? "" : v));
    });
    Object.entries(VALUE_KEYS).forEach(([id, key]) => { view.values[id] = p.get(key) || ""; });
    view.members = p.get("members") === "1";
    view.undated = p.get("undated") !== "0";
    const [x, y, zoom] = ["x", "y", "zoom"].map((k) => Number(p.get(k)));
    if (p.has("zoom") && [x, y, zoom].every(Number.isFinite) && zoom > 0) {
      view.position = { x: x, y: y };
      view.scale = zoom;
    }
    return view;
  }

  function writeAddress(push) {
    if (data.embedded || state.restoring || !api.ready) return;
    const wanted = viewFragment();
    if (location.hash === wanted || (!wanted && !location.hash)) return;
    try {
      const url = wanted || location.pathname + location.search;
      if (push) history.pushState(null, "", url); else history.replaceState(null, "", url);
    } catch (error) {
      /* a page shown from srcdoc or a sandbox may not change its address: the view still works */
    }
  }

  function fromHash() {
    if (data.embedded) return false;
    const view = parseFragment(location.hash);
    if (!view || location.hash === viewFragment()) return false;
    restoreView(view);
    return true;
  }

  window.addEventListener("popstate", fromHash);
  window.addEventListener("hashchange", fromHash);

  // --- details panel -----------------------------------------------------------------------------

  function hideDetails() {
    const panel = $("cg-details");
    panel.replaceChildren();
    panel.hidden = true;
  }

  function showDetails(n) {
    const panel = $("cg-details");
    panel.replaceChildren();
    panel.hidden = false;
    const close = el("button", "cg-close", "×");
    close.type = "button";
    close.setAttribute("aria-label", "Close details");
    close.addEventListener("click", clearSelection);
    append(panel, close, el("h2", "cg-name", n.name), headline(n));
    const builders = {
      claim: claimDetails, actor: actorDetails, source: sourceDetails, place: placeDetails,
      proposition: propositionDetails, evidence: evidenceDetails,
    };
    (builders[n.type] || genericDetails)(n, panel);
    append(panel, el("p", "cg-note", "id: " + n.id));
    panel.scrollTop = 0;
  }

  function headline(n) {
    const p = el("p", "cg-meta");
    const badge = el("span", "cg-badge", n.type === "claim" ? n.info.kind : n.type);
    badge.style.background = n.type === "claim" ? (KIND_COLOURS[n.info.kind] || "#777") : "#777";
    append(p, badge);
    const side = n.side ? sideById.get(n.side) : null;
    if (side) {
      const swatch = el("span", "cg-swatch");
      swatch.style.background = side.colour;
      append(p, swatch, " " + side.name);
    }
    if (n.type === "actor" && n.info.kind) append(p, " · " + n.info.kind.replace(/-/g, " "));
    if (n.info.draft) append(p, " · ", el("strong", "cg-draft", "draft: not yet checked by a curator"));
    return p;
  }

  /* A quote with its editorial marks shown as marks: [insertions] and elisions in their own style. */
  function quoteBlock(text, parts) {
    const block = el("blockquote", "cg-quote", parts ? "" : text);
    (parts || []).forEach(([kind, words], i) => {
      if (i) append(block, " ");
      if (kind === "words") append(block, words);
      else {
        const mark = el("span", "cg-" + kind, words);
        mark.title = kind === "insertion" ? "editorial insertion: not the speaker's words" : "words left out";
        append(block, mark);
      }
    });
    return block;
  }

  function section(panel, title, ...content) {
    append(panel, el("h3", null, title), ...content);
  }

  function field(panel, label, value) {
    if (value === undefined || value === null || value === "" || (Array.isArray(value) && !value.length)) return;
    const p = el("p");
    append(p, el("strong", null, label + ": "), value instanceof Node ? value : String(value));
    append(panel, p);
  }

  function list(items, render) {
    const ul = el("ul");
    items.forEach((item) => append(ul, append(el("li"), ...[].concat(render(item)))));
    return ul;
  }

  function byDate(a, b) {
    const da = (byId.get(a) || {}).info || {}, db = (byId.get(b) || {}).info || {};
    return String(da.date_from || "9999").localeCompare(String(db.date_from || "9999"));
  }

  function claimDetails(n, panel) {
    const info = n.info;
    if (info.date_text) field(panel, "Date", info.date_text + (info.date ? " (" + info.date + ")" : ""));
    else field(panel, "Date", "not dated");
    if (info.date_note) append(panel, el("p", "cg-note", info.date_note));
    field(panel, "Claimant", info.claimant ? nodeLink(info.claimant) : null);
    const targets = outgoing.get(n.id).filter((e) => e.relation === "accuses" || e.relation === "targets");
    field(panel, info.kind === "accusation" ? "Accuses" : "Addressed to", targets.length ? joinNodes(targets.map((e) => e.to)) : null);
    section(panel, "What was claimed", el("p", "cg-text", info.text));
    const quotes = info.quotes || (info.quote ? [info.quote] : []);
    if (quotes.length) section(panel, "In their words", ...quotes.map((q, i) => quoteBlock(q, (info.quote_parts || [])[i])));
    field(panel, "Places", (info.places || []).length ? joinNodes(info.places) : null);
    field(panel, "Basis", info.basis ? info.basis.replace(/-/g, " ") : null);
    field(panel, "Credibility", info.credibility);
    field(panel, "Tags", (info.tags || []).join(", "));
    reportsSection(n, panel);
    responsesSection(n, panel);
    if (info.note) section(panel, "Note", el("p", "cg-note", info.note));
  }

  function reportsSection(n, panel) {
    const reports = n.info.reports || [];
    if (!reports.length) return;
    section(panel, "Reported in", list(reports, (report) => chain(n, report)));
  }

  function chain(n, report) {
    const parts = [];
    if (n.info.claimant) parts.push(nodeLink(n.info.claimant));
    (report.via || []).forEach((actor) => parts.push(" → ", nodeLink(actor)));
    parts.push(" → ", nodeLink(report.source));
    const source = byId.get(report.source);
    if (source) {
      const info = source.info;
      if (info.publisher) parts.push(" (", nodeLink(info.publisher), info.published_text ? ", " + info.published_text : "", ")");
      else if (info.published_text) parts.push(" (" + info.published_text + ")");
      if (info.url) parts.push(" ", externalLink(info.url, "open source ↗"));
    }
    if (report.note) parts.push(el("div", "cg-note", report.note));
    return append(el("span", "cg-chain"), ...parts);
  }

  const typeOf = (id) => (byId.get(id) || {}).type;

  function responsesSection(n, panel) {
    const stances = outgoing.get(n.id).filter((e) => STANCES.has(e.relation) && typeOf(e.to) === "proposition");
    if (stances.length) section(panel, "On what is at issue", list(stances, (e) => [e.relation + " ", nodeLink(e.to)]));
    const grounds = outgoing.get(n.id).filter((e) => e.relation === "rests_on" || e.relation === "cites");
    if (grounds.length) section(panel, "Grounds", list(grounds, (e) => [relationById.get(e.relation).text.split(" (")[0] + " ", nodeLink(e.to)]));
    const answers = outgoing.get(n.id).filter((e) => RESPONSES.has(e.relation) && typeOf(e.to) === "claim");
    const answeredBy = incoming.get(n.id).filter((e) => RESPONSES.has(e.relation) && typeOf(e.from) === "claim");
    if (answers.length) section(panel, "Answers", list(answers, (e) => [e.relation + " ", nodeLink(e.to), dateSuffix(e.to)]));
    if (answeredBy.length) {
      answeredBy.sort((a, b) => byDate(a.from, b.from));
      section(panel, "Answered by", list(answeredBy, (e) => [nodeLink(e.from), dateSuffix(e.from), " " + e.relation + " this"]));
    }
  }

  function dateSuffix(id) {
    const info = (byId.get(id) || {}).info || {};
    return info.date_text ? " (" + info.date_text + ")" : "";
  }

  function claimList(edges, end) {
    const ids = [...new Set(edges.map((e) => e[end]))].sort(byDate);
    return list(ids, (id) => [nodeLink(id), dateSuffix(id)]);
  }

  function actorDetails(n, panel) {
    const info = n.info;
    field(panel, "Also called", (info.aliases || []).join("; "));
    if (info.description) append(panel, el("p", "cg-text", info.description));
    field(panel, "Member of", (info.member_of || []).length ? joinNodes(info.member_of) : null);
    const members = incoming.get(n.id).filter((e) => e.relation === "member_of").map((e) => e.from);
    field(panel, "Members", members.length ? joinNodes(members) : null);
    field(panel, "Reliability", info.reliability);
    const groups = [
      ["Claims made", outgoing.get(n.id).filter((e) => e.relation === "made"), "to"],
      ["Accused in", incoming.get(n.id).filter((e) => e.relation === "accuses"), "from"],
      ["Addressed in", incoming.get(n.id).filter((e) => e.relation === "targets"), "from"],
      ["Relayed", outgoing.get(n.id).filter((e) => e.relation === "relays"), "to"],
      ["Published", incoming.get(n.id).filter((e) => e.relation === "published_by"), "from"],
    ];
    groups.forEach(([title, edges, end]) => { if (edges.length) section(panel, title, claimList(edges, end)); });
    if (info.note) section(panel, "Note", el("p", "cg-note", info.note));
  }

  function sourceDetails(n, panel) {
    const info = n.info;
    field(panel, "Publisher", info.publisher ? nodeLink(info.publisher) : null);
    field(panel, "Published", info.published_text);
    if (info.date_note) append(panel, el("p", "cg-note", info.date_note));
    field(panel, "Language", info.language);
    if (info.url) field(panel, "Link", externalLink(info.url, info.url));
    field(panel, "Archived text", info.archive);
    const reported = outgoing.get(n.id).filter((e) => e.relation === "reports");
    if (reported.length) section(panel, "Claims reported", claimList(reported, "to"));
    if (info.note) section(panel, "Note", el("p", "cg-note", info.note));
  }

  function placeDetails(n, panel) {
    field(panel, "Also called", (n.info.aliases || []).join("; "));
    if (n.info.description) append(panel, el("p", "cg-text", n.info.description));
    const claims = incoming.get(n.id).filter((e) => e.relation === "concerns");
    if (claims.length) section(panel, "Claims about it", claimList(claims, "from"));
  }

  function propositionDetails(n, panel) {
    const info = n.info;
    section(panel, "What is at issue", el("p", "cg-text", info.statement));
    field(panel, "Implicates", (info.implicates || []).length ? joinNodes(info.implicates) : null);
    field(panel, "Places", (info.places || []).length ? joinNodes(info.places) : null);
    const stances = incoming.get(n.id).filter((e) => STANCES.has(e.relation));
    stances.sort((a, b) => byDate(a.from, b.from));
    if (stances.length) section(panel, "Claims on it", list(stances, (e) => [nodeLink(e.from), dateSuffix(e.from), " " + e.relation + " it"]));
    if (info.note) section(panel, "Note", el("p", "cg-note", info.note));
  }

  function evidenceDetails(n, panel) {
    const info = n.info;
    field(panel, "Kind", info.kind);
    if (info.description) append(panel, el("p", "cg-text", info.description));
    field(panel, "Date", info.date_text);
    field(panel, "By", (info.by || []).length ? joinNodes(info.by) : null);
    field(panel, "Places", (info.places || []).length ? joinNodes(info.places) : null);
    if (info.url) field(panel, "Link", externalLink(info.url, info.url));
    const citing = incoming.get(n.id).filter((e) => ["cites", "rests_on", "said_at"].includes(e.relation));
    if (citing.length) section(panel, "Claims citing, resting on or made at it", list(citing, (e) => [nodeLink(e.from), " " + relationById.get(e.relation).text.split(" (")[0]]));
    const reported = incoming.get(n.id).filter((e) => e.relation === "reports");
    field(panel, "Reported in", reported.length ? joinNodes(reported.map((e) => e.from)) : null);
    if (info.note) section(panel, "Note", el("p", "cg-note", info.note));
  }

  function genericDetails(n, panel) {
    Object.keys(n.info).forEach((key) => field(panel, key, JSON.stringify(n.info[key])));
  }

  // --- search ----------------------------------------------------------------------------------

  const fold = (text) => String(text || "").normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
  const searchIndex = data.nodes.map((n) => ({
    node: n,
    id: fold(n.id),
    name: fold(n.name),
    names: fold([n.id, n.name, n.label, n.info.name, n.info.title].concat(n.info.aliases || []).join("\n")),
    text: fold([n.info.text, n.info.quote, n.info.description, (n.info.tags || []).join(" ")].join("\n")),
  }));

  function rank(entry, q) {
    if (entry.id === q || entry.name === q) return 0;
    if (entry.name.startsWith(q) || entry.name.includes(" " + q)) return 1;
    if (entry.names.includes(q)) return 2;
    return entry.text.includes(q) ? 3 : -1;
  }

  function search(text) {
    const q = fold(text).trim();
    if (!q) return [];
    return searchIndex
      .map((entry) => ({ entry: entry, score: rank(entry, q) }))
      .filter((r) => r.score >= 0)
      .sort((a, b) => a.score - b.score || TYPE_ORDER[a.entry.node.type] - TYPE_ORDER[b.entry.node.type] ||
                      a.entry.node.name.localeCompare(b.entry.node.name))
      .map((r) => r.entry.node);
  }
  api.search = search;

  function showSuggestions(matches) {
    const ul = $("cg-results");
    ul.replaceChildren();
    matches.slice(0, 12).forEach((n) => {
      const button = el("button", null, n.name);
      button.type = "button";
      append(button, el("span", "cg-type", (n.type === "claim" ? n.info.kind : n.type) + (state.hidden.has(n.id) ? " · hidden by the filters" : "")));
      button.addEventListener("click", () => { ul.hidden = true; select(n.id, { focus: true }); });
      append(ul, append(el("li"), button));
    });
    if (!matches.length) append(ul, el("li", "cg-none", "No match"));
    ul.hidden = !$("cg-search").value.trim();
  }

  function findAll(text) {
    const matches = search(text).filter((n) => !state.hidden.has(n.id));
    $("cg-results").hidden = true;
    if (matches.length === 1) return select(matches[0].id, { focus: true });
    if (!matches.length) { showSuggestions([]); return false; }
    const ids = matches.map((n) => n.id);
    state.current = null;
    api.network.selectNodes(ids, false);
    highlight({ ids: new Set(ids), edges: new Set() });
    focusOn(ids);
    showMatches(text, matches);
    return true;
  }

  function showMatches(text, matches) {
    const panel = $("cg-details");
    panel.hidden = false;
    panel.replaceChildren(el("h2", null, matches.length + " matches for “" + text.trim() + "”"));
    append(panel, list(matches.slice(0, 200), (n) => [nodeLink(n.id), el("span", "cg-type", " " + n.type)]));
  }

  $("cg-search-form").addEventListener("submit", (event) => { event.preventDefault(); findAll($("cg-search").value); });
  $("cg-search").addEventListener("input", () => showSuggestions(search($("cg-search").value)));
  $("cg-search").addEventListener("keydown", (event) => { if (event.key === "Escape") $("cg-results").hidden = true; });
  document.addEventListener("click", (event) => {
    if (!$("cg-search-form").contains(event.target)) $("cg-results").hidden = true;
  });

  // --- filters -------------------------------------------------------------------------------

  const filterState = () => ({
    sides: checkedValues("cg-filter-sides"), kinds: checkedValues("cg-filter-kinds"),
    relations: checkedValues("cg-filter-relations"), actor: $("cg-filter-actor").value,
    place: $("cg-filter-place").value, from: $("cg-date-from").value, to: $("cg-date-to").value,
    undated: $("cg-undated").checked, members: $("cg-members").checked,
  });

  function checkedValues(fieldsetId) {
    const all = [...$(fieldsetId).querySelectorAll("input[type=checkbox]")];
    return { all: all.length, on: new Set(all.filter((c) => c.checked).map((c) => c.value)) };
  }

  function checkbox(fieldsetId, value, text, colour) {
    const input = el("input");
    input.type = "checkbox";
    input.value = value;
    input.checked = true;
    input.addEventListener("change", applyFilters);
    const label = append(el("label"), input);
    if (colour) { const swatch = el("span", "cg-swatch"); swatch.style.background = colour; append(label, swatch); }
    append($(fieldsetId), append(label, text));
  }

  function option(selectId, value, text) {
    const o = el("option", null, text);
    o.value = value;
    append($(selectId), o);
  }

  function buildFilters() {
    data.sides.forEach((s) => checkbox("cg-filter-sides", s.id, s.name, s.colour));
    checkbox("cg-filter-sides", "", "no side", data.noSideColour);
    const kinds = Object.keys(data.filters.selects.kind).sort();
    kinds.forEach((k) => checkbox("cg-filter-kinds", k, k, KIND_COLOURS[k]));
    const present = new Set(edgeList.map((e) => e.relation));
    data.relations.filter((r) => present.has(r.id)).forEach((r) => checkbox("cg-filter-relations", r.id, r.text));
    const sorted = (type) => data.nodes.filter((n) => n.type === type).sort((a, b) => a.name.localeCompare(b.name));
    sorted("actor").forEach((n) => option("cg-filter-actor", n.id, n.name));
    sorted("place").forEach((n) => option("cg-filter-place", n.id, n.name));
    ["cg-filter-actor", "cg-members", "cg-filter-place", "cg-date-from", "cg-date-to", "cg-undated"].forEach((id) =>
      $(id).addEventListener("change", applyFilters));
  }

  // The filter rule is decided in Python (graph/queries/filters.py, select_claims): the data lists, for each
  // actor, side, kind and place, the claims it selects. The page only intersects those lists.
  const claimNodes = data.nodes.filter((n) => n.type === "claim");
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

  // A partial date counts when any day of it falls in the range (as queries/when.py overlaps).
  function datePasses(info, f) {
    if (!f.from && !f.to) return Boolean(info.date_from) || f.undated;
    if (!info.date_from) return f.undated;
    return !(f.from && info.date_to < f.from) && !(f.to && info.date_from > f.to);
  }

  function selectedClaims(f) {
    const actorClaims = f.actor ? selects[f.members ? "members" : "actor"].get(f.actor) || new Set() : null;
    const placeClaims = f.place ? selects.place.get(f.place) || new Set() : null;
    return new Set(claimNodes.filter((n) =>
      f.sides.on.has(claimSide.get(n.id)) && f.kinds.on.has(claimKind.get(n.id)) &&
      (!actorClaims || actorClaims.has(n.id)) && (!placeClaims || placeClaims.has(n.id)) && datePasses(n.info, f)
    ).map((n) => n.id));
  }
  api.selectedClaims = () => [...selectedClaims(filterState())].sort();

  // What a shown claim needs to be read: the claim a response answers, the actor an accusation accuses.
  function contextOf(claims, f) {
    const context = new Set();
    claims.forEach((id) => outgoing.get(id).forEach((e) => {
      if (CONTEXT.has(e.relation) && f.relations.on.has(e.relation) && !claims.has(e.to)) context.add(e.to);
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

  function applyFilters() {
    const f = filterState();
    const { shown, context } = visibleNodes(f);
    setContext(context);
    const nodeUpdates = [];
    data.nodes.forEach((n) => {
      const hide = !shown.has(n.id);
      if (hide !== state.hidden.has(n.id)) nodeUpdates.push({ id: n.id, hidden: hide });
      if (hide) state.hidden.add(n.id); else state.hidden.delete(n.id);
    });
    const edgeUpdates = [];
    edgeList.forEach((e) => {
      const hide = !(f.relations.on.has(e.relation) && shown.has(e.from) && shown.has(e.to));
      if (hide !== state.hiddenEdges.has(e.id)) edgeUpdates.push({ id: e.id, hidden: hide });
      if (hide) state.hiddenEdges.add(e.id); else state.hiddenEdges.delete(e.id);
    });
    if (nodeUpdates.length) api.nodes.update(nodeUpdates);
    if (edgeUpdates.length) api.edges.update(edgeUpdates);
    if (state.current && state.hidden.has(state.current)) clearSelection();
    updateCounts();
    writeAddress(true);
  }
  api.applyFilters = applyFilters;

  function resetFilters() {
    $("cg-filters").querySelectorAll("input[type=checkbox]").forEach((c) => { c.checked = true; });
    $("cg-members").checked = false;
    ["cg-filter-actor", "cg-filter-place", "cg-date-from", "cg-date-to"].forEach((id) => { $(id).value = ""; });
    applyFilters();
  }

  function updateCounts() {
    renderList();
    const counts = visibleCounts();
    const total = data.nodes.length + " nodes, " + edgeList.length + " edges";
    $("cg-counts").textContent = counts.nodes === data.nodes.length && counts.edges === edgeList.length
      ? total : counts.nodes + " of " + data.nodes.length + " nodes, " + counts.edges + " of " + edgeList.length + " edges shown";
  }

  function visibleCounts() {
    return { nodes: data.nodes.length - state.hidden.size, edges: edgeList.length - state.hiddenEdges.size };
  }
  api.visibleCounts = visibleCounts;

  function reset() {
    state.moved = false;
    $("cg-search").value = "";
    $("cg-results").hidden = true;
    resetFilters();
    clearSelection();
    fitAll(true);
  }
  api.reset = reset;
  api.select = (id) => select(id, { focus: true });

  // --- the list of shown nodes: the canvas as text, and the way to every node by keyboard ----------------

  const LIST_LIMIT = 300;
  const listOrder = data.nodes.slice().sort((a, b) => TYPE_ORDER[a.type] - TYPE_ORDER[b.type] ||
    (a.type === "claim" ? byDate(a.id, b.id) : 0) || a.name.localeCompare(b.name));
  const listText = new Map(searchIndex.map((entry) => [entry.node.id, entry.names + "\n" + entry.text]));

  function listItem(n) {
    const button = el("button", "cg-list-item", n.name);
    button.type = "button";
    button.dataset.node = n.id;
    const what = n.type === "claim" ? n.info.kind + (n.info.date_text ? ", " + n.info.date_text : "") : n.type;
    append(button, el("span", "cg-type", " " + what + (state.context.has(n.id) ? ", context" : "")));
    if (n.id === state.current) button.setAttribute("aria-current", "true");
    button.addEventListener("click", () => {
      if (document.body.classList.contains("cg-drawer-open")) toggleDrawer(false);
      select(n.id, { focus: true });
    });
    return append(el("li"), button);
  }

  function renderList() {
    const q = fold($("cg-list-filter").value).trim();
    const shown = listOrder.filter((n) => !state.hidden.has(n.id) && (!q || listText.get(n.id).includes(q)));
    const ul = $("cg-list-items");
    ul.replaceChildren(...shown.slice(0, LIST_LIMIT).map(listItem));
    if (shown.length > LIST_LIMIT) append(ul, el("li", "cg-none", (shown.length - LIST_LIMIT) + " more: narrow the filter"));
    if (!shown.length) append(ul, el("li", "cg-none", "Nothing shown matches"));
    $("cg-list-count").textContent = "(" + shown.length + ")";
  }
  function markListed(id) {
    $("cg-list-items").querySelectorAll("button[aria-current]").forEach((b) => b.removeAttribute("aria-current"));
    const button = id && $("cg-list-items").querySelector('button[data-node="' + CSS.escape(id) + '"]');
    if (button) button.setAttribute("aria-current", "true");
  }

  api.listedNodes = () => [...$("cg-list-items").querySelectorAll("button")].map((b) => b.dataset.node);
  $("cg-list-filter").addEventListener("input", renderList);

  // --- keyboard: Escape closes what is open, arrows walk the suggestions ---------------------------

  function suggestionButtons() {
    return [...$("cg-results").querySelectorAll("button")];
  }

  $("cg-search").addEventListener("keydown", (event) => {
    if (event.key !== "ArrowDown" || $("cg-results").hidden) return;
    const first = suggestionButtons()[0];
    if (first) { event.preventDefault(); first.focus(); }
  });

  $("cg-results").addEventListener("keydown", (event) => {
    const buttons = suggestionButtons();
    const at = buttons.indexOf(document.activeElement);
    if (event.key === "ArrowDown" && at < buttons.length - 1) { event.preventDefault(); buttons[at + 1].focus(); }
    if (event.key === "ArrowUp") { event.preventDefault(); (at > 0 ? buttons[at - 1] : $("cg-search")).focus(); }
  });

  document.addEventListener("keydown", (event) => {
    if (event.key !== "Escape") return;
    if (!$("cg-results").hidden) {
      $("cg-results").hidden = true;
      $("cg-search").focus();
    } else if (document.body.classList.contains("cg-drawer-open")) {
      toggleDrawer(false);
    } else if (!$("cg-details").hidden) {
      const from = state.current;
      const inPanel = $("cg-details").contains(document.activeElement);
      clearSelection();
      const back = from && $("cg-list-items").querySelector('button[data-node="' + CSS.escape(from) + '"]');
      if (inPanel && back) back.focus();
    }
  });

  // On a narrow screen the filters are a drawer over the graph.
  function toggleDrawer(open) {
    document.body.classList.toggle("cg-drawer-open", open);
    $("cg-filters-toggle").setAttribute("aria-expanded", String(open));
    if (open) $("cg-filters").querySelector("input, select, button").focus();
    else $("cg-filters-toggle").focus();
  }
  $("cg-drawer-close").addEventListener("click", () => toggleDrawer(false));
  $("cg-filters-toggle").addEventListener("click", () => toggleDrawer(!document.body.classList.contains("cg-drawer-open")));

  // --- export: the current view (what the filters show, as coloured now) as SVG or PNG ---------------

  const SVG_NS = "http://www.w3.org/2000/svg";

  function svgEl(tag, attrs, text) {
    const node = document.createElementNS(SVG_NS, tag);
    Object.entries(attrs).forEach(([k, v]) => { if (v !== undefined && v !== null && v !== false) node.setAttribute(k, String(v)); });
    if (text !== undefined) node.textContent = String(text);
    return node;
  }

  function svgShape(n, style, body) {
    const colour = style.color || {};
    const fill = colour.background || "#ccc", stroke = colour.border || "#555";
    const dashes = ((style.shapeProperties || {}).borderDashes || []);
    const common = { fill: fill, stroke: stroke, "stroke-width": style.borderWidth || 1.5,
                     "stroke-dasharray": dashes.length ? dashes.join(" ") : null };
    const w = body.shape.width || 20, h = body.shape.height || 20, r = (style.size || 10);
    const kind = data.shapes[n.type] || "dot";
    if (kind === "box") return svgEl("rect", Object.assign({ x: n.x - w / 2, y: n.y - h / 2, width: w, height: h, rx: 3 }, common));
    if (kind === "square") return svgEl("rect", Object.assign({ x: n.x - r, y: n.y - r, width: 2 * r, height: 2 * r }, common));
    const corners = { triangle: [[0, -1.1], [1, 0.8], [-1, 0.8]], diamond: [[0, -1.2], [1.2, 0], [0, 1.2], [-1.2, 0]],
                      hexagon: [[-0.5, -0.87], [0.5, -0.87], [1, 0], [0.5, 0.87], [-0.5, 0.87], [-1, 0]] }[kind];
    if (corners) return svgEl("polygon", Object.assign({ points: corners.map(([x, y]) => (n.x + x * r) + "," + (n.y + y * r)).join(" ") }, common));
    return svgEl("circle", Object.assign({ cx: n.x, cy: n.y, r: r }, common));
  }

  function exportSvg() {
    const shown = data.nodes.filter((n) => !state.hidden.has(n.id));
    const bodies = api.network.body.nodes;
    let [left, top, right, bottom] = [Infinity, Infinity, -Infinity, -Infinity];
    shown.forEach((n) => {
      left = Math.min(left, n.x - 90); right = Math.max(right, n.x + 90); top = Math.min(top, n.y - 40); bottom = Math.max(bottom, n.y + 40);
    });
    if (!shown.length) [left, top, right, bottom] = [0, 0, 100, 100];
    const svg = svgEl("svg", { xmlns: SVG_NS, viewBox: [left, top, right - left, bottom - top].join(" "),
                               width: Math.round(right - left), height: Math.round(bottom - top), "font-family": FONT });
    append(svg, svgEl("title", {}, data.title), svgEl("rect", { x: left, y: top, width: right - left, height: bottom - top, fill: "#fff" }));
    const edgesGroup = append(svg, svgEl("g", { "stroke-linecap": "round" })).lastChild;
    edgeList.forEach((e) => {
      if (state.hiddenEdges.has(e.id)) return;
      const style = api.edges.get(e.id), a = byId.get(e.from), b = byId.get(e.to);
      const colour = (style.color || {}).color || "#999";
      append(edgesGroup, svgEl("line", { x1: a.x, y1: a.y, x2: b.x, y2: b.y, stroke: colour, "stroke-width": style.width || 1,
                                         "stroke-dasharray": Array.isArray(style.dashes) ? style.dashes.join(" ") : null,
                                         "data-relation": e.relation }));
    });
    shown.forEach((n) => {
      const style = api.nodes.get(n.id), body = bodies[n.id];
      const g = append(svg, svgEl("g", { "data-node": n.id })).lastChild;
      append(g, svgShape(n, style, body));
      const lines = String(n.label || "").split("\n");
      const size = ((style.font || {}).size) || 14;
      const below = data.shapes[n.type] !== "box";
      const y0 = below ? n.y + (style.size || 10) + size : n.y - ((lines.length - 1) * size) / 2 + size / 3;
      const text = svgEl("text", { "text-anchor": "middle", "font-size": size, fill: (style.font || {}).color || "#222" });
      lines.forEach((line, i) => append(text, svgEl("tspan", { x: n.x, y: y0 + i * size * 1.1 }, line)));
      append(g, text);
    });
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + new XMLSerializer().serializeToString(svg);
  }
  api.exportSvg = exportSvg;

  function exportPng() {
    const source = $("cg-network").querySelector("canvas");
    const canvas = document.createElement("canvas");
    canvas.width = source.width;
    canvas.height = source.height;
    const ctx = canvas.getContext("2d");
    ctx.fillStyle = "#fff";
    ctx.fillRect(0, 0, canvas.width, canvas.height);
    ctx.drawImage(source, 0, 0);
    return canvas.toDataURL("image/png");
  }
  api.exportPng = exportPng;

  function download(name, href) {
    const a = el("a");
    a.href = href;
    a.download = name;
    document.body.append(a);
    a.click();
    a.remove();
  }

  const fileName = (ext) => (String(data.title).replace(/[^\w.-]+/g, "-").replace(/^-+|-+$/g, "") || "claims") + "." + ext;
  $("cg-export-svg").addEventListener("click", () => {
    const url = URL.createObjectURL(new Blob([exportSvg()], { type: "image/svg+xml" }));
    download(fileName("svg"), url);
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  });
  $("cg-export-png").addEventListener("click", () => download(fileName("png"), exportPng()));

  // --- the view, kept across reloads by `claimgraph serve` (assets/serve.js) ---------------------------

  const CHECKBOX_FILTERS = ["cg-filter-sides", "cg-filter-kinds", "cg-filter-relations"];
  const VALUE_FILTERS = ["cg-filter-actor", "cg-filter-place", "cg-date-from", "cg-date-to", "cg-search"];

  function viewState() {
    const unchecked = {};
    CHECKBOX_FILTERS.forEach((id) => {
      unchecked[id] = [...$(id).querySelectorAll("input[type=checkbox]")].filter((c) => !c.checked).map((c) => c.value);
    });
    const values = {};
    VALUE_FILTERS.forEach((id) => { values[id] = $(id).value; });
    return { selected: state.current, unchecked: unchecked, values: values, undated: $("cg-undated").checked,
             members: $("cg-members").checked, position: api.network.getViewPosition(), scale: api.network.getScale() };
  }
  api.viewState = viewState;

  // Filters first (they decide what is shown), then the selection without moving the view, then the view.
  function restoreView(view) {
    state.restoring = true;
    try { applyView(view); } finally { state.restoring = false; }
  }

  function applyView(view) {
    Object.entries(view.unchecked || {}).forEach(([id, values]) => {
      const off = new Set(values);
      if (CHECKBOX_FILTERS.includes(id)) $(id).querySelectorAll("input[type=checkbox]").forEach((c) => { c.checked = !off.has(c.value); });
    });
    Object.entries(view.values || {}).forEach(([id, value]) => { if (VALUE_FILTERS.includes(id)) $(id).value = String(value); });
    $("cg-undated").checked = view.undated !== false;
    $("cg-members").checked = view.members === true;
    applyFilters();
    const moved = Boolean(view.position && Number.isFinite(view.scale));
    state.moved = moved;
    if (view.selected && byId.has(view.selected)) select(view.selected, { focus: !moved });
    else if (state.current) clearSelection();
    if (moved) {
      api.network.moveTo({ position: { x: Number(view.position.x), y: Number(view.position.y) }, scale: view.scale, animation: false });
    }
  }
  api.restoreView = restoreView;

  $("cg-reset").addEventListener("click", reset);
  buildFilters();
  requestAnimationFrame(() => setTimeout(start, 0));
})();

/* canvas.js: the vis-network canvas: drawing it, fitting the view, the timeline's headings, dimming and context. */
CG.canvas = function (app) {
  "use strict";

  const { $ } = CG.dom;
  const { data, model, state, api } = app;
  const { FONT, mix, darken, nodeStyle, edgeStyle, networkOptions, dashesVisible, DIM_NODE, CONTEXT_NODE, DIM_EDGE,
          SOLID_NODE, SOLID_EDGE } = CG.style;

  let styled = null;  // { nodes, edges }: every node's and link's look, from styleAll
  // Nodes or links handed to vis-network per task: it takes ~0.1 ms to make each, and the 20,000-claim overview
  // has 6,000 nodes, which all in one task held the page for most of a second.
  const ITEMS_PER_TASK = 2000;

  // Apart from start, in a task of its own: at 20,000 claims styling everything takes a few hundred ms.
  function styleAll() {
    styled = { nodes: data.nodes.map((n) => nodeStyle(data, n)), edges: model.edgeList.map((e) => edgeStyle(data, model, e)) };
    styled.nodes.forEach((s) => state.baseNodes.set(s.id, { color: s.color, font: s.font || {},
                                                         shapeProperties: s.shapeProperties || { borderDashes: false } }));
    styled.edges.forEach((s) => {
      state.baseEdges.set(s.id, { color: s.color });
      if (s.dashes) state.edgeDashes.set(s.id, s.dashes);
    });
  }

  function start() {
    if (!styled) styleAll();
    const drawn = app.canvasItems(styled.nodes, styled.edges);  // overview.js: everything, or the overview
    styled = null;
    // drawn solid from the start if the fitted view is too far out to see dashes (the overview opens closer in):
    // restyling them after the DataSets are made would cost vis-network as much as the dashes
    state.dashesShown = Boolean(data.overview) || dashesVisible(fittedView().scale);
    const solid = (item, look) => (state.dashesShown ? item : Object.assign({}, item, look));
    const nodes = drawn.nodes.map((n) => ((n.shapeProperties || {}).borderDashes ? solid(n, SOLID_NODE) : n));
    const edges = drawn.edges.map((e) => (e.dashes ? solid(e, SOLID_EDGE) : e));
    api.nodes = new vis.DataSet();
    api.edges = new vis.DataSet();
    api.network = new vis.Network($("cg-network"), { nodes: api.nodes, edges: api.edges }, networkOptions(data));
    api.network.body.emitter.emit("_blockRedraw");  // no frame until every item is in (a vis-network event)
    if (data.timeline) api.network.on("beforeDrawing", drawTimeline);
    api.network.on("click", onClick);
    api.network.on("hoverNode", app.preview);
    api.network.on("blurNode", app.hidePreview);
    api.network.on("dragStart", app.hidePreview);
    const moved = () => { state.moved = true; app.writeAddress(false); };
    api.network.on("dragEnd", (params) => { if (!params.nodes.length) moved(); });
    api.network.on("zoom", () => { clearTimeout(state.zoomTimer); state.zoomTimer = setTimeout(moved, 250); });
    api.network.on("zoom", fitDashes);
    // any other move (fit, focus, an address's view) is caught after it is drawn
    api.network.on("afterDrawing", () => { if (dashesVisible(api.network.getScale()) !== state.dashesShown) requestAnimationFrame(fitDashes); });
    const handOver = (items, to) => {
      const steps = [];
      for (let k = 0; k < items.length; k += ITEMS_PER_TASK) steps.push(() => to.add(items.slice(k, k + ITEMS_PER_TASK)));
      return steps;
    };
    app.inTurn([...handOver(nodes, api.nodes), ...handOver(edges, api.edges), () => {
      api.network.body.emitter.emit("_allowRedraw");
      api.network.once("afterDrawing", app.onFirstDraw);
      fitAll(false);
      api.network.body.emitter.emit("_requestRedraw");  // in the next frame: a frame drawn now would be this task's
    }]);
  }

  // Dashed links and borders drawn as dashes only at a zoom they can be seen at (style.js DASHES_MIN_SCALE): when
  // the view crosses it, one update of the dashed items only.
  function fitDashes() {
    const shown = dashesVisible(api.network.getScale());
    if (shown === state.dashesShown) return;
    state.dashesShown = shown;
    const nodeUpdates = [];
    state.baseNodes.forEach((base, id) => {
      const declared = nodeDashes(id);
      if (declared) nodeUpdates.push({ id: id, shapeProperties: { borderDashes: shown ? declared : false } });
    });
    const edgeUpdates = [...state.edgeDashes].map(([id, dashes]) => ({ id: id, dashes: shown ? dashes : false }));
    drawOnce(() => {
      app.updateNodes(nodeUpdates);
      app.updateEdges(edgeUpdates);
      return nodeUpdates.length + edgeUpdates.length > 0;
    });
  }

  // The dashes a node's border or a link is declared with (style.js), whatever the zoom draws now; false if solid.
  const nodeDashes = (id) => ((state.baseNodes.get(id) || {}).shapeProperties || {}).borderDashes || false;
  const edgeDashes = (id) => state.edgeDashes.get(id) || false;

  function onClick(params) {
    app.hidePreview();
    if (app.overviewClick(params)) return;
    if (params.nodes.length) app.select(params.nodes[0], { focus: false });
    else if (params.edges.length) app.explainEdge(params.edges[0]);
    else app.clearSelection();
  }

  // Below this zoom a timeline's 14 px labels are drawn under 9 px: too small to read. A timeline too big to
  // fit at this zoom opens at its start instead, the first date column's left edge and the headings at the top
  // left, and the rest of the story is a drag away.
  const READABLE_TIMELINE_SCALE = 0.65;

  function fitAll(animate) {
    if (app.openOverview(animate)) return;
    const view = fittedView();
    api.network.moveTo({ position: view.position, scale: view.scale,
                         animation: animate ? { duration: 300, easingFunction: "easeInOutQuad" } : false });
  }

  // The centre and zoom that fit the whole drawing (or a big timeline's start) in the canvas.
  function fittedView() {
    const [left, top, right, bottom] = app.extent();
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
    return { position: { x: x, y: y + (margin.bottom - margin.top) / 2 / scale }, scale: scale };
  }

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

  function neighbourhood(id) {
    const ids = new Set([id]);
    const edges = new Set();
    model.outgoing.get(id).forEach((e) => { ids.add(e.to); edges.add(e.id); });
    model.incoming.get(id).forEach((e) => { ids.add(e.from); edges.add(e.id); });
    return { ids: ids, edges: edges };
  }

  // Context nodes (kept by a filter only to explain what is shown) are drawn faded, in grey.
  function baseStyle(id) {
    if (state.context.has(id)) return CONTEXT_NODE;
    return state.dashesShown ? state.baseNodes.get(id) : Object.assign({}, state.baseNodes.get(id), SOLID_NODE);
  }

  // Makes `context` the context nodes; returns the style updates of the nodes that became or stopped being context.
  function contextUpdates(context) {
    const changed = [...context].filter((id) => !state.context.has(id)).concat([...state.context].filter((id) => !context.has(id)));
    state.context = context;
    return changed.filter((id) => !state.dimmedNodes.has(id)).map((id) => Object.assign({ id: id }, baseStyle(id)));
  }

  // Everything outside `keep` ({ids, edges}) is dimmed; null dims nothing.
  function highlight(keep) {
    const nodeUpdates = [];
    data.nodes.forEach((n) => {
      const dim = keep !== null && !keep.ids.has(n.id) && app.dimmable(n.id);
      if (dim === state.dimmedNodes.has(n.id)) return;
      if (dim) state.dimmedNodes.add(n.id); else state.dimmedNodes.delete(n.id);
      nodeUpdates.push(Object.assign({ id: n.id }, dim ? DIM_NODE : baseStyle(n.id)));
    });
    const edgeUpdates = [];
    model.edgeList.forEach((e) => {
      const dim = keep !== null && !keep.edges.has(e.id);
      if (dim === state.dimmedEdges.has(e.id)) return;
      if (dim) state.dimmedEdges.add(e.id); else state.dimmedEdges.delete(e.id);
      edgeUpdates.push(Object.assign({ id: e.id }, dim ? DIM_EDGE : state.baseEdges.get(e.id)));
    });
    app.updateNodes(nodeUpdates);
    app.updateEdges(edgeUpdates);
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

  // Runs `updates` (DataSet changes; it returns whether it changed anything) and draws the result once, at the next
  // frame. After every DataSet update vis-network 9 redraws the whole canvas there and then (with physics off,
  // "startSimulation" draws), which takes seconds at thousands of nodes; its renderer's own events put that off.
  function drawOnce(updates) {
    const emitter = api.network.body.emitter;
    let changed = false;
    emitter.emit("_blockRedraw");
    try { changed = updates(); } finally { emitter.emit("_allowRedraw"); }
    if (changed) emitter.emit("_requestRedraw");
  }

  return { styleAll: styleAll, start: start, fitAll: fitAll, nodeDashes: nodeDashes, edgeDashes: edgeDashes, drawOnce: drawOnce, neighbourhood: neighbourhood, contextUpdates: contextUpdates, highlight: highlight,
           focusOn: focusOn };
};
